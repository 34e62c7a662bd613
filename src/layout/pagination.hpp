#pragma once
// Pagination: flow boxes -> page bodies. Fills each page from the top, ends it at the last box
// after which a break is allowed (widows and orphans, headings kept with what follows, list items
// and quotes by their lines, table rows whole), repeats a table's header row on continuation
// pages, drops discardable space at the top of a page and sets the footnotes of citations marked
// on the page at its foot (splitting a note onto the next page when needed).

#include "layout/flow.hpp"
#include "layout/footnotes.hpp"

#include <string>
#include <vector>

namespace brief::layout {

// The content area of a page, in PDF coordinates.
struct PageFrame {
  double width = 0, height = 0;  // the page
  double left = 0, top = 0, bottom = 0, measure = 0;
};

struct PageBody {
  std::vector<Item> items;
  std::vector<std::string> notes;
  std::vector<size_t> note_items;
  std::string section;        // running header section: the first level-1 heading on the page, or the one before
  bool front_matter = false;  // cover and contents pages
};

// `footnotes` may be null (citations other than footnote style).
std::vector<PageBody> paginate(const Flow& flow, const PageFrame& frame, Footnotes* footnotes);

// The trace note for a line box placed with its top-left at (x, y_top).
std::string line_note(const FlowBox& box, double x, double y_top);

} // namespace brief::layout
