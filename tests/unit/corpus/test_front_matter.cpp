#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using test::file_of;

namespace {

// The single error of parsing `text`, with its position as "line:col".
struct Reported {
  std::string message;
  std::string position;
  std::vector<std::string> hints;
};

// The first error of parsing `text`, which must report `count` errors.
Reported only_error(const std::string& text, size_t count = 1) {
  const auto doc = corpus::parse_document(file_of(text));
  CHECK_FALSE(doc.ok());
  REQUIRE(doc.diagnostics().error_count() == count);
  for (const auto& d : doc.diagnostics()) {
    if (d.severity != Severity::error) continue;
    REQUIRE(d.span.has_location());
    const auto at = d.span.start();
    return {d.message, std::to_string(at.line) + ":" + std::to_string(at.column), d.hints};
  }
  return {};
}

std::string front(const std::string& replace_line, const std::string& with) {
  std::string text = test::k_front;
  const size_t at = text.find(replace_line);
  REQUIRE(at != std::string::npos);
  text.replace(at, text.find('\n', at) - at, with);
  return text + "\nBody.\n";
}

} // namespace

TEST_CASE("front matter is read into the document's metadata") {
  const auto doc = corpus::parse_document(file_of(
      "---\nid: itic-2020-isis-iraq\ntitle: ISIS gaining in strength\nauthors: [A. Writer, B. Writer]\n"
      "publisher: ITIC\ntype: think-tank assessment\npublished: 2020-09\npublished_approximate: true\n"
      "language: en\nreleasability: public\ndescriptor: An Israeli centre.\nurl: https://example.org/x\n"
      "ingested: 2026-11-21\n---\n\nText.\n"));
  REQUIRE(doc.ok());
  const auto& m = doc->meta;
  CHECK(m.id == "itic-2020-isis-iraq");
  CHECK(m.title == "ISIS gaining in strength");
  CHECK(m.authors == std::vector<std::string>{"A. Writer", "B. Writer"});
  CHECK(m.publisher == "ITIC");
  CHECK(m.type == "think-tank assessment");
  CHECK(m.published.iso() == "2020-09");
  CHECK(m.published.approximate);
  CHECK(m.language == "en");
  CHECK(m.releasability == "public");
  CHECK(m.descriptor == "An Israeli centre.");
  CHECK(m.url == "https://example.org/x");
  CHECK(m.ingested == "2026-11-21");
  CHECK(doc->body_offset == doc->source->text.find("\nText.") );
  CHECK(doc->text == "\nText.\n");
  CHECK(doc->content_hash.size() == 64);
}

TEST_CASE("an unknown front matter key is an error with a suggestion") {
  // Two errors: the unknown key, and the missing `title` it was meant to be.
  const auto e = only_error(front("title:", "titel: A test document"), 2);
  CHECK(e.message == "unknown key `titel` in front matter");
  CHECK(e.position == "3:1");
  REQUIRE_FALSE(e.hints.empty());
  CHECK(e.hints.front() == "did you mean `title`?");
}

TEST_CASE("missing required fields are errors") {
  const auto e = only_error(front("published:", "url: https://example.org"));
  CHECK(e.message == "front matter needs `published`");
  CHECK(e.position == "2:1");
}

TEST_CASE("a missing or unclosed front matter block is an error") {
  auto e = only_error("# Just a heading\n\nText.\n");
  CHECK(e.message == "missing front matter at the start of the document");
  CHECK(e.position == "1:1");
  e = only_error("---\nid: doc\ntitle: T\n");
  CHECK(e.message == "front matter is not closed");
  CHECK(e.position == "1:1");
}

TEST_CASE("a bad document id is an error at the id") {
  const auto e = only_error(front("id:", "id: Bad_Id"));
  CHECK(e.message == "invalid document id `Bad_Id`");
  CHECK(e.position == "2:5");
}

TEST_CASE("an unknown releasability is an error listing the levels") {
  const auto e = only_error(front("releasability:", "releasability: publc"));
  CHECK(e.message == "unknown releasability `publc`");
  CHECK(e.position == "7:16");
  REQUIRE(e.hints.size() == 2);
  CHECK(e.hints[0] == "did you mean `public`?");
  CHECK(e.hints[1] == "the marking table defines: public, official-use, restricted");
}

