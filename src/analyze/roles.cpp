#include "analyze/roles.hpp"

#include "analyze/params.hpp"
#include "analyze/terms.hpp"

#include <algorithm>
#include <cctype>

namespace brief::analyze {

using namespace params;

namespace {

// The first phrase of `list` (space-separated folded words) found in `words`, or "".
template <size_t N>
std::string find_phrase(const std::vector<Word>& words, const std::string_view (&list)[N]) {
  for (std::string_view phrase : list) {
    std::vector<Word> parts = split_words(phrase);
    for (size_t i = 0; i + parts.size() <= words.size(); ++i) {
      bool same = true;
      for (size_t k = 0; k < parts.size() && same; ++k) same = words[i + k].folded == parts[k].folded;
      if (same) return std::string(phrase);
    }
  }
  return "";
}

bool ends_with_question(std::string_view text) {
  // Closing quotes, brackets and spaces (also no-break spaces) after the question mark.
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    while (!text.empty() && (text.back() == ' ' || text.back() == '"' || text.back() == '\'' || text.back() == ')')) {
      text.remove_suffix(1);
      trimmed = true;
    }
    for (std::string_view tail : {std::string_view("\u201D"), std::string_view("\u2019"), std::string_view("\u00A0")}) {
      if (text.ends_with(tail)) {
        text.remove_suffix(tail.size());
        trimmed = true;
      }
    }
  }
  return text.ends_with("?");
}

} // namespace

std::string speaker_label(std::string_view text) {
  // "Q" alone before the question, with or without a colon (a transcript convention): a colon,
  // dot, space or no-break space after it, then a capital ("Q fever ..." is no label).
  if (text.size() > 1 && text[0] == 'Q') {
    std::string_view rest = text.substr(1);
    bool separated = false;
    for (bool more = true; more && !rest.empty();) {
      more = false;
      if (rest[0] == ':' || rest[0] == '.' || rest[0] == ' ') {
        rest.remove_prefix(1);
        separated = more = true;
      } else if (rest.starts_with("\u00A0")) {
        rest.remove_prefix(2);
        separated = more = true;
      }
    }
    if (separated && !rest.empty() && std::isupper(static_cast<unsigned char>(rest[0]))) return "Q";
  }
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > static_cast<size_t>(k_max_speaker_label_chars)) return "";
  std::string_view label = text.substr(0, colon);
  // A label is upper case ("MODERATOR", "MR. PRICE", "Q"): letters, spaces, dots, hyphens, apostrophes.
  bool letter = false;
  for (char c : label) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::islower(u) || std::isdigit(u)) return "";
    if (std::isupper(u)) letter = true;
    else if (c != ' ' && c != '.' && c != '-' && c != '\'' && u < 0x80) return "";
  }
  return letter ? std::string(label) : "";
}

std::string assessment_cue(std::string_view text) {
  return find_phrase(split_words(text), k_estimative_cues);
}

SentenceRoles roles_of(const corpus::Document& document, const corpus::Passage& passage,
    const corpus::Sentence& sentence) {
  SentenceRoles roles;
  // The speaker in force: the nearest label at or before this passage.
  size_t index = static_cast<size_t>(&passage - document.passages.data());
  if (index < document.passages.size() && &document.passages[index] == &passage) {
    size_t stop = index >= static_cast<size_t>(k_max_turn_passages) ? index - static_cast<size_t>(k_max_turn_passages) : 0;
    for (size_t p = index + 1; p-- > stop;) {
      std::string label = speaker_label(document.passages[p].text);
      if (!label.empty()) {
        roles.speaker = std::move(label);
        break;
      }
      if (document.passages[p].kind == corpus::PassageKind::heading) break;
    }
  }
  std::vector<Word> words = split_words(sentence.text);
  std::vector<Word> speaker_words = split_words(roles.speaker);
  std::string first_speaker_word = speaker_words.empty() ? "" : speaker_words[0].folded;
  if (!first_speaker_word.empty() && listed(k_questioner_labels, first_speaker_word)) {
    roles.question = true;
    roles.why = "a reporter's turn (" + roles.speaker + ":)";
  } else if (ends_with_question(sentence.text)) {
    roles.question = true;
    roles.why = "a question";
  }
  if (!first_speaker_word.empty() && listed(k_procedural_labels, first_speaker_word)) {
    roles.procedural = true;
    roles.why = "a " + roles.speaker + " turn";
  } else if (std::string phrase = find_phrase(words, k_housekeeping_phrases); !phrase.empty() &&
      static_cast<int>(words.size()) <= k_max_housekeeping_words) {
    roles.procedural = true;
    roles.why = "housekeeping ('" + phrase + "')";
  }
  if (std::string cue = find_phrase(words, k_estimative_cues); !cue.empty()) {
    roles.assessment = true;
    if (roles.why.empty()) roles.why = "estimative cue '" + cue + "'";
  }
  for (size_t i = 0; i < words.size(); ++i) {
    if (listed(k_speech_verbs, words[i].folded)) {
      roles.attribution = true;
      break;
    }
  }
  return roles;
}

} // namespace brief::analyze
