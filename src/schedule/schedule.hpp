#pragma once
// schedule: specs x outputs -> PDFs on disk.
//
// Takes: a Plan (which specs, which outputs, where to write). Gives: a Report with one result per
// output, in a fixed order (spec path, then output name) whatever order the workers finished in.
//
// For each output the runner
//   1. takes a lock on `output/.brief/<name>.lock` (a private state folder, so the folder users
//      share holds only outputs), so two runs never write the same output at once;
//   2. reads `output/<name>.manifest.json` and re-hashes every input it lists (spec, templates,
//      fonts, images, corpus documents, aliases, markings; the whole corpus listing when the
//      output searched the whole corpus) and the PDF itself; unchanged -> up to date, skipped;
//   3. otherwise runs the pipeline (pipeline.hpp) in memory, compares the passages it cites with
//      the previous manifest (citation drift), and writes the PDF, then the manifest, each
//      atomically. A failing output keeps its old PDF and manifest and records the failure in
//      `output/.<name>.failed.json`.
// No clock reaches a PDF or a manifest; times only go to the report.
//
// Output names (docs/scheduling.md):
//   one output (the spec's single `outputs:` entry, or none listed), no --template/--format:
//       <id>.pdf
//   otherwise, per output:   <id>-<template>.pdf           brief
//                            <id>-<template>-slides.pdf    slides
//                            <id>-<template>-handout.pdf   slides-handout
// Two outputs with one name is an error for both.

