#include "layout/blocks.hpp"
#include "layout/furniture.hpp"
#include "layout/structure.hpp"

#include <algorithm>

namespace brief::layout {
namespace {

// Vertical positions of furniture baselines, as fractions of the top and bottom margins measured
// from the page edge: banners nearest the edge, running lines nearer the text.
constexpr double k_banner_position = 0.3;
constexpr double k_running_position = 0.62;

// Running lines repeat on every page, so their text is bounded before it is shaped: a header at
// the smallest legible size (6 pt) across the widest page a template may set (A3, 1191 pt) holds
// under 300 characters; anything longer is cut here and fitted with an ellipsis below. Without
// this, a title of n characters costs n on every page, quadratic in the title's length.
constexpr size_t k_running_max_code_points = 300;
// Space kept between the parts (left, centre, right) of one running line, pt.
constexpr double k_running_gap = 12;

// The first `n` code points of `text` (valid UTF-8).
std::string code_point_prefix(const std::string& text, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (count++ == n) return text.substr(0, i);
  }
  return text;
}

size_t code_point_count(const std::string& text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(),
      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// `text` ending in an ellipsis after its first `n` code points, without trailing spaces.
std::string shortened(const std::string& text, size_t n) {
  std::string out = code_point_prefix(text, n);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\u2026";
}

// `text` set in `style`, shortened with an ellipsis to the longest prefix no wider than
// `max_width` (a binary search over code points); nothing at all when not even "…" fits.
SetLine fit_line(const std::string& text, const std::string& style, double max_width, ParagraphContext& context) {
  SetLine whole = set_text_line(text, style, context);
  if (whole.width <= max_width) return whole;
  SetLine best;
  size_t low = 0, high = code_point_count(text);  // the answer lies in [low, high)
  while (low < high) {
    const size_t mid = low + (high - low) / 2;
    SetLine candidate = set_text_line(shortened(text, mid), style, context);
    if (candidate.width <= max_width) {
      best = std::move(candidate);
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  if (best.items.empty()) {
    SetLine ellipsis = set_text_line("\u2026", style, context);
    if (ellipsis.width <= max_width) return ellipsis;
  }
  return best;
}

// A running line: its left, centre and right parts within the margins, never overlapping. When
// they do not fit, the widest part is shortened with an ellipsis to the room the others leave
// (then the next widest, if need be), so a long title yields to the section name and page number.
void add_running(Page& page, const theme::RunningLine& line, const std::string& style, double baseline,
    const FurnitureValues& values, ParagraphContext& context, const theme::PageSetup& setup) {
  if (!line.enabled) return;
  const std::string* parts[3] = {&line.left, &line.center, &line.right};
  std::string texts[3];
  SetLine sets[3];
  for (int k = 0; k < 3; ++k) {
    if (parts[k]->empty()) continue;
    const std::string text = expand_placeholders(*parts[k], values);
    texts[k] = code_point_count(text) > k_running_max_code_points ? shortened(text, k_running_max_code_points) : text;
    if (!texts[k].empty()) sets[k] = set_text_line(texts[k], style, context);
  }
  const double measure = setup.width - setup.margin_left - setup.margin_right;
  const auto present = [&](int k) { return !texts[k].empty(); };
  // The room part k may take, given the others' current widths.
  const auto room = [&](int k) {
    const double side = std::max(present(0) ? sets[0].width : 0, present(2) ? sets[2].width : 0);
    if (present(1)) {
      if (k == 1) return measure - 2 * (side > 0 ? side + k_running_gap : 0);
      return (measure - sets[1].width) / 2 - k_running_gap;
    }
    const int other = k == 0 ? 2 : 0;
    return present(other) ? measure - sets[other].width - k_running_gap : measure;
  };
  bool shortened_part[3] = {false, false, false};
  for (int round = 0; round < 3; ++round) {
    int widest = -1;
    for (int k = 0; k < 3; ++k)
      if (present(k) && !shortened_part[k] && sets[k].width > room(k) &&
          (widest < 0 || sets[k].width > sets[widest].width))
        widest = k;
    if (widest < 0) break;
    sets[widest] = fit_line(texts[widest], style, std::max(0.0, room(widest)), context);
    shortened_part[widest] = true;
  }
  for (int k = 0; k < 3; ++k) {
    if (!present(k) || sets[k].items.empty()) continue;
    double x = setup.margin_left;
    if (k == 1) x = (setup.width - sets[k].width) / 2;
    if (k == 2) x = setup.width - setup.margin_right - sets[k].width;
    place_items(sets[k].items, x, baseline, page.items);
  }
}

void add_paragraph_block(BlockContext& c, Flow& flow, const std::string& text, const std::string& style,
    Role role, bool bold = false) {
  if (text.empty()) return;
  const ResolvedStyle& s = c.paragraphs.styles.get(style);
  model::Inlines inlines{model::text_run(text)};
  inlines[0].bold = bold;
  ParagraphInput in;
  in.inlines = &inlines;
  in.style = style;
  in.width = c.width;
  in.alignment = theme::Alignment::ragged;
  in.hyphenate = false;
  const double space = std::max(c.pending_space, s.text.space_before);
  c.pending_space = s.text.space_after;
  const size_t first = flow.boxes.size();
  add_paragraph_lines(flow, set_paragraph(in, c.paragraphs), 0, space);
  tag_boxes(c, flow, first, role);
  for (size_t i = first; i < flow.boxes.size(); ++i) flow.boxes[i].keep_with_next = true;
}

} // namespace

std::string expand_placeholders(const std::string& text, const FurnitureValues& v) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      const size_t close = text.find('}', i);
      if (close != std::string::npos) {
        const std::string key = text.substr(i + 1, close - i - 1);
        const std::string* value = nullptr;
        if (key == "title") value = &v.title;
        else if (key == "section") value = &v.section;
        else if (key == "page") value = &v.page;
        else if (key == "pages") value = &v.pages;
        else if (key == "date") value = &v.date;
        else if (key == "banner") value = &v.banner;
        if (value) {
          out += *value;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

void add_furniture(Page& page, const FurnitureValues& values, ParagraphContext& context) {
  const theme::Theme& theme = context.styles.theme();
  const theme::PageSetup& setup = theme.page;
  const size_t before = page.items.size();
  if (!values.banner.empty()) {
    for (const double y : {setup.height - setup.margin_top * k_banner_position,
                           setup.margin_bottom * k_banner_position}) {
      SetLine set = set_text_line(values.banner, "banner", context);
      place_items(set.items, (setup.width - set.width) / 2, y, page.items);
    }
  }
  if (values.running_lines) {
    add_running(page, theme.header, "header", setup.height - setup.margin_top * k_running_position, values,
        context, setup);
    add_running(page, theme.footer, "footer", setup.margin_bottom * k_running_position, values,
        context, setup);
  }
  // Banners, running heads and footers repeat on every page: artifacts, not content.
  retag_items(page.items, k_artifact, before);
  if (page.items.size() > before) {
    page.note_items.push_back(before);
    page.notes.push_back("furniture");
  }
}

DocumentInfo document_info(const model::Metadata& meta) {
  auto join = [](const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
    return out;
  };
  DocumentInfo info;
  info.title = meta.title;
  info.author = join(meta.authors);
  info.subject = meta.subject;
  info.keywords = join(meta.keywords);
  info.creator = std::string("brief ") + BRIEF_VERSION;
  info.date = meta.date;
  return info;
}

void add_title_block(BlockContext& c, Flow& flow, bool cover, const std::optional<Logo>& logo) {
  const model::Metadata& m = c.document.meta;
  const size_t first = flow.boxes.size();
  if (logo && logo->aspect > 0) {
    // A letterhead: the logo at the left edge above the title, never wider than the measure.
    constexpr double k_logo_height = 36;  // pt
    constexpr double k_logo_gap = 12;     // pt between the logo and the title
    const double height = std::min(k_logo_height, c.width / logo->aspect);
    FlowBox box;
    box.kind = BoxKind::line;
    box.height = height + k_logo_gap;
    box.keep_with_next = true;
    const int figure = add_node(*c.structure, Role::figure, 0);
    (*c.structure)[size_t(figure)].alt = c.logo_alt;
    box.items.push_back(Image{logo->key, 0, -height, height * logo->aspect, height, figure});
    flow.boxes.push_back(std::move(box));
  }
  add_paragraph_block(c, flow, m.title, "title", Role::h1);
  add_paragraph_block(c, flow, m.subtitle, "subtitle", Role::p);
  std::string byline = m.date_display.empty() ? m.date : m.date_display;
  std::string authors;
  for (const std::string& a : m.authors) authors += (authors.empty() ? "" : ", ") + a;
  if (!authors.empty()) byline += (byline.empty() ? "" : " \u00B7 ") + authors;
  add_paragraph_block(c, flow, byline, "byline", Role::p);
  const std::string release = !m.release_statement.empty() ? m.release_statement : c.theme.release_statement;
  add_paragraph_block(c, flow, release, "byline", Role::p, true);
  if (flow.boxes.size() > first) {
    flow.boxes.back().keep_with_next = false;
    if (cover) flow.boxes.back().front_matter_end = true;
  }
}

} // namespace brief::layout
