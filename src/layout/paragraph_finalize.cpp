// Finalize: the chosen breaks -> set lines, each piece placed at its computed x.
#include "layout/paragraph_phases.hpp"

#include <algorithm>
#include <cmath>

namespace brief::layout::detail {
namespace {

// Advances closer than this (pt) are equal.
constexpr double k_advance_epsilon = 1e-9;

// Glyph runs of a piece at pen position x; a run ends wherever the kerned advance differs from
// the nominal one a viewer uses, so every glyph lands where shaping put it.
void emit_piece(const Piece& p, double x, std::vector<Item>& out) {
  std::vector<uint32_t> clusters;
  for (const auto& r : p.runs)
    for (const auto& g : r.glyphs) clusters.push_back(g.cluster);
  std::sort(clusters.begin(), clusters.end());
  clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
  auto text_of = [&](uint32_t lo, uint32_t hi) {
    auto it = std::upper_bound(clusters.begin(), clusters.end(), hi);
    const uint32_t end = std::min<uint32_t>(it == clusters.end() ? p.end : *it, uint32_t(p.source->size()));
    return lo < end ? p.source->substr(lo, end - lo) : std::string();
  };

  double pen = x;
  for (const auto& r : p.runs) {
    GlyphRun cur;
    bool open = false;
    double viewer = 0;  // where a viewer's pen is, relative to cur.x
    uint32_t lo = UINT32_MAX, hi = 0;
    auto close = [&] {
      if (!open) return;
      cur.text = text_of(lo, hi);
      out.emplace_back(std::move(cur));
      cur = GlyphRun{};
      open = false;
      lo = UINT32_MAX;
      hi = 0;
    };
    for (const auto& g : r.glyphs) {
      if (g.codepoint == 0) {
        close();
        pen += g.advance;
        continue;
      }
      const bool offset = g.x_offset != 0 || g.y_offset != 0;
      if (offset) close();
      if (!open) {
        viewer = 0;
        cur.face = r.face;
        cur.size = r.size;
        cur.x = pen + g.x_offset;
        cur.y = p.rise + g.y_offset;
        cur.color = p.color;
        open = true;
      }
      cur.codepoints.push_back(g.codepoint);
      cur.width += g.advance;
      viewer += g.nominal;
      lo = std::min(lo, g.cluster);
      hi = std::max(hi, g.cluster);
      pen += g.advance;
      if (offset || std::abs(cur.x + viewer - pen) > k_advance_epsilon) close();
    }
    close();
  }
  if (!p.link.empty())
    out.emplace_back(Link{x, p.rise - p.descent, p.width, p.ascent + p.descent, p.link});
}

// A piece or a space of a line, with its width as set.
struct Element {
  int piece = -1;  // -1: a space
  double width = 0;
};

// Right-to-left words in a left-to-right line: each maximal run of them (with the spaces between)
// is reversed, as the bidi algorithm does for an embedded RTL phrase.
void reorder_rtl(std::vector<Element>& line, const std::vector<Piece>& pieces) {
  size_t i = 0;
  while (i < line.size()) {
    if (line[i].piece < 0 || !pieces[size_t(line[i].piece)].rtl) {
      ++i;
      continue;
    }
    size_t j = i, last_rtl = i;
    while (j < line.size() && (line[j].piece < 0 || pieces[size_t(line[j].piece)].rtl)) {
      if (line[j].piece >= 0) last_rtl = j;
      ++j;
    }
    std::reverse(line.begin() + long(i), line.begin() + long(last_rtl) + 1);
    i = last_rtl + 1;
  }
}

// Left-to-right words in a right-to-left line: the whole line is reversed (it reads from the
// right), then each maximal run of left-to-right words (with the spaces between) is put back in
// reading order, as the bidi algorithm does for an embedded left-to-right phrase.
void reorder_in_rtl_paragraph(std::vector<Element>& line, const std::vector<Piece>& pieces) {
  std::reverse(line.begin(), line.end());
  const auto ltr = [&](size_t k) { return line[k].piece >= 0 && !pieces[size_t(line[k].piece)].rtl; };
  size_t i = 0;
  while (i < line.size()) {
    if (!ltr(i)) {
      ++i;
      continue;
    }
    size_t j = i, last_ltr = i;
    while (j < line.size() && (line[j].piece < 0 || ltr(j))) {
      if (line[j].piece >= 0) last_ltr = j;
      ++j;
    }
    std::reverse(line.begin() + long(i), line.begin() + long(last_ltr) + 1);
    i = last_ltr + 1;
  }
}

// The pieces and spaces of the line `br`, in visual order, with justified glue stretched or
// shrunk by the line's ratio; adjacent spaces merge and trailing ones are dropped.
void line_elements(const Prepared& prepared, const LineBreak& br, bool stretch, std::vector<Element>& out) {
  const auto& items = prepared.items;
  const auto& payload = prepared.payload;
  const double ratio = std::max(-1.0, br.ratio);
  out.clear();
  for (size_t i = br.start; i < br.position && i < items.size(); ++i) {
    const BreakItem& it = items[i];
    if (it.kind == ItemKind::box) {
      out.push_back({payload[i], it.width});
    } else if (it.kind == ItemKind::glue && !it.fill) {
      double w = it.width;
      if (stretch) w += ratio >= 0 ? ratio * it.stretch : ratio * it.shrink;
      if (!out.empty() && out.back().piece < 0) out.back().width += w;
      else out.push_back({-1, w});
    }
  }
  if (items[br.position].kind == ItemKind::penalty && payload[br.position] >= 0)
    out.push_back({payload[br.position], items[br.position].width});
  while (!out.empty() && out.back().piece < 0) out.pop_back();
  if (prepared.rtl) reorder_in_rtl_paragraph(out, prepared.pieces);
  else reorder_rtl(out, prepared.pieces);
}

// What the trace reports about a line broken at `br`.
LineFacts line_facts(const LineBreak& br, BreakPass pass, bool justified, bool last) {
  LineFacts facts;
  facts.ratio = br.infinite ? 0 : br.ratio;
  facts.fitness = br.fitness;
  facts.hyphenated = br.hyphenated;
  facts.emergency = br.emergency;
  facts.overfull = br.overfull;
  facts.justified = justified && !last;
  facts.last = justified && last;
  facts.pass = pass;
  return facts;
}

} // namespace

std::vector<SetLine> finalize(const Prepared& prepared, const BreakResult& result,
    const ParagraphInput& input, const ResolvedStyle& base) {
  const bool justified = input.alignment == theme::Alignment::justified;
  std::vector<SetLine> lines;
  lines.reserve(result.lines.size());
  std::vector<Element> elements;
  for (size_t li = 0; li < result.lines.size(); ++li) {
    const LineBreak& br = result.lines[li];
    const bool last = li + 1 == result.lines.size();
    // A last line is set at its natural width unless that is wider than the measure: then its
    // spaces shrink like any other line's (TeX's \parfillskip stretches, it never widens a line).
    line_elements(prepared, br, justified && (!last || br.ratio < 0), elements);
    // The piece of a hyphen the break adds (tagged PDF draws it as a soft hyphen).
    const bool adds_hyphen = prepared.items[br.position].kind == ItemKind::penalty && prepared.payload[br.position] >= 0;
    const int added_hyphen = adds_hyphen ? prepared.payload[br.position] : -1;

    SetLine line;
    line.height = base.line_height();
    line.baseline = (line.height - (base.ascent + base.descent)) / 2 + base.ascent;
    double x = 0;
    for (const Element& e : elements) {
      if (e.piece >= 0) {
        const Piece& p = prepared.pieces[size_t(e.piece)];
        const size_t emitted = line.items.size();
        emit_piece(p, x, line.items);
        if (e.piece == added_hyphen)
          for (size_t k = emitted; k < line.items.size(); ++k)
            if (auto* run = std::get_if<GlyphRun>(&line.items[k])) run->break_hyphen = true;
        if (p.citation >= 0) line.citations.push_back(p.citation);
      }
      x += e.width;
    }
    line.width = x;
    line.facts = line_facts(br, result.pass, justified, last);
    lines.push_back(std::move(line));
  }
  return lines;
}

} // namespace brief::layout::detail
