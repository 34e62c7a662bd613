#include "layout/layout.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::layout {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// Fixed formatting with two decimals and no negative zero, so traces are stable.
std::string num(double v) {
  std::string s = fmt::format("{:.2f}", v);
  if (s == "-0.00") s = "0.00";
  return s;
}

std::string item_line(const Item& item) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, GlyphRun>) {
          return fmt::format("  run face={} size={} x={} y={} w={} {}", v.face, num(v.size), num(v.x), num(v.y),
              num(v.width), quoted(v.text));
        } else if constexpr (std::is_same_v<T, Line>) {
          return fmt::format("  rule x1={} y1={} x2={} y2={} w={}", num(v.x1), num(v.y1), num(v.x2), num(v.y2),
              num(v.width));
        } else if constexpr (std::is_same_v<T, Rect>) {
          return fmt::format("  rect x={} y={} w={} h={}", num(v.x), num(v.y), num(v.width), num(v.height));
        } else if constexpr (std::is_same_v<T, Image>) {
          return fmt::format("  image {} x={} y={} w={} h={}", v.key, num(v.x), num(v.y), num(v.width),
              num(v.height));
        } else if constexpr (std::is_same_v<T, Link>) {
          return fmt::format("  link x={} y={} w={} h={} -> {}", num(v.x), num(v.y), num(v.width), num(v.height),
              v.target);
        } else {
          return fmt::format("  anchor {} x={} y={}", v.name, num(v.x), num(v.y));
        }
      },
      item);
}

// Slack for rounding when checking that an item lies on its page, pt.
constexpr double k_page_slack = 0.01;
// A glyph run's extent above its baseline, as a fraction of its size (about the cap height).
constexpr double k_run_rise = 0.75;

// Whether an item lies on the page; items that do not are marked in the trace.
bool on_page(const Item& item, double width, double height) {
  auto inside = [&](double x0, double y0, double x1, double y1) {
    return std::min(x0, x1) >= -k_page_slack && std::max(x0, x1) <= width + k_page_slack &&
           std::min(y0, y1) >= -k_page_slack && std::max(y0, y1) <= height + k_page_slack;
  };
  return std::visit(
      [&](const auto& v) -> bool {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, GlyphRun>) return inside(v.x, v.y, v.x + v.width, v.y + v.size * k_run_rise);
        else if constexpr (std::is_same_v<T, Line>) return inside(v.x1, v.y1, v.x2, v.y2);
        else if constexpr (std::is_same_v<T, Anchor>) return inside(v.x, v.y, v.x, v.y);
        else return inside(v.x, v.y, v.x + v.width, v.y + v.height);
      },
      item);
}

} // namespace

std::string trace(const PagedDocument& document, const text::FontLibrary& fonts) {
  std::string out;
  for (size_t f = 0; f < fonts.face_count(); ++f) {
    const text::FaceInfo& info = fonts.info(text::FaceId(f));
    out += fmt::format("face {} {}{}{}\n", f, info.family, info.bold ? " bold" : "", info.italic ? " italic" : "");
  }
  for (size_t p = 0; p < document.pages.size(); ++p) {
    const Page& page = document.pages[p];
    out += fmt::format("page {} {}x{} label={}\n", p + 1, num(page.width), num(page.height), page.label);
    size_t note = 0;
    for (size_t i = 0; i < page.items.size(); ++i) {
      while (note < page.note_items.size() && page.note_items[note] <= i) out += "  " + page.notes[note++] + "\n";
      out += item_line(page.items[i]);
      if (!on_page(page.items[i], page.width, page.height)) out += " [outside page]";
      out += "\n";
    }
    for (; note < page.notes.size(); ++note) out += "  " + page.notes[note] + "\n";
  }
  for (const OutlineEntry& e : document.outline)
    out += fmt::format("outline level={} {} -> {}\n", e.level, quoted(e.title), e.anchor);
  for (const PageLabelRange& r : document.labels)
    out += fmt::format("labels from={} {} start={}\n", r.first_page + 1,
        r.style == PageLabelRange::Style::roman ? "roman" : "decimal", r.first_number);
  return out;
}

} // namespace brief::layout
