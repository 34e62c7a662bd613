#pragma once
// Sentence similarity: IDF-weighted term-frequency vectors and their cosine.
//
// A SentenceSpace is built once over a pool of texts (each text is one "document" for IDF) and
// answers cosine similarity between any two of them, or between one of them and an outside text
// such as a section's query.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace brief::analyze {

class TermMaker;

// Sparse vector over term ids, sorted by id, with its Euclidean norm.
struct TermVector {
  std::vector<std::pair<uint32_t, double>> entries;
  double norm = 0;
};

double cosine(const TermVector& a, const TermVector& b);

// Document frequencies over a background collection (the corpus's documents, or a benchmark's
// articles), for IDF weights that know which words are common in general and which are topical.
class TermStatistics {
public:
  // Counts each distinct term of `terms` once.
  void add_document(const std::vector<std::string>& terms);
  size_t documents() const { return m_documents; }
  size_t frequency(const std::string& term) const;

private:
  std::map<std::string, uint32_t> m_frequency;
  size_t m_documents = 0;
};

class SentenceSpace {
public:
  // Indexes `texts` with terms from `terms`.
  SentenceSpace(const std::vector<std::string>& texts, TermMaker& terms,
      const TermStatistics* background = nullptr);
  // Or from ready-made term lists (one per text). IDF comes from `background` when given, else
  // from the texts themselves (each one a document).
  explicit SentenceSpace(const std::vector<std::vector<std::string>>& term_lists,
      const TermStatistics* background = nullptr);

  size_t size() const { return m_vectors.size(); }
  const TermVector& vector(size_t i) const { return m_vectors[i]; }
  size_t term_count(size_t i) const { return m_term_counts[i]; }
  double similarity(size_t a, size_t b) const { return cosine(m_vectors[a], m_vectors[b]); }
  // The vector of an outside text in this space (terms the pool lacks are dropped).
  TermVector project(const std::vector<std::string>& terms) const;
  // All pairwise similarities, row-major, diagonal 0.
  std::vector<double> matrix() const;
  // Inverse document frequency of a term id.
  double idf(uint32_t term) const { return m_idf[term]; }

private:
  void build(const std::vector<std::vector<std::string>>& term_lists, const TermStatistics* background);
  TermVector weigh(const std::vector<uint32_t>& ids) const;

  std::map<std::string, uint32_t> m_ids;
  std::vector<double> m_idf;
  std::vector<TermVector> m_vectors;
  std::vector<size_t> m_term_counts;
};

} // namespace brief::analyze
