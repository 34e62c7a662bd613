// Slide decks from hand-built documents: shortening bullets, fitting (shrinking, continuation
// slides), footers naming exactly the sources of their slide, the sources slide's anchors, the
// dark background, the handout.
#include "layout/layout.hpp"
#include "layout/structure.hpp"
#include "layout/slides.hpp"
#include "layout_fixtures.hpp"
#include "slides_checks.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using namespace brief::layout;
using namespace brief::layout::testing;

namespace {

theme::Theme load_theme(const std::string& name) {
  auto t = theme::load(name, theme::default_search_path(BRIEF_SOURCE_DIR));
  REQUIRE(t.ok());
  return std::move(*t);
}

std::string text_of(const model::Inlines& inlines) {
  std::string out;
  for (const model::Inline& in : inlines) out += in.text;
  return out;
}

model::Inlines cited(const std::string& text, std::vector<int> citations) {
  model::Inlines out{model::text_run(text + " ")};
  for (int c : citations) out.push_back(citation(c, "[" + std::to_string(c + 1) + "]"));
  return out;
}

model::Citation source(int index, const std::string& originator, const std::string& year) {
  model::Citation c;
  c.number = index + 1;
  c.anchor = "source-" + std::to_string(index + 1);
  c.document_id = "doc-" + std::to_string(index + 1);
  c.note = {model::text_run(originator + ", \u201CA report\u201D, " + year + ".")};
  c.short_form = originator + " " + year;
  return c;
}

// Sections with bullets, a long summary, a quote, key figures, recommendations and sources.
model::Document sample_document(int bullets = 4) {
  model::Document d;
  d.meta.title = "Countering ISIS in Iraq";
  d.meta.subtitle = "Progress and persistent threats";
  d.meta.date = "2026-11-21";
  d.meta.date_display = "21 November 2026";
  d.meta.authors = {"Analysis Cell"};
  d.meta.banner = "UNCLASSIFIED // PUBLIC";
  for (int i = 0; i < 4; ++i) d.citations.push_back(source(i, "Originator " + std::to_string(i + 1), "2020"));

  model::Heading h = heading("Bottom line up front");
  h.anchor = "section-1";
  d.blocks.emplace_back(h);
  model::Paragraph bluf;
  bluf.style = "bluf";
  bluf.inlines = cited("Security forces have reduced large attacks.", {0});
  const model::Inlines second = cited(k_prose, {1, 2});
  bluf.inlines.push_back(model::text_run(" "));
  bluf.inlines.insert(bluf.inlines.end(), second.begin(), second.end());
  d.blocks.emplace_back(bluf);

  h = heading("Persistent threats");
  h.anchor = "section-2";
  d.blocks.emplace_back(h);
  for (int i = 0; i < bullets; ++i) {
    model::Paragraph p;
    p.inlines = cited(k_prose, {i % 4});
    p.slide_text = cited("Small cells continue to operate in rural districts, point " + std::to_string(i + 1) + ".", {i % 4});
    d.blocks.emplace_back(p);
  }

  h = heading("In their own words");
  h.anchor = "section-3";
  d.blocks.emplace_back(h);
  model::Quote q;
  q.inlines = cited("The main role in defeating the gangs came with the sacrifices of the people.", {3});
  q.attribution = {model::text_run("\u2014 Ministry, \u201CDiplomacy\u201D, 2018")};
  d.blocks.emplace_back(q);

  h = heading("Key figures");
  h.anchor = "section-4";
  d.blocks.emplace_back(h);
  model::KeyFigures k;
  k.figures.push_back({"5,000-6,000", "ISIS operatives active in Iraq", cited("About 5,000-6,000 operatives.", {1})});
  k.figures.push_back({"3,000", "US troops after the drawdown", cited("Troops cut to 3,000.", {1})});
  k.figures.push_back({"2026", "final coalition withdrawal", cited("Withdrawal in September 2026.", {2})});
  d.blocks.emplace_back(k);

  h = heading("Recommendations");
  h.anchor = "section-5";
  d.blocks.emplace_back(h);
  model::List rec;
  rec.style = "recommendations";
  rec.ordered = true;
  for (int i = 0; i < 3; ++i) {
    model::ListItem item;
    item.marker = std::to_string(i + 1) + ".";
    item.inlines = cited("Maintain intelligence cooperation with coalition partners, item " + std::to_string(i + 1) + ".", {i});
    rec.items.push_back(item);
  }
  d.blocks.emplace_back(rec);

  h = heading("Sources");
  h.anchor = "section-6";
  d.blocks.emplace_back(h);
  model::List bib;
  bib.style = "bibliography";
  bib.ordered = true;
  for (const model::Citation& c : d.citations) {
    model::ListItem item;
    item.marker = "[" + std::to_string(c.number) + "]";
    item.anchor = c.anchor;
    item.inlines = {model::text_run("Full reference " + std::to_string(c.number) + ". Source descriptor: long.")};
    bib.items.push_back(item);
  }
  d.blocks.emplace_back(bib);
  return d;
}

struct Deck {
  PagedDocument paged;
  std::string trace;
};

Deck lay_out_deck(const model::Document& d, const theme::Theme& t, text::FontLibrary& fonts, bool handout = false) {
  auto out = run_slides(d, t, fonts, handout);
  for (const auto& diag : out.diagnostics()) INFO(format_diagnostic(diag));
  REQUIRE(out.ok());
  Deck deck{std::move(*out), {}};
  deck.trace = trace(deck.paged, fonts);
  return deck;
}

std::vector<std::string> slide_kinds(const std::string& trace) {
  std::vector<std::string> out;
  const std::regex kind(R"(^  slide \d+ kind=(\w+))");
  for (const std::string& line : trace_lines(trace)) {
    std::smatch m;
    if (std::regex_search(line, m, kind)) out.push_back(m[1]);
  }
  return out;
}

} // namespace

