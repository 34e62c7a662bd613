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

// Tunables of the summarizer; defaults, what they do and their origin in params.hpp.
struct SummaryParams {
  double damping = params::k_damping;
  double edge_threshold = params::k_edge_threshold;
  double centroid_weight = params::k_centroid_weight;
  double length_exponent = params::k_length_exponent;
  double position_weight = params::k_position_weight;
  double query_weight = params::k_query_weight;
  double mmr_lambda = params::k_mmr_lambda;
  double redundancy = params::k_redundancy;
  double source_diversity = 0.0;  // MMR penalty per sentence already chosen from the same group
                                  // (document); 0 for single-document summaries, a brief sets
                                  // params::k_source_diversity
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
  std::string lead_in;    // why it needs the sentence before it, found by the caller, or ""
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
