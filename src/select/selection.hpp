#pragma once
// select: BriefSpec + Index + Corpus -> Selection.
//
// For each section of the spec, the passages (or sentences) it draws on and why each was chosen:
// the query and its BM25 score, or an explicit id. Explicit ids that do not exist are errors at the
// id's span with a did-you-mean hint; a passage already placed by an earlier section is skipped
// unless the section says `repeat: true`; material above the output's clearance is dropped (and the
// drop recorded), and an explicit id above it is an error naming the passage and its level.
//
// Per kind: `passages` shows its explicit ids first, then up to `limit` (default 5) query hits
// (headings skipped: alone they say nothing), or, without a query, every passage of the selected
// documents in order (`limit` applies only if given). `quotes` shows its ids in the given order
// (or, with only a query, up to `limit` matching sentences). summary, key_judgments,
// recommendations and key_figures get their whole candidate pool, headings excluded and no limit
// (analyze applies it), without deduplication. `order: source` sorts selected picks by id.

#include "base/outcome.hpp"
#include "corpus/corpus.hpp"
#include "index/index.hpp"
#include "briefing/spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace brief::select {

struct Pick {
  std::string id;    // passage id, or sentence id for a quoted sentence
  double score = 0;  // BM25 score for query picks, 0 for explicit ids
  std::string rule;  // "query", "id", "document", ... for `brief explain`
};

struct SectionSelection {
  size_t section = 0;  // index into BriefSpec::sections
  // The passages or sentences the section shows (passages, quotes) or draws on (summary, ...).
  std::vector<Pick> picks;
  std::vector<std::string> notes;  // what was skipped and why, for `brief explain`
};

struct Selection {
  std::vector<SectionSelection> sections;  // one per spec section, same order
};

struct Options {
  std::optional<int> max_rank;  // clearance of the audience; nullopt = no ceiling
  std::string clearance;        // its level id, for messages
};

Outcome<Selection> run(const briefing::BriefSpec& spec, const index::Index& index,
    const corpus::Corpus& corpus, const Options& options = {});

} // namespace brief::select
