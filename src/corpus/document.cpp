#include "corpus/convert.hpp"
#include "corpus/document_parser.hpp"
#include "corpus/segment.hpp"

#include "base/hash.hpp"
#include "base/utf8.hpp"

#include <fmt/format.h>

#include <optional>
#include <utility>

namespace brief::corpus {

namespace {

Span point(const SourceFilePtr& file, size_t offset) {
  const auto begin = static_cast<uint32_t>(offset);
  return Span{file, begin, static_cast<uint32_t>(std::min(offset + 1, file->text.size()))};
}

// The first control character other than tab, line feed, carriage return: C0 (ESC, BEL,
// backspace, ...), DEL and C1 (U+0080..U+009F). They would reach a terminal raw through `brief
// show` and `search`, and a PDF invisibly; the text is valid UTF-8 when this runs.
std::optional<std::pair<size_t, char32_t>> find_control(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\r') || byte == 0x7F) return std::pair{i, char32_t{byte}};
    if (byte == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return std::pair{i, char32_t{next}};
    }
  }
  return std::nullopt;
}

// "ESC", "BEL", ... for the C0 controls people meet; "" otherwise.
std::string_view control_name(char32_t cp) {
  switch (cp) {
  case 0x07: return "BEL";
  case 0x08: return "backspace";
  case 0x0B: return "vertical tab";
  case 0x0C: return "form feed";
  case 0x1B: return "ESC";
  case 0x7F: return "DEL";
  default: return "";
  }
}

} // namespace

// "\r\n" and lone "\r" become "\n", so line handling and byte ranges see one kind of line end.
std::string unify_line_ends(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool check_text_bytes(const SourceFilePtr& file, Diagnostics& diags) {
  const std::string_view bytes = file->text;
  if (bytes.size() > k_max_document_bytes) {
    diags.error(whole_file(file), fmt::format("document of {} bytes is larger than the limit of {} bytes",
        bytes.size(), k_max_document_bytes), {"split the source into several documents"});
    return false;
  }
  if (const auto bad = utf8::find_invalid(bytes)) {
    diags.error(point(file, *bad), fmt::format("invalid UTF-8 at byte offset {}", *bad),
        {"save the document as UTF-8 (it may be in Latin-1 or Windows-1252)"});
    return false;
  }
  if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
    diags.error(point(file, nul), fmt::format("NUL byte at byte offset {}", nul),
        {"corpus documents must be text; remove the NUL byte or convert the file to plain text"});
    return false;
  }
  if (const auto control = find_control(bytes)) {
    const auto [offset, cp] = *control;
    const std::string_view name = control_name(cp);
    diags.error(point(file, offset), fmt::format("control character U+{:04X}{}{}{} at byte offset {}",
        static_cast<uint32_t>(cp), name.empty() ? "" : " (", name, name.empty() ? "" : ")", offset),
        {"corpus documents must be plain text: remove the character (terminal escapes and other controls "
         "would be printed raw by `brief show` and lost from the PDF)"});
    return false;
  }
  return true;
}

Outcome<ParsedDocument> parse_document_with_spans(const SourceFilePtr& file, const MarkingTable& markings) {
  Diagnostics diags;
  const std::string_view bytes = file->text;
  if (!check_text_bytes(file, diags)) return diags;

  const auto bounds = find_front_matter(file, diags);
  if (!bounds) return diags;
  auto front = read_front_matter(file, *bounds, markings, diags);
  if (!front) return Outcome<ParsedDocument>(std::move(diags));

  ParsedDocument parsed;
  Document& doc = parsed.document;
  parsed.id_span = front->id_span;
  doc.meta = std::move(front->meta);
  doc.path = file->path;
  doc.source = file;
  doc.body_offset = bounds->body_begin;
  doc.content_hash = sha256_hex(bytes);
  // Front matter documents keep the line-based reader of segment.hpp, whose byte ranges point into
  // the file's own body; Markdown originals without front matter go through md4c (ingest.cpp).
  doc.format = "markdown";
  doc.text = utf8::to_nfc(unify_line_ends(bytes.substr(bounds->body_begin)));
  doc.passages = segment_body(doc.meta.id, doc.text);
  if (doc.passages.empty()) {
    diags.warning(Span{file, bounds->yaml_end, bounds->body_begin}, "document has no text after its front matter",
        {"add the source's text below the closing `---` line"});
  }
  return Outcome<ParsedDocument>(std::move(parsed), std::move(diags));
}

Outcome<Document> parse_document(const SourceFilePtr& file, const MarkingTable& markings) {
  auto parsed = parse_document_with_spans(file, markings);
  if (!parsed.optional()) return Outcome<Document>(std::move(parsed.diagnostics()));
  return Outcome<Document>(std::move(parsed->document), std::move(parsed.diagnostics()));
}

Outcome<Document> parse_document(const SourceFilePtr& file) {
  return parse_document(file, default_marking_table());
}

} // namespace brief::corpus
