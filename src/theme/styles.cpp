#include "theme/styles.hpp"

#include "theme/fonts.hpp"
#include "theme/values.hpp"

#include <fmt/format.h>

namespace brief::theme {

namespace {

constexpr double k_min_size = 4;    // pt; smaller is unreadable in print
constexpr double k_max_size = 200;  // pt; a slide's key figure
constexpr double k_min_leading = 0.8;
constexpr double k_max_leading = 3.0;

void check_family(const TreeReader& r, TextStyle& style) {
  const auto family = r.text("family", "write a family name, e.g. `family: Charis SIL`");
  if (!family) return;
  const auto& installed = installed_families();
  if (auto found = find_family(*family, installed)) {
    style.family = *found;
    return;
  }
  std::vector<std::string> hints;
  const auto similar = similar_families(*family, installed);
  if (!similar.empty()) {
    std::string names;
    for (const auto& name : similar) names += (names.empty() ? "`" : ", `") + name + "`";
    hints.push_back(fmt::format("installed families with a similar name: {}", names));
  }
  hints.push_back("`fc-list : family` lists the installed families");
  r.error(*r.get("family"), fmt::format("font family `{}` is not installed", *family), std::move(hints));
}

// Leading is a multiple of the size (`1.3`) or an absolute length (`14pt`), kept as a multiple.
void read_leading(const TreeReader& r, TextStyle& style) {
  const auto text = r.text("leading", "write a multiple of the size (`1.3`) or a length (`14pt`)");
  if (!text) return;
  double ratio = 0;
  const auto plain = parse_number(*text);
  if (plain) {
    ratio = *plain;
  } else {
    auto parsed = parse_length(*text);
    if (std::holds_alternative<ValueError>(parsed)) {
      r.error(*r.get("leading"), fmt::format("invalid leading `{}`", *text),
          {"write a multiple of the size (`1.3`) or a length (`14pt`)"});
      return;
    }
    ratio = std::get<double>(parsed) / style.size;
  }
  if (ratio < k_min_leading || ratio > k_max_leading) {
    const std::string range = fmt::format("between {} and {} times the size", format_number(k_min_leading),
        format_number(k_max_leading));
    const std::string message = plain
        ? fmt::format("`leading` must be {}, not {}", range, *text)
        : fmt::format("leading `{}` is {:.2g} times the size {}pt; it must be {}", *text, ratio,
              format_number(style.size), range);
    r.error(*r.get("leading"), message, {"lines closer than 0.8 overlap; wider than 3 fall apart"});
    return;
  }
  style.leading = ratio;
}

TextStyle read_style(const Node* node, const std::string& element, TextStyle style, Diagnostics& diags) {
  const TreeReader r(node, "styles." + element, {"family", "size", "leading", "weight", "style", "color",
      "space_before", "space_after", "uppercase", "letter_spacing"}, diags);
  if (!r.valid()) return style;
  check_family(r, style);
  if (auto size = r.length("size", k_min_size, k_max_size)) style.size = *size;
  read_leading(r, style);
  if (auto weight = r.choice("weight", {"regular", "bold"})) style.weight = *weight == "bold" ? Weight::bold : Weight::regular;
  if (auto slant = r.choice("style", {"upright", "italic"})) style.slant = *slant == "italic" ? Slant::italic : Slant::upright;
  if (auto color = r.color("color")) style.color = *color;
  if (auto space = r.length("space_before", 0, 500)) style.space_before = *space;
  if (auto space = r.length("space_after", 0, 500)) style.space_after = *space;
  if (auto upper = r.boolean("uppercase")) style.uppercase = *upper;
  if (auto spacing = r.length("letter_spacing", -5, 20)) style.letter_spacing = *spacing;
  return style;
}

} // namespace

const std::vector<std::string>& style_elements() {
  static const std::vector<std::string> k_elements{
      "body", "title", "subtitle", "byline", "h1", "h2", "h3", "bluf", "quote", "attribution", "list",
      "table", "table_header", "caption", "citation", "footnote", "descriptor", "sources_summary",
      "bibliography", "header", "footer", "banner", "portion_mark", "release_statement", "toc",
      "figure_value", "figure_label", "slide_title", "slide_subtitle", "slide_body", "slide_quote",
      "slide_figure", "slide_footer"};
  return k_elements;
}

void read_styles(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("styles"), "styles", style_elements(), root.diagnostics());
  if (!r.valid()) return;
  const TextStyle body = read_style(r.get("body"), "body", TextStyle{}, root.diagnostics());
  theme.styles["body"] = body;
  for (const auto& key : r.keys()) {
    if (key == "body" || theme.styles.count(key)) continue;
    if (std::find(style_elements().begin(), style_elements().end(), key) == style_elements().end()) continue;
    theme.styles[key] = read_style(r.get(key), key, body, root.diagnostics());
  }
}

} // namespace brief::theme
