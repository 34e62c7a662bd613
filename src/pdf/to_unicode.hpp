#pragma once
// Internal to pdf/: the ToUnicode CMap that makes text extractable.
//
// libharu 2.3 writes an identity range map that viewers warn about. The replacement has one
// bfchar entry per code actually drawn (2-byte code = the BMP code point) and maps Arabic
// presentation forms back to their base letters, so extracted Arabic reads as it was written.

#include "pdf/hpdf_document.hpp"

#include <set>
#include <string>

namespace brief::pdf::detail {

// The CMap program for `codes`.
std::string to_unicode_cmap(const std::set<char32_t>& codes);

// Replaces the ToUnicode stream of a Type0 font made by HPDF_GetFont(..., "UTF-8"). Returns false
// if the font has none (then nothing is changed).
bool replace_to_unicode(HPDF_Font font, const std::string& cmap);

} // namespace brief::pdf::detail
