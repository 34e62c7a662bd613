#include "select/selection.hpp"

#include "../index/corpus_builder.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace brief;
using namespace brief::select;
using briefing::SectionKind;

namespace {

// A spec file whose text holds the ids and queries the tests refer to, so spans can be checked.
const SourceFilePtr& spec_file() {
  static const SourceFilePtr file = std::make_shared<SourceFile>(SourceFile{"briefs/test.yaml",
      "ids: alpha#p99 alpha#p3.s9 beta#p1 alpah\nquery: zebra\n"});
  return file;
}

Span span_of(std::string_view text) {
  const size_t at = spec_file()->text.find(text);
  REQUIRE(at != std::string::npos);
  return {spec_file(), static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
}

briefing::Section section(std::string title, SectionKind kind, std::string query = {}, std::optional<int> limit = {}) {
  briefing::Section s;
  s.title = std::move(title);
  s.kind = kind;
  s.selector.query = std::move(query);
  s.limit = limit;
  return s;
}

briefing::PassageRef ref(std::string id) { return {id, {}}; }

// alpha: a heading and nine passages, most about drones; zeta: filler, so that "drone" is rare
// enough in the corpus for BM25 to weigh it.
corpus::Corpus sample() {
  std::vector<std::string> filler;
  for (int i = 1; i <= 20; ++i) filler.push_back("unrelated filler text " + std::to_string(i));
  return test::make_corpus({
      {"alpha",
          {"# Drones", "drone drone drone strikes. Second sentence here.", "drone drone strikes", "drone strikes hit",
              "one drone and several other unrelated words in a long passage", "weather report",
              "drone mention in passing with many other words around it today", "market prices", "drone",
              "budget talks"}},
      {"beta", {"drone reports from the ministry", "ministry statement"}, "government statement",
          {2021, 5, 0, false}, "official-use"},
      {"gamma", {"drone sightings by residents", "rain"}, "news report", {2019, 0, 0, false}, "public"},
      {"zeta", filler},
  });
}

struct Fixture {
  corpus::Corpus corpus = sample();
  index::Index index = std::move(index::Index::open_in_memory(corpus).value());
};

std::vector<std::string> pick_ids(const SectionSelection& selection) {
  std::vector<std::string> out;
  for (const Pick& pick : selection.picks) out.push_back(pick.id);
  return out;
}

Outcome<Selection> run_spec(const Fixture& f, std::vector<briefing::Section> sections, const Options& options = {}) {
  briefing::BriefSpec brief_briefing;
  brief_briefing.id = "test";
  brief_briefing.sections = std::move(sections);
  return select::run(brief_briefing, f.index, f.corpus, options);
}

std::vector<std::string> messages(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(d.message);
  return out;
}

} // namespace

TEST_CASE("a passages section takes the best query hits up to its limit") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("Drones", SectionKind::passages, "drone", 3)});
  REQUIRE(result.ok());
  REQUIRE(result->sections.size() == 1);
  const SectionSelection& s = result->sections[0];
  CHECK(s.section == 0);
  // alpha#p1 (the heading "Drones") ties with alpha#p9 but is not a finding.
  CHECK(pick_ids(s) == std::vector<std::string>{"alpha#p3", "alpha#p9", "alpha#p2"});
  CHECK(s.picks[0].rule == "query");
  CHECK(s.picks[0].score >= s.picks[1].score);
  CHECK(s.picks[1].score >= s.picks[2].score);
  CHECK(s.notes.empty());
}

TEST_CASE("the default limit is five and headings are not picked by a query") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("Drones", SectionKind::passages, "drones")});
  REQUIRE(result.ok());
  const std::vector<std::string> ids = pick_ids(result->sections[0]);
  CHECK(ids.size() == 5);
  CHECK(std::find(ids.begin(), ids.end(), "alpha#p1") == ids.end());
}

TEST_CASE("explicit ids come first and are not repeated by the query") {
  const Fixture f;
  briefing::Section s = section("Drones", SectionKind::passages, "drone", 2);
  s.selector.ids = {ref("alpha#p6"), ref("alpha#p9")};
  Outcome<Selection> result = run_spec(f, {s});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"alpha#p6", "alpha#p9", "alpha#p3", "alpha#p2"});
  CHECK(result->sections[0].picks[0].rule == "id");
  CHECK(result->sections[0].picks[0].score == 0);
}

TEST_CASE("source order sorts query picks by id") {
  const Fixture f;
  briefing::Section s = section("Drones", SectionKind::passages, "drone", 3);
  s.order = briefing::Order::source;
  Outcome<Selection> result = run_spec(f, {s});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"alpha#p2", "alpha#p3", "alpha#p9"});
}

