#pragma once
// Body segmentation: a normalised Markdown body -> passages (headings, paragraphs, list items)
// and their sentences, with ids and byte ranges into the body.

#include "corpus/corpus.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace brief::corpus {

// One passage as a converter found it: its kind and the byte ranges of `body` that make its text
// (joined with one space). Every converter (text, Markdown, HTML, PDF) produces blocks, so the
// rest of the pipeline does not care which format a source came from.
struct Block {
  PassageKind kind = PassageKind::paragraph;
  int heading_level = 0;
  std::string list_marker;
  int list_depth = 0;
  std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end) in the body
  uint32_t page = 0;
  std::string speaker;
  std::vector<std::string> links;
};

// Numbers `blocks` as passages `<doc_id>#p1`, `#p2`, ... with their sentences, the nearest heading
// above each, and byte ranges into `body`. Blocks without text are skipped.
std::vector<Passage> build_passages(std::string_view doc_id, std::string_view body, const std::vector<Block>& blocks);

// A list marker at the start of `text` (`1.`, `1-`, `1)`, `-`, `*`, `+`, `•`): its length and the
// offset of the item text. An ordinal directly followed by a capital letter counts ("5-Including").
struct ListMarker {
  size_t length = 0;
  size_t content = 0;
};
std::optional<ListMarker> find_list_marker(std::string_view text);

// Splits `body` into passages numbered `<doc_id>#p1`, `#p2`, ... in reading order. Paragraphs are
// separated by blank lines (their lines joined with one space); a list item starts at a line
// beginning with a marker (`1.`, `1-`, `1)`, `-`, `*`, `+`, `•`) and nests by indentation; a
// heading is a line starting with one to six `#`. Each passage knows the nearest heading above.
std::vector<Passage> segment_body(std::string_view doc_id, std::string_view body);

} // namespace brief::corpus
