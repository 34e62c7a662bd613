#include "schedule/manifest.hpp"

#include "base/hash.hpp"

#include <nlohmann/json.hpp>

namespace brief::schedule {

namespace {

using Json = nlohmann::json;

// Bumped when the manifest layout changes; older manifests then read as "no manifest".
constexpr int k_manifest_schema = 1;

Json pairs_json(const std::vector<std::pair<std::string, std::string>>& pairs) {
  Json list = Json::array();
  for (const auto& [path, hash] : pairs) list.push_back({{"path", path}, {"hash", hash}});
  return list;
}

Json files_json(const std::vector<FileHash>& files) {
  Json list = Json::array();
  for (const auto& file : files) list.push_back({{"path", file.path}, {"hash", file.hash}});
  return list;
}

std::vector<std::pair<std::string, std::string>> pairs_from(const Json& list) {
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& item : list)
    pairs.emplace_back(item.at("path").get<std::string>(), item.at("hash").get<std::string>());
  return pairs;
}

void feed_pairs(Sha256& hash, std::string_view what,
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  hash.field(what).field(std::to_string(pairs.size()));
  for (const auto& [path, digest] : pairs) hash.field(path).field(digest);
}

} // namespace

JobSettings settings_of(const OutputJob& job) {
  return JobSettings{stored_path(job.spec_path, job.project_root), job.name,
      std::string(format_name(job.format)), job.template_name,
      job.corpus_dir.empty() ? std::string() : stored_path(job.corpus_dir, job.project_root), job.want_trace};
}

std::string stored_path(const std::filesystem::path& path, const std::filesystem::path& project_root) {
  namespace fs = std::filesystem;
  if (path.empty()) return {};
  std::error_code ec;
  const fs::path absolute_path = fs::absolute(path, ec).lexically_normal();
  if (ec) return path.lexically_normal().generic_string();
  const fs::path root = fs::absolute(project_root.empty() ? fs::path(".") : project_root, ec).lexically_normal();
  if (ec) return absolute_path.generic_string();
  const fs::path relative = absolute_path.lexically_relative(root);
  const bool inside = !relative.empty() && *relative.begin() != "..";
  return inside ? relative.generic_string() : absolute_path.generic_string();
}

std::filesystem::path disk_path(const std::string& stored, const std::filesystem::path& project_root) {
  const std::filesystem::path path(stored);
  if (stored.empty() || path.is_absolute()) return path;
  return (project_root / path).lexically_normal();
}

Manifest with_stored_paths(Manifest manifest, const std::filesystem::path& project_root) {
  auto& inputs = manifest.inputs;
  auto store = [&](std::string& path) { path = stored_path(path, project_root); };
  store(inputs.spec_path);
  store(inputs.corpus_dir);
  for (auto* list : {&inputs.templates, &inputs.documents, &inputs.fonts, &inputs.images})
    for (auto& entry : *list) store(entry.first);
  for (auto& file : manifest.corpus) store(file.path);
  return manifest;
}

std::string compute_key(const Manifest& manifest) {
  Sha256 hash;
  hash.field("brief-output-key-1").field(manifest.brief_version);
  const auto& job = manifest.job;
  hash.field(job.spec).field(job.name).field(job.format).field(job.template_name)
      .field(job.corpus_dir).field(job.trace ? "trace" : "no-trace");
  const auto& inputs = manifest.inputs;
  hash.field(inputs.spec_path).field(inputs.spec_hash);
  feed_pairs(hash, "templates", inputs.templates);
  feed_pairs(hash, "documents", inputs.documents);
  feed_pairs(hash, "fonts", inputs.fonts);
  feed_pairs(hash, "images", inputs.images);
  hash.field(inputs.corpus_dir).field(inputs.aliases_hash).field(inputs.markings_hash);
  hash.field(inputs.whole_corpus ? "whole-corpus" : "listed-documents");
  hash.field(std::to_string(manifest.corpus.size()));
  for (const auto& file : manifest.corpus) hash.field(file.path).field(file.hash);
  return hash.hex();
}

