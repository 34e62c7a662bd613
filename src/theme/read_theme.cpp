#include "theme/read_theme.hpp"

#include "base/names.hpp"
#include "theme/logo.hpp"
#include "theme/reader.hpp"
#include "theme/running.hpp"
#include "theme/styles.hpp"
#include "theme/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace brief::theme {

namespace {

constexpr double k_min_paper = 72;      // pt: one inch
constexpr double k_max_paper = 14400;   // pt: the PDF page size limit (200 in)
constexpr double k_min_text_area = 72;  // pt each way, so a line holds a few words

bool is_level_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front())) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '-' || c == '_' || c == '.'; });
}

void read_paper(const TreeReader& page, PageSetup& setup) {
  const Node* paper = page.get("paper");
  if (!paper) return;
  if (paper->is_scalar()) {
    if (auto size = named_paper(paper->text)) {
      setup.width = size->first;
      setup.height = size->second;
      return;
    }
    std::vector<std::string> hints;
    if (auto hint = did_you_mean(paper->text, paper_names()); !hint.empty()) hints.push_back(std::move(hint));
    hints.emplace_back("write `paper: a4`, `a5`, `letter`, `legal` or `{width: 960, height: 540}` (pt, or with mm/cm/in)");
    page.error(*paper, fmt::format("unknown paper size `{}`", paper->text), std::move(hints));
    return;
  }
  const TreeReader r(paper, "paper", {"width", "height"}, page.diagnostics());
  if (!r.valid()) return;
  if (auto width = r.length("width", k_min_paper, k_max_paper)) setup.width = *width;
  if (auto height = r.length("height", k_min_paper, k_max_paper)) setup.height = *height;
}

void read_margins(const TreeReader& page, PageSetup& setup) {
  const Node* margins = page.get("margins");
  if (!margins) return;
  const double max = std::max(setup.width, setup.height) / 2;
  if (margins->is_scalar()) {
    // One length for all four sides; read through a one-key view to share the checks.
    Node holder{Node::Kind::map, {}, {}, {Entry{"margins", margins->span, *margins}}, margins->span};
    const TreeReader r(&holder, "page", {"margins"}, page.diagnostics());
    if (auto all = r.length("margins", 0, max))
      setup.margin_top = setup.margin_right = setup.margin_bottom = setup.margin_left = *all;
    return;
  }
  const TreeReader r(margins, "margins", {"top", "right", "bottom", "left"}, page.diagnostics());
  if (auto v = r.length("top", 0, max)) setup.margin_top = *v;
  if (auto v = r.length("right", 0, max)) setup.margin_right = *v;
  if (auto v = r.length("bottom", 0, max)) setup.margin_bottom = *v;
  if (auto v = r.length("left", 0, max)) setup.margin_left = *v;
}

void read_page(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("page"), "page", {"paper", "margins", "columns", "column_gap"}, root.diagnostics());
  if (!r.valid()) return;
  PageSetup& page = theme.page;
  read_paper(r, page);
  read_margins(r, page);
  if (auto columns = r.integer("columns", 1, 6)) page.columns = static_cast<int>(*columns);
  if (auto gap = r.length("column_gap", 0, 144)) page.column_gap = *gap;
  const double text_width = page.width - page.margin_left - page.margin_right;
  const double text_height = page.height - page.margin_top - page.margin_bottom;
  const double column_width = (text_width - (page.columns - 1) * page.column_gap) / page.columns;
  if (text_width < k_min_text_area || text_height < k_min_text_area || column_width < k_min_text_area) {
    const Node* at = r.get("margins") ? r.get("margins") : r.get("paper");
    const std::string message = fmt::format(
        "the margins leave a text area of {}pt by {}pt ({}pt per column)", format_number(std::round(text_width)),
        format_number(std::round(text_height)), format_number(std::round(column_width)));
    const std::vector<std::string> hints{"each column needs at least 72pt (1 in); reduce the margins, the column gap or the columns"};
    if (at) r.error(*at, message, hints);
    else root.diagnostics().error({}, message, hints);
  }
}

void read_line_breaking(const TreeReader& root, LineBreaking& lb) {
  const auto& parameters = line_breaking_parameters();
  std::vector<std::string> keys;
  for (const LineBreakingParameter& p : parameters) keys.emplace_back(p.key);
  const TreeReader r(root.get("line_breaking"), "line_breaking", keys, root.diagnostics());
  if (!r.valid()) return;
  for (const LineBreakingParameter& p : parameters) {
    if (auto* m = std::get_if<double LineBreaking::*>(&p.member)) {
      if (auto v = r.number(p.key, p.min, p.max)) lb.*(*m) = *v;
    } else if (auto* i = std::get_if<int LineBreaking::*>(&p.member)) {
      if (auto v = r.integer(p.key, int64_t(p.min), int64_t(p.max))) lb.*(*i) = static_cast<int>(*v);
    } else if (auto v = r.boolean(p.key)) {
      lb.*std::get<bool LineBreaking::*>(p.member) = *v;
    }
  }
}

