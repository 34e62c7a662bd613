#include "index/aliases.hpp"
#include "index/words.hpp"

#include "corpus_builder.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using namespace brief::index;

TEST_CASE("words split at punctuation and both apostrophes, folded without diacritics") {
  const std::vector<Word> words = split_words("Da’esh's co-operation in Nīnawā, ISIS");
  std::vector<std::string> folded;
  for (const Word& word : words) folded.push_back(word.folded);
  CHECK(folded == std::vector<std::string>{"da", "esh", "s", "co", "operation", "in", "ninawa", "isis"});
  CHECK(words.back().raw == "ISIS");
  CHECK(has_word("…Ba'ath"));
  CHECK_FALSE(has_word("— … ’ -"));
}

TEST_CASE("alias variants are found case-insensitively on word boundaries") {
  const AliasMatcher matcher({test::isis_aliases()});
  CHECK(matcher.find("the islamic state and ISIL").size() == 2);
  CHECK(matcher.find("DAESH fighters").size() == 1);
  CHECK(matcher.find("Da'esh").size() == 1);
  CHECK(matcher.find("Da’esh").size() == 1);
  CHECK(matcher.find("ISIS's leaders").size() == 1);
  // Inside a longer word is no match.
  CHECK(matcher.find("ISISX and ISILs").empty());
}

TEST_CASE("a case-sensitive variant matches only in its exact case") {
  const AliasMatcher matcher({test::isis_aliases()});
  CHECK(matcher.find("IS claimed the attack").size() == 1);
  CHECK(matcher.find("this is the attack").empty());
  CHECK(matcher.find("Is it").empty());
}

TEST_CASE("the longest variant wins and the canonical text holds entity tokens") {
  const AliasMatcher matcher({test::isis_aliases()});
  const std::vector<AliasMatch> matches = matcher.find("Islamic State fighters");
  REQUIRE(matches.size() == 1);
  CHECK(matches[0].begin == 0);
  CHECK(matches[0].end == 13);
  CHECK(matcher.entity_token(0) == "ent1isis");
  CHECK(matcher.canonical_text("Islamic State fighters met ISIL's envoy") ==
      " ent1isis  fighters met  ent1isis 's envoy");
  CHECK(matcher.is_whole_variant("Islamic State"));
  CHECK_FALSE(matcher.is_whole_variant("Islamic State fighters"));
}

TEST_CASE("the alias fingerprint changes with the groups") {
  corpus::AliasGroup group = test::isis_aliases();
  const std::string before = AliasMatcher({group}).fingerprint();
  CHECK(AliasMatcher({group}).fingerprint() == before);
  group.variants.push_back("Tanzim al-Dawla");
  CHECK(AliasMatcher({group}).fingerprint() != before);
  CHECK(AliasMatcher().fingerprint() != before);
}
