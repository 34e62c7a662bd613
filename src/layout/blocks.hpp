#pragma once
// Blocks -> flow boxes: headings, paragraphs, lists (hanging indents and markers), block quotes
// (indent, left rule, attribution), key figures (a table: figure | what it counts | source) and
// tables (header row, column widths from content, header repeated on continuation pages).

#include "layout/layout.hpp"
#include "layout/flow.hpp"
#include "model/document.hpp"

#include <map>
#include <string>
#include <vector>

namespace brief::layout {

struct BlockContext {
  ParagraphContext& paragraphs;
  const model::Document& document;
  const theme::Theme& theme;
  double width = 0;  // the measure
  const std::map<std::string, std::string>& page_refs;  // anchor -> page label, previous pass
  std::vector<OutlineEntry>& outline;
  double pending_space = 0;  // space after the previous block, added above the next
  int heading_count = 0;     // for anchors of headings that have none
  std::vector<StructNode>* structure = nullptr;  // the pass's structure tree (layout/structure.hpp)
  std::string logo_alt = {};  // the logo's alternate description (the template's `logo_alt`)
};

// Tags the untagged items of flow.boxes[first..] with a new node of `role` under `parent` (links
// get nodes of their own) and returns the node.
int tag_boxes(BlockContext& context, Flow& flow, size_t first, Role role, int parent = 0);

void add_block(const model::Block& block, BlockContext& context, Flow& flow);

// The anchor of a heading: its own, or one made from its position.
std::string heading_anchor(const model::Heading& heading, int index);

// Title, subtitle, date and authors, release statement (furniture.cpp). With a cover, on a page
// of their own.
void add_title_block(BlockContext& context, Flow& flow, bool cover, const std::optional<Logo>& logo);

// The table of contents: headings of levels 1-2 with dotted leaders, page labels and links
// (toc.cpp). Page labels come from the previous pass of the settle loop.
void add_contents(BlockContext& context, Flow& flow);

} // namespace brief::layout
