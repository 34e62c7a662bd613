#pragma once
// One corpus document from a source file: checks on the bytes, front matter, normalised body,
// passages. load() uses the id span to report duplicate ids across files.

#include "corpus/front_matter.hpp"

namespace brief::corpus {

struct ParsedDocument {
  Document document;
  Span id_span;
};

Outcome<ParsedDocument> parse_document_with_spans(const SourceFilePtr& file, const MarkingTable& markings);

} // namespace brief::corpus
