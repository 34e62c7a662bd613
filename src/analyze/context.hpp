#pragma once
// Whether a sentence can stand on its own in a brief: captions, bylines, questions, fragments and
// run-ons are unfit; sentences that lean on the one before ("He said", "These fighters ...",
// "However, ...") need it shown as a lead-in.

#include "analyze/params.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace brief::analyze {

struct SentenceCheck {
  std::string unfit;    // why the sentence cannot be used ("photo caption", "question"), or ""
  std::string lead_in;  // why it needs the previous sentence ("starts with 'These'"), or ""
};

// Word limits for a sentence to be shown alone (values and origin in params.hpp).
struct SentenceLimits {
  int min_words = params::k_min_sentence_words;
  int max_words = params::k_max_sentence_words;
};

// A photo or image credit ("[Photo courtesy ...]", "(Image: ...)", "Photo: ..."): a caption, not
// a statement of the source. The credit words are params::k_credit_words.
bool is_credit(std::string_view text);

SentenceCheck check_sentence(std::string_view text, const SentenceLimits& limits = {});

// A person named by surname alone as the subject of a reported or past verb ("In November 2024,
// al-Araji acknowledged ...") whom `before` (the document's text before the sentence) named in
// full ("Qasim al-Araji"): the sentence leans on the one that introduced the name.
struct BareSurname {
  std::string surname;
  size_t at = 0;  // where in `before` the full name begins
};
std::optional<BareSurname> bare_surname(std::string_view text, std::string_view before);

// Number of words (letters or digits) in `text`.
int count_words(std::string_view text);

} // namespace brief::analyze
