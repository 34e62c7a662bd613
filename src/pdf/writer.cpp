#include "pdf/pdf.hpp"

#include "pdf/font_embed.hpp"
#include "pdf/hpdf_document.hpp"
#include "pdf/metadata.hpp"
#include "pdf/outline.hpp"
#include "pdf/tagging.hpp"
#include "pdf/to_unicode.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>
#include <hpdf_doc.h>

#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>

namespace brief::pdf {
namespace {

using detail::HpdfDocument;

// libharu writes reals with limited precision; keep the values we pass in a sane range.
HPDF_REAL real(double value) { return static_cast<HPDF_REAL>(std::isfinite(value) ? value : 0.0); }

bool same(const layout::Rgb& a, const layout::Rgb& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// Reads "YYYY-MM-DD" into a libharu date (midnight UTC), or nullopt.
std::optional<HPDF_Date> parse_date(const std::string& text) {
  int year = 0, month = 0, day = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3)
    return std::nullopt;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  HPDF_Date date{};
  date.year = year;
  date.month = month;
  date.day = day;
  date.ind = 'Z';
  return date;
}

// A gap between two glyph runs on one baseline wider than this (in ems of the first run) is a
// word space. Spaces justified text sets are at least 2/3 of a space (about 0.17 em in the faces
// we ship); kerning splits runs with gaps under 0.05 em.
constexpr double k_word_gap_em = 0.1;
// A run starting more than this (in ems) above or below the previous one starts a new line;
// superscript citation marks rise less (about 0.35 em).
constexpr double k_new_line_em = 0.8;

// For each item: whether it is a glyph run followed by a word boundary (a gap on its line, or a
// new line), where extracted text and screen readers need a space. Layout places words, it does
// not draw spaces.
std::vector<bool> word_boundaries(const std::vector<layout::Item>& items) {
  std::vector<bool> out(items.size(), false);
  const layout::GlyphRun* previous = nullptr;
  size_t previous_index = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (const auto* run = std::get_if<layout::GlyphRun>(&items[i])) {
      if (previous && previous->tag != layout::k_artifact && !previous->break_hyphen &&
          !previous->codepoints.empty() && previous->codepoints.back() != U' ' && previous->codepoints.back() != 0xA0) {
        const double em = std::max(previous->size, run->size);
        const bool new_line = run->x < previous->x || std::abs(run->y - previous->y) > em * k_new_line_em;
        const bool gap = run->x > previous->x + previous->width + previous->size * k_word_gap_em;
        out[previous_index] = new_line || gap;
      }
      previous = run;
      previous_index = i;
    } else if (!std::holds_alternative<layout::Anchor>(items[i]) && !std::holds_alternative<layout::Link>(items[i])) {
      previous = nullptr;
    }
  }
  return out;
}

// The code points a run is drawn with. A hyphen that line breaking added is drawn as a soft
// hyphen (U+00AD, the same hyphen glyph in the face) so extraction rejoins the word; a word
// boundary after the run is drawn as a space (invisible: the next run is placed absolutely).
std::u32string drawn_codepoints(const layout::GlyphRun& run, bool space_after, const text::FontLibrary& fonts) {
  std::u32string out = run.codepoints;
  if (run.break_hyphen && !out.empty() && (out.back() == U'-' || out.back() == 0x2010) &&
      run.face < fonts.face_count() && fonts.covers(run.face, 0xAD))
    out.back() = 0xAD;
  if (space_after && run.face < fonts.face_count() && fonts.covers(run.face, U' ')) out += U' ';
  return out;
}

// Draws one page's items. Text runs share a text object until something else is drawn.
class PageWriter {
public:
  PageWriter(HpdfDocument& document, HPDF_Page page, const std::map<text::FaceId, HPDF_Font>& fonts,
      const std::map<std::string, HPDF_Image>& images, detail::Tagging& tagging, const text::FontLibrary& library,
      Diagnostics& diagnostics)
      : m_document(document), m_page(page), m_fonts(fonts), m_images(images), m_tagging(tagging),
        m_library(library), m_diagnostics(diagnostics) {}

