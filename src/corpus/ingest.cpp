#include "corpus/ingest.hpp"

#include "corpus/convert.hpp"

#include "base/file_io.hpp"
#include "base/hash.hpp"
#include "base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace brief::corpus {

namespace {

// Sidecars are a few lines of YAML; the limit is the one every YAML input has.
constexpr size_t k_max_sidecar_bytes = size_t{4} << 20;

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

bool has_front_matter(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.substr(0, 3) != "---") return false;
  for (size_t i = 3; i < text.size() && text[i] != '\n'; ++i)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  return true;
}

// Metadata the sidecar gives wins; what it leaves empty comes from the file.
void complete(DocumentMeta& meta, const DocumentMeta& found) {
  if (meta.title.empty()) meta.title = found.title;
  if (meta.authors.empty()) meta.authors = found.authors;
  if (meta.publisher.empty()) meta.publisher = found.publisher;
  if (!meta.published.known()) meta.published = found.published;
  if (meta.url.empty()) meta.url = found.url;
  if (meta.language.empty()) meta.language = found.language;
}

} // namespace

SourceFormat source_format(const std::filesystem::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext == ".md" || ext == ".markdown") return SourceFormat::markdown;
  if (ext == ".txt") return SourceFormat::text;
  if (ext == ".html" || ext == ".htm") return SourceFormat::html;
  if (ext == ".pdf") return SourceFormat::pdf;
  if (ext == ".docx") return SourceFormat::docx;
  return SourceFormat::unknown;
}

std::string_view format_name(SourceFormat format) {
  switch (format) {
  case SourceFormat::markdown: return "markdown";
  case SourceFormat::text: return "text";
  case SourceFormat::html: return "html";
  case SourceFormat::pdf: return "pdf";
  case SourceFormat::docx: return "docx";
  case SourceFormat::unknown: break;
  }
  return "unknown";
}

bool is_source_file(const std::filesystem::path& path) { return source_format(path) != SourceFormat::unknown; }

std::filesystem::path sidecar_path(const std::filesystem::path& original) {
  auto out = original;
  out.replace_extension(".yaml");
  return out;
}

std::string default_document_id(const std::filesystem::path& path) {
  std::string out;
  for (char c : lower(path.stem().string())) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

Outcome<ParsedDocument> ingest_file(const std::filesystem::path& path, const MarkingTable& markings) {
  Diagnostics diags;
  const SourceFormat format = source_format(path);
  if (format == SourceFormat::unknown) {
    diags.error({}, fmt::format("`{}` is not a source brief can read", path.string()),
        {"sources are .md, .txt, .html, .htm and .pdf files; convert the file to one of them or move it out "
         "of the corpus folder"});
    return diags;
  }
  if (format == SourceFormat::docx || format == SourceFormat::html || format == SourceFormat::pdf) {
    diags.warning({}, fmt::format("`{}` is skipped: {} files are not read yet", path.string(), format_name(format)),
        {"save the source as text (.txt) or Markdown (.md) next to it, or move it out of the corpus folder"});
    return diags;
  }

  auto read = read_source_file(path, k_max_document_bytes);
  diags.append(read.diagnostics());
  if (!read.ok()) return diags;
  const SourceFilePtr file = *read;
  if (format == SourceFormat::markdown && has_front_matter(file->text)) {
    auto parsed = parse_document_with_spans(file, markings);
    if (parsed.ok() && std::filesystem::exists(sidecar_path(path))) {
      parsed.diagnostics().warning(parsed->id_span, fmt::format("`{}` has front matter; its sidecar `{}` is not read",
          path.string(), sidecar_path(path).filename().string()),
          {"keep the metadata in one place: the front matter or the sidecar"});
    }
    return parsed;
  }
  // An original that is not text brief can show is skipped with a warning; the others are used.
  if (Diagnostics bytes; !check_text_bytes(file, bytes)) {
    for (Diagnostic d : bytes) {
      d.severity = Severity::warning;
      d.message += "; the source is skipped";
      diags.add(std::move(d));
    }
    return diags;
  }

  ParsedDocument parsed;
  Document& doc = parsed.document;
  doc.path = path;
  doc.source = file;
  doc.format = std::string(format_name(format));
  std::string hashed = file->text;

  const auto sidecar = sidecar_path(path);
  std::error_code ec;
  if (std::filesystem::exists(std::filesystem::symlink_status(sidecar, ec))) {
    auto side = read_source_file(sidecar, k_max_sidecar_bytes);
    diags.append(side.diagnostics());
    if (!side.ok()) return diags;
    FrontMatterBounds bounds;
    bounds.yaml_begin = 0;
    bounds.yaml_end = static_cast<uint32_t>((*side)->text.size());
    bounds.body_begin = bounds.yaml_end;
    auto front = read_front_matter(*side, bounds, markings, diags, /*sidecar=*/true);
    if (!front) return diags;
    doc.meta = std::move(front->meta);
    parsed.id_span = front->id_span;
    doc.sidecar = sidecar;
    hashed += '\0';
    hashed += (*side)->text;
  }
  if (doc.meta.id.empty()) {
    doc.meta.id = default_document_id(path);
    if (!is_valid_document_id(doc.meta.id)) {
      diags.error(whole_file(file), fmt::format("`{}` gives no document id", path.string()),
          {fmt::format("rename the file, or give it an id in `{}` (`id: my-source`)", sidecar.filename().string())});
      return diags;
    }
  }
  parsed.id_span = parsed.id_span.file ? parsed.id_span : whole_file(file);

  Conversion conversion = format == SourceFormat::markdown
      ? convert_markdown(utf8::to_nfc(unify_line_ends(file->text)))
      : convert_text(file);
  complete(doc.meta, conversion.found);
  if (doc.meta.title.empty()) doc.meta.title = path.stem().string();
  if (doc.meta.language.empty()) doc.meta.language = "en";
  if (doc.meta.releasability.empty() && !markings.levels.empty()) {
    doc.meta.releasability = markings.levels.back().id;
    diags.warning(whole_file(file), fmt::format("`{}` says nothing of its releasability; it is treated as `{}`, "
        "the most restricted level", path.string(), doc.meta.releasability),
        {fmt::format("add `releasability: <level>` to `{}`", sidecar.filename().string())});
  }
  doc.content_hash = sha256_hex(hashed);
  doc.text = std::move(conversion.text);
  doc.passages = build_passages(doc.meta.id, doc.text, conversion.blocks);
  doc.set_aside = std::move(conversion.set_aside);
  doc.page_count = conversion.page_count;
  if (doc.passages.empty()) {
    diags.warning(whole_file(file), fmt::format("`{}` gives no passages: no body text was found in it", path.string()),
        {"check that the file holds the source's text; `brief show " + doc.meta.id + "` lists what was set aside"});
  }
  return Outcome<ParsedDocument>(std::move(parsed), std::move(diags));
}

} // namespace brief::corpus
