#include "schedule/freshness.hpp"
#include "corpus/ingest.hpp"

#include "base/hash.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>

namespace brief::schedule {

namespace fs = std::filesystem;

fs::path state_dir(const fs::path& output_dir) { return output_dir / ".brief"; }

OutputPaths output_paths(const fs::path& output_dir, const std::string& name) {
  std::string stem = name;
  if (stem.size() > 4 && stem.ends_with(".pdf")) stem.resize(stem.size() - 4);
  return OutputPaths{output_dir / name, output_dir / (name + ".manifest.json"),
      output_dir / (stem + ".trace.txt"), state_dir(output_dir) / (name + ".lock"),
      output_dir / ("." + name + ".failed.json"), output_dir / (stem + ".failed.trace.txt")};
}

std::optional<std::string> read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (in.bad()) return std::nullopt;
  return bytes;
}

std::optional<std::string> HashCache::hash_file(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status)) return std::nullopt;
  const auto size = fs::file_size(path, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(path, ec);
  if (ec) return std::nullopt;
  const std::string key = path.generic_string();
  {
    std::lock_guard lock(m_mutex);
    const auto it = m_files.find(key);
    if (it != m_files.end() && it->second.size == size && it->second.mtime == mtime)
      return it->second.hash;
  }
  // Hash outside the lock: two workers may hash the same file once each, which is harmless.
  auto bytes = read_whole_file(path);
  if (!bytes) return std::nullopt;
  std::string hash = sha256_hex(*bytes);
  std::lock_guard lock(m_mutex);
  m_files[key] = Entry{size, mtime, hash};
  return hash;
}

