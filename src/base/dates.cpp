#include "base/dates.hpp"

#include <fmt/format.h>

namespace brief::dates {

namespace {

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

std::optional<PartialDay> parse(std::string_view text, DateError* error) {
  DateError ignored = DateError::shape;
  DateError& why = error ? *error : ignored;
  const bool shape_ok = (text.size() == 4 || text.size() == 7 || text.size() == 10) &&
      digits(text, 0, 4) && (text.size() < 7 || (text[4] == '-' && digits(text, 5, 2))) &&
      (text.size() < 10 || (text[7] == '-' && digits(text, 8, 2)));
  if (!shape_ok) {
    why = DateError::shape;
    return std::nullopt;
  }
  PartialDay date;
  date.year = *digits(text, 0, 4);
  if (date.year < k_first_year) {
    why = DateError::year;
    return std::nullopt;
  }
  if (text.size() >= 7) {
    date.month = static_cast<unsigned>(*digits(text, 5, 2));
    if (!std::chrono::month{date.month}.ok()) {
      why = DateError::month;
      return std::nullopt;
    }
  }
  if (text.size() == 10) {
    date.day = static_cast<unsigned>(*digits(text, 8, 2));
    const std::chrono::year_month_day day{
        std::chrono::year{date.year}, std::chrono::month{date.month}, std::chrono::day{date.day}};
    if (!day.ok()) {
      why = DateError::day;
      return std::nullopt;
    }
  }
  return date;
}

std::chrono::year_month_day first_day(const PartialDay& date) {
  return {std::chrono::year{date.year}, std::chrono::month{date.month == 0 ? 1 : date.month},
      std::chrono::day{date.day == 0 ? 1 : date.day}};
}

std::chrono::year_month_day last_day(const PartialDay& date) {
  const std::chrono::month month{date.month == 0 ? 12 : date.month};
  if (date.day != 0) return {std::chrono::year{date.year}, month, std::chrono::day{date.day}};
  const std::chrono::year_month_day_last last{std::chrono::year{date.year}, std::chrono::month_day_last{month}};
  return std::chrono::year_month_day{last};
}

unsigned days_in_month(int year, unsigned month) {
  return static_cast<unsigned>(std::chrono::year_month_day_last{
      std::chrono::year{year}, std::chrono::month_day_last{std::chrono::month{month}}}
                                   .day());
}

std::string iso(const std::chrono::year_month_day& day) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
      static_cast<unsigned>(day.day()));
}

} // namespace brief::dates
