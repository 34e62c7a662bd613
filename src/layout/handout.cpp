// The handout: A4 portrait pages, each slide drawn scaled on the upper half in a thin frame, and
// below it the full text of what the slide shows (whole passages and sentences with their
// citations), set with the print paragraph machinery and paginated like a brief.

#include "layout/structure.hpp"
#include "layout/flow.hpp"
#include "layout/pagination.hpp"
#include "layout/slides.hpp"

#include <fmt/format.h>

namespace brief::layout {
namespace {

// A4 portrait, pt.
constexpr double k_page_width = 595.276;
constexpr double k_page_height = 841.89;
// Margins of the handout page, pt.
constexpr double k_margin_x = 56;
constexpr double k_margin_top = 64;
constexpr double k_margin_bottom = 64;
// Banner and footer baselines, pt from the page edge.
constexpr double k_banner_inset = 28;
constexpr double k_footer_inset = 42;
// Space between the slide picture and the text below it, pt.
constexpr double k_picture_gap = 18;
// Frame around the slide picture, pt.
constexpr double k_frame_width = 0.6;
// The full text: the print body size and leading, space between paragraphs (pt) and the hanging
// indent of markers (ems).
constexpr double k_text_size = 10.5;
constexpr double k_text_leading = 1.4;
constexpr double k_text_space = 6;
constexpr double k_marker_indent_em = 2.2;
// Handout pages are white paper: text is dark whatever the deck's colours.
constexpr theme::Rgb k_ink{0.1, 0.1, 0.1};

// A copy of `items` scaled by `scale`, with (0, height) of the slide at the origin (box
// coordinates: y down from the box top is negative).
std::vector<Item> scaled(const std::vector<Item>& items, double scale, double height) {
  std::vector<Item> out;
  out.reserve(items.size());
  auto y_of = [&](double y) { return (y - height) * scale; };
  for (const Item& item : items) {
    Item copy = item;
    std::visit(
        [&](auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, Line>) {
            v.x1 *= scale;
            v.x2 *= scale;
            v.y1 = y_of(v.y1);
            v.y2 = y_of(v.y2);
            v.width *= scale;
          } else {
            v.x *= scale;
            v.y = y_of(v.y);
            if constexpr (std::is_same_v<T, GlyphRun>) {
              v.size *= scale;
              v.width *= scale;
            } else if constexpr (!std::is_same_v<T, Anchor>) {
              v.width *= scale;
              v.height *= scale;
            }
          }
        },
        copy);
    out.push_back(std::move(copy));
  }
  return out;
}

struct HandoutStyles {
  std::string text, marker, banner, footer;
};

HandoutStyles define_styles(StyleBook& styles) {
  HandoutStyles s;
  theme::TextStyle text = styles.get("body").text;
  text.size = k_text_size;
  text.leading = k_text_leading;
  text.color = k_ink;
  text.space_before = 0;
  text.space_after = k_text_space;
  s.text = styles.define("handout_text", text);
  text.weight = theme::Weight::bold;
  s.marker = styles.define("handout_marker", text);
  theme::TextStyle banner = styles.get("banner").text;
  banner.color = k_ink;
  s.banner = styles.define("handout_banner", banner);
  theme::TextStyle footer = styles.get("footer").text;
  footer.color = k_ink;
  s.footer = styles.define("handout_footer", footer);
  return s;
}

// Tags the untagged items of flow.boxes[first..] with a new node of `role`.
void tag_flow(Flow& flow, size_t first, Role role, SlideContext& c) {
  const int node = add_node(*c.structure, role, 0);
  for (size_t i = first; i < flow.boxes.size(); ++i) tag_items(flow.boxes[i].items, node, *c.structure);
}

void add_slide(Flow& flow, int number, const Slide& slide, const Page& rendered, const HandoutStyles& styles, double measure,
    SlideContext& c) {
  const double scale = measure / rendered.width;
  const double height = rendered.height * scale;
  FlowBox picture;
  picture.kind = BoxKind::rule;
  picture.height = height + k_picture_gap;
  picture.break_before = true;
  picture.keep_with_next = true;
  picture.group = flow.boxes.empty() ? 0 : flow.boxes.back().group + 1;
  picture.items = scaled(rendered.items, scale, rendered.height);
  // The slide's picture is a figure here (its text is read from the full text below); its links
  // keep nodes of their own.
  const int figure = add_node(*c.structure, Role::figure, 0);
  (*c.structure)[size_t(figure)].alt = fmt::format("Slide {}: {}", number, slide.title);
  for (Item& item : picture.items)  // the slide's furniture stays an artifact
    std::visit(
        [&](auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, Link>) value.tag = k_untagged;
          else if constexpr (!std::is_same_v<T, Anchor>)
            if (value.tag != k_artifact) value.tag = figure;
        },
        item);
  tag_items(picture.items, figure, *c.structure);
  const Rgb rule = to_rgb(c.theme.rule);
  picture.items.push_back(Line{0, 0, measure, 0, k_frame_width, rule});
  picture.items.push_back(Line{measure, 0, measure, -height, k_frame_width, rule});
  picture.items.push_back(Line{measure, -height, 0, -height, k_frame_width, rule});
  picture.items.push_back(Line{0, -height, 0, 0, k_frame_width, rule, k_artifact});
  flow.boxes.push_back(std::move(picture));

