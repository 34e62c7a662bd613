// Golden layout traces: small hand-built documents laid out and traced, compared with
// tests/golden/layout/<name>.txt. To regenerate after an intended change, run
//   BRIEF_UPDATE_GOLDEN=1 ./test_layout "[golden]"
// which rewrites the files instead of comparing; review the diff like code.
#include "layout/layout.hpp"
#include "layout_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace brief;
using namespace brief::layout;
using namespace brief::layout::testing;

namespace {

void check_golden(const std::string& name, const model::Document& d, const theme::Theme& t) {
  text::FontLibrary fonts;
  auto out = run(d, t, fonts);
  REQUIRE(out.ok());
  const std::string actual = trace(*out, fonts);
  const std::string path = std::string(BRIEF_SOURCE_DIR) + "/tests/golden/layout/" + name + ".txt";
  const char* update = std::getenv("BRIEF_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    WARN("rewrote " << path);
    return;
  }
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() != actual) {
    // Report the first differing line rather than two whole traces.
    std::istringstream a(actual), e(expected.str());
    std::string la, le;
    int line = 0;
    while (true) {
      const bool ga = bool(std::getline(a, la)), ge = bool(std::getline(e, le));
      ++line;
      if (!ga && !ge) break;
      if (la != le || ga != ge) {
        FAIL(name << ".txt line " << line << "\n  expected: " << le << "\n  actual:   " << la);
        break;
      }
    }
  }
  CHECK(expected.str() == actual);
}

} // namespace

TEST_CASE("golden: long justified paragraph", "[golden]") {
  model::Document d;
  d.meta.title = "Justified";
  d.blocks.push_back(heading("Bottom line up front"));
  d.blocks.push_back(paragraph(k_prose + " " + k_prose));
  check_golden("long_paragraph", d, small_theme());
}

TEST_CASE("golden: hyphenation on a narrow measure", "[golden]") {
  theme::Theme t = small_theme();
  t.page.margin_left = t.page.margin_right = 130;  // a 160 pt measure
  model::Document d;
  d.blocks.push_back(paragraph(k_prose));
  check_golden("hyphenation", d, t);
}

TEST_CASE("golden: widow avoided at a page break", "[golden]") {
  model::Document d;
  d.blocks.push_back(paragraph(k_prose));
  d.blocks.push_back(paragraph("Security forces have reduced the number of large attacks over the past two years."));
  d.blocks.push_back(paragraph(k_prose));
  check_golden("widow", d, small_theme());
}

TEST_CASE("golden: footnote split across pages", "[golden]") {
  theme::Theme t = small_theme();
  t.citations = theme::CitationStyle::footnotes;
  model::Document d;
  model::Citation c;
  c.number = 1;
  c.anchor = "source-1";
  c.note = plain(k_prose);
  d.citations.push_back(c);
  d.blocks.push_back(paragraph(k_prose));
  model::Paragraph cited = paragraph("Attacks declined in the second half of the year.");
  cited.inlines.push_back(citation(0, "1"));
  d.blocks.push_back(cited);
  d.blocks.push_back(paragraph(k_prose));
  check_golden("footnote_split", d, t);
}

TEST_CASE("golden: table across a page", "[golden]") {
  model::Document d;
  model::Table table;
  table.header = {plain("Province"), plain("Attacks"), plain("Assessment")};
  for (int i = 0; i < 14; ++i)
    table.rows.push_back({plain("Province " + std::to_string(i + 1)), plain(std::to_string(10 + i)),
        plain("Small cells remain active in rural districts.")});
  table.caption = "Attacks by province, 2023.";
  d.blocks.push_back(paragraph(k_prose));
  d.blocks.push_back(table);
  check_golden("table_across_page", d, small_theme());
}

TEST_CASE("golden: Arabic in a Latin paragraph", "[golden]") {
  model::Document d;
  d.blocks.push_back(paragraph("The group calls itself \xd8\xa7\xd9\x84\xd8\xaf\xd9\x88\xd9\x84\xd8\xa9 "
      "\xd8\xa7\xd9\x84\xd8\xa5\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85\xd9\x8a\xd8\xa9 (Islamic State) in its "
      "statements, while officials in Baghdad say Da\xe2\x80\x99" "esh; transliterations such as "
      "\xe1\xb8\xa4" "ama\xe1\xb8\xa5 and \xe1\xb9\xa3" "al\xc4\x81t must survive."));
  check_golden("arabic_in_latin", d, small_theme());
}