std::string manifest_json(const Manifest& manifest) {
  const auto& inputs = manifest.inputs;
  Json cited = Json::array();
  for (const auto& c : manifest.cited) {
    Json entry = {{"id", c.id}, {"text_hash", c.text_hash}, {"explicit", c.explicit_id}};
    // The text of passages the spec names by id, so a drift warning can show what changed.
    if (c.explicit_id) entry["text"] = c.text;
    cited.push_back(std::move(entry));
  }
  Json json = {
      {"schema", k_manifest_schema},
      {"brief_version", manifest.brief_version},
      {"job",
          {{"spec", manifest.job.spec}, {"name", manifest.job.name}, {"format", manifest.job.format},
              {"template", manifest.job.template_name}, {"corpus_dir", manifest.job.corpus_dir},
              {"trace", manifest.job.trace}}},
      {"key", manifest.key},
      {"inputs",
          {{"spec", {{"path", inputs.spec_path}, {"hash", inputs.spec_hash}}},
              {"templates", pairs_json(inputs.templates)},
              {"documents", pairs_json(inputs.documents)},
              {"whole_corpus", inputs.whole_corpus},
              {"corpus_dir", inputs.corpus_dir},
              {"corpus", files_json(manifest.corpus)},
              {"fonts", pairs_json(inputs.fonts)},
              {"images", pairs_json(inputs.images)},
              {"aliases_hash", inputs.aliases_hash},
              {"markings_hash", inputs.markings_hash}}},
      {"cited", cited},
      {"output",
          {{"sha256", manifest.sha256}, {"bytes", manifest.bytes}, {"pages", manifest.pages},
              {"banner", manifest.banner}, {"trace_sha256", manifest.trace_sha256}}},
  };
  // nlohmann::json keeps object keys sorted, so the text depends only on the values.
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::optional<Manifest> parse_manifest(std::string_view text) {
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) return std::nullopt;
  try {
    if (json.at("schema").get<int>() != k_manifest_schema) return std::nullopt;
    Manifest manifest;
    manifest.brief_version = json.at("brief_version").get<std::string>();
    const auto& job = json.at("job");
    manifest.job = JobSettings{job.at("spec").get<std::string>(), job.at("name").get<std::string>(),
        job.at("format").get<std::string>(), job.at("template").get<std::string>(),
        job.at("corpus_dir").get<std::string>(), job.at("trace").get<bool>()};
    manifest.key = json.at("key").get<std::string>();
    const auto& inputs = json.at("inputs");
    manifest.inputs.spec_path = inputs.at("spec").at("path").get<std::string>();
    manifest.inputs.spec_hash = inputs.at("spec").at("hash").get<std::string>();
    manifest.inputs.templates = pairs_from(inputs.at("templates"));
    manifest.inputs.documents = pairs_from(inputs.at("documents"));
    manifest.inputs.whole_corpus = inputs.at("whole_corpus").get<bool>();
    manifest.inputs.corpus_dir = inputs.at("corpus_dir").get<std::string>();
    for (const auto& [path, hash] : pairs_from(inputs.at("corpus")))
      manifest.corpus.push_back(FileHash{path, hash});
    manifest.inputs.fonts = pairs_from(inputs.at("fonts"));
    manifest.inputs.images = pairs_from(inputs.at("images"));
    manifest.inputs.aliases_hash = inputs.at("aliases_hash").get<std::string>();
    manifest.inputs.markings_hash = inputs.at("markings_hash").get<std::string>();
    for (const auto& c : json.at("cited"))
      manifest.cited.push_back(CitedText{c.at("id").get<std::string>(),
          c.at("text_hash").get<std::string>(), c.at("explicit").get<bool>(), c.value("text", std::string())});
    const auto& output = json.at("output");
    manifest.sha256 = output.at("sha256").get<std::string>();
    manifest.bytes = output.at("bytes").get<size_t>();
    manifest.pages = output.at("pages").get<size_t>();
    manifest.banner = output.at("banner").get<std::string>();
    manifest.trace_sha256 = output.at("trace_sha256").get<std::string>();
    return manifest;
  } catch (const Json::exception&) {
    return std::nullopt;  // a hand-edited or truncated manifest is as good as none
  }
}

} // namespace brief::schedule
