#include "layout/footnotes.hpp"

#include "layout/structure.hpp"

namespace brief::layout {
namespace {

void number_inlines(const model::Inlines& inlines, std::map<int, int>& numbers) {
  for (const model::Inline& in : inlines)
    if (in.kind == model::Inline::Kind::citation && in.citation >= 0 && !numbers.count(in.citation))
      numbers.emplace(in.citation, int(numbers.size()) + 1);
}

} // namespace

std::map<int, int> number_footnotes(const model::Document& document) {
  std::map<int, int> numbers;
  for (const model::Block& block : document.blocks) {
    std::visit(
        [&](const auto& b) {
          using T = std::decay_t<decltype(b)>;
          if constexpr (std::is_same_v<T, model::Paragraph>) {
            number_inlines(b.inlines, numbers);
          } else if constexpr (std::is_same_v<T, model::List>) {
            for (const auto& item : b.items) number_inlines(item.inlines, numbers);
          } else if constexpr (std::is_same_v<T, model::Quote>) {
            number_inlines(b.inlines, numbers);
            number_inlines(b.attribution, numbers);
          } else if constexpr (std::is_same_v<T, model::KeyFigures>) {
            for (const auto& f : b.figures) number_inlines(f.context, numbers);
          } else if constexpr (std::is_same_v<T, model::Table>) {
            for (const auto& cell : b.header) number_inlines(cell, numbers);
            for (const auto& row : b.rows)
              for (const auto& cell : row) number_inlines(cell, numbers);
          }
        },
        block);
  }
  return numbers;
}

Footnotes::Footnotes(ParagraphContext& context, const model::Document& document, double width)
    : m_context(context), m_document(document), m_width(width) {}

const std::vector<SetLine>& Footnotes::lines(int citation) {
  if (auto it = m_lines.find(citation); it != m_lines.end()) return it->second;
  model::Inlines inlines;
  const auto number = m_context.footnote_numbers.find(citation);
  const std::string mark = number != m_context.footnote_numbers.end() ? std::to_string(number->second) : "?";
  inlines.push_back(model::text_run(mark + ". "));
  if (citation >= 0 && size_t(citation) < m_document.citations.size()) {
    const model::Citation& c = m_document.citations[size_t(citation)];
    if (!c.note.empty()) {
      for (model::Inline in : c.note) {
        if (in.kind == model::Inline::Kind::citation) in.kind = model::Inline::Kind::text;
        inlines.push_back(std::move(in));
      }
    } else {
      inlines.push_back(model::text_run(c.document_id.empty() ? "source " + std::to_string(c.number) : c.document_id));
    }
  }
  ParagraphInput input;
  input.inlines = &inlines;
  input.style = "footnote";
  input.width = m_width;
  input.alignment = theme::Alignment::ragged;
  std::vector<SetLine> lines = set_paragraph(input, m_context);
  if (m_structure) {
    const int note = add_node(*m_structure, Role::note, 0);
    for (SetLine& line : lines) tag_items(line.items, note, *m_structure);
  }
  return m_lines.emplace(citation, std::move(lines)).first->second;
}

} // namespace brief::layout
