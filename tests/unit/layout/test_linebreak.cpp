// The line breaker on abstract boxes, glue and penalties: classic Knuth-Plass behaviour.
#include "layout/linebreak.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <cstdint>

using namespace brief::layout;

namespace {

constexpr double k_space = 3.0;  // a space 3 pt wide, TeX-like stretch 1/2 and shrink 1/3

// A word: its width and, optionally, a hyphenation point splitting it into two boxes.
struct Word {
  double width = 0;
  double hyphen_at = 0;  // width of the first part; 0 = no hyphenation point
};

std::vector<BreakItem> paragraph(const std::vector<Word>& words, double hyphen_penalty = 50) {
  std::vector<BreakItem> items;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) items.push_back(BreakItem::glue(k_space, k_space / 2, k_space / 3));
    const Word& w = words[i];
    if (w.hyphen_at > 0) {
      items.push_back(BreakItem::box(w.hyphen_at));
      BreakItem p = BreakItem::make_penalty(2, hyphen_penalty, true);
      p.hyphenation = true;
      items.push_back(p);
      items.push_back(BreakItem::box(w.width - w.hyphen_at));
    } else {
      items.push_back(BreakItem::box(w.width));
    }
  }
  items.push_back(BreakItem::make_penalty(0, k_infinite_penalty));
  items.push_back(BreakItem::fill_glue());
  items.push_back(BreakItem::forced_break());
  return items;
}

// Deterministic pseudo-random word widths (a linear congruential generator).
std::vector<Word> random_words(size_t count, uint32_t seed) {
  std::vector<Word> words;
  uint32_t x = seed;
  for (size_t i = 0; i < count; ++i) {
    x = x * 1664525u + 1013904223u;
    words.push_back({6.0 + double((x >> 16) % 20)});
  }
  return words;
}

double sum_squared_ratios(const BreakResult& r) {
  double s = 0;
  for (size_t i = 0; i + 1 < r.lines.size(); ++i) s += r.lines[i].ratio * r.lines[i].ratio;
  return s;
}

BreakParams params(double width, Breaking mode = Breaking::optimal) {
  BreakParams p;
  p.line_width = width;
  p.mode = mode;
  return p;
}

} // namespace

TEST_CASE("every line ends at a breakpoint and the last at the end") {
  const auto items = paragraph(random_words(60, 7));
  const BreakResult r = break_lines(items, params(250));
  REQUIRE(!r.lines.empty());
  CHECK(r.lines.back().position == items.size() - 1);
  for (const LineBreak& line : r.lines) {
    CHECK_FALSE(line.overfull);
    CHECK(line.ratio >= -1.0);
    CHECK(line.ratio <= 2.0);
  }
}

TEST_CASE("total fit beats first fit on the evenness of spacing") {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    const auto items = paragraph(random_words(80, seed));
    // Evenness alone: demerits for adjacent lines of different fitness (TeX's \adjdemerits) trade
    // some evenness for smooth transitions, which is not what this compares.
    BreakParams even = params(160);
    even.fitness_demerits = 0;
    const BreakResult optimal = break_lines(items, even);
    const BreakResult greedy = break_lines(items, params(160, Breaking::greedy));
    INFO("seed " << seed);
    CHECK(sum_squared_ratios(optimal) <= sum_squared_ratios(greedy) + 1e-9);
  }
}

TEST_CASE("total fit avoids the loose line first fit leaves") {
  // First fit packs "aaaa bbbb" and must then set "cc" + a long word badly; total fit balances.
  const std::vector<Word> words{{40}, {40}, {10}, {60}, {20}, {30}};
  const auto items = paragraph(words);
  const BreakResult greedy = break_lines(items, params(100, Breaking::greedy));
  const BreakResult optimal = break_lines(items, params(100));
  double worst_greedy = 0, worst_optimal = 0;
  for (size_t i = 0; i + 1 < greedy.lines.size(); ++i)
    worst_greedy = std::max(worst_greedy, std::abs(greedy.lines[i].ratio));
  for (size_t i = 0; i + 1 < optimal.lines.size(); ++i)
    worst_optimal = std::max(worst_optimal, std::abs(optimal.lines[i].ratio));
  CHECK(worst_optimal <= worst_greedy);
}

TEST_CASE("a paragraph that sets well needs only the first pass") {
  const auto items = paragraph(random_words(40, 3));
  BreakParams p = params(200);
  p.pretolerance = 10000;  // any badness goes
  CHECK(break_lines(items, p).pass == BreakPass::first);
}

TEST_CASE("looseness asks for one line more or less when the tolerance allows it") {
  const auto items = paragraph(random_words(120, 11));
  BreakParams p = params(200);
  p.tolerance = 10000;
  p.pretolerance = -1;
  const size_t natural = break_lines(items, p).lines.size();
  p.looseness = 1;
  CHECK(break_lines(items, p).lines.size() == natural + 1);
  p.looseness = -1;
  const size_t tighter = break_lines(items, p).lines.size();
  CHECK(tighter <= natural);
  CHECK(tighter >= natural - 1);
}

