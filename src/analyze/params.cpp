#include "analyze/params.hpp"

#include <fmt/format.h>

namespace brief::analyze {

namespace {

using namespace params;

std::string words_of(const std::string_view* begin, const std::string_view* end) {
  std::string out;
  for (const std::string_view* w = begin; w != end; ++w) {
    if (!out.empty()) out += ", ";
    out += *w;
  }
  return out;
}

template <size_t N>
std::string words_of(const std::string_view (&list)[N]) {
  return words_of(std::begin(list), std::end(list));
}

template <size_t N>
std::string patterns_of(const Pattern (&list)[N]) {
  std::string out;
  for (const Pattern& p : list) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} ({})", p.words, p.strength == CueStrength::strong ? "strong" : "weak");
  }
  return out;
}

std::string number(double value) { return fmt::format("{}", value); }

constexpr std::string_view k_not_fitted = "chosen, not fitted to any corpus";
constexpr std::string_view k_default_read = "set by reading the default corpus; not yet validated on another";
constexpr std::string_view k_bench = "set on the BBC business development set (bench/summarize)";
constexpr std::string_view k_list = "general English usage of the genre, not taken from any one document";

} // namespace

std::vector<ParamRow> describe_params() {
  return {
      {"recommendations.limit", number(k_recommendations_limit), "recommendations shown without `limit`", std::string(k_not_fitted)},
      {"key_judgments.limit", number(k_judgments_limit), "key judgments shown without `limit`", std::string(k_not_fitted)},
      {"key_figures.limit", number(k_figures_limit), "figures shown without `limit`", std::string(k_not_fitted)},
      {"summary.sentences", number(k_summary_sentences), "summary length without `sentences` or `words`", std::string(k_not_fitted)},
      {"sentence.min_words", number(k_min_sentence_words), "shorter sentences are never shown alone", "conventional bound"},
      {"sentence.max_words", number(k_max_sentence_words), "longer sentences are never shown alone", "conventional bound"},
      {"recommendations.merge_threshold", number(k_recommendation_merge_threshold),
          "cosine at which two calls to action are one recommendation", std::string(k_not_fitted) + "; to be tuned against labelled development corpora"},
      {"recommendations.min_imperative_items", number(k_min_imperative_items),
          "imperative items that make an uncued list recommendations", "two is the least that makes a pattern"},
      {"recommendations.min_imperative_share", number(k_min_imperative_share),
          "share of imperative items that makes an uncued list recommendations", std::string(k_not_fitted)},
      {"recommendations.max_label_words", number(k_max_instruction_label_words),
          "longest 'Label:' before an item's instruction", std::string(k_not_fitted)},
      {"key_judgments.candidates_per_judgment", number(k_candidates_per_judgment),
          "candidates considered per judgment shown", std::string(k_not_fitted)},
      {"key_judgments.support_threshold", number(k_support_threshold),
          "cosine at which another document's sentence corroborates a judgment", std::string(k_default_read)},
      {"key_judgments.support_bonus", number(k_support_bonus), "salience bonus per corroborating document", std::string(k_not_fitted)},
      {"summary.source_diversity", number(k_source_diversity),
          "MMR penalty per sentence already chosen from the same document", std::string(k_default_read)},
      {"summary.damping", number(k_damping), "PageRank: chance of following an edge", std::string(k_bench)},
      {"summary.edge_threshold", number(k_edge_threshold), "similarities below this are no edge", std::string(k_bench)},
      {"summary.centroid_weight", number(k_centroid_weight), "share of salience from recurring terms", std::string(k_bench)},
      {"summary.length_exponent", number(k_length_exponent), "graph score x words^e", std::string(k_bench)},
      {"summary.position_weight", number(k_position_weight), "teleport mass for early sentences", std::string(k_bench)},
      {"summary.query_weight", number(k_query_weight), "teleport and salience share set by the query", std::string(k_bench)},
      {"summary.mmr_lambda", number(k_mmr_lambda), "salience vs novelty in selection", std::string(k_bench)},
      {"summary.redundancy", number(k_redundancy), "cosine at which a sentence repeats a chosen one", std::string(k_bench)},
      {"key_figures.max_label_words", number(k_max_figure_label_words), "longest figure label", std::string(k_not_fitted)},
      {"key_figures.max_sentence_words", number(k_max_figure_sentence_words), "longest sentence searched for figures", std::string(k_not_fitted)},
      {"roles.max_speaker_label_chars", number(k_max_speaker_label_chars), "longest transcript speaker label", std::string(k_not_fitted)},
      {"roles.max_turn_passages", number(k_max_turn_passages), "passages searched back for the speaker in force", std::string(k_not_fitted)},
      {"key_judgments.assessments_per_judgment", number(k_assessments_per_judgment), "assessments considered per judgment shown", std::string(k_not_fitted)},
      {"roles.max_housekeeping_words", number(k_max_housekeeping_words), "longest sentence a housekeeping phrase makes procedural", std::string(k_not_fitted)},
      {"words.questioner_labels", words_of(k_questioner_labels), "speaker labels whose turn asks (never the source's claim)", std::string(k_list)},
      {"words.procedural_labels", words_of(k_procedural_labels), "speaker labels whose turn runs the event", std::string(k_list)},
      {"words.housekeeping", words_of(k_housekeeping_phrases), "greetings and housekeeping (procedural)", std::string(k_list)},
      {"words.estimative_cues", words_of(k_estimative_cues), "estimative and analytic language (assessment)", "ICD 203 likelihood and confidence terms and verbs of analytic judgment; 'we understand', 'seems', 'it appears' as hedged judgment verbs of the same kind"},
      {"words.name_determiners", words_of(k_name_determiners), "determiners that make a capitalised word a thing, not a person's surname", "English determiners and possessives"},
      {"words.speech_verbs", words_of(k_speech_verbs), "verbs of reported speech (attribution)", "English"},
      {"words.credit", words_of(k_credit_words), "open a photo or image credit (a caption)", std::string(k_list)},
      {"words.anaphoric_starts", words_of(k_anaphoric_starts), "first words that need the previous sentence", std::string(k_list)},
      {"words.connectives", words_of(k_connectives), "openings that continue an earlier argument", std::string(k_list)},
      {"words.expletive_it_adjectives", words_of(k_expletive_it_adjectives), "after 'It is', an empty subject", std::string(k_list)},
      {"words.action_cues", patterns_of(k_action_cues), "cues of a call for action in a sentence", std::string(k_list)},
      {"words.list_cues", patterns_of(k_list_cues), "cues before a list that make its items recommendations", std::string(k_list)},
      {"words.imperative_verbs", words_of(k_imperative_verbs), "base-form verbs that open imperative items", std::string(k_list)},
      {"words.months", words_of(k_months), "month names (dates)", "English"},
      {"words.spelled_numbers", words_of(k_spelled), "spelled counts that can be figures", "English"},
      {"words.count_nouns", words_of(k_count_nouns), "what counts of people and events count (ranked first)", std::string(k_list)},
      {"words.identifier_words", words_of(k_identifier_words), "after these a number is a reference, not a quantity", std::string(k_list)},
      {"words.label_stops", words_of(k_label_stops), "words that end a figure's label", "English"},
      {"words.auxiliaries", words_of(k_auxiliaries), "dropped from figure labels", "English"},
      {"words.trailing_function_words", words_of(k_trailing_function_words), "trimmed from the end of labels", "English"},
      {"words.event_stems", words_of(k_event_stems), "stems that make a date an event", std::string(k_list)},
      {"words.departure_stems", words_of(k_departure_stems), "events ranked first among dated ones", std::string(k_list)},
  };
}

} // namespace brief::analyze
