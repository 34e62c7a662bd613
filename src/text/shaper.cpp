#include "text/bidi.hpp"
#include "text/face.hpp"

#include "base/utf8.hpp"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace brief::text {
namespace {

constexpr char32_t k_replacement = 0xFFFD;
constexpr size_t k_width_cache_limit = 200'000;  // entries per face before the cache restarts
constexpr size_t k_shape_cache_limit = 50'000;   // likewise; an entry holds its glyphs
constexpr size_t k_shape_cache_max_bytes = 64;   // words and short phrases; lines are not cached

// Faces tried, in order, for characters the requested face lacks; then, for other scripts, the
// face fontconfig finds by coverage (FontLibrary::Impl::covering).
constexpr std::array<const char*, 3> k_arabic_fallbacks{"Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"};
constexpr std::array<const char*, 1> k_other_fallbacks{"DejaVu Sans"};

using Item = detail::ShapeItem;

// Invisible code points (format controls, joiners, variation selectors, C0/C1 controls) are not
// written: a face has no glyph for them and a viewer would show .notdef.
bool is_invisible(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return true;
  if (cp < 0xAD) return false;
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_mark(char32_t cp) {
  const auto category = u_charType(static_cast<UChar32>(cp));
  return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
         category == U_COMBINING_SPACING_MARK;
}

bool is_neutral(char32_t cp) {
  if (cp < 0x80) return !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &status);
  return U_SUCCESS(status) && (script == USCRIPT_COMMON || script == USCRIPT_INHERITED);
}

} // namespace

void FontLibrary::Impl::assign_faces(FaceId primary, std::vector<Item>& items,
    std::vector<char32_t>* missing) {
  Impl& impl = *this;
  const FaceInfo& style = impl.faces[primary]->info;
  std::optional<FaceId> previous;
  for (Item& item : items) {
    const char32_t cp = item.cp;
    const auto covered = [&](FaceId f) { return impl.faces[f]->covers(cp); };
    // Marks and neutral characters stay with the face before them, so runs stay whole.
    if (previous && cp <= 0xFFFF && (is_mark(cp) || is_neutral(cp)) && covered(*previous)) {
      item.face = *previous;
      continue;
    }
    std::optional<FaceId> chosen;
    if (cp <= 0xFFFF) {
      if (covered(primary)) {
        chosen = primary;
      } else {
        const bool arabic = detail::is_arabic(cp);
        const auto try_list = [&](const auto& list) {
          for (const char* family : list) {
            const auto f = impl.fallback(family, style.bold, style.italic);
            if (f && covered(*f)) return f;
          }
          return std::optional<FaceId>{};
        };
        chosen = arabic ? try_list(k_arabic_fallbacks) : try_list(k_other_fallbacks);
        // Scripts the declared lists do not cover: whatever installed face fontconfig ranks
        // first for the character (Noto Sans Devanagari for Devanagari, ...).
        if (!chosen) chosen = impl.covering(style.family, cp, style.bold, style.italic);
      }
    }
    if (!chosen) {
      // libharu writes 2-byte codes only, and a face without the glyph shows .notdef: replace
      // and tell the caller, never drop silently.
      if (missing) missing->push_back(item.original);
      item.cp = k_replacement;
      if (impl.faces[primary]->covers(k_replacement)) {
        chosen = primary;
      } else if (const auto f = impl.fallback(k_other_fallbacks[0], style.bold, style.italic);
                 f && impl.faces[*f]->covers(k_replacement)) {
        chosen = f;
      } else {
        item.cp = U'?';
        chosen = primary;
      }
    }
    item.face = *chosen;
    previous = chosen;
  }
}

