#include "layout/structure.hpp"

#include <algorithm>

namespace brief::layout {
namespace {

// Slack when deciding whether a glyph run lies inside a link's rectangle, pt.
constexpr double k_link_slack = 0.5;

// The item's tag, or null for an anchor (nothing drawn).
int* tag_of(Item& item) {
  return std::visit(
      [](auto& value) -> int* {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, Anchor>) return nullptr;
        else return &value.tag;
      },
      item);
}

bool inside(const GlyphRun& run, const Link& link) {
  return run.x >= link.x - k_link_slack && run.x + run.width <= link.x + link.width + k_link_slack &&
         run.y >= link.y - k_link_slack && run.y <= link.y + link.height + k_link_slack;
}

} // namespace

int structure_root(std::vector<StructNode>& nodes) {
  if (nodes.empty()) nodes.push_back(StructNode{Role::document, -1, {}, {}, {}});
  return 0;
}

int add_node(std::vector<StructNode>& nodes, Role role, int parent) {
  structure_root(nodes);
  nodes.push_back(StructNode{role, parent < 0 ? 0 : parent, {}, {}, {}});
  return int(nodes.size() - 1);
}

Role heading_role(int level) {
  return level <= 1 ? Role::h1 : level == 2 ? Role::h2 : Role::h3;
}

void tag_items(std::vector<Item>& items, int node, std::vector<StructNode>& nodes, size_t first) {
  // Links first: each claims the untagged runs drawn just before it inside its rectangle.
  for (size_t i = first; i < items.size(); ++i) {
    auto* link = std::get_if<Link>(&items[i]);
    if (!link || link->tag != k_untagged) continue;
    link->tag = add_node(nodes, Role::link, node);
    for (size_t j = i; j-- > first;) {
      auto* run = std::get_if<GlyphRun>(&items[j]);
      if (!run) {
        if (std::holds_alternative<Anchor>(items[j])) continue;
        break;
      }
      if (run->tag != k_untagged || !inside(*run, *link)) break;
      run->tag = link->tag;
    }
  }
  for (size_t i = first; i < items.size(); ++i) {
    int* tag = tag_of(items[i]);
    if (!tag || *tag != k_untagged) continue;
    // Rules and rectangles inside a block are decoration; text and images are content.
    const bool decoration = std::holds_alternative<Line>(items[i]) || std::holds_alternative<Rect>(items[i]);
    *tag = decoration ? k_artifact : node;
  }
}

void retag_items(std::vector<Item>& items, int tag, size_t first) {
  for (size_t i = first; i < items.size(); ++i)
    if (int* own = tag_of(items[i])) *own = tag;
}

bool all_text_tagged(const std::vector<Item>& items) {
  return std::all_of(items.begin(), items.end(), [](const Item& item) {
    const auto* run = std::get_if<GlyphRun>(&item);
    return !run || run->tag != k_untagged;
  });
}

} // namespace brief::layout
