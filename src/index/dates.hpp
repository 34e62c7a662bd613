#pragma once
// Publication dates for range filters, as "YYYY-MM-DD" strings that compare correctly as text.

#include "corpus/corpus.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace brief::index {

enum class Bound { lower, upper };

// A filter date "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first (lower) or last (upper) day it
// denotes: "2020" -> "2020-01-01" or "2020-12-31". nullopt if malformed or out of range.
std::optional<std::string> parse_date_bound(std::string_view text, Bound bound);

// The first day a document's date may denote ("YYYY-MM-DD", unknown month/day as 01), the same
// as PartialDate::earliest(); "" if the year is unknown.
std::string earliest_day(const corpus::PartialDate& date);

} // namespace brief::index
