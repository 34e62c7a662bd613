#pragma once
// The flow: a document's blocks as a vertical list of boxes (one per line of text, heading line or
// table row) with the facts pagination needs: height, discardable space above, whether a page may
// end after the box (widows, orphans, keep-with-next), forced breaks, the citations whose
// footnotes must go on the same page, and a repeated table header.

#include "layout/paged.hpp"
#include "layout/paragraph.hpp"

#include <string>
#include <vector>

namespace brief::layout {

// At least this many lines of a paragraph stay at the foot of a page (orphans) ...
constexpr int k_min_orphan_lines = 2;
// ... and at least this many go to the top of the next (widows).
constexpr int k_min_widow_lines = 2;

enum class BoxKind { line, heading, row, rule, space };

struct FlowBox {
  BoxKind kind = BoxKind::line;
  double height = 0;
  double space_before = 0;  // dropped at the top of a page
  // Items with x from the content area's left edge and y from the box's top (upwards, as in
  // PDF: content below the top has negative y).
  std::vector<Item> items;
  bool keep_with_next = false;  // no page break between this box and the next
  bool break_before = false;    // always start a new page here (unless the page is empty)
  std::vector<int> citations;   // Document::citations marked in this box (footnote style)
  int repeat_header = -1;       // Flow::headers index to set first on a continuation page
  int group = -1;               // paragraph/cell group id, for widow and orphan notes
  int group_line = 0, group_lines = 0;
  std::string section;          // a level-1 heading's text: the running header from here on
  bool front_matter_end = false;  // the last box of the front matter (cover, contents)
  // Trace facts for text lines (kind == line or heading).
  bool has_line = false;
  LineFacts facts;
  double line_x = 0;          // left edge of the line in content coordinates
  double line_baseline = 0;   // from the box top down to the baseline
  double line_width = 0;
};

struct Flow {
  std::vector<FlowBox> boxes;
  std::vector<FlowBox> headers;  // table header rows repeated on continuation pages
};

// Appends the lines of one paragraph, indented by `indent`, with widow and orphan control; the
// first line gets `space_before`, the items of `first_extra` (anchors, list markers). Returns the
// group id given to the lines.
int add_paragraph_lines(Flow& flow, std::vector<SetLine> lines, double indent, double space_before,
    std::vector<Item> first_extra = {});

} // namespace brief::layout
