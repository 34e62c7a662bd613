#pragma once
// theme: template name + search path -> Theme.
//
// Templates are YAML files (`templates/NAME.yaml`) that may `extends:` another template. Merge rule:
// mappings merge key by key (the child wins), lists and scalars replace; an empty value (`logo: ~`)
// replaces too and means "the default". Search path: the project's `templates/`, then each
// $BRIEF_TEMPLATE_PATH entry, then ~/.config/brief/templates, then /usr/local/share/brief/templates.
// The merged tree is validated (unknown keys with did-you-mean, colours, sizes, font families
// installed, logo file present and inside the allowed folders) and read into a Theme with defaults
// for everything not given. Every error points at the file, line and column where the offending
// key or value was written, whichever file of the chain that is. templates/base.yaml documents
// every key.

#include "base/outcome.hpp"
#include "base/source.hpp"
#include "theme/line_breaking.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace brief::theme {

struct Rgb {
  double r = 0, g = 0, b = 0;  // 0..1
};

enum class Weight { regular, bold };
enum class Slant { upright, italic };

// How one kind of text looks.
struct TextStyle {
  std::string family = "Charis SIL";
  double size = 10.5;     // pt
  double leading = 1.3;   // line height as a multiple of size
  Weight weight = Weight::regular;
  Slant slant = Slant::upright;
  Rgb color{0.1, 0.1, 0.1};
  double space_before = 0;  // pt
  double space_after = 0;   // pt
  bool uppercase = false;
  double letter_spacing = 0;  // pt
};

enum class CitationStyle { brackets, superscript, footnotes };
enum class BibliographyOrder { cited, originator, published };
enum class Alignment { justified, ragged };

struct PageSetup {
  double width = 595.276;   // pt (A4)
  double height = 841.89;
  double margin_top = 72, margin_right = 68, margin_bottom = 72, margin_left = 68;
  int columns = 1;
  double column_gap = 18;
};

// A running header or footer line: left/center/right texts with placeholders {title}, {section},
// {page}, {pages}, {date}, {banner}.
struct RunningLine {
  std::string left, center, right;
  bool enabled = true;
};

// What the PDF claims to conform to beyond tagged PDF 1.7: nothing more, or PDF/A-2b (archival).
enum class PdfStandard { none, pdfa_2b };

struct Theme {
  std::string name;
  std::vector<std::filesystem::path> chain;  // files merged, most derived first
  // sha256 of each file of `chain` as it was read (not as it is on disk later).
  std::vector<std::string> chain_hashes;
  std::string format = "brief";              // "brief" or "slides"
  std::string audience;                      // "analyst", "executive", "public", "briefing room"
  std::string description;
  PageSetup page;
  Alignment alignment = Alignment::justified;
  LineBreaking line_breaking;

  // Text styles by element (style_elements() lists them: body, title, subtitle, byline, h1, h2, h3,
  // bluf, quote, attribution, list, table, table_header, caption, citation, footnote, descriptor,
  // sources_summary, bibliography, header, footer, banner, portion_mark, release_statement, toc,
  // figure_value, figure_label, slide_title, slide_subtitle, slide_body, slide_quote, slide_figure,
  // slide_footer). Holds body and every element some template of the chain styles; style() falls
  // back to body for the rest.
  std::map<std::string, TextStyle> styles;
  const TextStyle& style(const std::string& element) const;

  Rgb accent{0.12, 0.23, 0.42};
  Rgb rule{0.6, 0.6, 0.6};
  Rgb background{1, 1, 1};

  RunningLine header;
  RunningLine footer;
  bool cover = false;
  bool toc = false;
  std::filesystem::path logo;  // empty = none; resolved, inside the allowed roots
  std::string logo_alt;        // the logo's alternate description (required with a logo: tagged PDF)
  std::string language = "en"; // BCP 47 language of the text, the PDF's /Lang
  PdfStandard pdf_standard = PdfStandard::none;  // archival conformance of the output
  CitationStyle citations = CitationStyle::brackets;
  std::vector<std::string> bibliography_fields;  // order of fields in a bibliography entry
  BibliographyOrder bibliography_order = BibliographyOrder::cited;
  bool source_descriptors = true;
  bool sources_summary = true;  // a sources summary statement before the bibliography
  bool quote_passages = true;   // show passages as block quotes with attribution

  // Releasability: the audience's clearance (a marking level id) and how markings are shown.
  std::string clearance = "public";
  bool banner = true;
  bool portion_marks = false;
  std::string release_statement;  // shown instead of banners when not empty
  int max_pages = 0;              // 0 = no limit (executive: 2)

  // Section kinds this audience gets (empty = all) and per-kind default limits.
  std::vector<std::string> sections;
  std::map<std::string, int> section_limits;

  // Slides.
  double slide_min_size = 18;   // smallest body size when shrinking to fit
  int slide_max_bullets = 5;
  int slide_max_words = 30;     // per bullet before shortening

  // The merged YAML, for `brief templates show`.
  std::string merged_yaml;
};

// The elements `styles:` may name, in the order base.yaml lists them.
const std::vector<std::string>& style_elements();

// The fields a bibliography entry may show (`bibliography.fields`).
const std::vector<std::string>& bibliography_field_names();

// Where templates are looked up, in order.
std::vector<std::filesystem::path> default_search_path(const std::filesystem::path& project_root);

struct TemplateInfo {
  std::string name;
  std::filesystem::path path;
  std::string extends;
  std::string description;
};

// All templates on the search path (the first of each name wins), sorted by name.
std::vector<TemplateInfo> list(const std::vector<std::filesystem::path>& search_path);

// Loads and validates a template by name. `span` is where the name was written (spec or CLI).
// A logo must lie inside the directory of the template file that names it.
Outcome<Theme> load(const std::string& name, const std::vector<std::filesystem::path>& search_path,
    const Span& span = {});

// As above; a logo may also lie anywhere inside `project_root`.
Outcome<Theme> load(const std::string& name, const std::vector<std::filesystem::path>& search_path,
    const Span& span, const std::filesystem::path& project_root);

} // namespace brief::theme
