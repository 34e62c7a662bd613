// Prepare: words and spaces -> shaped pieces and the boxes, glue and penalties the breaker reads.
#include "layout/paragraph_phases.hpp"

#include "base/utf8.hpp"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace brief::layout::detail {
namespace {

// Ragged right: stretch of the glue that may end a line, in ems (Knuth-Plass's ragged setting).
constexpr double k_ragged_stretch_em = 3.0;
// An advance within this many ems of the nominal (/W, whole 1/1000 em) width differs from it only by
// the rounding of the widths table, not by kerning: the glyph is placed at the nominal advance, so a
// viewer puts it exactly there. Kerning pairs (several 1/1000 em) keep their advance and start a
// new glyph run.
constexpr double k_rounding_em = 0.0015;

// Hyphens and dashes: a break after one shows it at the line end, as a hyphenated line does.
bool is_hyphen_or_dash(char32_t cp) {
  return cp == U'-' || cp == U'\u2010' || cp == U'\u2011' || cp == U'\u2012' || cp == U'\u2013' || cp == U'\u2014';
}

// After these, a URL may also break (UAX #14 keeps "state.gov" and "?a=b" whole).
bool is_url_break_after(char c) { return c == '.' || c == '?' || c == '&' || c == '=' || c == '#' || c == '_'; }

// A web address: never hyphenated (an added hyphen would copy as part of the address).
bool is_url(std::string_view word) {
  return word.find("://") != std::string_view::npos || word.rfind("www.", 0) == 0;
}

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

// The line breaker of Unicode's UAX #14 (ICU), made once per thread: its rules are the same
// for every text. Null if ICU has no line break rules (then words break only at spaces).
icu::BreakIterator* line_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) it.reset();
    return it;
  }();
  return iterator.get();
}

// Byte offsets inside `word` where a line may break without an added hyphen: UAX #14's break
// opportunities (after hyphens and dashes before letters, after a slash, around dashes; never
// inside "2026-11-27" or "10.5%"), and in a URL also after `.`, `?`, `&`, `=`, `#`, `_` before a
// letter or digit.
std::vector<uint32_t> break_opportunities(const std::string& word) {
  std::vector<uint32_t> out;
  if (std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }))
    return out;  // plain ASCII letters: no opportunity
  icu::BreakIterator* it = line_breaker();
  if (!it) return out;
  UErrorCode status = U_ZERO_ERROR;
  UText* text = utext_openUTF8(nullptr, word.data(), int64_t(word.size()), &status);
  if (U_FAILURE(status)) return out;
  it->setText(text, status);
  if (U_SUCCESS(status))
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE && size_t(p) < word.size(); p = it->next())
      out.push_back(uint32_t(p));
  utext_close(text);
  if (is_url(word)) {
    for (size_t i = 0; i + 1 < word.size(); ++i)
      if (is_url_break_after(word[i]) && u_isalnum(UChar32(uint8_t(word[i + 1]))) && i > 0) out.push_back(uint32_t(i + 1));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
  }
  return out;
}

// Whether the break at byte `cut` of `word` follows a hyphen or dash.
bool after_hyphen(const std::string& word, uint32_t cut) {
  size_t start = cut;
  while (start > 0 && (uint8_t(word[start - 1]) & 0xC0) == 0x80) --start;
  if (start > 0) --start;
  size_t off = start;
  return is_hyphen_or_dash(utf8::decode(word, off));
}

// Builds the items of one paragraph, keeping the piece each box shows.
class Preparer {
public:
  Preparer(const ParagraphInput& input, const ResolvedStyle& base, ParagraphContext& context, bool rtl)
      : m_context(context), m_input(input), m_base(base),
        m_breaking(context.styles.theme().line_breaking), m_rtl(rtl) {}

  void add(const Segment& s) {
    if (s.space) add_space(s.tie);
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
  // A tie is the same glue behind an infinite penalty: glue is a breakpoint only after a box.
  void add_space(bool tie) {
    const double w = m_last_space > 0 ? m_last_space : m_base.space;
    if (tie) {
      push(BreakItem::make_penalty(0, k_infinite_penalty), -1);
      const bool ragged = m_input.alignment == theme::Alignment::ragged;
      push(ragged ? BreakItem::glue(w, 0, 0) : BreakItem::glue(w, w / 2, w / 3), -1);
      return;
    }
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
    std::string key = std::to_string(rs.face) + '|' + std::to_string(rs.size) + (m_rtl ? "|r|" : "|") + word;
    auto it = m_context.cache.shaped.find(key);
    if (it == m_context.cache.shaped.end()) {
      std::vector<text::ShapedRun> runs = m_context.styles.fonts().shape(rs.face, rs.size, word, nullptr, m_rtl);
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

  // Where the word may break: (offset, whether the break adds a hyphen). Its UAX #14 break
  // opportunities add nothing (all passes); hyphenation points between them add a hyphen (from
  // the second pass on). URLs are never hyphenated; the hyphenator refuses words with digits or
  // inner capitals (identifiers, acronyms), and capitalised words are hyphenated as TeX does.
  std::vector<std::pair<uint32_t, bool>> cuts(const std::string& word, bool breakable) {
    std::vector<std::pair<uint32_t, bool>> out;
    if (!breakable) return out;
    const std::vector<uint32_t> hard = break_opportunities(word);
    const bool hyphenate = m_context.hyphenator && m_input.hyphenate && m_breaking.hyphenate && !is_url(word);
    uint32_t seg_begin = 0;
    for (size_t k = 0; k <= hard.size(); ++k) {
      const uint32_t seg_end = k < hard.size() ? hard[k] : uint32_t(word.size());
      const std::string_view seg = std::string_view(word).substr(seg_begin, seg_end - seg_begin);
      if (hyphenate)
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
        } else {  // a break opportunity: nothing is added; after a hyphen or dash it shows one
          push(BreakItem::make_penalty(0, penalty, after_hyphen(word, points[k].first)), -1);
        }
      }
      from = to;
    }
  }

  ParagraphContext& m_context;
  const ParagraphInput& m_input;
  const ResolvedStyle& m_base;
  const theme::LineBreaking& m_breaking;
  bool m_rtl = false;  // a right-to-left paragraph: words are shaped with that base direction
  double m_last_space = 0;
  std::map<std::pair<text::FaceId, double>, double> m_spaces;
  Prepared m_out;
};

} // namespace

Prepared prepare(const std::vector<Segment>& segments, const ParagraphInput& input,
    const ResolvedStyle& base, ParagraphContext& context) {
  std::string words;
  for (const Segment& s : segments)
    if (!s.space && s.style.citation < 0) words += s.text;
  const bool rtl = text::mostly_right_to_left(words);
  Preparer preparer(input, base, context, rtl);
  for (const Segment& s : segments) preparer.add(s);
  Prepared prepared = preparer.finish();
  prepared.rtl = rtl;
  return prepared;
}

} // namespace brief::layout::detail
