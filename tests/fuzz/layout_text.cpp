// Fuzz target: any text, any length, through layout and the PDF writer. The bytes (made valid
// UTF-8) become a heading and paragraphs of a model::Document laid out with the default Theme;
// layout::run must succeed whatever the text, and pdf::write too, giving a PDF, unless the first
// byte sets bit 16 (layout only).
//
// Speed: the fonts are loaded once (the FontLibrary lives for the whole run), and the PDF is
// written for half the inputs only: writing one embeds and compresses font subsets through
// libharu, a fixed cost several times that of laying out a short text. scripts/fuzz keeps inputs
// of this target short (-max_len), so each is a document of a few paragraphs.
#include "fuzz_support.hpp"

#include "layout/layout.hpp"
#include "pdf/pdf.hpp"

using namespace brief;

namespace {

// The first line is the heading; the rest splits into paragraphs at blank lines. The first byte
// picks styling: bold or italic runs, a citation mark after each paragraph, ragged-right alignment
// (and, bit 16, layout only: no PDF is written).
model::Document document_of(uint8_t options, const std::string& text) {
  model::Document document;
  document.meta.title = "Fuzzed";
  document.meta.id = "fuzzed";
  const size_t first_line = text.find('\n');
  model::Heading heading;
  heading.text = text.substr(0, first_line == std::string::npos ? std::min<size_t>(text.size(), 200) : first_line);
  heading.anchor = "section-1";
  document.blocks.emplace_back(heading);
  if (options & 4) {
    model::Citation citation;
    citation.number = 1;
    citation.anchor = "source-1";
    citation.document_id = "fuzzed";
    citation.note = {model::text_run(heading.text)};
    document.citations.push_back(citation);
  }
  size_t pos = first_line == std::string::npos ? text.size() : first_line + 1;
  while (pos < text.size()) {
    size_t end = text.find("\n\n", pos);
    if (end == std::string::npos) end = text.size();
    model::Paragraph paragraph;
    model::Inline run = model::text_run(text.substr(pos, end - pos), (options & 1) != 0);
    run.bold = (options & 2) != 0;
    paragraph.inlines.push_back(std::move(run));
    if (options & 4) {
      model::Inline mark;
      mark.kind = model::Inline::Kind::citation;
      mark.citation = 0;
      mark.text = "[1]";
      mark.target = "source-1";
      paragraph.inlines.push_back(std::move(mark));
    }
    document.blocks.emplace_back(std::move(paragraph));
    pos = end + 2;
  }
  return document;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // One library for the whole run, as one build uses one per output: fontconfig set-up is slow.
  static text::FontLibrary fonts;
  const std::string text = fuzz::valid_utf8(fuzz::as_text(data + 1, size - 1));
  const model::Document document = document_of(data[0], text);
  theme::Theme theme;
  if (data[0] & 8) theme.alignment = theme::Alignment::ragged;
  const auto paged = layout::run(document, theme, fonts);
  fuzz::check_diagnostics(paged.diagnostics());
  if (!paged.ok()) fuzz::fail_with("layout failed on valid text", paged.diagnostics());
  fuzz::require(!paged->pages.empty(), "layout gave no pages");
  if ((data[0] & 16) != 0) return 0;
  const auto pdf = pdf::write(*paged, fonts);
  if (!pdf.ok()) fuzz::fail_with("the PDF writer failed on a laid-out document", pdf.diagnostics());
  fuzz::require(pdf->rfind("%PDF-", 0) == 0 && pdf->find("%%EOF") != std::string::npos, "not a PDF");
  return 0;
}
