#include "analyze/similarity.hpp"

#include "analyze/terms.hpp"

#include <algorithm>
#include <cmath>

namespace brief::analyze {

double cosine(const TermVector& a, const TermVector& b) {
  if (a.norm == 0 || b.norm == 0) return 0;
  double dot = 0;
  auto i = a.entries.begin();
  auto j = b.entries.begin();
  while (i != a.entries.end() && j != b.entries.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      dot += i->second * j->second;
      ++i;
      ++j;
    }
  }
  return dot / (a.norm * b.norm);
}

void TermStatistics::add_document(const std::vector<std::string>& terms) {
  std::vector<std::string> distinct = terms;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  for (const std::string& term : distinct) ++m_frequency[term];
  ++m_documents;
}

size_t TermStatistics::frequency(const std::string& term) const {
  auto found = m_frequency.find(term);
  return found == m_frequency.end() ? 0 : found->second;
}

SentenceSpace::SentenceSpace(const std::vector<std::string>& texts, TermMaker& terms,
    const TermStatistics* background) {
  std::vector<std::vector<std::string>> lists;
  lists.reserve(texts.size());
  for (const std::string& text : texts) lists.push_back(terms.terms(text));
  build(lists, background);
}

SentenceSpace::SentenceSpace(const std::vector<std::vector<std::string>>& term_lists,
    const TermStatistics* background) {
  build(term_lists, background);
}

void SentenceSpace::build(const std::vector<std::vector<std::string>>& term_lists,
    const TermStatistics* background) {
  std::vector<std::vector<uint32_t>> bags;
  bags.reserve(term_lists.size());
  for (const auto& list : term_lists) {
    std::vector<uint32_t> ids;
    ids.reserve(list.size());
    for (const std::string& term : list) {
      auto [it, added] = m_ids.emplace(term, static_cast<uint32_t>(m_ids.size()));
      ids.push_back(it->second);
    }
    bags.push_back(std::move(ids));
  }
  std::vector<uint32_t> document_frequency(m_ids.size(), 0);
  for (const auto& bag : bags) {
    std::vector<uint32_t> unique = bag;
    std::sort(unique.begin(), unique.end());
    unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
    for (uint32_t id : unique) ++document_frequency[id];
  }
  // Smoothed IDF, never zero, so a term every sentence shares still counts a little (pools of
  // two or three sentences would otherwise have no similarity at all).
  double n = static_cast<double>(bags.size());
  m_idf.resize(m_ids.size());
  for (const auto& [term, id] : m_ids) {
    if (background != nullptr && background->documents() > 0) {
      double documents = static_cast<double>(background->documents());
      m_idf[id] = std::log((documents + 1) / (static_cast<double>(background->frequency(term)) + 0.5));
    } else {
      m_idf[id] = std::log((n + 1) / (document_frequency[id] + 0.5));
    }
  }
  for (const auto& bag : bags) {
    m_vectors.push_back(weigh(bag));
    m_term_counts.push_back(bag.size());
  }
}

TermVector SentenceSpace::weigh(const std::vector<uint32_t>& ids) const {
  std::vector<uint32_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  TermVector vector;
  double squares = 0;
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    // Raw term frequency: sentences are short and a repeated word is a real signal.
    double weight = static_cast<double>(j - i) * m_idf[sorted[i]];
    vector.entries.emplace_back(sorted[i], weight);
    squares += weight * weight;
    i = j;
  }
  vector.norm = std::sqrt(squares);
  return vector;
}

TermVector SentenceSpace::project(const std::vector<std::string>& terms) const {
  std::vector<uint32_t> ids;
  for (const std::string& term : terms) {
    auto found = m_ids.find(term);
    if (found != m_ids.end()) ids.push_back(found->second);
  }
  return weigh(ids);
}

std::vector<double> SentenceSpace::matrix() const {
  size_t n = m_vectors.size();
  std::vector<double> out(n * n, 0);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      double s = similarity(a, b);
      out[a * n + b] = s;
      out[b * n + a] = s;
    }
  }
  return out;
}

} // namespace brief::analyze