ShapedRun FontLibrary::Impl::shape_run(const std::vector<Item>& items, size_t begin, size_t end,
    bool rtl, double size, std::string_view text) {
  Impl& impl = *this;
  const FaceId face_id = items[begin].face;
  detail::Face& face = *impl.faces[face_id];
  const double scale = size / face.info.units_per_em;
  const double nominal_scale = size / 1000.0;

  ShapedRun run;
  run.face = face_id;
  run.size = size;
  run.rtl = rtl;
  const uint32_t first_byte = items[begin].byte;
  const uint32_t last_byte = items[end - 1].byte + items[end - 1].bytes;
  run.logical_text.assign(text.substr(first_byte, last_byte - first_byte));

  hb_buffer_t* hb = impl.buffer.get();
  hb_buffer_clear_contents(hb);
  hb_buffer_set_content_type(hb, HB_BUFFER_CONTENT_TYPE_UNICODE);
  hb_buffer_set_cluster_level(hb, HB_BUFFER_CLUSTER_LEVEL_CHARACTERS);
  for (size_t i = begin; i < end; ++i)
    hb_buffer_add(hb, items[i].cp, static_cast<unsigned>(i - begin));
  hb_buffer_set_direction(hb, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  static const hb_language_t k_language = hb_language_from_string("en", -1);
  hb_buffer_set_language(hb, k_language);  // never the process locale
  hb_buffer_guess_segment_properties(hb);
  hb_shape(face.font.get(), hb, impl.features.data(),
      static_cast<unsigned>(impl.features.size()));

  unsigned count = 0;
  const hb_glyph_info_t* infos = hb_buffer_get_glyph_infos(hb, &count);
  const hb_glyph_position_t* positions = hb_buffer_get_glyph_positions(hb, nullptr);
  const size_t n = end - begin;

  // The PDF writer places code points, so every glyph must stand for exactly one of them. When
  // the font's rules merged or split glyphs, place the nominal glyphs without kerning instead.
  bool one_to_one = count == n;
  if (one_to_one) {
    std::vector<bool> seen(n, false);
    for (unsigned g = 0; g < count && one_to_one; ++g) {
      const uint32_t c = infos[g].cluster;
      one_to_one = c < n && !seen[c];
      if (one_to_one) seen[c] = true;
    }
  }

  const auto nominal_of = [&](char32_t cp) {
    const int units = face.nominal_advance(cp);
    // libharu 2.3 writes /W as advance * 1000 / units_per_em in integer arithmetic (truncated,
    // not rounded: DejaVu Serif 'e' is 1212/2048 em = 591.8, written as 591).
    const double thousandths = double((int64_t{std::max(units, 0)} * 1000) / face.info.units_per_em);
    return std::pair{units, thousandths * nominal_scale};
  };

  run.glyphs.reserve(n);
  double width_units = 0;
  for (size_t k = 0; k < n; ++k) {
    PlacedGlyph glyph;
    size_t index = 0;
    hb_codepoint_t nominal_glyph = 0;
    if (one_to_one) {
      index = begin + infos[k].cluster;
      glyph.codepoint = items[index].cp;
      hb_font_get_nominal_glyph(face.font.get(), glyph.codepoint, &nominal_glyph);
      const auto [units, nominal] = nominal_of(glyph.codepoint);
      glyph.nominal = nominal;
      if (infos[k].codepoint == nominal_glyph) {
        glyph.glyph = infos[k].codepoint;
        glyph.advance = positions[k].x_advance * scale;
        glyph.x_offset = positions[k].x_offset * scale;
        glyph.y_offset = positions[k].y_offset * scale;
        width_units += positions[k].x_advance;
      } else {  // substituted by a rule: the viewer shows the nominal glyph
        glyph.glyph = nominal_glyph;
        glyph.advance = units * scale;
        width_units += units;
      }
    } else {
      index = rtl ? end - 1 - k : begin + k;
      glyph.codepoint = items[index].cp;
      hb_font_get_nominal_glyph(face.font.get(), glyph.codepoint, &nominal_glyph);
      const auto [units, nominal] = nominal_of(glyph.codepoint);
      glyph.glyph = nominal_glyph;
      glyph.nominal = nominal;
      glyph.advance = units * scale;
      width_units += units;
    }
    glyph.cluster = items[index].byte;
    run.glyphs.push_back(glyph);
  }
  run.width = width_units * scale;
  return run;
}

std::vector<ShapedRun> FontLibrary::shape(FaceId face, double size, std::string_view text,
    std::vector<char32_t>* missing, bool rtl_paragraph) {
  detail::Face& primary = *m_impl->faces.at(face);
  if (text.size() > k_shape_cache_max_bytes || rtl_paragraph)
    return m_impl->shape_uncached(face, size, text, missing, rtl_paragraph);

  auto found = primary.shape_cache.find(text);
  if (found == primary.shape_cache.end()) {
    if (primary.shape_cache.size() >= k_shape_cache_limit) primary.shape_cache.clear();
    detail::Face::CachedShape entry;
    entry.runs = m_impl->shape_uncached(face, 1.0, text, &entry.missing);
    found = primary.shape_cache.emplace(std::string(text), std::move(entry)).first;
  }
  // Without hinting, shaped positions scale linearly with the size.
  std::vector<ShapedRun> runs = found->second.runs;
  for (ShapedRun& run : runs) {
    run.size = size;
    run.width *= size;
    for (PlacedGlyph& glyph : run.glyphs) {
      glyph.advance *= size;
      glyph.nominal *= size;
      glyph.x_offset *= size;
      glyph.y_offset *= size;
    }
  }
  if (missing) missing->insert(missing->end(), found->second.missing.begin(), found->second.missing.end());
  return runs;
}

std::vector<ShapedRun> FontLibrary::Impl::shape_uncached(FaceId face, double size,
    std::string_view text, std::vector<char32_t>* missing, bool rtl_paragraph) {
  Impl& impl = *this;

  std::vector<Item> decoded;
  decoded.reserve(text.size());
  for (size_t offset = 0; offset < text.size();) {
    const size_t start = offset;
    const char32_t cp = utf8::decode(text, offset);
    if (is_invisible(cp)) continue;
    decoded.push_back(Item{cp, cp, static_cast<uint32_t>(start), static_cast<uint32_t>(offset - start), face});
  }
  std::vector<ShapedRun> runs;
  if (decoded.empty()) return runs;

  std::u32string logical(decoded.size(), U'\0');
  for (size_t i = 0; i < decoded.size(); ++i) logical[i] = decoded[i].cp;

  for (const detail::BidiRun& bidi : detail::visual_runs(logical, rtl_paragraph)) {
    std::vector<Item> items(decoded.begin() + static_cast<ptrdiff_t>(bidi.begin),
        decoded.begin() + static_cast<ptrdiff_t>(bidi.end));
    if (bidi.rtl) {
      const std::u32string shaped =
          detail::to_presentation_forms(logical.substr(bidi.begin, bidi.end - bidi.begin));
      std::vector<Item> kept;
      kept.reserve(items.size());
      for (size_t i = 0; i < items.size(); ++i) {
        if (shaped[i] == 0) {  // the alef inside a lam-alef ligature: the ligature covers it
          if (!kept.empty()) kept.back().bytes = items[i].byte + items[i].bytes - kept.back().byte;
          continue;
        }
        // Right to left, paired punctuation shows its mirror image: "(" is drawn as ")". The PDF
        // writer places code points, not glyphs, so the mirrored code point is written.
        items[i].cp = u_isMirrored(static_cast<UChar32>(shaped[i]))
            ? static_cast<char32_t>(u_charMirror(static_cast<UChar32>(shaped[i])))
            : shaped[i];
        kept.push_back(items[i]);
      }
      items = std::move(kept);
    }
    if (items.empty()) continue;
    impl.assign_faces(face, items, missing);

    // Split by face; right-to-left runs list their pieces right to left.
    std::vector<ShapedRun> pieces;
    for (size_t begin = 0; begin < items.size();) {
      size_t end = begin + 1;
      while (end < items.size() && items[end].face == items[begin].face) ++end;
      pieces.push_back(impl.shape_run(items, begin, end, bidi.rtl, size, text));
      begin = end;
    }
    if (bidi.rtl) std::reverse(pieces.begin(), pieces.end());
    for (auto& piece : pieces) runs.push_back(std::move(piece));
  }
  return runs;
}

double FontLibrary::width(FaceId face, double size, std::string_view text) {
  detail::Face& primary = *m_impl->faces.at(face);
  auto& cache = primary.width_cache;
  if (const auto found = cache.find(text); found != cache.end()) return found->second * size;

  double em = 0;
  for (const ShapedRun& run : shape(face, 1.0, text)) em += run.width;
  if (cache.size() >= k_width_cache_limit) cache.clear();
  cache.emplace(std::string(text), em);
  return em * size;
}

} // namespace brief::text
