#include "layout/blocks.hpp"
#include "layout/structure.hpp"

#include <cmath>

namespace brief::layout {
namespace {

// Indent per heading level in the table of contents, in ems.
constexpr double k_level_indent_em = 1.5;
// Room kept for page labels at the right of the contents, in ems.
constexpr double k_number_room_em = 2.5;
// Distance between leader dots, pt; dots sit on a grid so they line up from entry to entry.
constexpr double k_leader_step = 5;
// Space kept clear around the leaders, pt.
constexpr double k_leader_gap = 4;

} // namespace

void add_contents(BlockContext& c, Flow& flow) {
  const ResolvedStyle& h = c.paragraphs.styles.get("h1");
  {
    model::Inlines title{model::text_run("Contents")};
    ParagraphInput in;
    in.inlines = &title;
    in.style = "h1";
    in.width = c.width;
    in.alignment = theme::Alignment::ragged;
    in.hyphenate = false;
    const double space = std::max(c.pending_space, h.text.space_before);
    const size_t first = flow.boxes.size();
    add_paragraph_lines(flow, set_paragraph(in, c.paragraphs), 0, space);
    tag_boxes(c, flow, first, Role::h1);
    for (size_t i = first; i < flow.boxes.size(); ++i) {
      flow.boxes[i].kind = BoxKind::heading;
      flow.boxes[i].keep_with_next = true;
    }
    c.pending_space = h.text.space_after;
  }

  const ResolvedStyle& s = c.paragraphs.styles.get("toc");
  const SetLine dot = set_text_line(".", "toc", c.paragraphs);
  int index = 0;
  const int toc = add_node(*c.structure, Role::toc, 0);
  for (const model::Block& block : c.document.blocks) {
    const auto* heading = std::get_if<model::Heading>(&block);
    if (!heading) continue;
    const std::string anchor = heading_anchor(*heading, index++);
    if (!heading->in_toc || heading->level > 2) continue;
    const auto ref = c.page_refs.find(anchor);
    const std::string label = ref != c.page_refs.end() ? ref->second : "0";
    const double indent = (heading->level - 1) * s.text.size * k_level_indent_em;
    const SetLine number = set_text_line(label, "toc", c.paragraphs, heading->level == 1);
    model::Inlines title{model::text_run(heading->text)};
    title[0].bold = heading->level == 1;
    ParagraphInput in;
    in.inlines = &title;
    in.style = "toc";
    in.width = c.width - indent - s.text.size * k_number_room_em;
    in.alignment = theme::Alignment::ragged;
    in.hyphenate = false;
    std::vector<SetLine> lines = set_paragraph(in, c.paragraphs);
    if (lines.empty()) continue;

    // Leaders and the page label on the last line; x here is from the indent.
    SetLine& last = lines.back();
    const double number_x = c.width - indent - number.width;
    place_items(number.items, number_x, 0, last.items);
    const double from = last.width + k_leader_gap, to = number_x - k_leader_gap;
    for (double x = std::ceil((indent + from) / k_leader_step) * k_leader_step - indent; x + dot.width <= to;
         x += k_leader_step)
      place_items(dot.items, x, 0, last.items);
    for (SetLine& l : lines)  // the whole entry links to the heading
      l.items.push_back(Link{0, -(l.height - l.baseline), c.width - indent, l.height, anchor});
    const double space = c.pending_space + (heading->level == 1 ? s.text.size * 0.3 : 0);
    c.pending_space = 0;
    const size_t first = flow.boxes.size();
    add_paragraph_lines(flow, std::move(lines), indent, space);
    tag_boxes(c, flow, first, Role::toci, toc);
  }
  c.pending_space = s.text.space_after;
  if (!flow.boxes.empty()) flow.boxes.back().front_matter_end = true;
}

} // namespace brief::layout
