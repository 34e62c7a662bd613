#include "layout/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace brief::layout {
namespace {

// Badness of a line that cannot reach the measure (TeX's inf_bad); also the cap on badness.
constexpr double k_infinite_badness = 10000;
// Badness of a line with no stretch in the emergency pass: worse than any stretched line there.
constexpr double k_emergency_infinite_badness = 1e9;
// Ratio of a line with no stretchable glue that is shorter than the measure.
constexpr double k_infinite_ratio = std::numeric_limits<double>::infinity();

// Cumulative widths, so the natural width of any line is a difference of two entries.
struct Sums {
  std::vector<double> width, stretch, shrink;
  std::vector<int> fill;
};

Sums prefix_sums(const std::vector<BreakItem>& items) {
  Sums s;
  const size_t n = items.size();
  s.width.assign(n + 1, 0);
  s.stretch.assign(n + 1, 0);
  s.shrink.assign(n + 1, 0);
  s.fill.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    const BreakItem& it = items[i];
    const bool counts = it.kind != ItemKind::penalty;
    s.width[i + 1] = s.width[i] + (counts ? it.width : 0);
    s.stretch[i + 1] = s.stretch[i] + (it.kind == ItemKind::glue && !it.fill ? it.stretch : 0);
    s.shrink[i + 1] = s.shrink[i] + (it.kind == ItemKind::glue ? it.shrink : 0);
    s.fill[i + 1] = s.fill[i] + (it.kind == ItemKind::glue && it.fill ? 1 : 0);
  }
  return s;
}

bool is_forced(const BreakItem& it) {
  return it.kind == ItemKind::penalty && it.penalty <= -k_infinite_penalty;
}

// A legal breakpoint: a penalty below infinity, or a glue right after a box (not the final fill).
bool is_breakpoint(const std::vector<BreakItem>& items, size_t i, bool allow_hyphenation) {
  const BreakItem& it = items[i];
  if (it.kind == ItemKind::penalty) {
    if (it.penalty >= k_infinite_penalty) return false;
    if (it.hyphenation && !allow_hyphenation) return false;
    return true;
  }
  if (it.kind == ItemKind::glue) return !it.fill && i > 0 && items[i - 1].kind == ItemKind::box;
  return false;
}

// The first item of the line after a break at `b`: glue and unforced penalties are discarded.
size_t line_start_after(const std::vector<BreakItem>& items, size_t b) {
  size_t j = b + 1;
  while (j < items.size() && items[j].kind != ItemKind::box && !is_forced(items[j])) ++j;
  return j;
}

struct Measure {
  double ratio = 0;
  bool infinite = false;
};

// The adjustment ratio of the line [start, b) (plus the penalty width at b) set to `width`.
Measure measure_line(const std::vector<BreakItem>& items, const Sums& s, size_t start, size_t b,
    double width) {
  double natural = 0, stretch = 0, shrink = 0;
  int fill = 0;
  if (start < b) {
    natural = s.width[b] - s.width[start];
    stretch = s.stretch[b] - s.stretch[start];
    shrink = s.shrink[b] - s.shrink[start];
    fill = s.fill[b] - s.fill[start];
  }
  if (items[b].kind == ItemKind::penalty) natural += items[b].width;
  Measure m;
  if (natural < width) {
    if (fill > 0) m.ratio = 0;
    else if (stretch > 0) m.ratio = (width - natural) / stretch;
    else {
      m.ratio = k_infinite_ratio;
      m.infinite = true;
    }
  } else if (natural > width) {
    m.ratio = shrink > 0 ? (width - natural) / shrink : -k_infinite_ratio;
  }
  return m;
}

// 100 |r|^3, capped at k_infinite_badness; uncapped in the emergency pass so that among loose
// lines the less loose still wins.
double badness(const Measure& m, bool uncapped) {
  if (m.infinite) return uncapped ? k_emergency_infinite_badness : k_infinite_badness;
  const double r = std::abs(m.ratio);
  const double b = 100.0 * r * r * r;
  return uncapped ? std::min(b, k_emergency_infinite_badness) : std::min(k_infinite_badness, b);
}

