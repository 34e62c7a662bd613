// Shortening bullets for slides: at a sentence end, else a clause boundary, else a word; never
// inside a word, always ending with "…", citation marks kept.

#include "layout/slides.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace brief::layout {
namespace {

// A cut leaves at least this share of the allowed words, so a bullet is not cut to a stub when a
// later boundary would do.
constexpr double k_min_kept_share = 0.4;
// ... and never fewer words than this.
constexpr int k_min_kept_words = 3;

// Words ending in "." that do not end a sentence.
constexpr std::array<std::string_view, 24> k_abbreviations{"Gen", "Mr", "Mrs", "Ms", "Dr", "St", "Lt",
    "Col", "Maj", "Capt", "Sgt", "Prof", "No", "vs", "etc", "e.g", "i.e", "U.S", "U.N", "Jan", "Feb",
    "Aug", "Sept", "Oct"};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Closing quotes and brackets that may follow a sentence's final stop.
std::string_view strip_closers(std::string_view w) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view closer : {"\u201D", "\u2019", "\"", "'", ")"}) {
      if (ends_with(w, closer)) {
        w.remove_suffix(closer.size());
        again = true;
      }
    }
  }
  return w;
}

bool is_abbreviation(std::string_view w) {
  w.remove_suffix(1);  // the "."
  if (w.size() == 1) return true;  // an initial: "F."
  return std::find(k_abbreviations.begin(), k_abbreviations.end(), w) != k_abbreviations.end();
}

bool starts_sentence(std::string_view w) {
  if (w.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(w.front());
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c >= 0x80;
}

enum class Boundary { none, clause, sentence };

struct Word {
  size_t inline_index = 0;
  size_t end = 0;  // byte offset in that inline's text just after the word
  std::string_view text;
};

Boundary boundary_after(const Word& word, const Word* next) {
  const std::string_view w = strip_closers(word.text);
  if (w.empty()) return Boundary::none;
  const char last = w.back();
  if ((last == '.' || last == '!' || last == '?') && (!next || starts_sentence(next->text))) {
    if (last != '.' || !is_abbreviation(w)) return Boundary::sentence;
  }
  if (last == ',' || last == ';' || last == ':' || ends_with(w, "\u2014") || ends_with(w, "\u2013"))
    return Boundary::clause;
  if (next && (next->text == "\u2014" || next->text == "\u2013" || next->text == "-")) return Boundary::clause;
  return Boundary::none;
}

// Removes a trailing stop or clause mark (the "…" replaces it) and trailing spaces.
void trim_end(std::string& text) {
  while (!text.empty() && is_space(text.back())) text.pop_back();
  for (std::string_view mark : {"\u2014", "\u2013"})
    if (ends_with(text, mark)) text.resize(text.size() - mark.size());
  while (!text.empty() && std::string_view(".,;:!? -").find(text.back()) != std::string_view::npos) text.pop_back();
}

// Brackets and quotation marks a word opens, less those it closes.
int nesting(std::string_view w) {
  int n = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (w[i] == '(' || w[i] == '[') ++n;
    else if (w[i] == ')' || w[i] == ']') --n;
    else if (w.substr(i, 3) == "\u201C") ++n;
    else if (w.substr(i, 3) == "\u201D") --n;
  }
  return n;
}

bool is_mark(const model::Inline& in) { return in.kind == model::Inline::Kind::citation; }

} // namespace

int count_words(const model::Inlines& inlines) {
  int n = 0;
  for (const model::Inline& in : inlines) {
    if (is_mark(in)) continue;
    bool in_word = false;
    for (char c : in.text) {
      if (is_space(c)) in_word = false;
      else if (!in_word) {
        in_word = true;
        ++n;
      }
    }
  }
  return n;
}

ShortText shorten(const model::Inlines& inlines, int max_words) {
  std::vector<Word> words;
  for (size_t k = 0; k < inlines.size(); ++k) {
    if (is_mark(inlines[k])) continue;
    const std::string& t = inlines[k].text;
    size_t i = 0;
    while (i < t.size()) {
      if (is_space(t[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < t.size() && !is_space(t[j])) ++j;
      words.push_back({k, j, std::string_view(t).substr(i, j - i)});
      i = j;
    }
  }
  if (max_words <= 0 || int(words.size()) <= max_words) return {inlines, false};

  // The last word to keep: the latest sentence end, else clause boundary, leaving enough words.
  const int min_kept = std::max(k_min_kept_words, int(std::ceil(max_words * k_min_kept_share)));
  // A cut inside brackets or quotation marks would leave them open: only cut where they balance.
  // Straight double quotes open and close alike: an odd count leaves one open.
  int sentence = -1, clause = -1, word = -1, open = 0, straight = 0;
  for (int i = 0; i < max_words; ++i) {
    const std::string_view w = words[size_t(i)].text;
    open += nesting(w);
    straight += int(std::count(w.begin(), w.end(), '"'));
    if (i < min_kept - 1 || open != 0 || straight % 2 != 0) continue;
    word = i;
    const Boundary b = boundary_after(words[size_t(i)], &words[size_t(i) + 1]);
    if (b == Boundary::sentence) sentence = i;
    if (b != Boundary::none) clause = i;
  }
  const int keep = sentence >= 0 ? sentence : clause >= 0 ? clause : word >= 0 ? word : max_words - 1;
  const Word& last = words[size_t(keep)];

  ShortText out;
  out.shortened = true;
  std::vector<int> kept_marks;
  for (size_t k = 0; k < last.inline_index; ++k) {
    out.inlines.push_back(inlines[k]);
    if (is_mark(inlines[k])) kept_marks.push_back(inlines[k].citation);
  }
  model::Inline cut = inlines[last.inline_index];
  cut.text.resize(last.end);
  trim_end(cut.text);
  cut.text += "\u2026";
  out.inlines.push_back(std::move(cut));
  bool spaced = false;
  for (size_t k = last.inline_index + 1; k < inlines.size(); ++k) {
    const model::Inline& in = inlines[k];
    if (!is_mark(in) || std::find(kept_marks.begin(), kept_marks.end(), in.citation) != kept_marks.end()) continue;
    if (!spaced) out.inlines.push_back(model::text_run(" "));
    spaced = true;
    out.inlines.push_back(in);
    kept_marks.push_back(in.citation);
  }
  return out;
}

} // namespace brief::layout
