#pragma once
// index: Corpus -> Index, a full-text index over passages and sentences (SQLite FTS5, BM25).
//
// The index lives in a cache folder (default `<corpus>/.brief-cache/index.sqlite`) and is rebuilt
// only for documents whose content hash changed. Queries expand entity aliases (ISIS = ISIL =
// Da'esh = Islamic State ...), stem terms (Porter) and filter by document, type, date range and
// releasability. Results are ranked by BM25; ties are broken by id, so results are deterministic.
//
// Ranking: score = -bm25() of FTS5, whose parameters are fixed at k1 = 1.2 and b = 0.75, with
// column weights body = 1.0 and canonical (the alias entity column) = 1.0; see search.cpp.
// Query syntax: see query_parser.hpp. Tables and the cache: see store.hpp.
//
// One Index may be searched from several threads at once: each search prepares its own
// statements and the connection is opened in SQLite's serialized mode.

#include "base/natural_order.hpp"
#include "base/outcome.hpp"
#include "corpus/corpus.hpp"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
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
  size_t limit = 10;  // SIZE_MAX for every hit
  // Whether hits carry a snippet. Building one costs a pass over the hit's text; callers that
  // use only ids and scores (selection) turn them off.
  bool snippets = true;
};

struct Hit {
  std::string id;  // passage id ("doc#p7") or sentence id ("doc#p7.s2")
  double score = 0;  // higher is better (negated FTS5 bm25)
  std::string snippet;  // matched terms marked with [ ], at most 24 words, cut parts marked … ("" without snippets)
};

// Natural order of ids (`doc#p2` before `doc#p10`), the order ties are broken in.
using brief::natural_less;

// How long opening the index cache waits for a lock another process holds on it (it may be
// indexing the same corpus). One bound, declared here: a warm cache is read without any write
// lock, so only a run that must update the cache while another process writes it waits, and then
// once per process and cache; later opens try the lock without waiting (see Index::open).
// 2 s: longer than another process takes to refresh a few changed documents, short enough that a
// lock held for minutes (another build indexing a large corpus, an open `sqlite3` shell) costs a
// run 2 s and an in-memory index, not a wait per output.
inline constexpr std::chrono::milliseconds k_cache_lock_wait{2'000};

// Options of Index::open.
struct CacheOptions {
  std::chrono::milliseconds lock_wait = k_cache_lock_wait;  // see k_cache_lock_wait
  // Leave the cache alone (`brief check`, documented as writing nothing): the index is built in
  // memory. Not even a current cache is read: SQLite opening a WAL database read-only still
  // creates its -wal and -shm files beside it.
  bool write = true;
};

class Index {
public:
  // Opens (creating or refreshing) the index for `corpus` in `<cache_dir>/index.sqlite`. An
  // empty cache_dir means `<corpus.root>/.brief-cache`. A cache that cannot be read is deleted
  // and rebuilt, and a cache that cannot be written at all is replaced by an in-memory index;
  // both with a warning, never an error. Several processes may open the same cache at once: a
  // cache another process holds locked for longer than options.lock_wait is replaced by an
  // in-memory index for this open, with a warning; later opens of that cache in this process
  // do not wait again (they use the cache if the lock is gone, else memory at once). Opens of one
  // cache by threads of this process take turns, so they never wait on each other's lock.
  static Outcome<Index> open(
      const corpus::Corpus& corpus, std::filesystem::path cache_dir = {}, CacheOptions options = {});
  // An index held in memory only (tests, fuzzing).
  static Outcome<Index> open_in_memory(const corpus::Corpus& corpus);

  Index(Index&&) noexcept;
  Index& operator=(Index&&) noexcept;
  ~Index();

  // Ranked hits; a malformed query is an error diagnostic at query.span.
  Outcome<std::vector<Hit>> search(const Query& query) const;

  // How many documents were added, reindexed or removed when this index was opened
  // (0 = the cache was fresh).
  size_t documents_reindexed() const;

private:
  struct Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

} // namespace brief::index
