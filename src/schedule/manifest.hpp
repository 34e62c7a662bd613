#pragma once
// The manifest written beside each output (`output/<name>.manifest.json`): what the PDF was made
// from, with content hashes, so the next run can tell without running the pipeline whether it is
// still up to date, and which cited passages changed since. Keys are sorted and there are no
// timestamps, so the same build gives the same bytes.

#include "schedule/job.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief::schedule {

struct FileHash {
  std::string path;
  std::string hash;
  bool operator==(const FileHash&) const = default;
};

// The job settings an output was built with; a change means a rebuild.
struct JobSettings {
  std::string spec;
  std::string name;
  std::string format;         // briefing::format_name spelling
  std::string template_name;  // as resolved from the spec or the command line
  std::string corpus_dir;     // the --corpus override, "" if none
  bool trace = false;
  bool operator==(const JobSettings&) const = default;
};

struct Manifest {
  std::string brief_version;
  JobSettings job;
  std::string key;  // sha256 over version, job settings and every input hash
  Inputs inputs;
  // Every corpus document (path, hash) when inputs.whole_corpus, sorted by path.
  std::vector<FileHash> corpus;
  std::vector<CitedText> cited;  // sorted by id
  std::string sha256;            // of the PDF
  size_t bytes = 0;
  size_t pages = 0;
  std::string banner;
  std::string trace_sha256;  // "" when no trace was written
};

// The settings of `job`, with its spec and --corpus paths as stored_path spells them.
JobSettings settings_of(const OutputJob& job);

// Manifests record paths relative to the project root when the file lies inside the project, so
// a copied or moved project judges its outputs against its own files; a path outside the project
// (system fonts, shipped templates, a corpus elsewhere) stays absolute. The same file gives the
// same spelling whether brief was given `briefs/x.yaml` or `/abs/project/briefs/x.yaml`.
std::string stored_path(const std::filesystem::path& path, const std::filesystem::path& project_root);
// The file a stored path names now: relative paths are taken from `project_root`.
std::filesystem::path disk_path(const std::string& stored, const std::filesystem::path& project_root);
// Every path of the manifest's inputs and corpus listing through stored_path.
Manifest with_stored_paths(Manifest manifest, const std::filesystem::path& project_root);

// The cache key: sha256 over the version, the job settings and every recorded input hash.
std::string compute_key(const Manifest& manifest);

std::string manifest_json(const Manifest& manifest);
// nullopt when the text is not a manifest this version can read (treated as "no manifest").
std::optional<Manifest> parse_manifest(std::string_view text);

} // namespace brief::schedule
