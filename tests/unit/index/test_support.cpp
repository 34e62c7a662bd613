#include "index/dates.hpp"
#include "index/index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace brief;
using namespace brief::index;

TEST_CASE("ids sort in natural order") {
  CHECK(natural_less("doc#p2", "doc#p10"));
  CHECK_FALSE(natural_less("doc#p10", "doc#p2"));
  CHECK(natural_less("doc#p7.s2", "doc#p7.s10"));
  CHECK(natural_less("doc#p7", "doc#p7.s1"));
  CHECK(natural_less("a2#p1", "a10#p1"));
  CHECK(natural_less("doc#p02", "doc#p2"));  // equal numbers: byte order keeps the order total
  CHECK_FALSE(natural_less("doc#p2", "doc#p2"));
  std::vector<std::string> ids{"d#p10", "d#p1", "c#p3", "d#p2", "d#p1.s12", "d#p1.s3"};
  std::sort(ids.begin(), ids.end(), [](const auto& a, const auto& b) { return natural_less(a, b); });
  CHECK(ids == std::vector<std::string>{"c#p3", "d#p1", "d#p1.s3", "d#p1.s12", "d#p2", "d#p10"});
}

TEST_CASE("filter dates become the first or last day they denote") {
  CHECK(parse_date_bound("2020", Bound::lower) == "2020-01-01");
  CHECK(parse_date_bound("2020", Bound::upper) == "2020-12-31");
  CHECK(parse_date_bound("2020-02", Bound::upper) == "2020-02-29");
  CHECK(parse_date_bound("2021-02", Bound::upper) == "2021-02-28");
  CHECK(parse_date_bound("2020-10-15", Bound::lower) == "2020-10-15");
  for (const char* bad : {"", "20", "2020-1", "2020-13", "2020-00", "2021-02-29", "2020-10-15x", "2020/10", "0000"}) {
    INFO(bad);
    CHECK_FALSE(parse_date_bound(bad, Bound::lower));
  }
  CHECK(earliest_day({2020, 0, 0, false}) == "2020-01-01");
  CHECK(earliest_day({2020, 10, 0, false}) == "2020-10-01");
  CHECK(earliest_day({}).empty());
}