TEST_CASE("a passage shown by an earlier section is skipped and the next hit taken") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("What has worked", SectionKind::passages, "drone", 2),
      section("More", SectionKind::passages, "drone", 2)});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"alpha#p3", "alpha#p9"});
  CHECK(pick_ids(result->sections[1]) == std::vector<std::string>{"alpha#p2", "alpha#p4"});
  CHECK(result->sections[1].notes == std::vector<std::string>{
      "skipped alpha#p3: already shown in section 'What has worked'",
      "skipped alpha#p9: already shown in section 'What has worked'"});
}

TEST_CASE("repeat allows passages already shown") {
  const Fixture f;
  briefing::Section again = section("Again", SectionKind::passages, "drone", 2);
  again.repeat = true;
  Outcome<Selection> result = run_spec(f, {section("First", SectionKind::passages, "drone", 2), again});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[1]) == pick_ids(result->sections[0]));
  CHECK(result->sections[1].notes.empty());
}

TEST_CASE("quotes keep the given order and skip what was shown before") {
  const Fixture f;
  briefing::Section first = section("First", SectionKind::passages, {}, {});
  first.selector.ids = {ref("alpha#p2")};
  briefing::Section quotes = section("Quotes", SectionKind::quotes);
  quotes.selector.ids = {ref("gamma#p1.s1"), ref("alpha#p2.s2"), ref("alpha#p3")};
  Outcome<Selection> result = run_spec(f, {first, quotes});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[1]) == std::vector<std::string>{"gamma#p1.s1", "alpha#p3"});
  CHECK(result->sections[1].notes == std::vector<std::string>{"skipped alpha#p2.s2: already shown in section 'First'"});
}

TEST_CASE("a quotes section with a query picks sentences") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("Quotes", SectionKind::quotes, "\"second sentence\"")});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"alpha#p2.s2"});
}

TEST_CASE("documents without a query select all their passages in order") {
  const Fixture f;
  briefing::Section s = section("Gamma", SectionKind::passages);
  s.selector.documents = {"gamma"};
  Outcome<Selection> result = run_spec(f, {s});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"gamma#p1", "gamma#p2"});
  CHECK(result->sections[0].picks[0].rule == "document");
}

TEST_CASE("type and date filters select documents without a query") {
  const Fixture f;
  briefing::Section s = section("Recent", SectionKind::summary);
  s.selector.from = "2021";
  Outcome<Selection> result = run_spec(f, {s});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"beta#p1", "beta#p2"});
  s.selector.from.clear();
  s.selector.types = {"news report"};
  s.selector.to = "2020-06";
  result = run_spec(f, {s});
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"gamma#p1", "gamma#p2"});
}

TEST_CASE("summary sections draw on the whole corpus without limit, headings or dedup") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("Shown", SectionKind::passages, "drone", 2),
      section("Summary", SectionKind::summary, {}, 1), section("Judgments", SectionKind::key_judgments, "drone")});
  REQUIRE(result.ok());
  const std::vector<std::string> pool = pick_ids(result->sections[1]);
  CHECK(pool.size() == 33);  // 34 passages less the heading
  CHECK(pool.front() == "alpha#p2");
  CHECK(result->sections[1].picks[0].rule == "corpus");
  const std::vector<std::string> judged = pick_ids(result->sections[2]);
  CHECK(judged.size() == 8);  // every passage saying "drone"
  CHECK(judged.front() == "alpha#p3");
  CHECK(result->sections[2].notes.empty());
}

TEST_CASE("a bibliography section picks nothing") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("Sources", SectionKind::bibliography)});
  REQUIRE(result.ok());
  CHECK(result->sections[0].picks.empty());
}

TEST_CASE("unknown ids are errors at their span with did-you-mean hints") {
  const Fixture f;
  briefing::Section s = section("Ids", SectionKind::passages);
  s.selector.ids = {{"alpha#p99", span_of("alpha#p99")}, {"alpha#p3.s9", span_of("alpha#p3.s9")}};
  s.selector.documents = {"alpah"};
  s.selector.document_spans = {span_of("alpah")};
  Outcome<Selection> result = run_spec(f, {s});
  REQUIRE_FALSE(result.ok());
  const auto& items = result.diagnostics().items();
  REQUIRE(items.size() == 3);
  CHECK(items[0].message == "unknown document `alpah`");
  CHECK(items[0].hints == std::vector<std::string>{"did you mean `alpha`?"});
  CHECK(items[0].span.begin == span_of("alpah").begin);
  CHECK(items[1].message == "unknown passage `alpha#p99`");
  CHECK(items[1].hints == std::vector<std::string>{"did you mean `alpha#p9`?", "`alpha` has passages p1 to p10"});
  CHECK(items[1].span.begin == span_of("alpha#p99").begin);
  CHECK(items[2].message == "unknown sentence `alpha#p3.s9`");
  CHECK(items[2].hints == std::vector<std::string>{"did you mean `alpha#p3.s1`?", "`alpha#p3` has sentences s1 to s1"});
  CHECK(format_diagnostic(items[1]) ==
      "briefs/test.yaml:1:6: error: unknown passage `alpha#p99`\n"
      "  |\n"
      "1 | ids: alpha#p99 alpha#p3.s9 beta#p1 alpah\n"
      "  |      ^^^^^^^^^\n"
      "  = hint: did you mean `alpha#p9`?\n"
      "  = hint: `alpha` has passages p1 to p10\n");
}

