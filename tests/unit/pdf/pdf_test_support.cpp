#include "pdf_test_support.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sys/wait.h>
#include <unistd.h>

namespace brief::test {
namespace fs = std::filesystem;

TempPdf::TempPdf(const std::string& bytes) {
  std::string pattern = (fs::temp_directory_path() / "brief-pdf-XXXXXX").string();
  m_dir = mkdtemp(pattern.data());
  m_path = m_dir / "out.pdf";
  std::ofstream(m_path, std::ios::binary) << bytes;
}

TempPdf::~TempPdf() {
  std::error_code ec;
  fs::remove_all(m_dir, ec);
}

CommandResult run(const std::string& command, const fs::path& file, const std::string& tail) {
  CommandResult result;
  const fs::path err_file = file.string() + ".stderr";
  const std::string full = command + " '" + file.string() + "' " + tail + " 2>'" + err_file.string() + "'";
  FILE* pipe = popen(full.c_str(), "r");
  if (!pipe) return result;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.err = read_file(err_file);
  std::error_code ec;
  fs::remove(err_file, ec);
  return result;
}

double add_text(layout::Page& page, text::FontLibrary& fonts, text::FaceId face, double size,
    double x, double y, const std::string& text) {
  const double start = x;
  for (const auto& run : fonts.shape(face, size, text)) {
    layout::GlyphRun current;
    const auto flush = [&] {
      if (!current.codepoints.empty()) page.items.push_back(current);
      current.codepoints.clear();
    };
    double pen = x;
    double expected = x;  // where the viewer will put the next glyph of `current`
    for (const auto& glyph : run.glyphs) {
      if (glyph.codepoint == U' ') {  // spaces are gaps between words, as layout places them
        flush();
        pen += glyph.advance;
        continue;
      }
      if (current.codepoints.empty() || std::abs(pen - expected) > 0.001) {
        flush();
        current = layout::GlyphRun{};
        current.face = run.face;
        current.size = run.size;
        current.x = pen;
        current.y = y;
        current.text = run.logical_text;
        expected = pen;
      }
      current.codepoints += glyph.codepoint;
      expected += glyph.nominal;
      pen += glyph.advance;
    }
    flush();
    x = pen;
  }
  return x - start;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace brief::test
