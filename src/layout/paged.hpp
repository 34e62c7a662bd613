#pragma once
// PagedDocument: what layout/ gives and pdf/ writes. Pages of positioned items, in PDF points
// with the origin at the bottom-left of the page (as in PDF). pdf/ sees nothing else.

#include "text/font.hpp"

#include <string>
#include <variant>
#include <vector>

namespace brief::layout {

struct Rgb {
  double r = 0, g = 0, b = 0;
};

// Code points drawn in one face at one size, starting at the baseline origin (x, y). Successive
// glyphs advance by their nominal widths; a kerning adjustment starts a new run.
struct GlyphRun {
  text::FaceId face = 0;
  double size = 0;
  double x = 0, y = 0;
  std::u32string codepoints;  // in visual order, as written to the PDF
  std::string text;           // logical text of the run (UTF-8), for the trace and ToUnicode
  Rgb color;
  double width = 0;  // pt, for traces and checks
};

struct Line {  // a stroked line
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Rgb color;
};

struct Rect {  // a filled rectangle
  double x = 0, y = 0, width = 0, height = 0;
  Rgb color;
};

struct Image {
  std::string key;  // into PagedDocument::images
  double x = 0, y = 0, width = 0, height = 0;
};

// A clickable area: to an anchor in the document, or to a URI ("uri:https://...").
struct Link {
  double x = 0, y = 0, width = 0, height = 0;
  std::string target;
};

// A named destination (citations and the TOC link to anchors).
struct Anchor {
  std::string name;
  double x = 0, y = 0;
};

using Item = std::variant<GlyphRun, Line, Rect, Image, Link, Anchor>;

struct Page {
  double width = 0, height = 0;
  std::string label;  // printed page label ("i", "3")
  std::vector<Item> items;
  // Per-line facts for the trace and quality checks: see trace() in layout/layout.hpp.
  std::vector<std::string> notes;
  // notes[i] is traced just before items[note_items[i]] (== items.size(): after the last item).
  // May be shorter than notes; the remaining notes are traced after the items.
  std::vector<size_t> note_items;
};

struct OutlineEntry {
  std::string title;
  int level = 1;
  std::string anchor;
};

// Page label ranges: pages from `first_page` (0-based) on are numbered in `style`.
struct PageLabelRange {
  size_t first_page = 0;
  enum class Style { decimal, roman } style = Style::decimal;
  int first_number = 1;
};

// Decoded images, keyed; pixel data is 8-bit RGB (+ optional alpha) or a validated JPEG.
struct ImageData {
  std::string key;
  int width = 0, height = 0;
  std::string rgb;    // width*height*3 bytes, or empty for JPEG
  std::string alpha;  // width*height bytes, optional
  std::string jpeg;   // validated JPEG bytes, passed through
};

struct DocumentInfo {
  std::string title, author, subject, keywords, creator;
  std::string date;  // "YYYY-MM-DD" from the spec, never the clock
};

struct PagedDocument {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<PageLabelRange> labels;
  std::vector<ImageData> images;
  DocumentInfo info;
};

} // namespace brief::layout
