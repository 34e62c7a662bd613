#pragma once
// Words and index terms of a sentence: Unicode-aware word splitting, case folding, English
// stopwords and the Snowball English stemmer. The rest of analyze/ compares sentences by the terms
// made here, so the brief and bench/summarize see the same words.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace brief::analyze {

// One word of a text: letters and digits, with inner apostrophes and hyphens kept.
struct Word {
  std::string_view text;  // as written, a view into the input
  std::string folded;     // case-folded, apostrophes and possessive 's removed
  size_t begin = 0;       // byte offsets in the input
  size_t end = 0;
  bool has_digit = false;
  bool has_letter = false;
};

// Splits `text` into words. Punctuation and spaces separate words; an apostrophe or hyphen between
// two word characters stays inside the word ("Da'esh", "co-operation", "5,000-6,000" is split).
std::vector<Word> split_words(std::string_view text);

// True for a case-folded English function word ("the", "and", "which" ...).
bool is_stopword(std::string_view folded);

// Turns text into index terms: folded, stopwords and one-letter words dropped, stemmed.
// Hyphenated words split into their parts, except after a bound prefix ("co-operation" ->
// "cooper", like "cooperation"). Not thread-safe: one TermMaker per thread.
class TermMaker {
public:
  TermMaker();
  ~TermMaker();
  TermMaker(const TermMaker&) = delete;
  TermMaker& operator=(const TermMaker&) = delete;

  std::vector<std::string> terms(std::string_view text);
  // The Snowball English stem of one folded word.
  std::string stem(std::string_view folded);

private:
  struct Stemmer;
  std::unique_ptr<Stemmer> m_stemmer;
};

} // namespace brief::analyze
