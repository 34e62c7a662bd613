// `brief status`: what a build would do, without doing it.

#include "schedule/schedule.hpp"
#include "schedule/freshness.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace brief::schedule {

namespace {

std::string first_error(const Diagnostics& diagnostics) {
  for (const auto& d : diagnostics)
    if (d.severity == Severity::error) return d.message;
  return "failed";
}

// The first error recorded by the last failed build of an output, if any.
std::optional<std::string> recorded_failure(const OutputPaths& paths) {
  const auto text = read_whole_file(paths.failure);
  if (!text) return std::nullopt;
  const auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_object() && json.contains("error") && json["error"].is_string())
    return json["error"].get<std::string>();
  return "failed";
}

} // namespace

std::vector<StatusLine> status(const Plan& plan, const Hooks& hooks) {
  const Expansion expansion = expand(plan, hooks.load_spec);
  std::vector<StatusLine> lines;
  for (const auto& failed : expansion.failures)
    lines.push_back({failed.spec, failed.name, Freshness::failed, first_error(failed.diagnostics)});
  HashCache cache;
  for (const auto& job : expansion.jobs) {
    const OutputPaths paths = output_paths(plan.output_dir, job.name);
    StatusLine line{job.spec_path.generic_string(), job.name, Freshness::stale, {}};
    const auto check = check_freshness(job, read_manifest(paths.manifest), paths, cache);
    if (check.fresh) {
      line.freshness = Freshness::up_to_date;
    } else if (auto error = recorded_failure(paths)) {
      line.freshness = Freshness::failed;
      line.reason = *error;
    } else {
      line.reason = check.reason;
    }
    lines.push_back(std::move(line));
  }
  std::stable_sort(lines.begin(), lines.end(), [](const StatusLine& a, const StatusLine& b) {
    return a.spec != b.spec ? a.spec < b.spec : a.name < b.name;
  });
  return lines;
}

} // namespace brief::schedule
