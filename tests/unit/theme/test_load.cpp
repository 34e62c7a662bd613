#include "theme/theme.hpp"

#include "theme_test_util.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace brief;
using namespace brief::theme;
using namespace brief::theme::test;

TEST_CASE("every shipped template loads without diagnostics") {
  const std::vector<std::filesystem::path> search_path{k_shipped};
  const auto templates = list(search_path);
  std::vector<std::string> names;
  for (const auto& info : templates) names.push_back(info.name);
  CHECK(names == std::vector<std::string>{"analyst", "base", "briefing", "briefing-dark", "executive", "public"});
  for (const auto& name : names) {
    INFO("template " << name);
    const auto theme = load(name, search_path, {}, BRIEF_SOURCE_DIR);
    INFO(all_messages(theme));
    REQUIRE(theme.ok());
    CHECK(theme.diagnostics().empty());
    CHECK_FALSE(theme->description.empty());
    CHECK(theme->merged_yaml.find("# template `" + name + "`") == 0);
  }
}

TEST_CASE("the shipped templates suit their audiences") {
  const std::vector<std::filesystem::path> sp{k_shipped};
  const auto analyst = load("analyst", sp);
  REQUIRE(analyst.ok());
  CHECK(std::abs(analyst->page.width - 595.276) < 0.01);
  CHECK(analyst->style("body").family == "Charis SIL");
  CHECK(analyst->style("body").size == 10.5);
  CHECK(std::abs(analyst->style("body").leading * 10.5 - 14) < 1e-9);
  CHECK(analyst->style("h1").family == "Noto Sans");
  CHECK(analyst->citations == CitationStyle::brackets);
  CHECK(analyst->portion_marks);
  CHECK(analyst->clearance == "official-use");
  CHECK(analyst->source_descriptors);
  CHECK(analyst->sources_summary);
  CHECK(analyst->chain.size() == 2);

  const auto executive = load("executive", sp);
  REQUIRE(executive.ok());
  CHECK(executive->style("body").size == 12);
  CHECK(executive->max_pages == 2);
  CHECK(executive->citations == CitationStyle::superscript);
  CHECK(executive->sections ==
      std::vector<std::string>{"summary", "key_judgments", "recommendations", "key_figures", "bibliography"});
  CHECK(executive->section_limits.at("key_judgments") == 4);
  CHECK(executive->chain.size() == 3);

  const auto pub = load("public", sp);
  REQUIRE(pub.ok());
  CHECK(pub->clearance == "public");
  CHECK_FALSE(pub->banner);
  CHECK_FALSE(pub->portion_marks);
  CHECK(pub->release_statement == "Approved for public release. Distribution unlimited.");
  CHECK(pub->footer.center.empty());
  CHECK(pub->citations == CitationStyle::footnotes);

  const auto slides = load("briefing", sp);
  REQUIRE(slides.ok());
  CHECK(slides->format == "slides");
  CHECK(slides->page.width == 960);
  CHECK(slides->page.height == 540);
  CHECK(slides->style("body").size >= 20);
  CHECK(slides->style("slide_body").size >= 20);
  CHECK(slides->background.r == 1);

  const auto dark = load("briefing-dark", sp);
  REQUIRE(dark.ok());
  CHECK(dark->format == "slides");
  CHECK(dark->background.r < 0.2);
  CHECK(dark->style("slide_body").color.r > 0.8);
  CHECK(dark->style("slide_body").family == "Noto Sans");  // from briefing's body
}

TEST_CASE("base.yaml states the built-in defaults") {
  const auto base = load("base", {k_shipped});
  REQUIRE(base.ok());
  const Theme defaults;
  CHECK(std::abs(base->page.width - defaults.page.width) < 0.01);
  CHECK(std::abs(base->page.height - defaults.page.height) < 0.01);
  CHECK(base->page.margin_top == defaults.page.margin_top);
  CHECK(base->page.margin_left == defaults.page.margin_left);
  CHECK(base->page.column_gap == defaults.page.column_gap);
  for (const LineBreakingParameter& p : line_breaking_parameters()) {
    INFO("line_breaking." << p.key);
    std::visit([&](auto member) { CHECK(base->line_breaking.*member == defaults.line_breaking.*member); }, p.member);
  }
  CHECK(base->style("body").family == TextStyle{}.family);
  CHECK(base->style("body").size == TextStyle{}.size);
  CHECK(base->clearance == defaults.clearance);
  CHECK(base->citations == defaults.citations);
  CHECK(base->slide_max_bullets == defaults.slide_max_bullets);
  // Every element has a style in base.yaml.
  for (const auto& element : style_elements()) CHECK(base->styles.count(element) == 1);
}

TEST_CASE("extends merges mappings key by key and replaces lists") {
  const auto theme = load("child", path_with("templates-merge"));
  INFO(all_messages(theme));
  REQUIRE(theme.ok());
  CHECK(theme->page.columns == 1);                  // child wins
  CHECK(std::abs(theme->page.width - 595.276) < 0.01);  // parent's paper kept
  CHECK(theme->style("h1").size == 16);             // child's key
  CHECK(theme->style("h1").family == "Noto Sans");  // parent's other keys of the same mapping
  CHECK(theme->style("h1").weight == Weight::bold);
  CHECK(theme->bibliography_fields == std::vector<std::string>{"title"});  // lists replace
  CHECK(theme->sections == std::vector<std::string>{"summary"});
  CHECK(theme->description == "Child for merge tests");
  REQUIRE(theme->chain.size() == 2);
  CHECK(theme->chain[0].filename() == "child.yaml");
  CHECK(theme->chain[1].filename() == "parent.yaml");
}

TEST_CASE("a partial style inherits the rest from body") {
  const auto theme = load("grandchild", path_with("templates-merge"));
  REQUIRE(theme.ok());
  CHECK(theme->style("body").size == 11);
  CHECK(theme->style("body").family == "Charis SIL");
  CHECK(theme->style("h1").size == 16);
  // h1 sets no colour anywhere in the chain: it takes body's.
  CHECK(theme->style("h1").color.r == theme->style("body").color.r);
  // Elements no template mentions fall back to body.
  CHECK(theme->style("caption").size == 11);
}

TEST_CASE("an empty value resets a key to its default") {
  const auto with = load("with-logo", path_with("templates-merge"), {}, k_data);
  INFO(all_messages(with));
  REQUIRE(with.ok());
  CHECK(with->logo.filename() == "mark.png");
  const auto reset = load("reset-logo", path_with("templates-merge"), {}, k_data);
  REQUIRE(reset.ok());
  CHECK(reset->logo.empty());
}

TEST_CASE("merged_yaml shows the effective values and the chain") {
  const auto theme = load("child", path_with("templates-merge"));
  REQUIRE(theme.ok());
  const std::string& yaml = theme->merged_yaml;
  INFO(yaml);
  CHECK(yaml.find("# template `child`") == 0);
  CHECK(yaml.find("child.yaml") != std::string::npos);
  CHECK(yaml.find("parent.yaml") != std::string::npos);
  CHECK(yaml.find("columns: 1") != std::string::npos);
  CHECK(yaml.find("columns: 2") == std::string::npos);
  CHECK(yaml.find("fields: [title]") != std::string::npos);
  CHECK(yaml.find("extends:") == std::string::npos);
  CHECK(yaml.find("size: 16") != std::string::npos);
  CHECK(yaml.find("family: Noto Sans") != std::string::npos);
  CHECK(yaml.find("description: Child for merge tests") != std::string::npos);
}
