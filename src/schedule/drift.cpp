#include "schedule/drift.hpp"

#include "base/file_io.hpp"

#include <fmt/format.h>

#include <map>

namespace brief::schedule {

namespace {

// The span of `id` in the spec's text, so the message points where the user wrote it.
Span span_of_id(const SourceFilePtr& spec_file, const std::string& id) {
  if (!spec_file) return {};
  const auto at = spec_file->text.find(id);
  if (at == std::string::npos) return {};
  return Span{spec_file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + id.size())};
}

} // namespace

Diagnostics citation_drift(const OutputJob& job, const Manifest& previous, const BuiltOutput& built,
    Severity severity) {
  Diagnostics diagnostics;
  std::map<std::string, const CitedText*> now;
  for (const auto& cited : built.cited) now[cited.id] = &cited;
  // The user may have removed an id from the spec on purpose; then its absence is not drift.
  const bool spec_changed = previous.inputs.spec_hash != built.inputs.spec_hash;

  SourceFilePtr spec_file;
  bool spec_read = false;
  size_t query_changes = 0;
  for (const auto& before : previous.cited) {
    const auto it = now.find(before.id);
    const bool gone = it == now.end();
    if (!gone && it->second->text_hash == before.text_hash) continue;
    if (!before.explicit_id) {
      ++query_changes;
      continue;
    }
    if (gone && spec_changed) continue;
    if (!spec_read) {
      auto file = read_source_file(job.spec_path);
      if (file.ok()) spec_file = file.value();
      spec_read = true;
    }
    Diagnostic diagnostic;
    diagnostic.severity = severity;
    diagnostic.span = span_of_id(spec_file, before.id);
    diagnostic.message = gone
        ? fmt::format("cited passage `{}` disappeared since the last build", before.id)
        : fmt::format("cited passage `{}` changed since the last build", before.id);
    diagnostic.hints.push_back(fmt::format("{} ({}) cites it; check the brief still says what the "
                                           "source says",
        job.name, job.spec_path.generic_string()));
    if (severity == Severity::error)
      diagnostic.hints.push_back(fmt::format("the previous {} was kept; build without --strict to "
                                             "accept the change",
          job.name));
    diagnostics.add(std::move(diagnostic));
  }
  if (query_changes > 0)
    diagnostics.note({}, fmt::format("{}: {} passage{} picked by query changed since the last build",
                             job.name, query_changes, query_changes == 1 ? "" : "s"));
  return diagnostics;
}

} // namespace brief::schedule
