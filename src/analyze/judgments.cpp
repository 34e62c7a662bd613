// key_judgments: the most central, non-redundant statements of the pool. A sentence of another
// document that says the same thing is shown beneath it with its own citation (corroboration);
// it is never cited for the judgment's words, which only the judgment's source wrote.

#include "analyze/roles.hpp"
#include "analyze/sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace brief::analyze {

using namespace params;

DigestSection build_key_judgments(const briefing::Section& section,
    const select::SectionSelection& picks, AnalyzeContext& context) {
  DigestSection out;
  out.kind = section.kind;
  out.role = ClaimRole::judgment;
  int limit = section.limit.value_or(k_judgments_limit);
  std::vector<PoolSentence> pool = pool_sentences(picks.picks, context.corpus);
  if (pool.empty()) {
    out.trace.push_back("pool is empty");
    return out;
  }
  SummaryRequest request;
  request.sentences = summary_inputs(pool, context.shown, context.actions);
  request.query = section.selector.query;
  request.background = &context.background;
  request.params = context.params;
  request.sentence_budget = limit * k_candidates_per_judgment;
  request.order = SummaryOrder::salience;
  SummaryResult result = summarize(request, context.terms);

  std::vector<std::vector<std::string>> term_lists;
  term_lists.reserve(pool.size());
  for (const PoolSentence& item : pool) term_lists.push_back(context.terms.terms(item.sentence->text));
  SentenceSpace space(term_lists, &context.background);

  struct Candidate {
    size_t index = 0;
    double score = 0;
    std::string assessment;       // the estimative cue, "" for other statements
    std::vector<size_t> support;  // pool indices in other documents
  };
  // Candidates: the most central statements, and every usable assessment of the pool (estimative
  // language), which come first.
  std::vector<size_t> considered = result.chosen;
  std::set<size_t> in_considered(considered.begin(), considered.end());
  std::vector<size_t> assessments;
  for (size_t i = 0; i < pool.size(); ++i) {
    const SummaryInput& input = request.sentences[i];
    if (in_considered.contains(i) || input.heading || !input.excluded.empty() || !result.checks[i].unfit.empty()) continue;
    if (!assessment_cue(pool[i].sentence->text).empty()) assessments.push_back(i);
  }
  std::stable_sort(assessments.begin(), assessments.end(),
      [&](size_t a, size_t b) { return result.salience[a] > result.salience[b]; });
  size_t most = static_cast<size_t>(limit) * static_cast<size_t>(k_assessments_per_judgment);
  if (assessments.size() > most) assessments.resize(most);
  considered.insert(considered.end(), assessments.begin(), assessments.end());
  std::vector<Candidate> candidates;
  for (size_t i : considered) {
    Candidate candidate;
    candidate.index = i;
    candidate.assessment = assessment_cue(pool[i].sentence->text);
    std::map<uint32_t, size_t> best_per_document;  // document -> most similar sentence
    for (size_t j = 0; j < pool.size(); ++j) {
      if (pool[j].document_index == pool[i].document_index) continue;
      if (!result.checks[j].unfit.empty()) continue;
      if (context.shown.contains(pool[j].sentence->id)) continue;  // shown by an earlier section
      double s = space.similarity(i, j);
      if (s < k_support_threshold) continue;
      auto found = best_per_document.find(pool[j].document_index);
      if (found == best_per_document.end() || space.similarity(i, found->second) < s) {
        best_per_document[pool[j].document_index] = j;
      }
    }
    for (const auto& [document, j] : best_per_document) candidate.support.push_back(j);
    candidate.score = result.salience[i] * (1 + k_support_bonus * static_cast<double>(candidate.support.size()));
    candidates.push_back(std::move(candidate));
  }
  std::stable_sort(candidates.begin(), candidates.end(),
      [](const Candidate& a, const Candidate& b) {
        if (a.assessment.empty() != b.assessment.empty()) return !a.assessment.empty();
        return a.score > b.score;
      });

  // Nothing twice: a candidate already shown beneath an earlier judgment is not shown again, and
  // a corroborating sentence that is itself a judgment is not shown beneath another.
  std::set<std::string> chosen;
  std::vector<Candidate> shown_candidates;
  for (const Candidate& c : candidates) {
    if (static_cast<int>(shown_candidates.size()) >= limit) break;
    const std::string& id = pool[c.index].sentence->id;
    if (chosen.contains(id)) {
      out.trace.push_back(fmt::format("{}: already shown beneath an earlier judgment", id));
      continue;
    }
    chosen.insert(id);
    for (size_t j : c.support) chosen.insert(pool[j].sentence->id);
    shown_candidates.push_back(c);
  }
  out.trace.push_back(fmt::format("pool: {} sentences; {} candidates by centrality, {} shown",
      pool.size(), result.chosen.size(), shown_candidates.size()));
  std::set<std::string> heads;
  for (const Candidate& c : shown_candidates) heads.insert(pool[c.index].sentence->id);
  for (const Candidate& c : shown_candidates) {
    const PoolSentence& item = pool[c.index];
    Claim claim(item.sentence->text, sentence_source(*item.document, *item.passage, *item.sentence));
    claim.score = c.score;
    std::string line = fmt::format("{}: {}salience {:.3f}, score {:.3f}", item.sentence->id,
        c.assessment.empty() ? "" : fmt::format("assessment ('{}'), ", c.assessment), result.salience[c.index], c.score);
    for (size_t j : c.support) {
      const PoolSentence& other = pool[j];
      SourceRef source = sentence_source(*other.document, *other.passage, *other.sentence);
      if (other.sentence->text == item.sentence->text) {
        claim.add_source(std::move(source));  // the same words: a citation of this very text
      } else if (!heads.contains(other.sentence->id)) {
        claim.corroboration.push_back({other.sentence->text, std::move(source)});
      }
      line += fmt::format("; also {} (cosine {:.2f})", other.sentence->id, space.similarity(c.index, j));
    }
    out.trace.push_back(std::move(line));
    std::string note = attach_lead_in(claim, item, result.checks[c.index], heads);
    if (!note.empty()) out.trace.push_back(std::move(note));
    out.claims.push_back(std::move(claim));
  }
  return out;
}

} // namespace brief::analyze
