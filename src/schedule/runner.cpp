// The runner: a pool of workers, each taking the next output, checking it under its lock, and
// building and writing it when stale.

#include "schedule/schedule.hpp"
#include "schedule/drift.hpp"
#include "schedule/freshness.hpp"
#include "schedule/lock.hpp"

#include "base/file_io.hpp"
#include "base/hash.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <exception>
#include <map>
#include <mutex>
#include <new>
#include <thread>

namespace brief::schedule {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Forwards to the user's reporter one call at a time.
class SerialReporter {
public:
  explicit SerialReporter(Reporter& reporter) : m_reporter(reporter) {}
  void started(const OutputJob& job) {
    std::lock_guard lock(m_mutex);
    m_reporter.started(job);
  }
  void finished(const OutputResult& result) {
    std::lock_guard lock(m_mutex);
    m_reporter.finished(result);
  }

private:
  std::mutex m_mutex;
  Reporter& m_reporter;
};

std::string first_error(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return d.message;
  return "failed";
}

void record_failure(const OutputPaths& paths, const OutputResult& result) {
  const nlohmann::json json = {{"spec", result.spec}, {"name", result.name},
      {"error", first_error(result.diagnostics)}};
  // Best effort: the failure is reported either way; the record only feeds `brief status`.
  (void)write_file_atomically(paths.failure, json.dump(2, ' ', false,
      nlohmann::json::error_handler_t::replace) + "\n");
}

void clear_failure(const OutputPaths& paths) {
  std::error_code ec;
  fs::remove(paths.failure, ec);
  fs::remove(paths.failed_trace, ec);
}

// The whole-corpus listing to record: the documents the pipeline read, with the hashes of the
// bytes it read, so a document added, changed or removed while the output was being built makes
// it stale rather than silently recorded as included.
std::vector<FileHash> corpus_to_record(const Inputs& inputs) {
  if (!inputs.whole_corpus || inputs.corpus_dir.empty()) return {};
  std::vector<FileHash> listing;
  for (const auto& [path, hash] : inputs.documents)
    listing.push_back(FileHash{fs::path(path).lexically_normal().generic_string(), hash});
  std::sort(listing.begin(), listing.end(),
      [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
  return listing;
}

Manifest make_manifest(const OutputJob& job, BuiltOutput& built) {
  Manifest manifest;
  manifest.brief_version = BRIEF_VERSION;
  manifest.job = settings_of(job);
  manifest.inputs = built.inputs;
  manifest.corpus = corpus_to_record(manifest.inputs);
  // Paths relative to the project from here on, so the key and sort order do not depend on how
  // the spec was named on the command line.
  manifest = with_stored_paths(std::move(manifest), job.project_root);
  auto by_path = [](const auto& a, const auto& b) { return a.first < b.first; };
  std::sort(manifest.inputs.documents.begin(), manifest.inputs.documents.end(), by_path);
  std::sort(manifest.inputs.fonts.begin(), manifest.inputs.fonts.end(), by_path);
  std::sort(manifest.inputs.images.begin(), manifest.inputs.images.end(), by_path);
  std::sort(manifest.corpus.begin(), manifest.corpus.end(),
      [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
  manifest.cited = built.cited;
  std::sort(manifest.cited.begin(), manifest.cited.end(),
      [](const CitedText& a, const CitedText& b) { return a.id < b.id; });
  manifest.sha256 = sha256_hex(built.pdf);
  manifest.bytes = built.pdf.size();
  manifest.pages = built.pages;
  manifest.banner = built.banner;
  if (job.want_trace) manifest.trace_sha256 = sha256_hex(built.trace);
  manifest.key = compute_key(manifest);
  return manifest;
}

struct Context {
  const Plan& plan;
  const Hooks& hooks;
  HashCache cache;
  SerialReporter reporter;
};

Outcome<BuiltOutput> run_pipeline(const Hooks& hooks, const OutputJob& job) {
  try {
    return hooks.pipeline(job);
  } catch (const std::bad_alloc&) {
    throw;  // not this output's fault: the whole run stops (run() rethrows it), exit 3
  } catch (const std::exception& e) {
    // One output's internal fault must not take the other outputs down with it.
    Diagnostics diagnostics;
    diagnostics.error({}, fmt::format("internal error while building `{}`: {}", job.name, e.what()),
        {"this is a bug in brief; please report it with the spec"});
    return diagnostics;
  }
}

void build_one(const OutputJob& job, Context& context, OutputResult& result) {
  const auto start = Clock::now();
  result.spec = job.spec_path.generic_string();
  result.name = job.name;
  context.reporter.started(job);

  if (context.plan.dry_run) {
    auto outcome = run_pipeline(context.hooks, job);
    const bool ok = outcome.ok();  // before the diagnostics move out
    result.diagnostics = std::move(outcome.diagnostics());
    result.status = ok ? Status::checked : Status::failed;
    if (ok) result.pages = outcome->pages, result.bytes = outcome->pdf.size();
    result.seconds = seconds_since(start);
    return;
  }

  const OutputPaths paths = output_paths(context.plan.output_dir, job.name);
  const OutputLock lock(paths.lock);
  if (!lock.locked()) {
    result.diagnostics.error({}, lock.error());
    result.status = Status::failed;
    result.seconds = seconds_since(start);
    return;
  }

  const auto previous = read_manifest(paths.manifest);
  if (!context.plan.force) {
    const auto check = check_freshness(job, previous, paths, context.cache);
    if (check.fresh) {
      result.status = Status::up_to_date;
      result.pages = previous->pages;
      result.bytes = previous->bytes;
      clear_failure(paths);
      result.seconds = seconds_since(start);
      return;
    }
    result.reason = check.reason;
  } else {
    result.reason = "forced";
  }

  auto outcome = run_pipeline(context.hooks, job);
  // Whether it worked, before the diagnostics move out: a failed output may still carry a value
  // (the trace of a layout over its page limit).
  const bool built_ok = outcome.ok();
  result.diagnostics = std::move(outcome.diagnostics());
  auto fail = [&] {
    result.status = Status::failed;
    record_failure(paths, result);
    result.seconds = seconds_since(start);
  };
  if (!built_ok) {
    // The trace of a layout that failed (e.g. over the page limit) goes beside the output, under
    // its own name: the PDF and the trace of the last good build stay as they were.
    if (job.want_trace && outcome.optional() && !outcome->trace.empty()) {
      if (auto error = write_file_atomically(paths.failed_trace, outcome->trace); !error.empty())
        result.diagnostics.error({}, error);
      else
        result.diagnostics.note({}, fmt::format("the layout that failed is traced in `{}`",
            paths.failed_trace.generic_string()));
    }
    if (!result.diagnostics.has_errors())
      result.diagnostics.error({}, fmt::format("building `{}` produced no output", job.name));
    return fail();
  }
  BuiltOutput& built = outcome.value();

  if (previous) {
    const Severity severity = context.plan.strict ? Severity::error : Severity::warning;
    result.diagnostics.append(citation_drift(job, *previous, built, severity));
    if (result.diagnostics.has_errors()) return fail();  // strict: keep the PDF the user had
  }

  // The PDF first, the manifest last: a manifest never describes a PDF that is not on disk, and
  // a run killed in between leaves a manifest whose hash no longer matches, i.e. "pdf modified".
  if (auto error = write_file_atomically(paths.pdf, built.pdf); !error.empty()) {
    result.diagnostics.error({}, error);
    return fail();
  }
  if (job.want_trace) {
    if (auto error = write_file_atomically(paths.trace, built.trace); !error.empty()) {
      result.diagnostics.error({}, error);
      return fail();
    }
  }
  const Manifest manifest = make_manifest(job, built);
  if (auto error = write_file_atomically(paths.manifest, manifest_json(manifest)); !error.empty()) {
    result.diagnostics.error({}, error);
    return fail();
  }
  clear_failure(paths);
  result.status = Status::built;
  result.pages = built.pages;
  result.bytes = built.pdf.size();
  result.seconds = seconds_since(start);
}

bool result_order(const OutputResult& a, const OutputResult& b) {
  return a.spec != b.spec ? a.spec < b.spec : a.name < b.name;
}

} // namespace

std::string_view status_name(Status status) {
  switch (status) {
  case Status::built: return "built";
  case Status::up_to_date: return "up to date";
  case Status::failed: return "failed";
  case Status::checked: return "checked";
  }
  return "failed";
}

bool Report::ok() const {
  return !diagnostics.has_errors() && std::none_of(outputs.begin(), outputs.end(),
      [](const OutputResult& r) { return r.status == Status::failed; });
}

size_t Report::count(Status status) const {
  return static_cast<size_t>(std::count_if(outputs.begin(), outputs.end(),
      [status](const OutputResult& r) { return r.status == status; }));
}

Report run(const Plan& plan, Reporter& reporter, const Hooks& hooks) {
  const auto start = Clock::now();
  Expansion expansion = expand(plan, hooks.load_spec);
  Report report;
  report.dry_run = plan.dry_run;
  reporter.planned(expansion.jobs.size() + expansion.failures.size());
  for (const auto& failed : expansion.failures) reporter.finished(failed);

  std::vector<OutputResult> results(expansion.jobs.size());
  if (!plan.dry_run && !expansion.jobs.empty()) {
    std::error_code ec;
    fs::create_directories(plan.output_dir, ec);
    if (ec) {
      for (size_t i = 0; i < results.size(); ++i) {
        results[i].spec = expansion.jobs[i].spec_path.generic_string();
        results[i].name = expansion.jobs[i].name;
        results[i].diagnostics.error({}, fmt::format("cannot create output folder `{}`: {}",
            plan.output_dir.generic_string(), ec.message()));
        reporter.finished(results[i]);
      }
      expansion.jobs.clear();
    } else {
      remove_stale_temporaries(plan.output_dir);
      // Lock files live in a private state folder; if it cannot be made, each lock says why.
      fs::create_directories(state_dir(plan.output_dir), ec);
    }
  }

  Context context{plan, hooks, {}, SerialReporter(reporter)};
  std::atomic<size_t> next{0};
  // Running out of memory stops the run: no further output is started, and the first
  // std::bad_alloc is rethrown once the workers have stopped (the output it hit wrote nothing).
  std::mutex out_of_memory_mutex;
  std::exception_ptr out_of_memory;
  auto worker = [&] {
    for (size_t i = next++; i < expansion.jobs.size(); i = next++) {
      try {
        build_one(expansion.jobs[i], context, results[i]);
      } catch (const std::bad_alloc&) {
        next = expansion.jobs.size();
        const std::lock_guard lock(out_of_memory_mutex);
        if (!out_of_memory) out_of_memory = std::current_exception();
        return;
      }
      context.reporter.finished(results[i]);
    }
  };
  const size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const size_t wanted = plan.jobs > 0 ? static_cast<size_t>(plan.jobs) : cores;
  const size_t workers = std::min(wanted, expansion.jobs.size());
  if (workers <= 1) {
    worker();
  } else {
    std::vector<std::jthread> threads;
    for (size_t i = 0; i < workers; ++i) threads.emplace_back(worker);
  }
  if (out_of_memory) std::rethrow_exception(out_of_memory);

  report.outputs = std::move(expansion.failures);
  for (auto& result : results) report.outputs.push_back(std::move(result));
  std::stable_sort(report.outputs.begin(), report.outputs.end(), result_order);
  report.seconds = seconds_since(start);
  if (!plan.report_path.empty()) {
    if (auto error = write_report_json(report, plan.report_path); !error.empty())
      report.diagnostics.error({}, error);
  }
  reporter.done(report);
  return report;
}

} // namespace brief::schedule
