#include "base/utf8.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <stdexcept>

namespace brief::utf8 {

namespace {

// The one well-formedness rule, shared by the validator and the decoder: ICU's U8_NEXT, which
// rejects overlongs, surrogates and code points above U+10FFFF. Returns the code point starting
// at `offset` and its length in bytes, or a negative code point for ill-formed input.
UChar32 next_code_point(std::string_view text, size_t offset, size_t& length) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto n = static_cast<int64_t>(text.size());
  int64_t at = static_cast<int64_t>(offset);
  UChar32 cp = 0;
  U8_NEXT(s, at, n, cp);
  length = static_cast<size_t>(at) - offset;
  return cp;
}

} // namespace

std::optional<size_t> find_invalid(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t length = 0;
    if (next_code_point(text, i, length) < 0) return i;
    i += length;
  }
  return std::nullopt;
}

char32_t decode(std::string_view text, size_t& offset) {
  size_t length = 0;
  const UChar32 cp = next_code_point(text, offset, length);
  if (cp < 0) {
    ++offset;
    return 0xFFFD;
  }
  offset += length;
  return static_cast<char32_t>(cp);
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::u32string to_utf32(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) out += decode(text, i);
  return out;
}

std::string from_utf32(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) append(out, cp);
  return out;
}

std::string to_nfc(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normaliser unavailable");
  const icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (nfc->isNormalized(source, status) && U_SUCCESS(status)) return std::string(text);
  status = U_ZERO_ERROR;
  const icu::UnicodeString normalized = nfc->normalize(source, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC normalisation failed");
  std::string out;
  normalized.toUTF8String(out);
  return out;
}

std::string fold_case(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.foldCase();
  std::string out;
  s.toUTF8String(out);
  return out;
}

size_t length(std::string_view text) {
  size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

} // namespace brief::utf8
