#include "corpus/corpus.hpp"

#include <catch2/catch.hpp>

using namespace brief::corpus;

TEST_CASE("partial dates parse at year, month and day precision") {
  CHECK(parse_partial_date("2020")->iso() == "2020");
  CHECK(parse_partial_date("2020-10")->iso() == "2020-10");
  CHECK(parse_partial_date("2020-10-15")->iso() == "2020-10-15");
  CHECK(parse_partial_date("2024-02-29").has_value());
  for (const char* bad : {"", "20", "2020-1", "2020-13", "2020-00", "2023-02-29", "2020-04-31",
           "0000", "2020/10", "c. 2017", "2020-10-15T00"})
    CHECK_FALSE(parse_partial_date(bad).has_value());
}

TEST_CASE("front matter dates follow the spec's year rule") {
  // Corpus dates once accepted years the spec's `date` refused: one parser now, years from 1000.
  CHECK_FALSE(parse_partial_date("0999").has_value());
  CHECK_FALSE(parse_partial_date("0202-10-15").has_value());
  CHECK(parse_partial_date("1000").has_value());
}

TEST_CASE("partial dates give their earliest day and a display form") {
  PartialDate d = *parse_partial_date("2020-10-15");
  CHECK(d.earliest() == "2020-10-15");
  CHECK(d.display() == "15 October 2020");
  d = *parse_partial_date("2020-10");
  CHECK(d.earliest() == "2020-10-01");
  CHECK(d.display() == "October 2020");
  d = *parse_partial_date("2017");
  CHECK(d.earliest() == "2017-01-01");
  CHECK(d.display() == "2017");
  d.approximate = true;
  CHECK(d.display() == "c. 2017");
  CHECK(d.iso() == "2017");
  CHECK(PartialDate{}.display() == "n.d.");
  CHECK(PartialDate{}.iso().empty());
  CHECK_FALSE(PartialDate{}.known());
}
