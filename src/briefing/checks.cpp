#include "briefing/checks.hpp"

#include <fmt/format.h>

#include <array>

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

int parse_digits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> k_days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : k_days[static_cast<size_t>(month - 1)];
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
  // Positions of the digits in "YYYY-MM-DD"; shorter forms are prefixes of it.
  const bool shape_ok = [&] {
    if (text.size() != 10 && (day_only || (text.size() != 4 && text.size() != 7))) return false;
    for (size_t i = 0; i < text.size(); ++i) {
      const bool dash = i == 4 || i == 7;
      if (dash ? text[i] != '-' : !is_digit(text[i])) return false;
    }
    return true;
  }();
  if (!shape_ok) return malformed;
  const int year = parse_digits(text.substr(0, 4));
  if (year < 1000)
    return Problem{fmt::format("`{}` is not a real date", text), "years are written with four digits, from 1000"};
  if (text.size() == 4) return std::nullopt;
  const int month = parse_digits(text.substr(5, 2));
  if (month < 1 || month > 12)
    return Problem{fmt::format("`{}` is not a real date", text), "months run from 01 to 12"};
  if (text.size() == 7) return std::nullopt;
  const int day = parse_digits(text.substr(8, 2));
  const int last = days_in_month(year, month);
  if (day < 1 || day > last)
    return Problem{fmt::format("`{}` is not a real date", text),
        fmt::format("{} has {} days", text.substr(0, 7), last)};
  return std::nullopt;
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
