#pragma once
// Whether a sentence can stand on its own in a brief: captions, bylines, questions, fragments and
// run-ons are unfit; sentences that lean on the one before ("He said", "These fighters ...",
// "However, ...") need it shown as a lead-in.

#include <string>
#include <string_view>

namespace brief::analyze {

struct SentenceCheck {
  std::string unfit;    // why the sentence cannot be used ("photo caption", "question"), or ""
  std::string lead_in;  // why it needs the previous sentence ("starts with 'These'"), or ""
};

// Word limits for a sentence to be shown alone.
struct SentenceLimits {
  int min_words = 6;   // "Security" or "Leave a Reply" are not statements
  int max_words = 75;  // run-on list paragraphs read badly as one claim
};

SentenceCheck check_sentence(std::string_view text, const SentenceLimits& limits = {});

// Number of words (letters or digits) in `text`.
int count_words(std::string_view text);

} // namespace brief::analyze
