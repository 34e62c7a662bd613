#pragma once
// Calendar dates written "YYYY", "YYYY-MM" or "YYYY-MM-DD", on std::chrono::year_month_day: the
// one parser that specs, corpus front matter and range filters share, so they agree on what a
// date is.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace brief::dates {

// A date as precise as its text: a year, a month of a year, or a day. Month and day are 0 when
// the text does not give them.
struct PartialDay {
  int year = 0;
  unsigned month = 0;
  unsigned day = 0;
};

// What is wrong with a date's text, for messages.
enum class DateError { shape, year, month, day };

// The first year a date may name. Earlier years need leading zeros in these forms and are far
// more often a typo (`0202` for 2020) than a source's date.
constexpr int k_first_year = 1000;

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD": four-digit years from k_first_year, months 01 to 12,
// and only days that exist in the Gregorian calendar. nullopt otherwise, with `error` (if given)
// saying which part is wrong.
std::optional<PartialDay> parse(std::string_view text, DateError* error = nullptr);

// The first and the last day a date denotes ("2020" -> 2020-01-01 and 2020-12-31).
std::chrono::year_month_day first_day(const PartialDay& date);
std::chrono::year_month_day last_day(const PartialDay& date);

// Days in a month of a year (28 to 31).
unsigned days_in_month(int year, unsigned month);

// "YYYY-MM-DD", which compares correctly as text.
std::string iso(const std::chrono::year_month_day& day);

} // namespace brief::dates
