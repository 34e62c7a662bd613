#pragma once
// The structure tree of tagged PDF, built while blocks are laid out: each block adds its nodes to
// PagedDocument::structure and tags the items it emits with them (layout/paged.hpp, StructNode).
// Nodes are added in reading order; pdf/ orders a node's child nodes by the order they were added.

#include "layout/paged.hpp"

#include <string>
#include <vector>

namespace brief::layout {

// The root (Document), added when `nodes` is empty; always index 0.
int structure_root(std::vector<StructNode>& nodes);

// Adds a node under `parent` and returns its index.
int add_node(std::vector<StructNode>& nodes, Role role, int parent);

// The heading role for a level (1-3; deeper levels are H3).
Role heading_role(int level);

// Tags every untagged item of `items` with `node`. A link (a Link item with the glyph runs drawn
// just before it inside its rectangle: a citation mark, a URI, a contents entry) gets a node of
// its own under `node`, a Link element (no Reference wrapper: a Link already says what it is, and
// every element is an object of its own in the file). Only items from index `first` on are looked at.
void tag_items(std::vector<Item>& items, int node, std::vector<StructNode>& nodes, size_t first = 0);

// Sets the tag of every drawable item of `items` from `first` on, tagged or not (page furniture and
// repeated table headers become artifacts).
void retag_items(std::vector<Item>& items, int tag, size_t first = 0);

// Whether every glyph run of `items` is tagged (a node or an artifact).
bool all_text_tagged(const std::vector<Item>& items);

} // namespace brief::layout
