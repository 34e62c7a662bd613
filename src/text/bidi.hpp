#pragma once
// Internal to text/: bidi reordering (ICU ubidi) and Arabic presentation forms (ICU u_shapeArabic).

#include <cstddef>
#include <string>
#include <vector>

namespace brief::text::detail {

// A run of one direction over code points [begin, end) of the logical text.
struct BidiRun {
  size_t begin = 0, end = 0;
  bool rtl = false;
};

// The directional runs of `text` (code points, logical order) in visual order, for a
// left-to-right paragraph (or a right-to-left one). In a left-to-right paragraph, text without
// right-to-left characters is one run.
std::vector<BidiRun> visual_runs(const std::u32string& text, bool rtl_paragraph = false);

// Arabic letters of a right-to-left run (logical order) replaced by their contextual
// presentation forms, one output per input: a lam-alef ligature takes the lam's place and the
// alef's place becomes 0 (to be dropped). Other characters are returned unchanged.
std::u32string to_presentation_forms(const std::u32string& logical);

// True for code points of the Arabic blocks (letters and presentation forms).
bool is_arabic(char32_t cp);

} // namespace brief::text::detail
