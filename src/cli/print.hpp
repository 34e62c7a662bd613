#pragma once
// Printing diagnostics to the terminal.

#include "base/diagnostic.hpp"

#include <cstdio>

namespace brief::cli {

// Prints every diagnostic to `out` (colour as cli/terminal.hpp decides: --color, NO_COLOR, a terminal).
void print_diagnostics(const Diagnostics& diagnostics, std::FILE* out = stderr);

} // namespace brief::cli
