#include "layout/paragraph.hpp"

#include "layout/paragraph_phases.hpp"

namespace brief::layout {

void place_items(const std::vector<Item>& items, double dx, double dy, std::vector<Item>& out) {
  for (const Item& item : items) {
    Item moved = item;
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Line>) {
            v.x1 += dx;
            v.x2 += dx;
            v.y1 += dy;
            v.y2 += dy;
          } else {
            v.x += dx;
            v.y += dy;
          }
        },
        moved);
    out.push_back(std::move(moved));
  }
}

std::vector<SetLine> set_paragraph(const ParagraphInput& input, ParagraphContext& context) {
  const ResolvedStyle& base = context.styles.get(input.style);
  const detail::Prepared prepared = detail::prepare(detail::collect(*input.inlines, base, context), input, base, context);
  if (prepared.items.empty()) return {};

  BreakParams params;
  static_cast<theme::LineBreaking&>(params) = context.styles.theme().line_breaking;
  params.line_width = input.width;
  params.mode = context.breaking;
  return detail::finalize(prepared, break_lines(prepared.items, params), input, base);
}

std::vector<SetLine> set_lines(const model::Inlines& inlines, const std::string& style, double width,
    ParagraphContext& context) {
  ParagraphInput in;
  in.inlines = &inlines;
  in.style = style;
  in.width = width;
  in.alignment = theme::Alignment::ragged;
  in.hyphenate = false;
  return set_paragraph(in, context);
}

double lines_height(const std::vector<SetLine>& lines) {
  double h = 0;
  for (const SetLine& l : lines) h += l.height;
  return h;
}

SetLine set_text_line(const std::string& text, const std::string& style, ParagraphContext& context,
    bool bold) {
  model::Inlines inlines{model::text_run(text)};
  inlines[0].bold = bold;
  ParagraphInput input;
  input.inlines = &inlines;
  input.style = style;
  input.width = 1e7;
  input.alignment = theme::Alignment::ragged;
  input.hyphenate = false;
  std::vector<SetLine> lines = set_paragraph(input, context);
  if (!lines.empty()) return std::move(lines.front());
  const ResolvedStyle& s = context.styles.get(style);
  SetLine empty;
  empty.height = s.line_height();
  empty.baseline = (empty.height - (s.ascent + s.descent)) / 2 + s.ascent;
  return empty;
}

} // namespace brief::layout
