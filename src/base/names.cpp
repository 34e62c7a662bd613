#include "base/names.hpp"

#include <array>
#include <utility>

namespace brief {

namespace {

constexpr std::array<std::pair<OutputFormat, std::string_view>, 3> k_formats{{
    {OutputFormat::brief, "brief"},
    {OutputFormat::slides, "slides"},
    {OutputFormat::slides_handout, "slides-handout"},
}};

constexpr std::array<std::pair<SectionKind, std::string_view>, 7> k_kinds{{
    {SectionKind::passages, "passages"},
    {SectionKind::quotes, "quotes"},
    {SectionKind::summary, "summary"},
    {SectionKind::key_judgments, "key_judgments"},
    {SectionKind::recommendations, "recommendations"},
    {SectionKind::key_figures, "key_figures"},
    {SectionKind::bibliography, "bibliography"},
}};

template <typename Enum, size_t N>
std::string_view name_in(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum value) {
  for (const auto& [candidate, name] : table)
    if (candidate == value) return name;
  return table.front().second;  // unreachable for a valid enumerator
}

template <typename Enum, size_t N>
std::optional<Enum> parse_in(const std::array<std::pair<Enum, std::string_view>, N>& table, std::string_view name) {
  for (const auto& [value, candidate] : table)
    if (candidate == name) return value;
  return std::nullopt;
}

template <typename Enum, size_t N>
std::vector<std::string> names_in(const std::array<std::pair<Enum, std::string_view>, N>& table) {
  std::vector<std::string> names;
  for (const auto& entry : table) names.emplace_back(entry.second);
  return names;
}

} // namespace

std::string_view format_name(OutputFormat format) { return name_in(k_formats, format); }

std::optional<OutputFormat> parse_format(std::string_view name) { return parse_in(k_formats, name); }

const std::vector<std::string>& format_names() {
  static const std::vector<std::string> k_names = names_in(k_formats);
  return k_names;
}

std::string_view kind_name(SectionKind kind) { return name_in(k_kinds, kind); }

std::optional<SectionKind> parse_kind(std::string_view name) { return parse_in(k_kinds, name); }

const std::vector<SectionKind>& all_kinds() {
  static const std::vector<SectionKind> k_all = [] {
    std::vector<SectionKind> all;
    for (const auto& entry : k_kinds) all.push_back(entry.first);
    return all;
  }();
  return k_all;
}

const std::vector<std::string>& kind_names() {
  static const std::vector<std::string> k_names = names_in(k_kinds);
  return k_names;
}

} // namespace brief