  // Every drawn item sits in marked content: its structure element's, or an artifact's.
  bool draw(const layout::Item& item, bool space_after) {
    if (std::holds_alternative<layout::Link>(item) || std::holds_alternative<layout::Anchor>(item))
      return true;  // links and anchors are added after every page exists
    const int key = m_tagging.key_of(item);
    if (const auto* run = std::get_if<layout::GlyphRun>(&item)) return draw_text(*run, key, space_after);
    if (!end_text() || !m_tagging.open(key)) return false;
    if (const auto* line = std::get_if<layout::Line>(&item)) return draw_line(*line);
    if (const auto* rect = std::get_if<layout::Rect>(&item)) return draw_rect(*rect);
    if (const auto* image = std::get_if<layout::Image>(&item)) return draw_image(*image);
    return true;
  }

  bool finish() { return end_text() && m_tagging.close(); }

private:
  bool draw_text(const layout::GlyphRun& run, int key, bool space_after) {
    std::string utf8;
    for (char32_t cp : drawn_codepoints(run, space_after, m_library)) {
      if (cp == 0) continue;
      if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        // Layout replaces these; should one slip through, libharu would write a space.
        m_diagnostics.warning({}, fmt::format("U+{:04X} cannot be written to the PDF; `?` written", unsigned(cp)));
        cp = U'?';
      }
      utf8::append(utf8, cp);
    }
    if (utf8.empty()) return true;
    const auto font = m_fonts.find(run.face);
    if (font == m_fonts.end()) return m_document.check(HPDF_INVALID_FONTDEF_DATA, "finding a run's font");
    if (!m_in_text) {
      // Marked content opened outside the text object must end before it (proper nesting).
      if (!m_tagging.close() || !m_document.check(HPDF_Page_BeginText(m_page), "beginning text")) return false;
      m_in_text = true;
    }
    if (!m_tagging.open(key)) return false;
    m_tagging.add_text(run.text);
    if (font->second != m_font || run.size != m_size) {
      if (!m_document.check(HPDF_Page_SetFontAndSize(m_page, font->second, real(run.size)), "setting the font"))
        return false;
      m_font = font->second;
      m_size = run.size;
    }
    if (!set_fill(run.color)) return false;
    // An absolute text matrix per run: no drift from accumulated relative moves.
    if (!m_document.check(HPDF_Page_SetTextMatrix(m_page, 1, 0, 0, 1, real(run.x), real(run.y)), "positioning text"))
      return false;
    return m_document.check(HPDF_Page_ShowText(m_page, utf8.c_str()), "showing text");
  }

  bool draw_line(const layout::Line& line) {
    if (!set_stroke(line.color)) return false;
    if (line.width != m_line_width) {
      if (!m_document.check(HPDF_Page_SetLineWidth(m_page, real(line.width)), "setting the line width"))
        return false;
      m_line_width = line.width;
    }
    return m_document.check(HPDF_Page_MoveTo(m_page, real(line.x1), real(line.y1)), "drawing a line") &&
           m_document.check(HPDF_Page_LineTo(m_page, real(line.x2), real(line.y2)), "drawing a line") &&
           m_document.check(HPDF_Page_Stroke(m_page), "drawing a line");
  }

  bool draw_rect(const layout::Rect& rect) {
    if (!set_fill(rect.color)) return false;
    return m_document.check(HPDF_Page_Rectangle(m_page, real(rect.x), real(rect.y), real(rect.width),
                                real(rect.height)), "drawing a rectangle") &&
           m_document.check(HPDF_Page_Fill(m_page), "drawing a rectangle");
  }

  bool draw_image(const layout::Image& image) {
    const auto found = m_images.find(image.key);
    if (found == m_images.end()) {
      m_diagnostics.warning({}, fmt::format("image `{}` was not loaded; left out", image.key));
      return true;
    }
    return m_document.check(HPDF_Page_DrawImage(m_page, found->second, real(image.x), real(image.y),
                                real(image.width), real(image.height)), "drawing an image");
  }

  bool set_fill(const layout::Rgb& color) {
    if (m_fill && same(*m_fill, color)) return true;
    m_fill = color;
    return m_document.check(HPDF_Page_SetRGBFill(m_page, real(color.r), real(color.g), real(color.b)),
        "setting the fill colour");
  }

  bool set_stroke(const layout::Rgb& color) {
    if (m_stroke && same(*m_stroke, color)) return true;
    m_stroke = color;
    return m_document.check(HPDF_Page_SetRGBStroke(m_page, real(color.r), real(color.g), real(color.b)),
        "setting the stroke colour");
  }

