#pragma once
// Internal to pdf/: embedding faces into a libharu document, and the fixes libharu 2.3 needs
// before saving (listed in pdf/pdf.hpp).

#include "base/outcome.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/pdf.hpp"
#include "text/font.hpp"

#include <set>
#include <string>

namespace brief::pdf::detail {

struct EmbeddedFont {
  text::FaceId face = 0;
  HPDF_Font font = nullptr;
  HPDF_FontDef definition = nullptr;
  std::string bytes;  // the TrueType data libharu was given (a subset, or the whole file)
  int index = 0;      // face index inside `bytes` (collections)
  std::set<char32_t> codepoints;  // every code point drawn in this face
};

// Embeds `face` for `codepoints`: a hb-subset of the face, or (FontEmbedding::libharu) the whole
// file as libharu embeds it. `ordinal` picks the deterministic subset tag ("AAAAAB+Name").
// Font data goes to libharu from memory; nothing touches the disk. `padding` adds that many
// undrawn ASCII characters to a subset, which changes the sizes of its tables (see pdf::write).
Outcome<EmbeddedFont> embed_font(HpdfDocument& document, const text::FontLibrary& fonts,
    text::FaceId face, const std::set<char32_t>& codepoints, FontEmbedding embedding, size_t ordinal,
    size_t padding = 0);

// libharu 2.3 embeds a composite glyph without the parts of parts (Ḥ loses its dot below):
// flags every component of every used glyph, recursively, as used. Call just before saving.
void flag_composite_parts(const EmbeddedFont& font);

} // namespace brief::pdf::detail
