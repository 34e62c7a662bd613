#pragma once
// layout: model::Document + Theme + fonts -> PagedDocument.
//
// Paragraphs are broken into lines by total-fit optimisation (Knuth-Plass) with hyphenation;
// blocks are paginated with widow/orphan control and keep-with-next for headings; citations in
// footnote style go to the foot of the page that cites them. Layout runs again until page
// references (table of contents, page X of Y) stop changing. run_slides() lays the same document
// out as a 16:9 deck.

#include "base/outcome.hpp"
#include "layout/paged.hpp"
#include "model/document.hpp"
#include "text/font.hpp"
#include "theme/theme.hpp"

#include <optional>
#include <string>

namespace brief::layout {

enum class Breaking { optimal, greedy };

// A logo the caller has decoded (PagedDocument::images holds it under `key`); layout only needs
// its proportions to place it.
struct Logo {
  std::string key = "logo";
  double aspect = 1;  // width / height
  std::string alt = {};  // its alternate description for tagged PDF (the template's `logo_alt`)
};

struct Options {
  Breaking breaking = Breaking::optimal;  // greedy is kept for comparison benchmarks
  std::optional<Logo> logo;               // set above the title block on the first page
};

Outcome<PagedDocument> run(const model::Document& document, const theme::Theme& theme,
    text::FontLibrary& fonts, const Options& options = {});

// A slide deck (format "slides"), or the handout variant with each slide on the upper half of an
// A4 page and the full cited text below (handout = true).
Outcome<PagedDocument> run_slides(const model::Document& document, const theme::Theme& theme,
    text::FontLibrary& fonts, bool handout = false);

// A plain-text trace of the pages: one line per page, line, glyph run (positions rounded to
// 0.01 pt), rule, link and anchor, with line notes (ratio, fitness, hyphen); an item not
// wholly on its page ends with "[outside page]". Slides add a note per slide (kind, body size),
// per body line and per footer (the sources it lists). Golden tests compare it; `brief build
// --trace` writes it next to the PDF.
std::string trace(const PagedDocument& document, const text::FontLibrary& fonts);

} // namespace brief::layout
