#pragma once
// Parsing the value types templates use: colours, lengths with units, paper sizes. Each returns
// the value or an error message with a hint, and leaves where to report it to the caller.

#include "theme/theme.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace brief::theme {

struct ValueError {
  std::string message;
  std::vector<std::string> hints;
};

template <typename T>
using Parsed = std::variant<T, ValueError>;

// `#1f3b6b`, `#fff` or one of a few names (black, white, navy ...).
Parsed<Rgb> parse_color(std::string_view text);

// A plain number (points) or a number with a unit: `54`, `54pt`, `20mm`, `0.75in`, `2cm`.
Parsed<double> parse_length(std::string_view text);

// A plain number; locale-independent. nullopt when `text` is not entirely a finite number.
std::optional<double> parse_number(std::string_view text);

// Width and height in points of a named paper size (a4, a5, letter, legal).
std::optional<std::pair<double, double>> named_paper(std::string_view name);
const std::vector<std::string>& paper_names();

// `#rrggbb` of a colour, for the merged YAML and tests.
std::string color_hex(const Rgb& color);

} // namespace brief::theme