TEST_CASE("a bullet within the word limit is kept as it is") {
  const model::Inlines in = cited("Attacks fell in 2023.", {0});
  const ShortText s = shorten(in, 24);
  CHECK_FALSE(s.shortened);
  CHECK(text_of(s.inlines) == text_of(in));
}

TEST_CASE("a long bullet is cut at its last sentence end, keeping its citation marks") {
  const model::Inlines in = cited("Security forces have reduced the number of large attacks over the past two years. "
      "Small cells continue to operate in the rural districts between the river valleys and the desert.", {0, 2});
  const ShortText s = shorten(in, 20);
  CHECK(s.shortened);
  CHECK(text_of(s.inlines) == "Security forces have reduced the number of large attacks over the past two years\u2026 [1][3]");
  CHECK(cited_in(s.inlines) == std::vector<int>{0, 2});
  CHECK(count_words(s.inlines) <= 20);
}

TEST_CASE("without a sentence end in reach, a bullet is cut at a clause boundary") {
  const ShortText s = shorten(cited(k_prose, {1}), 32);
  CHECK(s.shortened);
  const std::string t = text_of(s.inlines);
  // "... desert, where checkpoints ...": the comma after "desert" (word 31) is the last clause
  // boundary within 32 words; the first sentence ends much later.
  CHECK(t == "Security forces have reduced the number of large attacks over the past two years, but small "
             "cells continue to operate in the rural districts between the river valleys and the "
             "desert\u2026 [2]");
}

TEST_CASE("a bullet with no boundary is cut after a whole word, never inside one") {
  std::string words;
  for (int i = 0; i < 40; ++i) words += (i ? " " : "") + std::string("word") + std::to_string(i);
  const ShortText s = shorten({model::text_run(words)}, 10);
  CHECK(text_of(s.inlines) == "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9\u2026");
}

