#include "base/names.hpp"

#include <catch2/catch.hpp>

using namespace brief;

TEST_CASE("every format and kind name parses back to its value") {
  REQUIRE(format_names() == std::vector<std::string>{"brief", "slides", "slides-handout"});
  for (const auto& name : format_names()) {
    const auto format = parse_format(name);
    REQUIRE(format.has_value());
    CHECK(format_name(*format) == name);
  }
  REQUIRE(kind_names().size() == all_kinds().size());
  for (size_t i = 0; i < all_kinds().size(); ++i) {
    CHECK(kind_name(all_kinds()[i]) == kind_names()[i]);
    CHECK(parse_kind(kind_names()[i]) == all_kinds()[i]);
  }
}

TEST_CASE("names have one spelling: no aliases, no case folding") {
  CHECK_FALSE(parse_format("handout").has_value());
  CHECK_FALSE(parse_format("Slides").has_value());
  CHECK_FALSE(parse_format("slides_handout").has_value());
  CHECK_FALSE(parse_kind("key-judgments").has_value());
  CHECK(parse_kind("key_judgments") == SectionKind::key_judgments);
}
