#pragma once
// Small hand-built documents and themes shared by the layout tests.

#include "layout/layout.hpp"

#include <string>
#include <vector>

namespace brief::layout::testing {

inline model::Inlines plain(const std::string& text) { return {model::text_run(text)}; }

inline model::Paragraph paragraph(const std::string& text) {
  model::Paragraph p;
  p.inlines = plain(text);
  return p;
}

inline model::Heading heading(const std::string& text, int level = 1) {
  model::Heading h;
  h.text = text;
  h.level = level;
  return h;
}

inline model::Inline citation(int index, const std::string& mark) {
  model::Inline c;
  c.kind = model::Inline::Kind::citation;
  c.citation = index;
  c.text = mark;
  c.target = "source-" + std::to_string(index + 1);
  return c;
}

// A test theme: A5-ish pages so a few paragraphs cross a page, Charis SIL throughout.
inline theme::Theme small_theme() {
  theme::Theme t;
  t.page.width = 420;
  t.page.height = 300;
  t.page.margin_top = t.page.margin_bottom = 40;
  t.page.margin_left = t.page.margin_right = 50;
  t.footer.center = "page {page} of {pages}";
  return t;
}

// About 120 words of plain English prose from the briefing domain.
inline const std::string k_prose =
    "Security forces have reduced the number of large attacks over the past two years, but "
    "small cells continue to operate in the rural districts between the river valleys and the "
    "desert, where checkpoints are sparse and local intelligence networks remain incomplete. "
    "Analysts attribute the decline to sustained counterterrorism operations, improved "
    "coordination between federal and regional authorities, and the steady return of displaced "
    "families, which has restored some of the informal surveillance that communities once "
    "provided. Nevertheless, the organisation retains a capacity for opportunistic violence, "
    "exploits administrative seams between jurisdictions, and finances itself through "
    "extortion, smuggling and kidnapping for ransom in areas where reconstruction has stalled.";

} // namespace brief::layout::testing
