#include "compose/citations.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::compose {

std::string originator(const corpus::DocumentMeta& meta) {
  std::string out;
  for (size_t i = 0; i < meta.authors.size(); ++i) {
    if (i > 0) out += i + 1 == meta.authors.size() ? " and " : ", ";
    out += meta.authors[i];
  }
  if (!meta.publisher.empty()) {
    if (!out.empty()) out += ", ";
    out += meta.publisher;
  }
  return out.empty() ? meta.title : out;
}

std::string short_form(const corpus::DocumentMeta& meta) {
  std::string name;
  if (!meta.publisher.empty()) {
    const std::string& p = meta.publisher;
    const auto open = p.rfind('(');
    if (open != std::string::npos && !p.empty() && p.back() == ')' && p.size() - open > 2)
      name = p.substr(open + 1, p.size() - open - 2);
    else
      name = p.substr(0, p.find(','));
  } else {
    for (size_t i = 0; i < meta.authors.size(); ++i) {
      if (i > 0) name += i + 1 == meta.authors.size() ? " and " : ", ";
      const std::string& author = meta.authors[i];
      const auto space = author.rfind(' ');
      name += space == std::string::npos ? author : author.substr(space + 1);
    }
  }
  if (name.empty()) name = meta.title;
  if (meta.published.known()) name += fmt::format(" {}", meta.published.year);
  return name;
}

CitationRegistry::CitationRegistry(const corpus::Corpus& corpus, const theme::Theme& theme)
    : m_corpus(corpus), m_theme(theme) {}

int CitationRegistry::number_for(const analyze::SourceRef& source) {
  auto [it, inserted] = m_index_of_document.try_emplace(source.document_id, static_cast<int>(m_citations.size()));
  if (inserted) {
    model::Citation citation;
    citation.number = static_cast<int>(m_citations.size()) + 1;
    citation.anchor = fmt::format("source-{}", citation.number);
    citation.document_id = source.document_id;
    if (const auto* doc = m_corpus.find_document(source.document_id)) {
      std::string note = fmt::format("{}, \u201C{}\u201D", originator(doc->meta), doc->meta.title);
      if (doc->meta.published.known()) note += fmt::format(", {}", doc->meta.published.display());
      citation.note.push_back(model::text_run(note + "."));
      citation.short_form = short_form(doc->meta);
    }
    m_citations.push_back(std::move(citation));
  }
  auto& citation = m_citations[static_cast<size_t>(it->second)];
  const std::string& id = source.id();
  if (std::find(citation.ids.begin(), citation.ids.end(), id) == citation.ids.end()) citation.ids.push_back(id);
  return it->second;
}

model::Inlines CitationRegistry::marks(const std::vector<analyze::SourceRef>& sources) {
  std::vector<int> indices;
  for (const auto& source : sources) {
    const int index = number_for(source);
    if (std::find(indices.begin(), indices.end(), index) == indices.end()) indices.push_back(index);
  }
  // Ascending numbers read best ("[1][4]"), whatever order the sources were given in.
  std::sort(indices.begin(), indices.end());
  model::Inlines out;
  for (const int index : indices) {
    const auto& citation = m_citations[static_cast<size_t>(index)];
    model::Inline mark;
    mark.kind = model::Inline::Kind::citation;
    mark.citation = index;
    mark.target = citation.anchor;
    mark.text = m_theme.citations == theme::CitationStyle::brackets
        ? fmt::format("[{}]", citation.number)
        : std::to_string(citation.number);
    out.push_back(std::move(mark));
  }
  return out;
}

std::vector<const corpus::Document*> CitationRegistry::documents() const {
  std::vector<const corpus::Document*> out;
  for (const auto& citation : m_citations) out.push_back(m_corpus.find_document(citation.document_id));
  return out;
}

} // namespace brief::compose
