#include "theme/theme.hpp"

#include "theme_test_util.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>

using namespace brief;
using namespace brief::theme;
using namespace brief::theme::test;

TEST_CASE("the default search path") {
  const char* old = std::getenv("BRIEF_TEMPLATE_PATH");
  const std::string saved = old ? old : "";
  setenv("BRIEF_TEMPLATE_PATH", "/a/b::/c", 1);
  const auto dirs = default_search_path("/project");
  if (old) setenv("BRIEF_TEMPLATE_PATH", saved.c_str(), 1);
  else unsetenv("BRIEF_TEMPLATE_PATH");
  REQUIRE(dirs.size() >= 4);
  CHECK(dirs[0] == std::filesystem::path("/project/templates"));
  CHECK(dirs[1] == std::filesystem::path("/a/b"));
  CHECK(dirs[2] == std::filesystem::path("/c"));
  CHECK(dirs.back() == std::filesystem::path("/usr/local/share/brief/templates"));
  const auto position = [&](const std::filesystem::path& dir) {
    return std::find(dirs.begin(), dirs.end(), dir) - dirs.begin();
  };
  // The templates installed beside the running executable: <prefix>/bin/x -> <prefix>/share/brief.
  const auto exe = std::filesystem::read_symlink("/proc/self/exe");
  const auto installed = (exe.parent_path().parent_path() / "share/brief/templates").lexically_normal();
  CHECK(position(installed) < static_cast<long>(dirs.size()) - 1);
  if (const char* home = std::getenv("HOME")) {
    const auto user = position(std::filesystem::path(home) / ".config/brief/templates");
    CHECK(user == 3);
    CHECK(user < position(installed));
  }
}

TEST_CASE("a user template directory on the search path") {
  const char* old = std::getenv("BRIEF_TEMPLATE_PATH");
  const std::string saved = old ? old : "";
  setenv("BRIEF_TEMPLATE_PATH", (k_data / "templates-user").c_str(), 1);
  const auto search_path = default_search_path(BRIEF_SOURCE_DIR);
  if (old) setenv("BRIEF_TEMPLATE_PATH", saved.c_str(), 1);
  else unsetenv("BRIEF_TEMPLATE_PATH");

  const auto infos = list(search_path);
  const auto it = std::find_if(infos.begin(), infos.end(), [](const TemplateInfo& i) { return i.name == "ops-blue"; });
  REQUIRE(it != infos.end());
  CHECK(it->extends == "analyst");
  CHECK(it->description == "Analyst brief in the operations cell's house style");

  const auto theme = load("ops-blue", search_path, {}, BRIEF_SOURCE_DIR);
  INFO(all_messages(theme));
  REQUIRE(theme.ok());
  CHECK(theme->style("body").family == "Noto Serif");
  CHECK(theme->style("body").size == 10);
  CHECK(theme->style("h1").family == "DejaVu Sans");
  CHECK(theme->accent.r == Approx(0x0b / 255.0));
  CHECK(std::abs(theme->page.margin_left - 30 * 72 / 25.4) < 1e-9);
  CHECK(theme->citations == CitationStyle::brackets);  // from analyst
  CHECK(theme->portion_marks);
  CHECK(theme->logo.filename() == "mark.png");
  CHECK(theme->chain.size() == 3);
  CHECK(theme->merged_yaml.find("family: Noto Serif") != std::string::npos);
  CHECK(theme->merged_yaml.find("accent: \"#0b5394\"") != std::string::npos);
  CHECK(theme->merged_yaml.find("ops-blue.yaml") != std::string::npos);
}

TEST_CASE("earlier directories shadow later ones") {
  const auto infos = list({k_shipped, k_data / "templates-merge", k_shipped});
  size_t analysts = 0;
  for (const auto& info : infos) analysts += info.name == "analyst";
  CHECK(analysts == 1);
  CHECK(std::is_sorted(infos.begin(), infos.end(),
      [](const TemplateInfo& a, const TemplateInfo& b) { return a.name < b.name; }));
}
