#pragma once
// Front matter: the YAML block between `---` lines at the top of a corpus document, read into
// DocumentMeta with every mistake reported at its line and column.

#include "base/diagnostic.hpp"
#include "corpus/corpus.hpp"

#include <optional>

namespace brief::corpus {

// Where the front matter and the body lie in a file's text.
struct FrontMatterBounds {
  uint32_t yaml_begin = 0;  // first byte after the opening `---` line
  uint32_t yaml_end = 0;    // first byte of the closing `---` line
  uint32_t body_begin = 0;  // first byte after the closing line
};

// Finds the front matter at the start of `file` (after an optional byte order mark); reports a
// missing or unclosed block.
std::optional<FrontMatterBounds> find_front_matter(const SourceFilePtr& file, Diagnostics& diagnostics);

struct FrontMatter {
  DocumentMeta meta;
  Span id_span;  // the `id` value, for errors about the id that are found later (duplicates)
};

// Reads and validates the fields; `releasability` must be a level of `markings`. Returns nullopt
// when a required field is missing or invalid (all problems are reported). In a sidecar
// (`sidecar` true) every key is optional: what is missing stays empty for the file to supply.
std::optional<FrontMatter> read_front_matter(const SourceFilePtr& file, const FrontMatterBounds& bounds,
    const MarkingTable& markings, Diagnostics& diagnostics, bool sidecar = false);

} // namespace brief::corpus
