#include "theme/reader.hpp"

#include "theme/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace brief::theme {

namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

} // namespace

std::string format_number(double value) { return fmt::format("{}", value); }

TreeReader::TreeReader(const Node* node, std::string what, std::vector<std::string> known_keys,
    Diagnostics& diagnostics)
    : m_what(std::move(what)), m_diagnostics(diagnostics) {
  static const Node k_empty{Node::Kind::map, {}, {}, {}, {}};
  if (node == nullptr || node->kind == Node::Kind::null) {
    m_node = &k_empty;
    return;
  }
  if (!node->is_map()) {
    m_diagnostics.error(node->span, fmt::format("`{}` must be a mapping of keys to values, not {}", m_what,
        kind_name(*node)), {fmt::format("write `{}:` followed by indented `key: value` lines", m_what)});
    return;
  }
  m_node = node;
  for (const auto& entry : node->entries) {
    if (std::find(known_keys.begin(), known_keys.end(), entry.key) != known_keys.end()) continue;
    std::vector<std::string> hints;
    if (auto hint = did_you_mean(entry.key, known_keys); !hint.empty()) hints.push_back(std::move(hint));
    hints.push_back(fmt::format("`{}` takes: {}", m_what, join(known_keys)));
    m_diagnostics.error(entry.key_span, fmt::format("unknown key `{}` in `{}`", entry.key, m_what), std::move(hints));
  }
}

const Entry* TreeReader::entry(std::string_view key) const {
  return m_node ? m_node->find(key) : nullptr;
}

const Node* TreeReader::get(std::string_view key) const {
  const Entry* e = entry(key);
  if (e == nullptr || e->value.kind == Node::Kind::null) return nullptr;
  return &e->value;
}

std::vector<std::string> TreeReader::keys() const {
  std::vector<std::string> out;
  if (m_node)
    for (const auto& e : m_node->entries) out.push_back(e.key);
  return out;
}

void TreeReader::error(const Node& at, std::string message, std::vector<std::string> hints) const {
  m_diagnostics.error(at.span, std::move(message), std::move(hints));
}

std::optional<std::string> TreeReader::text(std::string_view key, std::string_view hint) const {
  const Node* value = get(key);
  if (!value) return std::nullopt;
  if (!value->is_scalar()) {
    std::vector<std::string> hints;
    if (!hint.empty()) hints.emplace_back(hint);
    else hints.push_back(fmt::format("write `{}: ...` with a single value", key));
    error(*value, fmt::format("`{}` must be text, not {}", key, kind_name(*value)), std::move(hints));
    return std::nullopt;
  }
  return value->text;
}

std::optional<bool> TreeReader::boolean(std::string_view key) const {
  const auto value = text(key, "write `true` or `false`");
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "yes" || *value == "on") return true;
  if (*value == "false" || *value == "no" || *value == "off") return false;
  error(*get(key), fmt::format("`{}` must be true or false, not `{}`", key, *value), {"write `true` or `false`"});
  return std::nullopt;
}

std::optional<int64_t> TreeReader::integer(std::string_view key, int64_t min, int64_t max) const {
  const auto value = text(key);
  if (!value) return std::nullopt;
  const auto number = parse_number(*value);
  const std::string range = fmt::format("write a whole number from {} to {}", min, max);
  if (!number || std::trunc(*number) != *number) {
    error(*get(key), fmt::format("`{}` must be a whole number, not `{}`", key, *value), {range});
    return std::nullopt;
  }
  // Compared as doubles: converting one outside int64_t's range (1e20, inf) is undefined.
  if (!(*number >= static_cast<double>(min) && *number <= static_cast<double>(max) && std::fabs(*number) < 9e18)) {
    error(*get(key), fmt::format("`{}` must be between {} and {}, not {}", key, min, max, *value), {range});
    return std::nullopt;
  }
  return static_cast<int64_t>(*number);
}

std::optional<double> TreeReader::number(std::string_view key, double min, double max) const {
  const auto value = text(key);
  if (!value) return std::nullopt;
  const std::string range = fmt::format("write a number from {} to {}", format_number(min), format_number(max));
  const auto number = parse_number(*value);
  if (!number) {
    error(*get(key), fmt::format("`{}` must be a number, not `{}`", key, *value), {range});
    return std::nullopt;
  }
  if (*number < min || *number > max) {
    error(*get(key), fmt::format("`{}` must be between {} and {}, not {}", key, format_number(min),
        format_number(max), *value), {range});
    return std::nullopt;
  }
  return number;
}

std::optional<double> TreeReader::length(std::string_view key, double min, double max) const {
  const auto value = text(key);
  if (!value) return std::nullopt;
  auto parsed = parse_length(*value);
  if (auto* problem = std::get_if<ValueError>(&parsed)) {
    error(*get(key), problem->message, problem->hints);
    return std::nullopt;
  }
  const double points = std::get<double>(parsed);
  if (points < min || points > max) {
    error(*get(key), fmt::format("`{}` must be between {}pt and {}pt, not {}", key, format_number(min),
        format_number(max), *value), {"lengths without a unit are in points (1/72 in)"});
    return std::nullopt;
  }
  return points;
}

std::optional<Rgb> TreeReader::color(std::string_view key) const {
  const auto value = text(key, "write a color as `#rrggbb`, e.g. `#1f3b6b`");
  if (!value) return std::nullopt;
  auto parsed = parse_color(*value);
  if (auto* problem = std::get_if<ValueError>(&parsed)) {
    error(*get(key), problem->message, problem->hints);
    return std::nullopt;
  }
  return std::get<Rgb>(parsed);
}

std::optional<std::string> TreeReader::choice(std::string_view key, const std::vector<std::string>& choices) const {
  const auto value = text(key, fmt::format("write one of: {}", join(choices)));
  if (!value) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *value) != choices.end()) return value;
  std::vector<std::string> hints;
  if (auto hint = did_you_mean(*value, choices); !hint.empty()) hints.push_back(std::move(hint));
  hints.push_back(fmt::format("`{}` takes one of: {}", key, join(choices)));
  error(*get(key), fmt::format("unknown value `{}` for `{}`", *value, key), std::move(hints));
  return std::nullopt;
}

std::optional<std::vector<std::string>> TreeReader::texts(std::string_view key, std::string_view hint) const {
  const Node* value = get(key);
  if (!value) return std::nullopt;
  const std::string shape = hint.empty() ? fmt::format("write `{}: [a, b]`", key) : std::string(hint);
  if (value->is_scalar()) return std::vector<std::string>{value->text};
  if (value->kind != Node::Kind::list) {
    error(*value, fmt::format("`{}` must be a list of text items, not {}", key, kind_name(*value)), {shape});
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& item : value->items) {
    if (!item.is_scalar()) {
      error(item, fmt::format("items of `{}` must be text, not {}", key, kind_name(item)), {shape});
      ok = false;
      continue;
    }
    out.push_back(item.text);
  }
  if (!ok) return std::nullopt;
  return out;
}

} // namespace brief::theme
