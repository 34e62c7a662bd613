// Sentence roles on small hand-made corpora: a press-call transcript with a moderator and a
// reporter, an estimative sentence among plain facts, reference numbers that are not figures.

#include "analyze/digest.hpp"
#include "analyze/roles.hpp"
#include "analyze/sections.hpp"
#include "corpus_builder.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace brief;
using namespace brief::analyze;
using test::paragraph;

namespace {

corpus::Corpus press_call() {
  return test::make_corpus({
      test::make_document("call",
          {
              paragraph("MODERATOR: Good morning and welcome to today's press call on shipping security. "
                        "You should be able to unmute yourself when called on."),
              paragraph("MR. HALE: The attacks on commercial shipping in the Red Sea have cut transits through the "
                        "strait by half since January. Governments should coordinate naval escorts for merchant "
                        "vessels in the region."),
              paragraph("Q: Should governments coordinate naval escorts for merchant vessels in the region now, "
                        "before the attacks spread?"),
              paragraph("MR. HALE: We assess that the group will probably continue its attacks on merchant vessels "
                        "through the summer."),
              paragraph("MODERATOR: Thank you, that concludes the call for today."),
          }),
      test::make_document("note",
          {
              paragraph("The attacks on commercial shipping continued in March with two vessels damaged near the strait. "
                        "Insurers raised premiums for vessels sailing through the region again."),
              paragraph("Naval patrols were increased along the route and escorts were offered to several vessels."),
              paragraph("As shown in Figure 1, resolution 2722 condemned the attacks, and Task Force 153 patrols the "
                        "area; call 202-555-0143 for details."),
              paragraph("Transits through the strait fell from 2,000 to 1,000 vessels a month in 2024."),
          }),
  });
}

select::SectionSelection everything(const corpus::Corpus& corpus) {
  select::SectionSelection selection;
  for (const auto& d : corpus.documents)
    for (const auto& p : d.passages) selection.picks.push_back({p.id, 0, "document"});
  return selection;
}

briefing::Section section_of(briefing::SectionKind kind) {
  briefing::Section section;
  section.kind = kind;
  return section;
}

bool any_text(const std::vector<Claim>& claims, const std::string& part) {
  return std::any_of(claims.begin(), claims.end(), [&](const Claim& c) { return c.text().find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("speaker labels: upper-case names before a colon, not sentences with colons") {
  CHECK(speaker_label("MODERATOR: Good morning.") == "MODERATOR");
  CHECK(speaker_label("Q: What next?") == "Q");
  CHECK(speaker_label("MS. THOMAS-GREENFIELD: Thank you.") == "MS. THOMAS-GREENFIELD");
  CHECK(speaker_label("Border protection: Fortify the borders.") == "");
  CHECK(speaker_label("Note 1: see above.") == "");
  CHECK(speaker_label("Q\u00A0\u00A0 Could you say more?") == "Q");  // no colon, no-break spaces
  CHECK(speaker_label("Quite so: the attacks went on.") == "");
  CHECK(speaker_label("Q fever cases rose in the spring.") == "");
}

TEST_CASE("a moderator's line is procedural and never a recommendation; a reporter's question is no claim") {
  corpus::Corpus corpus = press_call();
  const corpus::Document& call = corpus.documents[0];
  SentenceRoles unmute = roles_of(call, call.passages[0], call.passages[0].sentences[1]);
  CHECK(unmute.procedural);
  CHECK(unmute.speaker == "MODERATOR");
  SentenceRoles question = roles_of(call, call.passages[2], call.passages[2].sentences[0]);
  CHECK(question.question);
  SentenceRoles claim = roles_of(call, call.passages[1], call.passages[1].sentences[0]);
  CHECK_FALSE(claim.question);
  CHECK_FALSE(claim.procedural);

  AnalyzeContext context(corpus);
  DigestSection recommendations = build_recommendations(section_of(briefing::SectionKind::recommendations),
      everything(corpus), context);
  CHECK_FALSE(any_text(recommendations.claims, "unmute"));
  CHECK_FALSE(any_text(recommendations.claims, "Q:"));
  CHECK(any_text(recommendations.claims, "Governments should coordinate naval escorts"));

  AnalyzeContext fresh(corpus);
  briefing::Section summary = section_of(briefing::SectionKind::summary);
  summary.sentences = 4;
  DigestSection out = build_summary(summary, everything(corpus), fresh);
  CHECK_FALSE(any_text(out.claims, "unmute"));
  CHECK_FALSE(any_text(out.claims, "welcome"));
  CHECK_FALSE(any_text(out.claims, "before the attacks spread"));
}

TEST_CASE("key judgments: the estimative sentence comes first") {
  corpus::Corpus corpus = press_call();
  AnalyzeContext context(corpus);
  briefing::Section section = section_of(briefing::SectionKind::key_judgments);
  section.limit = 2;
  DigestSection out = build_key_judgments(section, everything(corpus), context);
  REQUIRE_FALSE(out.claims.empty());
  CHECK(out.claims[0].text().find("will probably continue") != std::string::npos);
  CHECK_FALSE(assessment_cue(out.claims[0].text()).empty());
}

TEST_CASE("key figures: reference numbers are never figures; a before/after pair is one figure") {
  corpus::Corpus corpus = press_call();
  AnalyzeContext context(corpus);
  DigestSection out = build_key_figures(section_of(briefing::SectionKind::key_figures), everything(corpus), context);
  for (const Figure& f : out.figures) {
    INFO(f.value << " = " << f.label);
    CHECK(f.value != "1");
    CHECK(f.value.find("2722") == std::string::npos);
    CHECK(f.value.find("153") == std::string::npos);
    CHECK(f.value.find("202") == std::string::npos);
    CHECK(f.value.find("0143") == std::string::npos);
  }
  int transits = static_cast<int>(std::count_if(out.figures.begin(), out.figures.end(),
      [](const Figure& f) { return f.claim.text().starts_with("Transits through the strait fell"); }));
  CHECK(transits == 1);
}
