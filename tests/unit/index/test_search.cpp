#include "index/index.hpp"

#include "corpus_builder.hpp"

#include <catch2/catch.hpp>

#include <ctime>

using namespace brief;
using namespace brief::index;
using test::DocumentSpec;

namespace {

Index open(const corpus::Corpus& corpus) {
  Outcome<Index> index = Index::open_in_memory(corpus);
  REQUIRE(index.ok());
  return std::move(index.value());
}

std::vector<std::string> ids(const Index& index, Query query) {
  if (query.limit == 10) query.limit = 100;
  Outcome<std::vector<Hit>> hits = index.search(query);
  INFO(query.text);
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const Hit& hit : *hits) out.push_back(hit.id);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> ranked(const Index& index, Query query) {
  Outcome<std::vector<Hit>> hits = index.search(query);
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const Hit& hit : *hits) out.push_back(hit.id);
  return out;
}

Query text(std::string q) {
  Query query;
  query.text = std::move(q);
  return query;
}

corpus::Corpus alias_corpus() {
  return test::make_corpus({
      {"a", {"ISIS fighters attacked the village."}},
      {"b", {"Daesh claimed the bombing."}},
      {"c", {"Da’esh cells regrouped in the desert."}},
      {"d", {"The Islamic State lost territory."}},
      {"e", {"This is a plain sentence about the weather."}},
      {"f", {"IS claimed responsibility."}},
      {"g", {"Da'esh attacks continued."}},
  });
}

} // namespace

TEST_CASE("a search for any alias variant finds every variant") {
  const Index index = open(alias_corpus());
  const std::vector<std::string> all{"a#p1", "b#p1", "c#p1", "d#p1", "f#p1", "g#p1"};
  for (const char* variant : {"Daesh", "daesh", "ISIS", "isil", "Da'esh", "Da’esh", "\"Islamic State\"", "Islamic State", "IS"}) {
    INFO(variant);
    CHECK(ids(index, text(variant)) == all);
  }
}

TEST_CASE("lowercase is is a word, not the entity") {
  const Index index = open(alias_corpus());
  // The word "is" (in any case, as FTS5 folds case) but none of the other variants.
  CHECK(ids(index, text("is")) == std::vector<std::string>{"e#p1", "f#p1"});
  CHECK(ids(index, text("IS NOT claimed")) == std::vector<std::string>{"a#p1", "c#p1", "d#p1", "g#p1"});
}

TEST_CASE("a phrase with an alias matches any variant in that position") {
  const Index index = open(alias_corpus());
  CHECK(ids(index, text("\"ISIS attacks\"")) == std::vector<std::string>{"g#p1"});
  CHECK(ids(index, text("\"Daesh claimed\"")) == std::vector<std::string>{"b#p1", "f#p1"});
}

TEST_CASE("terms are stemmed") {
  const Index index = open(test::make_corpus({
      {"s", {"The attack on the base.", "Two attacks were repelled.", "They attacked at dawn.", "Nothing here."}},
  }));
  const std::vector<std::string> expected{"s#p1", "s#p2", "s#p3"};
  CHECK(ids(index, text("attack")) == expected);
  CHECK(ids(index, text("attacks")) == expected);
  CHECK(ids(index, text("ATTACKING")) == expected);
}

TEST_CASE("phrases need their words adjacent and in order") {
  const Index index = open(test::make_corpus({
      {"p", {"a drone strike hit the depot", "the strike was not by a drone", "drone strikes continued"}},
  }));
  CHECK(ids(index, text("\"drone strike\"")) == std::vector<std::string>{"p#p1", "p#p3"});
  CHECK(ids(index, text("drone strike")) == std::vector<std::string>{"p#p1", "p#p2", "p#p3"});
  CHECK(ids(index, text("\"drone strike\" NOT depot")) == std::vector<std::string>{"p#p3"});
  CHECK(ids(index, text("depot OR continued")) == std::vector<std::string>{"p#p1", "p#p3"});
}

TEST_CASE("hyphens, apostrophes and diacritics are searchable") {
  const Index index = open(test::make_corpus({
      {"h", {"Security co-operation with Baghdad grew.", "The Ba'ath party was banned.", "Fighting in Nīnawā province."}},
  }));
  CHECK(ids(index, text("co-operation")) == std::vector<std::string>{"h#p1"});
  CHECK(ids(index, text("Ba’ath")) == std::vector<std::string>{"h#p2"});
  CHECK(ids(index, text("Ninawa")) == std::vector<std::string>{"h#p3"});
  CHECK(ids(index, text("Nīnawā")) == std::vector<std::string>{"h#p3"});
}

TEST_CASE("hits are ranked by BM25, higher scores first") {
  const Index index = open(test::make_corpus({
      {"r", {"drone drone drone",
                "a drone was seen over the long road north of the city near the river at night",
                "drone sightings drone reports", "unrelated text about budgets"}},
  }));
  Outcome<std::vector<Hit>> hits = index.search(text("drone"));
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 3);
  CHECK((*hits)[0].id == "r#p1");
  CHECK((*hits)[1].id == "r#p3");
  CHECK((*hits)[2].id == "r#p2");
  CHECK((*hits)[0].score > (*hits)[1].score);
  CHECK((*hits)[1].score > (*hits)[2].score);
  CHECK((*hits)[2].score > 0);
}

