// Requirements on the default corpus (corpus/ at the repository root).

#include "analyze/digest.hpp"
#include "analyze/sections.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <optional>

using namespace brief;
using namespace brief::analyze;

namespace {

const corpus::Corpus* default_corpus() {
  static const std::optional<corpus::Corpus> loaded = []() -> std::optional<corpus::Corpus> {
    Outcome<corpus::Corpus> outcome = corpus::load(BRIEF_SOURCE_DIR "/corpus");
    if (!outcome.ok()) return std::nullopt;
    return std::move(outcome.value());
  }();
  return loaded ? &*loaded : nullptr;
}

select::SectionSelection everything(const corpus::Corpus& corpus) {
  select::SectionSelection selection;
  for (const auto& d : corpus.documents) {
    for (const auto& p : d.passages) selection.picks.push_back({p.id, 0, "document"});
  }
  return selection;
}

// The id of the passage of `document` whose text starts with `start`, or "".
std::string passage_starting(const corpus::Corpus& corpus, const std::string& document, const std::string& start) {
  const corpus::Document* d = corpus.find_document(document);
  if (d == nullptr) return "";
  for (const auto& p : d->passages) {
    if (p.text.starts_with(start)) return p.id;
  }
  return "";
}

bool cites_passage(const Claim& claim, const std::string& passage_id) {
  return std::any_of(claim.sources().begin(), claim.sources().end(),
      [&](const SourceRef& s) { return s.passage_id == passage_id; });
}

bool cites_document(const Claim& claim, const std::string& document_id) {
  return std::any_of(claim.sources().begin(), claim.sources().end(),
      [&](const SourceRef& s) { return s.document_id == document_id; });
}

bool corroborated_by_document(const Claim& claim, const std::string& document_id) {
  return std::any_of(claim.corroboration.begin(), claim.corroboration.end(),
      [&](const Claim::Corroboration& c) { return c.source.document_id == document_id; });
}

briefing::Section section_of(briefing::SectionKind kind) {
  briefing::Section section;
  section.kind = kind;
  return section;
}

} // namespace

TEST_CASE("default corpus: the recommendations of the paper, the ministry and the news are found") {
  const corpus::Corpus* corpus = default_corpus();
  REQUIRE(corpus != nullptr);
  AnalyzeContext context(*corpus);
  DigestSection out = build_recommendations(section_of(briefing::SectionKind::recommendations), everything(*corpus), context);
  CHECK(out.claims.size() == 6);  // the default limit
  const std::string paper = "karim-saeed-iraq-ct-efforts";
  for (const std::string start : {"Strengthening international cooperation", "Pay attention to the underlying",
           "Reintegrating former combatants", "Increasing the capacity of local security forces",
           "Border protection"}) {
    std::string id = passage_starting(*corpus, paper, start);
    REQUIRE_FALSE(id.empty());
    INFO(start);
    CHECK(std::any_of(out.claims.begin(), out.claims.end(), [&](const Claim& c) { return cites_passage(c, id); }));
  }
  // The foreign ministry's call for an international monitoring system.
  std::string monitoring = passage_starting(*corpus, "mofa-iraq-ct-diplomacy", "Iraq considers the need to find");
  REQUIRE_FALSE(monitoring.empty());
  CHECK(std::any_of(out.claims.begin(), out.claims.end(), [&](const Claim& c) { return cites_passage(c, monitoring); }));
  // Intelligence sharing: the paper and the news report in one recommendation.
  std::string sharing = passage_starting(*corpus, paper, "Strengthening international cooperation");
  auto merged = std::find_if(out.claims.begin(), out.claims.end(), [&](const Claim& c) { return cites_passage(c, sharing); });
  REQUIRE(merged != out.claims.end());
  // The news report's own sentence is shown beneath, cited to it; the paper's words are not.
  CHECK(corroborated_by_document(*merged, "diyaruna-2018-intel-cooperation"));
  CHECK_FALSE(cites_document(*merged, "diyaruna-2018-intel-cooperation"));
  CHECK(merged == out.claims.begin());
  int with_sharing = static_cast<int>(std::count_if(out.claims.begin(), out.claims.end(), [](const Claim& c) {
    return c.text().find("intelligence") != std::string::npos && c.text().find("shar") != std::string::npos;
  }));
  CHECK(with_sharing == 1);
}