  bool end_text() {
    if (!m_in_text) return true;
    m_in_text = false;
    return m_tagging.close() && m_document.check(HPDF_Page_EndText(m_page), "ending text");
  }

  HpdfDocument& m_document;
  HPDF_Page m_page;
  const std::map<text::FaceId, HPDF_Font>& m_fonts;
  const std::map<std::string, HPDF_Image>& m_images;
  detail::Tagging& m_tagging;
  const text::FontLibrary& m_library;
  Diagnostics& m_diagnostics;
  bool m_in_text = false;
  HPDF_Font m_font = nullptr;
  double m_size = 0;
  double m_line_width = 1;  // the PDF default
  std::optional<layout::Rgb> m_fill, m_stroke;
};

bool load_image(HpdfDocument& document, const layout::ImageData& data, std::map<std::string, HPDF_Image>& out,
    Diagnostics& diagnostics) {
  HPDF_Doc pdf = document.get();
  const auto pixels = size_t(std::max(data.width, 0)) * size_t(std::max(data.height, 0));
  HPDF_Image image = nullptr;
  if (!data.jpeg.empty()) {
    image = HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(data.jpeg.data()),
        static_cast<HPDF_UINT>(data.jpeg.size()));
    if (!document.check_handle(image, "loading a JPEG image")) return false;
  } else {
    if (pixels == 0 || data.rgb.size() != pixels * 3 || (!data.alpha.empty() && data.alpha.size() != pixels)) {
      diagnostics.warning({}, fmt::format("image `{}` has inconsistent pixel data; left out", data.key));
      return true;
    }
    image = HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(data.rgb.data()),
        static_cast<HPDF_UINT>(data.width), static_cast<HPDF_UINT>(data.height), HPDF_CS_DEVICE_RGB, 8);
    if (!document.check_handle(image, "loading an image")) return false;
    if (!data.alpha.empty()) {
      HPDF_Image mask = HPDF_LoadRawImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(data.alpha.data()),
          static_cast<HPDF_UINT>(data.width), static_cast<HPDF_UINT>(data.height), HPDF_CS_DEVICE_GRAY, 8);
      if (!document.check_handle(mask, "loading an image mask")) return false;
      if (!document.check(HPDF_Image_AddSMask(image, mask), "adding an image mask")) return false;
    }
  }
  out.emplace(data.key, image);
  return true;
}

bool add_link(HpdfDocument& document, const std::vector<HPDF_Page>& pages, size_t page_index,
    const std::map<std::string, detail::AnchorTarget>& anchors, const layout::Link& link, detail::Tagging& tagging,
    Diagnostics& diagnostics) {
  HPDF_Page page = pages[page_index];
  const HPDF_Rect rect{real(link.x), real(link.y), real(link.x + link.width), real(link.y + link.height)};
  HPDF_Annotation annotation = nullptr;
  if (link.target.rfind("uri:", 0) == 0) {
    annotation = HPDF_Page_CreateURILinkAnnot(page, rect, link.target.c_str() + 4);
    if (!document.check_handle(annotation, "creating a URI link")) return false;
  } else {
    const auto target = anchors.find(link.target);
    if (target == anchors.end()) {
      diagnostics.warning({}, fmt::format("link to unknown anchor `{}`; left out", link.target));
      return true;
    }
    HPDF_Destination destination = detail::make_destination(document, pages, target->second);
    if (!destination) return false;
    annotation = HPDF_Page_CreateLinkAnnot(page, rect, destination);
    if (!document.check_handle(annotation, "creating a link")) return false;
  }
  return document.check(HPDF_LinkAnnot_SetBorderStyle(annotation, 0, 0, 0), "hiding a link border") &&
         tagging.add_annotation(annotation, link.tag, page_index);
}

