#include "compose/compose.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <variant>

using namespace brief;

namespace {

corpus::Document make_document(const std::string& id, const std::string& level, int year,
    const std::vector<std::string>& paragraphs) {
  corpus::Document doc;
  doc.meta.id = id;
  doc.meta.title = "Title of " + id;
  doc.meta.publisher = "Publisher " + id;
  doc.meta.type = "news report";
  doc.meta.published.year = year;
  doc.meta.releasability = level;
  doc.meta.descriptor = "descriptor of " + id;
  uint32_t offset = 0;
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    corpus::Passage p;
    p.number = static_cast<uint32_t>(i + 1);
    p.id = id + "#p" + std::to_string(i + 1);
    p.text = paragraphs[i];
    p.range = {offset, offset + static_cast<uint32_t>(p.text.size())};
    p.sentences.push_back({p.id + ".s1", p.text, p.range});
    offset = p.range.end + 2;
    doc.text += p.text + "\n\n";
    doc.passages.push_back(std::move(p));
  }
  return doc;
}

corpus::Corpus make_corpus() {
  corpus::Corpus c;
  c.documents.push_back(make_document("alpha", "public", 2020, {"Alpha one.", "Alpha two."}));
  c.documents.push_back(make_document("beta", "official-use", 2024, {"Beta one.", "Beta two."}));
  c.markings.levels = {{"public", 0, "UNCLASSIFIED", "U"}, {"official-use", 1, "OFFICIAL USE ONLY", "OUO"},
      {"restricted", 2, "RESTRICTED", "R"}};
  return c;
}

analyze::SourceRef ref(const corpus::Corpus& c, const std::string& passage_id) {
  const auto* p = c.find_passage(passage_id);
  REQUIRE(p != nullptr);
  return {passage_id.substr(0, passage_id.find('#')), passage_id, "", p->range};
}

briefing::BriefSpec make_spec() {
  briefing::BriefSpec s;
  s.id = "t";
  s.title = "Test brief";
  s.date = "2026-11-21";
  briefing::Section passages;
  passages.title = "Passages";
  passages.kind = briefing::SectionKind::passages;
  briefing::Section judgments;
  judgments.title = "Judgments";
  judgments.kind = briefing::SectionKind::key_judgments;
  briefing::Section sources;
  sources.title = "Sources";
  sources.kind = briefing::SectionKind::bibliography;
  s.sections = {passages, judgments, sources};
  return s;
}

analyze::Digest make_digest(const corpus::Corpus& c) {
  analyze::Digest d;
  analyze::DigestSection passages;
  passages.section = 0;
  passages.kind = briefing::SectionKind::passages;
  passages.claims.emplace_back("Beta two.", ref(c, "beta#p2"));
  passages.claims.emplace_back("Alpha one.", ref(c, "alpha#p1"));
  analyze::DigestSection judgments;
  judgments.section = 1;
  judgments.kind = briefing::SectionKind::key_judgments;
  judgments.role = analyze::ClaimRole::judgment;
  analyze::Claim merged("Alpha two.", ref(c, "alpha#p2"));
  merged.add_source(ref(c, "beta#p1"));
  judgments.claims.push_back(merged);
  judgments.claims.emplace_back("Beta one.", ref(c, "beta#p1"));
  analyze::DigestSection sources;
  sources.section = 2;
  sources.kind = briefing::SectionKind::bibliography;
  d.sections = {passages, judgments, sources};
  return d;
}

template <typename T>
std::vector<const T*> blocks_of(const model::Document& doc) {
  std::vector<const T*> out;
  for (const auto& block : doc.blocks)
    if (const auto* b = std::get_if<T>(&block)) out.push_back(b);
  return out;
}

std::string text_of(const model::Inlines& inlines) {
  std::string out;
  for (const auto& in : inlines) out += in.text;
  return out;
}

} // namespace

TEST_CASE("citations are numbered by first use, one per source, and link to the bibliography") {
  const auto c = make_corpus();
  theme::Theme theme;
  const auto doc = compose::build(make_spec(), make_digest(c), c, theme);
  REQUIRE(doc.citations.size() == 2);
  CHECK(doc.citations[0].document_id == "beta");  // cited first
  CHECK(doc.citations[0].number == 1);
  CHECK(doc.citations[1].document_id == "alpha");
  CHECK(doc.citations[0].ids == std::vector<std::string>{"beta#p2", "beta#p1"});

  const auto paragraphs = blocks_of<model::Paragraph>(doc);
  REQUIRE(paragraphs.size() >= 2);
  CHECK(text_of(paragraphs[0]->inlines) == "Beta two.\u00A0[1]");
  const auto& mark = paragraphs[0]->inlines.back();
  CHECK(mark.kind == model::Inline::Kind::citation);
  CHECK(mark.target == "source-1");

  // The merged judgment cites both sources.
  const auto lists = blocks_of<model::List>(doc);
  REQUIRE(lists.size() == 2);
  CHECK(lists[0]->style == "judgments");
  CHECK(text_of(lists[0]->items[0].inlines) ==
      "Alpha two.\u00A0[1][2] Corroborated by 2 independent sources.");
  CHECK(text_of(lists[0]->items[1].inlines) == "Beta one.\u00A0[1] Single source: Publisher beta.");

  // Bibliography: one entry per source with its anchor and the ids cited.
  CHECK(lists[1]->style == "bibliography");
  REQUIRE(lists[1]->items.size() == 2);
  CHECK(lists[1]->items[0].anchor == "source-1");
  CHECK(lists[1]->items[0].marker == "[1]");
  const std::string entry = text_of(lists[1]->items[0].inlines);
  CHECK(entry.find("Publisher beta. Title of beta. News report, 2024.") == 0);
  CHECK(entry.find("Cited: p1 and p2.") != std::string::npos);
  CHECK(entry.find("descriptor of beta") != std::string::npos);
}

