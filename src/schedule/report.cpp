// Telling the user what happened: console lines as the run goes, and the JSON report.

#include "schedule/schedule.hpp"

#include "base/file_io.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <unistd.h>

namespace brief::schedule {

namespace {

std::string human_size(size_t bytes) {
  if (bytes < 1024) return fmt::format("{} B", bytes);
  if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 512) / 1024);
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

std::string first_error(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return d.message;
  return "failed";
}

std::string without_final_newline(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

} // namespace

ConsoleReporter::ConsoleReporter(std::FILE* out, ConsoleOptions options)
    : m_out(out), m_options(std::move(options)) {
  const bool tty = ::isatty(::fileno(out)) != 0;
  m_terminal = m_options.display == Display::progress_line ||
               (m_options.display == Display::automatic && tty);
  // no-color.org: any non-empty NO_COLOR turns colour off.
  const char* no_color = std::getenv("NO_COLOR");
  m_color = m_options.color.value_or(tty && (no_color == nullptr || *no_color == '\0'));
}

void ConsoleReporter::clear_line() {
  if (!m_line_shown) return;
  std::fputs("\r\033[K", m_out);
  m_line_shown = false;
}

void ConsoleReporter::planned(size_t outputs) {
  m_total = outputs;
  m_started = 0;
}

void ConsoleReporter::show_progress() {
  if (!m_terminal || m_options.verbosity == Verbosity::quiet || m_in_flight.empty()) return;
  std::fprintf(m_out, "\r\033[K[%zu/%zu] building %s", m_started, m_total, m_in_flight.back().c_str());
  std::fflush(m_out);
  m_line_shown = true;
}

void ConsoleReporter::started(const OutputJob& job) {
  ++m_started;
  m_in_flight.push_back(job.name);
  show_progress();
}

void ConsoleReporter::finished(const OutputResult& result) {
  const bool quiet = m_options.verbosity == Verbosity::quiet;
  const Color color = m_color ? Color::always : Color::never;
  clear_line();
  for (const auto& diagnostic : result.diagnostics) {
    if (quiet && diagnostic.severity != Severity::error) continue;
    std::fputs(format_diagnostic(diagnostic, color).c_str(), m_out);
  }
  const std::string path = (m_options.output_dir / result.name).generic_string();
  switch (result.status) {
  case Status::built:
    if (!quiet)
      std::fprintf(m_out, "built %s (%zu page%s, %s, %.2f s)\n", path.c_str(), result.pages,
          result.pages == 1 ? "" : "s", human_size(result.bytes).c_str(), result.seconds);
    break;
  case Status::up_to_date:
    // On a terminal the progress line already shows it; a log keeps one line per output.
    if (!quiet && !m_terminal) std::fprintf(m_out, "up to date %s\n", path.c_str());
    break;
  case Status::checked:
    if (!quiet)
      std::fprintf(m_out, "checked %s (%zu page%s)\n", result.name.c_str(), result.pages,
          result.pages == 1 ? "" : "s");
    break;
  case Status::failed:
    std::fprintf(m_out, "failed %s: %s\n", result.name.empty() ? result.spec.c_str() : result.name.c_str(),
        first_error(result.diagnostics).c_str());
    break;
  }
  // Results of specs that could not be expanded arrive without a started() call; they still count.
  const auto in_flight = std::find(m_in_flight.begin(), m_in_flight.end(), result.name);
  if (in_flight != m_in_flight.end()) {
    m_in_flight.erase(in_flight);
  } else {
    ++m_started;
  }
  show_progress();  // outputs still in flight: bring the progress line back under the new lines
}

void ConsoleReporter::done(const Report& report) {
  clear_line();
  for (const auto& diagnostic : report.diagnostics) {
    if (m_options.verbosity == Verbosity::quiet && diagnostic.severity != Severity::error) continue;
    std::fputs(format_diagnostic(diagnostic, m_color ? Color::always : Color::never).c_str(), m_out);
  }
  if (m_options.verbosity == Verbosity::quiet) return;
  if (report.dry_run) {
    // A check writes nothing, so nothing is "built".
    std::fprintf(m_out, "%zu checked, %zu failed (%.2f s)\n", report.count(Status::checked),
        report.count(Status::failed), report.seconds);
    std::fflush(m_out);
    return;
  }
  std::fprintf(m_out, "%zu built, %zu up to date, %zu failed (%.2f s)\n", report.count(Status::built) +
      report.count(Status::checked), report.count(Status::up_to_date), report.count(Status::failed),
      report.seconds);
  std::fflush(m_out);
}

std::string report_json(const Report& report) {
  using Json = nlohmann::ordered_json;
  Json outputs = Json::array();
  for (const auto& result : report.outputs) {
    Json messages = Json::array();
    for (const auto& d : result.diagnostics) messages.push_back(without_final_newline(format_diagnostic(d)));
    outputs.push_back({{"spec", result.spec}, {"name", result.name},
        {"status", std::string(status_name(result.status))}, {"reason", result.reason},
        {"seconds", result.seconds}, {"pages", result.pages}, {"bytes", result.bytes},
        {"warnings", result.diagnostics.warning_count()}, {"errors", result.diagnostics.error_count()},
        {"messages", messages}});
  }
  const Json json = {{"ok", report.ok()}, {"seconds", report.seconds},
      {"built", report.count(Status::built)}, {"up_to_date", report.count(Status::up_to_date)},
      {"failed", report.count(Status::failed)}, {"checked", report.count(Status::checked)},
      {"outputs", outputs}};
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string write_report_json(const Report& report, const std::filesystem::path& path) {
  return write_file_atomically(path, report_json(report));
}

std::string_view freshness_name(Freshness freshness) {
  switch (freshness) {
  case Freshness::up_to_date: return "up to date";
  case Freshness::stale: return "stale";
  case Freshness::failed: return "failed";
  }
  return "stale";
}

std::string format_status_line(const StatusLine& line, const std::filesystem::path& output_dir) {
  const std::string what = line.name.empty() ? line.spec : (output_dir / line.name).generic_string();
  if (line.reason.empty()) return fmt::format("{:<11}{}", freshness_name(line.freshness), what);
  return fmt::format("{:<11}{}: {}", freshness_name(line.freshness), what, line.reason);
}

} // namespace brief::schedule
