#include "cli/print.hpp"

#include "cli/terminal.hpp"


namespace brief::cli {

void print_diagnostics(const Diagnostics& diagnostics, std::FILE* out) {
  const bool color = color_for(out);
  for (const auto& d : diagnostics) {
    const std::string text = format_diagnostic(d, color ? Color::always : Color::never);
    std::fputs(text.c_str(), out);
  }
}

} // namespace brief::cli
