#pragma once
// Footnote-style citations: each cited source gets a number in order of first citation in the
// document; its note (Citation::note) is set at the foot of every page that cites it, below a
// short rule, and split onto the next page when it does not fit.

#include "layout/paragraph.hpp"
#include "model/document.hpp"

#include <map>
#include <vector>

namespace brief::layout {

// Space above the footnote rule and between it and the first note, pt.
constexpr double k_footnote_gap = 8;
// Length of the footnote rule as a fraction of the measure.
constexpr double k_footnote_rule_fraction = 0.3;

// Citation index -> footnote number, in order of first citation.
std::map<int, int> number_footnotes(const model::Document& document);

class Footnotes {
public:
  Footnotes(ParagraphContext& context, const model::Document& document, double width);

  // Notes are tagged as Note elements of `structure` (may be null: untagged).
  void set_structure(std::vector<StructNode>* structure) { m_structure = structure; }

  // The set lines of the note for `citation` (cached).
  const std::vector<SetLine>& lines(int citation);
  double rule_length() const { return m_width * k_footnote_rule_fraction; }

private:
  ParagraphContext& m_context;
  const model::Document& m_document;
  double m_width;
  std::map<int, std::vector<SetLine>> m_lines;
  std::vector<StructNode>* m_structure = nullptr;
};

} // namespace brief::layout
