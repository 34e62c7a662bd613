#pragma once
// build: specs x outputs -> PDFs on disk. Runs the whole pipeline for each output (corpus, index,
// select, analyze, compose, layout, pdf), in parallel, skipping outputs whose inputs are unchanged
// (content-hash keys), writing every file atomically and recording a manifest per output.

#include "base/outcome.hpp"
#include "spec/spec.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace brief::build {

struct Plan {
  std::vector<std::filesystem::path> specs;
  std::filesystem::path output_dir = "output";
  std::filesystem::path project_root = ".";  // templates/ and corpus/ are found from here
  std::filesystem::path corpus_dir;          // overrides the spec's corpus when not empty
  std::vector<std::string> templates;        // --template: overrides the spec's outputs
  std::string format;                        // --format: brief, slides, slides-handout
  bool trace = false;                        // also write <name>.trace.txt
  bool force = false;
  bool strict = false;                       // citation drift is an error
  bool dry_run = false;                      // check only (brief check)
  int jobs = 0;                              // 0 = number of cores
};

enum class Status { built, up_to_date, failed, checked };

struct OutputResult {
  std::string spec;  // path of the spec
  std::string name;  // output file name, e.g. "iraq-ct-overview-executive.pdf"
  Status status = Status::failed;
  Diagnostics diagnostics;
  double seconds = 0;
  size_t pages = 0;
  size_t bytes = 0;
};

struct Report {
  std::vector<OutputResult> outputs;
  bool ok() const;
};

Report run(const Plan& plan);

} // namespace brief::build
