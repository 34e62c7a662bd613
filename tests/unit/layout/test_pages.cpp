// Paragraphs and pages set with real fonts (Charis SIL and its fallbacks): measure, widows and
// orphans, keep-with-next, footnotes, tables, Arabic in Latin text, very long words.
#include "layout/layout.hpp"
#include "layout_fixtures.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

using namespace brief;
using namespace brief::layout;
using namespace brief::layout::testing;

namespace {

PagedDocument lay_out(const model::Document& d, const theme::Theme& t, text::FontLibrary& fonts,
    Breaking breaking = Breaking::optimal) {
  Options options;
  options.breaking = breaking;
  auto out = run(d, t, fonts, options);
  for (const auto& diag : out.diagnostics()) INFO(format_diagnostic(diag));
  REQUIRE(out.ok());
  return std::move(*out);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The quality rules the trace makes checkable; with `spacing`, also no justified space over twice
// its natural width (what total fit promises and first fit does not).
void check_quality(const std::string& trace, bool spacing = true) {
  CHECK(trace.find("[overfull]") == std::string::npos);
  CHECK(trace.find("widow/orphan") == std::string::npos);
  CHECK(trace.find("heading at page foot") == std::string::npos);
  const std::regex ratio(R"(ratio=(-?[0-9.]+) .*)");
  for (const std::string& line : lines_of(trace)) {
    std::smatch m;
    if (line.rfind("  line ", 0) != 0 || !std::regex_search(line, m, ratio)) continue;
    if (!spacing || line.find("ragged") != std::string::npos || line.find(" last") != std::string::npos) continue;
    INFO(line);
    CHECK(std::stod(m[1]) <= 2.0);  // no space over twice its natural width, no line exempt
  }
}

// Every glyph run of the body lies inside the measure.
void check_measure(const PagedDocument& doc, const theme::Theme& t) {
  const double left = t.page.margin_left, right = t.page.width - t.page.margin_right;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        CHECK(run->x >= left - 0.01);
        CHECK(run->x + run->width <= right + 0.01);
      }
}

// All the text on the pages: touching runs joined, a space between words, a hyphen at a line end
// joined to what follows (tests compare modulo hyphenation).
std::string page_text(const PagedDocument& doc) {
  std::string out;
  const GlyphRun* prev = nullptr;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run) continue;
      const bool touching = prev && std::abs(prev->y - run->y) < 0.01 &&
          std::abs(prev->x + prev->width - run->x) < 0.05;
      const bool hyphen = prev && !out.empty() && out.back() == '-' && std::abs(prev->y - run->y) >= 0.01;
      if (hyphen) out.pop_back();
      else if (prev && !touching) out += ' ';
      out += run->text;
      prev = run;
    }
  return out;
}

bool contains_words(const PagedDocument& doc, const std::string& text) {
  const std::string all = page_text(doc);
  std::istringstream words(text);
  for (std::string w; words >> w;)
    if (all.find(w) == std::string::npos) {
      UNSCOPED_INFO("missing word: " << w);
      return false;
    }
  return true;
}

int page_of(const PagedDocument& doc, const std::string& text) {
  for (size_t p = 0; p < doc.pages.size(); ++p)
    for (const Item& item : doc.pages[p].items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text == text) return int(p);
  return -1;
}

} // namespace

TEST_CASE("no line exceeds the measure and the corpus text reaches the page") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  model::Document d;
  d.meta.title = "Measure";
  for (int i = 0; i < 4; ++i) d.blocks.push_back(paragraph(k_prose));
  for (Breaking b : {Breaking::optimal, Breaking::greedy}) {
    const PagedDocument doc = lay_out(d, t, fonts, b);
    check_measure(doc, t);
    check_quality(trace(doc, fonts), b == Breaking::optimal);
    CHECK(contains_words(doc, k_prose));
  }
}

