#pragma once
// Body segmentation: a normalised Markdown body -> passages (headings, paragraphs, list items)
// and their sentences, with ids and byte ranges into the body.

#include "corpus/corpus.hpp"

#include <string_view>
#include <vector>

namespace brief::corpus {

// Splits `body` into passages numbered `<doc_id>#p1`, `#p2`, ... in reading order. Paragraphs are
// separated by blank lines (their lines joined with one space); a list item starts at a line
// beginning with a marker (`1.`, `1-`, `1)`, `-`, `*`, `+`, `•`) and nests by indentation; a
// heading is a line starting with one to six `#`. Each passage knows the nearest heading above.
std::vector<Passage> segment_body(std::string_view doc_id, std::string_view body);

} // namespace brief::corpus
