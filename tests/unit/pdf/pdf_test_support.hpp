#pragma once
// Helpers for the pdf tests: building PagedDocuments from shaped text and reading written PDFs
// back with poppler and qpdf.

#include "layout/paged.hpp"
#include "text/font.hpp"

#include <filesystem>
#include <string>

namespace brief::test {

// A PDF written to a private temporary file for the command-line readers; removed on destruction.
class TempPdf {
public:
  explicit TempPdf(const std::string& bytes);
  ~TempPdf();
  TempPdf(const TempPdf&) = delete;
  TempPdf& operator=(const TempPdf&) = delete;
  const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_dir, m_path;
};

struct CommandResult {
  int status = -1;
  std::string out, err;
};

// Runs `command` with `file` appended (quoted), then `tail`, capturing stdout and stderr.
CommandResult run(const std::string& command, const std::filesystem::path& file,
    const std::string& tail = "");

// Shapes `text` and appends its runs to `page` as glyph runs starting at (x, y), each glyph placed
// at its shaped position (a new run where kerning moves a glyph off its nominal advance). Spaces
// are left as gaps, as layout places words.
// Returns the width.
double add_text(layout::Page& page, text::FontLibrary& fonts, text::FaceId face, double size,
    double x, double y, const std::string& text);

std::string read_file(const std::filesystem::path& path);

} // namespace brief::test
