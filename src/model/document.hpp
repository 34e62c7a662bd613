#pragma once
// model: the composed document, independent of any page. compose/ builds it from the spec, the
// digest and the theme; layout/ turns it into pages (a printed brief or a slide deck).
// Every Inline of corpus text sits in a block that also holds its citation marks; compose numbers
// the citations and makes a bibliography entry (with an anchor) for each cited source.

#include <string>
#include <variant>
#include <vector>

namespace brief::model {

struct Inline {
  enum class Kind { text, citation, link };
  Kind kind = Kind::text;
  std::string text;  // for citations: the mark as printed ("[3]" or "3")
  bool bold = false;
  bool italic = false;
  int citation = -1;   // index into Document::citations (Kind::citation)
  std::string target;  // anchor name (Kind::citation, Kind::link) or "uri:..."
};

using Inlines = std::vector<Inline>;

// A plain text run.
inline Inline text_run(std::string text, bool italic = false) {
  Inline run;
  run.text = std::move(text);
  run.italic = italic;
  return run;
}

// One numbered source in the bibliography.
struct Citation {
  int number = 0;
  std::string anchor;               // bibliography entry anchor, "source-3"
  std::string document_id;
  std::vector<std::string> ids;     // passage/sentence ids of this document cited in the brief
  Inlines note;                     // short reference for footnote-style citations
  std::string short_form = {};      // author-date form for slide footers, "ITIC 2020"; "" = from note
};

struct Heading {
  int level = 1;  // 1 = section
  std::string text;
  std::string anchor;  // "section-2"
  bool new_page = false;
  bool in_toc = true;
};

struct Paragraph {
  std::string style = "body";  // theme element
  Inlines inlines;
  std::string portion;  // portion mark, "(U)", or "" when not shown
  Inlines slide_text;   // a short form for slides (e.g. first sentence and its citation); empty = inlines
  std::string anchor;
};

struct ListItem {
  std::string marker;  // "1.", "•"
  Inlines inlines;
  Inlines slide_text;
  std::string anchor;  // bibliography entries carry one
  std::string portion;
};

struct List {
  std::string style = "list";  // "list", "judgments", "recommendations", "bibliography"
  bool ordered = false;
  std::vector<ListItem> items;
};

struct Quote {
  Inlines inlines;
  Inlines attribution;  // "— Originator, Title (date)" with its citation
  Inlines slide_text;
  std::string portion;
};

struct KeyFigure {
  std::string value;  // "5,000-6,000"
  std::string label;  // "ISIS operatives active in Iraq"
  Inlines context;    // the source sentence with its citation
};

struct KeyFigures {
  std::vector<KeyFigure> figures;
};

struct Table {
  std::vector<Inlines> header;
  std::vector<std::vector<Inlines>> rows;
  std::string caption;
};

// Where the table of contents goes (when the theme asks for one).
struct TableOfContents {};

struct PageBreak {};

using Block = std::variant<Heading, Paragraph, List, Quote, KeyFigures, Table, TableOfContents, PageBreak>;

struct Metadata {
  std::string id;
  std::string title;
  std::string subtitle;
  std::string date;  // "YYYY-MM-DD"
  std::string date_display;  // "21 November 2026"
  std::vector<std::string> authors;
  std::string subject;
  std::vector<std::string> keywords;
  std::string banner;             // highest marking included, e.g. "UNCLASSIFIED // PUBLIC"; "" = none
  std::string release_statement;  // "Approved for public release. Distribution unlimited."
  std::string audience;
};

struct Document {
  Metadata meta;
  std::vector<Block> blocks;
  std::vector<Citation> citations;  // index = Inline::citation
};

} // namespace brief::model
