#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using test::file_of;

TEST_CASE("the default marking table has three ordered levels") {
  const auto table = corpus::default_marking_table();
  CHECK(table.ids() == std::vector<std::string>{"public", "official-use", "restricted"});
  REQUIRE(table.find("official-use") != nullptr);
  CHECK(table.find("official-use")->rank == 1);
  CHECK(table.find("official-use")->portion == "OUO");
  CHECK(table.find("public")->banner == "UNCLASSIFIED // PUBLIC RELEASE");
  CHECK(table.find("secret") == nullptr);
}

TEST_CASE("a marking table file is read in rank order") {
  const auto table = corpus::parse_markings(file_of(
      "levels:\n  - {id: open, banner: OPEN, portion: O}\n  - {id: closed, banner: CLOSED, portion: C}\n",
      "markings.yaml"));
  REQUIRE(table.ok());
  REQUIRE(table->levels.size() == 2);
  CHECK(table->levels[1].id == "closed");
  CHECK(table->levels[1].rank == 1);
  CHECK(table->levels[1].banner == "CLOSED");
}

TEST_CASE("marking table mistakes are errors at their position") {
  auto table = corpus::parse_markings(file_of("levels:\n  - id: open\n    banner: OPEN\n    portio: O\n"));
  REQUIRE_FALSE(table.ok());
  CHECK(table.diagnostics().items()[0].message == "unknown key `portio` in marking level");
  CHECK(table.diagnostics().items()[0].span.start().line == 4);
  table = corpus::parse_markings(file_of(
      "levels:\n  - {id: a, banner: A, portion: A}\n  - {id: a, banner: B, portion: B}\n"));
  REQUIRE_FALSE(table.ok());
  CHECK(table.diagnostics().items()[0].message == "duplicate marking level `a`");
  table = corpus::parse_markings(file_of("levels: []\n"));
  REQUIRE_FALSE(table.ok());
  CHECK(table.diagnostics().items()[0].message == "marking table needs `levels`, a list of at least one level");
}

TEST_CASE("alias groups include the canonical name and case-sensitive variants") {
  const auto groups = corpus::parse_aliases(file_of(
      "entities:\n  - canonical: ISIS\n    variants: [ISIL, Da’esh]\n    case_sensitive: [IS]\n"));
  REQUIRE(groups.ok());
  REQUIRE(groups->size() == 1);
  const auto& g = groups->front();
  CHECK(g.canonical == "ISIS");
  CHECK(g.variants == std::vector<std::string>{"ISIS", "ISIL", "Da’esh", "IS"});
  CHECK(g.case_sensitive == std::vector<std::string>{"IS"});
}

TEST_CASE("a name in two alias groups is an error") {
  const auto groups = corpus::parse_aliases(file_of(
      "entities:\n  - canonical: ISIS\n    variants: [Daesh]\n  - canonical: Other\n    variants: [daesh]\n"));
  REQUIRE_FALSE(groups.ok());
  CHECK(groups.diagnostics().items()[0].message == "alias `daesh` is in two groups, `ISIS` and `Other`");
  // Case-sensitive names that differ in case do not collide.
  CHECK(corpus::parse_aliases(file_of("entities:\n  - canonical: A\n    case_sensitive: [IS]\n"
                                      "  - canonical: B\n    case_sensitive: [Is]\n")).ok());
}
