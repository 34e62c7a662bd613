#pragma once
// Word patterns that mark a call for action: modal cues in sentences ("should", "need to",
// "calls for"), cues in the lead-in of a list ("the following steps", "must"), and the base-form
// verbs that open imperative list items ("Strengthen ...", "Create ...").

#include "analyze/params.hpp"
#include "analyze/terms.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace brief::analyze {


struct CueMatch {
  CueStrength strength = CueStrength::none;
  std::string cue;  // the matched words, for traces
};

// The strongest action cue in a sentence.
CueMatch find_action_cue(const std::vector<Word>& words);

// A cue in the passage that introduces a list ("The following measures should ...").
CueMatch find_list_cue(const std::vector<Word>& words);

// True when `folded` is the base form of a verb that opens an imperative ("strengthen").
bool is_imperative_verb(std::string_view folded);

// The first word of an item's instruction: after a short "Label:" if there is one
// ("Border protection: Stepping up ..." -> "Stepping"). Index into `words`, or words.size().
size_t instruction_start(std::string_view text, const std::vector<Word>& words);

} // namespace brief::analyze
