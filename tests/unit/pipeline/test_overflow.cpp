#include "pipeline/overflow.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using namespace brief::pipeline;

namespace {

// A page with a section anchor (when `anchor` is not empty) and `lines` line notes after it.
layout::Page page_with(const std::string& anchor, size_t lines_before, size_t lines_after) {
  layout::Page page;
  for (size_t i = 0; i < lines_before; ++i) {
    page.note_items.push_back(page.items.size());
    page.notes.push_back("line y=1.00");
    page.items.push_back(layout::GlyphRun{});
  }
  if (!anchor.empty()) page.items.push_back(layout::Anchor{anchor, 0, 0});
  for (size_t i = 0; i < lines_after; ++i) {
    page.note_items.push_back(page.items.size());
    page.notes.push_back("line y=2.00");
    page.items.push_back(layout::GlyphRun{});
  }
  page.notes.push_back("furniture");  // not a line of text
  return page;
}

} // namespace

TEST_CASE("overflow names the sections past the limit and their lines") {
  layout::PagedDocument paged;
  paged.outline = {{"Summary", 1, "section-1"}, {"Key figures", 1, "section-2"}, {"Sources", 1, "section-3"}};
  paged.pages.push_back(page_with("section-1", 2, 30));
  paged.pages.push_back(page_with("section-2", 10, 20));  // Summary ends on page 2
  paged.pages.push_back(page_with("section-3", 7, 5));    // 7 lines of Key figures, then Sources
  const Overflow overflow = measure_overflow(paged, 2);
  CHECK(overflow.pages == 3);
  CHECK(overflow.lines == 12);
  REQUIRE(overflow.sections.size() == 2);
  CHECK(overflow.sections[0].title == "Key figures");
  CHECK(overflow.sections[0].lines == 7);
  CHECK(overflow.sections[1].title == "Sources");
  CHECK(overflow.sections[1].lines == 5);
  CHECK(describe_overflow(overflow) == "12 lines past page 2: `Key figures` 7 lines, `Sources` 5 lines");
}

TEST_CASE("a section starting past the limit and one carried over are both named") {
  layout::PagedDocument paged;
  paged.outline = {{"Only", 1, "section-1"}};
  paged.pages.push_back(page_with("section-1", 0, 40));
  paged.pages.push_back(page_with("", 1, 0));
  const Overflow overflow = measure_overflow(paged, 1);
  CHECK(describe_overflow(overflow) == "1 line past page 1: `Only` 1 line");
}
