#pragma once
// What brief prints on a terminal and only there: colour (diagnostics, search hits) and how the
// user chose it (--color, NO_COLOR).

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

namespace brief::cli {

// --color=auto|always|never.
enum class ColorChoice { automatic, always, never };

// "auto", "always", "never" -> the choice; anything else -> nullopt.
std::optional<ColorChoice> parse_color_choice(std::string_view text);

// Whether to colour: `always` and `never` decide (a command-line choice outranks NO_COLOR, as
// no-color.org asks); `automatic` colours a terminal unless NO_COLOR is set to a non-empty value.
// `no_color` is the value of NO_COLOR (nullptr when unset).
bool use_color(ColorChoice choice, bool is_terminal, const char* no_color);

// The process's --color choice (automatic until set), for everything printing to a stream.
void set_color_choice(ColorChoice choice);
ColorChoice color_choice();
// use_color for `out` with the process's choice, whether `out` is a terminal, and NO_COLOR.
bool color_for(std::FILE* out);
// The choice as an override: true/false for always/never, nullopt for automatic.
std::optional<bool> color_override();

// A search snippet, whose matched terms the index marks with [ and ]: with colour, each marked
// term in bold red without its brackets; without, the snippet unchanged (the brackets show the
// matches in plain text). A bracket without its partner (a snippet cut short) is left as it is.
std::string highlight_matches(std::string_view snippet, bool color);

} // namespace brief::cli
