#pragma once
// Text styles as layout uses them: the theme's TextStyle for an element (with layout's fallbacks for
// elements a theme leaves out, so headings stay headings under a bare theme) and its four faces.

#include "base/diagnostic.hpp"
#include "layout/paged.hpp"
#include "text/font.hpp"
#include "theme/theme.hpp"

#include <map>
#include <string>

namespace brief::layout {

struct ResolvedStyle {
  theme::TextStyle text;
  text::FaceId faces[4] = {0, 0, 0, 0};  // indexed by face_index(bold, italic)
  Rgb color;
  double ascent = 0;   // pt above the baseline (regular face)
  double descent = 0;  // pt below the baseline, positive
  double space = 0;    // width of a space in the regular face, pt

  // The face for a run: the style's own weight and slant combined with the inline's.
  text::FaceId face(bool bold, bool italic) const;
  double line_height() const { return text.size * text.leading; }
};

// Looks up and caches styles and faces for one layout run. A family that cannot be found is
// reported once and replaced by the body family.
class StyleBook {
public:
  StyleBook(const theme::Theme& theme, text::FontLibrary& fonts, Diagnostics& diagnostics);

  const ResolvedStyle& get(const std::string& element);

  // Registers `style` under `name` (a derived style, such as a slide's body shrunk to fit) and
  // returns the name, which set_paragraph and set_text_line then accept like any element. A name
  // already registered keeps its first style.
  const std::string& define(const std::string& name, const theme::TextStyle& style);

  // `element` at another size, registered as "element@size".
  std::string sized(const std::string& element, double size);
  text::FontLibrary& fonts() { return m_fonts; }
  const theme::Theme& theme() const { return m_theme; }

private:
  text::FaceId find_face(const std::string& family, bool bold, bool italic);
  ResolvedStyle resolve(const theme::TextStyle& style);

  const theme::Theme& m_theme;
  text::FontLibrary& m_fonts;
  Diagnostics& m_diagnostics;
  std::map<std::string, ResolvedStyle> m_styles;
  std::map<std::string, text::FaceId> m_faces;  // "family|b|i"
};

Rgb to_rgb(const theme::Rgb& c);

} // namespace brief::layout
