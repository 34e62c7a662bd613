// Sentence splitting: ICU's sentence break rules (UAX #29) for English, then a pass that removes
// breaks ICU makes after abbreviations and initials ("Gen. McKenzie", "U.S. Army", "Kenneth F.
// McKenzie"), which UAX #29 cannot tell from sentence ends.

#include "corpus/corpus.hpp"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <stdexcept>

namespace brief::corpus {

namespace {

// Abbreviations after which a capitalised word continues the sentence (titles and ranks mostly).
constexpr std::string_view k_abbreviations[] = {"Gen.", "Lt.", "Col.", "Maj.", "Capt.",
    "Sgt.", "Cpl.", "Pvt.", "Brig.", "Adm.", "Cmdr.", "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rev.",
    "St.", "Sen.", "Rep.", "Gov.", "Pres.", "Amb.", "Hon.", "Mt.", "Ft.", "vs.", "cf.", "approx."};

// Abbreviations that only continue the sentence before a number ("No. 5", "pp. 12-14").
constexpr std::string_view k_number_abbreviations[] = {"No.", "Nos.", "no.", "Art.",
    "p.", "pp.", "Vol.", "para."};

// Words that usually open a new sentence: a break before them after "U.S." or an initial stays.
constexpr std::string_view k_sentence_openers[] = {"The", "This", "That", "These",
    "Those", "It", "Its", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And", "However",
    "Meanwhile", "There", "A", "An", "If", "As"};

// Longest token examined for an abbreviation; keeps the pass linear on pathological input.
constexpr size_t k_max_token_bytes = 24;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

bool is_opening(char c) { return c == '(' || c == '[' || c == '"' || c == '\''; }

template <size_t N>
bool contains(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Drops opening quotes and brackets, including the curly ones, from the front of a token.
std::string_view strip_opening(std::string_view token) {
  for (bool stripped = true; stripped && !token.empty();) {
    stripped = false;
    for (const std::string_view prefix : {"\u201C", "\u2018", "\u00AB", "(", "[", "\"", "'"}) {
      if (token.substr(0, prefix.size()) == prefix) {
        token.remove_prefix(prefix.size());
        stripped = true;
      }
    }
  }
  return token;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// "U.S.", "U.N.", "e.g.", "i.e.": single letters each followed by a dot, at least two of them.
bool is_dotted_initialism(std::string_view token) {
  if (token.size() < 4 || token.size() % 2 != 0) return false;
  for (size_t i = 0; i < token.size(); i += 2)
    if (!is_alpha(token[i]) || token[i + 1] != '.') return false;
  return true;
}

// The word starting at `pos` after spaces and opening punctuation (bounded look-ahead).
std::string_view next_word(std::string_view text, size_t pos) {
  const size_t limit = std::min(text.size(), pos + 64);
  while (pos < limit && (is_space(text[pos]) || is_opening(text[pos]))) ++pos;
  size_t end = pos;
  while (end < limit && is_alpha(text[end])) ++end;
  return text.substr(pos, end - pos);
}

// True when the break at `boundary` follows an abbreviation and should be removed.
bool continues_after_abbreviation(std::string_view text, size_t begin, size_t boundary) {
  size_t end = boundary;
  while (end > begin && is_space(text[end - 1])) --end;
  if (end == begin || text[end - 1] != '.') return false;
  size_t start = end;
  while (start > begin && end - start < k_max_token_bytes && !is_space(text[start - 1]) &&
         !is_opening(text[start - 1]))
    --start;
  if (start > begin && !is_space(text[start - 1]) && !is_opening(text[start - 1])) return false;
  const std::string_view token = strip_opening(text.substr(start, end - start));
  const std::string_view next = next_word(text, boundary);

  if (contains(k_abbreviations, token))
    return true;
  if (contains(k_number_abbreviations, token)) {
    size_t pos = boundary;
    while (pos < text.size() && pos < boundary + 8 && is_space(text[pos])) ++pos;
    return pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
  }
  const bool initial = token.size() == 2 && is_upper(token[0]);
  if (initial || is_dotted_initialism(token)) {
    return !contains(k_sentence_openers, next);
  }
  return false;
}

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};

// One sentence iterator per thread: creating one loads ICU rule data, which is slow.
icu::BreakIterator& sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> created(
        icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status) || !created) throw std::runtime_error("ICU sentence break iterator unavailable");
    return created;
  }();
  return *iterator;
}

} // namespace

std::vector<ByteRange> split_sentences(std::string_view text) {
  std::vector<ByteRange> out;
  if (text.empty()) return out;

  // ICU over a UTF-8 UText reports boundaries as byte offsets, so no UTF-16 copy is needed.
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UText, UTextCloser> utext(
      utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) throw std::runtime_error("cannot open text for sentence breaking");
  icu::BreakIterator& iterator = sentence_iterator();
  iterator.setText(utext.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error("cannot set text for sentence breaking");

  size_t begin = 0;
  for (int32_t b = iterator.next(); b != icu::BreakIterator::DONE; b = iterator.next()) {
    const auto boundary = static_cast<size_t>(b);
    if (boundary < text.size() && continues_after_abbreviation(text, begin, boundary)) continue;
    size_t first = begin, last = boundary;
    while (first < last && is_space(text[first])) ++first;
    while (last > first && is_space(text[last - 1])) --last;
    if (first < last) out.push_back({static_cast<uint32_t>(first), static_cast<uint32_t>(last)});
    begin = boundary;
  }
  // The iterator keeps a shallow clone of `utext`; point it at nothing before the text goes.
  iterator.setText(icu::UnicodeString());
  return out;
}

} // namespace brief::corpus
