#pragma once
// Which font families are installed (fontconfig), so a template naming a missing family fails
// when it is loaded rather than falling back silently to some other face at layout time.

#include <optional>
#include <string>
#include <vector>

namespace brief::theme {

// Every family name fontconfig lists (all of a font's names, e.g. both "DejaVu Sans" and
// "DejaVu Sans Condensed"), sorted and unique. Read once per process.
const std::vector<std::string>& installed_families();

// The installed name matching `family` ignoring case, or nullopt.
std::optional<std::string> find_family(const std::string& family, const std::vector<std::string>& installed);

// Installed families to suggest for a missing one: the closest by spelling, then those sharing a
// word with it (most shared words first), at most `limit`.
std::vector<std::string> similar_families(const std::string& family, const std::vector<std::string>& installed,
    size_t limit = 6);

} // namespace brief::theme
