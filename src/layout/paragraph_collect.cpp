// Collect: inlines -> words and spaces with the style each is set in.
#include "layout/paragraph_phases.hpp"

namespace brief::layout::detail {
namespace {

// A superscript citation mark's size relative to the text around it.
constexpr double k_superscript_scale = 0.65;
// How far a superscript mark is raised, as a fraction of the text size.
constexpr double k_superscript_rise = 0.38;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

constexpr std::string_view k_nbsp = "\xC2\xA0";

// What separates two words.
enum class Gap { none, space, nbsp };

// The white space at `i` (ordinary spaces and no-break spaces, U+00A0) and its length in bytes.
// A run with any ordinary space in it is an ordinary space: sources write "2020,\u00A0 a sharp",
// where the no-break space carries no meaning.
std::pair<Gap, size_t> gap_at(std::string_view text, size_t i) {
  size_t j = i;
  bool ordinary = false, nbsp = false;
  while (j < text.size()) {
    if (is_space(text[j])) {
      ordinary = true;
      ++j;
    } else if (text.compare(j, k_nbsp.size(), k_nbsp) == 0) {
      nbsp = true;
      j += k_nbsp.size();
    } else {
      break;
    }
  }
  if (ordinary) return {Gap::space, j - i};
  if (nbsp) return {Gap::nbsp, j - i};
  return {Gap::none, 0};
}

bool starts_with_digit(std::string_view w) { return !w.empty() && w.front() >= '0' && w.front() <= '9'; }
bool ends_with_digit(std::string_view w) { return !w.empty() && w.back() >= '0' && w.back() <= '9'; }

// Abbreviations that belong with the number after them, as TeX's ties set them (The TeXbook,
// chapter 14: "p.~3", "c.~1650", "No.~7", "§~2"). Standard English usage, not fitted to any text.
constexpr std::string_view k_number_abbreviations[] = {"c.", "ca.", "p.", "pp.", "No.", "no.", "Nos.", "vol.",
    "Vol.", "ch.", "art.", "Art.", "fig.", "Fig.", "\xC2\xA7", "\xC2\xA7\xC2\xA7"};

// An initial: one capital ASCII letter and a full stop ("J.").
bool is_initial(std::string_view w) { return w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z' && w[1] == '.'; }

// Whether the space between `before` and `after` binds them. Ordinary and no-break spaces bind
// an abbreviation to its number and an initial to the name after it; a no-break space also binds
// a number to what follows it (a unit, a second group of digits). Elsewhere a no-break space
// breaks like any space: sources copied from web pages are full of meaningless ones, and set
// rigid they force wide lines.
bool binds(std::string_view before, std::string_view after, Gap gap) {
  if (starts_with_digit(after))
    for (std::string_view a : k_number_abbreviations)
      if (before == a) return true;
  if (is_initial(before) && !after.empty() && after.front() >= 'A' && after.front() <= 'Z') return true;
  return gap == Gap::nbsp && ends_with_digit(before);
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
  Gap pending = Gap::none;
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
      if (style != theme::CitationStyle::brackets && last_was_citation && pending == Gap::none) text = "," + text;
    }
    last_was_citation = in.kind == model::Inline::Kind::citation;
    size_t i = 0;
    while (i < text.size()) {
      if (const auto [gap, length] = gap_at(text, i); gap != Gap::none) {
        i += length;
        if (pending != Gap::space) pending = gap;
        continue;
      }
      size_t j = i;
      while (j < text.size() && gap_at(text, j).first == Gap::none) ++j;
      const std::string word = text.substr(i, j - i);
      // A no-break space before a citation mark binds it to the text it cites (compose writes one
      // there so that a mark never starts a line).
      const bool tie = binds(out.empty() ? std::string_view() : std::string_view(out.back().text), word, pending) ||
          (pending == Gap::nbsp && rs.citation >= 0);
      if (pending != Gap::none && !out.empty()) out.push_back(Segment{true, tie, {}, {}});
      pending = Gap::none;
      out.push_back(Segment{false, false, word, rs});
      i = j;
    }
  }
  return out;
}

} // namespace brief::layout::detail
