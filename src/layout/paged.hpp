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

// Structure tags: every drawn item says which node of PagedDocument::structure its content
// belongs to (tagged PDF), or that it is an artifact (page furniture: banners, running heads,
// footers, page numbers, rules). Items left untagged are artifacts if they are rules, rectangles
// or images, and get a paragraph of their own if they are text (never hidden from a reader).
constexpr int k_untagged = -1;
constexpr int k_artifact = -2;

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
  int tag = k_untagged;
  bool break_hyphen = false;  // the last code point is a hyphen added by line breaking
};

struct Line {  // a stroked line
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double width = 0.5;
  Rgb color;
  int tag = k_untagged;
};

struct Rect {  // a filled rectangle
  double x = 0, y = 0, width = 0, height = 0;
  Rgb color;
  int tag = k_untagged;
};

struct Image {
  std::string key;  // into PagedDocument::images
  double x = 0, y = 0, width = 0, height = 0;
  int tag = k_untagged;
};

// A clickable area: to an anchor in the document, or to a URI ("uri:https://...").
struct Link {
  double x = 0, y = 0, width = 0, height = 0;
  std::string target;
  int tag = k_untagged;  // a Link node; untagged links get one of their own
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
  std::string language = "en";  // BCP 47, the document's /Lang
};

// Standard structure types of tagged PDF (ISO 32000-1, 14.8.4) that layout emits.
enum class Role {
  document, part, h1, h2, h3, p, l, li, table, tr, th, td, block_quote, note, link, figure, caption,
  toc, toci
};

// One structure element. Its children are the nodes naming it as parent plus its marked content,
// in the order their content is drawn (pages in order, items in order): layout emits items in
// reading order.
struct StructNode {
  Role role = Role::p;
  int parent = -1;       // -1 only for the root (index 0, Role::document)
  std::string alt;       // Figure: the alternate description
  std::string lang;      // "" = the document's language
  std::string scope;     // TH: "Column" or "Row"
};

struct PagedDocument {
  std::vector<Page> pages;
  std::vector<OutlineEntry> outline;
  std::vector<PageLabelRange> labels;
  std::vector<ImageData> images;
  DocumentInfo info;
  // The structure tree: node 0 is the Document; items refer to nodes by index (tag).
  std::vector<StructNode> structure;
};

} // namespace brief::layout
