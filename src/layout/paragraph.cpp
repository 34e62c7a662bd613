#include "layout/paragraph.hpp"

#include "base/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace brief::layout {
namespace {

// A superscript citation mark's size relative to the text around it.
constexpr double k_superscript_scale = 0.65;
// How far a superscript mark is raised, as a fraction of the text size.
constexpr double k_superscript_rise = 0.38;
// Ragged right: stretch of the glue that may end a line, in ems (Knuth-Plass's ragged setting).
constexpr double k_ragged_stretch_em = 3.0;
// Justified spaces wider than this adjustment ratio are more than twice the normal space (the
// space stretches by half its width per unit of ratio).
constexpr double k_wide_space_ratio = 2.0;
// An advance within this many ems of the nominal (/W, whole 1/1000 em) width differs from it only by
// the rounding of the widths table, not by kerning: the glyph is placed at the nominal advance, so a
// viewer puts it exactly there. Kerning pairs (several 1/1000 em) keep their advance and start a
// new glyph run.
constexpr double k_rounding_em = 0.0015;
// Advances closer than this (pt) are equal.
constexpr double k_advance_epsilon = 1e-9;

// A shaped stretch of text placed as one box: a word, a fragment of one, a hyphen or a mark.
struct Piece {
  std::vector<text::ShapedRun> runs;  // visual order
  std::shared_ptr<const std::string> source;  // the text that was shaped (clusters index it)
  uint32_t begin = 0, end = 0;                // the bytes of `source` this piece shows
  double width = 0;
  double rise = 0;
  Rgb color;
  std::string link;
  int citation = -1;
  bool rtl = false;
  double ascent = 0, descent = 0;
};

// How the current inline is set.
struct RunStyle {
  text::FaceId face = 0;
  double size = 0;
  double rise = 0;
  Rgb color;
  std::string link;
  int citation = -1;
  bool breakable = true;  // hyphenation and breaks after hyphens allowed
  double ascent = 0, descent = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length in bytes of the breakable white space at `i`, or 0. No-break spaces that touch an
// ordinary space belong to it: sources write "2020,\u00A0 a sharp", where the no-break space
// carries no meaning and, set as a glyph beside the glue, would double the gap.
size_t breakable_space_at(std::string_view text, size_t i) {
  size_t j = i;
  bool ordinary = false;
  while (j < text.size()) {
    if (is_space(text[j])) {
      ordinary = true;
      ++j;
    } else if (text.compare(j, 2, "\xC2\xA0") == 0) {
      j += 2;
    } else {
      break;
    }
  }
  return ordinary ? j - i : 0;
}

// A break may follow these inside a word ("al-Sudani", "2014–2017", "and/or").
bool is_break_after(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2013' || cp == U'\u2014' || cp == U'/'; }

// A piece with the attributes of `p` and no glyphs (copying `p` whole would copy its glyphs).
Piece empty_like(const Piece& p) {
  Piece out;
  out.source = p.source;
  out.begin = p.begin;
  out.end = p.end;
  out.rise = p.rise;
  out.color = p.color;
  out.link = p.link;
  out.citation = p.citation;
  out.rtl = p.rtl;
  out.ascent = p.ascent;
  out.descent = p.descent;
  return out;
}

text::ShapedRun empty_like(const text::ShapedRun& r) {
  text::ShapedRun out;
  out.face = r.face;
  out.size = r.size;
  out.rtl = r.rtl;
  return out;
}

double piece_width(const std::vector<text::ShapedRun>& runs) {
  double w = 0;
  for (const auto& r : runs)
    for (const auto& g : r.glyphs) w += g.advance;
  return w;
}

// The glyphs of `p` whose clusters lie in [from, to), as a new piece (LTR pieces only). The last
// glyph loses its kerning, since what followed it is no longer there.
Piece slice_by_bytes(const Piece& p, uint32_t from, uint32_t to) {
  Piece out = empty_like(p);
  out.begin = from;
  out.end = to;
  for (const auto& r : p.runs) {
    text::ShapedRun s = empty_like(r);
    for (const auto& g : r.glyphs)
      if (g.cluster >= from && g.cluster < to) s.glyphs.push_back(g);
    if (!s.glyphs.empty()) out.runs.push_back(std::move(s));
  }
  if (to < p.end && !out.runs.empty()) {
    auto& last = out.runs.back().glyphs.back();
    last.advance = last.nominal;
  }
  out.width = piece_width(out.runs);
  for (auto& r : out.runs) {
    r.width = 0;
    for (const auto& g : r.glyphs) r.width += g.advance;
  }
  return out;
}

// Cuts `p` in visual order into pieces no wider than `max_width` (at least one cluster each):
// the emergency break for a word wider than the measure.
std::vector<Piece> slice_visual(const Piece& p, double max_width) {
  std::vector<uint32_t> clusters;
  for (const auto& r : p.runs)
    for (const auto& g : r.glyphs) clusters.push_back(g.cluster);
  std::sort(clusters.begin(), clusters.end());
  clusters.erase(std::unique(clusters.begin(), clusters.end()), clusters.end());
  auto next_cluster = [&](uint32_t c) {
    auto it = std::upper_bound(clusters.begin(), clusters.end(), c);
    return it == clusters.end() ? p.end : *it;
  };

  std::vector<Piece> out;
  Piece cur = empty_like(p);
  uint32_t lo = UINT32_MAX, hi = 0;
  auto flush = [&] {
    if (cur.runs.empty()) return;
    cur.begin = lo;
    cur.end = next_cluster(hi);
    out.push_back(std::move(cur));
    cur = empty_like(p);
    lo = UINT32_MAX;
    hi = 0;
  };
  for (const auto& r : p.runs) {
    bool run_open = false;
    uint32_t prev_cluster = UINT32_MAX;
    for (const auto& g : r.glyphs) {
      const bool cluster_start = g.cluster != prev_cluster;
      prev_cluster = g.cluster;
      if (cluster_start && cur.width > 0 && cur.width + g.advance > max_width) {
        flush();
        run_open = false;
      }
      if (!run_open) {
        cur.runs.push_back(empty_like(r));
        run_open = true;
      }
      cur.runs.back().glyphs.push_back(g);
      cur.runs.back().width += g.advance;
      cur.width += g.advance;
      lo = std::min(lo, g.cluster);
      hi = std::max(hi, g.cluster);
    }
  }
  flush();
  return out;
}

// Turns a paragraph's inlines into break items, keeping the piece each box shows.
class ItemBuilder {
public:
  ItemBuilder(ParagraphContext& context, const ParagraphInput& input, const ResolvedStyle& base)
      : m_context(context), m_input(input), m_base(base),
        m_breaking(context.styles.theme().line_breaking) {}

  void add_inline(const model::Inline& in) {
    RunStyle rs;
    rs.face = m_base.face(in.bold, in.italic);
    rs.size = m_base.text.size;
    rs.color = m_base.color;
    rs.ascent = m_base.ascent;
    rs.descent = m_base.descent;
    std::string text = in.text;
    if (in.kind == model::Inline::Kind::citation) {
      rs.citation = in.citation;
      rs.link = in.target;
      rs.breakable = false;
      const auto style = m_context.citations;
      if (style == theme::CitationStyle::footnotes) {
        if (auto it = m_context.footnote_numbers.find(in.citation); it != m_context.footnote_numbers.end())
          text = std::to_string(it->second);
      }
      // Superscript marks side by side would read as one number ("35"): separate them.
      if (style != theme::CitationStyle::brackets && m_last_was_citation && !m_pending_space) text = "," + text;
      if (style != theme::CitationStyle::brackets) {
        rs.rise = m_base.text.size * k_superscript_rise;
        rs.size = m_base.text.size * k_superscript_scale;
        rs.ascent *= k_superscript_scale;
        rs.descent *= k_superscript_scale;
      }
    } else if (in.kind == model::Inline::Kind::link) {
      rs.link = in.target;
    }
    m_last_was_citation = in.kind == model::Inline::Kind::citation;
    size_t i = 0;
    while (i < text.size()) {
      if (const size_t space = breakable_space_at(text, i)) {
        i += space;
        m_pending_space = true;
        continue;
      }
      size_t j = i;
      while (j < text.size() && breakable_space_at(text, j) == 0) ++j;
      if (m_pending_space && !m_items.empty()) add_space();
      m_pending_space = false;
      add_word(text.substr(i, j - i), rs);
      i = j;
    }
  }

  // Closes the paragraph: no break before the final fill, then a forced break.
  bool finish() {
    if (m_items.empty()) return false;
    push(BreakItem::make_penalty(0, k_infinite_penalty), -1);
    push(BreakItem::fill_glue(), -1);
    push(BreakItem::forced_break(), -1);
    return true;
  }

  std::vector<BreakItem> m_items;
  std::vector<int> m_payload;  // piece index per item, -1 for none
  bool m_last_was_citation = false;
  std::vector<Piece> m_pieces;

private:
  void push(const BreakItem& item, int piece) {
    m_items.push_back(item);
    m_payload.push_back(piece);
  }

  double space_width(text::FaceId face, double size) {
    const auto key = std::make_pair(face, size);
    if (auto it = m_spaces.find(key); it != m_spaces.end()) return it->second;
    double w = m_context.styles.fonts().width(face, size, " ");
    if (w <= 0) w = size / 4;
    m_spaces.emplace(key, w);
    return w;
  }

  void add_space() {
    const double w = m_last_space > 0 ? m_last_space : m_base.space;
    if (m_input.alignment == theme::Alignment::ragged) {
      const double em = m_base.text.size * k_ragged_stretch_em;
      push(BreakItem::glue(0, em, 0), -1);
      push(BreakItem::make_penalty(0, 0), -1);
      push(BreakItem::glue(w, -em, 0), -1);
    } else {
      // TeX's interword glue: stretch by half the space, shrink by a third.
      push(BreakItem::glue(w, w / 2, w / 3), -1);
    }
  }

  Piece shape(const std::string& word, const RunStyle& rs) {
    Piece p;
    p.source = std::make_shared<const std::string>(word);
    p.begin = 0;
    p.end = uint32_t(word.size());
    std::string key = std::to_string(rs.face) + '|' + std::to_string(rs.size) + '|' + word;
    auto it = m_context.cache.shaped.find(key);
    if (it == m_context.cache.shaped.end()) {
      std::vector<text::ShapedRun> runs = m_context.styles.fonts().shape(rs.face, rs.size, word);
      for (auto& r : runs) {  // rounding of the widths table is not kerning: use the viewer's advance
        r.width = 0;
        for (auto& g : r.glyphs) {
          if (std::abs(g.advance - g.nominal) <= k_rounding_em * r.size) g.advance = g.nominal;
          r.width += g.advance;
        }
      }
      it = m_context.cache.shaped.emplace(std::move(key), std::move(runs)).first;
    }
    p.runs = it->second;
    p.width = piece_width(p.runs);
    p.rise = rs.rise;
    p.color = rs.color;
    p.link = rs.link;
    p.citation = rs.citation;
    p.ascent = rs.ascent;
    p.descent = rs.descent;
    p.rtl = std::any_of(p.runs.begin(), p.runs.end(), [](const auto& r) { return r.rtl; });
    return p;
  }

  bool capitalised(std::string_view word) const {
    for (size_t off = 0; off < word.size();) {
      const char32_t cp = utf8::decode(word, off);
      if (u_isalpha(UChar32(cp))) return u_isupper(UChar32(cp));
    }
    return false;
  }

  // Byte offsets where the word may break: after explicit hyphens (flagged, all passes) and at
  // hyphenation points (flagged, from the second pass on).
  std::vector<std::pair<uint32_t, bool>> cuts(const std::string& word, bool breakable) {
    std::vector<std::pair<uint32_t, bool>> out;
    if (!breakable) return out;
    std::vector<uint32_t> explicit_cuts;
    size_t off = 0;
    char32_t prev = 0;
    while (off < word.size()) {
      const char32_t cp = utf8::decode(word, off);
      if (is_break_after(cp) && prev != 0 && u_isalnum(UChar32(prev)) && off < word.size()) {
        size_t peek = off;
        if (u_isalnum(UChar32(utf8::decode(word, peek)))) explicit_cuts.push_back(uint32_t(off));
      }
      prev = cp;
    }
    const bool hyphenate = m_context.hyphenator && m_input.hyphenate && m_breaking.hyphenate;
    uint32_t seg_begin = 0;
    for (size_t k = 0; k <= explicit_cuts.size(); ++k) {
      const uint32_t seg_end = k < explicit_cuts.size() ? explicit_cuts[k] : uint32_t(word.size());
      const std::string_view seg = std::string_view(word).substr(seg_begin, seg_end - seg_begin);
      if (hyphenate && !capitalised(seg)) {
        const int min = std::max(1, m_breaking.min_word_fragment);
        std::string key = std::to_string(min) + '|' + std::string(seg);
        auto it = m_context.cache.hyphenation.find(key);
        if (it == m_context.cache.hyphenation.end())
          it = m_context.cache.hyphenation.emplace(std::move(key), m_context.hyphenator->points(seg, min, min)).first;
        for (size_t p : it->second)
          out.emplace_back(uint32_t(seg_begin + p), true);
      }
      if (k < explicit_cuts.size()) out.emplace_back(explicit_cuts[k], false);
      seg_begin = seg_end;
    }
    return out;
  }

  void add_box(Piece p) {
    const double measure = m_input.width;
    if (p.width > measure && measure > 0) {
      std::vector<Piece> chunks = slice_visual(p, measure);
      for (size_t k = 0; k < chunks.size(); ++k) {
        if (k > 0) {
          BreakItem e = BreakItem::make_penalty(0, 0);
          e.emergency = true;
          push(e, -1);
        }
        m_pieces.push_back(std::move(chunks[k]));
        push(BreakItem::box(m_pieces.back().width), int(m_pieces.size() - 1));
      }
      return;
    }
    m_pieces.push_back(std::move(p));
    push(BreakItem::box(m_pieces.back().width), int(m_pieces.size() - 1));
  }

  void add_word(const std::string& word, const RunStyle& rs) {
    Piece whole = shape(word, rs);
    m_last_space = space_width(rs.face, m_base.text.size);
    const bool single_ltr = whole.runs.size() == 1 && !whole.rtl;
    const auto points = single_ltr ? cuts(word, rs.breakable) : std::vector<std::pair<uint32_t, bool>>{};
    if (points.empty()) {
      add_box(std::move(whole));
      return;
    }
    uint32_t from = 0;
    for (size_t k = 0; k <= points.size(); ++k) {
      const uint32_t to = k < points.size() ? points[k].first : uint32_t(word.size());
      if (to > from) add_box(slice_by_bytes(whole, from, to));
      if (k < points.size()) {
        const double penalty = m_breaking.hyphen_penalty;
        if (points[k].second) {  // a discretionary hyphen: the hyphen appears only if broken here
          Piece hyphen = shape("-", rs);
          const double hw = hyphen.width;
          m_pieces.push_back(std::move(hyphen));
          BreakItem item = BreakItem::make_penalty(hw, penalty, true);
          item.hyphenation = true;
          push(item, int(m_pieces.size() - 1));
        } else {  // after an explicit hyphen or dash: nothing is added
          push(BreakItem::make_penalty(0, penalty, true), -1);
        }
      }
      from = to;
    }
  }

  ParagraphContext& m_context;
  const ParagraphInput& m_input;
  const ResolvedStyle& m_base;
  const theme::LineBreaking& m_breaking;
  bool m_pending_space = false;
  double m_last_space = 0;
  std::map<std::pair<text::FaceId, double>, double> m_spaces;
};

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

} // namespace

void place_items(const std::vector<Item>& items, double dx, double dy, std::vector<Item>& out) {
  for (const Item& item : items) {
    Item moved = item;
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Line>) {
            v.x1 += dx;
            v.x2 += dx;
            v.y1 += dy;
            v.y2 += dy;
          } else {
            v.x += dx;
            v.y += dy;
          }
        },
        moved);
    out.push_back(std::move(moved));
  }
}

