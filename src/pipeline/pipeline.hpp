#pragma once
// One output of one spec, through the whole pipeline, in memory:
//   spec -> corpus -> index -> theme -> select -> analyze -> compose -> layout -> pdf bytes.
// Nothing is written to disk here except the index cache; schedule/ decides what to write.

#include "analyze/digest.hpp"
#include "base/outcome.hpp"
#include "corpus/corpus.hpp"
#include "select/selection.hpp"
#include "briefing/spec.hpp"
#include "theme/theme.hpp"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace brief::pipeline {

// What to build: one (spec, format, template) combination.
struct OutputJob {
  std::filesystem::path spec_path;
  std::filesystem::path project_root = ".";  // templates/ (and the default corpus/) live here
  std::filesystem::path corpus_dir;          // overrides the spec's corpus when not empty
  briefing::OutputFormat format = briefing::OutputFormat::brief;
  std::string template_name;                 // empty = the spec's template
  std::string name;                          // output file name, e.g. "iraq-ct-overview-executive.pdf"
  bool want_trace = false;
  bool write_index_cache = true;  // false: the index is built in memory (brief check writes nothing)
};

// A cited passage or sentence and a hash of its text, for citation-drift checks.
struct CitedText {
  std::string id;
  std::string text_hash;
  bool explicit_id = false;  // named by id in the spec (must not change silently)
  std::string text;          // the cited text itself when explicit_id, so drift can show what changed
};

// Everything an output was made from, with content hashes, for cache keys and manifests.
struct Inputs {
  std::string spec_path, spec_hash;
  std::vector<std::pair<std::string, std::string>> templates;  // path, hash (most derived first)
  std::vector<std::pair<std::string, std::string>> documents;  // corpus document path, hash
  // True when the output's selection ranged over the whole corpus (queries, summaries), so a
  // document added to or removed from the corpus makes it stale; false when it only read `documents`.
  bool whole_corpus = true;
  std::string corpus_dir;
  std::vector<std::pair<std::string, std::string>> fonts;      // font file path, hash
  std::vector<std::pair<std::string, std::string>> images;     // logo path, hash
  std::string aliases_hash, markings_hash;
};

struct BuiltOutput {
  std::string pdf;    // the PDF bytes
  std::string trace;  // layout trace, when asked for
  size_t pages = 0;
  Inputs inputs;
  std::vector<CitedText> cited;
  std::string banner;  // the marking actually applied
};

// The stages up to analysis, for one output: what `brief explain` shows and build_output lays out.
struct Prepared {
  briefing::BriefSpec spec;
  corpus::Corpus corpus;
  theme::Theme theme;
  std::string template_name;
  select::Selection selection;
  analyze::Digest digest;
};

Outcome<Prepared> prepare(const OutputJob& job);

// Runs the pipeline for one output. Diagnostics (errors and warnings) come back with the value.
// A failed output has no value, except a brief over its template's page limit built with
// want_trace: its value then holds the trace of the layout that did not fit, and no PDF.
Outcome<BuiltOutput> build_output(const OutputJob& job);
// The stages after analysis, from what prepare(job) gave. Inputs hold the hashes of the bytes
// each stage read when it read them, so files changed after prepare() are recorded as they were.
Outcome<BuiltOutput> build_output(const OutputJob& job, Outcome<Prepared> prepared);


} // namespace brief::pipeline