const std::vector<FileHash>& HashCache::corpus_listing(const fs::path& dir) {
  const std::string key = dir.generic_string();
  {
    std::lock_guard lock(m_mutex);
    const auto it = m_listings.find(key);
    if (it != m_listings.end()) return it->second;
  }
  std::vector<FileHash> listing;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto& entry = *it;
    const std::string filename = entry.path().filename().string();
    if (!filename.empty() && filename.front() == '.') {
      if (entry.is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file() || !corpus::is_source_file(entry.path())) continue;
    if (auto hash = hash_file(entry.path()))
      listing.push_back(FileHash{entry.path().lexically_normal().generic_string(), *hash});
    // A source's metadata may live in its sidecar: a changed sidecar changes the source.
    const auto sidecar = corpus::sidecar_path(entry.path());
    std::error_code sidecar_ec;
    if (fs::is_regular_file(sidecar, sidecar_ec)) {
      if (auto hash = hash_file(sidecar)) listing.push_back(FileHash{sidecar.lexically_normal().generic_string(), *hash});
    }
  }
  std::sort(listing.begin(), listing.end(),
      [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
  std::lock_guard lock(m_mutex);
  // Node-based map: the reference stays valid while other folders are added.
  return m_listings.try_emplace(key, std::move(listing)).first->second;
}

fs::path aliases_path(const std::string& corpus_dir) { return fs::path(corpus_dir) / "aliases.yaml"; }
fs::path markings_path(const std::string& corpus_dir) { return fs::path(corpus_dir) / "markings.yaml"; }

std::optional<Manifest> read_manifest(const fs::path& path) {
  const auto text = read_whole_file(path);
  if (!text) return std::nullopt;
  return parse_manifest(*text);
}

namespace {

// A path as messages show it: "./corpus/a.md" -> "corpus/a.md".
std::string shown(const std::string& path) { return fs::path(path).lexically_normal().generic_string(); }

// "templates/analyst.yaml" -> "analyst".
std::string template_label(const std::string& path) { return fs::path(path).stem().string(); }

// Compares recorded (stored path, hash) pairs with the files now; the reason for the first difference.
std::optional<std::string> changed_file(const std::vector<std::pair<std::string, std::string>>& files,
    const fs::path& root, HashCache& cache, const std::function<std::string(const std::string&)>& label) {
  for (const auto& [path, hash] : files) {
    const auto now = cache.hash_file(disk_path(path, root));
    if (!now) return fmt::format("{} is missing", label(path));
    if (*now != hash) return fmt::format("{} changed", label(path));
  }
  return std::nullopt;
}

// A file named only by hash in Inputs (aliases, markings): "" means it did not exist.
std::optional<std::string> changed_optional_file(const std::string& stored, const fs::path& root,
    const std::string& hash, HashCache& cache) {
  const auto now = cache.hash_file(disk_path(stored, root));
  const std::string current = now ? *now : std::string();
  if (current == hash) return std::nullopt;
  if (hash.empty()) return fmt::format("{} added", shown(stored));
  if (!now) return fmt::format("{} removed", shown(stored));
  return fmt::format("{} changed", shown(stored));
}

std::optional<std::string> changed_corpus(const std::vector<FileHash>& recorded,
    const std::vector<FileHash>& now) {
  if (recorded == now) return std::nullopt;
  std::map<std::string, std::string> before;
  for (const auto& file : recorded) before[file.path] = file.hash;
  std::set<std::string> seen;
  for (const auto& file : now) {
    seen.insert(file.path);
    const auto it = before.find(file.path);
    if (it == before.end()) return fmt::format("{} added", file.path);
    if (it->second != file.hash) return fmt::format("{} changed", file.path);
  }
  for (const auto& file : recorded)
    if (!seen.contains(file.path)) return fmt::format("{} removed", file.path);
  return "corpus changed";
}

} // namespace

FreshnessCheck check_freshness(const OutputJob& job, const std::optional<Manifest>& manifest,
    const OutputPaths& paths, HashCache& cache) {
  if (!manifest) return {false, "no manifest"};
  if (manifest->brief_version != BRIEF_VERSION)
    return {false, fmt::format("brief version changed ({} -> {})", manifest->brief_version, BRIEF_VERSION)};
  const JobSettings now = settings_of(job);
  if (manifest->job != now) {
    if (manifest->job.template_name != now.template_name)
      return {false, fmt::format("template changed from {} to {}", manifest->job.template_name,
                         now.template_name)};
    return {false, "build settings changed"};
  }
  std::error_code ec;
  const auto size = fs::file_size(paths.pdf, ec);
  if (ec) return {false, "pdf missing"};
  if (size != manifest->bytes) return {false, "pdf modified"};

  // Recorded paths are relative to the project (stored_path); judge the files of this project.
  const fs::path& root = job.project_root;
  const auto& inputs = manifest->inputs;
  const auto spec_hash = cache.hash_file(disk_path(inputs.spec_path, root));
  if (!spec_hash || *spec_hash != inputs.spec_hash)
    return {false, fmt::format("spec {} changed", shown(inputs.spec_path))};
  if (auto why = changed_file(inputs.templates, root, cache,
          [](const std::string& p) { return "template " + template_label(p); }))
    return {false, *why};
  if (auto why = changed_file(inputs.documents, root, cache, shown))
    return {false, *why};
  if (!inputs.corpus_dir.empty()) {
    if (auto why = changed_optional_file(aliases_path(inputs.corpus_dir).generic_string(), root,
            inputs.aliases_hash, cache))
      return {false, *why};
    if (auto why = changed_optional_file(markings_path(inputs.corpus_dir).generic_string(), root,
            inputs.markings_hash, cache))
      return {false, *why};
    if (inputs.whole_corpus) {
      std::vector<FileHash> listing = cache.corpus_listing(disk_path(inputs.corpus_dir, root));
      for (auto& file : listing) file.path = stored_path(file.path, root);
      std::sort(listing.begin(), listing.end(), [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
      if (auto why = changed_corpus(manifest->corpus, listing)) return {false, *why};
    }
  }
  if (auto why = changed_file(inputs.fonts, root, cache,
          [](const std::string& p) { return "font " + fs::path(p).filename().string(); }))
    return {false, *why};
  if (auto why = changed_file(inputs.images, root, cache, [](const std::string& p) { return "image " + shown(p); }))
    return {false, *why};

  // Last, as it is the most expensive check: the PDF is what the manifest says it is.
  const auto pdf_hash = cache.hash_file(paths.pdf);
  if (!pdf_hash || *pdf_hash != manifest->sha256) return {false, "pdf modified"};
  if (job.want_trace) {
    const auto trace_hash = cache.hash_file(paths.trace);
    if (!trace_hash) return {false, "trace missing"};
    if (*trace_hash != manifest->trace_sha256) return {false, "trace modified"};
  }
  return {true, {}};
}

} // namespace brief::schedule
