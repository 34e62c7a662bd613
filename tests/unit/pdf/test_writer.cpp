#include "pdf/pdf.hpp"

#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <sstream>

using namespace brief;
using test::TempPdf;

namespace {

constexpr double k_a4_width = 595.276, k_a4_height = 841.89;

text::FaceId find(text::FontLibrary& fonts, const char* family, bool bold = false) {
  auto face = fonts.find(family, bold, false);
  REQUIRE(face.ok());
  return *face;
}

layout::Page a4_page() {
  layout::Page page;
  page.width = k_a4_width;
  page.height = k_a4_height;
  return page;
}

// The lines of the test document, and what pdftotext must give back for them.
const std::vector<std::string> k_lines{
    "Transliteration: \xE1\xB8\xA4 \xE1\xB9\xA3 \xE1\xB8\x8D \xE1\xB9\xAD \xE1\xBA\x93 \xC4\x81",  // Ḥ ṣ ḍ ṭ ẓ ā
    "\xE2\x80\x9C" "Curly quotes\xE2\x80\x9D and \xE2\x80\x98single\xE2\x80\x99 \xE2\x80\x94 dashes \xE2\x80\x93 too",
    "AVA Wolf fi fl office",
    "The party \xD8\xAD\xD8\xB2\xD8\xA8 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87 said",  // حزب الله
    "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85",  // سلام
};

constexpr size_t k_mixed_line = 3;

// pdftotext wraps right-to-left text in embedding marks (U+202B ... U+202C); they are not ours.
std::string without_bidi_marks(std::string text) {
  for (const char* mark : {"\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC", "\xE2\x80\x8E", "\xE2\x80\x8F"})
    for (size_t at; (at = text.find(mark)) != std::string::npos;) text.erase(at, 3);
  return text;
}

layout::PagedDocument sample_document(text::FontLibrary& fonts) {
  layout::PagedDocument document;
  const auto serif = find(fonts, "DejaVu Serif");
  const auto bold = find(fonts, "DejaVu Sans", true);
  layout::Page page = a4_page();
  double y = 780;
  test::add_text(page, fonts, bold, 16, 72, y, "Heading in Bold");
  y -= 30;
  for (const auto& line : k_lines) {
    test::add_text(page, fonts, serif, 11, 72, y, line);
    y -= 20;
  }
  page.items.push_back(layout::Line{72, 600, 523, 600, 0.5, {0.2, 0.2, 0.2}});
  page.items.push_back(layout::Rect{72, 560, 100, 20, {0.9, 0.9, 0.95}});
  document.pages.push_back(std::move(page));
  document.info.title = "Test \xE2\x80\x94 brief";
  document.info.date = "2024-03-05";
  return document;
}

std::string written(const layout::PagedDocument& document, const text::FontLibrary& fonts,
    pdf::Options options = {}) {
  auto bytes = pdf::write(document, fonts, options);
  INFO((bytes.diagnostics().empty() ? std::string() : bytes.diagnostics().items()[0].message));
  REQUIRE(bytes.ok());
  CHECK(bytes.diagnostics().empty());
  return *bytes;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line != "\f") out.push_back(line);
  return out;
}

} // namespace

TEST_CASE("pdftotext extracts exactly the text written, without warnings") {
  text::FontLibrary fonts;
  const auto document = sample_document(fonts);
  TempPdf pdf(written(document, fonts));
  const auto result = test::run("pdftotext -enc UTF-8 -nopgbrk", pdf.path(), "-");
  CHECK(result.status == 0);
  CHECK(result.err.empty());
  const auto lines = lines_of(without_bidi_marks(result.out));
  REQUIRE(lines.size() == k_lines.size() + 1);
  CHECK(lines[0] == "Heading in Bold");
  for (size_t i = 0; i < k_lines.size(); ++i) {
    if (i == k_mixed_line) {
      // poppler moves the space at the end of a right-to-left stretch to its start
      // ("party  <arabic>said"); the words and their letters must still be in logical order.
      CHECK_THAT(lines[i + 1], Catch::StartsWith("The party") && Catch::EndsWith("said") &&
          Catch::Contains("\xD8\xAD\xD8\xB2\xD8\xA8 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87"));
    } else {
      CHECK(lines[i + 1] == k_lines[i]);
    }
  }
}

