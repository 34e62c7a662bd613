#pragma once
// Publication dates for range filters, as "YYYY-MM-DD" strings that compare correctly as text.

#include <optional>
#include <string>
#include <string_view>

namespace brief::index {

enum class Bound { lower, upper };

// A filter date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (dates::parse) as the first (lower) or last
// (upper) day it denotes: "2020" -> "2020-01-01" or "2020-12-31". nullopt if it is no date.
// A document's own first day is PartialDate::earliest().
std::optional<std::string> parse_date_bound(std::string_view text, Bound bound);

} // namespace brief::index
