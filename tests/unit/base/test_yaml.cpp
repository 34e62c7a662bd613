#include "base/yaml.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace brief;

namespace {
SourceFilePtr file_of(std::string text) {
  return std::make_shared<SourceFile>(SourceFile{"t.yaml", std::move(text)});
}
} // namespace

TEST_CASE("a syntax error is reported at its position") {
  const auto file = file_of("a: [1, 2\nb: 3\n");
  const auto result = yaml::parse(file);
  REQUIRE_FALSE(result.ok());
  const auto& d = result.diagnostics().items().front();
  CHECK(d.message.rfind("invalid YAML:", 0) == 0);
  CHECK(d.span.has_location());
}

TEST_CASE("MapReader reports unknown keys with a suggestion and reads typed values") {
  const auto file = file_of("title: T\nlimt: 4\nlimit: 7\nflag: yes\n");
  auto root = yaml::parse(file);
  REQUIRE(root.ok());
  Diagnostics diags;
  yaml::MapReader r(file, *root, "section", {"title", "limit", "flag"}, diags);
  REQUIRE(diags.error_count() == 1);
  const auto& d = diags.items().front();
  CHECK(d.message == "unknown key `limt` in section");
  CHECK(d.span.start().line == 2);
  CHECK(d.hints.front() == "did you mean `limit`?");
  CHECK(r.string("title") == "T");
  CHECK(r.integer("limit", 1, 100) == 7);
  CHECK(r.boolean("flag") == true);
}

TEST_CASE("MapReader reports wrong types and ranges at the value") {
  const auto file = file_of("limit: many\nsize: 900\nitems: {a: 1}\n");
  auto root = yaml::parse(file);
  REQUIRE(root.ok());
  Diagnostics diags;
  yaml::MapReader r(file, *root, "section", {"limit", "size", "items"}, diags);
  CHECK_FALSE(r.integer("limit", 1, 10).has_value());
  CHECK_FALSE(r.number("size", 1, 100).has_value());
  CHECK_FALSE(r.strings("items").has_value());
  REQUIRE(diags.error_count() == 3);
  CHECK(diags.items()[0].message == "`limit` must be a whole number, not `many`");
  CHECK(diags.items()[0].span.start().column == 8);
  CHECK(diags.items()[1].message == "`size` must be between 1 and 100, not 900");
  CHECK(diags.items()[2].message == "`items` must be a list of text items, not a mapping");
}

TEST_CASE("duplicate keys are errors") {
  const auto file = file_of("a: 1\na: 2\n");
  auto root = yaml::parse(file);
  REQUIRE(root.ok());
  Diagnostics diags;
  yaml::MapReader r(file, *root, "spec", {"a"}, diags);
  REQUIRE(diags.error_count() == 1);
  CHECK(diags.items()[0].message == "duplicate key `a` in spec");
}

TEST_CASE("alias bombs and deep nesting are refused with a clear error") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = name;
  }
  const auto bombed = yaml::parse(file_of(bomb));
  REQUIRE_FALSE(bombed.ok());
  CHECK(bombed.diagnostics().items()[0].message.find("more than 200000 nodes") != std::string::npos);

  const auto deep = yaml::parse(file_of(std::string(1000, '[') + std::string(1000, ']')));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.diagnostics().items()[0].message == "YAML nested more than 64 levels deep");
}

TEST_CASE("invalid UTF-8 in YAML is reported with its byte offset") {
  const auto result = yaml::parse(file_of("title: caf\xE9\n"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.diagnostics().items()[0].message == "invalid UTF-8 at byte offset 10");
}