bool set_info(HpdfDocument& document, const layout::DocumentInfo& info, Diagnostics& diagnostics) {
  const std::pair<HPDF_InfoType, const std::string*> fields[] = {{HPDF_INFO_TITLE, &info.title},
      {HPDF_INFO_AUTHOR, &info.author}, {HPDF_INFO_SUBJECT, &info.subject},
      {HPDF_INFO_KEYWORDS, &info.keywords}, {HPDF_INFO_CREATOR, &info.creator}};
  for (const auto& [type, value] : fields)
    if (!value->empty() &&
        !document.check(HPDF_SetInfoAttr(document.get(), type, detail::fit_pdf_string(*value).c_str()),
            "setting document info"))
      return false;
  if (info.date.empty()) return true;
  const auto date = parse_date(info.date);
  if (!date) {
    diagnostics.warning({}, fmt::format("document date `{}` is not YYYY-MM-DD; left out", info.date));
    return true;
  }
  return document.check(HPDF_SetInfoDateAttr(document.get(), HPDF_INFO_CREATION_DATE, *date), "setting the date");
}

// What identifies the document's content, for a PDF/A file identifier that is the same for the
// same inputs.
std::string fingerprint(const layout::PagedDocument& paged) {
  std::string out = paged.info.title + '\n' + paged.info.author + '\n' + paged.info.date + '\n';
  for (const auto& page : paged.pages) {
    out += fmt::format("page {} {}\n", page.width, page.height);
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<layout::GlyphRun>(&item)) out += run->text + '\n';
  }
  return out;
}

Outcome<std::string> write_document(HpdfDocument& document, const layout::PagedDocument& paged,
    const text::FontLibrary& fonts, const Options& options, const std::string& icc, size_t padding,
    Diagnostics& diagnostics) {
  HPDF_Doc pdf = document.get();
  if (document.failed()) return diagnostics;
  document.check(HPDF_SetCompressionMode(pdf, options.compress ? HPDF_COMP_ALL : HPDF_COMP_NONE), "setting compression");
  document.check(HPDF_UseUTFEncodings(pdf), "enabling UTF-8");
  document.check(HPDF_SetCurrentEncoder(pdf, "UTF-8"), "selecting UTF-8");
  if (document.failed()) return diagnostics;

  // Code points per face, in face order, so fonts are embedded in a stable order.
  std::map<text::FaceId, std::set<char32_t>> used;
  std::vector<std::vector<bool>> boundaries;
  for (const auto& page : paged.pages) {
    boundaries.push_back(word_boundaries(page.items));
    for (size_t i = 0; i < page.items.size(); ++i)
      if (const auto* run = std::get_if<layout::GlyphRun>(&page.items[i])) {
        auto& set = used[run->face];
        for (char32_t cp : drawn_codepoints(*run, boundaries.back()[i], fonts))
          if (cp != 0) set.insert(cp > 0xFFFF ? U'?' : cp);
      }
  }
  std::vector<detail::EmbeddedFont> embedded;
  std::map<text::FaceId, HPDF_Font> font_of;
  for (const auto& [face, codepoints] : used) {
    if (face >= fonts.face_count()) {
      diagnostics.error({}, fmt::format("internal error: glyph run in unknown face {}", face));
      return diagnostics;
    }
    for (char32_t cp : codepoints)
      if (!fonts.covers(face, cp))
        diagnostics.warning({}, fmt::format("font `{}` has no glyph for U+{:04X}", fonts.info(face).family, unsigned(cp)));
    auto font = detail::embed_font(document, fonts, face, codepoints, options.embedding, embedded.size(), padding);
    if (!font.ok()) {
      diagnostics.append(std::move(font.diagnostics()));
      if (!diagnostics.has_errors()) diagnostics.error({}, "internal error: cannot embed a font");
      return diagnostics;
    }
    font_of.emplace(face, font->font);
    embedded.push_back(std::move(*font));
  }

  std::map<std::string, HPDF_Image> images;
  for (const auto& image : paged.images)
    if (!images.count(image.key) && !load_image(document, image, images, diagnostics)) return diagnostics;

  std::vector<HPDF_Page> pages;
  for (const auto& page : paged.pages) {
    HPDF_Page handle = HPDF_AddPage(pdf);
    if (!document.check_handle(handle, "adding a page")) return diagnostics;
    if (!document.check(HPDF_Page_SetWidth(handle, real(page.width)), "sizing a page") ||
        !document.check(HPDF_Page_SetHeight(handle, real(page.height)), "sizing a page"))
      return diagnostics;
    pages.push_back(handle);
  }
  detail::Tagging tagging(document, paged, options.standard == Standard::pdfa_2b);
  for (size_t p = 0; p < paged.pages.size(); ++p) {
    tagging.begin_page(p, pages[p]);
    PageWriter writer(document, pages[p], font_of, images, tagging, fonts, diagnostics);
    const auto& items = paged.pages[p].items;
    for (size_t i = 0; i < items.size(); ++i)
      if (!writer.draw(items[i], boundaries[p][i])) return diagnostics;
    if (!writer.finish()) return diagnostics;
  }

  // Links may point forward, so destinations are made once every page exists.
  const auto anchors = detail::collect_anchors(paged);
  for (size_t p = 0; p < paged.pages.size(); ++p)
    for (const auto& item : paged.pages[p].items)
      if (const auto* link = std::get_if<layout::Link>(&item))
        if (!add_link(document, pages, p, anchors, *link, tagging, diagnostics)) return diagnostics;
  if (!detail::add_outline(document, pages, anchors, paged.outline, diagnostics)) return diagnostics;
  if (!detail::add_page_labels(document, paged.labels, pages.size(), diagnostics)) return diagnostics;
  if (!set_info(document, paged.info, diagnostics)) return diagnostics;
  if (!tagging.finish(pages, paged.info.language)) return diagnostics;
  const bool pdfa = options.standard == Standard::pdfa_2b;
  if (!detail::add_metadata(document, paged.info, pdfa)) return diagnostics;
  if (pdfa && !detail::add_pdfa_parts(document, icc, fingerprint(paged))) return diagnostics;
  pdf->pdf_version = HPDF_VER_17;  // tagged PDF as ISO 32000-1 describes it

  for (const auto& font : embedded) {
    detail::flag_composite_parts(font);
    if (!detail::replace_to_unicode(font.font, detail::to_unicode_cmap(font.codepoints))) {
      diagnostics.error({}, "internal error: the font has no ToUnicode map to replace");
      return diagnostics;
    }
  }
  std::string bytes;
  if (!document.save(bytes)) return diagnostics;
  return bytes;
}

