#pragma once
// Shared by the spec tests: parsing YAML text and looking at the first error.

#include "briefing/spec.hpp"

#include <memory>
#include <string>

namespace brief::briefing::test {

inline Outcome<BriefSpec> parse_text(std::string text) {
  return parse(std::make_shared<SourceFile>(SourceFile{"brief.yaml", std::move(text)}));
}

// A header that is valid on its own, so each test adds only what it checks.
inline std::string with_header(const std::string& rest) {
  return "id: t\ntitle: T\n" + rest;
}

inline const Diagnostic& first_error(const Outcome<BriefSpec>& outcome) {
  for (const auto& d : outcome.diagnostics())
    if (d.severity == Severity::error) return d;
  static const Diagnostic k_none{Severity::note, "no error", {}, {}};
  return k_none;
}

inline std::string where(const Diagnostic& d) {
  const auto lc = d.span.start();
  return std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

} // namespace brief::briefing::test