TEST_CASE("equal scores are ordered by id in natural order") {
  std::vector<std::string> passages(12, "filler words only");
  passages[1] = "same words tie";   // t#p2
  passages[9] = "same words tie";   // t#p10
  passages[10] = "same words tie";  // t#p11
  const Index index = open(test::make_corpus({{"t", passages}, {"s", {"same words tie"}}}));
  Outcome<std::vector<Hit>> hits = index.search(text("tie"));
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 4);
  CHECK((*hits)[0].score == (*hits)[3].score);
  CHECK(ranked(index, text("tie")) == std::vector<std::string>{"s#p1", "t#p2", "t#p10", "t#p11"});
  Query limited = text("tie");
  limited.limit = 2;
  CHECK(ranked(index, limited) == std::vector<std::string>{"s#p1", "t#p2"});
}

TEST_CASE("filters restrict documents, types, dates and releasability") {
  const Index index = open(test::make_corpus({
      {"n2019", {"militia report"}, "news report", {2019, 0, 0, false}, "public"},
      {"n2020", {"militia report"}, "news report", {2020, 10, 15, false}, "official-use"},
      {"t2021", {"militia report"}, "think-tank assessment", {2021, 3, 0, false}, "restricted"},
      {"undated", {"militia report"}, "news report", {}, "unlisted-level"},
  }));
  Query query = text("militia");
  CHECK(ids(index, query).size() == 4);

  query.documents = {"n2019", "t2021"};
  CHECK(ids(index, query) == std::vector<std::string>{"n2019#p1", "t2021#p1"});
  query.documents.clear();

  query.types = {"news report"};
  CHECK(ids(index, query) == std::vector<std::string>{"n2019#p1", "n2020#p1", "undated#p1"});
  query.types.clear();

  query.published_from = "2020";
  CHECK(ids(index, query) == std::vector<std::string>{"n2020#p1", "t2021#p1"});
  query.published_to = "2020-12";
  CHECK(ids(index, query) == std::vector<std::string>{"n2020#p1"});
  query.published_from = "2020-10-16";
  CHECK(ids(index, query).empty());
  query.published_from.clear();
  query.published_to = "2019";
  CHECK(ids(index, query) == std::vector<std::string>{"n2019#p1"});
  query.published_to.clear();

  query.max_rank = 0;
  CHECK(ids(index, query) == std::vector<std::string>{"n2019#p1"});
  query.max_rank = 1;
  CHECK(ids(index, query) == std::vector<std::string>{"n2019#p1", "n2020#p1"});
}

TEST_CASE("a malformed filter date is an error at the query span") {
  const Index index = open(alias_corpus());
  Query query = text("isis");
  query.published_from = "2020-13";
  Outcome<std::vector<Hit>> hits = index.search(query);
  REQUIRE_FALSE(hits.ok());
  CHECK(hits.diagnostics().items()[0].message == "invalid date `2020-13`");
}

TEST_CASE("a malformed query is an error, not an FTS5 failure") {
  const Index index = open(alias_corpus());
  Outcome<std::vector<Hit>> hits = index.search(text("(isis"));
  REQUIRE_FALSE(hits.ok());
  CHECK(hits.diagnostics().items()[0].message == "unclosed `(` in query");
}

TEST_CASE("sentences can be searched as units") {
  const Index index = open(test::make_corpus({
      {"u", {"Markets were calm. ISIS attacked a checkpoint. Rain fell."}},
  }));
  Query query = text("Daesh");
  query.unit = Unit::sentence;
  CHECK(ranked(index, query) == std::vector<std::string>{"u#p1.s2"});
}

TEST_CASE("snippets mark matched terms and alias variants") {
  const Index index = open(test::make_corpus({
      {"v", {"Daesh fighters attacked the checkpoint at dawn.", "IS claimed it.",
                "The Islamic State and ISIL are one group."}},
  }));
  Outcome<std::vector<Hit>> hits = index.search(text("ISIS attack"));
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].snippet == "[Daesh] fighters [attacked] the checkpoint at dawn.");
  hits = index.search(text("Da’esh"));
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 3);
  for (const Hit& hit : *hits) {
    if (hit.id == "v#p3") CHECK(hit.snippet == "The [Islamic State] and [ISIL] are one group.");
    if (hit.id == "v#p2") CHECK(hit.snippet == "IS claimed it.");
  }
  // Matched through the case-sensitive variant only: nothing to mark, the text is shown.
  hits = index.search(text("IS claimed"));
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].snippet == "IS [claimed] it.");
}

TEST_CASE("long snippets are cut") {
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "word" + std::to_string(i) + " ";
  long_text += "target";
  const Index index = open(test::make_corpus({{"w", {long_text}}}));
  Outcome<std::vector<Hit>> hits = index.search(text("target"));
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].snippet.rfind("…", 0) == 0);
  CHECK((*hits)[0].snippet.find("[target]") != std::string::npos);
  CHECK((*hits)[0].snippet.size() < 200);
}

TEST_CASE("a 200-passage corpus indexes and answers repeated searches identically") {
  std::vector<test::DocumentSpec> specs;
  for (int d = 0; d < 5; ++d) {
    std::vector<std::string> passages;
    for (int p = 0; p < 40; ++p) {
      passages.push_back("Daesh cells attacked checkpoints near Mosul in month " + std::to_string(p) +
          ". Iraqi forces responded with drone strikes and raids. Officials reported arrests.");
    }
    specs.push_back({"doc" + std::to_string(d), passages});
  }
  const corpus::Corpus corpus = test::make_corpus(specs);
  const Index index = open(corpus);
  const auto first = index.search(text("ISIS \"drone strikes\""));
  REQUIRE(first.ok());
  CHECK(first->size() == 10);  // the default limit; every passage matches through the alias
  for (int i = 0; i < 20; ++i) {
    const auto again = index.search(text("ISIS \"drone strikes\""));
    REQUIRE(again.ok());
    REQUIRE(again->size() == first->size());
    for (size_t h = 0; h < first->size(); ++h) CHECK((*again)[h].id == (*first)[h].id);
  }
}