void read_colors(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("colors"), "colors", {"accent", "rule", "background"}, root.diagnostics());
  if (auto c = r.color("accent")) theme.accent = *c;
  if (auto c = r.color("rule")) theme.rule = *c;
  if (auto c = r.color("background")) theme.background = *c;
}

void read_logo(const TreeReader& root, const std::filesystem::path& project_root, Theme& theme) {
  if (auto alt = root.text("logo_alt", "describe the logo in words, e.g. `logo_alt: Seal of the unit`"))
    theme.logo_alt = *alt;
  const auto written = root.text("logo", "write the logo's path relative to the template, e.g. `logo: logos/unit.png`");
  if (!written) return;
  const Node& at = *root.get("logo");
  const std::filesystem::path template_file = at.span.file ? at.span.file->path : std::string();
  if (auto path = resolve_logo(*written, template_file, project_root, at.span, root.diagnostics()))
    theme.logo = *path;
  if (!theme.logo.empty() && theme.logo_alt.empty())
    root.diagnostics().error(at.span, "the logo has no alternate text (`logo_alt`)",
        {"add `logo_alt: <what the logo shows>` beside `logo`: tagged PDF needs it for screen readers"});
}

// A BCP 47 tag as PDF's /Lang takes it: letters, digits and hyphens, starting with 2-3 letters.
bool valid_language(const std::string& tag) {
  if (tag.size() < 2 || tag.size() > 35) return false;
  size_t letters = 0;
  while (letters < tag.size() && std::isalpha(static_cast<unsigned char>(tag[letters]))) ++letters;
  if (letters < 2 || letters > 3) return false;
  for (size_t i = letters; i < tag.size(); ++i) {
    const auto ch = static_cast<unsigned char>(tag[i]);
    if (!std::isalnum(ch) && ch != '-') return false;
    if (ch == '-' && (i + 1 == tag.size() || tag[i + 1] == '-')) return false;
  }
  return true;
}

void read_pdf(const TreeReader& root, Theme& theme) {
  if (auto language = root.text("language", "write a BCP 47 language tag, e.g. `language: en-GB`")) {
    if (valid_language(*language)) theme.language = *language;
    else
      root.diagnostics().error(root.get("language")->span, "`language` is not a BCP 47 language tag",
          {"write e.g. `language: en`, `language: en-GB` or `language: fr`"});
  }
  if (auto standard = root.choice("pdf_standard", {"none", "pdfa-2b"}))
    theme.pdf_standard = *standard == "pdfa-2b" ? PdfStandard::pdfa_2b : PdfStandard::none;
}

void read_bibliography(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("bibliography"), "bibliography", {"fields", "order"}, root.diagnostics());
  if (!r.valid()) return;
  if (auto fields = r.texts("fields", "write `fields: [originator, title, type, published, passages, accessed]`")) {
    const auto& known = bibliography_field_names();
    std::vector<std::string> ok;
    const Node& list = *r.get("fields");
    for (size_t i = 0; i < fields->size(); ++i) {
      const std::string& field = (*fields)[i];
      const Node& at = list.kind == Node::Kind::list ? list.items[i] : list;
      if (std::find(known.begin(), known.end(), field) == known.end()) {
        std::vector<std::string> hints;
        if (auto hint = did_you_mean(field, known); !hint.empty()) hints.push_back(std::move(hint));
        std::string all;
        for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
        hints.push_back("fields: " + all);
        r.error(at, fmt::format("unknown bibliography field `{}`", field), std::move(hints));
        continue;
      }
      if (std::find(ok.begin(), ok.end(), field) != ok.end()) {
        r.error(at, fmt::format("bibliography field `{}` is listed twice", field), {"remove one of the two"});
        continue;
      }
      ok.push_back(field);
    }
    theme.bibliography_fields = std::move(ok);
  }
  if (auto order = r.choice("order", {"cited", "originator", "published"}))
    theme.bibliography_order = *order == "originator" ? BibliographyOrder::originator
        : *order == "published"                       ? BibliographyOrder::published
                                                      : BibliographyOrder::cited;
}

