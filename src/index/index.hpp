#pragma once
// index: Corpus -> Index, a full-text index over passages and sentences (SQLite FTS5, BM25).
//
// The index lives in a cache folder (default `<corpus>/.brief-cache/index.sqlite`) and is rebuilt
// only for documents whose content hash changed. Queries expand entity aliases (ISIS = ISIL =
// Da'esh = Islamic State ...), stem terms (Porter) and filter by document, type, date range and
// releasability. Results are ranked by BM25; ties are broken by id, so results are deterministic.

#include "base/outcome.hpp"
#include "corpus/corpus.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace brief::index {

enum class Unit { passage, sentence };

struct Query {
  // Words, "quoted phrases", OR, AND, NOT and parentheses; adjacent terms are ANDed.
  std::string text;
  Span span;  // where the query text came from, for errors (may be empty)
  Unit unit = Unit::passage;
  std::vector<std::string> documents;  // document ids; empty = all
  std::vector<std::string> types;      // document types; empty = all
  std::string published_from;          // "YYYY[-MM[-DD]]", inclusive; empty = open
  std::string published_to;            // inclusive; empty = open
  std::optional<int> max_rank;         // releasability rank ceiling (MarkingLevel::rank)
  size_t limit = 10;
};

struct Hit {
  std::string id;  // passage id ("doc#p7") or sentence id ("doc#p7.s2")
  double score = 0;  // higher is better (negated FTS5 bm25)
  std::string snippet;  // matched terms marked with [ ]
};

class Index {
public:
  // Opens (creating or refreshing) the index for `corpus` in `cache_dir`. An empty cache_dir
  // means `<corpus.root>/.brief-cache`.
  static Outcome<Index> open(const corpus::Corpus& corpus, std::filesystem::path cache_dir = {});
  // An index held in memory only (tests, fuzzing).
  static Outcome<Index> open_in_memory(const corpus::Corpus& corpus);

  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;
  ~Index();

  // Ranked hits; a malformed query is an error diagnostic at query.span.
  Outcome<std::vector<Hit>> search(const Query& query) const;

  // How many documents were (re)indexed when this index was opened (0 = cache was fresh).
  size_t documents_reindexed() const;

private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

} // namespace brief::index
