#pragma once
// spec: YAML briefing spec -> BriefSpec.
//
// Takes: the text of a spec file. Gives: a typed BriefSpec in which every value keeps the Span it
// came from, so later stages (select, build) can point errors at file:line:col. Parsing checks
// structure and types (unknown keys with did-you-mean, wrong types, out-of-range values);
// whether passage ids exist is checked by select/, which has the corpus.
//
// Format (see README "Spec format"):
//   id, title, subtitle, date (YYYY-MM-DD), authors, template, corpus, classification?,
//   outputs: [{format: brief|slides|slides-handout, template: NAME}],
//   sections: [{title, <kind>: <options>, new_page?, repeat?}]
// where <kind> is one of passages, quotes, summary, key_judgments, recommendations, key_figures,
// bibliography.

#include "base/outcome.hpp"
#include "base/source.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace brief::spec {

enum class SectionKind { passages, quotes, summary, key_judgments, recommendations, key_figures, bibliography };

// The spec's name for a kind ("key_judgments").
std::string_view kind_name(SectionKind kind);

struct PassageRef {
  std::string id;  // "doc#p7" or "doc#p7.s2"
  Span span;
};

// Which part of the corpus a section draws on. Empty fields mean "no restriction".
struct Selector {
  std::string query;  // full-text query; empty = every passage of the chosen documents
  Span query_span;
  std::vector<std::string> documents;
  std::vector<Span> document_spans;
  std::vector<std::string> types;
  std::string from;  // published on or after, "YYYY[-MM[-DD]]"
  std::string to;    // published on or before
  std::vector<PassageRef> ids;  // explicit passages or sentences
};

enum class Order { source, salience };

struct Section {
  std::string title;
  Span span;  // the section's mapping
  SectionKind kind = SectionKind::passages;
  Span kind_span;  // the kind key
  Selector selector;
  std::optional<int> limit;      // passages, recommendations, key judgments, figures
  std::optional<int> sentences;  // summary length in sentences
  std::optional<int> words;      // or in words
  Order order = Order::salience;
  bool new_page = false;  // start the section on a new page
  bool repeat = false;    // allow passages already placed by an earlier section
};

enum class OutputFormat { brief, slides, slides_handout };

std::string_view format_name(OutputFormat format);

struct Output {
  OutputFormat format = OutputFormat::brief;
  std::string template_name;  // empty = the spec's template
  Span span;
};

struct BriefSpec {
  SourceFilePtr source;
  std::string id;  // also the output file stem; [a-z0-9][a-z0-9._-]*
  Span id_span;
  std::string title;
  std::string subtitle;
  std::string date;  // "YYYY-MM-DD"
  std::vector<std::string> authors;
  std::string template_name = "analyst";
  Span template_span;
  std::string corpus;  // corpus folder, relative to the spec file; empty = default
  Span corpus_span;
  std::vector<Output> outputs;  // empty = one brief with `template_name`
  std::vector<Section> sections;
};

// Parses a spec from a source file.
Outcome<BriefSpec> parse(const SourceFilePtr& file);

// Reads and parses the spec at `path`.
Outcome<BriefSpec> load(const std::filesystem::path& path);

} // namespace brief::spec
