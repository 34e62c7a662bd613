#include "cli/print.hpp"

#include <cstdlib>
#include <unistd.h>

namespace brief::cli {

void print_diagnostics(const Diagnostics& diagnostics, std::FILE* out) {
  const bool color = ::isatty(::fileno(out)) && std::getenv("NO_COLOR") == nullptr;
  for (const auto& d : diagnostics) {
    const std::string text = format_diagnostic(d, color ? Color::always : Color::never);
    std::fputs(text.c_str(), out);
  }
}

} // namespace brief::cli
