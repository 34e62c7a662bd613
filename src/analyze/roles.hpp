#pragma once
// Sentence roles by declared rules (word lists in params.hpp): an assessment (estimative language
// after ICD 203: likelihood and confidence terms, "assess", "judge", "indicates"), a question
// (a reporter's turn in a transcript, or a sentence ending in "?"), procedural talk (moderator and
// operator turns, greetings and housekeeping), attribution (reported speech). A question or a
// procedural line is never shown as the source's claim, recommendation or judgment.

#include "corpus/corpus.hpp"

#include <string>
#include <string_view>

namespace brief::analyze {

struct SentenceRoles {
  bool assessment = false;   // estimative or analytic judgment
  bool question = false;     // asked, not claimed
  bool procedural = false;   // moderator, operator, greeting, housekeeping
  bool attribution = false;  // reported speech ("..., officials said")
  std::string speaker;       // transcript speaker label in force ("Q", "MODERATOR", "MR. PRICE"), or ""
  std::string why;           // the rule that decided, for `brief explain`
};

// The speaker label a passage opens with ("MODERATOR:", "Q:", "MS. JEAN-PIERRE:"), or "".
std::string speaker_label(std::string_view text);

// Roles of one sentence of `passage` in `document`; the speaker is the last label at or before
// the passage (transcript turns run until the next label).
SentenceRoles roles_of(const corpus::Document& document, const corpus::Passage& passage,
    const corpus::Sentence& sentence);

// The estimative or analytic cue in `text`, or "".
std::string assessment_cue(std::string_view text);

} // namespace brief::analyze
