#include "index/query_parser.hpp"

#include "corpus_builder.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace brief;
using namespace brief::index;

namespace {

const AliasMatcher& aliases() {
  static const AliasMatcher matcher({test::isis_aliases()});
  return matcher;
}

std::string compiled(std::string_view text) {
  Outcome<CompiledQuery> query = compile_query(text, {}, aliases());
  REQUIRE(query.ok());
  return query->match;
}

Diagnostic failure(std::string_view text, const Span& span = {}) {
  Outcome<CompiledQuery> query = compile_query(text, span, aliases());
  REQUIRE_FALSE(query.ok());
  REQUIRE(query.diagnostics().items().size() == 1);
  return query.diagnostics().items()[0];
}

} // namespace

TEST_CASE("adjacent terms are ANDed and every term is a quoted string on a column") {
  CHECK(compiled("drone strike") == R"((body : "drone" AND body : "strike"))");
  CHECK(compiled("drone AND strike") == R"((body : "drone" AND body : "strike"))");
  CHECK(compiled("\"drone strike\"") == R"(body : "drone strike")");
  CHECK(compiled("a OR b c") == R"((body : "a" OR (body : "b" AND body : "c")))");
  CHECK(compiled("(a OR b) c") == R"(((body : "a" OR body : "b") AND body : "c"))");
}

TEST_CASE("NOT excludes from the terms before it") {
  CHECK(compiled("a NOT b") == R"((body : "a" NOT body : "b"))");
  CHECK(compiled("a AND NOT b c") == R"(((body : "a" AND body : "c") NOT body : "b"))");
  CHECK(compiled("a NOT b NOT c") == R"(((body : "a" NOT body : "b") NOT body : "c"))");
}

TEST_CASE("lowercase operators, FTS5 keywords and syntax characters are plain words") {
  CHECK(compiled("war and peace") == R"((body : "war" AND body : "and" AND body : "peace"))");
  CHECK(compiled("NEAR* ^col:x") == R"((body : "NEAR*" AND body : "^col:x"))");
  CHECK(compiled("say \"\" \"…\"") == R"(body : "say")");
}

TEST_CASE("hyphens, apostrophes and non-ASCII stay within one term") {
  CHECK(compiled("co-operation") == R"(body : "co-operation")");
  CHECK(compiled("Ba'ath Nīnawā") == R"((body : "Ba'ath" AND body : "Nīnawā"))");
  CHECK(compiled("“curly phrase”") == R"(body : "curly phrase")");
}

TEST_CASE("punctuation-only terms are ignored") {
  CHECK(compiled("isis - attacks …") == R"(((body : "isis" OR canonical : " ent1isis ") AND body : "attacks"))");
}

TEST_CASE("alias terms also search the entity token") {
  CHECK(compiled("Daesh") == R"((body : "Daesh" OR canonical : " ent1isis "))");
  CHECK(compiled("Da’esh") == R"((body : "Da’esh" OR canonical : " ent1isis "))");
  // Adjacent words naming an alias are joined.
  CHECK(compiled("Islamic State attacks") ==
      R"(((body : "Islamic State" OR canonical : " ent1isis ") AND body : "attacks"))");
  CHECK(compiled("\"Daesh attacks\"") == R"((body : "Daesh attacks" OR canonical : " ent1isis  attacks"))");
  // "IS" is the entity only in capitals, and then only the entity token is searched.
  CHECK(compiled("IS") == R"(canonical : " ent1isis ")");
  CHECK(compiled("is") == R"(body : "is")");
}

TEST_CASE("snippets highlight positive words and the alias groups named") {
  Outcome<CompiledQuery> query = compile_query("IS attacks NOT drone", {}, aliases());
  REQUIRE(query.ok());
  CHECK(query->highlight_words == std::vector<std::string>{"\"attacks\""});
  CHECK(query->highlight_groups == std::vector<size_t>{0});
  query = compile_query("Daesh cells", {}, aliases());
  REQUIRE(query.ok());
  CHECK(query->highlight_words == std::vector<std::string>{"\"Daesh\"", "\"cells\""});
}

TEST_CASE("malformed queries are errors with exact messages") {
  CHECK(failure("").message == "empty query");
  CHECK(failure("   ").message == "empty query");
  CHECK(failure(" - … ").message == "query ` - … ` has no words to search for");
  CHECK(failure("\"drone strike").message == "unclosed quote in query");
  CHECK(failure("(drone OR strike").message == "unclosed `(` in query");
  CHECK(failure("drone)").message == "unmatched `)` in query");
  CHECK(failure("drone ()").message == "empty `()` in query");
  CHECK(failure("drone OR").message == "`OR` needs a term on each side");
  CHECK(failure("OR drone").message == "`OR` needs a term on each side");
  CHECK(failure("a OR OR b").message == "`OR` needs a term on each side");
  CHECK(failure("AND drone").message == "`AND` needs a term on each side");
  CHECK(failure("drone AND").message == "`AND` needs a term on each side");
  CHECK(failure("NOT drone").message == "`NOT` needs a term on each side");
  CHECK(failure("drone NOT").message == "`NOT` needs a term on each side");
  CHECK(failure("(NOT drone)").message == "`NOT` needs a term on each side");
  CHECK(failure(std::string(40, '(') + "a" + std::string(40, ')')).message == "query nests parentheses too deeply");
  CHECK(failure("drone OR").hints == std::vector<std::string>{"write `a OR b`"});
  CHECK(failure("\"drone").hints == std::vector<std::string>{"end the phrase with `\"`"});
}

TEST_CASE("errors point at the offending token when the span holds the query verbatim") {
  auto file = std::make_shared<SourceFile>(SourceFile{"briefs/x.yaml", "query: drone OR\n"});
  const Diagnostic d = failure("drone OR", Span{file, 7, 15});
  CHECK(d.span.begin == 13);
  CHECK(d.span.end == 15);
  // A query ending inside a group is reported at the unclosed `(`, not at the operator before the end.
  auto open = std::make_shared<SourceFile>(SourceFile{"briefs/x.yaml", "query: drones AND (ships OR\n"});
  const Diagnostic unclosed = failure("drones AND (ships OR", Span{open, 7, 27});
  CHECK(unclosed.message == "unclosed `(` in query");
  CHECK(unclosed.span.begin == 18);
  CHECK(unclosed.span.end == 19);
  // A span that does not hold the text verbatim (e.g. a quoted YAML scalar) is kept whole.
  auto quoted = std::make_shared<SourceFile>(SourceFile{"briefs/x.yaml", "query: 'drone OR'\n"});
  const Diagnostic whole = failure("drone OR", Span{quoted, 7, 17});
  CHECK(whole.span.begin == 7);
  CHECK(whole.span.end == 17);
}

TEST_CASE("a query longer than 4 KiB is refused before it is parsed") {
  std::string text;
  while (text.size() <= 4096) text += "isis OR ";
  text += "isis";
  const Diagnostic d = failure(text);
  CHECK(d.message == "query of " + std::to_string(text.size()) + " bytes is longer than the limit of 4096 bytes");
  std::string fits;
  while (fits.size() + 8 <= 4000) fits += "isis OR ";
  fits += "isis";
  CHECK_FALSE(compiled(fits).empty());
}
