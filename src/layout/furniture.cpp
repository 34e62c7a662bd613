#include "layout/blocks.hpp"
#include "layout/furniture.hpp"

#include <algorithm>

namespace brief::layout {
namespace {

// Vertical positions of furniture baselines, as fractions of the top and bottom margins measured
// from the page edge: banners nearest the edge, running lines nearer the text.
constexpr double k_banner_position = 0.3;
constexpr double k_running_position = 0.62;

void add_running(Page& page, const theme::RunningLine& line, const std::string& style, double baseline,
    const FurnitureValues& values, ParagraphContext& context, const theme::PageSetup& setup) {
  if (!line.enabled) return;
  const std::string* parts[3] = {&line.left, &line.center, &line.right};
  for (int k = 0; k < 3; ++k) {
    if (parts[k]->empty()) continue;
    const std::string text = expand_placeholders(*parts[k], values);
    if (text.empty()) continue;
    SetLine set = set_text_line(text, style, context);
    double x = setup.margin_left;
    if (k == 1) x = (setup.width - set.width) / 2;
    if (k == 2) x = setup.width - setup.margin_right - set.width;
    place_items(set.items, x, baseline, page.items);
  }
}

void add_paragraph_block(BlockContext& c, Flow& flow, const std::string& text, const std::string& style,
    bool bold = false) {
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
    box.items.push_back(Image{logo->key, 0, -height, height * logo->aspect, height});
    flow.boxes.push_back(std::move(box));
  }
  add_paragraph_block(c, flow, m.title, "title");
  add_paragraph_block(c, flow, m.subtitle, "subtitle");
  std::string byline = m.date_display.empty() ? m.date : m.date_display;
  std::string authors;
  for (const std::string& a : m.authors) authors += (authors.empty() ? "" : ", ") + a;
  if (!authors.empty()) byline += (byline.empty() ? "" : " \u00B7 ") + authors;
  add_paragraph_block(c, flow, byline, "byline");
  const std::string release = !m.release_statement.empty() ? m.release_statement : c.theme.release_statement;
  add_paragraph_block(c, flow, release, "byline", true);
  if (flow.boxes.size() > first) {
    flow.boxes.back().keep_with_next = false;
    if (cover) flow.boxes.back().front_matter_end = true;
  }
}

} // namespace brief::layout
