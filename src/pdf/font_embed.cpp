#include "pdf/font_embed.hpp"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_streams.h>

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <vector>

namespace brief::pdf::detail {
namespace {

constexpr size_t k_stream_chunk = 64 * 1024;
constexpr int k_max_component_depth = 16;  // a malicious font could nest forever

// A read-only view of the glyph data of one face in a TrueType file.
class GlyfReader {
public:
  GlyfReader(const std::string& bytes, int index) : m_bytes(bytes) {
    size_t offset = 0;
    if (bytes.size() >= 12 && bytes.compare(0, 4, "ttcf") == 0) {
      if (bytes.size() < 16 + 4 * size_t(index)) return;
      offset = u32(12 + 4 * size_t(index));
    }
    if (offset + 12 > bytes.size()) return;
    const uint16_t tables = u16(offset + 4);
    size_t head = 0, maxp = 0, loca = 0, glyf = 0;
    for (uint16_t t = 0; t < tables; ++t) {
      const size_t record = offset + 12 + size_t{t} * 16;
      if (record + 16 > bytes.size()) return;
      const std::string tag = bytes.substr(record, 4);
      const size_t start = u32(record + 8), length = u32(record + 12);
      if (start + length > bytes.size()) return;
      if (tag == "head") head = start;
      if (tag == "maxp") maxp = start;
      if (tag == "loca") { loca = start; m_loca_end = start + length; }
      if (tag == "glyf") { glyf = start; m_glyf_end = start + length; }
    }
    if (!head || !maxp || !loca || !glyf || head + 54 > bytes.size() || maxp + 6 > bytes.size()) return;
    m_long_offsets = u16(head + 50) != 0;
    m_glyph_count = u16(maxp + 4);
    m_loca = loca;
    m_glyf = glyf;
    m_valid = true;
  }

  // The glyph ids a composite glyph is built from (empty for simple glyphs).
  std::vector<uint16_t> components(uint16_t glyph) const {
    std::vector<uint16_t> out;
    if (!m_valid || glyph >= m_glyph_count) return out;
    size_t start = 0, end = 0;
    if (m_long_offsets) {
      if (m_loca + 4 * (size_t(glyph) + 2) > m_loca_end) return out;
      start = u32(m_loca + 4 * size_t(glyph));
      end = u32(m_loca + 4 * (size_t(glyph) + 1));
    } else {
      if (m_loca + 2 * (size_t(glyph) + 2) > m_loca_end) return out;
      start = size_t{u16(m_loca + 2 * size_t(glyph))} * 2;
      end = size_t{u16(m_loca + 2 * (size_t(glyph) + 1))} * 2;
    }
    start += m_glyf;
    end += m_glyf;
    if (end <= start + 10 || end > m_glyf_end) return out;
    if (static_cast<int16_t>(u16(start)) >= 0) return out;  // simple glyph
    constexpr uint16_t k_words = 0x0001, k_scale = 0x0008, k_more = 0x0020, k_xy_scale = 0x0040,
                       k_two_by_two = 0x0080;
    size_t at = start + 10;
    for (;;) {
      if (at + 4 > end) break;
      const uint16_t flags = u16(at);
      out.push_back(u16(at + 2));
      at += 4 + ((flags & k_words) ? 4 : 2);
      if (flags & k_scale) at += 2;
      else if (flags & k_xy_scale) at += 4;
      else if (flags & k_two_by_two) at += 8;
      if (!(flags & k_more)) break;
    }
    return out;
  }

private:
  uint32_t u32(size_t at) const {
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data()) + at;
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  }
  uint16_t u16(size_t at) const {
    const auto* p = reinterpret_cast<const unsigned char*>(m_bytes.data()) + at;
    return static_cast<uint16_t>((p[0] << 8) | p[1]);
  }

