#include "analyze/cues.hpp"

#include <algorithm>

namespace brief::analyze {

using namespace params;

namespace {





CueMatch match(const std::vector<Word>& words, const Pattern* begin, const Pattern* end) {
  CueMatch best;
  for (const Pattern* p = begin; p != end; ++p) {
    std::vector<Word> parts = split_words(p->words);
    for (size_t i = 0; i + parts.size() <= words.size(); ++i) {
      bool same = true;
      for (size_t k = 0; k < parts.size() && same; ++k) same = words[i + k].folded == parts[k].folded;
      if (same && p->strength > best.strength) {
        best.strength = p->strength;
        best.cue = std::string(p->words);
      }
    }
  }
  return best;
}

} // namespace

CueMatch find_action_cue(const std::vector<Word>& words) {
  return match(words, std::begin(k_action_cues), std::end(k_action_cues));
}

CueMatch find_list_cue(const std::vector<Word>& words) {
  return match(words, std::begin(k_list_cues), std::end(k_list_cues));
}

bool is_imperative_verb(std::string_view folded) {
  return std::find(std::begin(k_imperative_verbs), std::end(k_imperative_verbs), folded) !=
      std::end(k_imperative_verbs);
}

size_t instruction_start(std::string_view text, const std::vector<Word>& words) {
  // A label is a few words before a colon near the start of the item.
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return 0;
  size_t before = 0;
  while (before < words.size() && words[before].end <= colon) ++before;
  if (before == 0 || before > static_cast<size_t>(k_max_instruction_label_words)) return 0;
  return before;
}

} // namespace brief::analyze