TEST_CASE("widows and orphans: at least two lines on each side of a page break") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  // Shift a paragraph across the page foot by growing the text above it one word at a time.
  std::istringstream words(k_prose);
  std::vector<std::string> list;
  for (std::string w; words >> w;) list.push_back(w);
  int splits = 0;
  for (size_t n = 0; n < list.size(); n += 3) {
    std::string lead;
    for (size_t i = 0; i < n; ++i) lead += list[i] + " ";
    model::Document d;
    d.blocks.push_back(paragraph(k_prose));
    if (!lead.empty()) d.blocks.push_back(paragraph(lead));
    d.blocks.push_back(paragraph(k_prose));
    const std::string tr = trace(lay_out(d, t, fonts), fonts);
    check_quality(tr);
    const std::regex split(R"(paragraph split (\d+)\|(\d+))");
    for (std::sregex_iterator it(tr.begin(), tr.end(), split), end; it != end; ++it) {
      CHECK(std::stoi((*it)[1]) >= 2);
      CHECK(std::stoi((*it)[2]) >= 2);
      ++splits;
    }
  }
  CHECK(splits > 0);
}

TEST_CASE("a heading is kept with at least two lines of what follows") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  std::istringstream words(k_prose);
  std::vector<std::string> list;
  for (std::string w; words >> w;) list.push_back(w);
  for (size_t n = 0; n < list.size(); n += 4) {
    std::string lead;
    for (size_t i = 0; i < n; ++i) lead += list[i] + " ";
    model::Document d;
    d.blocks.push_back(paragraph(k_prose));
    if (!lead.empty()) d.blocks.push_back(paragraph(lead));
    d.blocks.push_back(heading("Outlook"));
    d.blocks.push_back(paragraph(k_prose));
    const PagedDocument doc = lay_out(d, t, fonts);
    check_quality(trace(doc, fonts));
    // The heading's page also holds the first two lines of the paragraph after it.
    const int p = page_of(doc, "Outlook");
    REQUIRE(p >= 0);
    CHECK(page_of(doc, "have") >= 0);
    int lines_after = 0;
    bool seen = false;
    for (const std::string& note : doc.pages[size_t(p)].notes) {
      if (note.rfind("line ", 0) != 0) continue;
      if (seen) ++lines_after;
      if (!seen && note.find("ragged") != std::string::npos) seen = true;  // the heading line
    }
    CHECK(lines_after >= 2);
  }
}

TEST_CASE("a long footnote is split across pages") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.citations = theme::CitationStyle::footnotes;
  model::Document d;
  model::Citation c;
  c.number = 1;
  c.anchor = "source-1";
  c.note = plain(k_prose + " " + k_prose);
  d.citations.push_back(c);
  d.blocks.push_back(paragraph(k_prose));
  model::Paragraph cited = paragraph("The assessment draws on one source.");
  cited.inlines.push_back(citation(0, "1"));
  d.blocks.push_back(cited);
  d.blocks.push_back(paragraph(k_prose));
  const PagedDocument doc = lay_out(d, t, fonts);
  const std::string tr = trace(doc, fonts);
  check_quality(tr);
  CHECK(tr.find("footnote continues on next page") != std::string::npos);
  // The mark is a raised, smaller "1" linked to the source; the note text is all there.
  bool mark = false;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* link = std::get_if<Link>(&item); link && link->target == "source-1") mark = true;
  CHECK(mark);
  CHECK(contains_words(doc, k_prose));
}

TEST_CASE("a table crossing a page repeats its header row") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  model::Document d;
  model::Table table;
  table.header = {plain("Province"), plain("Attacks"), plain("Assessment")};
  for (int i = 0; i < 30; ++i)
    table.rows.push_back({plain("Province " + std::to_string(i + 1)), plain(std::to_string(10 + i)),
        plain("Small cells remain active in rural districts.")});
  d.blocks.push_back(paragraph(k_prose));
  d.blocks.push_back(table);
  const PagedDocument doc = lay_out(d, t, fonts);
  const std::string tr = trace(doc, fonts);
  CHECK(tr.find("table header repeated") != std::string::npos);
  int pages_with_header = 0;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text == "Attacks") ++pages_with_header;  // only in the header row
  CHECK(pages_with_header >= 2);
  check_measure(doc, t);
}

