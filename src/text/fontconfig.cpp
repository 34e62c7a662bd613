#include "text/fontconfig.hpp"

#include "base/utf8.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>
#include <mutex>

namespace brief::text::detail {
namespace {

struct PatternDeleter {
  void operator()(FcPattern* p) const { FcPatternDestroy(p); }
};
struct FontSetDeleter {
  void operator()(FcFontSet* s) const { FcFontSetDestroy(s); }
};
struct ObjectSetDeleter {
  void operator()(FcObjectSet* s) const { FcObjectSetDestroy(s); }
};
using Pattern = std::unique_ptr<FcPattern, PatternDeleter>;
using FontSet = std::unique_ptr<FcFontSet, FontSetDeleter>;
using ObjectSet = std::unique_ptr<FcObjectSet, ObjectSetDeleter>;

// fontconfig's configuration is loaded once per process (scanning the font directories is slow);
// queries on a loaded configuration are thread-safe.
FcConfig* config() {
  static std::once_flag once;
  static FcConfig* loaded = nullptr;
  std::call_once(once, [] { loaded = FcInitLoadConfigAndFonts(); });
  return loaded;
}

const char* as_chars(const FcChar8* s) { return reinterpret_cast<const char*>(s); }
const FcChar8* as_fc(const char* s) { return reinterpret_cast<const FcChar8*>(s); }

std::vector<std::string> families_of(FcPattern* pattern) {
  std::vector<std::string> out;
  FcChar8* value = nullptr;
  for (int i = 0; FcPatternGetString(pattern, FC_FAMILY, i, &value) == FcResultMatch; ++i)
    out.emplace_back(as_chars(value));
  return out;
}

} // namespace

std::optional<FontFile> match_family(const std::string& family, bool bold, bool italic) {
  FcConfig* fc = config();
  if (!fc || family.empty()) return std::nullopt;
  Pattern pattern{FcPatternCreate()};
  if (!pattern) return std::nullopt;
  FcPatternAddString(pattern.get(), FC_FAMILY, as_fc(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(fc, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  // Sorted candidates: the first whose family is the one asked for is the best face of it.
  FcResult result = FcResultNoMatch;
  FontSet sorted{FcFontSort(fc, pattern.get(), FcFalse, nullptr, &result)};
  if (!sorted) return std::nullopt;
  const std::string wanted = utf8::fold_case(family);
  for (int i = 0; i < sorted->nfont; ++i) {
    FcPattern* candidate = sorted->fonts[i];
    const auto names = families_of(candidate);
    const bool same = std::any_of(names.begin(), names.end(),
        [&](const std::string& name) { return utf8::fold_case(name) == wanted; });
    if (!same) continue;
    FcChar8* file = nullptr;
    if (FcPatternGetString(candidate, FC_FILE, 0, &file) != FcResultMatch) continue;
    int index = 0;
    FcPatternGetInteger(candidate, FC_INDEX, 0, &index);
    return FontFile{std::filesystem::path(as_chars(file)), index};
  }
  return std::nullopt;
}

std::optional<FontFile> match_covering(const std::string& family, char32_t cp, bool bold, bool italic) {
  FcConfig* fc = config();
  if (!fc) return std::nullopt;
  Pattern pattern{FcPatternCreate()};
  std::unique_ptr<FcCharSet, decltype(&FcCharSetDestroy)> wanted{FcCharSetCreate(), &FcCharSetDestroy};
  if (!pattern || !wanted || !FcCharSetAddChar(wanted.get(), static_cast<FcChar32>(cp))) return std::nullopt;
  if (!family.empty()) FcPatternAddString(pattern.get(), FC_FAMILY, as_fc(family.c_str()));
  FcPatternAddCharSet(pattern.get(), FC_CHARSET, wanted.get());
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcConfigSubstitute(fc, pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());

  // Sorted candidates (coverage ranks above family in fontconfig's order); the first that really
  // holds the character, since the sort also lists faces that do not.
  FcResult result = FcResultNoMatch;
  FontSet sorted{FcFontSort(fc, pattern.get(), FcFalse, nullptr, &result)};
  if (!sorted) return std::nullopt;
  for (int i = 0; i < sorted->nfont; ++i) {
    FcPattern* candidate = sorted->fonts[i];
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(candidate, FC_CHARSET, 0, &charset) != FcResultMatch ||
        !FcCharSetHasChar(charset, static_cast<FcChar32>(cp)))
      continue;
    FcChar8* file = nullptr;
    if (FcPatternGetString(candidate, FC_FILE, 0, &file) != FcResultMatch) continue;
    int index = 0;
    FcPatternGetInteger(candidate, FC_INDEX, 0, &index);
    return FontFile{std::filesystem::path(as_chars(file)), index};
  }
  return std::nullopt;
}

std::vector<std::string> installed_family_names() {
  FcConfig* fc = config();
  if (!fc) return {};
  Pattern pattern{FcPatternCreate()};
  ObjectSet objects{FcObjectSetBuild(FC_FAMILY, nullptr)};
  FontSet set{FcFontList(fc, pattern.get(), objects.get())};
  std::vector<std::string> out;
  if (!set) return out;
  for (int i = 0; i < set->nfont; ++i)
    for (auto& name : families_of(set->fonts[i])) out.push_back(std::move(name));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace brief::text::detail
