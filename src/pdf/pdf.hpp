#pragma once
// pdf: PagedDocument -> PDF bytes, through libharu 2.3 (the only folder that includes <hpdf.h>).
//
// Carries the fixes libharu 2.3 needs: fonts are subset with hb-subset before libharu embeds
// them, nested composite glyph parts are flagged as used, the ToUnicode map is rewritten with one
// entry per code point used (presentation forms mapped back to base letters), every status is
// checked and the first error ends the document. Output is deterministic: no clock, no /ID.

#include "base/outcome.hpp"
#include "layout/paged.hpp"
#include "text/font.hpp"

#include <string>

namespace brief::pdf {

enum class FontEmbedding { subset, libharu };  // libharu = libharu's own embedding (for comparison)

// What the output claims beyond tagged PDF 1.7 (always written): nothing, or PDF/A-2b (an sRGB
// output intent, XMP pdfaid, a file identifier; fonts are always embedded, nothing is encrypted).
enum class Standard { none, pdfa_2b };

struct Options {
  FontEmbedding embedding = FontEmbedding::subset;
  bool compress = true;
  Standard standard = Standard::none;
};

// The PDF as bytes; nothing is written to disk here.
Outcome<std::string> write(const layout::PagedDocument& document, const text::FontLibrary& fonts,
    const Options& options = {});

} // namespace brief::pdf
