// The structure tree layout emits for tagged PDF: every glyph run belongs to a node or is an
// artifact, nodes have the roles of what they hold, page furniture and repeated table headers are
// artifacts, citation marks are Links, a line-break hyphen is flagged.
#include "layout/layout.hpp"
#include "layout/structure.hpp"
#include "layout_fixtures.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using namespace brief::layout;
using namespace brief::layout::testing;

namespace {

PagedDocument lay_out(const model::Document& d, const theme::Theme& t, text::FontLibrary& fonts) {
  auto out = run(d, t, fonts);
  for (const auto& diag : out.diagnostics()) INFO(format_diagnostic(diag));
  REQUIRE(out.ok());
  return std::move(*out);
}

// The role of the node a run with this text is tagged with; nullopt for an artifact.
std::optional<Role> role_of(const PagedDocument& doc, const std::string& text) {
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.rfind(text, 0) == 0) {
        if (run->tag == k_artifact) return std::nullopt;
        REQUIRE(run->tag >= 0);
        REQUIRE(size_t(run->tag) < doc.structure.size());
        return doc.structure[size_t(run->tag)].role;
      }
  FAIL("no run `" << text << "`");
  return std::nullopt;
}

model::Document sample() {
  model::Document d;
  d.meta.title = "Structure";
  d.meta.banner = "UNCLASSIFIED";
  model::Citation c;
  c.number = 1;
  c.anchor = "source-1";
  c.note = plain("Home Office, statement");
  d.citations.push_back(c);
  d.blocks.push_back(heading("Findings"));
  model::Paragraph cited = paragraph(k_prose);
  cited.inlines.push_back(citation(0, "[1]"));
  d.blocks.push_back(cited);
  model::List list;
  list.items.push_back(model::ListItem{"1.", plain("Cells remain active."), {}, {}, {}});
  list.items.push_back(model::ListItem{"2.", plain("Funding continues."), {}, {}, {}});
  d.blocks.push_back(list);
  model::Table table;
  table.header = {plain("Area"), plain("Count")};
  for (int i = 0; i < 30; ++i) table.rows.push_back({plain("District " + std::to_string(i + 1)), plain("12")});
  d.blocks.push_back(table);
  return d;
}

} // namespace

TEST_CASE("every glyph run of a brief is tagged, with the role of what it holds") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.footer.center = "page {page} of {pages}";
  const PagedDocument doc = lay_out(sample(), t, fonts);
  REQUIRE(!doc.structure.empty());
  CHECK(doc.structure[0].role == Role::document);
  for (const Page& page : doc.pages) CHECK(all_text_tagged(page.items));
  for (size_t i = 1; i < doc.structure.size(); ++i) {  // parents come first: a tree in reading order
    CHECK(doc.structure[i].parent >= 0);
    CHECK(size_t(doc.structure[i].parent) < i);
  }
  CHECK(role_of(doc, "Structure") == Role::h1);  // the title
  CHECK(role_of(doc, "Findings") == Role::h1);
  CHECK(role_of(doc, "1.") == Role::li);  // a list item holds its marker and its text
  CHECK(role_of(doc, "Cells") == Role::li);
  // The marker is drawn before the item's text, so it is read first.
  for (const Page& page : doc.pages) {
    int seen = 0;
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) {
        if (run->text.rfind("1.", 0) == 0) seen = seen ? seen : 1;
        if (run->text.rfind("Cells", 0) == 0) seen = seen ? seen : 2;
      }
    if (seen) CHECK(seen == 1);
  }
  CHECK(role_of(doc, "Area") == Role::th);
  CHECK(role_of(doc, "UNCLASSIFIED") == std::nullopt);  // the banner is an artifact
  CHECK(role_of(doc, "page") == std::nullopt);          // so is the footer

  // The citation mark and its link share a Link node inside the paragraph.
  int mark_node = -1, link_node = -2;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items) {
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.find("[1]") != std::string::npos)
        mark_node = run->tag;
      if (const auto* link = std::get_if<Link>(&item); link && link->target == "source-1") link_node = link->tag;
    }
  REQUIRE(mark_node >= 0);
  CHECK(mark_node == link_node);
  CHECK(doc.structure[size_t(mark_node)].role == Role::link);
  CHECK(doc.structure[size_t(doc.structure[size_t(mark_node)].parent)].role == Role::p);

  // The header row repeated on a continuation page is an artifact; the first one is not.
  int header_cells = 0, repeated = 0;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->text.rfind("Area", 0) == 0)
        ++(run->tag == k_artifact ? repeated : header_cells);
  CHECK(header_cells == 1);
  CHECK(repeated >= 1);
  for (const StructNode& node : doc.structure)
    if (node.role == Role::th) CHECK(node.scope == "Column");
}

TEST_CASE("a hyphen added by line breaking is flagged, an explicit one is not") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  model::Document d;
  d.blocks.push_back(paragraph(k_prose + " " + k_prose));
  const PagedDocument doc = lay_out(d, t, fonts);
  int flagged = 0;
  for (const Page& page : doc.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item); run && run->break_hyphen) {
        ++flagged;
        CHECK((run->codepoints.back() == U'-' || run->codepoints.back() == 0x2010));
      }
  CHECK(flagged > 0);  // the narrow measure hyphenates some words of this text

  model::Document e;
  e.blocks.push_back(paragraph("well-known"));
  const PagedDocument single = lay_out(e, t, fonts);
  for (const Page& page : single.pages)
    for (const Item& item : page.items)
      if (const auto* run = std::get_if<GlyphRun>(&item)) CHECK_FALSE(run->break_hyphen);
}

TEST_CASE("footnotes are Note elements") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  t.citations = theme::CitationStyle::footnotes;
  model::Document d = sample();
  d.meta.banner.clear();
  const PagedDocument doc = lay_out(d, t, fonts);
  CHECK(role_of(doc, "Home") == Role::note);
  for (const Page& page : doc.pages) CHECK(all_text_tagged(page.items));
}

TEST_CASE("a logo is a Figure with the template's alternate text") {
  text::FontLibrary fonts;
  theme::Theme t = small_theme();
  model::Document d;
  d.meta.title = "With logo";
  Options options;
  options.logo = Logo{"logo", 2.0, "Seal of the unit"};
  auto out = run(d, t, fonts, options);
  REQUIRE(out.ok());
  bool found = false;
  for (const Item& item : out->pages.front().items)
    if (const auto* image = std::get_if<Image>(&item)) {
      REQUIRE(image->tag >= 0);
      CHECK(out->structure[size_t(image->tag)].role == Role::figure);
      CHECK(out->structure[size_t(image->tag)].alt == "Seal of the unit");
      found = true;
    }
  CHECK(found);
}
