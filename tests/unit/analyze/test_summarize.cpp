#include "analyze/summarize.hpp"
#include "analyze/terms.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace brief::analyze;

namespace {

SummaryRequest request_of(const std::vector<std::string>& texts) {
  SummaryRequest request;
  for (size_t i = 0; i < texts.size(); ++i) {
    SummaryInput input;
    input.text = texts[i];
    input.position = static_cast<uint32_t>(i);
    request.sentences.push_back(input);
  }
  return request;
}

const std::vector<std::string> k_article = {
    "Iraqi forces launched airstrikes on ISIS hideouts in the Hamrin Mountains near Kirkuk.",
    "The airstrikes on ISIS hideouts near Kirkuk destroyed shelters and weapons caches.",
    "Airstrikes on ISIS hideouts near Kirkuk destroyed shelters and weapons caches.",
    "Officials said the coalition withdrawal from Iraq remains scheduled for September 2026.",
    "The weather in Baghdad was mild for the season and markets were busy.",
    "ISIS cells near Kirkuk remain a threat despite the airstrikes on their hideouts.",
    "Coalition forces continue their withdrawal from bases in western Iraq this year.",
};

} // namespace

TEST_CASE("summary picks central sentences and drops near-duplicates") {
  TermMaker terms;
  SummaryRequest request = request_of(k_article);
  request.sentence_budget = 3;
  SummaryResult result = summarize(request, terms);
  REQUIRE(result.chosen.size() == 3);
  // Sentences 1 and 2 say the same thing: never both.
  bool both = std::count(result.chosen.begin(), result.chosen.end(), 1) &&
      std::count(result.chosen.begin(), result.chosen.end(), 2);
  CHECK_FALSE(both);
  // The off-topic sentence is not central.
  CHECK(std::count(result.chosen.begin(), result.chosen.end(), 4) == 0);
  CHECK(std::any_of(result.trace.begin(), result.trace.end(),
      [](const std::string& line) { return line.find("repeats a chosen sentence") != std::string::npos; }));
}

TEST_CASE("source order sorts by position, salience order by score") {
  TermMaker terms;
  SummaryRequest request = request_of(k_article);
  request.sentence_budget = 3;
  request.order = SummaryOrder::source;
  SummaryResult source = summarize(request, terms);
  CHECK(std::is_sorted(source.chosen.begin(), source.chosen.end()));
  request.order = SummaryOrder::salience;
  SummaryResult salience = summarize(request, terms);
  auto a = source.chosen;
  auto b = salience.chosen;
  std::sort(b.begin(), b.end());
  CHECK(a == b);  // same sentences, maybe another order
  CHECK(salience.salience[salience.chosen[0]] >= salience.salience[salience.chosen[1]]);
}

TEST_CASE("a word budget limits the summary") {
  TermMaker terms;
  SummaryRequest request = request_of(k_article);
  request.word_budget = 25;
  SummaryResult result = summarize(request, terms);
  int words = 0;
  for (size_t i : result.chosen) words += count_words(k_article[i]);
  CHECK(words <= 25);
  CHECK(result.chosen.size() >= 1);
  CHECK(result.chosen.size() <= 2);
}

TEST_CASE("a query focuses the summary") {
  TermMaker terms;
  SummaryRequest request = request_of(k_article);
  request.sentence_budget = 1;
  request.query = "coalition withdrawal";
  SummaryResult result = summarize(request, terms);
  REQUIRE(result.chosen.size() == 1);
  CHECK((result.chosen[0] == 3 || result.chosen[0] == 6));
}

TEST_CASE("headings, unfit and excluded sentences are never chosen") {
  TermMaker terms;
  SummaryRequest request = request_of(k_article);
  request.sentences[0].heading = true;
  request.sentences[5].excluded = "no lead-in";
  request.sentences.push_back({"Were the ISIS hideouts near Kirkuk destroyed by the airstrikes?", "", 0, 7, false, "", ""});
  request.sentence_budget = 6;
  SummaryResult result = summarize(request, terms);
  for (size_t i : result.chosen) {
    CHECK(i != 0);
    CHECK(i != 5);
    CHECK(i != 7);
  }
  CHECK(result.checks[7].unfit == "question");
}

TEST_CASE("summaries are deterministic") {
  TermMaker terms;
  SummaryRequest request = request_of(k_article);
  request.sentence_budget = 4;
  CHECK(summarize(request, terms).chosen == summarize(request, terms).chosen);
}

TEST_CASE("empty and tiny pools") {
  TermMaker terms;
  CHECK(summarize(SummaryRequest{}, terms).chosen.empty());
  SummaryRequest request = request_of({"Only one sentence here about the ISIS threat in Iraq."});
  request.sentence_budget = 3;
  CHECK(summarize(request, terms).chosen == std::vector<size_t>{0});
}
