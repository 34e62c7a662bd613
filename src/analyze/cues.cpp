#include "analyze/cues.hpp"

#include <algorithm>

namespace brief::analyze {

namespace {

struct Pattern {
  std::string_view words;  // space-separated, folded
  CueStrength strength;
};

// Sentence cues. Strong: the sentence itself asks for action. Weak: it reports that someone
// stressed a need or an importance, which is often, but not always, a recommendation.
constexpr Pattern k_action_cues[] = {
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
constexpr Pattern k_list_cues[] = {
    {"recommend", CueStrength::strong}, {"recommends", CueStrength::strong},
    {"recommendations", CueStrength::strong}, {"recommended", CueStrength::strong},
    {"should", CueStrength::strong}, {"must", CueStrength::strong},
    {"need to", CueStrength::strong}, {"the following steps", CueStrength::strong},
    {"measures", CueStrength::strong}, {"proposals", CueStrength::strong},
    {"we propose", CueStrength::strong}, {"suggestions", CueStrength::strong},
    {"the way forward", CueStrength::strong},
};

// Base-form verbs that open imperative recommendations in policy writing.
constexpr std::string_view k_imperative_verbs[] = {
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
  constexpr size_t k_max_label_words = 8;
  size_t colon = text.find(':');
  if (colon == std::string_view::npos) return 0;
  size_t before = 0;
  while (before < words.size() && words[before].end <= colon) ++before;
  if (before == 0 || before > k_max_label_words) return 0;
  return before;
}

} // namespace brief::analyze