TEST_CASE("abbreviations do not end a sentence") {
  const model::Inlines in{model::text_run("US CENTCOM Commander Gen. McKenzie announced that the United States "
      "would reduce its presence in Iraq from about 5,200 soldiers to only 3,000 during the autumn of that year.")};
  const ShortText s = shorten(in, 12);
  CHECK(s.shortened);
  CHECK(text_of(s.inlines).find("Gen\u2026") == std::string::npos);
}

TEST_CASE("a deck has a title slide, an agenda and slides of every kind, all passing the checks") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing");
  const Deck deck = lay_out_deck(sample_document(), t, fonts);
  check_deck(deck.paged, deck.trace, t);
  CHECK(slide_kinds(deck.trace) ==
        std::vector<std::string>{"title", "agenda", "bullets", "bullets", "quote", "figures", "bullets", "sources"});
  // An outline entry and a page label per slide.
  CHECK(deck.paged.outline.size() == deck.paged.pages.size());
  CHECK(deck.paged.outline.front().title == "Countering ISIS in Iraq");
  CHECK(deck.paged.pages[2].label == "3");
  // The banner on every slide, top and bottom.
  for (const Page& page : deck.paged.pages) {
    int banners = 0;
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.find("UNCLASSIFIED") != std::string::npos)
        ++banners;
    CHECK(banners == 2);
  }
}

TEST_CASE("summary sentences become bullets, and a long one is shortened") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing");
  const std::vector<DeckSection> sections = plan_deck(sample_document(), t);
  REQUIRE(sections.front().units.size() == 2);
  CHECK_FALSE(sections.front().units[0].shortened);
  CHECK(sections.front().units[1].shortened);
  CHECK(text_of(sections.front().units[1].full) == k_prose + " [2][3]");
  CHECK(cited_in(sections.front().units[1].shown) == std::vector<int>{1, 2});
}

TEST_CASE("more bullets than a slide holds continue on balanced (cont.) slides") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing");
  const Deck deck = lay_out_deck(sample_document(7), t, fonts);
  check_deck(deck.paged, deck.trace, t);
  std::vector<std::string> titles;
  for (const OutlineEntry& e : deck.paged.outline) titles.push_back(e.title);
  CHECK(std::count(titles.begin(), titles.end(), "Persistent threats") == 1);
  CHECK(std::count(titles.begin(), titles.end(), "Persistent threats (cont.)") == 1);
  CHECK(deck.trace.find("kind=bullets size=22.00 units=4") != std::string::npos);
  CHECK(deck.trace.find("kind=bullets size=22.00 units=3") != std::string::npos);
}

TEST_CASE("text that does not fit is set smaller, never below 18 pt, then continued") {
  text::FontLibrary fonts;
  theme::Theme t = load_theme("briefing");
  t.slide_max_words = 200;  // no shortening: whole paragraphs
  model::Document d = sample_document(5);
  for (model::Block& b : d.blocks)
    if (auto* p = std::get_if<model::Paragraph>(&b)) p->slide_text.clear();
  const Deck deck = lay_out_deck(d, t, fonts);
  check_deck(deck.paged, deck.trace, t);
  CHECK(deck.trace.find("Persistent threats (cont.)") != std::string::npos);
  const std::regex size(R"(kind=bullets size=([0-9.]+))");
  bool shrunk = false;
  for (const std::string& line : trace_lines(deck.trace)) {
    std::smatch m;
    if (std::regex_search(line, m, size) && std::stod(m[1]) < 22) shrunk = true;
  }
  CHECK(shrunk);
}

