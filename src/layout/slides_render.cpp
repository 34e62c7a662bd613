// Drawing one slide: background, banners, title and accent bar, the body of its kind, and the
// footer with the sources cited on the slide and the slide number.

#include "layout/slides.hpp"
#include "layout/structure.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace brief::layout {
namespace {

// Accent bar under a slide title, pt.
constexpr double k_bar_width = 72;
constexpr double k_bar_height = 4;
// Width of the rule above the footer, pt.
constexpr double k_footer_rule_width = 0.6;
// The footer's sources are set smaller, down to this size (pt), when they would not fit one line.
constexpr double k_min_footer_size = 7;
// Gap between the footer's sources and the slide number, pt.
constexpr double k_footer_number_gap = 24;
// Title slide: title size relative to slide_title, its most lines, the accent bar's width and the
// text's distance from it (pt), the block's centre as a fraction of the page height from the
// bottom, and the gaps between title, subtitle and byline (ems of their sizes).
constexpr double k_cover_title_scale = 1.35;
constexpr size_t k_cover_title_lines = 3;
constexpr double k_cover_bar_width = 8;
constexpr double k_cover_text_offset = 28;
constexpr double k_cover_centre = 0.54;
constexpr double k_cover_subtitle_scale = 1.15;
constexpr double k_cover_gap_em = 0.7;
// The opening quotation mark on a quote slide: its size relative to the quote text.
constexpr double k_quote_mark_scale = 2.6;
// Key figures: gap between cells, the accent rule above each (pt), the value's smallest size
// when long values are set smaller to fit a cell, and the gap between value and label (ems).
constexpr double k_figure_gap = 32;
constexpr double k_figure_rule_width = 2.5;
constexpr double k_figure_rule_gap = 14;
constexpr double k_min_figure_size = 28;
constexpr double k_figure_label_gap_em = 0.35;

void note(Page& page, std::string text) {
  page.note_items.push_back(page.items.size());
  page.notes.push_back(std::move(text));
}

void recolor(std::vector<Item>& items, const Rgb& color) {
  for (Item& item : items)
    if (auto* run = std::get_if<GlyphRun>(&item)) run->color = color;
}

bool is_white(const theme::Rgb& c) { return c.r >= 1 && c.g >= 1 && c.b >= 1; }

// Tags the items of `page` from `first` on with a new node of `role` under `parent`.
int tag_from(Page& page, size_t first, Role role, int parent, SlideContext& c) {
  const int node = add_node(*c.structure, role, parent);
  tag_items(page.items, node, *c.structure, first);
  return node;
}

// Places set lines from `top` down at `x`; returns the y below them.
double put_lines(Page& page, const std::vector<SetLine>& lines, double x, double top, const char* what) {
  double y = top;
  for (const SetLine& l : lines) {
    note(page, fmt::format("{} y={:.2f} x={:.2f} w={:.2f}", what, y - l.baseline, x, l.width));
    place_items(l.items, x, y - l.baseline, page.items);
    y -= l.height;
  }
  return y;
}

std::string banner_text(const model::Document& document, const theme::Theme& theme) {
  if (!document.meta.release_statement.empty()) return document.meta.release_statement;
  return theme.banner ? document.meta.banner : std::string();
}

void add_banners(Page& page, const model::Document& document, SlideContext& c) {
  const std::string text = banner_text(document, c.theme);
  if (text.empty()) return;
  note(page, "banner");
  const size_t first = page.items.size();
  for (const double y : {c.frame.banner_top, c.frame.banner_bottom}) {
    SetLine set = set_text_line(text, "banner", c.paragraphs);
    place_items(set.items, (c.frame.width - set.width) / 2, y, page.items);
  }
  retag_items(page.items, k_artifact, first);
}

// "[2] ITIC 2020": the author-date form of a citation, from the note when compose gave none.
std::string short_form(const model::Citation& citation) {
  if (!citation.short_form.empty()) return citation.short_form;
  std::string note;
  for (const model::Inline& in : citation.note) note += in.text;
  return note.substr(0, note.find(','));
}

void add_footer(Page& page, const std::vector<int>& cited, int number, const model::Document& document,
    SlideContext& c) {
  const SlideFrame& f = c.frame;
  std::vector<int> sorted = cited;
  std::sort(sorted.begin(), sorted.end(), [&](int a, int b) {
    return document.citations[size_t(a)].number < document.citations[size_t(b)].number;
  });
  std::string listed;
  for (int index : sorted) listed += (listed.empty() ? "" : ",") + std::to_string(document.citations[size_t(index)].number);
  note(page, "footer sources=" + (listed.empty() ? std::string("none") : listed));
  page.items.push_back(Line{f.left, f.footer_rule, f.right, f.footer_rule, k_footer_rule_width, to_rgb(c.theme.rule)});

  SetLine num = set_text_line(std::to_string(number), "slide_footer", c.paragraphs, true);
  retag_items(num.items, k_artifact);  // the slide number
  place_items(num.items, f.right - num.width, f.footer_baseline, page.items);
  if (sorted.empty()) return;

  model::Inlines inlines{model::text_run("Sources: ")};
  for (size_t i = 0; i < sorted.size(); ++i) {
    const model::Citation& citation = document.citations[size_t(sorted[i])];
    if (i > 0) inlines.push_back(model::text_run("; "));
    model::Inline link = model::text_run("[" + std::to_string(citation.number) + "]\u00A0" + short_form(citation));
    link.kind = model::Inline::Kind::link;
    link.target = citation.anchor;
    inlines.push_back(std::move(link));
  }
  const double room = f.measure() - num.width - k_footer_number_gap;
  std::string style = "slide_footer";
  std::vector<SetLine> lines = set_lines(inlines, style, 1e7, c.paragraphs);
  for (double size = c.theme.style("slide_footer").size; !lines.empty() && lines.front().width > room &&
       size - 0.5 >= k_min_footer_size;) {
    size -= 0.5;
    style = c.paragraphs.styles.sized("slide_footer", size);
    lines = set_lines(inlines, style, 1e7, c.paragraphs);
  }
  const size_t first = page.items.size();
  if (!lines.empty()) place_items(lines.front().items, f.left, f.footer_baseline, page.items);
  tag_from(page, first, Role::p, 0, c);  // the sources line links to the sources slide
}

// Title lines and the accent bar; returns the set title (body_top says where the body starts).
SetTitle add_title(Page& page, const Slide& slide, SlideContext& c) {
  SetTitle t = set_title(slide.title, c);
  const size_t first = page.items.size();
  put_lines(page, t.lines, c.frame.left, c.frame.title_top, "title");
  tag_from(page, first, Role::h1, 0, c);
  page.items.push_back(Rect{c.frame.left, t.bar_y, k_bar_width, k_bar_height, to_rgb(c.theme.accent)});
  return t;
}

void add_cover(Page& page, const model::Document& document, SlideContext& c) {
  const model::Metadata& m = document.meta;
  StyleBook& styles = c.paragraphs.styles;
  const double x = c.frame.left + k_cover_text_offset;
  const double width = c.frame.right - x;
  double title_size = c.theme.style("slide_title").size * k_cover_title_scale;
  std::string title_style = styles.sized("slide_title", title_size);
  const model::Inlines title{model::text_run(m.title)};
  std::vector<SetLine> title_lines = set_lines(title, title_style, width, c.paragraphs);
  while (title_lines.size() > k_cover_title_lines && title_size - 2 >= c.min_size) {
    title_size -= 2;
    title_style = styles.sized("slide_title", title_size);
    title_lines = set_lines(title, title_style, width, c.paragraphs);
  }
  const double subtitle_size = std::max(c.min_size, c.theme.style("slide_subtitle").size * k_cover_subtitle_scale);
  std::vector<SetLine> subtitle;
  if (!m.subtitle.empty())
    subtitle = set_lines({model::text_run(m.subtitle)}, styles.sized("slide_subtitle", subtitle_size), width, c.paragraphs);
  std::string byline = m.date_display.empty() ? m.date : m.date_display;
  std::string authors;
  for (const std::string& a : m.authors) authors += (authors.empty() ? "" : ", ") + a;
  if (!authors.empty()) byline += (byline.empty() ? "" : "  \u00B7  ") + authors;
  std::vector<SetLine> by;
  if (!byline.empty())
    by = set_lines({model::text_run(byline)}, styles.sized("slide_subtitle", c.min_size), width, c.paragraphs);

  const double gap1 = subtitle.empty() ? 0 : subtitle_size * k_cover_gap_em;
  const double gap2 = by.empty() ? 0 : c.min_size * k_cover_gap_em * 1.6;
  const double height = lines_height(title_lines) + gap1 + lines_height(subtitle) + gap2 + lines_height(by);
  const double top = std::min(c.frame.title_top, c.frame.height * k_cover_centre + height / 2);
  page.items.push_back(Rect{c.frame.left, top - height, k_cover_bar_width, height, to_rgb(c.theme.accent)});
  size_t first = page.items.size();
  double y = put_lines(page, title_lines, x, top, "title");
  tag_from(page, first, Role::h1, 0, c);
  first = page.items.size();
  y = put_lines(page, subtitle, x, y - gap1, "subtitle");
  if (page.items.size() > first) tag_from(page, first, Role::p, 0, c);
  first = page.items.size();
  put_lines(page, by, x, y - gap2, "byline");
  if (page.items.size() > first) tag_from(page, first, Role::p, 0, c);
}

// Bullets, numbered points, source entries and agenda entries: markers hanging in the indent.
void add_units(Page& page, const Slide& slide, double top, SlideContext& c) {
  const SetBody body = set_body(slide, slide.body_size, c.frame.measure(), c);
  const int columns = slide_columns(slide, c.theme);
  const double column_width = (c.frame.measure() - (columns - 1) * k_slide_column_gap) / columns;
  const size_t per_column = (slide.units.size() + size_t(columns) - 1) / size_t(columns);
  const Rgb accent = to_rgb(c.theme.accent);
  const int list = add_node(*c.structure, Role::l, 0);
  double y = top;
  for (size_t i = 0; i < slide.units.size(); ++i) {
    const SlideUnit& u = slide.units[i];
    const SetUnit& set = body.units[i];
    const size_t column = per_column ? i / per_column : 0;
    if (per_column && i % per_column == 0) y = top;
    else y -= body.gap;
    const double x = c.frame.left + double(column) * (column_width + k_slide_column_gap);
    if (set.lines.empty()) continue;
    const double baseline = y - set.lines.front().baseline;
    std::vector<Item> marker = set.marker.items;
    recolor(marker, accent);
    // Dots at the left edge; numbers right-aligned on the widest.
    const double marker_x = u.marker.empty() ? x : x + body.marker_width - set.marker.width;
    const int entry = add_node(*c.structure, Role::li, list);
    const size_t first = page.items.size();
    place_items(marker, marker_x, baseline, page.items);
    if (!u.anchor.empty() && slide.kind == SlideKind::sources) page.items.push_back(Anchor{u.anchor, x, y});
    const double bottom = put_lines(page, set.lines, x + body.indent, y, "line");
    if (slide.kind == SlideKind::agenda && !u.anchor.empty())
      page.items.push_back(Link{x, bottom, column_width, y - bottom, u.anchor});
    tag_items(page.items, entry, *c.structure, first);  // marker and text: the LI's own content
    y = bottom;
  }
}

void add_quote(Page& page, const Slide& slide, double top, SlideContext& c) {
  if (slide.units.empty()) return;
  const SetBody body = set_body(slide, slide.body_size, c.frame.measure(), c);
  const SetUnit& set = body.units.front();
  if (set.lines.empty()) return;
  // The quote sits in the middle of the body area.
  const double room = top - c.frame.body_bottom;
  const double y = top - std::max(0.0, (room - set.height) / 2);
  const double x = c.frame.left + body.indent;
  const std::string mark_style = c.paragraphs.styles.sized("slide_figure", slide.body_size * k_quote_mark_scale);
  SetLine mark = set_text_line("\u201C", mark_style, c.paragraphs);
  recolor(mark.items, to_rgb(c.theme.accent));
  const double first_baseline = y - set.lines.front().baseline;
  const ResolvedStyle& mark_resolved = c.paragraphs.styles.get(mark_style);
  // The mark's top lines up with the top of the first line's capitals.
  const double cap_top = first_baseline + slide.body_size * 0.72;
  const int quote = add_node(*c.structure, Role::block_quote, 0);
  size_t first = page.items.size();
  place_items(mark.items, c.frame.left - mark_resolved.text.size * 0.06, cap_top - mark_resolved.ascent * 0.78,
      page.items);
  double bottom = put_lines(page, set.lines, x, y, "line");
  tag_from(page, first, Role::p, quote, c);
  first = page.items.size();
  if (!set.attribution.empty()) put_lines(page, set.attribution, x, bottom - slide.body_size * 0.7, "attribution");
  if (page.items.size() > first) tag_from(page, first, Role::p, quote, c);
}

void add_figures(Page& page, const Slide& slide, double top, SlideContext& c) {
  const size_t n = slide.units.size();
  if (n == 0) return;
  StyleBook& styles = c.paragraphs.styles;
  const size_t columns = std::min(n, k_slide_figure_columns);
  const size_t rows = (n + columns - 1) / columns;
  const double cell_width = (c.frame.measure() - double(columns - 1) * k_figure_gap) / double(columns);

  // One value size for the slide: the theme's, or smaller so the widest value fits its cell.
  const double theme_size = c.theme.style("slide_figure").size;
  double value_size = theme_size;
  for (const SlideUnit& u : slide.units) {
    const double w = set_text_line(u.value, "slide_figure", c.paragraphs).width;
    if (w > cell_width) value_size = std::min(value_size, theme_size * cell_width / w);
  }
  value_size = std::max(k_min_figure_size, std::floor(value_size));
  const std::string value_style = styles.sized("slide_figure", value_size);
  const std::string label_style = styles.sized("slide_body", slide.body_size);

  struct Cell {
    SetLine value;
    std::vector<SetLine> label;
  };
  std::vector<Cell> cells;
  std::vector<double> row_heights(rows, 0);
  for (size_t i = 0; i < n; ++i) {
    Cell cell{set_text_line(slide.units[i].value, value_style, c.paragraphs),
        set_lines(slide.units[i].shown, label_style, cell_width, c.paragraphs)};
    const double h = k_figure_rule_gap + cell.value.height + slide.body_size * k_figure_label_gap_em +
        lines_height(cell.label);
    row_heights[i / columns] = std::max(row_heights[i / columns], h);
    cells.push_back(std::move(cell));
  }
  double total = double(rows - 1) * k_figure_gap;
  for (double h : row_heights) total += h;
  // The grid sits in the middle of the body area.
  double row_top = top - std::max(0.0, (top - c.frame.body_bottom - total) / 2);
  const Rgb accent = to_rgb(c.theme.accent);
  for (size_t r = 0; r < rows; ++r) {
    for (size_t k = r * columns; k < std::min(n, (r + 1) * columns); ++k) {
      const Cell& cell = cells[k];
      const double x = c.frame.left + double(k % columns) * (cell_width + k_figure_gap);
      page.items.push_back(Line{x, row_top, x + cell_width * 0.35, row_top, k_figure_rule_width, accent});
      double y = row_top - k_figure_rule_gap;
      note(page, fmt::format("figure y={:.2f} x={:.2f} w={:.2f}", y - cell.value.baseline, x, cell.value.width));
      size_t first = page.items.size();
      place_items(cell.value.items, x, y - cell.value.baseline, page.items);
      tag_from(page, first, Role::p, 0, c);
      y -= cell.value.height + slide.body_size * k_figure_label_gap_em;
      first = page.items.size();
      put_lines(page, cell.label, x, y, "line");
      tag_from(page, first, Role::p, 0, c);
    }
    row_top -= row_heights[r] + k_figure_gap;
  }
}

} // namespace

