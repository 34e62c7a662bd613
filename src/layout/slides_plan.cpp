// The deck plan: a document's blocks as sections of slide units.

#include "layout/slides.hpp"

#include <algorithm>

namespace brief::layout {
namespace {

bool is_mark(const model::Inline& in) { return in.kind == model::Inline::Kind::citation; }

bool is_blank(const model::Inline& in) {
  return !is_mark(in) && in.text.find_first_not_of(" \t\r\n") == std::string::npos;
}

void trim_trailing_blanks(model::Inlines& inlines) {
  while (!inlines.empty() && is_blank(inlines.back())) inlines.pop_back();
}

// A paragraph of several claims (a summary) -> one Inlines per claim: its text and the marks
// that follow it.
std::vector<model::Inlines> split_claims(const model::Inlines& inlines) {
  std::vector<model::Inlines> out;
  model::Inlines current;
  bool marked = false;
  auto flush = [&] {
    trim_trailing_blanks(current);
    if (!current.empty()) out.push_back(std::move(current));
    current.clear();
    marked = false;
  };
  for (const model::Inline& in : inlines) {
    if (is_mark(in)) {
      current.push_back(in);
      marked = true;
    } else if (is_blank(in)) {
      if (!current.empty()) current.push_back(in);
    } else {
      if (marked) flush();
      model::Inline text = in;
      if (current.empty()) text.text.erase(0, text.text.find_first_not_of(" \t\r\n"));
      current.push_back(std::move(text));
    }
  }
  flush();
  return out;
}

SlideUnit bullet(const model::Inlines& short_form, const model::Inlines& full, std::string marker,
    const theme::Theme& theme) {
  SlideUnit unit;
  ShortText shown = shorten(short_form, theme.slide_max_words);
  unit.shown = std::move(shown.inlines);
  unit.shortened = shown.shortened;
  unit.full = full;
  unit.marker = std::move(marker);
  return unit;
}

const model::Citation* citation_by_anchor(const model::Document& document, const std::string& anchor) {
  for (const model::Citation& c : document.citations)
    if (c.anchor == anchor) return &c;
  return nullptr;
}

SlideUnit source_entry(const model::Citation& citation, const model::Inlines& full, const std::string& marker) {
  SlideUnit unit;
  unit.kind = UnitKind::source;
  unit.marker = marker.empty() ? "[" + std::to_string(citation.number) + "]" : marker;
  unit.shown = citation.note;
  unit.full = full.empty() ? citation.note : full;
  unit.anchor = citation.anchor;
  return unit;
}

class Planner {
public:
  Planner(const model::Document& document, const theme::Theme& theme) : m_document(document), m_theme(theme) {}

  std::vector<DeckSection> run() {
    for (const model::Block& block : m_document.blocks) std::visit([&](const auto& b) { add(b); }, block);
    if (!m_sources && !m_document.citations.empty()) {
      DeckSection sources;
      sources.title = "Sources";
      sources.anchor = "section-sources";
      for (const model::Citation& c : m_document.citations) sources.units.push_back(source_entry(c, {}, ""));
      m_sections.push_back(std::move(sources));
    }
    m_sections.erase(std::remove_if(m_sections.begin(), m_sections.end(),
                         [](const DeckSection& s) { return s.units.empty(); }),
        m_sections.end());
    return std::move(m_sections);
  }

private:
  DeckSection& section() {
    if (m_sections.empty()) {  // content before the first heading
      DeckSection overview;
      overview.title = "Overview";
      overview.anchor = "section-overview";
      m_sections.push_back(std::move(overview));
    }
    return m_sections.back();
  }

  void add(const model::Heading& h) {
    ++m_headings;
    if (h.level != 1) return;
    DeckSection s;
    s.title = h.text;
    s.anchor = h.anchor.empty() ? "heading-" + std::to_string(m_headings) : h.anchor;
    m_sections.push_back(std::move(s));
  }

  void add(const model::Paragraph& p) {
    if (!p.slide_text.empty()) {
      section().units.push_back(bullet(p.slide_text, p.inlines, "", m_theme));
      return;
    }
    for (const model::Inlines& claim : split_claims(p.inlines))
      section().units.push_back(bullet(claim, claim, "", m_theme));
  }

  void add(const model::List& list) {
    if (list.style == "bibliography") {
      m_sources = true;
      for (const model::ListItem& item : list.items) {
        if (const model::Citation* c = citation_by_anchor(m_document, item.anchor))
          section().units.push_back(source_entry(*c, item.inlines, item.marker));
      }
      return;
    }
    for (const model::ListItem& item : list.items) {
      const model::Inlines& short_form = item.slide_text.empty() ? item.inlines : item.slide_text;
      section().units.push_back(bullet(short_form, item.inlines, list.ordered ? item.marker : "", m_theme));
    }
  }

  void add(const model::Quote& q) {
    SlideUnit unit = bullet(q.slide_text.empty() ? q.inlines : q.slide_text, q.inlines, "", m_theme);
    unit.kind = UnitKind::quote;
    unit.attribution = q.attribution;
    section().units.push_back(std::move(unit));
  }

  void add(const model::KeyFigures& k) {
    for (const model::KeyFigure& f : k.figures) {
      SlideUnit unit;
      unit.kind = UnitKind::figure;
      unit.value = f.value;
      unit.shown.push_back(model::text_run(f.label));
      bool first = true;
      for (const model::Inline& in : f.context) {
        if (!is_mark(in)) continue;
        if (first) unit.shown.push_back(model::text_run(" "));
        first = false;
        unit.shown.push_back(in);
      }
      unit.full.push_back(model::text_run(f.value + " \u2014 " + f.label + ". "));
      unit.full.insert(unit.full.end(), f.context.begin(), f.context.end());
      section().units.push_back(std::move(unit));
    }
  }

  void add(const model::Table& t) {
    for (const auto& row : t.rows) {
      model::Inlines joined;
      for (const model::Inlines& cell : row) {
        if (!joined.empty()) joined.push_back(model::text_run(" \u2014 "));
        joined.insert(joined.end(), cell.begin(), cell.end());
      }
      section().units.push_back(bullet(joined, joined, "", m_theme));
    }
  }

  void add(const model::TableOfContents&) {}
  void add(const model::PageBreak&) {}

  const model::Document& m_document;
  const theme::Theme& m_theme;
  std::vector<DeckSection> m_sections;
  int m_headings = 0;
  bool m_sources = false;
};

} // namespace

std::vector<DeckSection> plan_deck(const model::Document& document, const theme::Theme& theme) {
  return Planner(document, theme).run();
}

std::vector<int> cited_in(const model::Inlines& inlines) {
  std::vector<int> out;
  for (const model::Inline& in : inlines)
    if (is_mark(in) && in.citation >= 0 && std::find(out.begin(), out.end(), in.citation) == out.end())
      out.push_back(in.citation);
  return out;
}

} // namespace brief::layout
