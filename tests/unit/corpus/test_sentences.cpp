#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <chrono>

using namespace brief;
using test::sentences_of;

TEST_CASE("sentences split at full stops, question and exclamation marks") {
  CHECK(sentences_of("ISIS regrouped. Attacks rose! Will it last? Nobody knows.") ==
      std::vector<std::string>{"ISIS regrouped.", "Attacks rose!", "Will it last?", "Nobody knows."});
}

TEST_CASE("ranges are trimmed byte offsets into the text") {
  const std::string text = "  First one.   Second one.  ";
  const auto ranges = corpus::split_sentences(text);
  REQUIRE(ranges.size() == 2);
  CHECK(ranges[0].begin == 2);
  CHECK(ranges[0].end == 12);
  CHECK(text.substr(ranges[1].begin, ranges[1].end - ranges[1].begin) == "Second one.");
  CHECK(corpus::split_sentences("").empty());
  CHECK(corpus::split_sentences("   ").empty());
}

TEST_CASE("titles and ranks do not end a sentence") {
  CHECK(sentences_of("According to Gen. McKenzie, troops will stay. Dr. Smith agreed.") ==
      std::vector<std::string>{"According to Gen. McKenzie, troops will stay.", "Dr. Smith agreed."});
  CHECK(sentences_of("Lt. Col. Jones met Mr. Ali at St. Joseph's. They talked.") ==
      std::vector<std::string>{"Lt. Col. Jones met Mr. Ali at St. Joseph's.", "They talked."});
}

TEST_CASE("U.S. and other dotted abbreviations do not end a sentence") {
  CHECK(sentences_of("The U.S. Army and U.N. Security Council agreed. Talks ended.") ==
      std::vector<std::string>{"The U.S. Army and U.N. Security Council agreed.", "Talks ended."});
  CHECK(sentences_of("Some partners, e.g. Jordan, share data. Others do not.") ==
      std::vector<std::string>{"Some partners, e.g. Jordan, share data.", "Others do not."});
  // A common sentence opener after the abbreviation still starts a new sentence.
  CHECK(sentences_of("Troops returned to the U.S. The base closed.") ==
      std::vector<std::string>{"Troops returned to the U.S.", "The base closed."});
}

TEST_CASE("No. continues before a number only") {
  CHECK(sentences_of("Resolution No. 2379 was adopted. It passed.") ==
      std::vector<std::string>{"Resolution No. 2379 was adopted.", "It passed."});
  CHECK(sentences_of("He said No. Then he left.") ==
      std::vector<std::string>{"He said No.", "Then he left."});
}

TEST_CASE("single initials do not end a sentence") {
  CHECK(sentences_of("General Kenneth F. McKenzie announced cuts. Iraq objected.") ==
      std::vector<std::string>{"General Kenneth F. McKenzie announced cuts.", "Iraq objected."});
  CHECK(sentences_of("J. Smith wrote it.") == std::vector<std::string>{"J. Smith wrote it."});
}

TEST_CASE("closing quotes stay with their sentence") {
  CHECK(sentences_of("They were trained “in a US-run camp in northern Syria.” He suggested more.") ==
      std::vector<std::string>{"They were trained “in a US-run camp in northern Syria.”", "He suggested more."});
}

// How fast it goes is for bench/, not here; this checks the huge inputs come out right.
TEST_CASE("a one-million-character paragraph splits into its sentences") {
  std::string text;
  size_t count = 0;
  for (; text.size() < 1'000'000; ++count) text += "Gen. Smith said the U.S. cells moved again and again. ";
  std::string unbroken(1'000'000, 'a');
  const auto ranges = corpus::split_sentences(text);
  const auto one = corpus::split_sentences(unbroken);
  CHECK(ranges.size() == count);
  CHECK(one.size() == 1);
}
