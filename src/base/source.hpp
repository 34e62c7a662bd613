#pragma once
// Source files and spans: where a piece of user input came from, for diagnostics and citations.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace brief {

// A file the user wrote (spec, template, corpus document), kept whole so diagnostics can quote it.
struct SourceFile {
  std::string path;  // as the user named it, for messages
  std::string text;  // raw bytes as read
};

using SourceFilePtr = std::shared_ptr<const SourceFile>;

// 1-based line and column; the column counts Unicode code points, not bytes.
struct LineColumn {
  uint32_t line = 0;
  uint32_t column = 0;
};

// Computes the line and column of a byte offset in a file's text.
LineColumn locate(std::string_view text, uint32_t offset);

// A byte range in a source file. An empty `file` means "no location" (e.g. a command-line value).
struct Span {
  SourceFilePtr file;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool has_location() const { return file != nullptr; }
  LineColumn start() const { return file ? locate(file->text, begin) : LineColumn{}; }
};

// A span covering a whole file (for errors about a file as such, e.g. "file is empty").
Span whole_file(const SourceFilePtr& file);

} // namespace brief
