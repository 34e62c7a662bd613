#pragma once
// A template's YAML as a plain tree in which every node remembers the file and position it came
// from. Templates are merged across files (`extends:`), so one merged mapping can hold keys from
// several files; yaml::MapReader reads one file's nodes, this tree keeps each node's own span so a
// diagnostic about a merged value points into the file where that value was written.

#include "base/diagnostic.hpp"
#include "base/source.hpp"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

namespace brief::theme {

struct Entry;

struct Node {
  enum class Kind { null, scalar, list, map };
  Kind kind = Kind::null;
  std::string text;            // scalar
  std::vector<Node> items;     // list
  std::vector<Entry> entries;  // map, in the order written (parents' keys first after a merge)
  Span span;                   // the value as written; for an empty value, its key

  bool is_map() const { return kind == Kind::map; }
  bool is_scalar() const { return kind == Kind::scalar; }
  // The entry for `key` in a map, or nullptr.
  const Entry* find(std::string_view key) const;
  Entry* find(std::string_view key);
};

struct Entry {
  std::string key;
  Span key_span;
  Node value;
};

// "a mapping", "a list", "text", "empty": for messages.
std::string_view kind_name(const Node& node);

// Converts a parsed YAML document of `file`. Non-scalar and duplicate keys are reported.
Node from_yaml(const SourceFilePtr& file, const YAML::Node& node, Diagnostics& diagnostics);

// Merges `child` over `base`: mappings key by key (the child wins, recursively), anything else
// (scalars, lists, empty values) replaces.
void merge_into(Node& base, const Node& child);

// The tree as block YAML. Scalars are written as they were read, quoted where YAML needs it.
std::string to_yaml(const Node& node);

} // namespace brief::theme
