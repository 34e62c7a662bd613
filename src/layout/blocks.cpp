#include "layout/blocks.hpp"

#include "layout/structure.hpp"

#include <algorithm>
#include <numeric>

namespace brief::layout {
namespace {

// Gap between a list marker and the item text, in ems of the list style.
constexpr double k_marker_gap_em = 0.6;
// Space between list items, as a fraction of the list style's size.
constexpr double k_item_gap = 0.25;
// Block quote indent from the left of the measure, in ems.
constexpr double k_quote_indent_em = 1.6;
// The quote's left rule sits this many ems left of the quote text.
constexpr double k_quote_rule_em = 0.6;
// Width of the quote's left rule, pt.
constexpr double k_quote_rule_width = 1.2;
// Table cell padding, pt (left/right and top/bottom).
constexpr double k_cell_pad_x = 4;
constexpr double k_cell_pad_y = 3;
// Rules under the header row and under each body row, pt.
constexpr double k_header_rule_width = 0.8;
constexpr double k_row_rule_width = 0.3;

std::vector<SetLine> set(BlockContext& c, const model::Inlines& inlines, const std::string& style,
    double width, theme::Alignment alignment, bool hyphenate = true) {
  ParagraphInput in;
  in.inlines = &inlines;
  in.style = style;
  in.width = width;
  in.alignment = alignment;
  in.hyphenate = hyphenate;
  return set_paragraph(in, c.paragraphs);
}

model::Inlines with_portion(BlockContext& c, const model::Inlines& inlines, const std::string& portion) {
  if (!c.theme.portion_marks || portion.empty()) return inlines;
  model::Inlines out;
  out.push_back(model::text_run(portion + " "));
  out.insert(out.end(), inlines.begin(), inlines.end());
  return out;
}

// The space above a block: the larger of the previous block's space after and this one's space
// before (adjacent spaces collapse, as CSS margins do); sums would give headings of one level
// different space depending on what precedes them.
double take_space(BlockContext& c, const ResolvedStyle& s) {
  const double space = std::max(c.pending_space, s.text.space_before);
  c.pending_space = s.text.space_after;
  return space;
}

void add_heading(const model::Heading& h, BlockContext& c, Flow& flow) {
  const int level = std::clamp(h.level, 1, 3);
  const std::string style = "h" + std::to_string(level);
  const ResolvedStyle& s = c.paragraphs.styles.get(style);
  const std::string anchor = heading_anchor(h, c.heading_count++);
  model::Inlines inlines{model::text_run(h.text)};
  std::vector<SetLine> lines = set(c, inlines, style, c.width, theme::Alignment::ragged, false);
  const double space = take_space(c, s);
  if (lines.empty()) return;
  const size_t first = flow.boxes.size();
  const double top = lines.front().baseline;  // anchors mark the top of the line box
  add_paragraph_lines(flow, std::move(lines), 0, space, {Anchor{anchor, 0, top}});
  tag_boxes(c, flow, first, heading_role(level));
  for (size_t i = first; i < flow.boxes.size(); ++i) {
    flow.boxes[i].kind = BoxKind::heading;
    flow.boxes[i].keep_with_next = true;  // a heading never ends a page
  }
  if (h.new_page) flow.boxes[first].break_before = true;
  if (level == 1) flow.boxes[first].section = h.text;
  if (level <= 2) c.outline.push_back(OutlineEntry{h.text, level, anchor});
}

void add_paragraph(const model::Paragraph& p, BlockContext& c, Flow& flow) {
  const ResolvedStyle& s = c.paragraphs.styles.get(p.style);
  const model::Inlines inlines = with_portion(c, p.inlines, p.portion);
  std::vector<SetLine> lines = set(c, inlines, p.style, c.width, c.theme.alignment);
  const double space = take_space(c, s);
  std::vector<Item> extra;
  if (!p.anchor.empty() && !lines.empty()) extra.push_back(Anchor{p.anchor, 0, lines.front().baseline});
  const size_t first = flow.boxes.size();
  add_paragraph_lines(flow, std::move(lines), 0, space, std::move(extra));
  tag_boxes(c, flow, first, Role::p);
}

void add_list(const model::List& list, BlockContext& c, Flow& flow) {
  const std::string style = c.theme.styles.count(list.style) ? list.style : "list";
  const ResolvedStyle& s = c.paragraphs.styles.get(style);
  double marker_width = 0;
  std::vector<SetLine> markers;
  for (const model::ListItem& item : list.items) {
    markers.push_back(set_text_line(item.marker, style, c.paragraphs));
    marker_width = std::max(marker_width, markers.back().width);
  }
  const double indent = marker_width > 0 ? marker_width + s.text.size * k_marker_gap_em : 0;
  double space = take_space(c, s);
  const int node = add_node(*c.structure, Role::l, 0);
  for (size_t i = 0; i < list.items.size(); ++i) {
    const model::ListItem& item = list.items[i];
    const model::Inlines inlines = with_portion(c, item.inlines, item.portion);
    std::vector<SetLine> lines = set(c, inlines, style, c.width - indent, c.theme.alignment);
    if (lines.empty()) continue;
    // The marker hangs in the indent, on the first line's baseline (right-aligned for numbers).
    std::vector<Item> extra;
    const double marker_x = list.ordered ? -indent + (marker_width - markers[i].width) : -indent;
    place_items(markers[i].items, marker_x, 0, extra);  // both set from the same baseline
    // One LI holds the marker and the text as its own content (no Lbl and LBody elements: the
    // marker is read first, and two fewer objects per item keep tagged files small).
    const int entry = add_node(*c.structure, Role::li, node);
    const size_t marker_items = extra.size();
    if (!item.anchor.empty()) extra.push_back(Anchor{item.anchor, -indent, lines.front().baseline});
    const size_t first = flow.boxes.size();
    const size_t first_line_items = lines.front().items.size();
    add_paragraph_lines(flow, std::move(lines), indent, space, std::move(extra));
    // The marker is drawn before the first line's text, so it comes first in reading order.
    std::vector<Item>& head = flow.boxes[first].items;
    std::rotate(head.begin(), head.begin() + long(first_line_items), head.begin() + long(first_line_items + marker_items));
    for (size_t b = first; b < flow.boxes.size(); ++b) tag_items(flow.boxes[b].items, entry, *c.structure);
    space = s.text.size * k_item_gap;
  }
}

void add_rule_to_lines(Flow& flow, size_t first, double x, const Rgb& color) {
  for (size_t i = first; i < flow.boxes.size(); ++i) {
    FlowBox& b = flow.boxes[i];
    b.items.push_back(Line{x, 0, x, -b.height, k_quote_rule_width, color});
  }
}

void add_quote(const model::Quote& q, BlockContext& c, Flow& flow) {
  const ResolvedStyle& s = c.paragraphs.styles.get("quote");
  const double indent = s.text.size * k_quote_indent_em;
  const double rule_x = indent - s.text.size * k_quote_rule_em;
  const model::Inlines inlines = with_portion(c, q.inlines, q.portion);
  std::vector<SetLine> lines = set(c, inlines, "quote", c.width - indent, c.theme.alignment);
  const double space = take_space(c, s);
  const size_t first = flow.boxes.size();
  add_paragraph_lines(flow, std::move(lines), indent, space);
  const int node = add_node(*c.structure, Role::block_quote, 0);
  tag_boxes(c, flow, first, Role::p, node);
  if (!q.attribution.empty()) {
    const ResolvedStyle& a = c.paragraphs.styles.get("attribution");
    std::vector<SetLine> attr = set(c, q.attribution, "attribution", c.width - indent,
        theme::Alignment::ragged);
    if (flow.boxes.size() > first) flow.boxes.back().keep_with_next = true;  // quote + attribution
    const size_t attribution = flow.boxes.size();
    add_paragraph_lines(flow, std::move(attr), indent, a.text.space_before);
    tag_boxes(c, flow, attribution, Role::p, node);
    c.pending_space = std::max(c.pending_space, a.text.space_after);
  }
  add_rule_to_lines(flow, first, rule_x, to_rgb(c.theme.rule));
}

// The narrowest a cell can be (its longest word) and its width on one line.
struct CellWidths {
  double min = 0, max = 0;
};

CellWidths measure_cell(BlockContext& c, const model::Inlines& inlines, const std::string& style) {
  const ResolvedStyle& s = c.paragraphs.styles.get(style);
  text::FontLibrary& fonts = c.paragraphs.styles.fonts();
  CellWidths w;
  double line = 0;
  for (const model::Inline& in : inlines) {
    const text::FaceId face = s.face(in.bold, in.italic);
    size_t i = 0;
    const std::string& t = in.text;
    while (i < t.size()) {
      if (t[i] == ' ') {
        line += s.space;
        ++i;
        continue;
      }
      size_t j = t.find(' ', i);
      if (j == std::string::npos) j = t.size();
      const double word = fonts.width(face, s.text.size, std::string_view(t).substr(i, j - i));
      w.min = std::max(w.min, word);
      line += word;
      i = j;
    }
  }
  w.max = line;
  return w;
}

struct TableCells {
  std::vector<model::Inlines> header;
  std::vector<std::vector<model::Inlines>> rows;
  std::string caption;
};

FlowBox set_row(BlockContext& c, const std::vector<model::Inlines>& cells, const std::vector<double>& widths,
    const std::string& style, double rule_width, int group, int table, bool header) {
  FlowBox box;
  box.kind = BoxKind::row;
  box.group = group;
  double x = 0, height = 0;
  std::vector<std::vector<SetLine>> set_cells;
  for (size_t col = 0; col < widths.size(); ++col) {
    static const model::Inlines k_empty;
    const model::Inlines& inlines = col < cells.size() ? cells[col] : k_empty;
    set_cells.push_back(set(c, inlines, style, widths[col], theme::Alignment::ragged));
    double h = 0;
    for (const SetLine& l : set_cells.back()) h += l.height;
    height = std::max(height, h);
  }
  box.height = height + 2 * k_cell_pad_y;
  const int row = add_node(*c.structure, Role::tr, table);
  for (size_t col = 0; col < widths.size(); ++col) {
    double y = -k_cell_pad_y;
    const int cell = add_node(*c.structure, header ? Role::th : Role::td, row);
    if (header) (*c.structure)[size_t(cell)].scope = "Column";
    std::vector<Item> items;
    for (SetLine& l : set_cells[col]) {
      place_items(l.items, x + k_cell_pad_x, y - l.baseline, items);
      box.citations.insert(box.citations.end(), l.citations.begin(), l.citations.end());
      y -= l.height;
    }
    tag_items(items, cell, *c.structure);
    box.items.insert(box.items.end(), items.begin(), items.end());
    x += widths[col] + 2 * k_cell_pad_x;
  }
  box.items.push_back(Line{0, -box.height, x, -box.height, rule_width, to_rgb(c.theme.rule)});
  return box;
}

void add_table(const TableCells& t, BlockContext& c, Flow& flow) {
  const ResolvedStyle& s = c.paragraphs.styles.get("table");
  size_t columns = t.header.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  if (columns == 0) return;
  std::vector<CellWidths> widths(columns);
  auto measure_row = [&](const std::vector<model::Inlines>& row, const std::string& style) {
    for (size_t col = 0; col < row.size(); ++col) {
      const CellWidths w = measure_cell(c, row[col], style);
      widths[col].min = std::max(widths[col].min, w.min);
      widths[col].max = std::max(widths[col].max, w.max);
    }
  };
  measure_row(t.header, "table_header");
  for (const auto& row : t.rows) measure_row(row, "table");

  // Column widths from content (as browsers do for automatic tables): every column gets its
  // longest word, the rest is shared in proportion to how much more each would like.
  const double avail = std::max(1.0, c.width - 2 * k_cell_pad_x * double(columns));
  double sum_min = 0, sum_max = 0;
  for (const CellWidths& w : widths) {
    sum_min += w.min;
    sum_max += std::max(w.max, w.min);
  }
  std::vector<double> cols(columns);
  for (size_t i = 0; i < columns; ++i) {
    const double mx = std::max(widths[i].max, widths[i].min);
    if (sum_max <= avail) cols[i] = sum_max > 0 ? mx + (avail - sum_max) * mx / sum_max : avail / double(columns);
    else if (sum_min >= avail) cols[i] = sum_min > 0 ? avail * widths[i].min / sum_min : avail / double(columns);
    else cols[i] = widths[i].min + (avail - sum_min) * (mx - widths[i].min) / (sum_max - sum_min);
  }

  const double space = take_space(c, s);
  const int group = flow.boxes.empty() ? 0 : flow.boxes.back().group + 1;
  int header = -1;
  const int table = add_node(*c.structure, Role::table, 0);
  if (!t.header.empty()) {
    FlowBox h = set_row(c, t.header, cols, "table_header", k_header_rule_width, group, table, true);
    h.space_before = space;
    h.keep_with_next = true;
    flow.headers.push_back(h);
    retag_items(flow.headers.back().items, k_artifact);  // a repeat on a continuation page
    header = int(flow.headers.size() - 1);
    flow.boxes.push_back(std::move(h));
  }
  for (size_t r = 0; r < t.rows.size(); ++r) {
    FlowBox row = set_row(c, t.rows[r], cols, "table", k_row_rule_width, group, table, false);
    row.repeat_header = header;
    if (header < 0 && r == 0) row.space_before = space;
    row.group_line = int(r);
    row.group_lines = int(t.rows.size());
    flow.boxes.push_back(std::move(row));
  }
  if (!t.caption.empty()) {
    if (!flow.boxes.empty()) flow.boxes.back().keep_with_next = true;
    const ResolvedStyle& cs = c.paragraphs.styles.get("caption");
    model::Inlines caption{model::text_run(t.caption)};
    const size_t first = flow.boxes.size();
    add_paragraph_lines(flow, set(c, caption, "caption", c.width, theme::Alignment::ragged),
        0, cs.text.space_before);
    tag_boxes(c, flow, first, Role::caption, table);
    c.pending_space = std::max(c.pending_space, cs.text.space_after);
  }
}

void add_key_figures(const model::KeyFigures& k, BlockContext& c, Flow& flow) {
  TableCells t;
  t.header = {{model::text_run("Figure")}, {model::text_run("What it counts")}, {model::text_run("Source")}};
  for (const model::KeyFigure& f : k.figures) {
    model::Inline value = model::text_run(f.value);
    value.bold = true;
    t.rows.push_back({{value}, {model::text_run(f.label)}, f.context});
  }
  add_table(t, c, flow);
}

} // namespace

int tag_boxes(BlockContext& c, Flow& flow, size_t first, Role role, int parent) {
  const int node = add_node(*c.structure, role, parent);
  for (size_t i = first; i < flow.boxes.size(); ++i) tag_items(flow.boxes[i].items, node, *c.structure);
  return node;
}

std::string heading_anchor(const model::Heading& heading, int index) {
  return heading.anchor.empty() ? "heading-" + std::to_string(index + 1) : heading.anchor;
}

int add_paragraph_lines(Flow& flow, std::vector<SetLine> lines, double indent, double space_before,
    std::vector<Item> first_extra) {
  const int group = flow.boxes.empty() ? 0 : flow.boxes.back().group + 1;
  const int n = int(lines.size());
  for (int k = 0; k < n; ++k) {
    SetLine& l = lines[size_t(k)];
    FlowBox box;
    box.kind = BoxKind::line;
    box.height = l.height;
    box.space_before = k == 0 ? space_before : 0;
    place_items(l.items, indent, -l.baseline, box.items);
    if (k == 0) place_items(first_extra, indent, -l.baseline, box.items);
    box.citations = std::move(l.citations);
    // A page may end after line k only if k + 1 lines stay behind and n - k - 1 go forward.
    box.keep_with_next = k + 1 < n && (k + 1 < k_min_orphan_lines || n - k - 1 < k_min_widow_lines);
    box.group = group;
    box.group_line = k;
    box.group_lines = n;
    box.has_line = true;
    box.facts = l.facts;
    box.line_x = indent;
    box.line_baseline = l.baseline;
    box.line_width = l.width;
    flow.boxes.push_back(std::move(box));
  }
  return group;
}

void add_block(const model::Block& block, BlockContext& c, Flow& flow) {
  std::visit(
      [&](const auto& b) {
        using T = std::decay_t<decltype(b)>;
        if constexpr (std::is_same_v<T, model::Heading>) {
          add_heading(b, c, flow);
        } else if constexpr (std::is_same_v<T, model::Paragraph>) {
          add_paragraph(b, c, flow);
        } else if constexpr (std::is_same_v<T, model::List>) {
          add_list(b, c, flow);
        } else if constexpr (std::is_same_v<T, model::Quote>) {
          add_quote(b, c, flow);
        } else if constexpr (std::is_same_v<T, model::KeyFigures>) {
          add_key_figures(b, c, flow);
        } else if constexpr (std::is_same_v<T, model::Table>) {
          add_table(TableCells{b.header, b.rows, b.caption}, c, flow);
        } else if constexpr (std::is_same_v<T, model::TableOfContents>) {
          if (c.theme.toc) add_contents(c, flow);
        } else if constexpr (std::is_same_v<T, model::PageBreak>) {
          c.pending_space = 0;
          FlowBox marker;
          marker.kind = BoxKind::space;
          marker.break_before = true;
          marker.group = flow.boxes.empty() ? 0 : flow.boxes.back().group + 1;
          flow.boxes.push_back(std::move(marker));
        }
      },
      block);
}

} // namespace brief::layout
