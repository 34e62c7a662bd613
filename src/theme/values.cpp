#include "theme/values.hpp"

#include "base/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

namespace brief::theme {

namespace {

struct NamedColor {
  std::string_view name;
  std::string_view hex;
};

// A short list on purpose: templates should say exactly which colour they mean.
constexpr NamedColor k_named_colors[] = {
    {"black", "#000000"}, {"white", "#ffffff"}, {"gray", "#808080"}, {"grey", "#808080"},
    {"navy", "#1f3b6b"}, {"darkred", "#8b0000"}, {"red", "#c00000"}, {"green", "#2e7d32"},
    {"blue", "#1f5fbf"}, {"orange", "#e07000"}};

std::vector<std::string> color_names() {
  std::vector<std::string> names;
  for (const auto& c : k_named_colors) names.emplace_back(c.name);
  return names;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<Rgb> parse_hex(std::string_view text) {
  if (text.size() != 7 && text.size() != 4) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  const bool short_form = text.size() == 4;
  double channels[3];
  for (size_t i = 0; i < 3; ++i) {
    const int hi = hex_digit(text[short_form ? 1 + i : 1 + 2 * i]);
    const int lo = hex_digit(text[short_form ? 1 + i : 2 + 2 * i]);
    if (hi < 0 || lo < 0) return std::nullopt;
    channels[i] = (hi * 16 + lo) / 255.0;
  }
  return Rgb{channels[0], channels[1], channels[2]};
}

} // namespace

std::optional<double> parse_number(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

Parsed<Rgb> parse_color(std::string_view text) {
  if (auto rgb = parse_hex(text)) return *rgb;
  for (const auto& named : k_named_colors)
    if (named.name == text) return *parse_hex(named.hex);
  ValueError error{fmt::format("invalid color `{}`", text), {}};
  if (auto hint = did_you_mean(text, color_names()); !hint.empty()) error.hints.push_back(std::move(hint));
  std::string names;
  for (const auto& name : color_names()) names += (names.empty() ? "" : ", ") + name;
  error.hints.push_back(fmt::format("write a color as `#rrggbb` (e.g. `#1f3b6b`) or one of: {}", names));
  return error;
}

Parsed<double> parse_length(std::string_view text) {
  const ValueError error{fmt::format("invalid length `{}`", text),
      {"write a length in points as a plain number, or with a unit: `54pt`, `20mm`, `2cm`, `0.75in`"}};
  struct Unit {
    std::string_view suffix;
    double points;
  };
  static constexpr Unit k_units[] = {{"pt", 1.0}, {"mm", 72.0 / 25.4}, {"cm", 72.0 / 2.54}, {"in", 72.0}};
  double scale = 1.0;
  for (const auto& unit : k_units) {
    if (text.size() > unit.suffix.size() && text.substr(text.size() - unit.suffix.size()) == unit.suffix) {
      text.remove_suffix(unit.suffix.size());
      while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
      scale = unit.points;
      break;
    }
  }
  const auto number = parse_number(text);
  if (!number) return error;
  return *number * scale;
}

const std::vector<std::string>& paper_names() {
  static const std::vector<std::string> k_names{"a4", "a5", "letter", "legal"};
  return k_names;
}

std::optional<std::pair<double, double>> named_paper(std::string_view name) {
  constexpr double k_mm = 72.0 / 25.4;
  if (name == "a4") return std::pair{210 * k_mm, 297 * k_mm};
  if (name == "a5") return std::pair{148 * k_mm, 210 * k_mm};
  if (name == "letter") return std::pair{612.0, 792.0};
  if (name == "legal") return std::pair{612.0, 1008.0};
  return std::nullopt;
}

std::string color_hex(const Rgb& color) {
  const auto channel = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(color.r), channel(color.g), channel(color.b));
}

} // namespace brief::theme
