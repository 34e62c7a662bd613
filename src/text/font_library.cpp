#include "text/face.hpp"
#include "text/fontconfig.hpp"

#include "base/hash.hpp"
#include "base/utf8.hpp"

#include <fmt/format.h>
#include <hb-ot.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace brief::text {
namespace {

constexpr size_t k_max_font_bytes = size_t{64} << 20;
constexpr size_t k_max_family_hints = 4;

uint32_t read_u32(const std::string& b, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data()) + at;
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint16_t read_u16(const std::string& b, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data()) + at;
  return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

// Checks the sfnt table directory of face `index` against the file size. HarfBuzz accepts a
// truncated file quietly (the cut tables just read as empty) and libharu returns NULL for it
// without an error code, so truncation must be caught here. Returns what is wrong, or "".
std::string check_table_directory(const std::string& bytes, int index) {
  if (bytes.size() < 12) return "is too short to be a font";
  size_t offset = 0;
  if (bytes.compare(0, 4, "ttcf") == 0) {
    const uint32_t count = read_u32(bytes, 8);
    if (index < 0 || static_cast<uint32_t>(index) >= count) return "has no face at that index";
    if (bytes.size() < 12 + 4 * (size_t(index) + 1)) return "is truncated";
    offset = read_u32(bytes, 12 + 4 * size_t(index));
  }
  if (offset + 12 > bytes.size()) return "is truncated";
  const uint32_t version = read_u32(bytes, offset);
  if (version == 0x4F54544F) return "has PostScript (CFF) outlines; only TrueType outlines can be embedded";
  if (version != 0x00010000 && version != 0x74727565) return "is not a TrueType font";
  const uint16_t tables = read_u16(bytes, offset + 4);
  if (offset + 12 + size_t{tables} * 16 > bytes.size()) return "is truncated";
  for (uint16_t t = 0; t < tables; ++t) {
    const size_t record = offset + 12 + size_t{t} * 16;
    const uint64_t start = read_u32(bytes, record + 8);
    const uint64_t length = read_u32(bytes, record + 12);
    if (start + length > bytes.size()) return "is truncated";
  }
  return {};
}

bool has_table(hb_face_t* face, hb_tag_t tag) {
  hb_blob_t* blob = hb_face_reference_table(face, tag);
  const bool present = hb_blob_get_length(blob) > 0;
  hb_blob_destroy(blob);
  return present;
}

std::string name_of(hb_face_t* face) {
  for (hb_ot_name_id_t id : {HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY}) {
    unsigned size = 256;
    char buffer[256];
    if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, buffer) > 0)
      return std::string(buffer, size);
  }
  return {};
}

double metric(hb_font_t* font, hb_ot_metrics_tag_t tag, double fallback, int upem) {
  hb_position_t value = 0;
  if (!hb_ot_metrics_get_position(font, tag, &value) || value == 0) return fallback;
  return double(value) / upem;
}

// The height of a letter's outline, for fonts whose OS/2 table predates cap and x heights.
double letter_height(hb_font_t* font, char32_t letter, double fallback, int upem) {
  hb_codepoint_t glyph = 0;
  hb_glyph_extents_t extents{};
  if (!hb_font_get_nominal_glyph(font, letter, &glyph) ||
      !hb_font_get_glyph_extents(font, glyph, &extents) || extents.y_bearing <= 0)
    return fallback;
  return double(extents.y_bearing) / upem;
}

} // namespace

int detail::Face::nominal_advance(char32_t cp) {
  const auto found = nominal_units.find(cp);
  if (found != nominal_units.end()) return found->second;
  hb_codepoint_t glyph = 0;
  hb_font_get_nominal_glyph(font.get(), cp, &glyph);
  const int advance = hb_font_get_glyph_h_advance(font.get(), glyph);
  nominal_units.emplace(cp, advance);
  return advance;
}

