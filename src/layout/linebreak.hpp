#pragma once
// Line breaking: a paragraph as a list of boxes, glue and penalties (Knuth and Plass, "Breaking
// paragraphs into lines", 1981) -> the positions where lines end, with the facts a trace checks.
//
// Knows nothing of fonts or text: paragraph.cpp turns inlines into items and sets the lines.
// Two paths: total-fit (Breaking::optimal) in up to three passes (lines of badness up to
// pretolerance without hyphenation, up to tolerance with hyphenation, then an emergency pass that
// accepts any line that is not overfull; badness is TeX's, 100 |ratio|^3),
// and first-fit (Breaking::greedy), kept for comparison.

#include "layout/layout.hpp"
#include "theme/line_breaking.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace brief::layout {

// A penalty at or above this forbids the break; at or below its negation forces one.
constexpr double k_infinite_penalty = 10000;

enum class ItemKind : uint8_t { box, glue, penalty };

// One element of a paragraph to break. Widths are in pt.
struct BreakItem {
  ItemKind kind = ItemKind::box;
  bool flagged = false;      // penalty: a hyphen break (two in a row cost extra)
  bool hyphenation = false;  // penalty: a discretionary hyphen, used from the second pass on
  bool emergency = false;    // penalty: inside a word wider than the measure
  bool fill = false;         // glue: infinitely stretchable (the end of a paragraph)
  double width = 0;          // box or glue width; penalty: the width added if broken here (hyphen)
  double stretch = 0;        // glue
  double shrink = 0;         // glue
  double penalty = 0;        // penalty

  static BreakItem box(double width);
  static BreakItem glue(double width, double stretch, double shrink);
  static BreakItem fill_glue();
  static BreakItem make_penalty(double width, double penalty, bool flagged = false);
  static BreakItem forced_break();
};

// TeX's fitness classes, tightest first; adjacent lines more than one class apart cost extra.
enum class Fitness : uint8_t { tight, decent, loose, very_loose };
const char* to_string(Fitness fitness);

// The parameters of one paragraph: the theme's line-breaking parameters (declared once, in
// theme/line_breaking.hpp), the measure and the mode.
struct BreakParams : theme::LineBreaking {
  double line_width = 0;
  Breaking mode = Breaking::optimal;
};

// Which pass found the breaks.
enum class BreakPass : uint8_t { first, second, emergency, greedy };

struct LineBreak {
  size_t position = 0;  // index of the item the line ends at (glue or penalty; the last item at the end)
  size_t start = 0;     // index of the first item of the line (after discarded glue and penalties)
  double ratio = 0;     // adjustment ratio: > 0 stretched, < 0 shrunk; 0 for natural width
  Fitness fitness = Fitness::decent;
  bool hyphenated = false;  // ends at a flagged penalty
  bool emergency = false;   // ends inside a word too wide for the measure
  bool overfull = false;    // wider than the measure (only when no item sequence could fit)
  bool infinite = false;    // could not stretch to the measure at all (no stretchable glue)
};

struct BreakResult {
  std::vector<LineBreak> lines;
  BreakPass pass = BreakPass::first;
  double demerits = 0;
};

// Breaks `items` into lines. The last item must be a forced break (penalty <= -k_infinite_penalty);
// items after a forced break start a new line. Never fails: the emergency pass accepts loose lines,
// and if even that finds nothing the line is allowed to be overfull (and says so).
BreakResult break_lines(const std::vector<BreakItem>& items, const BreakParams& params);

} // namespace brief::layout