TEST_CASE("a high hyphen penalty avoids hyphenation when spacing allows") {
  std::vector<Word> words = random_words(60, 5);
  for (Word& w : words)
    if (w.width > 30) w.hyphen_at = std::floor(w.width / 2);
  auto count_hyphens = [](const BreakResult& r) {
    int n = 0;
    for (const LineBreak& l : r.lines) n += l.hyphenated ? 1 : 0;
    return n;
  };
  BreakParams p = params(150);
  p.pretolerance = -1;
  const int cheap = count_hyphens(break_lines(paragraph(words, 0), p));
  const int dear = count_hyphens(break_lines(paragraph(words, 9999), p));
  CHECK(dear <= cheap);
  CHECK(dear == 0);
}

TEST_CASE("no more consecutive hyphenated lines than the limit") {
  // Each line fits exactly one and a half words: only hyphen breaks set without stretching.
  std::vector<Word> words;
  for (int i = 0; i < 40; ++i) words.push_back({60, 30});
  BreakParams p = params(60 + k_space + 30 + 2);
  p.pretolerance = -1;
  p.tolerance = 10000;
  for (int limit : {1, 2, 3}) {
    p.max_consecutive_hyphens = limit;
    const BreakResult r = break_lines(paragraph(words, -50), p);
    int run = 0, worst = 0, any = 0;
    for (const LineBreak& l : r.lines) {
      run = l.hyphenated ? run + 1 : 0;
      worst = std::max(worst, run);
      any += l.hyphenated ? 1 : 0;
    }
    CHECK(any > 0);
    CHECK(worst <= limit);
  }
}

TEST_CASE("the greedy path honours the consecutive hyphen limit too") {
  std::vector<Word> words;
  for (int i = 0; i < 40; ++i) words.push_back({60, 30});
  BreakParams p = params(60 + k_space + 30 + 2, Breaking::greedy);
  p.max_consecutive_hyphens = 1;
  const BreakResult r = break_lines(paragraph(words), p);
  int run = 0;
  for (const LineBreak& l : r.lines) {
    run = l.hyphenated ? run + 1 : 0;
    CHECK(run <= 1);
  }
}

TEST_CASE("a box wider than the measure makes one overfull line and nothing else") {
  std::vector<Word> words{{20}, {20}, {500}, {20}, {20}};
  const BreakResult r = break_lines(paragraph(words), params(100));
  int overfull = 0;
  for (const LineBreak& l : r.lines) overfull += l.overfull ? 1 : 0;
  CHECK(r.pass == BreakPass::emergency);
  CHECK(overfull == 1);
}

TEST_CASE("emergency penalties inside a long word give lines that fit") {
  // A word 50 chunks of 90 pt, each chunk joined by an emergency penalty, on a 100 pt measure.
  std::vector<BreakItem> items;
  for (int i = 0; i < 50; ++i) {
    if (i > 0) {
      BreakItem p = BreakItem::make_penalty(0, 0);
      p.emergency = true;
      items.push_back(p);
    }
    items.push_back(BreakItem::box(90));
  }
  items.push_back(BreakItem::make_penalty(0, k_infinite_penalty));
  items.push_back(BreakItem::fill_glue());
  items.push_back(BreakItem::forced_break());
  for (Breaking mode : {Breaking::optimal, Breaking::greedy}) {
    const BreakResult r = break_lines(items, params(100, mode));
    REQUIRE(r.lines.size() == 50);
    for (size_t i = 0; i + 1 < r.lines.size(); ++i) {
      CHECK(r.lines[i].emergency);
      CHECK_FALSE(r.lines[i].overfull);
    }
  }
}

TEST_CASE("forced breaks inside the list start new lines") {
  std::vector<BreakItem> items{BreakItem::box(10), BreakItem::forced_break(), BreakItem::box(10),
      BreakItem::make_penalty(0, k_infinite_penalty), BreakItem::fill_glue(), BreakItem::forced_break()};
  const BreakResult r = break_lines(items, params(100));
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].position == 1);
}

TEST_CASE("a paragraph of 200000 words breaks completely, optimally and greedily") {
  const auto items = paragraph(random_words(200000, 42));
  const BreakResult optimal = break_lines(items, params(300));
  const BreakResult greedy = break_lines(items, params(300, Breaking::greedy));
  CHECK(optimal.lines.size() > 1000);
  CHECK(greedy.lines.size() > 1000);
  REQUIRE_FALSE(optimal.lines.empty());
  CHECK(optimal.lines.back().position == items.size() - 1);
  CHECK(greedy.lines.back().position == items.size() - 1);
}