Page render_slide(const Slide& slide, int number, const model::Document& document, SlideContext& c) {
  Page page;
  page.width = c.frame.width;
  page.height = c.frame.height;
  page.label = std::to_string(number);
  if (!is_white(c.theme.background))
    page.items.push_back(Rect{0, 0, c.frame.width, c.frame.height, to_rgb(c.theme.background)});
  note(page, fmt::format("slide {} kind={} size={:.2f} units={}{}", number, to_string(slide.kind), slide.body_size,
      slide.units.size(), slide.overfull ? " [overfull]" : ""));
  page.items.push_back(Anchor{"slide-" + std::to_string(number), 0, c.frame.height});
  if (!slide.anchor.empty()) page.items.push_back(Anchor{slide.anchor, 0, c.frame.height});
  add_banners(page, document, c);

  std::vector<int> cited;
  if (slide.kind == SlideKind::title) {
    add_cover(page, document, c);
  } else {
    const SetTitle title = add_title(page, slide, c);
    switch (slide.kind) {
    case SlideKind::quote: add_quote(page, slide, title.body_top, c); break;
    case SlideKind::figures: add_figures(page, slide, title.body_top, c); break;
    default: add_units(page, slide, title.body_top, c); break;
    }
    for (const SlideUnit& u : slide.units)
      for (int index : cited_in(u.shown))
        if (std::find(cited.begin(), cited.end(), index) == cited.end()) cited.push_back(index);
  }
  add_footer(page, cited, number, document, c);
  return page;
}

} // namespace brief::layout
