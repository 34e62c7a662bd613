#include "corpus/front_matter.hpp"

#include "base/utf8.hpp"
#include "base/yaml.hpp"

#include <fmt/format.h>

#include <cctype>

namespace brief::corpus {

namespace {

constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";
constexpr size_t k_max_id_length = 100;

const std::vector<std::string> k_keys = {"id", "title", "authors", "publisher", "type", "published",
    "published_approximate", "language", "releasability", "descriptor", "url", "ingested"};

// True when the line [begin, end) is `marker` followed only by spaces or a carriage return.
bool is_fence(std::string_view text, size_t begin, size_t end, std::string_view marker) {
  if (text.substr(begin, marker.size()) != marker) return false;
  for (size_t i = begin + marker.size(); i < end; ++i)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  return true;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// BCP 47 in outline: a 2-3 letter language, then subtags of letters and digits ("en", "en-GB").
bool is_language_tag(std::string_view tag) {
  size_t i = 0;
  while (i < tag.size() && ((tag[i] >= 'a' && tag[i] <= 'z') || (tag[i] >= 'A' && tag[i] <= 'Z'))) ++i;
  if (i < 2 || i > 3) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    const size_t start = ++i;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) ++i;
    if (i == start || i - start > 8) return false;
  }
  return true;
}

} // namespace

bool is_valid_document_id(std::string_view id) {
  if (id.empty() || id.size() > k_max_id_length) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id.front())) return false;
  for (char c : id)
    if (!lower_or_digit(c) && c != '-') return false;
  return true;
}

std::optional<FrontMatterBounds> find_front_matter(const SourceFilePtr& file, Diagnostics& diagnostics) {
  const std::string_view text = file->text;
  size_t start = text.substr(0, k_byte_order_mark.size()) == k_byte_order_mark ? k_byte_order_mark.size() : 0;
  size_t line_end = text.find('\n', start);
  if (line_end == std::string_view::npos) line_end = text.size();
  if (!is_fence(text, start, line_end, "---")) {
    diagnostics.error(Span{file, static_cast<uint32_t>(start), static_cast<uint32_t>(std::min(line_end, start + 1))},
        "missing front matter at the start of the document",
        {"begin the file with a `---` line, then `id:`, `title:`, `type:`, `published:` and "
         "`releasability:` lines, then another `---` line before the text"});
    return std::nullopt;
  }
  FrontMatterBounds bounds;
  bounds.yaml_begin = static_cast<uint32_t>(std::min(line_end + 1, text.size()));
  size_t pos = bounds.yaml_begin;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    if (is_fence(text, pos, end, "---") || is_fence(text, pos, end, "...")) {
      bounds.yaml_end = static_cast<uint32_t>(pos);
      bounds.body_begin = static_cast<uint32_t>(std::min(end + 1, text.size()));
      return bounds;
    }
    pos = end + 1;
  }
  diagnostics.error(Span{file, static_cast<uint32_t>(start), static_cast<uint32_t>(start + 3)},
      "front matter is not closed", {"end the front matter with a `---` line before the text"});
  return std::nullopt;
}

std::optional<FrontMatter> read_front_matter(const SourceFilePtr& file, const FrontMatterBounds& bounds,
    const MarkingTable& markings, Diagnostics& diagnostics, bool sidecar) {
  const bool strict = !sidecar;
  const std::string_view yaml_text =
      std::string_view(file->text).substr(bounds.yaml_begin, bounds.yaml_end - bounds.yaml_begin);
  auto root = yaml::parse(file, yaml_text, bounds.yaml_begin);
  diagnostics.append(root.diagnostics());
  if (!root.ok()) return std::nullopt;

  const size_t errors_before = diagnostics.error_count();
  const yaml::MapReader reader(file, *root, "front matter", k_keys, diagnostics, bounds.yaml_begin);
  if (!reader.valid()) return std::nullopt;

  FrontMatter out;
  DocumentMeta& meta = out.meta;
  auto text = [&](std::string_view key, bool required) -> std::string {
    const auto value = reader.string(key, required);
    if (!value) return {};
    if (required && value->empty())
      reader.error(key, fmt::format("`{}` is empty", key), {fmt::format("give the document a {}", key)});
    return utf8::to_nfc(*value);
  };

  meta.id = text("id", strict);
  out.id_span = reader.value_span("id");
  if (!meta.id.empty() && !is_valid_document_id(meta.id)) {
    reader.error("id", fmt::format("invalid document id `{}`", meta.id),
        {fmt::format("use lowercase letters, digits and hyphens (at most {}), starting with a letter or "
                     "digit, e.g. `itic-2020-isis-iraq`", k_max_id_length)});
  }
  meta.title = text("title", strict);
  if (const auto authors = reader.strings("authors")) {
    for (const auto& author : *authors)
      if (!author.empty()) meta.authors.push_back(utf8::to_nfc(author));
  }
  meta.publisher = text("publisher", false);
  // Free text: "news report", "transcript", "executive order"; the sources summary groups them.
  meta.type = text("type", strict);

  if (const auto published = reader.string("published", strict)) {
    if (const auto date = parse_partial_date(*published)) {
      meta.published = *date;
    } else {
      reader.error("published", fmt::format("invalid date `{}` in `published`", *published),
          {"write the date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020-10; mark an estimate with "
           "`published_approximate: true`"});
    }
  }
  if (const auto approximate = reader.boolean("published_approximate"))
    meta.published.approximate = *approximate;

  meta.language = reader.has("language") ? text("language", false) : "en";
  if (!is_language_tag(meta.language)) {
    reader.error("language", fmt::format("invalid language tag `{}`", meta.language),
        {"use a BCP 47 tag such as `en` or `en-GB`"});
  }

  if (const auto level = reader.string("releasability", strict)) {
    if (markings.find(*level)) {
      meta.releasability = *level;
    } else {
      const auto levels = markings.ids();
      std::vector<std::string> hints;
      if (auto hint = did_you_mean(*level, levels); !hint.empty()) hints.push_back(std::move(hint));
      hints.push_back(fmt::format("the marking table defines: {}", join(levels)));
      reader.error("releasability", fmt::format("unknown releasability `{}`", *level), std::move(hints));
    }
  }
  meta.descriptor = text("descriptor", false);
  meta.url = text("url", false);
  if (const auto ingested = reader.string("ingested")) {
    const auto date = parse_partial_date(*ingested);
    if (date && date->day != 0) {
      meta.ingested = *ingested;
    } else {
      reader.error("ingested", fmt::format("invalid date `{}` in `ingested`", *ingested),
          {"write the day the source was ingested as YYYY-MM-DD"});
    }
  }

  if (strict && meta.authors.empty() && meta.publisher.empty()) {
    diagnostics.warning(reader.span(), "front matter names no originator",
        {"add `authors:` or `publisher:` so that citations can say who wrote the source"});
  }
  if (diagnostics.error_count() != errors_before) return std::nullopt;
  return out;
}

} // namespace brief::corpus