std::vector<SetLine> set_paragraph(const ParagraphInput& input, ParagraphContext& context) {
  const ResolvedStyle& base = context.styles.get(input.style);
  ItemBuilder builder(context, input, base);
  for (const model::Inline& in : *input.inlines) builder.add_inline(in);
  if (!builder.finish()) return {};

  const theme::LineBreaking& lb = context.styles.theme().line_breaking;
  BreakParams params;
  params.line_width = input.width;
  params.tolerance = lb.tolerance;
  params.pretolerance = lb.pretolerance;
  params.line_penalty = lb.line_penalty;
  params.double_hyphen_demerits = lb.double_hyphen_demerits;
  params.final_hyphen_demerits = lb.final_hyphen_demerits;
  params.fitness_demerits = lb.fitness_demerits;
  params.looseness = lb.looseness;
  params.max_consecutive_hyphens = lb.max_consecutive_hyphens;
  params.mode = context.breaking;
  const BreakResult result = break_lines(builder.m_items, params);

  const auto& items = builder.m_items;
  const auto& payload = builder.m_payload;
  const auto& pieces = builder.m_pieces;
  const bool justified = input.alignment == theme::Alignment::justified;
  std::vector<SetLine> lines;
  lines.reserve(result.lines.size());
  std::vector<Element> elements;
  for (size_t li = 0; li < result.lines.size(); ++li) {
    const LineBreak& br = result.lines[li];
    const bool last = li + 1 == result.lines.size();
    const double ratio = std::max(-1.0, br.ratio);
    elements.clear();
    for (size_t i = br.start; i < br.position && i < items.size(); ++i) {
      const BreakItem& it = items[i];
      if (it.kind == ItemKind::box) {
        elements.push_back({payload[i], it.width});
      } else if (it.kind == ItemKind::glue && !it.fill) {
        double w = it.width;
        if (justified && !last) w += ratio >= 0 ? ratio * it.stretch : ratio * it.shrink;
        if (!elements.empty() && elements.back().piece < 0) elements.back().width += w;
        else elements.push_back({-1, w});
      }
    }
    if (items[br.position].kind == ItemKind::penalty && payload[br.position] >= 0)
      elements.push_back({payload[br.position], items[br.position].width});
    while (!elements.empty() && elements.back().piece < 0) elements.pop_back();
    reorder_rtl(elements, pieces);

    SetLine line;
    line.height = base.line_height();
    line.baseline = (line.height - (base.ascent + base.descent)) / 2 + base.ascent;
    double x = 0;
    for (const Element& e : elements) {
      if (e.piece >= 0) {
        const Piece& p = pieces[size_t(e.piece)];
        emit_piece(p, x, line.items);
        if (p.citation >= 0) line.citations.push_back(p.citation);
      }
      x += e.width;
    }
    line.width = x;
    line.facts.ratio = br.infinite ? 0 : br.ratio;
    line.facts.fitness = br.fitness;
    line.facts.hyphenated = br.hyphenated;
    line.facts.emergency = br.emergency;
    line.facts.overfull = br.overfull;
    line.facts.justified = justified && !last;
    line.facts.last = justified && last;
    line.facts.pass = result.pass;
    line.facts.unavoidable = line.facts.justified && (br.infinite || br.ratio > k_wide_space_ratio);
    lines.push_back(std::move(line));
  }
  return lines;
}

std::vector<SetLine> set_lines(const model::Inlines& inlines, const std::string& style, double width,
    ParagraphContext& context) {
  ParagraphInput in;
  in.inlines = &inlines;
  in.style = style;
  in.width = width;
  in.alignment = theme::Alignment::ragged;
  in.hyphenate = false;
  return set_paragraph(in, context);
}

double lines_height(const std::vector<SetLine>& lines) {
  double h = 0;
  for (const SetLine& l : lines) h += l.height;
  return h;
}

SetLine set_text_line(const std::string& text, const std::string& style, ParagraphContext& context,
    bool bold) {
  model::Inlines inlines{model::text_run(text)};
  inlines[0].bold = bold;
  ParagraphInput input;
  input.inlines = &inlines;
  input.style = style;
  input.width = 1e7;
  input.alignment = theme::Alignment::ragged;
  input.hyphenate = false;
  std::vector<SetLine> lines = set_paragraph(input, context);
  if (!lines.empty()) return std::move(lines.front());
  const ResolvedStyle& s = context.styles.get(style);
  SetLine empty;
  empty.height = s.line_height();
  empty.baseline = (empty.height - (s.ascent + s.descent)) / 2 + s.ascent;
  return empty;
}

} // namespace brief::layout
