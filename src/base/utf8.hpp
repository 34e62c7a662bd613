#pragma once
// UTF-8 validation, decoding and normalisation (ICU).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace brief::utf8 {

// Byte offset of the first byte that is not part of well-formed UTF-8 (overlongs, surrogates and
// code points above U+10FFFF are ill-formed), or nullopt if `text` is valid.
std::optional<size_t> find_invalid(std::string_view text);

// Decodes the code point starting at `offset` and advances `offset` past it. Ill-formed input
// yields U+FFFD and advances one byte.
char32_t decode(std::string_view text, size_t& offset);

// Appends the UTF-8 encoding of `cp` to `out`.
void append(std::string& out, char32_t cp);

std::u32string to_utf32(std::string_view text);
std::string from_utf32(std::u32string_view text);

// Unicode Normalization Form C (ICU). Input must be valid UTF-8.
std::string to_nfc(std::string_view text);

// Full Unicode case folding (ICU), for case-insensitive comparison.
std::string fold_case(std::string_view text);

// Number of code points.
size_t length(std::string_view text);

} // namespace brief::utf8
