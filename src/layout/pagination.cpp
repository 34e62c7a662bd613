#include "layout/pagination.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <set>

namespace brief::layout {
namespace {

// Footnote lines carried over from the previous page may take at most this share of a page
// before the rest is carried again.
constexpr double k_max_carried_share = 0.5;
// Slack for rounding when comparing heights, pt.
constexpr double k_epsilon = 1e-6;

struct PendingNote {
  const SetLine* line = nullptr;
  int citation = -1;
};

void add_note(PageBody& page, std::string note) {
  page.note_items.push_back(page.items.size());
  page.notes.push_back(std::move(note));
}

// Notes carried from the previous page come first in this page's footnote area, up to a share
// of the page.
std::vector<PendingNote> take_carried(std::deque<PendingNote>& carried, double avail, double& height) {
  std::vector<PendingNote> notes;
  height = 0;
  while (!carried.empty() &&
         (notes.empty() || height + carried.front().line->height <= avail * k_max_carried_share)) {
    height += carried.front().line->height;
    notes.push_back(carried.front());
    carried.pop_front();
  }
  return notes;
}

// Where a page that starts at box `i` ends.
struct PageEnd {
  size_t end = 0;         // one past the last box on the page
  bool forced = false;    // no allowed break on the page: cut where it was full
  bool too_tall = false;  // the first box is taller than the page and is set anyway
};

// Fills the page from box `i` below `top` (a repeated table header's height) with room for the
// footnotes of its citations; ends after the last box a break may follow.
PageEnd find_page_end(const std::vector<FlowBox>& boxes, size_t i, double top, double avail,
    bool carried_notes, double notes_height, Footnotes* footnotes) {
  const size_t n = boxes.size();
  double cursor = top;
  std::set<int> cited;
  double full = 0, least = 0;  // footnote heights: all new notes, and their first lines only
  long last_ok = -1;
  size_t j = i;
  PageEnd out;
  while (j < n) {
    const FlowBox& b = boxes[j];
    if (b.break_before && j > i) break;
    const double space = (j == i) ? 0 : b.space_before;
    double add_full = 0, add_least = 0;
    if (footnotes) {
      for (int c : b.citations) {
        if (cited.count(c)) continue;
        const auto& ls = footnotes->lines(c);
        add_full += lines_height(ls);
        add_least += ls.empty() ? 0 : ls.front().height;
      }
    }
    const bool any_notes = carried_notes || full + add_full > 0;
    const double gap = any_notes ? k_footnote_gap : 0;
    const double body = cursor + space + b.height;
    if (body + gap + notes_height + full + add_full <= avail + k_epsilon) {
      cursor = body;
      full += add_full;
      least += add_least;
      if (footnotes) cited.insert(b.citations.begin(), b.citations.end());
      if (!b.keep_with_next) last_ok = long(j);
      ++j;
      continue;
    }
    if (add_full > 0 && !b.keep_with_next &&
        body + gap + notes_height + least + add_least <= avail + k_epsilon) {
      ++j;  // this box ends the page; its notes continue on the next
      break;
    }
    if (j == i) {  // taller than a page: set it anyway
      out.too_tall = true;
      ++j;
      break;
    }
    if (last_ok >= long(i)) j = size_t(last_ok) + 1;
    else out.forced = true;
    break;
  }
  out.end = j;
  return out;
}

// Sets the footnote lines at the page foot, under a body `body_height` tall: as many as fit,
// the rest carried to the next page.
void set_footnotes(PageBody& page, std::vector<PendingNote>& notes, std::deque<PendingNote>& carried,
    const PageFrame& frame, double body_height, const Footnotes* footnotes) {
  const double avail = frame.top - frame.bottom;
  const double room = avail - body_height - k_footnote_gap;
  double used = 0;
  size_t fit = 0;
  while (fit < notes.size() && (fit == 0 || used + notes[fit].line->height <= room + k_epsilon)) {
    used += notes[fit].line->height;
    ++fit;
  }
  for (size_t k = notes.size(); k > fit; --k) carried.push_front(notes[k - 1]);
  const double area_top = frame.bottom + used;
  const double rule_y = area_top + k_footnote_gap / 2;
  page.items.push_back(Line{frame.left, rule_y, frame.left + (footnotes ? footnotes->rule_length() : 0),
      rule_y, 0.5, Rgb{0.4, 0.4, 0.4}});
  double y = area_top;
  for (size_t k = 0; k < fit; ++k) {
    const SetLine& l = *notes[k].line;
    add_note(page, fmt::format("footnote line y={:.2f} citation={}", y - l.baseline, notes[k].citation));
    place_items(l.items, frame.left, y - l.baseline, page.items);
    y -= l.height;
  }
  if (fit < notes.size()) add_note(page, fmt::format("footnote continues on next page ({} lines)", notes.size() - fit));
}

// Trace notes about the break after box `end - 1`, for checks.
void note_page_break(PageBody& page, const std::vector<FlowBox>& boxes, size_t i, const PageEnd& pe) {
  const size_t end = pe.end;
  if (end < boxes.size() && end > i) {
    const FlowBox& last = boxes[end - 1];
    const FlowBox& next = boxes[end];
    if (last.kind == BoxKind::heading) add_note(page, "break: heading at page foot");
    if (last.has_line && next.has_line && last.group == next.group && last.kind == BoxKind::line) {
      const int before = last.group_line + 1, after = last.group_lines - before;
      add_note(page, fmt::format("break: paragraph split {}|{} {}", before, after,
          before >= k_min_orphan_lines && after >= k_min_widow_lines ? "ok" : "widow/orphan"));
    } else if (next.kind == BoxKind::row && last.group == next.group) {
      add_note(page, "break: table continues");
    }
    if (pe.forced) add_note(page, "break: forced (no allowed break on the page)");
  }
  if (pe.too_tall) add_note(page, "box taller than the page");
}

} // namespace

std::string line_note(const FlowBox& box, double x, double y_top) {
  const LineFacts& f = box.facts;
  std::string note = fmt::format("line y={:.2f} x={:.2f} w={:.2f} ratio={:.2f} fit={} hyphen={}",
      y_top - box.line_baseline, x + box.line_x, box.line_width, f.ratio, to_string(f.fitness),
      f.hyphenated ? "yes" : "no");
  if (!f.justified) note += f.last ? " last" : " ragged";
  if (f.emergency) note += " [emergency]";
  if (f.overfull) note += " [overfull]";
  return note;
}

std::vector<PageBody> paginate(const Flow& flow, const PageFrame& frame, Footnotes* footnotes) {
  const auto& boxes = flow.boxes;
  const size_t n = boxes.size();
  const double avail = frame.top - frame.bottom;
  std::vector<PageBody> pages;
  std::deque<PendingNote> carried;
  std::string section;
  bool front_matter = std::any_of(boxes.begin(), boxes.end(), [](const FlowBox& b) { return b.front_matter_end; });
  size_t i = 0;

  while (i < n || !carried.empty()) {
    PageBody page;
    page.section = section;
    page.front_matter = front_matter;
    double notes_height = 0;
    std::vector<PendingNote> notes = take_carried(carried, avail, notes_height);

    // A table row at the top of a page continues its table: its header row is set again.
    const FlowBox* header = nullptr;
    if (i < n && boxes[i].repeat_header >= 0 && i > 0 && boxes[i - 1].group == boxes[i].group)
      header = &flow.headers[size_t(boxes[i].repeat_header)];
    const PageEnd pe = find_page_end(boxes, i, header ? header->height : 0, avail, !notes.empty(),
        notes_height, footnotes);
    const size_t end = pe.end;

    // Set the body.
    double cursor = 0;
    if (header) {
      place_items(header->items, frame.left, frame.top, page.items);
      cursor = header->height;
      add_note(page, "table header repeated");
    }
    std::vector<int> page_citations;
    std::set<int> seen;
    bool first_section = true;
    for (size_t k = i; k < end; ++k) {
      const FlowBox& b = boxes[k];
      const double space = (k == i) ? 0 : b.space_before;
      const double y_top = frame.top - cursor - space;
      if (b.has_line) add_note(page, line_note(b, frame.left, y_top));
      place_items(b.items, frame.left, y_top, page.items);
      cursor += space + b.height;
      if (!b.section.empty()) {
        if (first_section) page.section = b.section;
        first_section = false;
        section = b.section;
      }
      if (b.front_matter_end) front_matter = false;
      if (footnotes)
        for (int c : b.citations)
          if (seen.insert(c).second) page_citations.push_back(c);
    }

    // The footnotes: carried lines, then each note cited here; what does not fit moves on.
    if (footnotes) {
      for (int c : page_citations)
        for (const SetLine& l : footnotes->lines(c)) notes.push_back({&l, c});
    }
    if (!notes.empty()) set_footnotes(page, notes, carried, frame, cursor, footnotes);
    note_page_break(page, boxes, i, pe);
    pages.push_back(std::move(page));
    if (end == i && carried.empty()) break;  // nothing placed, nothing pending: avoid a loop
    i = end;
  }
  if (pages.empty()) pages.emplace_back();
  return pages;
}

} // namespace brief::layout
