#include "theme/line_breaking.hpp"

namespace brief::theme {

const std::vector<LineBreakingParameter>& line_breaking_parameters() {
  // Defaults are plain TeX's (The TeXbook, appendix B), except where said.
  static const std::vector<LineBreakingParameter> table{
      {"tolerance", &LineBreaking::tolerance, 200, 0, 10000,
          "largest badness of a line in the second pass (100 |ratio|^3; 200 lets spaces stretch to 1.26x their "
          "stretch, TeX's default)"},
      {"pretolerance", &LineBreaking::pretolerance, 100, -1, 10000,
          "largest badness in the first pass, tried without hyphenation; -1 skips it (TeX's default 100)"},
      {"line_penalty", &LineBreaking::line_penalty, 10, 0, 10000, "added to every line's badness: prefers fewer lines"},
      {"hyphen_penalty", &LineBreaking::hyphen_penalty, 50, 0, 10000,
          "for breaking at a hyphenation point or after an explicit hyphen"},
      {"double_hyphen_demerits", &LineBreaking::double_hyphen_demerits, 10000, 0, 1e6,
          "two hyphenated lines in a row (TeX's default 10000)"},
      {"final_hyphen_demerits", &LineBreaking::final_hyphen_demerits, 5000, 0, 1e6,
          "a hyphen on the second-to-last line"},
      {"fitness_demerits", &LineBreaking::fitness_demerits, 10000, 0, 1e6,
          "a line next to one more than one fitness class apart (TeX's \\adjdemerits)"},
      {"looseness", &LineBreaking::looseness, 0, -5, 5, "try for this many more (or fewer) lines than optimal"},
      {"max_consecutive_hyphens", &LineBreaking::max_consecutive_hyphens, 2, 0, 20,
          "most hyphenated lines in a row; 0 = no limit"},
      {"min_word_fragment", &LineBreaking::min_word_fragment, 3, 1, 10,
          "letters kept on each side of a hyphen"},
      {"hyphenate", &LineBreaking::hyphenate, 1, 0, 1, "hyphenate words at all"},
  };
  return table;
}

LineBreaking::LineBreaking() {
  for (const LineBreakingParameter& p : line_breaking_parameters()) {
    std::visit(
        [&](auto member) {
          using T = std::remove_reference_t<decltype(this->*member)>;
          this->*member = static_cast<T>(p.fallback);
        },
        p.member);
  }
}

} // namespace brief::theme