TEST_CASE("default corpus: summary, key judgments and figures") {
  const corpus::Corpus* corpus = default_corpus();
  REQUIRE(corpus != nullptr);
  AnalyzeContext context(*corpus);
  select::SectionSelection all = everything(*corpus);
  DigestSection summary = build_summary(section_of(briefing::SectionKind::summary), all, context);
  REQUIRE(summary.claims.size() == 3);
  for (const Claim& c : summary.claims) {
    CHECK(c.text().find("Photo courtesy") == std::string::npos);
    CHECK(c.sources().size() == 1);
    CHECK_FALSE(c.sources()[0].sentence_id.empty());
  }
  DigestSection judgments = build_key_judgments(section_of(briefing::SectionKind::key_judgments), all, context);
  CHECK(judgments.claims.size() == 5);

  DigestSection figures = build_key_figures(section_of(briefing::SectionKind::key_figures), all, context);
  REQUIRE(figures.figures.size() == 8);
  CHECK(figures.figures[0].value == "5,000-6,000");
  CHECK(figures.figures[0].label.starts_with("operatives active in ISIS"));
  auto has = [&](const std::string& value) {
    return std::any_of(figures.figures.begin(), figures.figures.end(), [&](const Figure& f) { return f.value == value; });
  };
  CHECK(has("11,000"));
  CHECK(has("57,000"));
  CHECK(has("September 2026"));
  for (const Figure& f : figures.figures) {
    CHECK(f.value != "2379");  // a resolution number
    CHECK(f.value != "2014");  // a bare year
  }
}

TEST_CASE("default corpus: every section kind is cited and deterministic") {
  const corpus::Corpus* corpus = default_corpus();
  REQUIRE(corpus != nullptr);
  briefing::BriefSpec spec;
  for (auto kind : {briefing::SectionKind::summary, briefing::SectionKind::key_judgments,
           briefing::SectionKind::recommendations, briefing::SectionKind::key_figures, briefing::SectionKind::passages}) {
    spec.sections.push_back(section_of(kind));
  }
  select::Selection selection;
  for (size_t i = 0; i < spec.sections.size(); ++i) {
    select::SectionSelection s = everything(*corpus);
    s.section = i;
    selection.sections.push_back(std::move(s));
  }
  Digest digest = run(spec, selection, *corpus);
  Digest again = run(spec, selection, *corpus);
  REQUIRE(digest.sections.size() == again.sections.size());
  for (size_t s = 0; s < digest.sections.size(); ++s) {
    REQUIRE(digest.sections[s].claims.size() == again.sections[s].claims.size());
    for (size_t c = 0; c < digest.sections[s].claims.size(); ++c) {
      CHECK(digest.sections[s].claims[c].text() == again.sections[s].claims[c].text());
      CHECK_FALSE(digest.sections[s].claims[c].sources().empty());
    }
  }
}

TEST_CASE("summaries and key judgments state findings once and leave calls for action to recommendations") {
  const corpus::Corpus* corpus = default_corpus();
  REQUIRE(corpus != nullptr);
  briefing::BriefSpec spec;
  briefing::Section summary = section_of(briefing::SectionKind::summary);
  summary.sentences = 4;
  briefing::Section judgments = section_of(briefing::SectionKind::key_judgments);
  judgments.limit = 5;
  spec.sections = {summary, judgments};
  select::Selection selection;
  for (size_t i = 0; i < spec.sections.size(); ++i) {
    auto picks = everything(*corpus);
    picks.section = i;
    selection.sections.push_back(std::move(picks));
  }
  const Digest digest = run(spec, selection, *corpus);
  REQUIRE(digest.sections.size() == 2);
  const std::set<std::string> actions = calls_for_action(*corpus);
  REQUIRE_FALSE(actions.empty());
  std::set<std::string> seen;
  std::set<std::string> summary_documents;
  for (const auto& section : digest.sections) {
    for (const Claim& claim : section.claims) {
      const std::string& id = claim.sources().front().id();
      CHECK_FALSE(actions.contains(id));
      CHECK(seen.insert(id).second);  // no sentence shown twice across the two sections
      if (section.kind == briefing::SectionKind::summary) summary_documents.insert(claim.sources().front().document_id);
    }
  }
  // The brief's summary speaks for several sources, not one.
  CHECK(summary_documents.size() >= 3);
}