TEST_CASE("qpdf finds no problems and pdffonts shows embedded subsets") {
  text::FontLibrary fonts;
  TempPdf pdf(written(sample_document(fonts), fonts));
  const auto check = test::run("qpdf --check", pdf.path());
  CHECK(check.status == 0);
  CHECK_THAT(check.out, Catch::Contains("No syntax or stream encoding errors found"));
  CHECK(check.err.empty());

  const auto listing = test::run("pdffonts", pdf.path());
  CHECK(listing.status == 0);
  CHECK(listing.err.empty());
  const auto rows = lines_of(listing.out);
  REQUIRE(rows.size() == 2 + 3);  // header, rule, DejaVu Serif, DejaVu Sans Bold, Noto Naskh Arabic
  for (size_t i = 2; i < rows.size(); ++i) {
    CAPTURE(rows[i]);
    CHECK_THAT(rows[i], Catch::Contains("CID TrueType") && Catch::Contains("Identity-H"));
    CHECK_THAT(rows[i], Catch::Contains("yes yes yes"));  // embedded, subset, ToUnicode
    CHECK(rows[i][6] == '+');  // AAAAAA+Name
  }
  CHECK_THAT(listing.out, Catch::Contains("NotoNaskhArabic"));

  const auto info = test::run("pdfinfo", pdf.path());
  CHECK_THAT(info.out, Catch::Contains("Title:           Test \xE2\x80\x94 brief"));
  CHECK_THAT(info.out, Catch::Contains("2024"));
}

TEST_CASE("the dot below survives in nested composite glyphs") {
  text::FontLibrary fonts;
  const auto serif = find(fonts, "DejaVu Serif");
  for (auto embedding : {pdf::FontEmbedding::subset, pdf::FontEmbedding::libharu}) {
    layout::PagedDocument document;
    // Page 1: H, page 2: Ḥ, both at 200 pt with the baseline at y = 300.
    for (const char* letter : {"H", "\xE1\xB8\xA4"}) {
      layout::Page page;
      page.width = 300;
      page.height = 600;
      test::add_text(page, fonts, serif, 200, 50, 300, letter);
      document.pages.push_back(std::move(page));
    }
    pdf::Options options;
    options.embedding = embedding;
    TempPdf pdf(written(document, fonts, options));
    // Render at 72 dpi (1 px = 1 pt) as greyscale and count dark pixels below the baseline
    // (rows 300..600 from the top of the page hold y = 300..0).
    const auto rendered = test::run("pdftoppm -r 72 -gray", pdf.path());
    REQUIRE(rendered.status == 0);
    CHECK(rendered.err.empty());
    // pdftoppm writes one binary PGM per page to stdout, back to back.
    std::vector<size_t> dark_below;
    size_t at = 0;
    const std::string& pgm = rendered.out;
    while (at < pgm.size()) {
      int width = 0, height = 0, max = 0, consumed = 0;
      REQUIRE(std::sscanf(pgm.c_str() + at, "P5 %d %d %d%n", &width, &height, &max, &consumed) == 3);
      at += size_t(consumed) + 1;
      size_t dark = 0;
      for (int row = 310; row < height; ++row)
        for (int col = 0; col < width; ++col)
          if (static_cast<unsigned char>(pgm[at + size_t(row) * size_t(width) + size_t(col)]) < 128) ++dark;
      dark_below.push_back(dark);
      at += size_t(width) * size_t(height);
    }
    REQUIRE(dark_below.size() == 2);
    CHECK(dark_below[0] == 0);
    CHECK(dark_below[1] > 100);  // the dot: about 25 x 25 pt at this size
  }
}