TEST_CASE("an Arabic phrase in a Latin paragraph is set right to left in a fallback face") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  model::Document d;
  const std::string text = "The group calls itself \xd8\xa7\xd9\x84\xd8\xaf\xd9\x88\xd9\x84\xd8\xa9 "
      "\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85\xd9\x8a\xd8\xa9 in its statements.";
  d.blocks.push_back(paragraph(text));
  const PagedDocument doc = lay_out(d, t, fonts);
  double first_x = -1, second_x = -1;  // logical first and second Arabic words
  std::set<text::FaceId> faces;
  for (const Item& item : doc.pages[0].items)
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->text.find("\xd8\xaf\xd9\x88") != std::string::npos) first_x = run->x;
      if (run->text.find("\xd8\xa5\xd8\xb3") != std::string::npos) second_x = run->x;
      faces.insert(run->face);
    }
  REQUIRE(first_x >= 0);
  REQUIRE(second_x >= 0);
  CHECK(second_x < first_x);  // read right to left
  CHECK(faces.size() >= 2);
  CHECK(contains_words(doc, "The group calls itself in its statements."));
}

TEST_CASE("a paragraph of 1,000,000 characters without spaces breaks into lines") {
  text::FontLibrary fonts;
  theme::Theme t;  // A4
  model::Document d;
  std::string word;
  word.reserve(1000000);
  for (int i = 0; i < 1000000; ++i) word += char('a' + i % 26);
  d.blocks.push_back(paragraph(word));
  const PagedDocument doc = lay_out(d, t, fonts);
  check_measure(doc, t);
  size_t chars = 0;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) chars += run->text.size();
  CHECK(chars == word.size());
  const std::string tr = trace(doc, fonts);
  CHECK(tr.find("[emergency]") != std::string::npos);
  CHECK(tr.find("[overfull]") == std::string::npos);
}

TEST_CASE("contents list headings with their page labels after the settle loop") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.toc = true;
  t.cover = true;
  model::Document d;
  d.meta.title = "Settling";
  d.blocks.push_back(model::TableOfContents{});
  for (int s = 0; s < 4; ++s) {
    d.blocks.push_back(heading("Section " + std::to_string(s + 1)));
    d.blocks.push_back(paragraph(k_prose));
    d.blocks.push_back(paragraph(k_prose));
  }
  const PagedDocument doc = lay_out(d, t, fonts);
  REQUIRE(doc.labels.size() == 2);
  CHECK(doc.labels[0].style == PageLabelRange::Style::roman);
  CHECK(doc.pages[0].label == "i");
  // Each TOC entry links to its heading and shows the page the heading is on.
  for (int s = 0; s < 4; ++s) {
    const std::string anchor = "heading-" + std::to_string(s + 1);
    std::string label;
    for (const Page& page : doc.pages)
      for (const Item& item : page.items)
        if (const auto* a = std::get_if<Anchor>(&item); a && a->name == anchor) label = page.label;
    REQUIRE(!label.empty());
    bool linked = false;
    for (const Item& item : doc.pages[1].items)
      if (const auto* l = std::get_if<Link>(&item); l && l->target == anchor) linked = true;
    CHECK(linked);
    CHECK(page_of(doc, label) >= 0);
  }
  CHECK(doc.outline.size() == 4);
}

TEST_CASE("superscript citations are smaller, raised and linked") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.citations = theme::CitationStyle::superscript;
  t.footer.center.clear();
  model::Document d;
  d.citations.push_back(model::Citation{1, "source-1", "doc", {}, {}});
  model::Paragraph p = paragraph("Attacks declined in 2023.");
  p.inlines.push_back(citation(0, "1"));
  d.blocks.push_back(p);
  const PagedDocument doc = lay_out(d, t, fonts);
  const GlyphRun* word = nullptr;
  const GlyphRun* mark = nullptr;
  for (const Item& item : doc.pages[0].items)
    if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->text == "2023.") word = run;
      if (run->text == "1") mark = run;
    }
  REQUIRE(word);
  REQUIRE(mark);
  CHECK(mark->size < word->size);
  CHECK(mark->y > word->y);
  CHECK(mark->x >= word->x + word->width - 0.01);
}

