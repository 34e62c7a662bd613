#include "corpus/corpus.hpp"
#include "corpus/document_parser.hpp"
#include "corpus/ingest.hpp"

#include "base/file_io.hpp"
#include "base/hash.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>

namespace brief::corpus {

namespace {

constexpr std::string_view k_markings_file = "markings.yaml";
constexpr std::string_view k_aliases_file = "aliases.yaml";
// aliases.yaml and markings.yaml are tables of names, a few KB in practice; 4 MiB is the YAML
// limit every other YAML input (specs, templates) has.
constexpr size_t k_max_table_bytes = size_t{4} << 20;

// Reads the 1-based number after `prefix` at the start of `text` ("p7" -> 7); the whole of `text`
// must be used unless `rest` is given, which then receives what follows the number.
std::optional<uint32_t> numbered(std::string_view text, char prefix, std::string_view* rest = nullptr) {
  if (text.size() < 2 || text[0] != prefix || text[1] == '0') return std::nullopt;
  uint32_t value = 0;
  const auto [end, ec] = std::from_chars(text.data() + 1, text.data() + text.size(), value);
  if (ec != std::errc() || value == 0) return std::nullopt;
  const auto used = static_cast<size_t>(end - text.data());
  if (rest) *rest = text.substr(used);
  else if (used != text.size()) return std::nullopt;
  return value;
}

bool is_hidden(const std::filesystem::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// True when `path` is `root` or lies below it; both absolute and normalised.
bool is_within(const std::filesystem::path& path, const std::filesystem::path& root) {
  const auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end() || (std::next(r) == root.end() && r->empty());
}

// The source files under `dir` (is_source_file), skipping hidden files and folders, in a fixed
// order. A document that is a symbolic link must resolve inside the corpus folder: a link leaving
// it is reported (naming the link, never reading its target) so a corpus cannot make brief read
// other files. Files of other types are reported and skipped, but for the tables and sidecars.
std::vector<std::filesystem::path> document_files(const std::filesystem::path& dir, std::error_code& ec,
    Diagnostics& diags) {
  std::vector<std::filesystem::path> out;
  std::error_code root_ec;
  const auto root = std::filesystem::canonical(dir, root_ec);
  std::filesystem::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (is_hidden(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    if (!is_source_file(it->path())) {
      const auto ext = it->path().extension();
      const bool table = it->path().parent_path() == dir &&
          (it->path().filename() == k_markings_file || it->path().filename() == k_aliases_file);
      const bool sidecar = ext == ".yaml" && !table;
      if (sidecar) {
        bool has_original = false;
        for (const auto* other : {".md", ".markdown", ".txt", ".html", ".htm", ".pdf", ".docx"}) {
          auto original = it->path();
          original.replace_extension(other);
          std::error_code exists_ec;
          if (std::filesystem::exists(original, exists_ec)) has_original = true;
        }
        if (!has_original) {
          diags.warning({}, fmt::format("`{}` is no source's sidecar: no source named `{}.*` sits next to it",
              it->path().string(), it->path().stem().string()),
              {"name the sidecar after its source (`report.pdf` -> `report.yaml`), or move it out of the corpus folder"});
        }
      } else if (!table) {
        diags.warning({}, fmt::format("`{}` is not a source brief can read; it is skipped", it->path().string()),
            {"sources are .md, .txt, .html, .htm and .pdf files; convert the file or move it out of the corpus folder"});
      }
      continue;
    }
    std::error_code link_ec;
    if (it->is_symlink(link_ec)) {
      const auto target = std::filesystem::canonical(it->path(), link_ec);
      if (root_ec || link_ec || !is_within(target, root)) {
        diags.error({}, fmt::format("corpus document `{}` is a symbolic link to a file outside the corpus "
            "folder", it->path().string()), {"copy the source into the corpus folder, or remove the link"});
        continue;
      }
    }
    out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

template <typename T>
std::optional<T> load_optional(const std::filesystem::path& path, Outcome<T> (*parse)(const SourceFilePtr&),
    std::string& hash, Diagnostics& diags) {
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return std::nullopt;
  auto file = read_source_file(path, k_max_table_bytes);
  diags.append(file.diagnostics());
  if (!file.ok()) return std::nullopt;
  hash = sha256_hex((*file)->text);
  auto parsed = parse(*file);
  diags.append(parsed.diagnostics());
  if (!parsed.ok()) return std::nullopt;
  return std::move(parsed.value());
}

} // namespace

const Document* Corpus::find_document(std::string_view id) const {
  const auto it = std::lower_bound(documents.begin(), documents.end(), id,
      [](const Document& d, std::string_view key) { return d.meta.id < key; });
  return it != documents.end() && it->meta.id == id ? &*it : nullptr;
}

const Document* Corpus::document_of(std::string_view any_id) const {
  return find_document(any_id.substr(0, any_id.find('#')));
}

const Passage* Corpus::find_passage(std::string_view passage_id) const {
  const size_t hash = passage_id.find('#');
  if (hash == std::string_view::npos) return nullptr;
  const Document* doc = find_document(passage_id.substr(0, hash));
  if (!doc) return nullptr;
  const auto number = numbered(passage_id.substr(hash + 1), 'p');
  if (!number || *number > doc->passages.size()) return nullptr;
  return &doc->passages[*number - 1];
}

const Sentence* Corpus::find_sentence(std::string_view sentence_id) const {
  const size_t hash = sentence_id.find('#');
  if (hash == std::string_view::npos) return nullptr;
  const Document* doc = find_document(sentence_id.substr(0, hash));
  if (!doc) return nullptr;
  std::string_view rest;
  const auto passage = numbered(sentence_id.substr(hash + 1), 'p', &rest);
  if (!passage || *passage > doc->passages.size() || rest.size() < 2 || rest[0] != '.') return nullptr;
  const auto sentence = numbered(rest.substr(1), 's');
  const Passage& p = doc->passages[*passage - 1];
  if (!sentence || *sentence > p.sentences.size()) return nullptr;
  return &p.sentences[*sentence - 1];
}

std::vector<std::string> Corpus::document_ids() const {
  std::vector<std::string> out;
  out.reserve(documents.size());
  for (const auto& d : documents) out.push_back(d.meta.id);
  return out;
}

Outcome<Corpus> load(const std::filesystem::path& dir) {
  Diagnostics diags;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    diags.error({}, std::filesystem::exists(dir, ec)
            ? fmt::format("corpus `{}` is not a folder", dir.string())
            : fmt::format("corpus folder `{}` does not exist", dir.string()),
        {"pass the folder that holds the corpus documents (`*.md` files with front matter)"});
    return diags;
  }

  Corpus corpus;
  corpus.root = dir;
  corpus.markings = load_optional(dir / k_markings_file, parse_markings, corpus.markings_hash, diags)
                        .value_or(default_marking_table());
  corpus.aliases = load_optional(dir / k_aliases_file, parse_aliases, corpus.aliases_hash, diags)
                       .value_or(std::vector<AliasGroup>{});
  if (diags.has_errors()) return diags;  // documents are checked against the marking table

  const auto paths = document_files(dir, ec, diags);
  if (ec) {
    diags.error({}, fmt::format("cannot list corpus folder `{}`: {}", dir.string(), ec.message()));
    return diags;
  }
  std::vector<Span> id_spans;
  for (const auto& path : paths) {
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > k_max_document_bytes) {
      diags.error({}, fmt::format("corpus document `{}` is {} bytes, more than the limit of {} bytes",
          path.string(), size, k_max_document_bytes), {"split the source into several documents"});
      continue;
    }
    auto parsed = ingest_file(path, corpus.markings);
    diags.append(parsed.diagnostics());
    if (!parsed.ok()) continue;
    Document& doc = parsed->document;
    // Originals keep the name the user saved them under (body_offset 0): only front matter is
    // expected to match its file name.
    if (doc.body_offset > 0 && path.stem().string() != doc.meta.id) {
      diags.warning(parsed->id_span, fmt::format("document id `{}` differs from its file name `{}`",
          doc.meta.id, path.filename().string()),
          {fmt::format("name the file `{}.md` so the source of a citation is easy to find", doc.meta.id)});
    }
    corpus.documents.push_back(std::move(doc));
    id_spans.push_back(parsed->id_span);
  }

  // Duplicate ids: report each later file against the first file that used the id.
  std::vector<size_t> order(corpus.documents.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return corpus.documents[a].meta.id < corpus.documents[b].meta.id;
  });
  for (size_t k = 1; k < order.size(); ++k) {
    const Document& first = corpus.documents[order[k - 1]];
    const Document& again = corpus.documents[order[k]];
    if (first.meta.id != again.meta.id) continue;
    diags.error(id_spans[order[k]], fmt::format("document id `{}` is used by both `{}` and `{}`", again.meta.id,
        first.path.string(), again.path.string()),
        {"give each document its own id; citations name documents by id"});
  }

  if (paths.empty()) {
    diags.error({}, fmt::format("corpus folder `{}` has no documents", dir.string()),
        {"add the sources (.md, .txt, .html, .pdf files; metadata in front matter or a `<name>.yaml` sidecar)"});
  }
  if (diags.has_errors()) return diags;
  std::sort(corpus.documents.begin(), corpus.documents.end(),
      [](const Document& a, const Document& b) { return a.meta.id < b.meta.id; });
  return Outcome<Corpus>(std::move(corpus), std::move(diags));
}

} // namespace brief::corpus
