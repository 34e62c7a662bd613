#include "base/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace brief {

Diagnostic& Diagnostics::error(Span span, std::string message, std::vector<std::string> hints) {
  m_items.push_back({Severity::error, std::move(message), std::move(span), std::move(hints)});
  return m_items.back();
}

Diagnostic& Diagnostics::warning(Span span, std::string message, std::vector<std::string> hints) {
  m_items.push_back({Severity::warning, std::move(message), std::move(span), std::move(hints)});
  return m_items.back();
}

Diagnostic& Diagnostics::note(Span span, std::string message, std::vector<std::string> hints) {
  m_items.push_back({Severity::note, std::move(message), std::move(span), std::move(hints)});
  return m_items.back();
}

void Diagnostics::add(Diagnostic diagnostic) { m_items.push_back(std::move(diagnostic)); }

void Diagnostics::append(const Diagnostics& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

void Diagnostics::append(Diagnostics&& other) {
  std::move(other.m_items.begin(), other.m_items.end(), std::back_inserter(m_items));
  other.m_items.clear();
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

size_t Diagnostics::error_count() const {
  return static_cast<size_t>(std::count_if(m_items.begin(), m_items.end(),
      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

size_t Diagnostics::warning_count() const {
  return static_cast<size_t>(std::count_if(m_items.begin(), m_items.end(),
      [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

namespace {

std::string_view severity_name(Severity s) {
  switch (s) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::note: return "note";
  }
  return "error";
}

std::string_view severity_color(Severity s) {
  switch (s) {
  case Severity::error: return "\x1b[1;31m";
  case Severity::warning: return "\x1b[1;33m";
  case Severity::note: return "\x1b[1;36m";
  }
  return "";
}

// The line of `text` containing `offset`, as [begin, end) byte offsets.
std::pair<size_t, size_t> line_around(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  size_t begin = 0;
  if (offset > 0) {
    const size_t newline = text.rfind('\n', offset - 1);
    begin = newline == std::string_view::npos ? 0 : newline + 1;
  }
  size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  return {begin, end};
}

size_t count_code_points(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(),
      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

std::string format_diagnostic(const Diagnostic& d, Color color) {
  const bool c = color == Color::always;
  const std::string_view bold = c ? "\x1b[1m" : "";
  const std::string_view reset = c ? "\x1b[0m" : "";
  const std::string_view blue = c ? "\x1b[1;34m" : "";
  std::string out;
  if (d.span.has_location()) {
    const LineColumn lc = d.span.start();
    out += fmt::format("{}{}:{}:{}:{} ", bold, d.span.file->path, lc.line, lc.column, reset);
  }
  out += fmt::format("{}{}:{} {}{}{}\n", c ? severity_color(d.severity) : "",
      severity_name(d.severity), reset, bold, d.message, reset);
  if (d.span.has_location() && !d.span.file->text.empty()) {
    const std::string_view text = d.span.file->text;
    const auto [line_begin, line_end] = line_around(text, d.span.begin);
    const std::string line_no = std::to_string(d.span.start().line);
    const std::string gutter(line_no.size(), ' ');
    std::string_view line = text.substr(line_begin, line_end - line_begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    constexpr size_t k_max_shown = 200;  // keep huge single-line inputs readable
    const bool clipped = line.size() > k_max_shown && d.span.begin - line_begin < k_max_shown;
    if (clipped) line = line.substr(0, k_max_shown);
    if (d.span.begin - line_begin <= line.size()) {
      const size_t pad = count_code_points(text.substr(line_begin, d.span.begin - line_begin));
      const size_t span_end = std::min<size_t>({d.span.end, line_begin + line.size()});
      const size_t width = span_end > d.span.begin
          ? std::max<size_t>(1, count_code_points(text.substr(d.span.begin, span_end - d.span.begin)))
          : 1;
      out += fmt::format("{}{} |{}\n", blue, gutter, reset);
      out += fmt::format("{}{} |{} {}{}\n", blue, line_no, reset, line, clipped ? " ..." : "");
      out += fmt::format("{}{} |{} {}{}{}{}\n", blue, gutter, reset, std::string(pad, ' '),
          c ? severity_color(d.severity) : "", std::string(width, '^'), reset);
    }
    for (const auto& hint : d.hints) out += fmt::format("{}{} ={} hint: {}\n", blue, gutter, reset, hint);
  } else {
    for (const auto& hint : d.hints) out += fmt::format("  = hint: {}\n", hint);
  }
  return out;
}

namespace {

// Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions),
// case-insensitive for ASCII.
size_t edit_distance(std::string_view a, std::string_view b) {
  auto lower = [](char ch) {
    return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  };
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

} // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  constexpr size_t k_max_compared = 512;  // bound the work for very long words
  if (word.size() > k_max_compared) return {};
  std::string best;
  size_t best_distance = std::numeric_limits<size_t>::max();
  for (const auto& candidate : candidates) {
    if (candidate.size() > k_max_compared) continue;
    const size_t dist = edit_distance(word, candidate);
    if (dist < best_distance) {
      best_distance = dist;
      best = candidate;
    }
  }
  // Accept up to a third of the word's length (at least 1, at most 4) as a plausible typo.
  const size_t allowed = std::clamp<size_t>(word.size() / 3, 1, 4);
  return best_distance <= allowed ? best : std::string{};
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::string best = closest_match(word, candidates);
  return best.empty() ? std::string{} : fmt::format("did you mean `{}`?", best);
}

} // namespace brief
