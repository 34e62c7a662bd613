// Prepare: words and spaces -> shaped pieces and the boxes, glue and penalties the breaker reads.
#include "layout/paragraph_phases.hpp"

#include "base/utf8.hpp"

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace brief::layout::detail {
namespace {

// Ragged right: stretch of the glue that may end a line, in ems (Knuth-Plass's ragged setting).
constexpr double k_ragged_stretch_em = 3.0;
// An advance within this many ems of the nominal (/W, whole 1/1000 em) width differs from it only by
// the rounding of the widths table, not by kerning: the glyph is placed at the nominal advance, so a
// viewer puts it exactly there. Kerning pairs (several 1/1000 em) keep their advance and start a
// new glyph run.
constexpr double k_rounding_em = 0.0015;

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

bool capitalised(std::string_view word) {
  for (size_t off = 0; off < word.size();) {
    const char32_t cp = utf8::decode(word, off);
    if (u_isalpha(UChar32(cp))) return u_isupper(UChar32(cp));
  }
  return false;
}

// Byte offsets after explicit hyphens, dashes and slashes between two letters or digits.
std::vector<uint32_t> explicit_cuts(const std::string& word) {
  std::vector<uint32_t> out;
  size_t off = 0;
  char32_t prev = 0;
  while (off < word.size()) {
    const char32_t cp = utf8::decode(word, off);
    if (is_break_after(cp) && prev != 0 && u_isalnum(UChar32(prev)) && off < word.size()) {
      size_t peek = off;
      if (u_isalnum(UChar32(utf8::decode(word, peek)))) out.push_back(uint32_t(off));
    }
    prev = cp;
  }
  return out;
}

// Builds the items of one paragraph, keeping the piece each box shows.
class Preparer {
public:
  Preparer(const ParagraphInput& input, const ResolvedStyle& base, ParagraphContext& context)
      : m_context(context), m_input(input), m_base(base),
        m_breaking(context.styles.theme().line_breaking) {}

  void add(const Segment& s) {
    if (s.space) add_space();
    else add_word(s.text, s.style);
  }

  // Closes the paragraph: no break before the final fill, then a forced break.
  Prepared finish() {
    if (m_out.items.empty()) return {};
    push(BreakItem::make_penalty(0, k_infinite_penalty), -1);
    push(BreakItem::fill_glue(), -1);
    push(BreakItem::forced_break(), -1);
    return std::move(m_out);
  }

private:
  void push(const BreakItem& item, int piece) {
    m_out.items.push_back(item);
    m_out.payload.push_back(piece);
  }

  int push_piece(Piece p) {
    m_out.pieces.push_back(std::move(p));
    return int(m_out.pieces.size() - 1);
  }

  double space_width(text::FaceId face, double size) {
    const auto key = std::make_pair(face, size);
    if (auto it = m_spaces.find(key); it != m_spaces.end()) return it->second;
    double w = m_context.styles.fonts().width(face, size, " ");
    if (w <= 0) w = size / 4;
    m_spaces.emplace(key, w);
    return w;
  }

  // The space after the previous word, in that word's face at the paragraph's size.
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

  // Hyphenation points of `seg` (byte offsets into it), cached.
  const std::vector<size_t>& hyphenation_points(std::string_view seg) {
    const int min = std::max(1, m_breaking.min_word_fragment);
    std::string key = std::to_string(min) + '|' + std::string(seg);
    auto it = m_context.cache.hyphenation.find(key);
    if (it == m_context.cache.hyphenation.end())
      it = m_context.cache.hyphenation.emplace(std::move(key), m_context.hyphenator->points(seg, min, min)).first;
    return it->second;
  }

  // Byte offsets where the word may break: after explicit hyphens (flagged, all passes) and at
  // hyphenation points (flagged, from the second pass on).
  std::vector<std::pair<uint32_t, bool>> cuts(const std::string& word, bool breakable) {
    std::vector<std::pair<uint32_t, bool>> out;
    if (!breakable) return out;
    const std::vector<uint32_t> hard = explicit_cuts(word);
    const bool hyphenate = m_context.hyphenator && m_input.hyphenate && m_breaking.hyphenate;
    uint32_t seg_begin = 0;
    for (size_t k = 0; k <= hard.size(); ++k) {
      const uint32_t seg_end = k < hard.size() ? hard[k] : uint32_t(word.size());
      const std::string_view seg = std::string_view(word).substr(seg_begin, seg_end - seg_begin);
      if (hyphenate && !capitalised(seg))
        for (size_t p : hyphenation_points(seg)) out.emplace_back(uint32_t(seg_begin + p), true);
      if (k < hard.size()) out.emplace_back(hard[k], false);
      seg_begin = seg_end;
    }
    return out;
  }

  // A box, or for a piece wider than the measure, boxes with emergency breaks between them.
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
        const double w = chunks[k].width;
        push(BreakItem::box(w), push_piece(std::move(chunks[k])));
      }
      return;
    }
    const double w = p.width;
    push(BreakItem::box(w), push_piece(std::move(p)));
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
          BreakItem item = BreakItem::make_penalty(hw, penalty, true);
          item.hyphenation = true;
          push(item, push_piece(std::move(hyphen)));
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
  double m_last_space = 0;
  std::map<std::pair<text::FaceId, double>, double> m_spaces;
  Prepared m_out;
};

} // namespace

Prepared prepare(const std::vector<Segment>& segments, const ParagraphInput& input,
    const ResolvedStyle& base, ParagraphContext& context) {
  Preparer preparer(input, base, context);
  for (const Segment& s : segments) preparer.add(s);
  return preparer.finish();
}

} // namespace brief::layout::detail
