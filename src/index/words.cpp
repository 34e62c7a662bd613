#include "index/words.hpp"

#include "base/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

namespace brief::index {
namespace {

bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  return (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_CO_MASK)) != 0;
}

// Letters, digits and private-use characters: the categories unicode61 indexes by default.
bool is_indexed_char(char32_t cp) {
  if (cp < 0x80) return is_word_char(cp);
  const auto mask = U_GET_GC_MASK(static_cast<UChar32>(cp));
  return (mask & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK)) != 0;
}

bool is_ascii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

} // namespace

std::string fold_word(std::string_view word) {
  if (is_ascii(word)) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normaliser unavailable");
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString decomposed = nfd->normalize(source, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFD normalisation failed");
  // Dropping combining marks after NFD is what remove_diacritics does on the FTS5 side, so
  // "Nīnawā" and "Ninawa" compare equal here as they do in the index.
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 cp = decomposed.char32At(i);
    if ((U_GET_GC_MASK(cp) & U_GC_M_MASK) == 0) stripped.append(cp);
    i += U16_LENGTH(cp);
  }
  stripped.foldCase();
  std::string out;
  stripped.toUTF8String(out);
  return out;
}

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  size_t offset = 0;
  size_t word_begin = 0;
  bool in_word = false;
  while (offset < text.size()) {
    const size_t at = offset;
    const char32_t cp = utf8::decode(text, offset);
    const bool word_char = is_word_char(cp);
    if (word_char && !in_word) {
      word_begin = at;
      in_word = true;
    } else if (!word_char && in_word) {
      const std::string_view raw = text.substr(word_begin, at - word_begin);
      words.push_back({raw, fold_word(raw), static_cast<uint32_t>(word_begin), static_cast<uint32_t>(at)});
      in_word = false;
    }
  }
  if (in_word) {
    const std::string_view raw = text.substr(word_begin);
    words.push_back({raw, fold_word(raw), static_cast<uint32_t>(word_begin), static_cast<uint32_t>(text.size())});
  }
  return words;
}

bool has_word(std::string_view text) {
  for (size_t offset = 0; offset < text.size();) {
    if (is_indexed_char(utf8::decode(text, offset))) return true;
  }
  return false;
}

bool is_space(char32_t cp) { return u_isUWhiteSpace(static_cast<UChar32>(cp)) != 0; }

} // namespace brief::index