TEST_CASE("the banner shows the highest level actually included") {
  const auto c = make_corpus();
  theme::Theme theme;
  CHECK(compose::build(make_spec(), make_digest(c), c, theme).meta.banner == "OFFICIAL USE ONLY");

  // Only public material: the banner drops to public.
  auto digest = make_digest(c);
  digest.sections[0].claims.erase(digest.sections[0].claims.begin());
  digest.sections[1].claims.clear();
  CHECK(compose::build(make_spec(), digest, c, theme).meta.banner == "UNCLASSIFIED");
}

TEST_CASE("a release statement replaces the banner, and portion marks follow the sources") {
  const auto c = make_corpus();
  theme::Theme theme;
  theme.release_statement = "Approved for public release.";
  theme.portion_marks = true;
  const auto doc = compose::build(make_spec(), make_digest(c), c, theme);
  CHECK(doc.meta.banner.empty());
  CHECK(doc.meta.release_statement == "Approved for public release.");
  const auto paragraphs = blocks_of<model::Paragraph>(doc);
  CHECK(paragraphs[0]->portion == "(OUO)");
  CHECK(paragraphs[1]->portion == "(U)");
}

TEST_CASE("the sources summary counts sources, kinds, dates and single-source judgments") {
  const auto c = make_corpus();
  theme::Theme theme;
  const auto doc = compose::build(make_spec(), make_digest(c), c, theme);
  const auto paragraphs = blocks_of<model::Paragraph>(doc);
  const std::string summary = text_of(paragraphs.back()->inlines);
  CHECK(summary.find("This brief draws on 2 sources: 2 news reports, published between 2020 and 2024.") == 0);
  CHECK(summary.find("Key judgment 2 rests on a single source.") != std::string::npos);
}

TEST_CASE("a theme's section list drops the kinds an audience does not get") {
  const auto c = make_corpus();
  theme::Theme theme;
  theme.sections = {"key_judgments", "bibliography"};
  const auto doc = compose::build(make_spec(), make_digest(c), c, theme);
  const auto headings = blocks_of<model::Heading>(doc);
  REQUIRE(headings.size() == 2);
  CHECK(headings[0]->text == "Judgments");
  CHECK(headings[1]->text == "Sources");
}

TEST_CASE("a brief without a bibliography section still gets its sources") {
  const auto c = make_corpus();
  theme::Theme theme;
  auto spec = make_spec();
  spec.sections.pop_back();
  auto digest = make_digest(c);
  digest.sections.pop_back();
  const auto doc = compose::build(spec, digest, c, theme);
  const auto headings = blocks_of<model::Heading>(doc);
  CHECK(headings.back()->text == "Sources");
  CHECK(blocks_of<model::List>(doc).back()->style == "bibliography");
}

TEST_CASE("a key figure shows its sentence unless a section of the same output already shows it") {
  const auto c = make_corpus();
  briefing::BriefSpec spec = make_spec();
  briefing::Section figures_section;
  figures_section.title = "Figures";
  figures_section.kind = briefing::SectionKind::key_figures;
  spec.sections = {spec.sections[0], figures_section};
  analyze::Digest digest;
  analyze::DigestSection passages;
  passages.section = 0;
  passages.kind = briefing::SectionKind::passages;
  passages.claims.emplace_back("Alpha one.", ref(c, "alpha#p1"));
  analyze::DigestSection figures;
  figures.section = 1;
  figures.kind = briefing::SectionKind::key_figures;
  analyze::Figure figure{"one", "alpha", analyze::Claim("Alpha one.", ref(c, "alpha#p1"))};
  figure.claim.shown_before = briefing::SectionKind::passages;
  figures.figures.push_back(figure);
  digest.sections = {passages, figures};
  auto context_of = [&](const theme::Theme& theme) {
    const auto doc = compose::build(spec, digest, c, theme);
    const auto blocks = blocks_of<model::KeyFigures>(doc);
    REQUIRE(blocks.size() == 1);
    REQUIRE(blocks[0]->figures.size() == 1);
    return text_of(blocks[0]->figures[0].context);
  };
  theme::Theme all;
  const std::string marks_only = context_of(all);
  CHECK(marks_only.find("Alpha one.") == std::string::npos);
  CHECK_FALSE(marks_only.empty());
  theme::Theme figures_only;
  figures_only.sections = {"key_figures"};
  CHECK(context_of(figures_only).find("Alpha one.") != std::string::npos);
}
