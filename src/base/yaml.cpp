#include "base/yaml.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace brief::yaml {

namespace {

Span point(const SourceFilePtr& file, uint32_t offset) {
  return Span{file, offset, offset + 1};
}

// yaml-cpp recurses per nesting level while parsing; reject deep flow or block nesting first.
std::optional<std::pair<uint32_t, std::string>> check_nesting(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_single = false, in_double = false, in_comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') { in_comment = false; in_single = false; in_double = false; continue; }
    if (in_comment) continue;
    if (in_double) { if (c == '\\') ++i; else if (c == '"') in_double = false; continue; }
    if (in_single) { if (c == '\'') in_single = false; continue; }
    if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) { in_comment = true; continue; }
    if (c == '"') { in_double = true; continue; }
    if (c == '\'' && (i == 0 || std::string_view(" [{,:-").find(text[i - 1]) != std::string_view::npos)) {
      in_single = true;
      continue;
    }
    if (c == '[' || c == '{') {
      if (++depth > max_depth)
        return std::pair{static_cast<uint32_t>(i),
            fmt::format("YAML nested more than {} levels deep", max_depth)};
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  // Block nesting: indentation of more than 2 * max_depth columns is treated as too deep.
  size_t line_start = 0;
  while (line_start < text.size()) {
    size_t indent = 0;
    while (line_start + indent < text.size() && (text[line_start + indent] == ' ' || text[line_start + indent] == '-'))
      ++indent;
    if (indent > static_cast<size_t>(max_depth) * 4)
      return std::pair{static_cast<uint32_t>(line_start),
          fmt::format("YAML indented more than {} columns (too deeply nested)", max_depth * 4)};
    const size_t next = text.find('\n', line_start);
    if (next == std::string_view::npos) break;
    line_start = next + 1;
  }
  return std::nullopt;
}

// Counts nodes reachable from `node`, following aliases each time they are used ("billion laughs").
bool within_node_limit(const YAML::Node& node, size_t& count, size_t limit, int depth, int max_depth) {
  if (++count > limit || depth > max_depth) return false;
  if (node.IsSequence()) {
    for (const auto& child : node)
      if (!within_node_limit(child, count, limit, depth + 1, max_depth)) return false;
  } else if (node.IsMap()) {
    for (const auto& kv : node) {
      if (!within_node_limit(kv.first, count, limit, depth + 1, max_depth)) return false;
      if (!within_node_limit(kv.second, count, limit, depth + 1, max_depth)) return false;
    }
  }
  return true;
}

} // namespace

Outcome<YAML::Node> parse(const SourceFilePtr& file, std::string_view text, uint32_t base_offset,
    const Limits& limits) {
  Diagnostics diags;
  if (text.data() == nullptr) text = file->text;
  if (text.size() > limits.max_bytes) {
    diags.error(point(file, base_offset), fmt::format("YAML input of {} bytes is larger than the limit of {} bytes",
        text.size(), limits.max_bytes));
    return diags;
  }
  if (const auto bad = utf8::find_invalid(text)) {
    diags.error(point(file, base_offset + static_cast<uint32_t>(*bad)),
        fmt::format("invalid UTF-8 at byte offset {}", base_offset + *bad),
        {"save the file as UTF-8"});
    return diags;
  }
  if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
    diags.error(point(file, base_offset + static_cast<uint32_t>(nul)), "NUL byte in YAML input");
    return diags;
  }
  if (const auto deep = check_nesting(text, limits.max_depth)) {
    diags.error(point(file, base_offset + deep->first), deep->second, {"flatten the structure"});
    return diags;
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    const uint32_t offset = e.mark.is_null() ? 0 : static_cast<uint32_t>(std::max(0, e.mark.pos));
    std::string message = e.msg;
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    while (!message.empty() && message.back() == '.') message.pop_back();
    diags.error(point(file, base_offset + std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()))),
        fmt::format("invalid YAML: {}", message));
    return diags;
  }
  size_t count = 0;
  if (!within_node_limit(root, count, limits.max_nodes, 0, limits.max_depth)) {
    diags.error(point(file, base_offset), fmt::format(
        "YAML expands to more than {} nodes or {} levels (aliases count each time they are used)",
        limits.max_nodes, limits.max_depth), {"remove repeated aliases"});
    return diags;
  }
  return Outcome<YAML::Node>(std::move(root), std::move(diags));
}