TEST_CASE("slides of an empty document under a portrait theme: a title slide and a warning") {
  text::FontLibrary fonts;
  const auto out = run_slides(model::Document{}, theme::Theme{}, fonts);
  REQUIRE(out.ok());
  CHECK(out->pages.size() == 1);
  REQUIRE(!out.diagnostics().items().empty());
  CHECK(out.diagnostics().items()[0].message.find("portrait pages") != std::string::npos);
}

TEST_CASE("a no-break space beside an ordinary space does not widen the gap") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.alignment = theme::Alignment::ragged;  // natural spaces, so gaps can be compared
  auto gaps = [&](const std::string& text) {
    model::Document d;
    d.blocks.push_back(paragraph(text));
    const PagedDocument doc = lay_out(d, t, fonts, Breaking::optimal);
    std::vector<const GlyphRun*> runs;
    for (const auto& item : doc.pages.front().items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->size == t.style("body").size) runs.push_back(run);
    REQUIRE(runs.size() >= 2);
    return runs[1]->x - (runs[0]->x + runs[0]->width);
  };
  const double plain_gap = gaps("During 2020, a sharp increase");
  CHECK(gaps("During\u00A0 2020, a sharp increase") == Approx(plain_gap).margin(0.01));
}

TEST_CASE("adjacent superscript citation marks are separated by a comma") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.citations = theme::CitationStyle::superscript;
  model::Document d;
  model::Paragraph p = paragraph("Training continues. ");
  p.inlines.push_back(citation(2, "3"));
  p.inlines.push_back(citation(4, "5"));
  d.blocks.push_back(p);
  const std::string text = trace(lay_out(d, t, fonts, Breaking::optimal), fonts);
  CHECK(text.find("\"3\"") != std::string::npos);
  CHECK(text.find("\",5\"") != std::string::npos);
  CHECK(text.find("\"35\"") == std::string::npos);
}

TEST_CASE("a logo is set above the title on the first page, in its proportions") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  model::Document d;
  d.meta.title = "Letterhead";
  d.blocks.push_back(paragraph(k_prose));
  Options options;
  options.logo = Logo{"logo", 240.0 / 72.0};
  auto result = run(d, t, fonts, options);
  REQUIRE(result.ok());
  std::vector<std::pair<size_t, const Image*>> images;
  for (size_t p = 0; p < result->pages.size(); ++p)
    for (const auto& item : result->pages[p].items)
      if (const auto* image = std::get_if<Image>(&item)) images.emplace_back(p, image);
  REQUIRE(images.size() == 1);
  CHECK(images[0].first == 0);
  const Image& logo = *images[0].second;
  CHECK(logo.key == "logo");
  CHECK(logo.width / logo.height == Approx(240.0 / 72.0));
  CHECK(logo.x == Approx(t.page.margin_left));
  CHECK(logo.y + logo.height == Approx(t.page.height - t.page.margin_top));
  // The title comes below it.
  for (const auto& item : result->pages[0].items)
    if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text == "Letterhead") CHECK(run->y < logo.y);
}

