#include "analyze/context.hpp"

#include "analyze/terms.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace brief::analyze {

using namespace params;

bool is_credit(std::string_view text) {
  std::vector<Word> words = split_words(text);
  for (size_t i = 0; i < words.size(); ++i) {
    if (!listed(k_credit_words, words[i].folded)) continue;
    // "[Photo ...", "(Image: ...": a credit in brackets.
    std::string_view before = text.substr(0, words[i].begin);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (!before.empty() && (before.back() == '[' || before.back() == '(')) return true;
    // "Photo courtesy of ...", "Image: ..." at the start of the text.
    if (i == 0) {
      std::string_view after = text.substr(words[i].end);
      if (after.starts_with(":") || (i + 1 < words.size() && words[i + 1].folded == "courtesy")) return true;
    }
  }
  return false;
}

int count_words(std::string_view text) { return static_cast<int>(split_words(text).size()); }

SentenceCheck check_sentence(std::string_view text, const SentenceLimits& limits) {
  SentenceCheck check;
  std::vector<Word> words = split_words(text);
  int n = static_cast<int>(words.size());

  // Captions and credits.
  if (is_credit(text)) {
    check.unfit = "photo caption";
    return check;
  }
  if (n > 0 && words[0].folded == "by" && n <= 5) {
    check.unfit = "byline";
    return check;
  }
  std::string_view trimmed = text;
  while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '"' || trimmed.back() == '\'' ||
      trimmed.ends_with("\u201D") || trimmed.ends_with("\u2019") || trimmed.ends_with("\u00A0"))) {
    trimmed.remove_suffix(trimmed.back() == ' ' || trimmed.back() == '"' || trimmed.back() == '\'' ? 1
        : trimmed.ends_with("\u00A0") ? 2 : 3);
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
      listed(k_expletive_it_adjectives, words[2].folded)) {
    // "It is important to ..." refers to nothing before.
  } else if (listed(k_anaphoric_starts, first)) {
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

namespace {

// A word written like a name: upper and lower case letters, hyphens, apostrophes ("al-Araji",
// "McKenzie"); not an acronym ("ISIS") and not a lower-case word.
bool name_like(std::string_view word) {
  bool upper = false, lower = false;
  for (char c : word) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isupper(u)) upper = true;
    else if (std::islower(u)) lower = true;
    else if (c != '-' && c != '\'' && u < 0x80) return false;
  }
  return upper && lower;
}

bool capitalised(std::string_view word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
}

} // namespace

std::optional<BareSurname> bare_surname(std::string_view text, std::string_view before) {
  std::vector<Word> words = split_words(text);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const Word& name = words[i];
    const Word& verb = words[i + 1];
    if (!name_like(name.text)) continue;
    // The subject of a reported or past verb, right after it.
    if (text.substr(name.end, verb.begin - name.end) != " ") continue;
    const bool reported = listed(k_speech_verbs, verb.folded) || (verb.folded.size() > 4 && verb.folded.ends_with("ed"));
    if (!reported) continue;
    // Named in full here ("Qasim al-Araji said"), or a thing ("the Coalition announced").
    if (i > 0) {
      const Word& previous = words[i - 1];
      const bool joined = text.substr(previous.end, name.begin - previous.end) == " ";
      if ((joined && capitalised(previous.text)) || listed(k_name_determiners, previous.folded)) continue;
    }
    for (size_t at = before.find(name.text); at != std::string_view::npos; at = before.find(name.text, at + 1)) {
      const size_t end = at + name.text.size();
      if (end < before.size() && std::isalpha(static_cast<unsigned char>(before[end]))) continue;
      if (at < 2 || before[at - 1] != ' ') continue;
      const size_t space = before.find_last_of(" \n\t", at - 2);
      const size_t start = space == std::string_view::npos ? 0 : space + 1;
      std::string_view given = before.substr(start, at - 1 - start);
      if (name_like(given) && capitalised(given)) return BareSurname{std::string(name.text), start};
    }
  }
  return std::nullopt;
}

} // namespace brief::analyze