Span span_of(const SourceFilePtr& file, const YAML::Node& node, uint32_t base_offset) {
  if (!file) return {};
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.pos < 0) return Span{file, base_offset, base_offset};
  const uint32_t begin = base_offset + static_cast<uint32_t>(mark.pos);
  uint32_t end = begin + 1;
  if (node.IsScalar()) {
    const std::string_view text = file->text;
    // Find the scalar's text at the mark (quoted scalars start with a quote).
    const size_t len = node.Scalar().size();
    if (begin < text.size() && (text[begin] == '"' || text[begin] == '\'')) end = static_cast<uint32_t>(begin + len + 2);
    else end = static_cast<uint32_t>(begin + std::max<size_t>(len, 1));
    end = std::min<uint32_t>(end, static_cast<uint32_t>(text.size()));
    const size_t newline = text.find('\n', begin);
    if (newline != std::string_view::npos && newline < end) end = static_cast<uint32_t>(newline);
  }
  return Span{file, begin, std::max(end, begin + 1)};
}

std::string_view kind_name(const YAML::Node& node) {
  switch (node.Type()) {
  case YAML::NodeType::Map: return "a mapping";
  case YAML::NodeType::Sequence: return "a list";
  case YAML::NodeType::Scalar: return "a scalar";
  case YAML::NodeType::Null: return "empty";
  case YAML::NodeType::Undefined: return "missing";
  }
  return "unknown";
}

MapReader::MapReader(SourceFilePtr file, YAML::Node node, std::string what,
    std::vector<std::string> known_keys, Diagnostics& diagnostics, uint32_t base_offset)
    : m_file(std::move(file)), m_node(std::move(node)), m_what(std::move(what)),
      m_diagnostics(diagnostics), m_base_offset(base_offset) {
  if (!m_node.IsMap()) {
    m_valid = false;
    m_diagnostics.error(span_of(m_file, m_node, m_base_offset),
        fmt::format("{} must be a mapping of keys to values, not {}", m_what, kind_name(m_node)));
    return;
  }
  std::vector<std::string> seen;
  for (const auto& kv : m_node) {
    if (!kv.first.IsScalar()) {
      m_diagnostics.error(span_of(m_file, kv.first, m_base_offset),
          fmt::format("keys in {} must be plain words", m_what));
      continue;
    }
    const std::string& key = kv.first.Scalar();
    if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
      m_diagnostics.error(span_of(m_file, kv.first, m_base_offset),
          fmt::format("duplicate key `{}` in {}", key, m_what), {"remove one of the two"});
    }
    seen.push_back(key);
    if (std::find(known_keys.begin(), known_keys.end(), key) == known_keys.end()) {
      std::vector<std::string> hints;
      if (auto hint = did_you_mean(key, known_keys); !hint.empty()) hints.push_back(std::move(hint));
      std::string keys_list;
      for (const auto& k : known_keys) keys_list += (keys_list.empty() ? "" : ", ") + k;
      hints.push_back(fmt::format("{} takes: {}", m_what, keys_list));
      m_diagnostics.error(span_of(m_file, kv.first, m_base_offset),
          fmt::format("unknown key `{}` in {}", key, m_what), std::move(hints));
    }
  }
}

bool MapReader::has(std::string_view key) const {
  if (!m_valid) return false;
  for (const auto& kv : m_node)
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return true;
  return false;
}

YAML::Node MapReader::node(std::string_view key) const {
  if (!m_valid) return YAML::Node(YAML::NodeType::Undefined);
  for (const auto& kv : m_node)
    if (kv.first.IsScalar() && kv.first.Scalar() == key) return kv.second;
  return YAML::Node(YAML::NodeType::Undefined);
}

Span MapReader::span() const { return span_of(m_file, m_node, m_base_offset); }

Span MapReader::key_span(std::string_view key) const {
  if (m_valid)
    for (const auto& kv : m_node)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) return span_of(m_file, kv.first, m_base_offset);
  return span();
}

