#include "pdf/to_unicode.hpp"

#include "base/utf8.hpp"

#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <vector>

namespace brief::pdf::detail {
namespace {

constexpr size_t k_entries_per_block = 100;  // the CMap syntax allows at most 100 per block

bool is_presentation_form(char32_t cp) {
  return (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

// What a code stands for in logical text, as UTF-16 units.
std::u16string meaning(char32_t cp) {
  icu::UnicodeString text(static_cast<UChar32>(cp));
  if (is_presentation_form(cp)) {
    // Compatibility decomposition takes a presentation form to its base letter(s):
    // U+FEFB (lam-alef) -> U+0644 U+0627. The glyphs stand in visual order (right to left runs
    // are drawn reversed) and extractors reverse what a glyph maps to along with the glyphs, so
    // a ligature's letters are listed in visual order too: alef, lam.
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    if (U_SUCCESS(status)) {
      icu::UnicodeString base = nfkc->normalize(text, status);
      if (U_SUCCESS(status) && !base.isEmpty()) text = base.reverse();
    }
  }
  return std::u16string(reinterpret_cast<const char16_t*>(text.getBuffer()),
      static_cast<size_t>(text.length()));
}

} // namespace

std::string to_unicode_cmap(const std::set<char32_t>& codes) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<char32_t> writable;
  for (char32_t cp : codes)
    if (cp > 0 && cp <= 0xFFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) writable.push_back(cp);
  for (size_t begin = 0; begin < writable.size(); begin += k_entries_per_block) {
    const size_t end = std::min(writable.size(), begin + k_entries_per_block);
    out += fmt::format("{} beginbfchar\n", end - begin);
    for (size_t i = begin; i < end; ++i) {
      out += fmt::format("<{:04X}> <", static_cast<unsigned>(writable[i]));
      for (char16_t unit : meaning(writable[i])) out += fmt::format("{:04X}", static_cast<unsigned>(unit));
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out +=
      "endcmap\n"
      "CMapName currentdict /CMap defineresource pop\n"
      "end\n"
      "end\n";
  return out;
}

bool replace_to_unicode(HPDF_Font font, const std::string& cmap) {
  auto* attr = static_cast<HPDF_FontAttr>(font->attr);
  if (!attr || !attr->cmap_stream || !attr->cmap_stream->stream) return false;
  HPDF_Stream stream = attr->cmap_stream->stream;
  HPDF_MemStream_FreeData(stream);
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
             static_cast<HPDF_UINT>(cmap.size())) == HPDF_OK;
}

} // namespace brief::pdf::detail
