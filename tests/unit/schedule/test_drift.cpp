#include "schedule/drift.hpp"

#include <catch2/catch.hpp>

using namespace brief::schedule;

TEST_CASE("drift shows the sentence that changed, not the whole passage") {
  const std::string before = "The first sentence stays. Attacks fell by 40 percent in 2023. The last one stays too.";
  const std::string after = "The first sentence stays. Attacks fell by 25 percent in 2023. The last one stays too.";
  const auto shown = changed_sentences(before, after);
  CHECK(shown.before == "Attacks fell by 40 percent in 2023.");
  CHECK(shown.after == "Attacks fell by 25 percent in 2023.");
}

TEST_CASE("drift shows an added sentence with the one it follows") {
  const auto shown = changed_sentences("One. Two.", "One. Two. Three.");
  CHECK(shown.before == "Two.");
  CHECK(shown.after == "Two. Three.");
}

TEST_CASE("drift shortens a very long changed sentence") {
  const std::string before = "A " + std::string(1000, 'x') + ".";
  const std::string after = "B " + std::string(1000, 'x') + ".";
  const auto shown = changed_sentences(before, after);
  CHECK(shown.before.size() < 500);
  CHECK(shown.before.starts_with("A xxx"));
  CHECK(shown.after.starts_with("B xxx"));
  CHECK(shown.after.ends_with("\u2026"));
}