  const std::string& m_bytes;
  bool m_valid = false;
  bool m_long_offsets = false;
  uint16_t m_glyph_count = 0;
  size_t m_loca = 0, m_loca_end = 0, m_glyf = 0, m_glyf_end = 0;
};

void flag_recursively(const GlyfReader& reader, HPDF_BYTE* flags, uint16_t count, uint16_t glyph, int depth) {
  if (depth > k_max_component_depth) return;
  for (uint16_t part : reader.components(glyph)) {
    if (part >= count) continue;
    flags[part] = 1;
    flag_recursively(reader, flags, count, part, depth + 1);
  }
}

// "AAAAAA", "AAAAAB", ...: deterministic subset tags, unique within a document.
std::string subset_tag(size_t ordinal) {
  std::string tag(HPDF_TTF_FONT_TAG_LEN, 'A');
  for (size_t i = tag.size(); i-- > 0 && ordinal > 0; ordinal /= 26)
    tag[i] = static_cast<char>('A' + ordinal % 26);
  return tag;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

Outcome<EmbeddedFont> embed_font(HpdfDocument& document, const text::FontLibrary& fonts,
    text::FaceId face, const std::set<char32_t>& codepoints, FontEmbedding embedding, size_t ordinal,
    size_t padding) {
  Diagnostics diagnostics;
  const text::FaceInfo& info = fonts.info(face);
  EmbeddedFont out;
  out.face = face;
  out.codepoints = codepoints;
  if (embedding == FontEmbedding::subset) {
    std::set<char32_t> wanted = codepoints;
    for (char32_t cp = U'!'; padding > 0 && cp < 0x7F; ++cp)
      if (!wanted.count(cp) && fonts.covers(face, cp)) {
        wanted.insert(cp);
        --padding;
      }
    auto subset = fonts.subset(face, std::vector<char32_t>(wanted.begin(), wanted.end()));
    if (!subset.ok()) return subset.diagnostics();
    out.bytes = std::move(*subset);
    out.index = 0;
  } else {
    out.bytes = read_file(info.path);
    out.index = info.index;
    if (out.bytes.empty()) {
      diagnostics.error({}, fmt::format("font file `{}` cannot be read", info.path.string()));
      return diagnostics;
    }
  }

  HPDF_Doc pdf = document.get();
  HPDF_Stream stream = HPDF_MemStream_New(pdf->mmgr, k_stream_chunk);
  if (!document.check_handle(stream, "creating a font stream")) return diagnostics;
  if (!document.check(HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(out.bytes.data()),
                          static_cast<HPDF_UINT>(out.bytes.size())),
          "copying font data")) {
    HPDF_Stream_Free(stream);
    return diagnostics;
  }
  // The definition takes the stream over (and frees it if loading fails).
  HPDF_FontDef definition = out.bytes.compare(0, 4, "ttcf") == 0
      ? HPDF_TTFontDef_Load2(pdf->mmgr, stream, static_cast<HPDF_UINT>(out.index), HPDF_TRUE)
      : HPDF_TTFontDef_Load(pdf->mmgr, stream, HPDF_TRUE);
  if (!definition) {
    // A load failure sets the error without calling the handler; make it the document's error.
    document.check_handle(nullptr, "loading a font");
    diagnostics.error({}, fmt::format("libharu cannot load font `{}`{}", info.path.string(),
        embedding == FontEmbedding::subset ? " (subset)" : ""));
    return diagnostics;
  }
  HPDF_TTFontDef_SetTagName(definition, const_cast<char*>(subset_tag(ordinal).c_str()));
  if (!document.check(HPDF_Doc_RegisterFontDef(pdf, definition), "registering a font")) return diagnostics;
  out.font = HPDF_GetFont(pdf, definition->base_font, "UTF-8");
  if (!document.check_handle(out.font, "creating a font")) return diagnostics;
  out.definition = definition;
  return out;
}

void flag_composite_parts(const EmbeddedFont& font) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(font.definition->attr);
  if (!attr || !attr->glyph_tbl.flgs) return;
  const GlyfReader reader(font.bytes, font.index);
  HPDF_BYTE* flags = attr->glyph_tbl.flgs;
  const uint16_t count = attr->num_glyphs;
  // Every drawn code point's glyph is used, whatever libharu noted.
  for (char32_t cp : font.codepoints) {
    if (cp > 0xFFFF) continue;
    const HPDF_UINT16 glyph = HPDF_TTFontDef_GetGlyphid(font.definition, static_cast<HPDF_UINT16>(cp));
    if (glyph < count) flags[glyph] = 1;
  }
  std::vector<uint16_t> used;
  for (uint16_t g = 0; g < count; ++g)
    if (flags[g]) used.push_back(g);
  for (uint16_t g : used) flag_recursively(reader, flags, count, g, 0);
}

} // namespace brief::pdf::detail
