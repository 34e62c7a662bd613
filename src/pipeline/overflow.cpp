#include "pipeline/overflow.hpp"

#include <fmt/format.h>

#include <map>
#include <variant>

namespace brief::pipeline {

namespace {

// What lines set before the first section (title block, contents) are attributed to.
constexpr const char* k_before_sections = "the title and contents";

} // namespace

Overflow measure_overflow(const layout::PagedDocument& paged, size_t max_pages) {
  Overflow overflow;
  overflow.pages = paged.pages.size();
  overflow.max_pages = max_pages;
  std::map<std::string, std::string> section_of_anchor;
  for (const auto& entry : paged.outline)
    if (entry.level == 1) section_of_anchor[entry.anchor] = entry.title;

  std::string current = k_before_sections;
  auto count_line = [&](size_t page, const std::string& note) {
    if (page < max_pages || !note.starts_with("line ")) return;
    ++overflow.lines;
    if (overflow.sections.empty() || overflow.sections.back().title != current)
      overflow.sections.push_back({current, 0});
    ++overflow.sections.back().lines;
  };
  for (size_t p = 0; p < paged.pages.size(); ++p) {
    const layout::Page& page = paged.pages[p];
    size_t note = 0;
    // Notes are traced just before the item they index (layout/paged.hpp): follow that order.
    for (size_t item = 0; item <= page.items.size(); ++item) {
      for (; note < page.note_items.size() && page.note_items[note] <= item; ++note) count_line(p, page.notes[note]);
      if (item == page.items.size()) break;
      if (const auto* anchor = std::get_if<layout::Anchor>(&page.items[item])) {
        const auto it = section_of_anchor.find(anchor->name);
        if (it != section_of_anchor.end()) current = it->second;
      }
    }
    for (; note < page.notes.size(); ++note) count_line(p, page.notes[note]);
  }
  return overflow;
}

std::string describe_overflow(const Overflow& overflow) {
  std::string out = fmt::format("{} line{} past page {}", overflow.lines, overflow.lines == 1 ? "" : "s",
      overflow.max_pages);
  for (size_t i = 0; i < overflow.sections.size(); ++i) {
    const auto& section = overflow.sections[i];
    out += fmt::format("{}`{}` {} line{}", i == 0 ? ": " : ", ", section.title, section.lines,
        section.lines == 1 ? "" : "s");
  }
  return out;
}

} // namespace brief::pipeline