TEST_CASE("links, destinations, outline and page labels are written") {
  text::FontLibrary fonts;
  const auto serif = find(fonts, "DejaVu Serif");
  layout::PagedDocument document;
  for (int p = 0; p < 3; ++p) {
    layout::Page page = a4_page();
    page.label = p == 0 ? "i" : std::to_string(p);
    test::add_text(page, fonts, serif, 12, 72, 770, "Page " + std::to_string(p + 1));
    page.items.push_back(layout::Anchor{"page-" + std::to_string(p + 1), 72, 790});
    document.pages.push_back(std::move(page));
  }
  // A link on page 1 to an anchor on a later page, and a URI link.
  document.pages[0].items.push_back(layout::Link{72, 765, 50, 15, "page-3"});
  document.pages[0].items.push_back(layout::Link{72, 700, 50, 15, "uri:https://example.org/report"});
  document.outline = {{"Front matter", 1, "page-1"}, {"Chapter \xE2\x80\x94 one", 1, "page-2"},
      {"Section 1.1", 2, "page-3"}};
  document.labels = {{0, layout::PageLabelRange::Style::roman, 1}, {1, layout::PageLabelRange::Style::decimal, 1}};

  pdf::Options options;
  options.compress = false;  // to read the objects
  const std::string bytes = written(document, fonts, options);
  CHECK(bytes.find("/Subtype /Link") != std::string::npos);
  CHECK(bytes.find("/URI (https:\\057\\057example.org\\057report)") != std::string::npos);
  CHECK(bytes.find("/Border [ 0 0 0 ]") != std::string::npos);
  CHECK(bytes.find("/Outlines") != std::string::npos);
  CHECK(bytes.find("/XYZ 72 790 null ]") != std::string::npos);  // the reader keeps its zoom
  CHECK(bytes.find("/PageLabels") != std::string::npos);

  TempPdf pdf(bytes);
  CHECK(test::run("qpdf --check", pdf.path()).status == 0);
  const auto info = test::run("pdfinfo -f 1 -l 3", pdf.path());
  CHECK(info.err.empty());
  CHECK_THAT(info.out, Catch::Contains("Pages:           3"));
  const auto json = test::run("qpdf --json --json-key=outlines", pdf.path());
  CHECK_THAT(json.out, Catch::Contains("Chapter \xE2\x80\x94 one"));
  CHECK_THAT(json.out, Catch::Contains("Section 1.1"));
}

TEST_CASE("unknown link targets are warnings, not failures") {
  text::FontLibrary fonts;
  layout::PagedDocument document;
  document.pages.push_back(a4_page());
  document.pages[0].items.push_back(layout::Link{10, 10, 10, 10, "nowhere"});
  document.outline = {{"Lost", 1, "nowhere"}};
  auto bytes = pdf::write(document, fonts);
  REQUIRE(bytes.ok());
  REQUIRE(bytes.diagnostics().items().size() == 2);
  CHECK(bytes.diagnostics().items()[0].message == "link to unknown anchor `nowhere`; left out");
  CHECK(bytes.diagnostics().items()[1].severity == Severity::warning);
}

TEST_CASE("the same document gives the same bytes") {
  text::FontLibrary fonts;
  const auto document = sample_document(fonts);
  const std::string first = written(document, fonts);
  text::FontLibrary other_fonts;  // a fresh library finds the same faces
  const auto again = sample_document(other_fonts);
  CHECK(written(again, other_fonts) == first);
  CHECK(written(document, fonts) == first);
  CHECK(first.find("/ID") == std::string::npos);
}

TEST_CASE("a libharu error ends the document without output") {
  text::FontLibrary fonts;
  layout::PagedDocument document;
  layout::Page page;  // zero size: libharu rejects it
  document.pages.push_back(page);
  auto bytes = pdf::write(document, fonts);
  REQUIRE_FALSE(bytes.ok());
  CHECK_FALSE(bytes.optional().has_value());
  CHECK_THAT(bytes.diagnostics().items().at(0).message,
      Catch::StartsWith("internal error: cannot write the PDF: libharu error 0x"));
}