#include "base/outcome.hpp"
#include "schedule/job.hpp"
#include "briefing/spec.hpp"

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief::schedule {

struct Plan {
  std::vector<std::filesystem::path> specs;
  bool all = false;                          // every *.yaml under <project_root>/briefs/, sorted
  std::filesystem::path output_dir = "output";
  std::filesystem::path project_root = ".";  // templates/ and corpus/ are found from here
  std::filesystem::path corpus_dir;          // overrides the spec's corpus when not empty
  std::vector<std::string> templates;        // --template: overrides the spec's outputs
  std::string format;                        // --format: brief, slides, slides-handout
  bool trace = false;                        // also write <stem>.trace.txt
  bool force = false;
  bool strict = false;                       // citation drift is an error
  bool dry_run = false;                      // run the pipeline, write nothing (brief check)
  bool quiet = false;                        // run(plan) and watch(plan) print errors only
  std::filesystem::path report_path;         // --report: also write the JSON report here
  int jobs = 0;                              // 0 = number of cores
  std::optional<bool> color;                 // --color always/never; unset: ConsoleOptions decides
};

enum class Status { built, up_to_date, failed, checked };

// "built", "up to date", "failed", "checked".
std::string_view status_name(Status status);

struct OutputResult {
  std::string spec;  // path of the spec
  std::string name;  // output file name, e.g. "iraq-ct-overview-executive.pdf"
  Status status = Status::failed;
  std::string reason;  // why it was (re)built: "corpus/x.md changed", "no manifest", "forced"
  Diagnostics diagnostics;
  double seconds = 0;
  size_t pages = 0;
  size_t bytes = 0;
};

struct Report {
  std::vector<OutputResult> outputs;
  Diagnostics diagnostics;  // about the run as a whole, e.g. the JSON report could not be written
  double seconds = 0;       // wall time of the whole run
  bool dry_run = false;     // a check: nothing was (or was meant to be) written

  // False when any output failed or the run itself had an error.
  bool ok() const;
  size_t count(Status status) const;
};

// The two things the runner calls out to. Tests replace them; default_hooks() uses briefing::load
// and build_output().
using Pipeline = std::function<Outcome<BuiltOutput>(const OutputJob&)>;
using SpecLoader = std::function<Outcome<briefing::BriefSpec>(const std::filesystem::path&)>;

struct Hooks {
  Pipeline pipeline;
  SpecLoader load_spec;
};

Hooks default_hooks();

// Receives progress as the run goes. The runner serialises the calls (one at a time, from any
// worker thread), so implementations need no locking of their own.
class Reporter {
public:
  virtual ~Reporter() = default;
  virtual void planned(size_t /*outputs*/) {}
  virtual void started(const OutputJob& /*job*/) {}
  virtual void finished(const OutputResult& /*result*/) {}
  virtual void done(const Report& /*report*/) {}
};

enum class Verbosity { quiet, normal };
enum class Display { automatic, progress_line, plain_lines };

struct ConsoleOptions {
  Verbosity verbosity = Verbosity::normal;  // quiet: only errors
  Display display = Display::automatic;     // automatic: a progress line when `out` is a terminal
  std::filesystem::path output_dir = "output";  // for "built output/x.pdf"
  // Colour for diagnostics; unset: when `out` is a terminal and NO_COLOR is unset or empty.
  std::optional<bool> color;
};

// Prints to `out` (normally stderr): diagnostics as they come, then per output
//   built output/x.pdf (12 pages, 84 KB, 0.21 s) / up to date output/y.pdf / failed z: first error
// and on a terminal a single updating line "[3/12] building x.pdf" while workers run.
class ConsoleReporter : public Reporter {
public:
  explicit ConsoleReporter(std::FILE* out, ConsoleOptions options = {});
  void planned(size_t outputs) override;
  void started(const OutputJob& job) override;
  void finished(const OutputResult& result) override;
  void done(const Report& report) override;

private:
  void clear_line();
  void show_progress();

  std::FILE* m_out;
  ConsoleOptions m_options;
  bool m_terminal = false;
  bool m_color = false;
  bool m_line_shown = false;
  size_t m_total = 0;
  size_t m_started = 0;
  std::vector<std::string> m_in_flight;  // names being built, in the order they started
};

// The outputs a plan asks for, as pipeline jobs sorted by (spec, name); specs that cannot be read,
// unknown formats and clashing names come back as failed results instead.
struct Expansion {
  std::vector<OutputJob> jobs;
  std::vector<OutputResult> failures;
};
Expansion expand(const Plan& plan, const SpecLoader& load_spec);

// The file name for one output of spec `id` (see the naming rules above). `single` is true when
// the spec yields one output and nothing was overridden.
std::string output_name(std::string_view id, briefing::OutputFormat format,
    std::string_view template_name, bool single);

// Builds every output of the plan, and writes plan.report_path when set. The entry point of
// `brief build` and `brief check`: run(plan) prints to stderr through a ConsoleReporter
// (plan.quiet: errors only); the other overloads report to `reporter` only. Running out of memory
// is no output's failure: it stops the run and std::bad_alloc is rethrown to the caller.
Report run(const Plan& plan);
Report run(const Plan& plan, Reporter& reporter);
Report run(const Plan& plan, Reporter& reporter, const Hooks& hooks);

// What `brief status` prints, one line per expected output, without running the pipeline.
enum class Freshness { up_to_date, stale, failed };
std::string_view freshness_name(Freshness freshness);

struct StatusLine {
  std::string spec;
  std::string name;
  Freshness freshness = Freshness::stale;
  std::string reason;  // "corpus/x.md changed", "no manifest", "pdf missing", the first error, ...
};

std::vector<StatusLine> status(const Plan& plan);
std::vector<StatusLine> status(const Plan& plan, const Hooks& hooks);

// "up to date output/x.pdf" / "stale      output/y.pdf: template analyst changed" ...
std::string format_status_line(const StatusLine& line, const std::filesystem::path& output_dir);

// `brief status`: prints one format_status_line per output to stdout. Returns 0 when every output
// is up to date, 1 when any is stale or failed (so scripts can ask "is there work to do?").
int print_status(const Plan& plan);

// One JSON record per output: spec, name, status, reason, seconds, pages, bytes, warnings,
// errors, messages; plus totals. Times are here and only here.
std::string report_json(const Report& report);
// Writes report_json atomically; returns an error message, empty on success.
std::string write_report_json(const Report& report, const std::filesystem::path& path);

// Builds the plan, then watches briefs/, templates/ and corpus/ (and the plan's corpus and spec
// folders) recursively, rebuilding what changed ~200 ms after the last change. Returns 0 when
// SIGINT or SIGTERM arrives (or when `stop` becomes true), 1 when watching cannot start.
int watch(const Plan& plan);  // reports through a ConsoleReporter on stderr
int watch(const Plan& plan, Reporter& reporter);
int watch(const Plan& plan, Reporter& reporter, const Hooks& hooks,
    const std::atomic<bool>* stop = nullptr);

} // namespace brief::schedule