Span MapReader::value_span(std::string_view key) const {
  if (m_valid)
    for (const auto& kv : m_node)
      if (kv.first.IsScalar() && kv.first.Scalar() == key) {
        if (kv.second.IsNull()) return span_of(m_file, kv.first, m_base_offset);
        return span_of(m_file, kv.second, m_base_offset);
      }
  return span();
}

std::vector<std::string> MapReader::keys() const {
  std::vector<std::string> out;
  if (m_valid)
    for (const auto& kv : m_node)
      if (kv.first.IsScalar()) out.push_back(kv.first.Scalar());
  return out;
}

void MapReader::error(std::string_view key, std::string message, std::vector<std::string> hints) const {
  m_diagnostics.error(value_span(key), std::move(message), std::move(hints));
}

std::optional<std::string> MapReader::string(std::string_view key, bool required) const {
  if (!has(key)) {
    if (required && m_valid)
      m_diagnostics.error(span(), fmt::format("{} needs `{}`", m_what, key));
    return std::nullopt;
  }
  const YAML::Node value = node(key);
  if (!value.IsScalar()) {
    error(key, fmt::format("`{}` must be text, not {}", key, kind_name(value)));
    return std::nullopt;
  }
  return value.Scalar();
}

std::optional<bool> MapReader::boolean(std::string_view key) const {
  const auto text = string(key);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "yes" || *text == "on") return true;
  if (*text == "false" || *text == "no" || *text == "off") return false;
  error(key, fmt::format("`{}` must be true or false, not `{}`", key, *text));
  return std::nullopt;
}

std::optional<int64_t> MapReader::integer(std::string_view key, int64_t min, int64_t max) const {
  const auto text = string(key);
  if (!text) return std::nullopt;
  int64_t value = 0;
  size_t used = 0;
  try {
    value = std::stoll(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size()) {
    error(key, fmt::format("`{}` must be a whole number, not `{}`", key, *text));
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(key, fmt::format("`{}` must be between {} and {}, not {}", key, min, max, value));
    return std::nullopt;
  }
  return value;
}

std::optional<double> MapReader::number(std::string_view key, double min, double max) const {
  const auto text = string(key);
  if (!text) return std::nullopt;
  double value = 0;
  size_t used = 0;
  try {
    value = std::stod(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || !std::isfinite(value)) {
    error(key, fmt::format("`{}` must be a number, not `{}`", key, *text));
    return std::nullopt;
  }
  if (value < min || value > max) {
    error(key, fmt::format("`{}` must be between {} and {}, not {}", key, min, max, *text));
    return std::nullopt;
  }
  return value;
}

std::optional<std::vector<std::string>> MapReader::strings(std::string_view key) const {
  if (!has(key)) return std::nullopt;
  const YAML::Node value = node(key);
  std::vector<std::string> out;
  if (value.IsScalar()) {
    out.push_back(value.Scalar());
    return out;
  }
  if (!value.IsSequence()) {
    error(key, fmt::format("`{}` must be a list of text items, not {}", key, kind_name(value)));
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      m_diagnostics.error(span_of(m_file, item, m_base_offset),
          fmt::format("items of `{}` must be text, not {}", key, kind_name(item)));
      ok = false;
      continue;
    }
    out.push_back(item.Scalar());
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> MapReader::choice(std::string_view key,
    const std::vector<std::string>& choices, bool required) const {
  const auto text = string(key, required);
  if (!text) return std::nullopt;
  if (std::find(choices.begin(), choices.end(), *text) != choices.end()) return text;
  std::vector<std::string> hints;
  if (auto hint = did_you_mean(*text, choices); !hint.empty()) hints.push_back(std::move(hint));
  std::string list;
  for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
  hints.push_back(fmt::format("`{}` takes one of: {}", key, list));
  error(key, fmt::format("unknown value `{}` for `{}`", *text, key), std::move(hints));
  return std::nullopt;
}

std::optional<std::string> scalar(const SourceFilePtr& file, const YAML::Node& node,
    std::string_view what, Diagnostics& diagnostics, uint32_t base_offset) {
  if (!node.IsScalar()) {
    diagnostics.error(span_of(file, node, base_offset),
        fmt::format("{} must be text, not {}", what, kind_name(node)));
    return std::nullopt;
  }
  return node.Scalar();
}

} // namespace brief::yaml
