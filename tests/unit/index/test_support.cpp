#include "index/dates.hpp"
#include "index/index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace brief;
using namespace brief::index;

TEST_CASE("filter dates become the first or last day they denote") {
  CHECK(parse_date_bound("2020", Bound::lower) == "2020-01-01");
  CHECK(parse_date_bound("2020", Bound::upper) == "2020-12-31");
  CHECK(parse_date_bound("2020-02", Bound::upper) == "2020-02-29");
  CHECK(parse_date_bound("2021-02", Bound::upper) == "2021-02-28");
  CHECK(parse_date_bound("2020-10-15", Bound::lower) == "2020-10-15");
  for (const char* bad : {"", "20", "2020-1", "2020-13", "2020-00", "2021-02-29", "2020-10-15x", "2020/10", "0000", "0999"}) {
    INFO(bad);
    CHECK_FALSE(parse_date_bound(bad, Bound::lower));
  }
  // A document's own first day, which the index stores for these filters to compare against.
  CHECK(corpus::PartialDate{2020, 0, 0, false}.earliest() == "2020-01-01");
  CHECK(corpus::PartialDate{2020, 10, 0, false}.earliest() == "2020-10-01");
  CHECK(corpus::PartialDate{}.earliest().empty());
}
