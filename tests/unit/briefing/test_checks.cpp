#include "briefing/checks.hpp"

#include <catch2/catch.hpp>

using namespace brief::briefing;

TEST_CASE("passage ids") {
  CHECK_FALSE(check_passage_id("doc#p7"));
  CHECK_FALSE(check_passage_id("shafaq-2024-coalition-transition#p12.s2"));
  CHECK_FALSE(check_passage_id("d#p0"));
  CHECK(check_passage_id("doc#p07"));
  CHECK(check_passage_id("doc#p7.s"));
  CHECK(check_passage_id("doc#p7.s2x"));
  CHECK(check_passage_id("#p7"));
  CHECK(check_passage_id("doc"));
  CHECK(check_passage_id("my doc#p1"));
  CHECK(check_passage_id("doc#s1"));
}

TEST_CASE("dates, with leap years") {
  CHECK_FALSE(check_date("2024-02-29", "date", DatePrecision::day));
  CHECK_FALSE(check_date("2000-02-29", "date", DatePrecision::day));
  CHECK(check_date("1900-02-29", "date", DatePrecision::day));
  CHECK(check_date("2024-04-31", "date", DatePrecision::day));
  CHECK(check_date("2024-00-10", "date", DatePrecision::day));
  CHECK(check_date("0999-01-01", "date", DatePrecision::day));
  CHECK_FALSE(check_date("2024", "from", DatePrecision::any));
  CHECK_FALSE(check_date("2024-12", "from", DatePrecision::any));
  CHECK(check_date("2024", "date", DatePrecision::day));
  CHECK(check_date("2024-1-01", "from", DatePrecision::any));
}

TEST_CASE("template names") {
  CHECK_FALSE(check_template_name("briefing-dark"));
  CHECK_FALSE(check_template_name("v2_exec"));
  CHECK(check_template_name("Analyst"));
  CHECK(check_template_name("a.b"));
  CHECK(check_template_name("../x"));
  CHECK(check_template_name("/etc/x"));
  CHECK(check_template_name(""));
}
