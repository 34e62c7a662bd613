#include "base/diagnostic.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace brief;

TEST_CASE("locate counts lines and code points from 1") {
  const std::string text = "ab\nçd: x\n";
  CHECK(locate(text, 0).line == 1);
  CHECK(locate(text, 0).column == 1);
  const auto lc = locate(text, 6);  // the ":" after "çd" (ç is 2 bytes)
  CHECK(lc.line == 2);
  CHECK(lc.column == 3);
}

TEST_CASE("a diagnostic prints file:line:col, the line, a caret and hints") {
  auto file = std::make_shared<SourceFile>(SourceFile{"briefs/x.yaml", "id: x\nlimt: 4\n"});
  Diagnostic d{Severity::error, "unknown key `limt` in section", Span{file, 6, 10}, {"did you mean `limit`?"}};
  CHECK(format_diagnostic(d) ==
      "briefs/x.yaml:2:1: error: unknown key `limt` in section\n"
      "  |\n"
      "2 | limt: 4\n"
      "  | ^^^^\n"
      "  = hint: did you mean `limit`?\n");
}

TEST_CASE("a diagnostic without a location prints message and hints only") {
  Diagnostic d{Severity::warning, "no sections", {}, {"add one"}};
  CHECK(format_diagnostic(d) == "warning: no sections\n  = hint: add one\n");
}

TEST_CASE("did_you_mean suggests close candidates only") {
  CHECK(did_you_mean("limt", {"limit", "query", "documents"}) == "did you mean `limit`?");
  CHECK(did_you_mean("qeury", {"limit", "query"}) == "did you mean `query`?");
  CHECK(did_you_mean("zzzzzz", {"limit", "query"}).empty());
}

TEST_CASE("Diagnostics counts errors and warnings") {
  Diagnostics d;
  CHECK_FALSE(d.has_errors());
  d.warning({}, "w");
  CHECK_FALSE(d.has_errors());
  d.error({}, "e");
  CHECK(d.has_errors());
  CHECK(d.error_count() == 1);
  CHECK(d.warning_count() == 1);
}
