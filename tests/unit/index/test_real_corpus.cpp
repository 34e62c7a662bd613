// The index over the default corpus in corpus/, as the example briefs use it.

#include "index/index.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace brief;
using namespace brief::index;

namespace {

std::set<std::string> documents_found(const Index& index, const std::string& text) {
  Query query;
  query.text = text;
  query.limit = 1000;
  Outcome<std::vector<Hit>> hits = index.search(query);
  INFO(text);
  REQUIRE(hits.ok());
  std::set<std::string> documents;
  for (const Hit& hit : *hits) documents.insert(hit.id.substr(0, hit.id.find('#')));
  return documents;
}

} // namespace

TEST_CASE("the default corpus is indexed and ISIS is found under every name") {
  Outcome<corpus::Corpus> corpus = corpus::load(BRIEF_SOURCE_DIR "/corpus");
  REQUIRE(corpus.ok());
  Outcome<Index> index = Index::open_in_memory(*corpus);
  REQUIRE(index.ok());
  CHECK(index->documents_reindexed() == corpus->documents.size());

  // The ministry writes Da’esh (curly apostrophe), the others ISIS or Islamic State.
  const std::set<std::string> by_isis = documents_found(*index, "ISIS");
  CHECK(by_isis.count("mofa-iraq-ct-diplomacy") == 1);
  CHECK(by_isis.count("diyaruna-2018-intel-cooperation") == 1);
  CHECK(documents_found(*index, "Da'esh") == by_isis);
  CHECK(documents_found(*index, "Daesh") == by_isis);
  // A variant of several words is the entity too; a phrase around a variant keeps its words.
  CHECK(documents_found(*index, "\"Da’esh terrorist gangs\"") == by_isis);
  CHECK(documents_found(*index, "\"ISIS crimes\"").count("mofa-iraq-ct-diplomacy") == 1);
}