void read_markings(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("markings"), "markings", {"clearance", "banner", "portion_marks", "release_statement"},
      root.diagnostics());
  if (!r.valid()) return;
  if (auto clearance = r.text("clearance", "write a level id from the marking table, e.g. `clearance: official-use`")) {
    if (is_level_id(*clearance)) theme.clearance = *clearance;
    else
      r.error(*r.get("clearance"), fmt::format("invalid clearance `{}`", *clearance),
          {"write the id of a level from the marking table (lowercase letters, digits, `-`), e.g. `official-use`"});
  }
  if (auto banner = r.boolean("banner")) theme.banner = *banner;
  if (auto marks = r.boolean("portion_marks")) theme.portion_marks = *marks;
  if (auto statement = r.text("release_statement")) theme.release_statement = *statement;
}

void read_sections(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("sections"), "sections", {"include", "limits"}, root.diagnostics());
  if (!r.valid()) return;
  if (auto include = r.texts("include", "write `include: [summary, key_judgments, recommendations]`")) {
    const Node& list = *r.get("include");
    std::vector<std::string> kinds;
    for (size_t i = 0; i < include->size(); ++i) {
      const std::string& kind = (*include)[i];
      if (std::find(kind_names().begin(), kind_names().end(), kind) == kind_names().end()) {
        std::vector<std::string> hints;
        if (auto hint = did_you_mean(kind, kind_names()); !hint.empty()) hints.push_back(std::move(hint));
        hints.emplace_back("kinds: passages, quotes, summary, key_judgments, recommendations, key_figures, bibliography");
        r.error(list.kind == Node::Kind::list ? list.items[i] : list, fmt::format("unknown section kind `{}`", kind),
            std::move(hints));
        continue;
      }
      kinds.push_back(kind);
    }
    theme.sections = std::move(kinds);
  }
  const TreeReader limits(r.get("limits"), "sections.limits", kind_names(), root.diagnostics());
  if (!limits.valid()) return;
  for (const auto& kind : limits.keys())
    if (std::find(kind_names().begin(), kind_names().end(), kind) != kind_names().end())
      if (auto n = limits.integer(kind, 1, 100)) theme.section_limits[kind] = static_cast<int>(*n);
}

void read_slides(const TreeReader& root, Theme& theme) {
  const TreeReader r(root.get("slides"), "slides", {"min_size", "max_bullets", "max_words"}, root.diagnostics());
  if (auto v = r.length("min_size", 6, 100)) theme.slide_min_size = *v;
  if (auto v = r.integer("max_bullets", 1, 20)) theme.slide_max_bullets = static_cast<int>(*v);
  if (auto v = r.integer("max_words", 3, 200)) theme.slide_max_words = static_cast<int>(*v);
}

} // namespace

const std::vector<std::string>& bibliography_field_names() {
  static const std::vector<std::string> k_fields{"originator", "title", "type", "published", "passages",
      "accessed", "url", "descriptor", "marking"};
  return k_fields;
}

void read_theme(const Node& merged, const std::filesystem::path& project_root, Theme& theme, Diagnostics& diags) {
  const TreeReader root(&merged, "template", {"extends", "description", "format", "audience", "page", "alignment",
      "line_breaking", "styles", "colors", "header", "footer", "cover", "toc", "logo", "logo_alt", "language",
      "pdf_standard", "citations", "bibliography",
      "source_descriptors", "sources_summary", "quote_passages", "markings", "max_pages", "sections", "slides"},
      diags);
  if (!root.valid()) return;
  if (auto description = root.text("description")) theme.description = *description;
  if (auto format = root.choice("format", {"brief", "slides"})) theme.format = *format;
  if (auto audience = root.text("audience")) theme.audience = *audience;
  read_page(root, theme);
  if (auto alignment = root.choice("alignment", {"justified", "ragged"}))
    theme.alignment = *alignment == "ragged" ? Alignment::ragged : Alignment::justified;
  read_line_breaking(root, theme.line_breaking);
  read_styles(root, theme);
  read_colors(root, theme);
  read_running_line(root, "header", theme.header);
  read_running_line(root, "footer", theme.footer);
  if (auto cover = root.boolean("cover")) theme.cover = *cover;
  if (auto toc = root.boolean("toc")) theme.toc = *toc;
  read_logo(root, project_root, theme);
  read_pdf(root, theme);
  if (auto citations = root.choice("citations", {"brackets", "superscript", "footnotes"}))
    theme.citations = *citations == "superscript" ? CitationStyle::superscript
        : *citations == "footnotes"               ? CitationStyle::footnotes
                                                  : CitationStyle::brackets;
  read_bibliography(root, theme);
  if (auto v = root.boolean("source_descriptors")) theme.source_descriptors = *v;
  if (auto v = root.boolean("sources_summary")) theme.sources_summary = *v;
  if (auto v = root.boolean("quote_passages")) theme.quote_passages = *v;
  read_markings(root, theme);
  if (auto pages = root.integer("max_pages", 0, 1000)) theme.max_pages = static_cast<int>(*pages);
  read_sections(root, theme);
  read_slides(root, theme);
}

} // namespace brief::theme
