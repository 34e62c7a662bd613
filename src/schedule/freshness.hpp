#pragma once
// Deciding whether an output is up to date without running the pipeline: re-hash what its
// manifest says it was made from and compare. File hashes are cached by (path, size, mtime) for
// the length of one run, so a font or a corpus document shared by a hundred outputs is read once.

#include "schedule/manifest.hpp"

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace brief::schedule {

// Where the files of one output live in the output folder.
struct OutputPaths {
  std::filesystem::path pdf;       // <name>
  std::filesystem::path manifest;  // <name>.manifest.json
  std::filesystem::path trace;     // <stem>.trace.txt
  std::filesystem::path lock;      // .brief/<name>.lock (state_dir)
  std::filesystem::path failure;   // .<name>.failed.json
  std::filesystem::path failed_trace;  // <stem>.failed.trace.txt: the layout of a failed build
};
// The private state folder inside the output folder, `.brief/`: lock files live there, so the
// folder people share (and copy, and attach) holds only outputs, manifests and traces. Not the
// XDG runtime folder: that is per user, and two users (or cron and a person) building one shared
// output folder must take the same lock.
std::filesystem::path state_dir(const std::filesystem::path& output_dir);
OutputPaths output_paths(const std::filesystem::path& output_dir, const std::string& name);

// Thread-safe cache of file content hashes for one run.
class HashCache {
public:
  // sha256 of the file's bytes, or nullopt when it cannot be read (missing, a folder, ...).
  std::optional<std::string> hash_file(const std::filesystem::path& path);
  // Every source under `dir` (corpus::is_source_file, skipping hidden folders, as corpus::load
  // does) and its sidecar, with their hashes, sorted by path. Listed once per folder per run.
  const std::vector<FileHash>& corpus_listing(const std::filesystem::path& dir);

private:
  struct Entry {
    uintmax_t size = 0;
    std::filesystem::file_time_type mtime;
    std::string hash;
  };
  std::mutex m_mutex;
  std::map<std::string, Entry> m_files;
  std::map<std::string, std::vector<FileHash>> m_listings;
};

// The corpus files every output depends on but which Inputs names only by hash.
std::filesystem::path aliases_path(const std::string& corpus_dir);
std::filesystem::path markings_path(const std::string& corpus_dir);

struct FreshnessCheck {
  bool fresh = false;
  std::string reason;  // why not, e.g. "corpus/x.md changed"; "" when fresh
};

// Compares `manifest` (absent = never built) with the job and the files on disk now.
FreshnessCheck check_freshness(const OutputJob& job, const std::optional<Manifest>& manifest,
    const OutputPaths& paths, HashCache& cache);

// Reads and parses a manifest; nullopt when absent or unreadable.
std::optional<Manifest> read_manifest(const std::filesystem::path& path);

// Reads a whole file; nullopt when it cannot be read.
std::optional<std::string> read_whole_file(const std::filesystem::path& path);

} // namespace brief::schedule
