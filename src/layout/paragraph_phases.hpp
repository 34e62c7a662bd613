#pragma once
// The phases of setting a paragraph, one file each (internal to layout/):
//   collect   (paragraph_collect.cpp):  inlines -> segments: words and spaces with their run style
//   prepare   (paragraph_prepare.cpp):  segments -> shaped pieces and break items (glue, hyphenation
//                                       points, breaks after hyphens, emergency cuts)
//   linebreak (linebreak.cpp):          break items -> the positions where lines end
//   finalize  (paragraph_finalize.cpp): pieces and breaks -> set lines with placed glyph runs
// paragraph.cpp runs them in turn.

#include "layout/paragraph.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace brief::layout::detail {

// How one stretch of text is set.
struct RunStyle {
  text::FaceId face = 0;
  double size = 0;
  double rise = 0;
  Rgb color;
  std::string link;
  int citation = -1;
  bool breakable = true;  // hyphenation and breaks after hyphens allowed
  double ascent = 0, descent = 0;
};

// A word (text without space) or a space between two words.
struct Segment {
  bool space = false;
  bool tie = false;  // a space that binds its words: no line break there
  std::string text;  // the word; empty for a space
  RunStyle style;    // the word's style; unused for a space
};

// Collect: a paragraph's inlines as words and the spaces between them (never a leading or
// trailing space, never two spaces in a row). A no-break space is a space like any other except
// where it binds (see binds() in paragraph_collect.cpp); an ordinary space binds in the few places
// TeX sets a tie. Citation marks take their number and superscript setting from the context.
std::vector<Segment> collect(const model::Inlines& inlines, const ResolvedStyle& base,
    const ParagraphContext& context);

// A shaped stretch of text placed as one box: a word, a fragment of one, a hyphen or a mark.
struct Piece {
  std::vector<text::ShapedRun> runs;  // visual order
  std::shared_ptr<const std::string> source;  // the text that was shaped (clusters index it)
  uint32_t begin = 0, end = 0;                // the bytes of `source` this piece shows
  double width = 0;
  double rise = 0;
  Rgb color;
  std::string link;
  int citation = -1;
  bool rtl = false;
  double ascent = 0, descent = 0;
};

// A paragraph ready to break: the items and, for each, the piece it shows (-1 for none).
struct Prepared {
  std::vector<BreakItem> items;
  std::vector<int> payload;
  std::vector<Piece> pieces;
  // A right-to-left paragraph (text::mostly_right_to_left over its words, citation marks aside):
  // its lines read from the right (they are still placed from the left edge).
  bool rtl = false;
};

// Prepare: shapes the segments and turns them into break items, closed by the final fill and a
// forced break. Empty segments give no items.
Prepared prepare(const std::vector<Segment>& segments, const ParagraphInput& input,
    const ResolvedStyle& base, ParagraphContext& context);

// Finalize: sets each line of `result` from the prepared pieces.
std::vector<SetLine> finalize(const Prepared& prepared, const BreakResult& result,
    const ParagraphInput& input, const ResolvedStyle& base);

} // namespace brief::layout::detail
