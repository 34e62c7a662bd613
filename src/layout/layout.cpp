#include "layout/layout.hpp"

#include "layout/blocks.hpp"
#include "layout/footnotes.hpp"
#include "layout/furniture.hpp"
#include "layout/pagination.hpp"
#include "layout/structure.hpp"

#include <map>
#include <optional>

namespace brief::layout {
namespace {

// Layout runs again while page references (contents) change, at most this many times.
constexpr int k_max_settle_passes = 4;

std::string to_roman(int n) {
  static const std::pair<int, const char*> k_numerals[] = {{1000, "m"}, {900, "cm"}, {500, "d"},
      {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"},
      {4, "iv"}, {1, "i"}};
  std::string out;
  for (const auto& [value, numeral] : k_numerals)
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  return out;
}

struct Pass {
  PagedDocument document;
  std::map<std::string, std::string> refs;  // anchor -> page label
};

Pass lay_out_once(const model::Document& document, const theme::Theme& theme, ParagraphContext& context,
    const std::map<std::string, std::string>& refs, const std::optional<Logo>& logo) {
  Pass pass;
  PagedDocument& out = pass.document;
  const theme::PageSetup& setup = theme.page;
  PageFrame frame;
  frame.width = setup.width;
  frame.height = setup.height;
  frame.left = setup.margin_left;
  frame.top = setup.height - setup.margin_top;
  frame.bottom = setup.margin_bottom;
  frame.measure = setup.width - setup.margin_left - setup.margin_right;

  Flow flow;
  BlockContext blocks{context, document, theme, frame.measure, refs, out.outline};
  structure_root(out.structure);
  blocks.structure = &out.structure;
  blocks.logo_alt = logo ? logo->alt : std::string();
  add_title_block(blocks, flow, theme.cover, logo);
  bool break_next = theme.cover && !flow.boxes.empty();
  for (const model::Block& block : document.blocks) {
    const size_t before = flow.boxes.size();
    add_block(block, blocks, flow);
    if (flow.boxes.size() == before) continue;
    if (break_next) flow.boxes[before].break_before = true;
    break_next = flow.boxes.back().front_matter_end;
  }

  std::optional<Footnotes> footnotes;
  if (theme.citations == theme::CitationStyle::footnotes) {
    footnotes.emplace(context, document, frame.measure);
    footnotes->set_structure(&out.structure);
  }
  std::vector<PageBody> bodies = paginate(flow, frame, footnotes ? &*footnotes : nullptr);

  size_t front = 0;
  while (front < bodies.size() && bodies[front].front_matter) ++front;
  if (front == bodies.size()) front = 0;  // all front matter: number plainly
  const std::string pages = std::to_string(bodies.size() - front);
  const std::string banner =
      theme.banner && theme.release_statement.empty() ? document.meta.banner : std::string();
  for (size_t i = 0; i < bodies.size(); ++i) {
    Page page;
    page.width = setup.width;
    page.height = setup.height;
    page.label = i < front ? to_roman(int(i) + 1) : std::to_string(i - front + 1);
    page.items = std::move(bodies[i].items);
    page.notes = std::move(bodies[i].notes);
    page.note_items = std::move(bodies[i].note_items);
    FurnitureValues values;
    values.title = document.meta.title;
    values.section = bodies[i].section;
    values.page = page.label;
    values.pages = pages;
    values.date = document.meta.date_display.empty() ? document.meta.date : document.meta.date_display;
    values.banner = banner;
    values.running_lines = !(theme.cover && i == 0);
    add_furniture(page, values, context);
    for (const Item& item : page.items)
      if (const auto* anchor = std::get_if<Anchor>(&item)) pass.refs.emplace(anchor->name, page.label);
    out.pages.push_back(std::move(page));
  }
  if (front > 0) out.labels.push_back({0, PageLabelRange::Style::roman, 1});
  out.labels.push_back({front, PageLabelRange::Style::decimal, 1});
  return pass;
}

// The en-US patterns, loaded once per thread (loading takes longer than laying out a short brief).
const text::Hyphenator* english_hyphenator() {
  thread_local std::optional<text::Hyphenator> cached = [] {
    std::optional<text::Hyphenator> h;
    auto loaded = text::Hyphenator::load("en-US");
    if (loaded.ok()) h.emplace(std::move(*loaded));
    return h;
  }();
  return cached ? &*cached : nullptr;
}

bool has_contents(const model::Document& document, const theme::Theme& theme) {
  if (!theme.toc) return false;
  for (const model::Block& block : document.blocks)
    if (std::holds_alternative<model::TableOfContents>(block)) return true;
  return false;
}

} // namespace

Outcome<PagedDocument> run(const model::Document& document, const theme::Theme& theme,
    text::FontLibrary& fonts, const Options& options) {
  Diagnostics diagnostics;
  StyleBook styles(theme, fonts, diagnostics);
  const text::Hyphenator* hyphenator = nullptr;
  if (theme.line_breaking.hyphenate) {
    hyphenator = english_hyphenator();
    if (!hyphenator) diagnostics.warning({}, "hyphenation dictionary for en-US not found, text is not hyphenated");
  }
  ParagraphContext context{styles, hyphenator, theme.citations, {}, options.breaking};
  if (theme.citations == theme::CitationStyle::footnotes) context.footnote_numbers = number_footnotes(document);

  // Page references settle: the contents show the pages of the previous pass.
  const bool contents = has_contents(document, theme);
  std::map<std::string, std::string> refs;
  Pass pass;
  bool settled = false;
  for (int i = 0; i < k_max_settle_passes; ++i) {
    pass = lay_out_once(document, theme, context, refs, options.logo);
    if (!contents || pass.refs == refs) {
      settled = true;
      break;
    }
    refs = pass.refs;
  }
  if (!settled) diagnostics.warning({}, "page references did not settle; the contents may show wrong pages");
  if (diagnostics.has_errors()) return Outcome<PagedDocument>(std::move(diagnostics));

  PagedDocument& out = pass.document;
  const model::Metadata& meta = document.meta;
  out.info = document_info(meta);
  if (!theme.language.empty()) out.info.language = theme.language;
  // Going over the template's `max_pages` is the pipeline's error, which names the sections.
  return Outcome<PagedDocument>(std::move(out), std::move(diagnostics));
}

} // namespace brief::layout
