#include "base/natural_order.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace brief;

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

TEST_CASE("natural order compares digit runs of any length without overflow") {
  // The bibliography's pinpoints once sorted by digit runs read into a long, which overflows here.
  CHECK(natural_less("p99999999999999999999999", "p100000000000000000000000"));
  CHECK_FALSE(natural_less("p100000000000000000000000", "p99999999999999999999999"));
}
