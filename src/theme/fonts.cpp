#include "theme/fonts.hpp"

#include "base/diagnostic.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>

namespace brief::theme {

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = std::min(text.find(' ', pos), text.size());
    if (end > pos) out.push_back(lower(text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return out;
}

std::vector<std::string> list_families() {
  struct ConfigDeleter { void operator()(FcConfig* c) const { FcConfigDestroy(c); } };
  struct PatternDeleter { void operator()(FcPattern* p) const { FcPatternDestroy(p); } };
  struct ObjectSetDeleter { void operator()(FcObjectSet* s) const { FcObjectSetDestroy(s); } };
  struct FontSetDeleter { void operator()(FcFontSet* s) const { FcFontSetDestroy(s); } };

  std::unique_ptr<FcConfig, ConfigDeleter> config(FcInitLoadConfigAndFonts());
  if (!config) return {};
  std::unique_ptr<FcPattern, PatternDeleter> pattern(FcPatternCreate());
  std::unique_ptr<FcObjectSet, ObjectSetDeleter> objects(FcObjectSetBuild(FC_FAMILY, nullptr));
  if (!pattern || !objects) return {};
  std::unique_ptr<FcFontSet, FontSetDeleter> fonts(FcFontList(config.get(), pattern.get(), objects.get()));
  if (!fonts) return {};
  std::set<std::string> names;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcChar8* name = nullptr;
    for (int n = 0; FcPatternGetString(fonts->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; ++n)
      names.emplace(reinterpret_cast<const char*>(name));
  }
  return {names.begin(), names.end()};
}

} // namespace

const std::vector<std::string>& installed_families() {
  static const std::vector<std::string> k_families = list_families();
  return k_families;
}

std::optional<std::string> find_family(const std::string& family, const std::vector<std::string>& installed) {
  const std::string wanted = lower(family);
  for (const auto& name : installed)
    if (lower(name) == wanted) return name;
  return std::nullopt;
}

std::vector<std::string> similar_families(const std::string& family, const std::vector<std::string>& installed,
    size_t limit) {
  std::vector<std::string> out;
  if (auto closest = closest_match(family, installed); !closest.empty()) out.push_back(closest);
  const auto wanted = words(family);
  // (shared words, descending) then shorter names first: "Charis" -> "Charis SIL" before longer kin.
  std::vector<std::tuple<int, size_t, std::string>> ranked;
  for (const auto& name : installed) {
    int shared = 0;
    for (const auto& word : words(name))
      if (std::find(wanted.begin(), wanted.end(), word) != wanted.end()) ++shared;
    if (shared > 0) ranked.emplace_back(-shared, name.size(), name);
  }
  std::sort(ranked.begin(), ranked.end());
  for (const auto& [shared, size, name] : ranked) {
    if (out.size() >= limit) break;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

} // namespace brief::theme
