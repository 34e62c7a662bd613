#include "analyze/context.hpp"

#include "analyze/terms.hpp"

#include <algorithm>
#include <array>

namespace brief::analyze {

namespace {

// First words that refer back to something the previous sentence named.
constexpr std::string_view k_anaphoric_starts[] = {
    "he", "she", "they", "these", "this", "it", "such", "those", "their", "his", "her", "its",
    "them", "him", "there",
};

// Sentence openings that continue an argument begun before (compared case-folded, on words).
constexpr std::string_view k_connectives[] = {
    "however", "in addition", "also", "moreover", "furthermore", "meanwhile", "in turn", "but",
    "and", "therefore", "thus", "instead", "nevertheless", "nonetheless", "on the other hand",
    "in this context", "to this end", "as a result", "in the same week", "besides", "still",
    "yet", "otherwise", "consequently", "hence", "likewise", "similarly", "for this reason",
    "despite this", "despite these", "at the same time",
};

// Adjectives after which "It is ..." is an empty subject, not a reference back.
constexpr std::string_view k_expletive_it_adjectives[] = {
    "important", "necessary", "essential", "clear", "evident", "likely", "unlikely", "possible",
    "impossible", "vital", "crucial", "critical", "becoming", "time", "worth", "hard", "difficult",
    "easy", "true", "expected", "estimated", "believed", "thought", "reported", "understood",
};

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

} // namespace

int count_words(std::string_view text) { return static_cast<int>(split_words(text).size()); }

SentenceCheck check_sentence(std::string_view text, const SentenceLimits& limits) {
  SentenceCheck check;
  std::vector<Word> words = split_words(text);
  int n = static_cast<int>(words.size());

  // Captions and credits.
  if (text.find("[Photo") != std::string_view::npos || text.find("Photo courtesy") != std::string_view::npos ||
      text.find("(Photo") != std::string_view::npos) {
    check.unfit = "photo caption";
    return check;
  }
  if (n > 0 && words[0].folded == "by" && n <= 5) {
    check.unfit = "byline";
    return check;
  }
  std::string_view trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '"' || trimmed.back() == '\'' ||
      trimmed.ends_with("\u201D") || trimmed.ends_with("\u2019"))) {
    trimmed.remove_suffix(trimmed.back() == ' ' || trimmed.back() == '"' || trimmed.back() == '\'' ? 1 : 3);
  }
  if (trimmed.ends_with("?")) {
    check.unfit = "question";
    return check;
  }
  if (n < limits.min_words) {
    check.unfit = "fewer than " + std::to_string(limits.min_words) + " words";
    return check;
  }
  if (n > limits.max_words) {
    check.unfit = "more than " + std::to_string(limits.max_words) + " words";
    return check;
  }

  // Lead-in rules. A sentence opening with a quotation is judged by its first words too.
  const std::string& first = words[0].folded;
  if (first == "it" && n > 2 && (words[1].folded == "is" || words[1].folded == "was" ||
      words[1].folded == "seems" || words[1].folded == "has") &&
      contains(k_expletive_it_adjectives, words[2].folded)) {
    // "It is important to ..." refers to nothing before.
  } else if (first == "its" && n > 1 && words[1].folded == "becoming") {
    // "It's becoming evident" ("it's" folds to "its").
  } else if (contains(k_anaphoric_starts, first)) {
    if (first == "there" && n > 1 && (words[1].folded == "is" || words[1].folded == "are" ||
        words[1].folded == "was" || words[1].folded == "were" || words[1].folded == "has")) {
      // Existential "there is", not a reference.
    } else {
      check.lead_in = "starts with '" + std::string(words[0].text) + "'";
      return check;
    }
  }
  for (std::string_view connective : k_connectives) {
    // Compare the connective's words with the sentence's first words.
    std::vector<Word> parts = split_words(connective);
    if (parts.size() > words.size()) continue;
    bool match = true;
    for (size_t i = 0; i < parts.size() && match; ++i) match = parts[i].folded == words[i].folded;
    if (match) {
      check.lead_in = "starts with '" + std::string(connective) + "'";
      return check;
    }
  }
  // A quotation attributed only by a pronoun ('"...," he said.') needs the speaker's name.
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i].folded;
    const std::string& next = words[i + 1].folded;
    bool pronoun = w == "he" || w == "she" || w == "they";
    bool speech = next == "said" || next == "added" || next == "told" || next == "stressed" ||
        next == "explained" || next == "argued" || next == "confirmed" || next == "concluded" ||
        next == "warned" || next == "says";
    if (pronoun && speech) {
      check.lead_in = "speaker named as '" + std::string(words[i].text) + "'";
      return check;
    }
  }
  return check;
}

} // namespace brief::analyze
