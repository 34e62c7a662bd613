#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using test::document_of;

namespace {

corpus::Document parse(const std::string& body) {
  auto doc = corpus::parse_document(document_of(body));
  for (const auto& d : doc.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(doc.ok());
  return std::move(doc.value());
}

std::string_view in_body(const corpus::Document& doc, corpus::ByteRange r) {
  return std::string_view(doc.text).substr(r.begin, r.end - r.begin);
}

} // namespace

TEST_CASE("passages and sentences get ids in reading order") {
  const auto doc = parse("\nFirst paragraph. It has two sentences.\n\nSecond\nparagraph joined.\n");
  REQUIRE(doc.passages.size() == 2);
  CHECK(doc.passages[0].id == "doc#p1");
  CHECK(doc.passages[0].number == 1);
  CHECK(doc.passages[1].id == "doc#p2");
  REQUIRE(doc.passages[0].sentences.size() == 2);
  CHECK(doc.passages[0].sentences[0].id == "doc#p1.s1");
  CHECK(doc.passages[0].sentences[1].id == "doc#p1.s2");
  CHECK(doc.passages[0].sentences[1].text == "It has two sentences.");
  CHECK(doc.passages[1].text == "Second paragraph joined.");
  CHECK(doc.passages[1].kind == corpus::PassageKind::paragraph);
}

TEST_CASE("byte ranges point into the normalised body") {
  const auto doc = parse("\nOne line\n  and the next. Another sentence.\n");
  const auto& p = doc.passages.at(0);
  CHECK(in_body(doc, p.range) == "One line\n  and the next. Another sentence.");
  REQUIRE(p.sentences.size() == 2);
  CHECK(p.sentences[0].text == "One line and the next.");
  CHECK(in_body(doc, p.sentences[0].range) == "One line\n  and the next.");
  CHECK(in_body(doc, p.sentences[1].range) == "Another sentence.");
}

TEST_CASE("list items keep their markers as in the source") {
  const auto doc = parse("\nIntro:\n1- First item.\n\n5-Second item without a space.\n"
                         "12) Third.\n1.It's a fourth.\n- dash\n* star\n• bullet\n");
  REQUIRE(doc.passages.size() == 8);
  CHECK(doc.passages[0].kind == corpus::PassageKind::paragraph);
  CHECK(doc.passages[0].text == "Intro:");
  const std::vector<std::pair<std::string, std::string>> expected = {{"1-", "First item."},
      {"5-", "Second item without a space."}, {"12)", "Third."}, {"1.", "It's a fourth."},
      {"-", "dash"}, {"*", "star"}, {"•", "bullet"}};
  for (size_t i = 0; i < expected.size(); ++i) {
    const auto& p = doc.passages[i + 1];
    CHECK(p.kind == corpus::PassageKind::list_item);
    CHECK(p.list_marker == expected[i].first);
    CHECK(p.text == expected[i].second);
    CHECK(p.list_depth == 0);
    CHECK(in_body(doc, p.range) == p.text);
  }
}

TEST_CASE("things that look like markers but are not stay paragraphs") {
  const auto doc = parse("\n2014-2017 saw the caliphate.\n\n3.5 million people fled.\n\n-5 degrees.\n\n"
                         "*emphasis* here.\n\n2020. A year.\n");
  REQUIRE(doc.passages.size() == 5);
  for (const auto& p : doc.passages) CHECK(p.kind == corpus::PassageKind::paragraph);
}

TEST_CASE("nested list items get depths from their indentation") {
  const auto doc = parse("\n- top\n  - nested\n    - deeper\n  - nested again\n- top again\n"
                         "  continued line\n");
  REQUIRE(doc.passages.size() == 5);
  CHECK(doc.passages[0].list_depth == 0);
  CHECK(doc.passages[1].list_depth == 1);
  CHECK(doc.passages[2].list_depth == 2);
  CHECK(doc.passages[3].list_depth == 1);
  CHECK(doc.passages[4].list_depth == 0);
  CHECK(doc.passages[4].text == "top again continued line");
}

TEST_CASE("an unindented line after a list item starts a paragraph") {
  const auto doc = parse("\n6. Political factors: divides.\nAll things considered, it is hard.\n");
  REQUIRE(doc.passages.size() == 2);
  CHECK(doc.passages[0].kind == corpus::PassageKind::list_item);
  CHECK(doc.passages[1].kind == corpus::PassageKind::paragraph);
  CHECK(doc.passages[1].text == "All things considered, it is hard.");
}

TEST_CASE("passages know the nearest heading above") {
  const auto doc = parse("\nBefore any heading.\n\n# Part one #\n\nText one.\n\n## Detail\n\n- item\n\n"
                         "# Part two\n\nText two.\n\n---\n\nAfter a rule.\n");
  REQUIRE(doc.passages.size() == 8);
  CHECK(doc.passages[0].heading.empty());
  CHECK(doc.passages[1].kind == corpus::PassageKind::heading);
  CHECK(doc.passages[1].heading_level == 1);
  CHECK(doc.passages[1].text == "Part one");
  CHECK(doc.passages[1].heading.empty());
  CHECK(doc.passages[2].heading == "Part one");
  CHECK(doc.passages[3].text == "Detail");
  CHECK(doc.passages[3].heading_level == 2);
  CHECK(doc.passages[3].heading == "Part one");  // a heading's context is its parent heading
  CHECK(doc.passages[4].heading == "Detail");
  CHECK(doc.passages[5].heading.empty());
  CHECK(doc.passages[6].heading == "Part two");
  CHECK(doc.passages[7].text == "After a rule.");
  CHECK(doc.passages[7].heading == "Part two");
  REQUIRE(doc.passages[1].sentences.size() == 1);
  CHECK(doc.passages[1].sentences[0].text == "Part one");
}

TEST_CASE("editing one paragraph does not renumber the sentences of others") {
  const auto before = parse("\nAlpha one. Alpha two.\n\nBeta one. Beta two.\n\nGamma one.\n");
  const auto after = parse("\nAlpha one. Alpha inserted. Alpha two.\n\nBeta one. Beta two.\n\nGamma one.\n");
  CHECK(before.passages[1].sentences[1].id == "doc#p2.s2");
  CHECK(after.passages[1].sentences[1].id == "doc#p2.s2");
  CHECK(after.passages[1].sentences[1].text == before.passages[1].sentences[1].text);
  CHECK(after.passages[2].sentences[0].id == before.passages[2].sentences[0].id);
  CHECK(after.passages[0].sentences[2].id == "doc#p1.s3");
}

TEST_CASE("the body is normalised to NFC and its ranges refer to the normalised text") {
  // "Ḥ" as H + combining dot below (U+0323), "ā" as a + combining macron (U+0304).
  const auto doc = parse("\nAl-H\u0323ashd and Ba\u0304b. Next.\n");
  CHECK(doc.text.find("H\u0323") == std::string::npos);
  REQUIRE(doc.passages.size() == 1);
  CHECK(doc.passages[0].sentences[0].text == "Al-\u1E24ashd and B\u0101b.");
  CHECK(in_body(doc, doc.passages[0].sentences[0].range) == "Al-\u1E24ashd and B\u0101b.");
}

TEST_CASE("CRLF line ends are read like LF") {
  auto doc = corpus::parse_document(test::file_of(
      "---\r\nid: doc\r\ntitle: T\r\npublisher: P\r\ntype: news report\r\npublished: 2020\r\n"
      "releasability: public\r\n---\r\n\r\n# Head\r\n\r\nOne\r\ntwo.\r\n"));
  REQUIRE(doc.ok());
  REQUIRE(doc->passages.size() == 2);
  CHECK(doc->passages[0].text == "Head");
  CHECK(doc->passages[1].text == "One two.");
}

TEST_CASE("a one-million-character paragraph is segmented") {
  std::string body = "\n";
  while (body.size() < 1'000'000) body += "The coalition shares intelligence with the U.S. Army. ";
  const auto doc = parse(body);
  REQUIRE(doc.passages.size() == 1);
  CHECK(doc.passages[0].sentences.size() > 15'000);
  CHECK(doc.passages[0].sentences.back().range.end <= doc.text.size());
}
