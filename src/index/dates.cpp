#include "index/dates.hpp"

#include <fmt/format.h>

namespace brief::index {
namespace {

std::optional<int> parse_number(std::string_view text, size_t digits) {
  if (text.size() != digits) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

int days_in_month(int year, int month) {
  static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : k_days[month - 1];
}

} // namespace

std::optional<std::string> parse_date_bound(std::string_view text, Bound bound) {
  const std::optional<int> year = parse_number(text.substr(0, 4), 4);
  if (!year || *year == 0) return std::nullopt;
  int month = 0;
  int day = 0;
  if (text.size() > 4) {
    if (text[4] != '-') return std::nullopt;
    const std::optional<int> m = parse_number(text.substr(5, 2), 2);
    if (!m || *m < 1 || *m > 12) return std::nullopt;
    month = *m;
    if (text.size() > 7) {
      if (text[7] != '-') return std::nullopt;
      const std::optional<int> d = parse_number(text.substr(8), 2);
      if (!d || *d < 1 || *d > days_in_month(*year, month)) return std::nullopt;
      day = *d;
    }
  }
  if (month == 0) month = bound == Bound::lower ? 1 : 12;
  if (day == 0) day = bound == Bound::lower ? 1 : days_in_month(*year, month);
  return fmt::format("{:04}-{:02}-{:02}", *year, month, day);
}

std::string earliest_day(const corpus::PartialDate& date) {
  if (!date.known()) return {};
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month == 0 ? 1 : date.month, date.day == 0 ? 1 : date.day);
}

} // namespace brief::index
