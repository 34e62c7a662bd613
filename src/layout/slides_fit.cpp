// Fitting: where the parts of a slide go, how its text is set at a given size, and how a
// section's units are spread over slides so that each fits.

#include "layout/slides.hpp"

#include <algorithm>
#include <cmath>

namespace brief::layout {
namespace {

// Banner baselines, as fractions of the top and bottom margins measured from the page edge.
constexpr double k_banner_top_position = 0.45;
constexpr double k_banner_bottom_position = 0.35;
// The footer's baseline and the rule above it, pt above the bottom margin.
constexpr double k_footer_baseline_rise = 8;
constexpr double k_footer_rule_rise = 28;
// Space between the footer rule and the lowest body text, pt.
constexpr double k_body_footer_gap = 14;
// The title starts this far below the top margin, pt.
constexpr double k_title_drop = 8;
// The accent bar under the title: gap above it, its height, and the gap to the body, pt.
constexpr double k_bar_gap = 10;
constexpr double k_bar_height = 4;
constexpr double k_bar_body_gap = 26;
// A title is at most this many lines; longer ones are set smaller (by this step, pt).
constexpr size_t k_max_title_lines = 2;
constexpr double k_title_step = 2;
// Body sizes are tried from the theme's size downwards in steps of this many pt.
constexpr double k_shrink_step = 1;
// Gap between a marker and its text, and between units, in ems of the body size.
constexpr double k_marker_gap_em = 0.55;
constexpr double k_unit_gap_em = 0.6;
// Quotes start this much larger than the theme's slide_quote size: a quote slide has one quote.
constexpr double k_quote_scale = 1.25;
// The opening quotation mark hangs in an indent this many ems of the quote size wide.
constexpr double k_quote_indent_em = 1.1;
// Attribution below a quote: its size relative to the quote, and the gap above it (ems).
constexpr double k_attribution_scale = 0.8;
constexpr double k_attribution_gap_em = 0.7;

double start_size(const Slide& slide, SlideContext& c) {
  if (slide.kind == SlideKind::quote) return c.theme.style("slide_quote").size * k_quote_scale;
  return c.theme.style("slide_body").size;
}

} // namespace

int slide_columns(const Slide& slide, const theme::Theme& theme) {
  return slide.kind == SlideKind::agenda && int(slide.units.size()) > theme.slide_max_bullets ? 2 : 1;
}

const char* to_string(SlideKind kind) {
  switch (kind) {
  case SlideKind::title: return "title";
  case SlideKind::agenda: return "agenda";
  case SlideKind::bullets: return "bullets";
  case SlideKind::quote: return "quote";
  case SlideKind::figures: return "figures";
  case SlideKind::sources: return "sources";
  }
  return "bullets";
}

SlideFrame slide_frame(const theme::Theme& theme) {
  const theme::PageSetup& p = theme.page;
  SlideFrame f;
  f.width = p.width;
  f.height = p.height;
  f.left = p.margin_left;
  f.right = p.width - p.margin_right;
  f.banner_top = p.height - p.margin_top * k_banner_top_position;
  f.banner_bottom = p.margin_bottom * k_banner_bottom_position;
  f.title_top = p.height - p.margin_top - k_title_drop;
  f.footer_baseline = p.margin_bottom + k_footer_baseline_rise;
  f.footer_rule = p.margin_bottom + k_footer_rule_rise;
  f.body_bottom = f.footer_rule + k_body_footer_gap;
  return f;
}

SetTitle set_title(const std::string& title, SlideContext& c) {
  SetTitle out;
  const model::Inlines inlines{model::text_run(title)};
  double size = c.theme.style("slide_title").size;
  std::string style = "slide_title";
  out.lines = set_lines(inlines, style, c.frame.measure(), c.paragraphs);
  while (out.lines.size() > k_max_title_lines && size - k_title_step >= c.min_size) {
    size -= k_title_step;
    style = c.paragraphs.styles.sized("slide_title", size);
    out.lines = set_lines(inlines, style, c.frame.measure(), c.paragraphs);
  }
  const double bottom = c.frame.title_top - lines_height(out.lines);
  out.bar_y = bottom - k_bar_gap - k_bar_height;
  out.body_top = out.bar_y - k_bar_body_gap;
  return out;
}

SetBody set_body(const Slide& slide, double size, double width, SlideContext& c) {
  SetBody body;
  StyleBook& styles = c.paragraphs.styles;
  const bool quote = slide.kind == SlideKind::quote;
  const std::string style = styles.sized(quote ? "slide_quote" : "slide_body", size);
  body.gap = size * k_unit_gap_em;
  const int columns = slide_columns(slide, c.theme);
  const double column_width = (width - (columns - 1) * k_slide_column_gap) / columns;

  double marker_width = 0;
  for (const SlideUnit& u : slide.units) {
    SetUnit set;
    if (!quote) {
      const std::string marker = u.marker.empty() ? "\u2022" : u.marker;
      set.marker = set_text_line(marker, style, c.paragraphs, !u.marker.empty());
      marker_width = std::max(marker_width, set.marker.width);
    }
    body.units.push_back(std::move(set));
  }
  body.marker_width = marker_width;
  body.indent = quote ? size * k_quote_indent_em : marker_width + size * k_marker_gap_em;

  const double attribution_size = std::max(c.min_size, std::min(size * k_attribution_scale,
      c.theme.style("slide_subtitle").size));
  for (size_t i = 0; i < slide.units.size(); ++i) {
    const SlideUnit& u = slide.units[i];
    SetUnit& set = body.units[i];
    set.lines = set_lines(u.shown, style, column_width - body.indent, c.paragraphs);
    set.height = lines_height(set.lines);
    if (quote && !u.attribution.empty()) {
      set.attribution = set_lines(u.attribution, styles.sized("slide_subtitle", attribution_size),
          column_width - body.indent, c.paragraphs);
      set.height += size * k_attribution_gap_em + lines_height(set.attribution);
    }
  }
  const size_t per_column = (slide.units.size() + size_t(columns) - 1) / size_t(columns);
  for (size_t start = 0; start < body.units.size(); start += std::max<size_t>(per_column, 1)) {
    double h = 0;
    for (size_t i = start; i < std::min(body.units.size(), start + per_column); ++i)
      h += (i > start ? body.gap : 0) + body.units[i].height;
    body.height = std::max(body.height, h);
  }
  return body;
}

namespace {

// The largest size from the theme's down to the minimum at which the slide's body fits, or 0.
double fit_size(const Slide& slide, SlideContext& c) {
  const double room = set_title(slide.title, c).body_top - c.frame.body_bottom;
  for (double size = start_size(slide, c); size >= c.min_size - 1e-9; size -= k_shrink_step) {
    if (set_body(slide, size, c.frame.measure(), c).height <= room) return size;
  }
  return 0;
}

class DeckFitter {
public:
  DeckFitter(SlideContext& context) : m_context(context), m_max(std::max(1, context.theme.slide_max_bullets)) {}

