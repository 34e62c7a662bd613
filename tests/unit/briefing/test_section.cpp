#include "briefing/spec.hpp"

#include "spec_test_util.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using namespace brief::briefing;
using namespace brief::briefing::test;

namespace {

// Parses a spec whose only section is `section` (written at line 4, indented under "  - ").
Outcome<BriefSpec> one_section(const std::string& section) {
  return parse_text(with_header("sections:\n  - " + section + "\n"));
}

} // namespace

TEST_CASE("a section needs exactly one kind") {
  SECTION("none") {
    const auto r = one_section("title: Threats");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r).message == "section has no kind");
    CHECK(where(first_error(r)) == "4:5");
    CHECK(first_error(r).hints.front() ==
        "add one of: passages, quotes, summary, key_judgments, recommendations, key_figures, bibliography");
  }
  SECTION("two") {
    const auto r = one_section("{title: Threats, passages: q, quotes: [a#p1]}");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r).message == "section has more than one kind: `passages`, `quotes`");
    CHECK(where(first_error(r)) == "4:35");
    CHECK(first_error(r).hints.front().find("split it into two sections") != std::string::npos);
  }
  SECTION("misspelt: one error with a suggestion") {
    const auto r = one_section("{title: Judgments, key_judgement: {limit: 3}}");
    REQUIRE(r.diagnostics().error_count() == 1);
    CHECK(first_error(r).message == "unknown key `key_judgement` in section");
    CHECK(where(first_error(r)) == "4:24");
    CHECK(first_error(r).hints.front() == "did you mean `key_judgments`?");
  }
}

TEST_CASE("a section needs a title") {
  const auto r = one_section("passages: q");
  CHECK(first_error(r).message == "section needs `title`");
  CHECK(where(first_error(r)) == "4:5");
  CHECK(first_error(r).hints.front() == "give the section a heading, e.g. `title: Key judgments`");
  CHECK(first_error(one_section("{title: '', passages: q}")).message == "`title` must not be empty");
}

TEST_CASE("a section must be a mapping") {
  const auto r = one_section("Key judgments");
  CHECK(first_error(r).message == "section must be a mapping of keys to values, not a scalar");
  CHECK(first_error(r).hints.front().find("title: Key judgments") != std::string::npos);
}

TEST_CASE("shorthands") {
  SECTION("a string is the query") {
    const auto r = one_section("{title: T, passages: \"sleeper cells\"}");
    REQUIRE(r.ok());
    CHECK(r->sections[0].selector.query == "sleeper cells");
    CHECK(where(Diagnostic{Severity::note, "", r->sections[0].selector.query_span, {}}) == "4:26");
  }
  SECTION("a quoted true is a query") {
    const auto r = one_section("{title: T, passages: \"true\"}");
    REQUIRE(r.ok());
    CHECK(r->sections[0].selector.query == "true");
  }
  SECTION("a list is ids") {
    const auto r = one_section("{title: T, quotes: [mofa#p17, shafaq#p12.s2]}");
    REQUIRE(r.ok());
    REQUIRE(r->sections[0].selector.ids.size() == 2);
    CHECK(r->sections[0].selector.ids[0].id == "mofa#p17");
    CHECK(r->sections[0].kind == SectionKind::quotes);
  }
  SECTION("true and empty mean defaults") {
    const auto r = parse_text(with_header(
        "sections:\n  - {title: A, key_judgments: true}\n  - title: B\n    key_figures:\n  - {title: C, bibliography: true}\n"));
    REQUIRE(r.ok());
    CHECK(r->sections[0].kind == SectionKind::key_judgments);
    CHECK_FALSE(r->sections[0].limit.has_value());
    CHECK(r->sections[1].kind == SectionKind::key_figures);
  }
  SECTION("false is an error") {
    const auto r = one_section("{title: A, key_judgments: false}");
    CHECK(first_error(r).message == "`key_judgments: false` turns the section off");
    CHECK(first_error(r).hints.front() == "remove the section instead");
  }
  SECTION("a list is not ids for a summary") {
    const auto r = one_section("{title: A, summary: [a#p1]}");
    CHECK(first_error(r).message == "`summary` takes options, not a list");
    CHECK(first_error(r).hints.front() == "to draw on given passages write `summary: {ids: [doc#p7, ...]}`");
  }
  SECTION("bibliography takes true only") {
    CHECK(first_error(one_section("{title: A, bibliography: {limit: 3}}")).message ==
        "`bibliography` takes `true`, not options");
    CHECK(first_error(one_section("{title: A, bibliography: all}")).message ==
        "`bibliography` takes `true`, not `all`");
  }
  SECTION("an empty query string") {
    CHECK(first_error(one_section("{title: A, passages: ''}")).message == "`query` must not be empty");
  }
}