TEST_CASE("citation marks link to anchors on the sources slide") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing");
  const Deck deck = lay_out_deck(sample_document(), t, fonts);
  std::set<std::string> anchors, targets;
  for (const Page& page : deck.paged.pages)
    for (const Item& item : page.items) {
      if (const auto* a = std::get_if<Anchor>(&item)) anchors.insert(a->name);
      if (const auto* l = std::get_if<Link>(&item)) targets.insert(l->target);
    }
  for (const std::string& target : targets) CHECK(anchors.count(target) == 1);
  for (int i = 1; i <= 4; ++i) CHECK(anchors.count("source-" + std::to_string(i)) == 1);
  // The agenda links every section.
  for (int i = 1; i <= 6; ++i) CHECK(targets.count("section-" + std::to_string(i)) == 1);
}

TEST_CASE("the dark template paints the background first") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing-dark");
  const Deck deck = lay_out_deck(sample_document(), t, fonts);
  check_deck(deck.paged, deck.trace, t);
  for (const Page& page : deck.paged.pages) {
    REQUIRE(!page.items.empty());
    const auto* rect = std::get_if<Rect>(&page.items.front());
    REQUIRE(rect);
    CHECK(rect->width == Approx(960));
    CHECK(rect->height == Approx(540));
  }
}

TEST_CASE("items outside the page are marked in the trace") {
  text::FontLibrary fonts;
  PagedDocument doc;
  Page page;
  page.width = 100;
  page.height = 100;
  page.items.push_back(Rect{90, 10, 20, 5, {}});
  page.items.push_back(Rect{10, 10, 20, 5, {}});
  doc.pages.push_back(page);
  const std::string t = trace(doc, fonts);
  CHECK(t.find("rect x=90.00 y=10.00 w=20.00 h=5.00 [outside page]") != std::string::npos);
  CHECK(t.find("rect x=10.00 y=10.00 w=20.00 h=5.00\n") != std::string::npos);
}

TEST_CASE("the handout puts each slide on an A4 page with its full text below") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing");
  const model::Document d = sample_document();
  const Deck deck = lay_out_deck(d, t, fonts);
  const Deck handout = lay_out_deck(d, t, fonts, true);
  CHECK(handout.trace.find("[outside page]") == std::string::npos);
  REQUIRE(handout.paged.pages.size() >= deck.paged.pages.size());
  std::string all;
  for (const Page& page : handout.paged.pages) {
    CHECK(page.width == Approx(595.276));
    CHECK(page.height == Approx(841.89));
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) all += run->text;
  }
  // The full passage behind a shortened bullet, and the full bibliography entry (runs joined
  // without the spaces between words).
  CHECK(all.find("kidnappingforransom") != std::string::npos);
  CHECK(all.find("Sourcedescriptor:long.") != std::string::npos);
  CHECK(handout.paged.outline.size() == deck.paged.pages.size());
}

TEST_CASE("every glyph run of a deck and its handout is tagged; banners and slide numbers are artifacts") {
  text::FontLibrary fonts;
  const theme::Theme t = load_theme("briefing");
  for (const bool handout : {false, true}) {
    const Deck deck = lay_out_deck(sample_document(), t, fonts, handout);
    REQUIRE(!deck.paged.structure.empty());
    int artifacts = 0, headings = 0, figures = 0;
    for (const Page& page : deck.paged.pages) {
      CHECK(all_text_tagged(page.items));
      for (const Item& item : page.items)
        if (const auto* run = std::get_if<GlyphRun>(&item)) {
          if (run->text.find("UNCLASSIFIED") != std::string::npos) CHECK(run->tag == k_artifact);
          if (run->tag == k_artifact) ++artifacts;
          else if (deck.paged.structure[size_t(run->tag)].role == Role::h1) ++headings;
          else if (deck.paged.structure[size_t(run->tag)].role == Role::figure) ++figures;
        }
    }
    CHECK(artifacts > 0);
    if (handout) {
      CHECK(figures > 0);  // each slide's picture is a figure with its title as alternate text
      for (const StructNode& node : deck.paged.structure)
        if (node.role == Role::figure) CHECK(node.alt.rfind("Slide ", 0) == 0);
    } else {
      CHECK(headings > 0);
    }
  }
}
