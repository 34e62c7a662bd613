#pragma once
// One builder per section kind, over the section's selection. run() dispatches to them; tests
// call them directly.

#include "analyze/digest.hpp"
#include "analyze/pool.hpp"
#include "analyze/summarize.hpp"
#include "analyze/terms.hpp"

#include <map>
#include <set>

namespace brief::analyze {

// What every builder needs: the corpus, one TermMaker, and corpus-wide term statistics.
struct AnalyzeContext {
  // Without `statistics`, background and actions stay empty: enough for passages and quotes,
  // which read neither, and far cheaper on a large corpus.
  explicit AnalyzeContext(const corpus::Corpus& source, bool statistics = true);

  const corpus::Corpus& corpus;
  TermMaker terms;
  TermStatistics background;
  SummaryParams params;
  // Sentence ids an earlier section (or an earlier claim of this one) already shows: no sentence
  // is shown twice in one output unless its section says `repeat: true`.
  std::set<std::string> shown;
  // For each id in `shown`, the kind of the first section that shows it.
  std::map<std::string, briefing::SectionKind> shown_by;
  // Sentence ids that call for action: they belong to the recommendations section, not to
  // summaries or key judgments (a BLUF states findings).
  std::set<std::string> actions;
};

// Ids of every sentence in the corpus that recommends or calls for action (strong cues and items
// of recommendation lists), as build_recommendations finds them.
std::set<std::string> calls_for_action(const corpus::Corpus& corpus);

// The sentence ids a source shows: its sentence, or every sentence of its passage.
std::vector<std::string> sentence_ids(const SourceRef& source, const corpus::Corpus& corpus);

// check_sentence, and a person named by surname alone (bare_surname): the sentence leans on the one
// before it when that one names them in full and stands alone, else it cannot stand in a brief.
SentenceCheck check_in_document(const corpus::Document& document, const corpus::Passage& passage,
    const corpus::Sentence& sentence);

// True when any sentence `source` shows is in `shown`.
bool any_shown(const SourceRef& source, const corpus::Corpus& corpus, const std::set<std::string>& shown);

// passages and quotes: each pick verbatim with its source.
DigestSection build_passages(const briefing::Section& section, const select::SectionSelection& picks,
    AnalyzeContext& context);

// summary: extractive, N sentences or a word budget, focused by the section's query.
DigestSection build_summary(const briefing::Section& section, const select::SectionSelection& picks,
    AnalyzeContext& context);

// key_judgments: central, non-redundant statements, each citing every document that says it.
DigestSection build_key_judgments(const briefing::Section& section,
    const select::SectionSelection& picks, AnalyzeContext& context);

// recommendations: calls for action, near-duplicates across documents merged.
DigestSection build_recommendations(const briefing::Section& section,
    const select::SectionSelection& picks, AnalyzeContext& context);

// key_figures: numbers with what they count.
DigestSection build_key_figures(const briefing::Section& section,
    const select::SectionSelection& picks, AnalyzeContext& context);

// Sets claim.lead_in to the sentence before `item` when `check` says it leans on it and that
// sentence is not itself among `chosen` (sentence ids). Returns the trace note, or "".
std::string attach_lead_in(Claim& claim, const PoolSentence& item, const SentenceCheck& check,
    const std::set<std::string>& chosen);

// The summarizer's input for pool sentences (headings marked; sentences in `shown` excluded).
std::vector<SummaryInput> summary_inputs(const std::vector<PoolSentence>& pool,
    const std::set<std::string>& shown = {}, const std::set<std::string>& actions = {});

} // namespace brief::analyze
