#pragma once
// Word splitting shared by alias detection and query parsing.
//
// A word is a run of letters, digits, marks and private-use characters; everything else
// (spaces, punctuation, symbols, both apostrophes ' and ’) separates words. That is the same
// split the FTS5 unicode61 tokenizer makes, so "Da'esh", "Da’esh" and "Da esh" all become the
// words `da` `esh`, and "ISIS's" starts with the word `ISIS`.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace brief::index {

struct Word {
  std::string_view raw;  // as written, for case-sensitive comparison
  std::string folded;    // case-folded, diacritics removed, for case-insensitive comparison
  uint32_t begin = 0;    // byte range in the split text
  uint32_t end = 0;
};

// The words of `text` (valid UTF-8) in order.
std::vector<Word> split_words(std::string_view text);

// True if `text` contains at least one letter or digit, i.e. something FTS5 would index.
bool has_word(std::string_view text);

// `word` case-folded with diacritics removed ("Nīnawā" -> "ninawa").
std::string fold_word(std::string_view word);

// Unicode white space (including no-break spaces), which separates query terms.
bool is_space(char32_t cp);

} // namespace brief::index