// The outcome of one attempt: the first libharu error ends the document, without partial output.
Outcome<std::string> finish(HpdfDocument& document, Outcome<std::string> result, Diagnostics diagnostics) {
  if (document.failed()) {
    diagnostics.error({}, fmt::format("internal error: cannot write the PDF: {}", document.error_message()));
    return diagnostics;
  }
  if (!result.ok()) {
    if (!diagnostics.has_errors()) diagnostics.error({}, "internal error: cannot write the PDF");
    return diagnostics;
  }
  return Outcome<std::string>(std::move(*result), std::move(diagnostics));
}

} // namespace

Outcome<std::string> write(const layout::PagedDocument& paged, const text::FontLibrary& fonts, const Options& options) {
  // libharu 2.3 rewrites each embedded font into a stream of 4096-byte blocks and, after each
  // table, seeks to the end of what it wrote; when that end falls exactly on a block boundary the
  // seek fails (error 0x1033) and the document is lost. That happens for about one font in a
  // thousand, depending on the glyphs used. The same document with one or two undrawn characters
  // added to each subset has different table sizes, so it is written again that way. Output stays
  // a pure function of the input: the same document always takes the same attempts.
  constexpr size_t k_attempts = 3;
  std::string icc;
  if (options.standard == Standard::pdfa_2b) {
    std::ifstream in(detail::k_srgb_profile_path, std::ios::binary);
    icc.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) icc.clear();
    if (icc.size() < 128) {  // an ICC header alone is 128 bytes
      Diagnostics diagnostics;
      diagnostics.error({}, fmt::format("PDF/A-2b needs the sRGB ICC profile `{}`, which is missing or unreadable",
          detail::k_srgb_profile_path), {"install the Debian package icc-profiles-free (scripts/install-deps)"});
      return diagnostics;
    }
  }
  for (size_t padding = 0;; ++padding) {
    HpdfDocument document;
    Diagnostics diagnostics;
    auto result = write_document(document, paged, fonts, options, icc, padding, diagnostics);
    const bool retry = document.failed() && document.error_code() == HPDF_INVALID_OBJECT &&
        document.error_step() == "saving" && options.embedding == FontEmbedding::subset &&
        padding + 1 < k_attempts;
    if (retry) continue;
    return finish(document, std::move(result), std::move(diagnostics));
  }
}

} // namespace brief::pdf