Outcome<FaceId> FontLibrary::Impl::load(const std::filesystem::path& path, int index) {
  const auto key = std::make_pair(path.string(), index);
  if (const auto found = by_file.find(key); found != by_file.end()) return found->second;

  Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) -> Outcome<FaceId> {
    diagnostics.error({}, fmt::format("font file `{}` {}", path.string(), what));
    return diagnostics;
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail("cannot be read");
  auto face = std::make_unique<detail::Face>();
  face->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return fail("cannot be read");
  if (face->bytes.empty()) return fail("is empty");
  if (face->bytes.size() > k_max_font_bytes) return fail("is too large to be a font");
  if (const std::string problem = check_table_directory(face->bytes, index); !problem.empty())
    return fail(problem);

  face->blob = detail::HbBlob(hb_blob_create(face->bytes.data(),
      static_cast<unsigned>(face->bytes.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  face->face = detail::HbFace(hb_face_create(face->blob.get(), static_cast<unsigned>(index)));
  hb_face_t* hb_face = face->face.get();
  if (hb_face_get_glyph_count(hb_face) == 0) return fail("has no glyphs");
  if (!has_table(hb_face, HB_TAG('c', 'm', 'a', 'p'))) return fail("has no character map");
  if (!has_table(hb_face, HB_TAG('g', 'l', 'y', 'f')) ||
      !has_table(hb_face, HB_TAG('l', 'o', 'c', 'a')))
    return fail("has no TrueType outlines; only TrueType outlines can be embedded");
  const int upem = static_cast<int>(hb_face_get_upem(hb_face));
  if (upem < 16) return fail("has an invalid units-per-em");

  face->font = detail::HbFont(hb_font_create(hb_face));
  hb_font_t* font = face->font.get();
  hb_font_set_scale(font, upem, upem);
  face->unicodes = detail::HbSet(hb_set_create());
  hb_face_collect_unicodes(hb_face, face->unicodes.get());
  if (hb_set_is_empty(face->unicodes.get())) return fail("maps no characters");

  FaceInfo& info = face->info;
  info.path = path;
  info.index = index;
  info.family = name_of(hb_face);
  info.bold = hb_style_get_value(font, HB_STYLE_TAG_WEIGHT) >= 600.0f;
  info.italic = hb_style_get_value(font, HB_STYLE_TAG_ITALIC) > 0.0f ||
                hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE) != 0.0f;
  info.units_per_em = upem;
  info.ascender = metric(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, 0.8, upem);
  info.descender = metric(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, -0.2, upem);
  if (info.descender > 0) info.descender = -info.descender;
  info.cap_height = metric(font, HB_OT_METRICS_TAG_CAP_HEIGHT,
      letter_height(font, U'H', 0.7, upem), upem);
  info.x_height = metric(font, HB_OT_METRICS_TAG_X_HEIGHT, letter_height(font, U'x', 0.5, upem), upem);

  const auto id = static_cast<FaceId>(faces.size());
  faces.push_back(std::move(face));
  by_file.emplace(key, id);
  return id;
}

std::optional<FaceId> FontLibrary::Impl::fallback(const std::string& family, bool bold, bool italic) {
  const detail::FaceKey key{utf8::fold_case(family), bold, italic};
  if (const auto found = by_request.find(key); found != by_request.end()) return found->second;
  std::optional<FaceId> id;
  if (const auto file = detail::match_family(family, bold, italic)) {
    auto loaded = load(file->path, file->index);
    if (loaded.ok()) id = *loaded;
  }
  by_request.emplace(key, id);
  return id;
}

std::optional<FaceId> FontLibrary::Impl::covering(const std::string& family, char32_t cp, bool bold, bool italic) {
  auto key = std::make_tuple(cp, utf8::fold_case(family), bold, italic);
  if (const auto found = by_coverage.find(key); found != by_coverage.end()) return found->second;
  std::optional<FaceId> id;
  if (const auto file = detail::match_covering(family, cp, bold, italic)) {
    auto loaded = load(file->path, file->index);
    if (loaded.ok() && faces[*loaded]->covers(cp)) id = *loaded;
  }
  by_coverage.emplace(std::move(key), id);
  return id;
}

FontLibrary::FontLibrary() : m_impl(std::make_unique<Impl>()) {
  // Kerning stays on; ligatures go, so that every glyph is one code point and extracted
  // text reads exactly as written.
  for (const char* feature : {"-liga", "-clig", "-dlig", "-hlig", "+kern"}) {
    hb_feature_t f;
    hb_feature_from_string(feature, -1, &f);
    m_impl->features.push_back(f);
  }
}

FontLibrary::~FontLibrary() = default;

Outcome<FaceId> FontLibrary::find(const std::string& family, bool bold, bool italic,
    const Span& span) {
  const detail::FaceKey key{utf8::fold_case(family), bold, italic};
  if (const auto found = m_impl->by_request.find(key);
      found != m_impl->by_request.end() && found->second)
    return *found->second;

  Diagnostics diagnostics;
  const auto file = detail::match_family(family, bold, italic);
  if (!file) {
    const auto installed = installed_families();
    std::vector<std::string> hints;
    std::vector<std::string> named;
    const auto add = [&](const std::string& name) {
      if (named.size() < k_max_family_hints &&
          std::find(named.begin(), named.end(), name) == named.end())
        named.push_back(name);
    };
    if (const auto closest = closest_match(family, installed); !closest.empty()) add(closest);
    const std::string folded = utf8::fold_case(family);
    for (const auto& name : installed) {
      const std::string other = utf8::fold_case(name);
      if (!folded.empty() && (other.find(folded) != std::string::npos ||
                                 folded.find(other) != std::string::npos))
        add(name);
    }
    if (!named.empty()) {
      std::string list;
      for (const auto& name : named) list += (list.empty() ? "`" : ", `") + name + "`";
      hints.push_back(named.size() == 1 ? fmt::format("did you mean {}?", list)
                                        : fmt::format("installed families with similar names: {}", list));
    }
    hints.push_back("`fc-list : family` lists the installed families");
    diagnostics.error(span, fmt::format("font family `{}` is not installed", family), hints);
    return diagnostics;
  }
  auto loaded = m_impl->load(file->path, file->index);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics()) diagnostics.error(span, d.message, d.hints);
    return diagnostics;
  }
  m_impl->by_request[key] = *loaded;
  return *loaded;
}

Outcome<FaceId> FontLibrary::load_file(const std::filesystem::path& path) {
  return m_impl->load(path, 0);
}

const FaceInfo& FontLibrary::info(FaceId face) const { return m_impl->faces.at(face)->info; }

std::string FontLibrary::content_hash(FaceId face) const {
  return sha256_hex(m_impl->faces.at(face)->bytes);
}

bool FontLibrary::covers(FaceId face, char32_t cp) const { return m_impl->faces.at(face)->covers(cp); }

size_t FontLibrary::face_count() const { return m_impl->faces.size(); }

std::vector<std::string> FontLibrary::installed_families() const {
  return detail::installed_family_names();
}

} // namespace brief::text
