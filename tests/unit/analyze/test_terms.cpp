#include "analyze/similarity.hpp"
#include "analyze/terms.hpp"

#include <catch2/catch.hpp>

using namespace brief::analyze;

TEST_CASE("split_words keeps inner apostrophes and hyphens, folds case") {
  auto words = split_words("ISIS's Da\xE2\x80\x99" "esh co-operation, 5,000-6,000 fighters.");
  REQUIRE(words.size() == 8);
  CHECK(words[0].folded == "isis");
  CHECK(words[1].folded == "daesh");
  CHECK(words[2].folded == "co-operation");
  CHECK(words[3].text == "5");
  CHECK(words[5].text == "6");  // a hyphen between digits is a range, not a word
  CHECK(words[7].folded == "fighters");
  CHECK(words[7].begin == 42);
}

TEST_CASE("terms drop stopwords and stem") {
  TermMaker terms;
  auto t = terms.terms("The fighters were fighting in the cities");
  CHECK(t == std::vector<std::string>{"fighter", "fight", "citi"});
}

TEST_CASE("hyphenated bound prefixes join, other compounds split") {
  TermMaker terms;
  CHECK(terms.terms("co-operation") == terms.terms("cooperation"));
  CHECK(terms.terms("counter-terrorism") == terms.terms("counterterrorism"));
  CHECK(terms.terms("war-torn cities") == std::vector<std::string>{"war", "torn", "citi"});
}

TEST_CASE("non-ASCII words are folded") {
  TermMaker terms;
  CHECK(terms.terms("ÄRGER") == terms.terms("ärger"));
}

TEST_CASE("cosine of IDF-weighted vectors") {
  TermMaker terms;
  SentenceSpace space({"ISIS fighters attacked Kirkuk", "ISIS fighters attacked Kirkuk",
                          "Markets rallied on Friday"},
      terms);
  CHECK(space.similarity(0, 1) == Approx(1.0));
  CHECK(space.similarity(0, 2) == Approx(0.0));
  TermVector query = space.project(terms.terms("Kirkuk attack"));
  CHECK(cosine(query, space.vector(0)) > 0.3);
}

TEST_CASE("background statistics change IDF") {
  TermStatistics background;
  background.add_document({"isis", "iraq"});
  background.add_document({"isis", "kirkuk"});
  background.add_document({"isis", "isis"});
  CHECK(background.documents() == 3);
  CHECK(background.frequency("isis") == 3);
  CHECK(background.frequency("absent") == 0);
  SentenceSpace space({{"isis", "kirkuk"}, {"isis", "iraq"}}, &background);
  // "isis" is everywhere in the background, so the two share little.
  CHECK(space.similarity(0, 1) < 0.2);
}
