#pragma once
// Internal to text/: family-name lookups through fontconfig.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace brief::text::detail {

struct FontFile {
  std::filesystem::path path;
  int index = 0;
};

// The installed face of `family` (compared case-insensitively with every family name the face
// declares) closest to the requested weight and slant, or nullopt if no face of that family is
// installed. fontconfig always answers with *some* font, so the family is checked here.
std::optional<FontFile> match_family(const std::string& family, bool bold, bool italic);

// The installed face fontconfig ranks first for writing `cp` near `family` in the requested
// weight and slant, among those whose character set holds `cp`; nullopt if no installed face
// has it. For scripts no declared fallback covers (Devanagari, Bengali, Thai, ...).
std::optional<FontFile> match_covering(const std::string& family, char32_t cp, bool bold, bool italic);

// Every installed family name, sorted, without duplicates.
std::vector<std::string> installed_family_names();

} // namespace brief::text::detail