  void add_title_slide(const std::string& title) {
    Slide s;
    s.kind = SlideKind::title;
    s.title = title;
    m_slides.push_back(std::move(s));
  }

  void add_agenda(const std::vector<DeckSection>& sections) {
    std::vector<SlideUnit> entries;
    for (size_t i = 0; i < sections.size(); ++i) {
      SlideUnit u;
      u.marker = std::to_string(i + 1);
      u.shown = {model::text_run(sections[i].title)};
      u.anchor = sections[i].anchor;
      entries.push_back(std::move(u));
    }
    DeckSection agenda{"Agenda", "", std::move(entries)};
    add_fitted(agenda, 0, agenda.units.size(), SlideKind::agenda, 2 * m_max);
  }

  void add_section(const DeckSection& section) {
    m_first = true;
    size_t i = 0;
    while (i < section.units.size()) {
      const UnitKind kind = section.units[i].kind;
      size_t j = i;
      while (j < section.units.size() && section.units[j].kind == kind) ++j;
      switch (kind) {
      case UnitKind::bullet: add_fitted(section, i, j, SlideKind::bullets, m_max); break;
      case UnitKind::source: add_fitted(section, i, j, SlideKind::sources, m_max); break;
      case UnitKind::quote:
        for (size_t k = i; k < j; ++k) add_fitted(section, k, k + 1, SlideKind::quote, 1);
        break;
      case UnitKind::figure: add_figures(section, i, j); break;
      }
      i = j;
    }
  }

  std::vector<Slide> take() { return std::move(m_slides); }

private:
  Slide start(const DeckSection& section, SlideKind kind) {
    Slide s;
    s.kind = kind;
    s.title = m_first ? section.title : section.title + " (cont.)";
    if (m_first) s.anchor = section.anchor;
    m_first = false;
    return s;
  }

  // Units [from, to) over as few slides as the limit allows, balanced, each shrunk to fit; a
  // slide that does not fit at the smallest size hands its last unit on to the next.
  void add_fitted(const DeckSection& section, size_t from, size_t to, SlideKind kind, int limit) {
    size_t i = from;
    while (i < to) {
      const size_t remaining = to - i;
      const size_t slides = (remaining + size_t(limit) - 1) / size_t(limit);
      size_t take = (remaining + slides - 1) / slides;
      Slide s = start(section, kind);
      for (;;) {
        s.units.assign(section.units.begin() + long(i), section.units.begin() + long(i + take));
        s.body_size = fit_size(s, m_context);
        if (s.body_size > 0 || take == 1) break;
        --take;
      }
      if (s.body_size <= 0) {
        s.body_size = m_context.min_size;
        s.overfull = true;
      }
      i += take;
      m_slides.push_back(std::move(s));
    }
  }

  void add_figures(const DeckSection& section, size_t from, size_t to) {
    const size_t n = to - from;
    const size_t slides = (n + k_slide_max_figures - 1) / k_slide_max_figures;
    size_t i = from;
    for (size_t k = 0; k < slides; ++k) {
      const size_t take = (to - i + (slides - k) - 1) / (slides - k);
      Slide s = start(section, SlideKind::figures);
      s.units.assign(section.units.begin() + long(i), section.units.begin() + long(i + take));
      s.body_size = std::max(m_context.min_size, m_context.theme.style("slide_subtitle").size);
      m_slides.push_back(std::move(s));
      i += take;
    }
  }

  SlideContext& m_context;
  int m_max;
  bool m_first = true;
  std::vector<Slide> m_slides;
};

} // namespace

std::vector<Slide> fit_deck(const model::Document& document, const std::vector<DeckSection>& sections,
    SlideContext& context) {
  DeckFitter fitter(context);
  fitter.add_title_slide(document.meta.title);
  if (!sections.empty()) fitter.add_agenda(sections);
  for (const DeckSection& section : sections) fitter.add_section(section);
  return fitter.take();
}

} // namespace brief::layout