Fitness fitness_of(double ratio) {
  if (ratio < -0.5) return Fitness::tight;
  if (ratio <= 0.5) return Fitness::decent;
  if (ratio <= 1) return Fitness::loose;
  return Fitness::very_loose;
}

struct Node {
  size_t position = 0;  // the break (items index); the start node uses 0 with start 0
  size_t start = 0;     // first item of the next line
  int line = 0;         // lines up to this break
  int hyphen_run = 0;   // consecutive hyphenated lines ending here
  Fitness fitness = Fitness::decent;
  bool flagged = false;
  double total = 0;     // total demerits
  long prev = -1;       // previous node index
  LineBreak info;       // the line that ends here
};

struct Pass {
  double tolerance = 0;  // the largest badness accepted (unused in the emergency pass)
  bool hyphenation = false;
  bool emergency = false;
};

// Demerits of a line with measure `m` ending at `item` after `from` (Knuth-Plass eq. 4 and its
// additions for hyphens in a row, a hyphen on the second-to-last line and fitness jumps).
double line_demerits(const BreakItem& item, const Measure& m, const Node& from, Fitness fit,
    const BreakParams& params, bool emergency, bool last) {
  const bool forced = is_forced(item);
  const bool flagged = item.kind == ItemKind::penalty && item.flagged;
  const double bad = badness(m, emergency);
  double d = (params.line_penalty + bad) * (params.line_penalty + bad);
  if (item.kind == ItemKind::penalty) {
    if (item.penalty >= 0) d += item.penalty * item.penalty;
    else if (!forced) d -= item.penalty * item.penalty;
  }
  if (flagged && from.flagged) d += params.double_hyphen_demerits;
  if (last && from.flagged) d += params.final_hyphen_demerits;
  if (std::abs(int(fit) - int(from.fitness)) > 1) d += params.fitness_demerits;
  return d;
}

// The node for a line from node `a` (= `from`) to the break at `b`, with its facts.
Node line_node(const std::vector<BreakItem>& items, size_t a, const Node& from, size_t b, const Measure& m,
    Fitness fit, double demerits) {
  const BreakItem& item = items[b];
  const bool flagged = item.kind == ItemKind::penalty && item.flagged;
  Node n;
  n.position = b;
  n.start = line_start_after(items, b);
  n.line = from.line + 1;
  n.hyphen_run = flagged ? from.hyphen_run + 1 : 0;
  n.fitness = fit;
  n.flagged = flagged;
  n.total = from.total + demerits;
  n.prev = long(a);
  n.info.position = b;
  n.info.start = from.start;
  n.info.ratio = m.infinite ? 0 : m.ratio;
  n.info.infinite = m.infinite;
  n.info.fitness = fit;
  n.info.hyphenated = flagged;
  n.info.emergency = item.kind == ItemKind::penalty && item.emergency;
  return n;
}

// Keeps the cheapest node per (fitness, hyphen run, and line count when looseness is asked).
void keep_cheapest(std::vector<Node>& candidates, const Node& n, bool by_line) {
  for (Node& c : candidates) {
    if (c.fitness == n.fitness && c.hyphen_run == n.hyphen_run && (!by_line || c.line == n.line)) {
      if (n.total < c.total) c = n;
      return;
    }
  }
  candidates.push_back(n);
}

// When nothing fits in the emergency pass: the cheapest line from `dropped`, overfull, rather
// than losing the paragraph.
Node overfull_node(const std::vector<BreakItem>& items, const std::vector<Node>& nodes, long dropped,
    const Measure& dropped_measure, size_t b) {
  const BreakItem& item = items[b];
  const bool flagged = item.kind == ItemKind::penalty && item.flagged;
  const Node& from = nodes[size_t(dropped)];
  Node n;
  n.position = b;
  n.start = line_start_after(items, b);
  n.line = from.line + 1;
  n.fitness = Fitness::tight;
  n.flagged = flagged;
  n.hyphen_run = flagged ? from.hyphen_run + 1 : 0;
  n.total = from.total + k_infinite_badness * k_infinite_badness;
  n.prev = dropped;
  n.info.position = b;
  n.info.start = from.start;
  n.info.ratio = std::isinf(dropped_measure.ratio) ? -1 : dropped_measure.ratio;
  n.info.fitness = Fitness::tight;
  n.info.hyphenated = flagged;
  n.info.overfull = true;
  n.info.emergency = item.kind == ItemKind::penalty && item.emergency;
  return n;
}

