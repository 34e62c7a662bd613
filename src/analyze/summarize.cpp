#include "analyze/summarize.hpp"

#include "analyze/similarity.hpp"
#include "analyze/terms.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace brief::analyze {

namespace {

// PageRank stops when no score moves more than this, or after k_max_iterations.
constexpr double k_convergence = 1e-9;
constexpr int k_max_iterations = 200;

std::vector<double> normalised(std::vector<double> values) {
  double sum = std::accumulate(values.begin(), values.end(), 0.0);
  if (sum <= 0) {
    std::fill(values.begin(), values.end(), values.empty() ? 0.0 : 1.0 / values.size());
  } else {
    for (double& v : values) v /= sum;
  }
  return values;
}

std::string name_of(const SummaryRequest& request, size_t i) {
  const std::string& id = request.sentences[i].id;
  return id.empty() ? fmt::format("#{}", i) : id;
}

} // namespace

std::vector<double> centrality(const SentenceSpace& space, const std::vector<double>& teleport,
    const SummaryParams& params) {
  size_t n = space.size();
  if (n == 0) return {};
  std::vector<double> jump = normalised(teleport.empty() ? std::vector<double>(n, 1.0) : teleport);
  std::vector<double> weights = space.matrix();
  std::vector<double> out_weight(n, 0);
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = 0; b < n; ++b) {
      double& w = weights[a * n + b];
      if (w < params.edge_threshold) w = 0;
      out_weight[a] += w;
    }
  }
  std::vector<double> rank(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int iteration = 0; iteration < k_max_iterations; ++iteration) {
    // Mass of sentences without edges is spread like a teleport.
    double dangling = 0;
    for (size_t a = 0; a < n; ++a) {
      if (out_weight[a] == 0) dangling += rank[a];
    }
    for (size_t b = 0; b < n; ++b) {
      next[b] = ((1 - params.damping) + params.damping * dangling) * jump[b];
    }
    for (size_t a = 0; a < n; ++a) {
      if (out_weight[a] == 0) continue;
      double share = params.damping * rank[a] / out_weight[a];
      const double* row = &weights[a * n];
      for (size_t b = 0; b < n; ++b) next[b] += share * row[b];
    }
    double delta = 0;
    for (size_t i = 0; i < n; ++i) delta = std::max(delta, std::abs(next[i] - rank[i]));
    rank.swap(next);
    if (delta < k_convergence) break;
  }
  return rank;
}

