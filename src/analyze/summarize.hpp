#pragma once
// Extractive summarization over plain sentences: graph centrality (LexRank-style PageRank over the
// cosine-similarity graph of stemmed, IDF-weighted sentences), an optional query focus
// (topic-sensitive PageRank: the teleport vector follows similarity to the query), and greedy
// selection with redundancy removal (maximal marginal relevance). Used by the brief's summary and
// key-judgment sections and by bench/summarize, so both measure the same code.

#include "analyze/context.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace brief::analyze {

class SentenceSpace;
class TermStatistics;
class TermMaker;

// Tunables of the summarizer. Defaults were set on the BBC business development set
// (bench/summarize) and checked on the default corpus; see bench/summarizer/README.md.
struct SummaryParams {
  double damping = 0.85;          // PageRank: chance of following an edge rather than teleporting
  double edge_threshold = 0.03;   // similarities below this are noise, not edges
  double centroid_weight = 0.5;   // share of salience from the pool's recurring terms (centroid)
  double length_exponent = 0.0;   // graph score x (words)^e; the centroid share already favours
                                  // sentences with more content, 0.5 lowered bench F1 by 0.03
  double position_weight = 0.0;   // share of the teleport mass given to early sentences (0.2 and
                                  // 0.5 made no difference on the bench; kept for other genres)
  double query_weight = 0.7;      // share of the teleport mass, and of salience, set by
                                  // similarity to the query
  double mmr_lambda = 0.9;        // salience vs novelty when choosing the next sentence
  double redundancy = 0.7;        // cosine at which a sentence repeats one already chosen
  double source_diversity = 0.0;  // MMR penalty per sentence already chosen from the same group
                                  // (document): a brief's summary should speak for its sources,
                                  // not retell one of them; 0 for single-document summaries
  SentenceLimits limits;          // sentences outside these are never chosen
};

enum class SummaryOrder { source, salience };

struct SummaryInput {
  std::string text;
  std::string id;         // named in trace lines; "" = its index
  uint32_t group = 0;     // source document; positions count within it
  uint32_t position = 0;  // order within the group (0 = first)
  bool heading = false;   // headings and titles are context, never chosen
  std::string excluded;   // why the caller rules this sentence out (e.g. no usable lead-in), or ""
};

struct SummaryRequest {
  std::vector<SummaryInput> sentences;
  std::string query;         // focus; empty = generic summary
  const TermStatistics* background = nullptr;  // IDF source; null = the pool's own sentences
  int sentence_budget = 3;   // used when word_budget is 0
  int word_budget = 0;       // > 0: as many sentences as fit in this many words
  SummaryOrder order = SummaryOrder::source;
  SummaryParams params;
};

struct SummaryResult {
  std::vector<size_t> chosen;           // indices into the request's sentences, in output order
  std::vector<double> salience;         // per sentence: centrality x length factor
  std::vector<SentenceCheck> checks;    // per sentence: unfit / lead-in findings
  std::vector<std::string> trace;       // one line per decision, for `brief explain`
};

// PageRank over the similarity graph of `space`, teleporting by `teleport` (normalised here;
// empty = uniform). Deterministic; 1e-9 convergence or 200 iterations.
std::vector<double> centrality(const SentenceSpace& space, const std::vector<double>& teleport,
    const SummaryParams& params);

SummaryResult summarize(const SummaryRequest& request, TermMaker& terms);

} // namespace brief::analyze
