#pragma once
// Paragraphs: inlines -> set lines. Words are shaped with the element's style (bold and italic
// faces per inline), joined by glue from the face's space (stretch 1/2, shrink 1/3 as in TeX),
// with hyphenation points from text::Hyphenator and breaks after explicit hyphens as flagged
// penalties; the line breaker chooses the breaks and each line is set by placing every word at its
// computed x (justified text spreads the glue; PDF word spacing is never used).

#include "layout/linebreak.hpp"
#include "layout/paged.hpp"
#include "layout/styles.hpp"
#include "model/document.hpp"

#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace brief::layout {

// What the trace reports about a line.
struct LineFacts {
  double ratio = 0;
  Fitness fitness = Fitness::decent;
  bool hyphenated = false;
  bool emergency = false;
  bool overfull = false;
  bool justified = false;
  bool last = false;  // the last line of a justified paragraph, set at natural width
  BreakPass pass = BreakPass::first;
};

// One line, set: items are placed with x from the line's left edge and y from its baseline.
struct SetLine {
  double width = 0;     // from the left edge to the end of the last glyph, pt
  double height = 0;    // line box height (leading)
  double baseline = 0;  // from the top of the line box down to the baseline
  std::vector<Item> items;
  std::vector<int> citations;  // Document::citations indexes marked on this line, in order
  LineFacts facts;
};

// Shaped words and hyphenation points by face, size and text: briefs repeat most of their words,
// and the settle loop sets every paragraph again.
struct WordCache {
  std::unordered_map<std::string, std::vector<text::ShapedRun>> shaped;
  std::unordered_map<std::string, std::vector<size_t>> hyphenation;
};

// Shared by all paragraphs of one layout run.
struct ParagraphContext {
  StyleBook& styles;
  const text::Hyphenator* hyphenator = nullptr;  // null: no hyphenation
  theme::CitationStyle citations = theme::CitationStyle::brackets;
  std::map<int, int> footnote_numbers;  // citation index -> footnote number (footnote style)
  Breaking breaking = Breaking::optimal;
  WordCache cache = {};
};

struct ParagraphInput {
  const model::Inlines* inlines = nullptr;
  std::string style = "body";
  double width = 0;  // the measure, pt
  theme::Alignment alignment = theme::Alignment::justified;
  bool hyphenate = true;
};

// Breaks and sets a paragraph. An empty paragraph gives no lines.
std::vector<SetLine> set_paragraph(const ParagraphInput& input, ParagraphContext& context);

// Sets `inlines` ragged right without hyphenation (slides, handouts: short texts read best so).
std::vector<SetLine> set_lines(const model::Inlines& inlines, const std::string& style, double width,
    ParagraphContext& context);

// The total height of set lines, pt.
double lines_height(const std::vector<SetLine>& lines);

// A single line of plain text in `style`, at its natural width (headers, footers, TOC entries).
SetLine set_text_line(const std::string& text, const std::string& style, ParagraphContext& context,
    bool bold = false);

// Moves every item of `line` by (dx, dy) and appends them to `out`.
void place_items(const std::vector<Item>& items, double dx, double dy, std::vector<Item>& out);

} // namespace brief::layout