TEST_CASE("options of the mapping form") {
  const auto r = one_section(
      "{title: A, passages: {query: q, documents: [d1, d2], types: news, from: 2019, to: 2024-06, "
      "ids: [d1#p3], limit: 4, order: source}}");
  REQUIRE(r.ok());
  const Section& s = r->sections[0];
  CHECK(s.selector.documents == std::vector<std::string>{"d1", "d2"});
  CHECK(s.selector.document_spans.size() == 2);
  CHECK(s.selector.types == std::vector<std::string>{"news"});
  CHECK(s.selector.from == "2019");
  CHECK(s.selector.to == "2024-06");
  CHECK(s.selector.ids.size() == 1);
  CHECK(s.limit == 4);
  CHECK(s.order == Order::source);

  const auto summary = one_section("{title: A, summary: {words: 120}}");
  REQUIRE(summary.ok());
  CHECK(summary->sections[0].words == 120);
}

TEST_CASE("option errors") {
  SECTION("limit out of range") {
    const auto r = one_section("{title: A, passages: {limit: 500}}");
    CHECK(first_error(r).message == "`limit` must be between 1 and 100, not 500");
    CHECK(where(first_error(r)) == "4:34");
    CHECK(first_error(r).hints.front() == "write how many items to show, from 1 to 100");
  }
  SECTION("limit not a number") {
    CHECK(first_error(one_section("{title: A, passages: {limit: five}}")).message ==
        "`limit` must be a whole number, not `five`");
  }
  SECTION("an option of another kind") {
    const auto r = one_section("{title: A, passages: {sentences: 3}}");
    CHECK(first_error(r).message == "`sentences` does not apply to passages");
    CHECK(where(first_error(r)) == "4:27");
    CHECK(first_error(r).hints.front() == "passages takes: query, documents, types, from, to, ids, limit, order");
  }
  SECTION("limit does not apply to a summary") {
    CHECK(first_error(one_section("{title: A, summary: {limit: 3}}")).message == "`limit` does not apply to summary");
  }
  SECTION("a misspelt option") {
    const auto r = one_section("{title: A, recommendations: {limt: 3}}");
    CHECK(first_error(r).message == "unknown key `limt` in recommendations options");
    CHECK(first_error(r).hints.front() == "did you mean `limit`?");
  }
  SECTION("sentences and words together") {
    const auto r = one_section("{title: A, summary: {sentences: 3, words: 100}}");
    CHECK(first_error(r).message == "use `sentences` or `words`, not both");
  }
  SECTION("bad passage id") {
    const auto r = one_section("{title: A, quotes: [mofa#p17, mofa#17]}");
    CHECK(first_error(r).message == "invalid passage id `mofa#17`");
    CHECK(where(first_error(r)) == "4:35");
    CHECK(first_error(r).hints.front() ==
        "passage ids look like `doc#p7` (a paragraph) or `doc#p7.s2` (its second sentence)");
  }
  SECTION("from after to") {
    const auto r = one_section("{title: A, passages: {from: 2024-03, to: 2020}}");
    CHECK(first_error(r).message == "`from` 2024-03 is after `to` 2020");
  }
  SECTION("bad from date") {
    const auto r = one_section("{title: A, passages: {from: 2024-3}}");
    CHECK(first_error(r).message == "`from` must be written YYYY, YYYY-MM or YYYY-MM-DD, not `2024-3`");
  }
  SECTION("unknown order") {
    const auto r = one_section("{title: A, passages: {order: salient}}");
    CHECK(first_error(r).message == "unknown value `salient` for `order`");
    CHECK(first_error(r).hints.front() == "did you mean `salience`?");
  }
  SECTION("a passage id among documents") {
    const auto r = one_section("{title: A, passages: {documents: [d#p1]}}");
    CHECK(first_error(r).message == "invalid document id `d#p1`");
  }
  SECTION("new_page must be a boolean") {
    const auto r = one_section("{title: A, bibliography: true, new_page: maybe}");
    CHECK(first_error(r).message == "`new_page` must be true or false, not `maybe`");
    CHECK(first_error(r).hints.front() == "write `true` or `false`");
  }
}

TEST_CASE("repeat and new_page") {
  const auto r = one_section("{title: A, passages: q, repeat: true, new_page: yes}");
  REQUIRE(r.ok());
  CHECK(r->sections[0].repeat);
  CHECK(r->sections[0].new_page);
}
