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

briefing::Section section_of(briefing::SectionKind kind) {
  briefing::Section section;
  section.kind = kind;
  return section;
}

} // namespace

// These tests state rules that hold on any corpus, checked on the default one; they never pin
// which sentences it yields (that is the golden `brief explain` text, tests/golden/explain/).

TEST_CASE("default corpus: recommendations are cited only to sources that contain their words") {
  const corpus::Corpus* corpus = default_corpus();
  REQUIRE(corpus != nullptr);
  AnalyzeContext context(*corpus);
  DigestSection out = build_recommendations(section_of(briefing::SectionKind::recommendations), everything(*corpus), context);
  REQUIRE_FALSE(out.claims.empty());
  CHECK(out.claims.size() <= 6);  // the default limit
  for (const Claim& claim : out.claims) {
    for (const SourceRef& source : claim.sources()) {
      const corpus::Passage* passage = corpus->find_passage(source.passage_id);
      REQUIRE(passage != nullptr);
      CHECK(passage->text.find(claim.text()) != std::string::npos);
    }
    for (const Claim::Corroboration& other : claim.corroboration) {
      const corpus::Passage* passage = corpus->find_passage(other.source.passage_id);
      REQUIRE(passage != nullptr);
      CHECK(passage->text.find(other.text) != std::string::npos);
      CHECK(other.source.document_id != claim.sources().front().document_id);
    }
  }
}

TEST_CASE("default corpus: summary sentences are single-sourced and figures are no reference numbers") {
  const corpus::Corpus* corpus = default_corpus();
  REQUIRE(corpus != nullptr);
  AnalyzeContext context(*corpus);
  select::SectionSelection all = everything(*corpus);
  DigestSection summary = build_summary(section_of(briefing::SectionKind::summary), all, context);
  REQUIRE(summary.claims.size() == 3);
  for (const Claim& c : summary.claims) {
    CHECK_FALSE(is_credit(c.text()));
    CHECK(c.sources().size() == 1);
    CHECK_FALSE(c.sources()[0].sentence_id.empty());
  }
  DigestSection figures = build_key_figures(section_of(briefing::SectionKind::key_figures), all, context);
  REQUIRE_FALSE(figures.figures.empty());
  for (const Figure& f : figures.figures) {
    CHECK(f.value != "2379");  // a resolution number
    CHECK(f.value != "2014");  // a bare year
    CHECK_FALSE(f.label.empty());
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
  // The brief's summary speaks for more than one source.
  CHECK(summary_documents.size() >= 2);
}