TEST_CASE("releasability is checked against the given marking table") {
  corpus::MarkingTable table;
  table.levels = {{"open", 0, "OPEN", "O"}};
  const auto doc = corpus::parse_document(file_of(test::k_front + "\nBody.\n"), table);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.diagnostics().items().front().hints.back() == "the marking table defines: open");
}

TEST_CASE("a type is free text") {
  const auto doc = corpus::parse_document(file_of(front("type:", "type: executive order")));
  REQUIRE(doc.ok());
  CHECK(doc->meta.type == "executive order");
  const auto e = only_error(front("type:", "type: \"\""));
  CHECK(e.message == "`type` is empty");
}

TEST_CASE("an invalid date is an error at the date") {
  auto e = only_error(front("published:", "published: 2020-13"));
  CHECK(e.message == "invalid date `2020-13` in `published`");
  CHECK(e.position == "6:12");
  e = only_error(front("published:", "published: 2020-10\ningested: 2026-11"));
  CHECK(e.message == "invalid date `2026-11` in `ingested`");
}

TEST_CASE("invalid UTF-8 is an error with its byte offset") {
  std::string text = test::k_front + "\nCaf\xE9 in Latin-1.\n";
  const size_t offset = text.find('\xE9');
  const auto doc = corpus::parse_document(file_of(text));
  REQUIRE_FALSE(doc.ok());
  const auto& d = doc.diagnostics().items().front();
  CHECK(d.message == "invalid UTF-8 at byte offset " + std::to_string(offset));
  CHECK(d.span.begin == offset);
  CHECK(d.span.start().line == 10);
  CHECK(d.span.start().column == 4);
  CHECK(d.hints == std::vector<std::string>{"save the document as UTF-8 (it may be in Latin-1 or Windows-1252)"});
  CHECK(format_diagnostic(d).rfind("doc.md:10:4: error: invalid UTF-8 at byte offset", 0) == 0);
}

TEST_CASE("a NUL byte is an error") {
  std::string text = test::k_front + "\nText";
  text += '\0';
  text += "more.\n";
  const auto e = only_error(text);
  CHECK(e.message == "NUL byte at byte offset " + std::to_string(text.find('\0')));
  CHECK(e.position == "10:5");
}

TEST_CASE("control characters are an error at their line and column") {
  std::string text = test::k_front + "\nText \x1b[31mred\n";
  auto e = only_error(text);
  CHECK(e.message == "control character U+001B (ESC) at byte offset " + std::to_string(text.find('\x1b')));
  CHECK(e.position == "10:6");
  text = test::k_front + "\nA bell\x07 and more.\n";
  e = only_error(text);
  CHECK(e.message == "control character U+0007 (BEL) at byte offset " + std::to_string(text.find('\x07')));
  text = test::k_front + "\nA C1 CSI \xc2\x9b here.\n";
  e = only_error(text);
  CHECK(e.message == "control character U+009B at byte offset " + std::to_string(text.find('\xc2')));
  // Tabs and both kinds of line end stay ordinary text.
  const auto fine = corpus::parse_document(file_of(test::k_front + "\nA\ttab.\r\nNext line.\n"));
  CHECK(fine.ok());
}

TEST_CASE("a document over the size limit is an error naming size and limit") {
  std::string text = test::k_front + "\n";
  text.append(corpus::k_max_document_bytes, 'a');
  const auto doc = corpus::parse_document(file_of(std::move(text)));
  REQUIRE_FALSE(doc.ok());
  const auto& message = doc.diagnostics().items().front().message;
  CHECK(message.find(std::to_string(corpus::k_max_document_bytes)) != std::string::npos);
  CHECK(message.find("larger than the limit") != std::string::npos);
}

TEST_CASE("metadata values are normalised to NFC") {
  const auto doc = corpus::parse_document(file_of(front("title:", "title: \"Al-H\u0323ashd\"")));
  REQUIRE(doc.ok());
  CHECK(doc->meta.title == "Al-\u1E24ashd");
}

TEST_CASE("a document without authors or publisher gets a warning") {
  std::string text = test::k_front;
  text.erase(text.find("publisher:"), std::string("publisher: Test Publisher\n").size());
  const auto doc = corpus::parse_document(file_of(text + "\nText.\n"));
  REQUIRE(doc.ok());
  REQUIRE(doc.diagnostics().warning_count() == 1);
  CHECK(doc.diagnostics().items().front().message == "front matter names no originator");
}
