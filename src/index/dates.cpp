#include "index/dates.hpp"

#include "base/dates.hpp"

namespace brief::index {

std::optional<std::string> parse_date_bound(std::string_view text, Bound bound) {
  const auto date = dates::parse(text);
  if (!date) return std::nullopt;
  return dates::iso(bound == Bound::lower ? dates::first_day(*date) : dates::last_day(*date));
}

} // namespace brief::index
