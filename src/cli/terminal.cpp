#include "cli/terminal.hpp"

#include <cstdlib>
#include <unistd.h>

namespace brief::cli {

namespace {

ColorChoice g_color_choice = ColorChoice::automatic;

// Bold red on, and everything off (SGR codes), around a matched term.
constexpr std::string_view k_match_on = "\033[1;31m";
constexpr std::string_view k_match_off = "\033[0m";

} // namespace

std::optional<ColorChoice> parse_color_choice(std::string_view text) {
  if (text == "auto") return ColorChoice::automatic;
  if (text == "always") return ColorChoice::always;
  if (text == "never") return ColorChoice::never;
  return std::nullopt;
}

bool use_color(ColorChoice choice, bool is_terminal, const char* no_color) {
  switch (choice) {
  case ColorChoice::always: return true;
  case ColorChoice::never: return false;
  case ColorChoice::automatic: break;
  }
  return is_terminal && (no_color == nullptr || *no_color == '\0');
}

void set_color_choice(ColorChoice choice) { g_color_choice = choice; }

ColorChoice color_choice() { return g_color_choice; }

bool color_for(std::FILE* out) {
  return use_color(g_color_choice, ::isatty(::fileno(out)) != 0, std::getenv("NO_COLOR"));
}

std::optional<bool> color_override() {
  if (g_color_choice == ColorChoice::automatic) return std::nullopt;
  return g_color_choice == ColorChoice::always;
}

std::string highlight_matches(std::string_view snippet, bool color) {
  if (!color) return std::string(snippet);
  std::string out;
  out.reserve(snippet.size() + 16);
  size_t i = 0;
  while (i < snippet.size()) {
    const size_t open = snippet.find('[', i);
    if (open == std::string_view::npos) break;
    const size_t close = snippet.find_first_of("[]", open + 1);
    if (close == std::string_view::npos || snippet[close] == '[' || close == open + 1) {
      // No partner (or an empty pair): keep this bracket as text.
      out.append(snippet.substr(i, open + 1 - i));
      i = open + 1;
      continue;
    }
    out.append(snippet.substr(i, open - i));
    out.append(k_match_on);
    out.append(snippet.substr(open + 1, close - open - 1));
    out.append(k_match_off);
    i = close + 1;
  }
  out.append(snippet.substr(i));
  return out;
}

} // namespace brief::cli
