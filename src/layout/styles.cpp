#include "layout/styles.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace brief::layout {
namespace {

// Fallbacks for elements a theme does not style: (size relative to body, bold, italic, space
// before and after in multiples of the body size). Only used when theme.styles lacks the element.
struct Fallback {
  const char* element;
  double scale;
  bool bold;
  bool italic;
  double before, after;
};

constexpr Fallback k_fallbacks[] = {
    {"body", 1.0, false, false, 0, 0.6},
    {"list", 1.0, false, false, 0, 0.5},
    {"title", 2.0, true, false, 0, 0.4},
    {"subtitle", 1.3, false, false, 0, 0.4},
    {"byline", 0.95, false, true, 0, 0.2},
    {"h1", 1.45, true, false, 1.2, 0.5},
    {"h2", 1.2, true, false, 1.0, 0.4},
    {"h3", 1.05, true, true, 0.8, 0.3},
    {"quote", 0.95, false, false, 0.5, 0.2},
    {"attribution", 0.85, false, true, 0, 0.6},
    {"table", 0.85, false, false, 0, 0},
    {"table_header", 0.85, true, false, 0, 0},
    {"caption", 0.85, false, true, 0.3, 0.8},
    {"footnote", 0.8, false, false, 0, 0},
    {"header", 0.8, false, false, 0, 0},
    {"footer", 0.8, false, false, 0, 0},
    {"banner", 0.8, true, false, 0, 0},
    {"toc", 1.0, false, false, 0, 0},
    {"figure", 1.3, true, false, 0, 0},
};

int face_index(bool bold, bool italic) { return (bold ? 1 : 0) + (italic ? 2 : 0); }

} // namespace

Rgb to_rgb(const theme::Rgb& c) { return Rgb{c.r, c.g, c.b}; }

text::FaceId ResolvedStyle::face(bool bold, bool italic) const {
  const bool b = bold || text.weight == theme::Weight::bold;
  const bool i = italic || text.slant == theme::Slant::italic;
  return faces[face_index(b, i)];
}

StyleBook::StyleBook(const theme::Theme& theme, text::FontLibrary& fonts, Diagnostics& diagnostics)
    : m_theme(theme), m_fonts(fonts), m_diagnostics(diagnostics) {}

text::FaceId StyleBook::find_face(const std::string& family, bool bold, bool italic) {
  const std::string key = family + (bold ? "|b" : "|r") + (italic ? "|i" : "|u");
  if (auto it = m_faces.find(key); it != m_faces.end()) return it->second;
  auto found = m_fonts.find(family, bold, italic);
  text::FaceId id = 0;
  if (found.ok()) {
    id = *found;
  } else {
    // Report the first failure for this family; fall back to the body family, then any face.
    const std::string body = m_theme.style("body").family;
    if (family != body) {
      m_diagnostics.warning({}, "font family `" + family + "` not found, using `" + body + "`");
      id = find_face(body, bold, italic);
    } else {
      m_diagnostics.append(found.diagnostics());
      if (m_fonts.face_count() == 0) throw std::runtime_error("layout: no font face available");
    }
  }
  m_faces.emplace(key, id);
  return id;
}

const ResolvedStyle& StyleBook::get(const std::string& element) {
  if (auto it = m_styles.find(element); it != m_styles.end()) return it->second;
  ResolvedStyle r;
  if (m_theme.styles.count(element)) {
    r.text = m_theme.style(element);
  } else {
    r.text = m_theme.style("body");
    for (const Fallback& f : k_fallbacks) {
      if (element != f.element) continue;
      const double body = r.text.size;
      if (element == "body" && (r.text.space_before > 0 || r.text.space_after > 0)) break;
      r.text.size = body * f.scale;
      if (f.bold) r.text.weight = theme::Weight::bold;
      if (f.italic) r.text.slant = theme::Slant::italic;
      r.text.space_before = body * f.before;
      r.text.space_after = body * f.after;
      if (element == "header" || element == "footer" || element == "banner") r.text.leading = 1.2;
      if (element == "footnote") r.text.leading = 1.25;
    }
    if (element.rfind("h", 0) == 0 || element == "title") r.text.color = m_theme.accent;
  }
  return m_styles.emplace(element, resolve(r.text)).first->second;
}

const std::string& StyleBook::define(const std::string& name, const theme::TextStyle& style) {
  auto it = m_styles.find(name);
  if (it == m_styles.end()) it = m_styles.emplace(name, resolve(style)).first;
  return it->first;
}

std::string StyleBook::sized(const std::string& element, double size) {
  const std::string name = fmt::format("{}@{:.2f}", element, size);
  if (m_styles.count(name)) return name;
  theme::TextStyle style = get(element).text;
  style.size = size;
  return define(name, style);
}

ResolvedStyle StyleBook::resolve(const theme::TextStyle& style) {
  ResolvedStyle r;
  r.text = style;
  for (int b = 0; b < 2; ++b)
    for (int i = 0; i < 2; ++i) r.faces[face_index(b, i)] = find_face(r.text.family, b, i);
  r.color = to_rgb(r.text.color);
  const text::FaceInfo& info = m_fonts.info(r.face(false, false));
  r.ascent = info.ascender * r.text.size;
  r.descent = -info.descender * r.text.size;
  r.space = m_fonts.width(r.face(false, false), r.text.size, " ");
  if (r.space <= 0) r.space = r.text.size / 4;
  return r;
}

} // namespace brief::layout
