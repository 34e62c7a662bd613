#pragma once
// User-facing diagnostics. User mistakes are values (Diagnostic), never exceptions; a stage returns
// them beside its result (Outcome<T>) and cli prints them as
//   file:line:col: error: message
//      12 | the source line
//         |     ^^^^
//      = hint: did you mean `limit`?
// Messages are lowercase with no final period and name the bad thing.

#include "base/source.hpp"

#include <string>
#include <vector>

namespace brief {

enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string message;
  Span span;                       // may have no location
  std::vector<std::string> hints;  // each printed as "= hint: ..."
};

// An ordered collection of diagnostics, as a stage accumulates them.
class Diagnostics {
public:
  Diagnostic& error(Span span, std::string message, std::vector<std::string> hints = {});
  Diagnostic& warning(Span span, std::string message, std::vector<std::string> hints = {});
  Diagnostic& note(Span span, std::string message, std::vector<std::string> hints = {});
  void add(Diagnostic diagnostic);
  void append(const Diagnostics& other);
  void append(Diagnostics&& other);

  bool has_errors() const;
  size_t error_count() const;
  size_t warning_count() const;
  bool empty() const { return m_items.empty(); }
  const std::vector<Diagnostic>& items() const { return m_items; }
  auto begin() const { return m_items.begin(); }
  auto end() const { return m_items.end(); }

private:
  std::vector<Diagnostic> m_items;
};

enum class Color { never, always };

// Renders one diagnostic in the format described at the top of this file, ending in a newline.
std::string format_diagnostic(const Diagnostic& diagnostic, Color color = Color::never);

// "did you mean `x`?" for the candidate closest to `word` (edit distance), or "" if none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// The candidate closest to `word`, or "" if none is within a sensible edit distance.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace brief