TEST_CASE("a query matching nothing is an error at the query") {
  const Fixture f;
  briefing::Section s = section("Zebras", SectionKind::passages, "zebra");
  s.selector.query_span = span_of("zebra");
  Outcome<Selection> result = run_spec(f, {s});
  REQUIRE_FALSE(result.ok());
  REQUIRE(result.diagnostics().items().size() == 1);
  const Diagnostic& d = result.diagnostics().items()[0];
  CHECK(d.message == "query `zebra` matched no passages");
  CHECK(d.hints == std::vector<std::string>{"loosen the query: fewer terms, or OR between alternatives"});
  CHECK(d.span.begin == span_of("zebra").begin);
}

TEST_CASE("a malformed query is reported and other sections still selected") {
  const Fixture f;
  Outcome<Selection> result =
      run_spec(f, {section("Bad", SectionKind::passages, "drone OR"), section("Good", SectionKind::passages, "rain")});
  REQUIRE_FALSE(result.ok());
  CHECK(messages(result.diagnostics()) == std::vector<std::string>{"`OR` needs a term on each side"});
  CHECK(pick_ids(result->sections[1]) == std::vector<std::string>{"gamma#p2"});
}

TEST_CASE("a section with nothing to select is an error") {
  const Fixture f;
  Outcome<Selection> result = run_spec(f, {section("Empty", SectionKind::passages)});
  REQUIRE_FALSE(result.ok());
  CHECK(messages(result.diagnostics()) == std::vector<std::string>{"section 'Empty' selects no passages"});
}

TEST_CASE("material above the clearance is dropped from query results with a note") {
  const Fixture f;
  Options options;
  options.max_rank = 0;
  options.clearance = "public";
  Outcome<Selection> result = run_spec(f, {section("Ministry", SectionKind::passages, "ministry OR residents")}, options);
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]) == std::vector<std::string>{"gamma#p1"});
  CHECK(result->sections[0].notes == std::vector<std::string>{
      "dropped beta#p2: official-use is above the audience's clearance public",
      "dropped beta#p1: official-use is above the audience's clearance public"});
}

TEST_CASE("material above the clearance is dropped from pools by document") {
  const Fixture f;
  Options options;
  options.max_rank = 0;
  options.clearance = "public";
  Outcome<Selection> result = run_spec(f, {section("Summary", SectionKind::summary)}, options);
  REQUIRE(result.ok());
  CHECK(pick_ids(result->sections[0]).size() == 31);
  CHECK(result->sections[0].notes ==
      std::vector<std::string>{"dropped beta: official-use is above the audience's clearance public"});
}

TEST_CASE("an explicit id above the clearance is an error naming its level") {
  const Fixture f;
  Options options;
  options.max_rank = 0;
  options.clearance = "public";
  briefing::Section s = section("Ministry", SectionKind::quotes);
  s.selector.ids = {{"beta#p1", span_of("beta#p1")}};
  Outcome<Selection> result = run_spec(f, {s}, options);
  REQUIRE_FALSE(result.ok());
  REQUIRE(result.diagnostics().items().size() == 1);
  const Diagnostic& d = result.diagnostics().items()[0];
  CHECK(d.message == "passage `beta#p1` is official-use, above the audience's clearance public");
  CHECK(d.hints == std::vector<std::string>{
      "remove it from this section, or build this output for an audience cleared for official-use"});
  CHECK(d.span.begin == span_of("beta#p1").begin);
  // Cleared for it, the same spec selects it.
  options.max_rank = 1;
  CHECK(run_spec(f, {s}, options).ok());
}

TEST_CASE("a section left empty by dedup and clearance is a warning") {
  const Fixture f;
  Options options;
  options.max_rank = 0;
  options.clearance = "public";
  Outcome<Selection> result = run_spec(f, {section("Ministry", SectionKind::passages, "ministry")}, options);
  REQUIRE(result.ok());
  REQUIRE(result.diagnostics().items().size() == 1);
  CHECK(result.diagnostics().items()[0].severity == Severity::warning);
  CHECK(result.diagnostics().items()[0].message == "section 'Ministry' has no passages left");
}

TEST_CASE("selection is deterministic") {
  const Fixture f;
  const std::vector<briefing::Section> sections{section("A", SectionKind::passages, "drone", 3),
      section("B", SectionKind::passages, "drone OR strikes", 3), section("S", SectionKind::summary, "drone")};
  Outcome<Selection> first = run_spec(f, sections);
  Outcome<Selection> second = run_spec(f, sections);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  for (size_t i = 0; i < sections.size(); ++i) {
    CHECK(pick_ids(first->sections[i]) == pick_ids(second->sections[i]));
    CHECK(first->sections[i].notes == second->sections[i].notes);
  }
}
