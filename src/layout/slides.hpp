#pragma once
// Slides: the composed document as a 16:9 deck, in three steps, one file each.
//   plan    (slides_plan.cpp)    blocks -> sections of slide units: bullets (short form of a
//                                paragraph, list item or summary sentence, shortened at a sentence or
//                                clause boundary), quotes, key figures, source entries; each unit
//                                keeps its full text for the handout
//   fit     (slides_fit.cpp)     units -> slides: at most slide_max_bullets per slide, the body size
//                                shrunk step by step down to the minimum, the rest continued on a
//                                "<section> (cont.)" slide
//   render  (slides_render.cpp)  a slide -> a page of items: banner, title with accent bar, body,
//                                footer with the sources cited on the slide and the slide number
// handout.cpp puts each rendered slide, scaled, on the upper half of an A4 page with its full text
// below.

#include "layout/paged.hpp"
#include "layout/paragraph.hpp"
#include "model/document.hpp"
#include "theme/theme.hpp"

#include <string>
#include <vector>

namespace brief::layout {

// Body text on a slide is never set smaller than this, whatever the theme says (pt).
constexpr double k_slide_min_body_size = 18;

enum class UnitKind { bullet, quote, figure, source };

// One thing a slide shows.
struct SlideUnit {
  UnitKind kind = UnitKind::bullet;
  std::string marker;           // "1." for numbered bullets, "[3]" for source entries; "" = a dot
  model::Inlines shown;         // as on the slide: shortened, citation marks kept
  model::Inlines full;          // the full text, for the handout
  model::Inlines attribution;   // quotes: who said it
  std::string value;            // figures: the number, set large
  std::string anchor;           // source entries: the citation anchor ("source-3")
  bool shortened = false;
};

// A level-1 section of the document and what its slides show, in order.
struct DeckSection {
  std::string title;
  std::string anchor;  // the heading's anchor: the section's first slide carries it
  std::vector<SlideUnit> units;
};

// Blocks -> sections. A document with citations but no bibliography gets a "Sources" section.
std::vector<DeckSection> plan_deck(const model::Document& document, const theme::Theme& theme);

// A text shortened for a slide.
struct ShortText {
  model::Inlines inlines;
  bool shortened = false;
};

// Words of text in `inlines` (citation marks do not count).
int count_words(const model::Inlines& inlines);

// Keeps at most `max_words` words: cut at the last sentence end that leaves enough words, else at
// the last clause boundary (, ; : or a dash), else after the last whole word, never leaving a
// bracket or quotation open when that can be helped; the cut text ends
// with "…". Citation marks in the kept part stay where they are; the others follow the "…", so a
// shortened bullet still names all its sources.
ShortText shorten(const model::Inlines& inlines, int max_words);

enum class SlideKind { title, agenda, bullets, quote, figures, sources };
const char* to_string(SlideKind kind);

struct Slide {
  SlideKind kind = SlideKind::bullets;
  std::string title;
  std::string anchor;              // the section anchor, on a section's first slide
  std::vector<SlideUnit> units;    // agenda entries are units with the section anchor
  double body_size = 0;            // the size fitting chose (bullets, quotes, sources, agenda)
  bool overfull = false;           // did not fit even at the smallest size
};

// Where things go on a slide (PDF coordinates, origin bottom-left).
struct SlideFrame {
  double width = 0, height = 0;
  double left = 0, right = 0;      // content edges
  double title_top = 0;            // top of the title block
  double body_bottom = 0;          // lowest point of body text
  double footer_rule = 0;          // y of the rule above the footer
  double footer_baseline = 0;
  double banner_top = 0, banner_bottom = 0;  // banner baselines
  double measure() const { return right - left; }
};

SlideFrame slide_frame(const theme::Theme& theme);

// The body text of a slide set at one size: per unit, its lines and marker.
struct SetUnit {
  std::vector<SetLine> lines;
  SetLine marker;
  std::vector<SetLine> attribution;  // quotes
  double height = 0;                 // of lines (and attribution)
};

struct SetBody {
  std::vector<SetUnit> units;
  double marker_width = 0;  // the widest marker
  double indent = 0;  // text indent after the markers
  double gap = 0;     // between units
  double height = 0;  // all units and the gaps between them
};

// Layout's view of the slide being fitted or drawn: the styles and the frame.
struct SlideContext {
  ParagraphContext& paragraphs;
  const theme::Theme& theme;
  SlideFrame frame;
  double min_size = k_slide_min_body_size;  // smallest body size
  std::vector<StructNode>* structure = nullptr;  // the deck's structure tree (layout/structure.hpp)
};

// The title lines of a slide and the y where its body may start.
struct SetTitle {
  std::vector<SetLine> lines;
  double body_top = 0;
  double bar_y = 0;  // the accent bar below the title
};
SetTitle set_title(const std::string& title, SlideContext& context);

// Key figures are not bullets: a slide shows up to this many, in rows of up to three.
constexpr size_t k_slide_max_figures = 6;
constexpr size_t k_slide_figure_columns = 3;

// Gap between the two columns of the agenda, pt.
constexpr double k_slide_column_gap = 36;

// Columns a slide's units are set in: the agenda takes two when it has more entries than a slide
// has bullets.
int slide_columns(const Slide& slide, const theme::Theme& theme);

// Sets the units of a bullets, quote or sources slide at body size `size`.
SetBody set_body(const Slide& slide, double size, double width, SlideContext& context);

// Sections -> slides: title slide, agenda, the sections' slides.
std::vector<Slide> fit_deck(const model::Document& document, const std::vector<DeckSection>& sections,
    SlideContext& context);

// Draws a slide on a page of the deck's size; `number` is its 1-based place in the deck.
Page render_slide(const Slide& slide, int number, const model::Document& document, SlideContext& context);

// Citation indexes marked in `inlines`, in order of first mark.
std::vector<int> cited_in(const model::Inlines& inlines);

// Slides -> A4 pages: each slide scaled on the upper half, its full text below.
std::vector<Page> lay_out_handout(const std::vector<Slide>& slides, const std::vector<Page>& rendered,
    const model::Document& document, SlideContext& context);

} // namespace brief::layout
