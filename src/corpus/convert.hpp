#pragma once
// What every converter gives: the text passages refer to, the blocks found in it, the metadata
// the file says of itself, and what was set aside. Internal to the corpus stage.

#include "corpus/segment.hpp"

#include "base/diagnostic.hpp"

#include <string>
#include <vector>

namespace brief::corpus {

struct Conversion {
  std::string text;           // becomes Document::text; blocks refer to it
  std::vector<Block> blocks;  // in reading order
  DocumentMeta found;         // title, authors, publisher, published, url the file gives, if any
  std::vector<Document::SetAside> set_aside;
  uint32_t page_count = 0;
};

// Checks that a file is text brief can show: valid UTF-8, no NUL, no control characters.
// Reports the first problem at its byte and returns false.
bool check_text_bytes(const SourceFilePtr& file, Diagnostics& diagnostics);

// "\r\n" and lone "\r" become "\n".
std::string unify_line_ends(std::string_view text);

// A text capture (`.txt`): paragraphs, list items, headings and transcript turns, with web
// furniture set aside by the rules of furniture.hpp. `file` has passed check_text_bytes.
Conversion convert_text(const SourceFilePtr& file);

// CommonMark through md4c: `body` is the Markdown after any front matter; inline markup becomes
// text, link targets are kept on their passage.
Conversion convert_markdown(std::string_view body);

} // namespace brief::corpus
