#include "briefing/fields.hpp"

#include <fmt/format.h>

namespace brief::briefing {

Fields::Fields(const SourceFilePtr& file, const YAML::Node& node, std::string what,
    std::vector<std::string> known_keys, Diagnostics& out, std::string_view shape_hint)
    : m_reader(file, node, std::move(what), std::move(known_keys), m_scratch), m_out(out) {
  m_key_errors = m_scratch.error_count();
  flush(shape_hint);
}

void Fields::flush(std::string_view hint) {
  for (const auto& item : m_scratch) {
    Diagnostic d = item;
    if (d.hints.empty() && !hint.empty()) d.hints.emplace_back(hint);
    m_out.add(std::move(d));
  }
  m_scratch = Diagnostics{};
}

std::optional<std::string> Fields::string(std::string_view key, std::string_view hint, bool required) {
  auto value = m_reader.string(key, required);
  flush(hint);
  return value;
}

std::optional<bool> Fields::boolean(std::string_view key, std::string_view hint) {
  auto value = m_reader.boolean(key);
  flush(hint);
  return value;
}

std::optional<int64_t> Fields::integer(std::string_view key, int64_t min, int64_t max,
    std::string_view hint) {
  auto value = m_reader.integer(key, min, max);
  flush(hint);
  return value;
}

std::optional<std::vector<std::string>> Fields::strings(std::string_view key, std::string_view hint) {
  auto value = m_reader.strings(key);
  flush(hint);
  return value;
}

std::optional<std::string> Fields::choice(std::string_view key, const std::vector<std::string>& choices) {
  auto value = m_reader.choice(key, choices);
  flush({});  // the base reader already lists the choices
  return value;
}

std::optional<std::string> Fields::nonempty(std::string_view key, std::string_view hint, bool required) {
  auto value = string(key, hint, required);
  if (value && value->empty()) {
    m_out.error(m_reader.value_span(key), fmt::format("`{}` must not be empty", key),
        {std::string(hint)});
    return std::nullopt;
  }
  return value;
}

} // namespace brief::briefing