SummaryResult summarize(const SummaryRequest& request, TermMaker& terms) {
  const SummaryParams& params = request.params;
  const auto& sentences = request.sentences;
  size_t n = sentences.size();
  SummaryResult result;
  if (n == 0) return result;

  std::vector<std::vector<std::string>> term_lists;
  term_lists.reserve(n);
  std::vector<int> word_counts(n);
  result.checks.resize(n);
  for (size_t i = 0; i < n; ++i) {
    term_lists.push_back(terms.terms(sentences[i].text));
    word_counts[i] = count_words(sentences[i].text);
    result.checks[i] = sentences[i].heading ? SentenceCheck{"heading", ""}
                                            : check_sentence(sentences[i].text, params.limits);
    if (result.checks[i].unfit.empty() && !sentences[i].excluded.empty()) {
      result.checks[i].unfit = sentences[i].excluded;
    }
    if (result.checks[i].unfit.empty() && result.checks[i].lead_in.empty()) {
      result.checks[i].lead_in = sentences[i].lead_in;
    }
  }
  SentenceSpace space(term_lists, request.background);

  // Teleport: uniform, tilted towards early sentences and towards the query.
  std::vector<double> teleport(n, 1.0 / static_cast<double>(n));
  if (params.position_weight > 0) {
    std::vector<double> early(n);
    for (size_t i = 0; i < n; ++i) early[i] = 1.0 / (1.0 + sentences[i].position);
    early = normalised(early);
    for (size_t i = 0; i < n; ++i) {
      teleport[i] = (1 - params.position_weight) * teleport[i] + params.position_weight * early[i];
    }
  }
  std::vector<double> query_similarity(n, 0);
  if (!request.query.empty()) {
    TermVector query = space.project(terms.terms(request.query));
    for (size_t i = 0; i < n; ++i) query_similarity[i] = cosine(query, space.vector(i));
    double total = std::accumulate(query_similarity.begin(), query_similarity.end(), 0.0);
    if (total > 0) {
      for (size_t i = 0; i < n; ++i) {
        teleport[i] = (1 - params.query_weight) * teleport[i] +
            params.query_weight * query_similarity[i] / total;
      }
      result.trace.push_back(fmt::format("query focus '{}' (teleport weight {:.2f})", request.query,
          params.query_weight));
    } else {
      result.trace.push_back(fmt::format("query '{}' shares no terms with the pool; generic summary",
          request.query));
    }
  }

  std::vector<double> rank = centrality(space, teleport, params);
  // Centroid score: how much of the pool's frequent vocabulary a sentence holds.
  std::map<std::string, int> frequency;
  for (const auto& list : term_lists) {
    for (const std::string& t : list) ++frequency[t];
  }
  int top_frequency = 1;
  for (const auto& [t, f] : frequency) top_frequency = std::max(top_frequency, f);
  std::vector<double> centroid(n, 0);
  for (size_t i = 0; i < n; ++i) {
    std::vector<std::string> distinct = term_lists[i];
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (const std::string& t : distinct) {
      // Terms used once in the pool say nothing about its topic.
      int f = frequency[t];
      if (f > 1) centroid[i] += static_cast<double>(f) / top_frequency;
    }
  }
  double top_rank = *std::max_element(rank.begin(), rank.end());
  double top_centroid = std::max(1e-9, *std::max_element(centroid.begin(), centroid.end()));
  result.salience.resize(n);
  for (size_t i = 0; i < n; ++i) {
    double length = std::pow(std::max(1, word_counts[i]), params.length_exponent);
    double graph = rank[i] / top_rank;
    result.salience[i] = ((1 - params.centroid_weight) * graph * length +
        params.centroid_weight * centroid[i] / top_centroid);
  }
  // A query also weighs directly: the centroid share knows nothing of it.
  double top_query = *std::max_element(query_similarity.begin(), query_similarity.end());
  if (top_query > 0) {
    for (size_t i = 0; i < n; ++i) {
      result.salience[i] = (1 - params.query_weight) * result.salience[i] +
          params.query_weight * query_similarity[i] / top_query;
    }
  }

  std::vector<size_t> candidates;
  for (size_t i = 0; i < n; ++i) {
    if (result.checks[i].unfit.empty()) {
      candidates.push_back(i);
    } else {
      result.trace.push_back(fmt::format("{}: not eligible ({})", name_of(request, i),
          result.checks[i].unfit));
    }
  }
  double top = 0;
  for (size_t i : candidates) top = std::max(top, result.salience[i]);
  if (top <= 0) top = 1;

  // Greedy maximal marginal relevance under the budget.
  std::vector<size_t> chosen;
  std::vector<double> max_similarity(n, 0);
  std::vector<bool> done(n, false);
  int words_used = 0;
  bool by_words = request.word_budget > 0;
  while (true) {
    if (!by_words && static_cast<int>(chosen.size()) >= request.sentence_budget) break;
    size_t best = n;
    double best_value = 0;
    for (size_t i : candidates) {
      if (done[i]) continue;
      if (max_similarity[i] >= params.redundancy) {
        done[i] = true;
        result.trace.push_back(fmt::format("{}: skipped, repeats a chosen sentence (cosine {:.2f})",
            name_of(request, i), max_similarity[i]));
        continue;
      }
      if (by_words && !chosen.empty() && words_used + word_counts[i] > request.word_budget) continue;
      const auto same_group = std::count_if(chosen.begin(), chosen.end(),
          [&](size_t c) { return request.sentences[c].group == request.sentences[i].group; });
      double value = params.mmr_lambda * result.salience[i] / top -
          (1 - params.mmr_lambda) * max_similarity[i] -
          params.source_diversity * static_cast<double>(same_group);
      if (best == n || value > best_value) {
        best = i;
        best_value = value;
      }
    }
    if (best == n) break;
    done[best] = true;
    chosen.push_back(best);
    words_used += word_counts[best];
    std::string line = fmt::format("{}: chosen #{} salience {:.3f} centrality {:.4f} words {}",
        name_of(request, best), chosen.size(), result.salience[best], rank[best], word_counts[best]);
    if (!request.query.empty()) line += fmt::format(" query-cosine {:.3f}", query_similarity[best]);
    if (max_similarity[best] > 0) line += fmt::format(" max-cosine-to-chosen {:.2f}", max_similarity[best]);
    result.trace.push_back(std::move(line));
    for (size_t i : candidates) {
      if (!done[i]) max_similarity[i] = std::max(max_similarity[i], space.similarity(i, best));
    }
    if (by_words && words_used >= request.word_budget) break;
  }

  if (request.order == SummaryOrder::source) {
    // Sentences are given in source order (documents in turn), so index order is source order.
    std::sort(chosen.begin(), chosen.end());
  }
  result.chosen = std::move(chosen);
  return result;
}

} // namespace brief::analyze
