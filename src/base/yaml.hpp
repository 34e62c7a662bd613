#pragma once
// YAML input with positions: parsing into yaml-cpp nodes and reading mappings field by field,
// so that every mistake (syntax, unknown key, wrong type, value out of range) becomes a
// diagnostic at the file, line and column of the offending node. Shared by spec/, theme/ and the
// corpus front matter.

#include "base/diagnostic.hpp"
#include "base/outcome.hpp"
#include "base/source.hpp"

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief::yaml {

// Limits that keep hostile YAML from exhausting the stack or memory.
struct Limits {
  size_t max_bytes = size_t{4} << 20;  // 4 MiB
  int max_depth = 64;                  // nesting of maps and sequences
  size_t max_nodes = 200000;           // nodes reachable, counting each alias use
};

// Parses one YAML document from `text` (which occupies `file->text` starting at `base_offset`,
// for front matter inside a larger file). Syntax errors become diagnostics with a position.
Outcome<YAML::Node> parse(const SourceFilePtr& file, std::string_view text = {},
    uint32_t base_offset = 0, const Limits& limits = {});

// The span of a node: from its mark to the end of its scalar text (or one character).
Span span_of(const SourceFilePtr& file, const YAML::Node& node, uint32_t base_offset = 0);

// "a mapping", "a list", "a string", ...: names a node's kind for messages.
std::string_view kind_name(const YAML::Node& node);

// Reads the fields of one YAML mapping. Unknown keys are reported when the reader is made (with a
// did-you-mean hint from `known_keys`); each accessor reports a wrong type or range at the value.
class MapReader {
public:
  MapReader(SourceFilePtr file, YAML::Node node, std::string what,
      std::vector<std::string> known_keys, Diagnostics& diagnostics, uint32_t base_offset = 0);

  // False when the node is not a mapping (an error was reported).
  bool valid() const { return m_valid; }
  bool has(std::string_view key) const;
  YAML::Node node(std::string_view key) const;
  Span span() const;
  Span key_span(std::string_view key) const;
  Span value_span(std::string_view key) const;
  // Keys in document order (for round-tripping and merges).
  std::vector<std::string> keys() const;

  // Each accessor returns nullopt when the key is absent or its value is invalid (reported).
  std::optional<std::string> string(std::string_view key, bool required = false) const;
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max) const;
  std::optional<double> number(std::string_view key, double min, double max) const;
  // A list of strings; a single scalar is accepted as a list of one.
  std::optional<std::vector<std::string>> strings(std::string_view key) const;
  // One of `choices`; otherwise an error listing them.
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices,
      bool required = false) const;

  void error(std::string_view key, std::string message, std::vector<std::string> hints = {}) const;
  Diagnostics& diagnostics() const { return m_diagnostics; }
  const SourceFilePtr& file() const { return m_file; }
  uint32_t base_offset() const { return m_base_offset; }

private:
  SourceFilePtr m_file;
  YAML::Node m_node;
  std::string m_what;
  Diagnostics& m_diagnostics;
  uint32_t m_base_offset;
  bool m_valid = true;
};

// Reads a scalar as a string; reports an error naming `what` if the node is not a scalar.
std::optional<std::string> scalar(const SourceFilePtr& file, const YAML::Node& node,
    std::string_view what, Diagnostics& diagnostics, uint32_t base_offset = 0);

} // namespace brief::yaml
