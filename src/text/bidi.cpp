#include "text/bidi.hpp"

#include "base/utf8.hpp"
#include "text/font.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>

#include <memory>

namespace brief::text::detail {
namespace {

struct BidiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};

bool needs_bidi(char32_t cp) {
  if (cp < 0x0590) return false;  // nothing below Hebrew is right-to-left or an embedding
  switch (u_charDirection(static_cast<UChar32>(cp))) {
    case U_RIGHT_TO_LEFT:
    case U_RIGHT_TO_LEFT_ARABIC:
    case U_RIGHT_TO_LEFT_EMBEDDING:
    case U_RIGHT_TO_LEFT_OVERRIDE:
    case U_RIGHT_TO_LEFT_ISOLATE:
    case U_FIRST_STRONG_ISOLATE:
      return true;
    default:
      return false;
  }
}

} // namespace

bool is_arabic(char32_t cp) {
  return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
         (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
         (cp >= 0xFE70 && cp <= 0xFEFF);
}

std::vector<BidiRun> visual_runs(const std::u32string& text, bool rtl_paragraph) {
  bool any = rtl_paragraph;
  for (char32_t cp : text) any = any || needs_bidi(cp);
  if (!any) return {BidiRun{0, text.size(), false}};

  // ICU works in UTF-16; remember which code point each unit belongs to.
  std::u16string units;
  std::vector<size_t> owner;
  units.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const UChar32 cp = static_cast<UChar32>(text[i]);
    if (U_IS_BMP(cp)) {
      units.push_back(static_cast<char16_t>(cp));
      owner.push_back(i);
    } else {
      units.push_back(static_cast<char16_t>(U16_LEAD(cp)));
      units.push_back(static_cast<char16_t>(U16_TRAIL(cp)));
      owner.push_back(i);
      owner.push_back(i);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UBiDi, BidiDeleter> bidi{ubidi_openSized(static_cast<int32_t>(units.size()), 0, &status)};
  if (U_FAILURE(status)) return {BidiRun{0, text.size(), false}};
  ubidi_setPara(bidi.get(), reinterpret_cast<const UChar*>(units.data()),
      static_cast<int32_t>(units.size()), rtl_paragraph ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
  const int32_t count = ubidi_countRuns(bidi.get(), &status);
  if (U_FAILURE(status)) return {BidiRun{0, text.size(), false}};

  std::vector<BidiRun> runs;
  for (int32_t r = 0; r < count; ++r) {
    int32_t start = 0, length = 0;
    const UBiDiDirection direction = ubidi_getVisualRun(bidi.get(), r, &start, &length);
    if (length <= 0) continue;
    runs.push_back(BidiRun{owner[static_cast<size_t>(start)],
        owner[static_cast<size_t>(start + length - 1)] + 1, direction == UBIDI_RTL});
  }
  return runs;
}

std::u32string to_presentation_forms(const std::u32string& logical) {
  bool any = false;
  for (char32_t cp : logical) any = any || (cp >= 0x0600 && cp <= 0x06FF);
  if (!any) return logical;

  // u_shapeArabic maps UTF-16 units one to one in fixed-length mode; characters outside the BMP
  // (none are Arabic letters) stand in as a neutral placeholder so indexes stay aligned.
  std::u16string units(logical.size(), u'\0');
  for (size_t i = 0; i < logical.size(); ++i)
    units[i] = logical[i] <= 0xFFFF ? static_cast<char16_t>(logical[i]) : u'\uFFFD';
  std::u16string shaped(units.size(), u'\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_shapeArabic(reinterpret_cast<const UChar*>(units.data()),
      static_cast<int32_t>(units.size()), reinterpret_cast<UChar*>(shaped.data()),
      static_cast<int32_t>(shaped.size()),
      U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL | U_SHAPE_LENGTH_FIXED_SPACES_NEAR,
      &status);
  if (U_FAILURE(status) || length != static_cast<int32_t>(units.size())) return logical;

  std::u32string out(logical.size(), U'\0');
  for (size_t i = 0; i < logical.size(); ++i) {
    const char16_t unit = shaped[i];
    if (logical[i] > 0xFFFF) {
      out[i] = logical[i];
    } else if ((unit == u' ' && logical[i] != U' ') || unit == u'\uFEFF') {
      out[i] = 0;  // the place a lam-alef ligature freed
    } else {
      out[i] = unit;
    }
  }
  return out;
}

} // namespace brief::text::detail

namespace brief::text {

bool mostly_right_to_left(std::string_view text) {
  size_t rtl = 0, ltr = 0;
  for (size_t offset = 0; offset < text.size();) {
    const char32_t cp = utf8::decode(text, offset);
    switch (u_charDirection(static_cast<UChar32>(cp))) {
      case U_LEFT_TO_RIGHT: ++ltr; break;
      case U_RIGHT_TO_LEFT:
      case U_RIGHT_TO_LEFT_ARABIC: ++rtl; break;
      default: break;
    }
  }
  return rtl > ltr;
}

} // namespace brief::text
