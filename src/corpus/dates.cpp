#include "corpus/corpus.hpp"

#include <fmt/format.h>

#include <array>

namespace brief::corpus {

namespace {

constexpr std::array<std::string_view, 12> k_month_names = {"January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December"};

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr std::array<int, 12> k_days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : k_days[static_cast<size_t>(month - 1)];
}

// Reads exactly `width` ASCII digits at `pos`.
std::optional<int> digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

} // namespace

std::optional<PartialDate> parse_partial_date(std::string_view text) {
  if (text.size() != 4 && text.size() != 7 && text.size() != 10) return std::nullopt;
  PartialDate date;
  const auto year = digits(text, 0, 4);
  if (!year || *year == 0) return std::nullopt;
  date.year = *year;
  if (text.size() >= 7) {
    const auto month = digits(text, 5, 2);
    if (text[4] != '-' || !month || *month < 1 || *month > 12) return std::nullopt;
    date.month = *month;
  }
  if (text.size() == 10) {
    const auto day = digits(text, 8, 2);
    if (text[7] != '-' || !day || *day < 1 || *day > days_in_month(date.year, date.month))
      return std::nullopt;
    date.day = *day;
  }
  return date;
}

std::string PartialDate::iso() const {
  if (!known()) return {};
  if (month == 0) return fmt::format("{:04}", year);
  if (day == 0) return fmt::format("{:04}-{:02}", year, month);
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::string PartialDate::earliest() const {
  if (!known()) return {};
  return fmt::format("{:04}-{:02}-{:02}", year, month == 0 ? 1 : month, day == 0 ? 1 : day);
}

std::string PartialDate::display() const {
  if (!known()) return "n.d.";
  std::string out = approximate ? "c. " : "";
  if (month != 0 && month <= 12) {
    if (day != 0) out += fmt::format("{} ", day);
    out += fmt::format("{} ", k_month_names[static_cast<size_t>(month - 1)]);
  }
  out += fmt::format("{}", year);
  return out;
}

} // namespace brief::corpus
