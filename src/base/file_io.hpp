#pragma once
// Reading user files and writing outputs atomically.

#include "base/outcome.hpp"
#include "base/source.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace brief {

// Reads a whole file. Errors (missing, unreadable, larger than `max_bytes`) become a diagnostic
// naming the path and what to do.
Outcome<SourceFilePtr> read_source_file(const std::filesystem::path& path,
    size_t max_bytes = size_t{64} << 20);

// Writes `bytes` to `path` so that readers only ever see the old or the new whole file:
// a temporary file in the same directory (".<name>.tmp-<pid>-<start>-<n>"), flushed to disk, then renamed
// over the target. On failure the temporary file is removed, the old file is untouched, and the
// returned string says what went wrong (empty on success).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// True for names write_file_atomically uses for its temporary files.
bool is_temporary_output_name(std::string_view filename);

} // namespace brief
