#pragma once
// Paragraph breaking parameters (Knuth and Plass, as in TeX), each declared once in
// line_breaking_parameters() with its key, type, default, range and meaning. The theme reader,
// the defaults of LineBreaking and the line breaker all take them from there.

#include <variant>
#include <vector>

namespace brief::theme {

// The values of the parameters for one theme; a default-constructed one holds every declared
// default.
struct LineBreaking {
  double tolerance = 0;               // TeX's \tolerance: the largest badness of a line in the second pass
  double pretolerance = 0;            // TeX's \pretolerance: the first pass, without hyphenation; < 0 skips it
  double line_penalty = 0;            // TeX's \linepenalty
  double hyphen_penalty = 0;          // TeX's \hyphenpenalty and \exhyphenpenalty
  double double_hyphen_demerits = 0;  // TeX's \doublehyphendemerits
  double final_hyphen_demerits = 0;   // TeX's \finalhyphendemerits
  double fitness_demerits = 0;        // TeX's \adjdemerits
  int looseness = 0;                  // TeX's \looseness
  int max_consecutive_hyphens = 0;    // 0: no limit
  int min_word_fragment = 0;          // TeX's \lefthyphenmin and \righthyphenmin
  bool hyphenate = false;
  LineBreaking();
};

// One parameter: the template key under `line_breaking:`, the member it sets, its default and
// accepted range (integers and numbers), and what it does.
struct LineBreakingParameter {
  const char* key;
  std::variant<double LineBreaking::*, int LineBreaking::*, bool LineBreaking::*> member;
  double fallback;  // the default (0 or 1 for a flag)
  double min, max;
  const char* help;
};

// Every line-breaking parameter, in the order base.yaml lists them.
const std::vector<LineBreakingParameter>& line_breaking_parameters();

} // namespace brief::theme
