// Expanding a Plan into output jobs: which specs, which outputs each, and their file names.

#include "schedule/schedule.hpp"
#include "schedule/manifest.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace brief::schedule {

namespace fs = std::filesystem;

namespace {

// The template a deck is set with when none is named: 16:9 slides (templates/briefing.yaml).
constexpr std::string_view k_slides_template = "briefing";

// Every *.yaml under `dir`, skipping hidden files and folders, sorted.
std::vector<fs::path> specs_under(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string filename = it->path().filename().string();
    if (!filename.empty() && filename.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    // "./briefs/x.yaml" -> "briefs/x.yaml": the form messages and manifests show.
    if (it->is_regular_file() && it->path().extension() == ".yaml")
      found.push_back(it->path().lexically_normal());
  }
  std::sort(found.begin(), found.end());
  return found;
}

OutputResult failure(std::string spec_path, std::string name, Diagnostics diagnostics) {
  OutputResult result;
  result.spec = std::move(spec_path);
  result.name = std::move(name);
  result.status = Status::failed;
  result.diagnostics = std::move(diagnostics);
  return result;
}

struct Wanted {
  briefing::OutputFormat format;
  std::string template_name;
};

} // namespace

// The template of an output whose format is asked for without a template: for a brief, the
// spec's; for slides and handouts, the one the spec's outputs name for that format, else
// k_slides_template (the spec's own template is a print one, whose A4 portrait pages a deck's
// 16:9 slides do not fit).
std::string default_template(const briefing::BriefSpec& spec, briefing::OutputFormat format) {
  if (format == briefing::OutputFormat::brief) return spec.template_name;
  for (const auto& output : spec.outputs)
    if (output.format == format && !output.template_name.empty()) return output.template_name;
  return std::string(k_slides_template);
}

std::string output_name(std::string_view id, briefing::OutputFormat format, std::string_view template_name,
    bool single) {
  if (single) return fmt::format("{}.pdf", id);
  switch (format) {
  case briefing::OutputFormat::brief: return fmt::format("{}-{}.pdf", id, template_name);
  case briefing::OutputFormat::slides: return fmt::format("{}-{}-slides.pdf", id, template_name);
  case briefing::OutputFormat::slides_handout: return fmt::format("{}-{}-handout.pdf", id, template_name);
  }
  return fmt::format("{}-{}.pdf", id, template_name);
}

Expansion expand(const Plan& plan, const SpecLoader& load_spec) {
  Expansion expansion;
  std::vector<fs::path> spec_paths = plan.specs;
  if (plan.all) {
    const auto dir = plan.project_root / "briefs";
    const auto found = specs_under(dir);
    if (found.empty()) {
      Diagnostics diagnostics;
      diagnostics.error({}, fmt::format("no specs found: `{}` has no *.yaml files", dir.generic_string()),
          {"put briefing specs in briefs/, or name spec files on the command line"});
      expansion.failures.push_back(failure(dir.generic_string(), "", std::move(diagnostics)));
    }
    spec_paths.insert(spec_paths.end(), found.begin(), found.end());
  }
  // The same spec named twice (on the command line and by --all) is built once.
  std::set<std::string> seen_specs;

  std::optional<briefing::OutputFormat> format_override;
  if (!plan.format.empty()) {
    format_override = parse_format(plan.format);
    if (!format_override) {
      Diagnostics diagnostics;
      diagnostics.error({}, fmt::format("unknown output format `{}`", plan.format),
          {fmt::format("use one of: {}", fmt::join(format_names(), ", "))});
      expansion.failures.push_back(failure("", "", std::move(diagnostics)));
      return expansion;
    }
  }
  const bool overridden = format_override.has_value() || !plan.templates.empty();

  for (const auto& path : spec_paths) {
    const std::string spec_string = path.generic_string();
    if (!seen_specs.insert(fs::path(spec_string).lexically_normal().generic_string()).second) continue;
    auto loaded = load_spec(path);
    if (!loaded.ok()) {
      expansion.failures.push_back(
          failure(spec_string, path.stem().string() + ".pdf", std::move(loaded.diagnostics())));
      continue;
    }
    const briefing::BriefSpec& brief_briefing = loaded.value();
    std::vector<Wanted> wanted;
    if (overridden) {
      const auto format = format_override.value_or(briefing::OutputFormat::brief);
      if (plan.templates.empty()) {
        wanted.push_back({format, default_template(brief_briefing, format)});
      } else {
        for (const auto& name : plan.templates) wanted.push_back({format, name});
      }
    } else if (!brief_briefing.outputs.empty()) {
      for (const auto& output : brief_briefing.outputs)
        wanted.push_back({output.format,
            output.template_name.empty() ? brief_briefing.template_name : output.template_name});
    } else {
      wanted.push_back({briefing::OutputFormat::brief, brief_briefing.template_name});
    }
    const bool single = !overridden && wanted.size() == 1;
    for (const auto& want : wanted) {
      OutputJob job;
      job.spec_path = path;
      job.project_root = plan.project_root;
      job.corpus_dir = plan.corpus_dir;
      job.format = want.format;
      job.template_name = want.template_name;
      job.name = output_name(brief_briefing.id, want.format, want.template_name, single);
      job.want_trace = plan.trace;
      job.write_index_cache = !plan.dry_run;
      expansion.jobs.push_back(std::move(job));
    }
  }

  // Two outputs writing one file would overwrite each other: neither is built.
  std::map<std::string, std::vector<size_t>> by_name;
  for (size_t i = 0; i < expansion.jobs.size(); ++i) by_name[expansion.jobs[i].name].push_back(i);
  std::vector<OutputJob> kept;
  for (size_t i = 0; i < expansion.jobs.size(); ++i) {
    const auto& job = expansion.jobs[i];
    const auto& same = by_name[job.name];
    if (same.size() == 1) {
      kept.push_back(job);
      continue;
    }
    std::vector<std::string> others;
    for (size_t j : same)
      if (j != i)
        others.push_back(fmt::format("{} ({} {})", expansion.jobs[j].spec_path.generic_string(),
            format_name(expansion.jobs[j].format), expansion.jobs[j].template_name));
    Diagnostics diagnostics;
    diagnostics.error({}, fmt::format("two outputs are named `{}`: {} ({} {}) and {}", job.name,
                              job.spec_path.generic_string(), format_name(job.format),
                              job.template_name, fmt::join(others, ", ")),
        {"give each spec a distinct `id`; outputs of one spec differ by format and template"});
    expansion.failures.push_back(failure(job.spec_path.generic_string(), job.name, std::move(diagnostics)));
  }
  expansion.jobs = std::move(kept);

  std::sort(expansion.jobs.begin(), expansion.jobs.end(), [](const OutputJob& a, const OutputJob& b) {
    const auto sa = a.spec_path.generic_string(), sb = b.spec_path.generic_string();
    return sa != sb ? sa < sb : a.name < b.name;
  });
  std::stable_sort(expansion.failures.begin(), expansion.failures.end(),
      [](const OutputResult& a, const OutputResult& b) {
        return a.spec != b.spec ? a.spec < b.spec : a.name < b.name;
      });
  return expansion;
}

} // namespace brief::schedule