TEST_CASE("subset fonts keep the file small") {
  text::FontLibrary fonts;
  const auto document = sample_document(fonts);
  pdf::Options whole;
  whole.embedding = pdf::FontEmbedding::libharu;
  const size_t subset_size = written(document, fonts).size();
  const size_t libharu_size = written(document, fonts, whole).size();
  WARN("one page, three faces: subset " << subset_size << " bytes, libharu embedding " << libharu_size << " bytes");
  CHECK(subset_size < 60'000);
  CHECK(subset_size * 4 < libharu_size);

  // Two faces, Latin only.
  layout::PagedDocument latin;
  layout::Page page = a4_page();
  test::add_text(page, fonts, find(fonts, "DejaVu Serif"), 11, 72, 700, k_lines[0] + " " + k_lines[1]);
  test::add_text(page, fonts, find(fonts, "DejaVu Sans", true), 14, 72, 740, "A heading");
  latin.pages.push_back(std::move(page));
  const size_t latin_subset = written(latin, fonts).size();
  const size_t latin_whole = written(latin, fonts, whole).size();
  WARN("one page, two faces: subset " << latin_subset << " bytes, libharu embedding " << latin_whole << " bytes");
  CHECK(latin_subset < 40'000);
}

TEST_CASE("the widths a viewer uses are the nominal advances of shaping") {
  text::FontLibrary fonts;
  const auto serif = find(fonts, "DejaVu Serif");
  layout::PagedDocument document;
  layout::Page page = a4_page();
  const std::string sample = "Page of Text";
  test::add_text(page, fonts, serif, 10, 72, 700, sample);
  document.pages.push_back(std::move(page));
  pdf::Options options;
  options.compress = false;
  const std::string bytes = written(document, fonts, options);
  // "/W [ 32 [ 317 ] 101 [ 591 370 640 ] ... ]": a first code, then the widths (1/1000 em) of it
  // and the codes after it.
  const size_t start = bytes.find("/W [");
  REQUIRE(start != std::string::npos);
  std::istringstream in(bytes.substr(start + 4, bytes.find("\n", start) - start - 4));
  std::map<char32_t, int> widths;
  std::string token;
  unsigned code = 0;
  while (in >> token && token != "]") {
    code = static_cast<unsigned>(std::stoul(token));
    REQUIRE((in >> token && token == "["));
    while (in >> token && token != "]") widths[code++] = std::stoi(token);
  }
  const auto runs = fonts.shape(serif, 10, sample);
  REQUIRE(runs.size() == 1);
  for (const auto& glyph : runs[0].glyphs) {
    CAPTURE(static_cast<unsigned>(glyph.codepoint));
    REQUIRE(widths.count(glyph.codepoint));
    CHECK(widths[glyph.codepoint] == Approx(glyph.nominal * 100).margin(1e-9));
  }
}

TEST_CASE("code points a face cannot show are warned about") {
  text::FontLibrary fonts;
  const auto serif = find(fonts, "DejaVu Serif");
  layout::PagedDocument document;
  layout::Page page = a4_page();
  layout::GlyphRun run;
  run.face = serif;
  run.size = 10;
  run.x = 72;
  run.y = 700;
  run.codepoints = U"a\uA980";  // Javanese: not in DejaVu Serif
  page.items.push_back(run);
  document.pages.push_back(std::move(page));
  auto bytes = pdf::write(document, fonts);
  REQUIRE(bytes.ok());
  REQUIRE(bytes.diagnostics().items().size() == 1);
  CHECK(bytes.diagnostics().items()[0].message == "font `DejaVu Serif` has no glyph for U+A980");
}

TEST_CASE("document info and outline titles longer than libharu's string limit are cut, not fatal") {
  // A spec with 10,000 sections gave 100 KB of keywords, over libharu's 65535-byte limit, and the
  // whole PDF failed with error 0x105B.
  text::FontLibrary fonts;
  layout::PagedDocument document;
  layout::Page page = a4_page();
  page.items.push_back(layout::Anchor{"top", 72, 790});
  document.pages.push_back(std::move(page));
  std::string long_text;
  while (long_text.size() < 100000) long_text += "Section \xE2\x80\x94 title, ";
  document.info.keywords = long_text;
  document.info.title = long_text;
  document.outline = {{long_text, 1, "top"}};
  const auto bytes = pdf::write(document, fonts);
  for (const auto& d : bytes.diagnostics()) INFO(d.message);
  REQUIRE(bytes.ok());
  TempPdf pdf(*bytes);
  CHECK(test::run("qpdf --check", pdf.path()).status == 0);
  const auto info = test::run("pdfinfo", pdf.path());
  CHECK(info.err.empty());
  CHECK_THAT(info.out, Catch::Contains("Section \xE2\x80\x94 title"));
}

TEST_CASE("a subset whose rewritten tables end on libharu's 4096-byte block boundary still saves") {
  // Found by fuzzing (tests/fuzz/corpus/layout_text/regression-crash-f4c2fcaf6a5c): libharu 2.3
  // rewrites this subset of Charis SIL Bold to exactly 4096 bytes and its seek to the end fails
  // (error 0x1033); the writer retries with a padded subset.
  text::FontLibrary fonts;
  const auto bold = find(fonts, "Charis SIL", true);
  layout::PagedDocument document;
  layout::Page page = a4_page();
  test::add_text(page, fonts, bold, 12, 72, 770, "%.7EFTW`acdeghijlmnortuwxz\xEF\xBF\xBD");
  document.pages.push_back(std::move(page));
  const auto bytes = pdf::write(document, fonts);
  for (const auto& d : bytes.diagnostics()) INFO(d.message);
  REQUIRE(bytes.ok());
  TempPdf pdf(*bytes);
  CHECK(test::run("qpdf --check", pdf.path()).status == 0);
  const auto text = test::run("pdftotext", pdf.path(), " -");
  CHECK(text.err.empty());
  CHECK_THAT(text.out, Catch::Contains("%.7EFTW`acdeghijlmnortuwxz"));
}
