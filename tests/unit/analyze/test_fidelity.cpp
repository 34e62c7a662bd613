// Fidelity and nothing twice, over whole digests of small hand-made corpora: every citation of a
// claim names a source whose text contains the claim's words, other sources' sentences are shown
// in their own words with their own citation, and no sentence is shown twice in one digest.

#include "analyze/digest.hpp"
#include "analyze/sections.hpp"
#include "corpus_builder.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace brief;
using namespace brief::analyze;
using test::item;
using test::paragraph;

namespace {

corpus::Corpus two_reports() {
  return test::make_corpus({
      test::make_document("alpha",
          {
              paragraph("Militants attacked three police stations near Kirkuk on Monday, killing nine officers. "
                        "The attacks were the deadliest in the province this year."),
              paragraph("The governor said the army should deploy more troops to the rural districts of Kirkuk."),
              paragraph("Recommendations for the government:"),
              item("1.", "Strengthen intelligence sharing between the army and the police in Kirkuk."),
              item("2.", "Train more police officers for the rural districts."),
          }),
      test::make_document("beta",
          {
              paragraph("Gunmen attacked three police stations near Kirkuk on Monday and killed nine officers, "
                        "officials said."),
              paragraph("Analysts said the police and the army should share intelligence in Kirkuk more closely."),
              paragraph("The number of police officers in Kirkuk fell from 12,000 to 9,500 between 2019 and 2024."),
          }),
  });
}

// The text a source shows: its sentence, or its whole passage.
std::string source_text(const corpus::Corpus& corpus, const SourceRef& source) {
  if (!source.sentence_id.empty()) {
    const corpus::Sentence* sentence = corpus.find_sentence(source.sentence_id);
    return sentence != nullptr ? sentence->text : "";
  }
  const corpus::Passage* passage = corpus.find_passage(source.passage_id);
  return passage != nullptr ? passage->text : "";
}

select::SectionSelection everything(const corpus::Corpus& corpus, size_t section) {
  select::SectionSelection selection;
  selection.section = section;
  for (const auto& d : corpus.documents)
    for (const auto& p : d.passages) selection.picks.push_back({p.id, 0, "document"});
  return selection;
}

briefing::Section section_of(briefing::SectionKind kind) {
  briefing::Section section;
  section.kind = kind;
  return section;
}

// Every sentence id a digest shows, with how often.
std::map<std::string, int> shown_counts(const Digest& digest, const corpus::Corpus& corpus) {
  std::map<std::string, int> counts;
  auto count = [&](const SourceRef& source) {
    for (const std::string& id : sentence_ids(source, corpus)) ++counts[id];
  };
  auto count_claim = [&](const Claim& claim) {
    count(claim.sources().front());
    for (const SourceRef& source : claim.lead_in_sources) count(source);
    for (const Claim::Corroboration& other : claim.corroboration) count(other.source);
  };
  for (const DigestSection& section : digest.sections) {
    for (const Claim& claim : section.claims) count_claim(claim);
    for (const Figure& figure : section.figures) {
      if (!figure.claim.shown_before) count_claim(figure.claim);
    }
  }
  return counts;
}

void check_fidelity(const Claim& claim, const corpus::Corpus& corpus) {
  for (const SourceRef& source : claim.sources()) {
    INFO(claim.text() << " cited to " << source.id());
    CHECK(source_text(corpus, source).find(claim.text()) != std::string::npos);
  }
  for (const Claim::Corroboration& other : claim.corroboration) {
    INFO(other.text << " cited to " << other.source.id());
    CHECK(source_text(corpus, other.source).find(other.text) != std::string::npos);
  }
}

} // namespace

TEST_CASE("a merged recommendation cites only the source that wrote its words") {
  corpus::Corpus corpus = two_reports();
  AnalyzeContext context(corpus);
  DigestSection out = build_recommendations(section_of(briefing::SectionKind::recommendations),
      everything(corpus, 0), context);
  REQUIRE_FALSE(out.claims.empty());
  bool merged = false;
  for (const Claim& claim : out.claims) {
    check_fidelity(claim, corpus);
    for (const SourceRef& source : claim.sources()) CHECK(source.document_id == claim.sources().front().document_id);
    if (!claim.corroboration.empty()) merged = true;
  }
  // The paper's intelligence-sharing item and the analysts' call are one recommendation.
  CHECK(merged);
}

TEST_CASE("key judgments: a restatement elsewhere is corroboration in its own words") {
  corpus::Corpus corpus = two_reports();
  AnalyzeContext context(corpus);
  DigestSection out = build_key_judgments(section_of(briefing::SectionKind::key_judgments),
      everything(corpus, 0), context);
  REQUIRE_FALSE(out.claims.empty());
  bool corroborated = false;
  for (const Claim& claim : out.claims) {
    check_fidelity(claim, corpus);
    REQUIRE(claim.sources().size() == 1);  // no two documents share a sentence word for word here
    if (!claim.corroboration.empty()) corroborated = true;
  }
  CHECK(corroborated);
}

TEST_CASE("a passage and its sentences are one thing: shown once per digest") {
  corpus::Corpus corpus = two_reports();
  briefing::BriefSpec spec;
  spec.sections = {section_of(briefing::SectionKind::summary), section_of(briefing::SectionKind::key_judgments),
      section_of(briefing::SectionKind::passages), section_of(briefing::SectionKind::recommendations),
      section_of(briefing::SectionKind::key_figures)};
  spec.sections[0].sentences = 2;
  select::Selection selection;
  for (size_t i = 0; i < spec.sections.size(); ++i) selection.sections.push_back(everything(corpus, i));
  // The passages section also picks a sentence of a passage it already picks.
  selection.sections[2].picks.push_back({"alpha#p1.s1", 0, "id"});
  Digest digest = run(spec, selection, corpus);
  for (const DigestSection& section : digest.sections) {
    for (const Claim& claim : section.claims) check_fidelity(claim, corpus);
    for (const Figure& figure : section.figures) check_fidelity(figure.claim, corpus);
  }
  for (const auto& [id, count] : shown_counts(digest, corpus)) {
    INFO(id);
    CHECK(count == 1);
  }
  // The before/after sentence is one figure.
  const DigestSection& figures = digest.sections[4];
  int from_that_sentence = 0;
  for (const Figure& figure : figures.figures) {
    if (figure.claim.sources().front().id() == "beta#p3.s1") ++from_that_sentence;
  }
  CHECK(from_that_sentence <= 1);
}

TEST_CASE("repeat: true lets a passages section show again what an earlier one shows") {
  corpus::Corpus corpus = two_reports();
  briefing::BriefSpec spec;
  spec.sections = {section_of(briefing::SectionKind::passages), section_of(briefing::SectionKind::passages)};
  select::Selection selection;
  selection.sections = {everything(corpus, 0), everything(corpus, 1)};
  Digest once = run(spec, selection, corpus);
  CHECK(once.sections[1].claims.empty());
  spec.sections[1].repeat = true;
  Digest twice = run(spec, selection, corpus);
  CHECK(twice.sections[1].claims.size() == once.sections[0].claims.size());
}