// The active node that ends the paragraph most cheaply (or, with looseness, nearest the asked
// line count), or -1.
long best_final_node(const std::vector<BreakItem>& items, const std::vector<Node>& nodes,
    const std::vector<size_t>& active, int looseness) {
  long best = -1;
  for (size_t a : active) {
    const Node& n = nodes[a];
    if (n.position + 1 != items.size() || n.line == 0) continue;
    if (best < 0 || n.total < nodes[size_t(best)].total) best = long(a);
  }
  if (best < 0 || looseness == 0) return best;
  const int target = nodes[size_t(best)].line + looseness;
  for (size_t a : active) {
    const Node& n = nodes[a];
    if (n.position + 1 != items.size() || n.line == 0) continue;
    const Node& b = nodes[size_t(best)];
    const int dn = std::abs(n.line - target), db = std::abs(b.line - target);
    if (dn < db || (dn == db && n.total < b.total)) best = long(a);
  }
  return best;
}

// One total-fit pass. Returns false when no feasible set of breaks exists under `pass`.
bool run_pass(const std::vector<BreakItem>& items, const Sums& sums, const BreakParams& params,
    const Pass& pass, BreakResult& result) {
  std::vector<Node> nodes;
  nodes.reserve(items.size() / 4 + 8);
  Node start;
  start.fitness = Fitness::decent;
  nodes.push_back(start);
  std::vector<size_t> active{0};
  std::vector<size_t> still_active;
  std::vector<Node> candidates;
  const bool by_line = params.looseness != 0;
  const int max_hyphens = params.max_consecutive_hyphens;

  for (size_t b = 0; b < items.size(); ++b) {
    if (!is_breakpoint(items, b, pass.hyphenation)) continue;
    const BreakItem& item = items[b];
    const bool forced = is_forced(item);
    const bool flagged = item.kind == ItemKind::penalty && item.flagged;
    const bool last = b + 1 == items.size();
    candidates.clear();
    still_active.clear();
    long best_dropped = -1;  // cheapest node deactivated here, for the emergency rescue
    Measure dropped_measure;

    for (size_t a : active) {
      const Node& from = nodes[a];
      if (from.start > b && !forced) {  // the break lies inside this node's discarded items
        still_active.push_back(a);
        continue;
      }
      const Measure m = measure_line(items, sums, from.start, b, params.line_width);
      const bool too_long = m.ratio < -1;
      if (too_long || forced) {
        if (too_long && (best_dropped < 0 || from.total < nodes[size_t(best_dropped)].total)) {
          best_dropped = long(a);
          dropped_measure = m;
        }
      } else {
        still_active.push_back(a);
      }
      if (too_long) continue;
      if (!pass.emergency && badness(m, false) > pass.tolerance) continue;
      if (flagged && max_hyphens > 0 && from.hyphen_run >= max_hyphens) continue;
      const Fitness fit = m.infinite ? Fitness::very_loose : fitness_of(m.ratio);
      const double d = line_demerits(item, m, from, fit, params, pass.emergency, last);
      keep_cheapest(candidates, line_node(items, a, from, b, m, fit, d), by_line);
    }

    if (candidates.empty() && still_active.empty()) {
      if (!pass.emergency || best_dropped < 0) return false;
      candidates.push_back(overfull_node(items, nodes, best_dropped, dropped_measure, b));
    }
    active.swap(still_active);
    for (Node& c : candidates) {
      active.push_back(nodes.size());
      nodes.push_back(c);
    }
  }

  const long best = best_final_node(items, nodes, active, params.looseness);
  if (best < 0) return false;
  result.demerits = nodes[size_t(best)].total;
  result.lines.clear();
  for (long i = best; i > 0; i = nodes[size_t(i)].prev) result.lines.push_back(nodes[size_t(i)].info);
  std::reverse(result.lines.begin(), result.lines.end());
  return true;
}

