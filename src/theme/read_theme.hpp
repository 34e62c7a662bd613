#pragma once
// Reading a merged template tree into a Theme: the schema of templates/base.yaml. Keys not given
// keep Theme's defaults; every unknown key and bad value is reported where it was written.

#include "theme/theme.hpp"
#include "theme/tree.hpp"

#include <filesystem>

namespace brief::theme {

void read_theme(const Node& merged, const std::filesystem::path& project_root, Theme& theme,
    Diagnostics& diagnostics);

} // namespace brief::theme
