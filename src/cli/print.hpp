#pragma once
// Printing diagnostics to the terminal.

#include "base/diagnostic.hpp"

#include <cstdio>

namespace brief::cli {

// Prints every diagnostic to `out` (colour when it is a terminal and NO_COLOR is unset).
void print_diagnostics(const Diagnostics& diagnostics, std::FILE* out = stderr);

} // namespace brief::cli
