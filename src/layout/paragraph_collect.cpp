// Collect: inlines -> words and spaces with the style each is set in.
#include "layout/paragraph_phases.hpp"

namespace brief::layout::detail {
namespace {

// A superscript citation mark's size relative to the text around it.
constexpr double k_superscript_scale = 0.65;
// How far a superscript mark is raised, as a fraction of the text size.
constexpr double k_superscript_rise = 0.38;

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

// The style of an inline: its face, and for a citation mark its link and superscript setting.
RunStyle run_style(const model::Inline& in, const ResolvedStyle& base, theme::CitationStyle citations) {
  RunStyle rs;
  rs.face = base.face(in.bold, in.italic);
  rs.size = base.text.size;
  rs.color = base.color;
  rs.ascent = base.ascent;
  rs.descent = base.descent;
  if (in.kind == model::Inline::Kind::citation) {
    rs.citation = in.citation;
    rs.link = in.target;
    rs.breakable = false;
    if (citations != theme::CitationStyle::brackets) {
      rs.rise = base.text.size * k_superscript_rise;
      rs.size = base.text.size * k_superscript_scale;
      rs.ascent *= k_superscript_scale;
      rs.descent *= k_superscript_scale;
    }
  } else if (in.kind == model::Inline::Kind::link) {
    rs.link = in.target;
  }
  return rs;
}

} // namespace

std::vector<Segment> collect(const model::Inlines& inlines, const ResolvedStyle& base,
    const ParagraphContext& context) {
  std::vector<Segment> out;
  bool pending_space = false;
  bool last_was_citation = false;
  for (const model::Inline& in : inlines) {
    const RunStyle rs = run_style(in, base, context.citations);
    std::string text = in.text;
    if (in.kind == model::Inline::Kind::citation) {
      const auto style = context.citations;
      if (style == theme::CitationStyle::footnotes) {
        if (auto it = context.footnote_numbers.find(in.citation); it != context.footnote_numbers.end())
          text = std::to_string(it->second);
      }
      // Superscript marks side by side would read as one number ("35"): separate them.
      if (style != theme::CitationStyle::brackets && last_was_citation && !pending_space) text = "," + text;
    }
    last_was_citation = in.kind == model::Inline::Kind::citation;
    size_t i = 0;
    while (i < text.size()) {
      if (const size_t space = breakable_space_at(text, i)) {
        i += space;
        pending_space = true;
        continue;
      }
      size_t j = i;
      while (j < text.size() && breakable_space_at(text, j) == 0) ++j;
      if (pending_space && !out.empty()) out.push_back(Segment{true, {}, {}});
      pending_space = false;
      out.push_back(Segment{false, text.substr(i, j - i), rs});
      i = j;
    }
  }
  return out;
}

} // namespace brief::layout::detail
