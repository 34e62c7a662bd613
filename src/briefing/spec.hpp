#pragma once
// spec: YAML briefing spec -> BriefSpec.
//
// Takes: the text of a spec file. Gives: a typed BriefSpec in which every value keeps the Span it
// came from, so later stages (select, build) can point errors at file:line:col. Parsing checks
// structure and types (unknown keys with did-you-mean, wrong types, out-of-range values);
// whether passage ids exist is checked by select/, which has the corpus.
//
// Format (the README's "Spec format" section is this text):
//
//   id: iraq-ct-overview        # required; [a-z0-9][a-z0-9._-]*, at most 100 characters, no "..";
//                               # also the output file stem, so it can never name a path
//   title: Countering ISIS in Iraq            # required, not empty
//   subtitle: Progress, persistent threats    # optional
//   date: 2026-11-21            # optional; YYYY-MM-DD and a real calendar date
//   authors: [Counter-Terrorism Analysis Cell]  # optional; a list, or one name
//   template: analyst           # optional, default `analyst`; [a-z0-9][a-z0-9_-]* (a name, not a path)
//   corpus: ../corpus           # optional; relative to the spec file
//   outputs:                    # optional; default: one brief with `template`
//     - template: analyst                        # format defaults to brief
//     - { format: slides, template: briefing-dark }
//                               # format: brief | slides | slides-handout; template defaults to the
//                               # spec's; two outputs with the same format and template are an error
//   sections:                   # required, at least one
//     - title: Bottom line up front             # required, not empty
//       summary: { query: "...", sentences: 3, order: salience }
//       new_page: true          # optional: start the section on a new page
//       repeat: true            # optional: may reuse passages placed by earlier sections
//
// Each section has `title` and exactly one kind key. Kinds and the options each takes:
//   passages, quotes     query, documents, types, from, to, ids, limit, order
//   summary              query, documents, types, from, to, ids, sentences | words, order
//   key_judgments, recommendations, key_figures
//                        query, documents, types, from, to, ids, limit
//   bibliography         `true` only (lists every source the brief cites)
// Option values: query is full-text search text; documents and types are lists (or one item);
// from/to are YYYY, YYYY-MM or YYYY-MM-DD with from <= to; ids are passage ids `doc#p7` or sentence
// ids `doc#p7.s2`; limit, sentences 1..100; words 1..5000; order is source | salience (default
// salience). Whether ids and documents exist is checked by select/, against the corpus.
// Shorthands: a string is the query (`passages: "sleeper cells"`); a list is `ids` (passages and
// quotes only); `true` or an empty value means the kind's defaults.
// Errors are diagnostics at file:line:col, each with a hint, all collected in one pass (only a YAML
// syntax error stops at once).

#include "base/names.hpp"
#include "base/outcome.hpp"
#include "base/source.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace brief::briefing {

// Section kinds and output formats, with their names, live in base/names.hpp.
using brief::all_kinds;
using brief::format_name;
using brief::kind_name;
using brief::OutputFormat;
using brief::SectionKind;

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
  Span title_span;
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
  std::string date;  // "YYYY-MM-DD"; empty = not given (the build then uses SOURCE_DATE_EPOCH)
  Span date_span;
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

} // namespace brief::briefing