  const double indent = k_text_size * k_marker_indent_em;
  for (const SlideUnit& u : slide.units) {
    if (slide.kind == SlideKind::agenda || u.full.empty()) continue;
    std::vector<Item> marker;
    double x = 0;
    if (!u.marker.empty() || slide.kind == SlideKind::bullets) {
      SetLine m = set_text_line(u.marker.empty() ? "\u2022" : u.marker, styles.marker, c.paragraphs);
      x = indent;
      place_items(m.items, -x, 0, marker);  // the marker hangs in the indent
    }
    size_t first = flow.boxes.size();
    add_paragraph_lines(flow, set_lines(u.full, styles.text, measure - x, c.paragraphs), x, k_text_space,
        std::move(marker));
    tag_flow(flow, first, Role::p, c);
    first = flow.boxes.size();
    if (!u.attribution.empty())
      add_paragraph_lines(flow, set_lines(u.attribution, styles.text, measure - x, c.paragraphs), x, 0);
    if (flow.boxes.size() > first) tag_flow(flow, first, Role::p, c);
  }
}

} // namespace

std::vector<Page> lay_out_handout(const std::vector<Slide>& slides, const std::vector<Page>& rendered,
    const model::Document& document, SlideContext& c) {
  const HandoutStyles styles = define_styles(c.paragraphs.styles);
  PageFrame frame;
  frame.width = k_page_width;
  frame.height = k_page_height;
  frame.left = k_margin_x;
  frame.top = k_page_height - k_margin_top;
  frame.bottom = k_margin_bottom;
  frame.measure = k_page_width - 2 * k_margin_x;

  Flow flow;
  for (size_t i = 0; i < slides.size() && i < rendered.size(); ++i)
    add_slide(flow, int(i + 1), slides[i], rendered[i], styles, frame.measure, c);
  std::vector<PageBody> bodies = paginate(flow, frame, nullptr);

  std::string banner = document.meta.release_statement;
  if (banner.empty() && c.theme.banner) banner = document.meta.banner;
  std::vector<Page> pages;
  for (size_t i = 0; i < bodies.size(); ++i) {
    Page page;
    page.width = k_page_width;
    page.height = k_page_height;
    page.label = std::to_string(i + 1);
    page.items = std::move(bodies[i].items);
    page.notes = std::move(bodies[i].notes);
    page.note_items = std::move(bodies[i].note_items);
    page.note_items.push_back(page.items.size());
    page.notes.push_back("furniture");
    const size_t furniture = page.items.size();
    if (!banner.empty()) {
      for (const double y : {k_page_height - k_banner_inset, k_banner_inset - 6}) {
        SetLine set = set_text_line(banner, styles.banner, c.paragraphs);
        place_items(set.items, (k_page_width - set.width) / 2, y, page.items);
      }
    }
    SetLine title = set_text_line(document.meta.title, styles.footer, c.paragraphs);
    place_items(title.items, k_margin_x, k_footer_inset, page.items);
    SetLine number = set_text_line(fmt::format("Handout page {} of {}", i + 1, bodies.size()), styles.footer,
        c.paragraphs);
    place_items(number.items, k_page_width - k_margin_x - number.width, k_footer_inset, page.items);
    retag_items(page.items, k_artifact, furniture);
    pages.push_back(std::move(page));
  }
  return pages;
}

} // namespace brief::layout
