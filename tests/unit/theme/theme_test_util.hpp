#pragma once
// Shared by the theme tests: search paths over the test template folders and lookups of
// diagnostics by message.

#include "theme/theme.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace brief::theme::test {

inline const std::filesystem::path k_shipped = BRIEF_SOURCE_DIR "/templates";
inline const std::filesystem::path k_data = BRIEF_TEST_DATA;

// The shipped templates after `dir`, as a user directory on the search path would be.
inline std::vector<std::filesystem::path> path_with(const std::string& dir) {
  return {k_data / dir, k_shipped};
}

inline const Diagnostic* find_error(const Outcome<Theme>& outcome, const std::string& message) {
  for (const auto& d : outcome.diagnostics())
    if (d.severity == Severity::error && d.message == message) return &d;
  return nullptr;
}

// "file.yaml:3:9" for a diagnostic, with the file's name only.
inline std::string where(const Diagnostic& d) {
  if (!d.span.has_location()) return "(nowhere)";
  const auto lc = d.span.start();
  return std::filesystem::path(d.span.file->path).filename().string() + ":" + std::to_string(lc.line) + ":" +
      std::to_string(lc.column);
}

inline std::string all_messages(const Outcome<Theme>& outcome) {
  std::string out;
  for (const auto& d : outcome.diagnostics()) out += format_diagnostic(d);
  return out;
}

} // namespace brief::theme::test
