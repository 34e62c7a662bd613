#include "briefing/checks.hpp"

#include "base/dates.hpp"

#include <fmt/format.h>

#include <string>

namespace brief::briefing {

namespace {

constexpr size_t k_max_id_length = 100;        // ids become file names; keep them well under NAME_MAX
constexpr size_t k_max_template_length = 64;

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of digits without a leading zero (except "0" itself) starting at `pos`.
bool read_number(std::string_view text, size_t& pos) {
  const size_t start = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  if (pos == start) return false;
  return !(text[start] == '0' && pos - start > 1);
}

} // namespace

std::optional<Problem> check_spec_id(std::string_view id) {
  const std::string hint =
      "ids use lowercase letters, digits, `.`, `_` and `-` and start with a letter or digit, "
      "e.g. `iraq-ct-overview`; the id is also the output file name";
  if (id.empty()) return Problem{"`id` must not be empty", hint};
  if (id.size() > k_max_id_length)
    return Problem{fmt::format("spec id is longer than {} characters", k_max_id_length), hint};
  bool ok = is_lower_alnum(id.front());
  for (char c : id) ok = ok && (is_lower_alnum(c) || c == '.' || c == '_' || c == '-');
  if (!ok) return Problem{fmt::format("invalid spec id `{}`", id), hint};
  if (id.find("..") != std::string_view::npos)
    return Problem{fmt::format("spec id `{}` contains `..`", id), hint};
  return std::nullopt;
}

std::optional<Problem> check_template_name(std::string_view name) {
  const std::string hint =
      "template names use lowercase letters, digits, `_` and `-`, e.g. `analyst`; templates are "
      "found by name on the template path, never by file path";
  if (name.empty()) return Problem{"template name must not be empty", hint};
  bool ok = name.size() <= k_max_template_length && is_lower_alnum(name.front());
  for (char c : name) ok = ok && (is_lower_alnum(c) || c == '_' || c == '-');
  if (!ok) return Problem{fmt::format("invalid template name `{}`", name), hint};
  return std::nullopt;
}

std::optional<Problem> check_date(std::string_view text, std::string_view key, DatePrecision precision) {
  const bool day_only = precision == DatePrecision::day;
  const std::string shape = day_only ? "YYYY-MM-DD" : "YYYY, YYYY-MM or YYYY-MM-DD";
  const Problem malformed{fmt::format("`{}` must be written {}, not `{}`", key, shape, text),
      day_only ? fmt::format("for example `{}: 2026-11-21`", key)
               : fmt::format("for example `{}: 2024` or `{}: 2024-06`", key, key)};
  if (day_only && text.size() != 10) return malformed;
  dates::DateError error = dates::DateError::shape;
  const auto date = dates::parse(text, &error);
  if (date) return std::nullopt;
  const std::string unreal = fmt::format("`{}` is not a real date", text);
  switch (error) {
  case dates::DateError::shape: return malformed;
  case dates::DateError::year: return Problem{unreal, fmt::format("years are written with four digits, from {}", dates::k_first_year)};
  case dates::DateError::month: return Problem{unreal, "months run from 01 to 12"};
  case dates::DateError::day: {  // the shape is right, so year and month are digits
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const auto month = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
    return Problem{unreal, fmt::format("{} has {} days", text.substr(0, 7), dates::days_in_month(year, month))};
  }
  }
  return malformed;
}

std::optional<Problem> check_passage_id(std::string_view id) {
  const Problem bad{fmt::format("invalid passage id `{}`", id),
      "passage ids look like `doc#p7` (a paragraph) or `doc#p7.s2` (its second sentence)"};
  const size_t hash = id.find('#');
  if (hash == 0 || hash == std::string_view::npos) return bad;
  for (char c : id.substr(0, hash))
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return bad;
  size_t pos = hash + 1;
  if (pos >= id.size() || id[pos] != 'p') return bad;
  ++pos;
  if (!read_number(id, pos)) return bad;
  if (pos == id.size()) return std::nullopt;
  if (id.substr(pos, 2) != ".s") return bad;
  pos += 2;
  if (!read_number(id, pos) || pos != id.size()) return bad;
  return std::nullopt;
}

} // namespace brief::briefing