TEST_CASE("running heads are fitted within the margins with an ellipsis, whatever the title's length") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.header.enabled = true;
  t.header.left = "{title}";
  t.header.center = "";
  t.header.right = "{section}";
  model::Document d;
  std::string title;
  SECTION("a realistic long title") {
    title = "Countering the Islamic State in Iraq and Syria after the coalition drawdown: progress, persistent "
            "threats, financing, detention camps and the options before the government in the coming year";
  }
  SECTION("a title of 2,000 words") {
    for (int i = 0; i < 2000; ++i) title += "word ";
  }
  d.meta.title = title;
  d.blocks.push_back(heading("Key judgments"));
  for (int i = 0; i < 6; ++i) d.blocks.push_back(paragraph(k_prose));
  const PagedDocument doc = lay_out(d, t, fonts);
  REQUIRE(doc.pages.size() >= 2);
  for (size_t p = 1; p < doc.pages.size(); ++p) {
    INFO("page " << p + 1);
    std::vector<const GlyphRun*> header;
    for (const auto& item : doc.pages[p].items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->y > t.page.height - t.page.margin_top)
        header.push_back(run);
    REQUIRE_FALSE(header.empty());
    std::sort(header.begin(), header.end(), [](const GlyphRun* a, const GlyphRun* b) { return a->x < b->x; });
    std::string text;
    for (size_t i = 0; i < header.size(); ++i) {
      CHECK(header[i]->x >= t.page.margin_left - 0.01);
      CHECK(header[i]->x + header[i]->width <= t.page.width - t.page.margin_right + 0.01);
      if (i > 0) CHECK(header[i - 1]->x + header[i - 1]->width <= header[i]->x + 0.01);
      text += (i > 0 ? " " : "") + header[i]->text;
    }
    CHECK(text.size() < 200);  // bounded, not the whole title on every page
    CHECK(text.find("\u2026") != std::string::npos);
    INFO("header: " << text);
    if (p + 1 == doc.pages.size()) CHECK(text.find("Key judgments") != std::string::npos);
    CHECK((text.rfind("Countering", 0) == 0 || text.rfind("word", 0) == 0));
  }
}

TEST_CASE("a right-to-left paragraph ends with its full stop at the left, after its last word") {
  // "We reject terrorism in all its forms." in Arabic, and "We reject terror." in Hebrew.
  const std::string arabic = "\xd9\x86\xd8\xad\xd9\x86 \xd9\x86\xd8\xb1\xd9\x81\xd8\xb6 "
      "\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb1\xd9\x87\xd8\xa7\xd8\xa8 \xd8\xa8\xd9\x83\xd9\x84 "
      "\xd8\xa3\xd8\xb4\xd9\x83\xd8\xa7\xd9\x84\xd9\x87.";
  const std::string hebrew = "\xd7\x90\xd7\xa0\xd7\x97\xd7\xa0\xd7\x95 \xd7\x93\xd7\x95\xd7\x97\xd7\x99\xd7\x9d "
      "\xd7\x90\xd7\xaa \xd7\x94\xd7\x98\xd7\xa8\xd7\x95\xd7\xa8.";
  for (const std::string& text : {arabic, hebrew}) {
    text::FontLibrary fonts;
    theme::Theme t = small_theme();
    model::Document d;
    d.blocks.push_back(paragraph("(U) " + text));  // a portion mark before it, as briefs print
    const PagedDocument doc = lay_out(d, t, fonts);
    double stop_x = -1, min_letter_x = 1e9, first_word_x = -1, last_word_x = -1;
    const std::string first_word = text.substr(0, text.find(' '));
    const std::string last_word = text.substr(text.rfind(' ') + 1, text.size() - text.rfind(' ') - 2);
    for (const Item& item : doc.pages[0].items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (run == nullptr || run->text.find("(U)") != std::string::npos) continue;
      // Where each code point stands, near enough: runs are written left to right in visual order.
      const size_t n = run->codepoints.size();
      for (size_t k = 0; k < n; ++k) {
        const double x = run->x + run->width * double(k) / double(n);
        if (run->codepoints[k] == U'.') stop_x = x;
        else if (run->codepoints[k] > 0x0590) min_letter_x = std::min(min_letter_x, x);
      }
      if (run->text.find(first_word) != std::string::npos) first_word_x = run->x;
      if (run->text.find(last_word) != std::string::npos) last_word_x = run->x;
    }
    REQUIRE(stop_x >= 0);
    REQUIRE(first_word_x >= 0);
    REQUIRE(last_word_x >= 0);
    CHECK(stop_x < min_letter_x);         // the full stop is left of every letter: it ends the sentence
    CHECK(last_word_x < first_word_x);    // read from the right
    // The portion mark reads first, so it stands at the right, its parentheses mirrored back
    // to "(U)" as drawn.
    bool mark = false;
    for (const Item& item : doc.pages[0].items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.find("U") != std::string::npos) {
        mark = true;
        CHECK(run->x > first_word_x);
      }
    CHECK(mark);
  }
}
