#include "theme/theme.hpp"

#include "theme_test_util.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>

using namespace brief;
using namespace brief::theme;
using namespace brief::theme::test;

namespace {

Outcome<Theme> load_error_template(const std::string& name, const std::filesystem::path& project_root = {}) {
  return load(name, path_with("templates-errors"), {}, project_root);
}

bool has_hint(const Diagnostic& d, const std::string& hint) {
  return std::find(d.hints.begin(), d.hints.end(), hint) != d.hints.end();
}

} // namespace

TEST_CASE("a cycle of extends is named") {
  const auto theme = load("cycle-a", path_with("templates-merge"));
  REQUIRE_FALSE(theme.ok());
  const auto* d = find_error(theme, "templates extend each other in a cycle: cycle-a -> cycle-b -> cycle-c -> cycle-a");
  REQUIRE(d);
  CHECK(where(*d) == "cycle-c.yaml:1:10");
  CHECK(has_hint(*d, "remove `extends` from one of them"));
}

TEST_CASE("a missing parent gets a suggestion") {
  const auto theme = load("orphan", path_with("templates-merge"));
  const auto* d = find_error(theme, "template `analist` not found");
  REQUIRE(d);
  CHECK(where(*d) == "orphan.yaml:1:10");
  CHECK(d->hints.front() == "did you mean `analyst`?");
}

TEST_CASE("template names are never paths") {
  const auto theme = load_error_template("bad-extends");
  const auto* d = find_error(theme, "invalid template name `../templates/analyst`");
  REQUIRE(d);
  CHECK(where(*d) == "bad-extends.yaml:1:10");
  CHECK_FALSE(load("../templates/analyst", {k_shipped}).ok());
  CHECK(find_error(load("nope", {k_shipped}), "template `nope` not found"));
}

TEST_CASE("an unknown key in a child points into the child's file") {
  const auto theme = load_error_template("unknown-key");
  REQUIRE_FALSE(theme.ok());
  const auto* key = find_error(theme, "unknown key `sise` in `styles.h1`");
  REQUIRE(key);
  CHECK(where(*key) == "unknown-key.yaml:3:9");
  CHECK(key->hints.front() == "did you mean `size`?");
  const auto* top = find_error(theme, "unknown key `colours` in `template`");
  REQUIRE(top);
  CHECK(where(*top) == "unknown-key.yaml:4:1");
  CHECK(top->hints.front() == "did you mean `colors`?");
}

TEST_CASE("bad colours") {
  const auto theme = load_error_template("bad-color");
  const auto* hex = find_error(theme, "invalid color `#1f3b6`");
  REQUIRE(hex);
  CHECK(where(*hex) == "bad-color.yaml:3:11");
  CHECK(hex->hints.back().find("#rrggbb") != std::string::npos);
  const auto* named = find_error(theme, "invalid color `navvy`");
  REQUIRE(named);
  CHECK(named->hints.front() == "did you mean `navy`?");
}

TEST_CASE("a font family that is not installed") {
  const auto theme = load_error_template("bad-font");
  const auto* d = find_error(theme, "font family `Charis` is not installed");
  REQUIRE(d);
  CHECK(where(*d) == "bad-font.yaml:3:19");
  CHECK(d->hints.front() == "installed families with a similar name: `Charis SIL`");
}

TEST_CASE("logo paths stay inside the template's folder or the project") {
  SECTION("../ out of the folder") {
    const auto theme = load_error_template("logo-escape");
    const auto* d = find_error(theme, "logo `../templates-user/logos/mark.png` is outside the template's folder and the project");
    REQUIRE(d);
    CHECK(where(*d) == "logo-escape.yaml:2:7");
  }
  SECTION("the same path is fine inside the project root") {
    CHECK(load_error_template("logo-escape", k_data).ok());
  }
  SECTION("absolute paths outside") {
    const auto theme = load_error_template("logo-absolute", BRIEF_SOURCE_DIR);
    CHECK(find_error(theme, "logo `/etc/passwd` is outside the template's folder and the project"));
  }
  SECTION("missing file") {
    const auto theme = load_error_template("logo-missing");
    const auto* d = find_error(theme, "logo file `logos/none.png` does not exist");
    REQUIRE(d);
    CHECK(d->hints.front().find("relative to the template's folder") != std::string::npos);
  }
  SECTION("a symlink leaving the folder") {
    const auto dir = std::filesystem::temp_directory_path() / ("brief-theme-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    std::filesystem::create_symlink(k_data / "templates-user/logos/mark.png", dir / "mark.png");
    std::ofstream(dir / "linked.yaml") << "logo: mark.png\n";
    const auto theme = load("linked", {dir});
    std::filesystem::remove_all(dir);
    CHECK(find_error(theme, "logo `mark.png` is outside the template's folder and the project"));
  }
}

TEST_CASE("unknown placeholders in running lines") {
  const auto theme = load_error_template("bad-placeholder");
  const auto* d = find_error(theme, "unknown placeholder `{sectoin}`");
  REQUIRE(d);
  CHECK(where(*d) == "bad-placeholder.yaml:3:10");
  CHECK(d->hints.front() == "did you mean `{section}`?");
}

TEST_CASE("values out of range or unknown") {
  const auto theme = load_error_template("bad-values");
  INFO(all_messages(theme));
  const auto* paper = find_error(theme, "unknown paper size `a3`");
  REQUIRE(paper);
  CHECK(paper->hints.front() == "did you mean `a4`?");
  CHECK(where(*paper) == "bad-values.yaml:3:10");
  CHECK(find_error(theme, "`columns` must be between 1 and 6, not 9"));
  CHECK(find_error(theme, "`size` must be between 4pt and 200pt, not 0"));
  CHECK(find_error(theme, "unknown value `endnotes` for `citations`"));
  CHECK(find_error(theme, "invalid clearance `Official Use`"));
  const auto* kind = find_error(theme, "unknown section kind `key_judgement`");
  REQUIRE(kind);
  CHECK(kind->hints.front() == "did you mean `key_judgments`?");
  for (const auto& d : theme.diagnostics()) CHECK_FALSE(d.hints.empty());
}

TEST_CASE("margins must leave room for text") {
  const auto theme = load_error_template("bad-margins");
  REQUIRE_FALSE(theme.ok());
  const auto& d = theme.diagnostics().items().front();
  CHECK(d.message == "the margins leave a text area of 60pt by 60pt (60pt per column)");
  CHECK(where(d) == "bad-margins.yaml:4:12");
}

TEST_CASE("whole numbers beyond any integer are range errors") {
  const auto theme = load_error_template("huge-numbers");
  INFO(all_messages(theme));
  CHECK(find_error(theme, "`max_pages` must be between 0 and 1000, not 1e20"));
  CHECK(find_error(theme, "`columns` must be between 1 and 6, not -1e300"));
}
