#include "compose/citations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

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

namespace {

// A parenthesised part of a publisher stands for it only when it is an acronym such as "(ITIC)"
// (one word, no lower-case letters); "IANS (via MENAFN)" is IANS, not "via MENAFN".
std::string publisher_name(const std::string& p) {
  const auto open = p.rfind('(');
  if (open != std::string::npos && p.back() == ')' && p.size() - open > 2) {
    const std::string inner = p.substr(open + 1, p.size() - open - 2);
    const bool acronym = std::none_of(inner.begin(), inner.end(), [](char c) { return c == ' ' || (c >= 'a' && c <= 'z'); });
    if (acronym) return inner;
    std::string before = p.substr(0, open);
    while (!before.empty() && before.back() == ' ') before.pop_back();
    if (!before.empty()) return before.substr(0, before.find(','));
  }
  return p.substr(0, p.find(','));
}

// The name part of a short form: publisher, else the authors' surnames, else the title.
std::string short_name(const corpus::DocumentMeta& meta) {
  std::string name;
  if (!meta.publisher.empty()) {
    name = publisher_name(meta.publisher);
  } else {
    for (size_t i = 0; i < meta.authors.size(); ++i) {
      if (i > 0) name += i + 1 == meta.authors.size() ? " and " : ", ";
      const std::string& author = meta.authors[i];
      const auto space = author.rfind(' ');
      name += space == std::string::npos ? author : author.substr(space + 1);
    }
  }
  return name.empty() ? meta.title : name;
}

// Most words of a title added to tell apart sources with one short form; beyond this a footer
// entry stops being short (the full reference is on the sources slide).
constexpr size_t k_max_title_words = 6;

std::string first_words(const std::string& title, size_t count) {
  size_t at = 0;
  for (size_t word = 0; word < count; ++word) {
    at = title.find(' ', at + 1);
    if (at == std::string::npos) return title;
  }
  return title.substr(0, at) + "\u2026";
}

} // namespace

std::string short_originator(const corpus::DocumentMeta& meta) { return short_name(meta); }

std::string short_form(const corpus::DocumentMeta& meta) {
  std::string name = short_name(meta);
  if (meta.published.known()) name += fmt::format(" {}", meta.published.year);
  return name;
}

void distinguish_short_forms(std::vector<model::Citation>& citations, const corpus::Corpus& corpus) {
  static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
      "Oct", "Nov", "Dec"};
  std::map<std::string, std::vector<size_t>> by_form;
  for (size_t i = 0; i < citations.size(); ++i)
    if (!citations[i].short_form.empty()) by_form[citations[i].short_form].push_back(i);
  for (const auto& [form, indexes] : by_form) {
    if (indexes.size() < 2) continue;
    std::vector<const corpus::DocumentMeta*> metas;
    for (size_t i : indexes) {
      const auto* document = corpus.find_document(citations[i].document_id);
      metas.push_back(document ? &document->meta : nullptr);
    }
    if (std::find(metas.begin(), metas.end(), nullptr) != metas.end()) continue;
    // The month first, when every one has a month and no two share it.
    std::set<std::pair<int, int>> months;
    bool all_months = true;
    for (const auto* meta : metas) {
      all_months = all_months && meta->published.month >= 1 && meta->published.month <= 12;
      months.insert({meta->published.year, meta->published.month});
    }
    if (all_months && months.size() == metas.size()) {
      for (size_t k = 0; k < indexes.size(); ++k)
        citations[indexes[k]].short_form = fmt::format("{} {} {}", short_name(*metas[k]),
            k_months[metas[k]->published.month - 1], metas[k]->published.year);
      continue;
    }
    // Else the fewest first words of the titles that tell them apart.
    for (size_t words = 1; words <= k_max_title_words; ++words) {
      std::set<std::string> seen;
      for (const auto* meta : metas) seen.insert(first_words(meta->title, words));
      if (seen.size() == metas.size() || words == k_max_title_words) {
        for (size_t k = 0; k < indexes.size(); ++k)
          citations[indexes[k]].short_form =
              fmt::format("{}, \u201C{}\u201D", form, first_words(metas[k]->title, words));
        break;
      }
    }
  }
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
