#include "select/lookup.hpp"

#include "../index/corpus_builder.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using namespace brief::select;

namespace {

corpus::Corpus sample() {
  std::vector<std::string> passages;
  for (int i = 1; i <= 12; ++i) passages.push_back("Passage number " + std::to_string(i) + ". Second sentence.");
  return test::make_corpus({{"alpha", passages}, {"beta", {"Only one."}}});
}

} // namespace

TEST_CASE("ids resolve to passages, sentences and their documents") {
  const corpus::Corpus corpus = sample();
  const CorpusLookup lookup(corpus);
  CHECK(lookup.passage("alpha#p12") != nullptr);
  CHECK(lookup.passage("alpha#p13") == nullptr);
  CHECK(lookup.sentence("alpha#p3.s2") != nullptr);
  CHECK(lookup.document_of("beta#p1.s1") == lookup.document("beta"));
  CHECK(CorpusLookup::is_sentence_id("alpha#p3.s2"));
  CHECK_FALSE(CorpusLookup::is_sentence_id("alpha#p3"));
  CHECK(CorpusLookup::passage_id_of("alpha#p3.s2") == "alpha#p3");
  CHECK(CorpusLookup::passage_id_of("alpha#p3") == "alpha#p3");
}

TEST_CASE("hints for unknown ids suggest the closest id and say what exists") {
  const corpus::Corpus corpus = sample();
  const CorpusLookup lookup(corpus);
  CHECK(lookup.unknown_id_hints("alpha#p13") ==
      std::vector<std::string>{"did you mean `alpha#p12`?", "`alpha` has passages p1 to p12"});
  CHECK(lookup.unknown_id_hints("alpha#p3.s9") ==
      std::vector<std::string>{"did you mean `alpha#p3.s2`?", "`alpha#p3` has sentences s1 to s2"});
  CHECK(lookup.unknown_id_hints("alpah#p3") == std::vector<std::string>{"did you mean `alpha#p3`?"});
  CHECK(lookup.unknown_id_hints("alpah#p99") ==
      std::vector<std::string>{"there is no document `alpah`; did you mean `alpha`?"});
  CHECK(lookup.unknown_id_hints("zzzzzzzz#p1") == std::vector<std::string>{"there is no document `zzzzzzzz`"});
  CHECK(lookup.unknown_id_hints("beta") ==
      std::vector<std::string>{"`beta` is a document; to draw on all of it, list it under `documents`",
          "passage ids look like `doc#p7`, sentence ids like `doc#p7.s2`"});
  CHECK(lookup.unknown_document_hints("bta") == std::vector<std::string>{"did you mean `beta`?"});
}

TEST_CASE("marking ranks come from the corpus table") {
  corpus::Corpus corpus = test::make_corpus({{"a", {"x"}, "news report", {2020, 0, 0, false}, "official-use"},
      {"b", {"y"}, "news report", {2020, 0, 0, false}, "secret-squirrel"}});
  const CorpusLookup lookup(corpus);
  CHECK(lookup.rank_of(*lookup.document("a")) == 1);
  CHECK_FALSE(lookup.rank_of(*lookup.document("b")));
}
