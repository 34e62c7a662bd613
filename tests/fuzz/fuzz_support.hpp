#pragma once
// Shared by the fuzz targets: turning fuzzer bytes into the inputs the stages take, and checks
// that end a run loudly (abort, which libFuzzer and the replay tests both report as a failure).

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "base/utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace brief::fuzz {

inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// The bytes as a source file named `path`, as spec/, theme/ and corpus/ read them.
inline SourceFilePtr source_file(std::string path, std::string_view bytes) {
  return std::make_shared<const SourceFile>(SourceFile{std::move(path), std::string(bytes)});
}

// Valid UTF-8: each ill-formed byte becomes U+FFFD, as a reader that repairs input would do.
inline std::string valid_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (size_t offset = 0; offset < bytes.size();) utf8::append(out, utf8::decode(bytes, offset));
  return out;
}

// Ends the run: an invariant of the stage under test does not hold for this input.
[[noreturn]] inline void fail(const char* what) {
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

inline void require(bool condition, const char* what) {
  if (!condition) fail(what);
}

// Every diagnostic must carry a lowercase message and a span inside its file, and must format.
inline void check_diagnostics(const Diagnostics& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) {
    require(!diagnostic.message.empty(), "diagnostic without a message");
    if (diagnostic.span.file) {
      const size_t size = diagnostic.span.file->text.size();
      require(diagnostic.span.begin <= diagnostic.span.end, "diagnostic span ends before it begins");
      require(diagnostic.span.begin <= size + 1, "diagnostic span starts past the end of its file");
    }
    require(!format_diagnostic(diagnostic).empty(), "diagnostic formats to nothing");
  }
}

// Prints the diagnostics of a run that should have succeeded, then fails.
[[noreturn]] inline void fail_with(const char* what, const Diagnostics& diagnostics) {
  for (const Diagnostic& diagnostic : diagnostics) std::fprintf(stderr, "%s\n", format_diagnostic(diagnostic).c_str());
  fail(what);
}

} // namespace brief::fuzz
