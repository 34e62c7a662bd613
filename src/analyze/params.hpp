#pragma once
// Every tunable of analyze/ in one place: thresholds, weights, limits and word lists, each with
// what it does and where its value came from. `brief explain --params` prints them
// (describe_params); the code reads them from here and from nowhere else.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace brief::analyze {

enum class CueStrength { none, weak, strong };

namespace params {

// A word pattern (space-separated, case-folded words) and how strongly it marks a call for action.
struct Pattern {
  std::string_view words;
  CueStrength strength;
};

// ---- Limits ----
// Items shown when a section gives no `limit` / `sentences`. Origin: reading length of a one-page
// section; not fitted to any corpus.
inline constexpr int k_recommendations_limit = 6;
inline constexpr int k_judgments_limit = 5;
inline constexpr int k_figures_limit = 8;
inline constexpr int k_summary_sentences = 3;

// ---- Sentences fit to stand alone ----
// Word limits for a sentence shown alone ("Leave a Reply" is no statement; a run-on list
// paragraph reads badly as one claim). Origin: conventional bounds of news sentences.
inline constexpr int k_min_sentence_words = 6;
inline constexpr int k_max_sentence_words = 75;

// ---- Recommendations ----
// Cosine (IDF-weighted stemmed terms) at which two calls to action are the same recommendation.
// Origin: not fitted to any corpus; a round value above the topical overlap of unrelated
// sentences on one subject (about 0.1) and below the overlap of restatements. To be tuned on
// labelled development corpora (precision and recall against hand labels).
inline constexpr double k_recommendation_merge_threshold = 0.25;
// A list counts as recommendations without a cue when at least this many items, and at least this
// share of them, open with an imperative verb. Origin: two is the least that makes a pattern.
inline constexpr int k_min_imperative_items = 2;
inline constexpr double k_min_imperative_share = 0.4;
// Longest "Label:" before an item's instruction ("Border protection: Stepping up ...").
inline constexpr int k_max_instruction_label_words = 8;

// ---- Key judgments ----
// Candidates considered per judgment shown, before support re-ranking.
inline constexpr int k_candidates_per_judgment = 2;
// Cosine at which a sentence of another document states the same thing as a judgment (it is then
// shown beneath it as corroboration). Origin: set by reading the default corpus (restatements
// 0.35-0.6, topical overlap below 0.3); not yet validated on another corpus.
inline constexpr double k_support_threshold = 0.35;
// Salience bonus per additional corroborating document. Origin: chosen, not fitted.
inline constexpr double k_support_bonus = 0.25;

// ---- Summaries ----
// MMR penalty per sentence already chosen from the same document, so a brief's summary speaks for
// its sources. Origin: set by reading the default brief; single-document benches cannot tune it.
inline constexpr double k_source_diversity = 0.15;

// The summarizer (LexRank-style centrality, query focus, MMR). Origin: set on the BBC business
// development set (bench/summarize, see bench/summarizer/README.md).
inline constexpr double k_damping = 0.85;          // PageRank: chance of following an edge
inline constexpr double k_edge_threshold = 0.03;   // similarities below this are noise, not edges
inline constexpr double k_centroid_weight = 0.5;   // share of salience from the pool's recurring terms
inline constexpr double k_length_exponent = 0.0;   // graph score x (words)^e; 0.5 lowered F1 by 0.03
inline constexpr double k_position_weight = 0.0;   // teleport mass for early sentences (0.2, 0.5: no change)
inline constexpr double k_query_weight = 0.7;      // teleport and salience share set by the query
inline constexpr double k_mmr_lambda = 0.9;        // salience vs novelty when choosing the next sentence
inline constexpr double k_redundancy = 0.7;        // cosine at which a sentence repeats a chosen one

// ---- Key figures ----
// Longest label in words ("operatives active in ISIS's Iraq Province").
inline constexpr int k_max_figure_label_words = 8;
// Sentences up to this many words are searched for figures (a figure inside a long sentence is
// still a figure).
inline constexpr int k_max_figure_sentence_words = 200;

// ---- Sentence roles ----
// Longest transcript speaker label before its colon ("MS. THOMAS-GREENFIELD:").
inline constexpr int k_max_speaker_label_chars = 40;
// First word of a speaker label whose turn asks rather than claims.
inline constexpr std::string_view k_questioner_labels[] = {
    "q", "question", "questioner", "reporter", "journalist",
};
// First word of a speaker label whose turn runs the event (never a source's claim or call).
inline constexpr std::string_view k_procedural_labels[] = {
    "moderator", "operator", "host", "coordinator", "facilitator",
};
// Greetings and housekeeping: a short sentence with one of these is procedural.
inline constexpr std::string_view k_housekeeping_phrases[] = {
    "unmute", "mute yourself", "next question", "go ahead", "thank you", "thanks", "good morning",
    "good afternoon", "good evening", "welcome to", "welcome everyone", "on background",
    "on the record", "off the record", "embargo", "embargoed", "press star", "star one",
    "raise your hand", "final question", "last question", "take questions", "take your questions",
    "turn it over", "hand it over", "open it up", "can you hear me", "please stand by",
};
// Passages searched back for the speaker label in force: bounds the work per sentence on long
// documents without labels; a transcript turn longer than this loses its speaker.
inline constexpr int k_max_turn_passages = 50;
// Assessments considered as key-judgment candidates, per judgment shown (most salient first):
// bounds the corroboration search on pools with many estimative sentences.
inline constexpr int k_assessments_per_judgment = 4;
// Longest sentence (words) that a housekeeping phrase makes procedural.
inline constexpr int k_max_housekeeping_words = 20;
// Estimative and analytic language (ICD 203 likelihood and confidence terms, and the verbs of
// analytic judgment). A sentence with one is an assessment.
inline constexpr std::string_view k_estimative_cues[] = {
    "almost no chance", "very unlikely", "highly improbable", "unlikely", "improbable",
    "roughly even chance", "roughly even odds", "very likely", "highly likely", "highly probable",
    "almost certain", "almost certainly", "nearly certain", "likely", "probable", "probably",
    "likelihood", "we assess", "assess that", "assesses that", "assessed that", "assessment",
    "we judge", "judge that", "judges that", "judged that", "low confidence", "moderate confidence",
    "high confidence", "we believe", "we estimate", "estimates that", "indicates that",
    "indicate that", "suggests that", "suggest that", "we expect", "is expected to",
    "are expected to", "we understand", "seems", "it appears", "appears to be",
};
// Words before a capitalised word that make it a thing, not a person named by surname alone
// ("the Coalition announced", "its Council decided").
inline constexpr std::string_view k_name_determiners[] = {
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her",
};
// Verbs of reported speech (attribution).
inline constexpr std::string_view k_speech_verbs[] = {
    "said", "says", "told", "added", "stated", "noted", "stressed", "explained", "argued", "warned",
    "confirmed", "announced", "claimed", "alleged", "according",
};

// ---- Word lists ----
// Words that open a photo or image credit when they follow "[" or "(" or open a sentence with
// "courtesy" / ":" after them: such text is a caption, not a statement of the source.
inline constexpr std::string_view k_credit_words[] = {
    "photo", "photos", "image", "images", "picture", "video", "credit", "credits", "file",
};

// ---- Whether a sentence stands alone ----
// First words that refer back to something the previous sentence named.
inline constexpr std::string_view k_anaphoric_starts[] = {
    "he", "she", "they", "these", "this", "it", "such", "those", "their", "his", "her", "its",
    "them", "him", "there",
};

// Sentence openings that continue an argument begun before (compared case-folded, on words).
inline constexpr std::string_view k_connectives[] = {
    "however", "in addition", "also", "moreover", "furthermore", "meanwhile", "in turn", "but",
    "and", "therefore", "thus", "instead", "nevertheless", "nonetheless", "on the other hand",
    "in this context", "to this end", "as a result", "besides", "still",
    "yet", "otherwise", "consequently", "hence", "likewise", "similarly", "for this reason",
    "despite this", "despite these", "at the same time",
};

// Adjectives after which "It is ..." is an empty subject, not a reference back.
inline constexpr std::string_view k_expletive_it_adjectives[] = {
    "important", "necessary", "essential", "clear", "evident", "likely", "unlikely", "possible",
    "impossible", "vital", "crucial", "critical", "time", "worth", "hard", "difficult",
    "easy", "true", "expected", "estimated", "believed", "thought", "reported", "understood",
};

// ---- Calls for action ----
// Sentence cues. Strong: the sentence itself asks for action. Weak: it reports that someone
// stressed a need or an importance, which is often, but not always, a recommendation.
inline constexpr Pattern k_action_cues[] = {
    {"should", CueStrength::strong}, {"must", CueStrength::strong},
    {"need to", CueStrength::strong}, {"needs to", CueStrength::strong},
    {"have to", CueStrength::strong}, {"has to", CueStrength::strong},
    {"ought to", CueStrength::strong}, {"calls for", CueStrength::strong},
    {"call for", CueStrength::strong}, {"called for", CueStrength::strong},
    {"calling for", CueStrength::strong}, {"it is important to", CueStrength::strong},
    {"it is necessary to", CueStrength::strong}, {"it is essential to", CueStrength::strong},
    {"it is vital to", CueStrength::strong}, {"recommend", CueStrength::strong},
    {"recommends", CueStrength::strong}, {"recommended", CueStrength::strong},
    {"recommendation", CueStrength::strong}, {"recommendations", CueStrength::strong},
    {"urge", CueStrength::strong}, {"urges", CueStrength::strong}, {"urged", CueStrength::strong},
    {"urging", CueStrength::strong}, {"the need for", CueStrength::weak},
    {"necessity of", CueStrength::weak}, {"necessity for", CueStrength::weak},
    {"importance of", CueStrength::weak}, {"is essential", CueStrength::weak},
    {"requires", CueStrength::weak}, {"should be prioritised", CueStrength::strong},
};

// Cues in the passage before a list that make its items recommendations.
inline constexpr Pattern k_list_cues[] = {
    {"recommend", CueStrength::strong}, {"recommends", CueStrength::strong},
    {"recommendations", CueStrength::strong}, {"recommended", CueStrength::strong},
    {"should", CueStrength::strong}, {"must", CueStrength::strong},
    {"need to", CueStrength::strong}, {"the following steps", CueStrength::strong},
    {"measures", CueStrength::strong}, {"proposals", CueStrength::strong},
    {"we propose", CueStrength::strong}, {"suggestions", CueStrength::strong},
    {"the way forward", CueStrength::strong},
};

// Base-form verbs that open imperative recommendations in policy writing.
inline constexpr std::string_view k_imperative_verbs[] = {
    "address", "adopt", "allocate", "avoid", "boost", "bolster", "build", "combat", "consider",
    "continue", "coordinate", "counter", "create", "deepen", "develop", "empower", "encourage",
    "engage", "enhance", "ensure", "equip", "establish", "expand", "facilitate", "focus", "fortify",
    "foster", "fund", "implement", "improve", "increase", "integrate", "intensify", "introduce",
    "invest", "limit", "maintain", "make", "modernise", "modernize", "monitor", "pay", "prevent",
    "prioritise", "prioritize", "promote", "protect", "provide", "raise", "recruit", "reduce",
    "reform", "reinforce", "reintegrate", "resolve", "restore", "review", "secure", "set", "share",
    "step", "stop", "strengthen", "support", "sustain", "tackle", "take", "train", "upgrade", "use",
    "work",
};

// ---- Key figures ----
inline constexpr std::string_view k_months[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
};

inline constexpr std::string_view k_spelled[] = {
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand", "thousands",
};

// Nouns of counts of people, units and violent events: the most informative figures.
inline constexpr std::string_view k_count_nouns[] = {
    "fighters", "operatives", "soldiers", "troops", "members", "militants", "terrorists", "attacks",
    "people", "families", "individuals", "cells", "leaders", "personnel", "hideouts", "strikes",
    "airstrikes", "bombers", "civilians", "killed", "dead", "wounded", "prisoners", "detainees",
    "officers", "forces", "family", "casualties", "victims", "deaths", "refugees", "recruits",
    "bombings", "operations", "arrests", "suspects",
};

// Words after which a number is an identifier, not a quantity.
inline constexpr std::string_view k_identifier_words[] = {
    "resolution", "no", "number", "article", "item", "paragraph", "section", "phase", "chapter",
    "page", "f", "mig", "su", "room", "route", "highway", "flight", "figure", "fig", "table",
    "statute", "law", "act", "decree", "force", "annex", "appendix", "clause", "code", "box",
    "tel", "phone", "ext", "hotline", "ref", "case", "file", "docket", "order", "directive",
};

// Words that end a label: a new clause begins.
inline constexpr std::string_view k_label_stops[] = {
    "who", "which", "that", "whom", "whose", "while", "when", "because", "after", "before", "since",
    "if", "as", "according", "but", "where", "within", "said", "says", "told", "including",
};

inline constexpr std::string_view k_auxiliaries[] = {
    "are", "is", "were", "was", "be", "been", "being", "have", "has", "had",
};

inline constexpr std::string_view k_trailing_function_words[] = {
    "the", "a", "an", "of", "in", "on", "at", "to", "from", "for", "with", "by", "and", "or",
    "only", "about", "some", "its", "their", "than", "into", "until",
};

// Words that make a date an event worth showing ("withdrawal scheduled for September 2026").
inline constexpr std::string_view k_event_stems[] = {
    "withdraw", "closur", "close", "schedul", "deadlin", "exit", "announc", "end", "leav",
    "depart", "transit", "handov", "elect", "launch", "attack", "captur", "liber", "fall",
};

// Events whose dates matter most in a security brief: departures and closures.
inline constexpr std::string_view k_departure_stems[] = {"withdraw", "closur", "close", "exit", "leav", "depart", "handov"};

struct Event {
  std::string label;    // "final withdrawal", "closure of the Ain al-Asad base"
  bool departure = false;
};

// Whether `word` is an entry of the declared word list `list`.
template <std::size_t N>
constexpr bool listed(const std::string_view (&list)[N], std::string_view word) {
  for (std::string_view entry : list) {
    if (entry == word) return true;
  }
  return false;
}

} // namespace params

// One row of `brief explain --params`.
struct ParamRow {
  std::string name;
  std::string value;
  std::string what;
  std::string origin;
};

// Every tunable above (and the summarizer's), with its value, what it does and its origin.
std::vector<ParamRow> describe_params();

} // namespace brief::analyze
