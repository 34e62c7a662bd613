#pragma once
// Sources as users have them: which files of a corpus folder are sources, where their metadata
// comes from, and ingest_file(), which maps any source file to a Document with passages. The
// converters (ingest_text.cpp, ingest_markdown.cpp, ...) each read one format into the same
// blocks, so the rest of the pipeline does not care which format a source came from.
//
// Metadata: a `.md` file may carry front matter (the keys of DocumentMeta); any source may have a
// sidecar `<name>.yaml` next to it with the same keys, all optional there. A key given in the
// sidecar wins over what the file says of itself (its title line, byline, dateline); the id
// defaults to the file name without extension, lowercased, other characters than letters and
// digits becoming hyphens; a missing `releasability` is the most restricted level of the
// marking table (a source nobody cleared is not released by accident).

#include "corpus/document_parser.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace brief::corpus {

enum class SourceFormat { markdown, text, html, pdf, docx, unknown };

// The format a file's extension names (case-insensitive): .md/.markdown, .txt, .html/.htm, .pdf,
// .docx; `unknown` otherwise.
SourceFormat source_format(const std::filesystem::path& path);

// "markdown", "text", "html", "pdf", "docx", "unknown".
std::string_view format_name(SourceFormat format);

// True for the files load() reads as sources (every format above but `unknown`).
bool is_source_file(const std::filesystem::path& path);

// The sidecar of an original: `<stem>.yaml` in the same folder.
std::filesystem::path sidecar_path(const std::filesystem::path& original);

// The id a file gets when nothing names one: "Iraq_Report 2020.PDF" -> "iraq-report-2020".
std::string default_document_id(const std::filesystem::path& path);

// Reads `path` (and its sidecar when there is one) into a Document. Errors name the file, and the
// line and column where there are lines (front matter, sidecar, text).
Outcome<ParsedDocument> ingest_file(const std::filesystem::path& path, const MarkingTable& markings);

} // namespace brief::corpus
