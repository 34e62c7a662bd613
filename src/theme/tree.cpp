#include "theme/tree.hpp"

#include "base/yaml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace brief::theme {

const Entry* Node::find(std::string_view key) const {
  for (const auto& entry : entries)
    if (entry.key == key) return &entry;
  return nullptr;
}

Entry* Node::find(std::string_view key) {
  for (auto& entry : entries)
    if (entry.key == key) return &entry;
  return nullptr;
}

std::string_view kind_name(const Node& node) {
  switch (node.kind) {
  case Node::Kind::null: return "empty";
  case Node::Kind::scalar: return "text";
  case Node::Kind::list: return "a list";
  case Node::Kind::map: return "a mapping";
  }
  return "empty";
}

Node from_yaml(const SourceFilePtr& file, const YAML::Node& node, Diagnostics& diags) {
  Node out;
  out.span = yaml::span_of(file, node);
  switch (node.Type()) {
  case YAML::NodeType::Scalar:
    out.kind = Node::Kind::scalar;
    out.text = node.Scalar();
    break;
  case YAML::NodeType::Sequence:
    out.kind = Node::Kind::list;
    out.items.reserve(node.size());
    for (const auto& item : node) out.items.push_back(from_yaml(file, item, diags));
    break;
  case YAML::NodeType::Map: {
    out.kind = Node::Kind::map;
    std::set<std::string> seen;
    for (const auto& kv : node) {
      const Span key_span = yaml::span_of(file, kv.first);
      if (!kv.first.IsScalar()) {
        diags.error(key_span, "keys in templates must be plain words", {"write `key: value`"});
        continue;
      }
      if (!seen.insert(kv.first.Scalar()).second) {
        diags.error(key_span, fmt::format("duplicate key `{}`", kv.first.Scalar()), {"remove one of the two"});
        continue;
      }
      Entry entry{kv.first.Scalar(), key_span, from_yaml(file, kv.second, diags)};
      if (entry.value.kind == Node::Kind::null) entry.value.span = key_span;
      out.entries.push_back(std::move(entry));
    }
    break;
  }
  case YAML::NodeType::Null:
  case YAML::NodeType::Undefined: break;
  }
  return out;
}

void merge_into(Node& base, const Node& child) {
  if (!base.is_map() || !child.is_map()) {
    base = child;
    return;
  }
  for (const auto& entry : child.entries) {
    if (Entry* existing = base.find(entry.key)) {
      existing->key_span = entry.key_span;
      merge_into(existing->value, entry.value);
    } else {
      base.entries.push_back(entry);
    }
  }
  base.span = child.span;
}

namespace {

void emit(YAML::Emitter& out, const Node& node) {
  switch (node.kind) {
  case Node::Kind::null: out << YAML::Null; break;
  case Node::Kind::scalar: out << node.text; break;
  case Node::Kind::list: {
    // Short lists of words read best on one line, as the shipped templates write them.
    const bool flat = std::all_of(node.items.begin(), node.items.end(),
        [](const Node& item) { return item.is_scalar(); });
    if (flat) out << YAML::Flow;
    out << YAML::BeginSeq;
    for (const auto& item : node.items) emit(out, item);
    out << YAML::EndSeq;
    break;
  }
  case Node::Kind::map:
    out << YAML::BeginMap;
    for (const auto& entry : node.entries) {
      out << YAML::Key << entry.key << YAML::Value;
      emit(out, entry.value);
    }
    out << YAML::EndMap;
    break;
  }
}

} // namespace

std::string to_yaml(const Node& node) {
  YAML::Emitter out;
  out.SetIndent(2);
  emit(out, node);
  std::string text = out.c_str();
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

} // namespace brief::theme
