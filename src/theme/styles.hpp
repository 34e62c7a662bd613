#pragma once
// Reading `styles:`: one TextStyle per element. `body` starts from TextStyle's defaults; every other
// element starts from the finished body style, so a style given partially inherits the rest.

#include "theme/reader.hpp"

namespace brief::theme {

void read_styles(const TreeReader& root, Theme& theme);

} // namespace brief::theme
