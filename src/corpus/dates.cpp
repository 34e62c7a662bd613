#include "corpus/corpus.hpp"

#include "base/dates.hpp"

#include <fmt/format.h>

#include <array>

namespace brief::corpus {

namespace {

constexpr std::array<std::string_view, 12> k_month_names = {"January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December"};

} // namespace

std::optional<PartialDate> parse_partial_date(std::string_view text) {
  const auto parsed = dates::parse(text);
  if (!parsed) return std::nullopt;
  PartialDate date;
  date.year = parsed->year;
  date.month = static_cast<int>(parsed->month);
  date.day = static_cast<int>(parsed->day);
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
  return dates::iso(dates::first_day({year, static_cast<unsigned>(month), static_cast<unsigned>(day)}));
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
