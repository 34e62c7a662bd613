#include "base/dates.hpp"

#include <catch2/catch.hpp>

using namespace brief;

TEST_CASE("dates parse as years, months or real days") {
  const auto day = dates::parse("2024-02-29");
  REQUIRE(day.has_value());
  CHECK(day->year == 2024);
  CHECK(day->month == 2u);
  CHECK(day->day == 29u);
  const auto year = dates::parse("2020");
  REQUIRE(year.has_value());
  CHECK(year->month == 0u);
  CHECK(dates::iso(dates::first_day(*year)) == "2020-01-01");
  CHECK(dates::iso(dates::last_day(*year)) == "2020-12-31");
  CHECK(dates::iso(dates::last_day(*dates::parse("2100-02"))) == "2100-02-28");
  CHECK(dates::iso(dates::last_day(*dates::parse("2000-02"))) == "2000-02-29");
  CHECK(dates::days_in_month(2023, 4) == 30u);
}

TEST_CASE("a date that is no date says which part is wrong") {
  const auto error_of = [](std::string_view text) {
    dates::DateError error = dates::DateError::shape;
    CHECK_FALSE(dates::parse(text, &error).has_value());
    return error;
  };
  CHECK(error_of("2020/10") == dates::DateError::shape);
  CHECK(error_of("2020-1") == dates::DateError::shape);
  CHECK(error_of("2020-10-15x") == dates::DateError::shape);
  CHECK(error_of("") == dates::DateError::shape);
  CHECK(error_of("0999") == dates::DateError::year);
  CHECK(error_of("0000-01") == dates::DateError::year);
  CHECK(error_of("2020-13") == dates::DateError::month);
  CHECK(error_of("2020-00-01") == dates::DateError::month);
  CHECK(error_of("1900-02-29") == dates::DateError::day);
  CHECK(error_of("2024-04-31") == dates::DateError::day);
}