// First fit: each line takes as much as fits; a word that does not fit starts the next line.
BreakResult break_greedy(const std::vector<BreakItem>& items, const Sums& sums,
    const BreakParams& params) {
  BreakResult result;
  result.pass = BreakPass::greedy;
  size_t start = 0;
  int hyphen_run = 0;
  long last_fit = -1;
  Measure last_measure;
  auto commit = [&](size_t b, const Measure& m, bool overfull) {
    LineBreak line;
    line.position = b;
    line.start = start;
    line.infinite = m.infinite;
    line.ratio = m.infinite ? 0 : (overfull && std::isinf(m.ratio) ? -1 : m.ratio);
    line.fitness = m.infinite ? Fitness::very_loose : fitness_of(line.ratio);
    line.hyphenated = items[b].kind == ItemKind::penalty && items[b].flagged;
    line.emergency = items[b].kind == ItemKind::penalty && items[b].emergency;
    line.overfull = overfull;
    hyphen_run = line.hyphenated ? hyphen_run + 1 : 0;
    result.lines.push_back(line);
    start = line_start_after(items, b);
    last_fit = -1;
  };
  for (size_t b = 0; b < items.size(); ++b) {
    if (!is_breakpoint(items, b, true)) continue;
    const bool flagged = items[b].kind == ItemKind::penalty && items[b].flagged;
    if (start > b && !is_forced(items[b])) continue;
    Measure m = measure_line(items, sums, start, b, params.line_width);
    if (m.ratio < -1) {
      if (last_fit >= 0) {
        commit(size_t(last_fit), last_measure, false);
        if (start > b && !is_forced(items[b])) continue;
        m = measure_line(items, sums, start, b, params.line_width);
      }
      if (m.ratio < -1) {
        commit(b, m, true);
        continue;
      }
    }
    if (is_forced(items[b])) {
      commit(b, m, false);
      continue;
    }
    if (flagged && params.max_consecutive_hyphens > 0 && hyphen_run >= params.max_consecutive_hyphens)
      continue;
    last_fit = long(b);
    last_measure = m;
  }
  return result;
}

} // namespace

BreakItem BreakItem::box(double width) {
  BreakItem it;
  it.kind = ItemKind::box;
  it.width = width;
  return it;
}

BreakItem BreakItem::glue(double width, double stretch, double shrink) {
  BreakItem it;
  it.kind = ItemKind::glue;
  it.width = width;
  it.stretch = stretch;
  it.shrink = shrink;
  return it;
}

BreakItem BreakItem::fill_glue() {
  BreakItem it;
  it.kind = ItemKind::glue;
  it.fill = true;
  return it;
}

BreakItem BreakItem::make_penalty(double width, double penalty, bool flagged) {
  BreakItem it;
  it.kind = ItemKind::penalty;
  it.width = width;
  it.penalty = penalty;
  it.flagged = flagged;
  return it;
}

BreakItem BreakItem::forced_break() { return make_penalty(0, -k_infinite_penalty); }

const char* to_string(Fitness fitness) {
  switch (fitness) {
    case Fitness::tight: return "tight";
    case Fitness::decent: return "decent";
    case Fitness::loose: return "loose";
    case Fitness::very_loose: return "very-loose";
  }
  return "decent";
}

BreakResult break_lines(const std::vector<BreakItem>& items, const BreakParams& params) {
  BreakResult result;
  if (items.empty()) return result;
  const Sums sums = prefix_sums(items);
  if (params.mode == Breaking::greedy) return break_greedy(items, sums, params);

  const bool has_hyphenation = std::any_of(items.begin(), items.end(),
      [](const BreakItem& it) { return it.kind == ItemKind::penalty && it.hyphenation; });
  if (params.pretolerance >= 0) {
    result.pass = BreakPass::first;
    if (run_pass(items, sums, params, Pass{params.pretolerance, false, false}, result)) return result;
  }
  // The second pass differs from the first only by its tolerance and hyphenation points.
  if (has_hyphenation || params.tolerance > params.pretolerance || params.pretolerance < 0) {
    result.pass = BreakPass::second;
    if (run_pass(items, sums, params, Pass{params.tolerance, true, false}, result)) return result;
  }
  result.pass = BreakPass::emergency;
  run_pass(items, sums, params, Pass{0, true, true}, result);
  return result;
}

} // namespace brief::layout
