#include "briefing/spec.hpp"

#include "spec_test_util.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <string>

using namespace brief;
using namespace brief::briefing;
using namespace brief::briefing::test;

TEST_CASE("the README example loads with every field") {
  const auto result = load(BRIEF_TEST_DATA "/specs/iraq-ct-overview.yaml");
  REQUIRE(result.ok());
  CHECK(result.diagnostics().empty());
  const BriefSpec& spec = *result;
  CHECK(spec.id == "iraq-ct-overview");
  CHECK(spec.title == "Countering ISIS in Iraq");
  CHECK(spec.subtitle.rfind("Progress,", 0) == 0);
  CHECK(spec.date == "2026-11-21");
  CHECK(spec.authors == std::vector<std::string>{"Counter-Terrorism Analysis Cell"});
  CHECK(spec.template_name == "analyst");
  CHECK(spec.corpus == "../corpus");
  CHECK(spec.corpus_span.start().line == 8);
  REQUIRE(spec.outputs.size() == 3);
  CHECK(spec.outputs[0].format == OutputFormat::brief);
  CHECK(spec.outputs[1].template_name == "executive");
  CHECK(spec.outputs[2].format == OutputFormat::slides);
  CHECK(spec.outputs[2].template_name == "briefing-dark");
  REQUIRE(spec.sections.size() == 8);
  CHECK(spec.sections[0].kind == SectionKind::summary);
  CHECK(spec.sections[0].sentences == 3);
  CHECK(spec.sections[1].kind == SectionKind::key_judgments);
  CHECK(spec.sections[1].limit == 5);
  CHECK(spec.sections[3].selector.documents == std::vector<std::string>{"itic-2020-isis-iraq"});
  CHECK(spec.sections[3].selector.query == "sleeper cells resurgence");
  REQUIRE(spec.sections[4].selector.ids.size() == 2);
  CHECK(spec.sections[4].selector.ids[1].id == "shafaq-2024-coalition-transition#p12.s2");
  CHECK(spec.sections[4].selector.ids[1].span.start().line == 23);
  CHECK(spec.sections[7].kind == SectionKind::bibliography);
  CHECK(spec.sections[7].new_page);
  CHECK_FALSE(spec.sections[7].repeat);
  CHECK(spec.sections[7].span.start().line == 28);
  CHECK(spec.sections[7].kind_span.start().line == 29);
}

TEST_CASE("a minimal spec takes the defaults") {
  const auto result = load(BRIEF_TEST_DATA "/specs/minimal.yaml");
  REQUIRE(result.ok());
  CHECK(result->template_name == "analyst");
  CHECK(result->outputs.empty());
  CHECK(result->date.empty());
  REQUIRE(result->sections.size() == 1);
  CHECK(result->sections[0].selector.query == "sleeper cells");
  CHECK(result->sections[0].order == Order::salience);
}

TEST_CASE("a missing spec file is reported") {
  const auto result = load(BRIEF_TEST_DATA "/specs/does-not-exist.yaml");
  REQUIRE_FALSE(result.ok());
  CHECK(result.diagnostics().has_errors());
}

TEST_CASE("required header fields") {
  SECTION("id") {
    const auto r = parse_text("title: T\nsections: [{title: A, bibliography: true}]\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r).message == "spec needs `id`");
    CHECK(where(first_error(r)) == "1:1");
    CHECK(first_error(r).hints.front() == "add `id: my-brief`; it also names the output files");
  }
  SECTION("title") {
    const auto r = parse_text("id: x\nsections: [{title: A, bibliography: true}]\n");
    CHECK(first_error(r).message == "spec needs `title`");
  }
  SECTION("empty title") {
    const auto r = parse_text("id: x\ntitle: ''\nsections: [{title: A, bibliography: true}]\n");
    CHECK(first_error(r).message == "`title` must not be empty");
    CHECK(where(first_error(r)) == "2:8");
  }
  SECTION("sections") {
    const auto r = parse_text("id: x\ntitle: T\n");
    CHECK(first_error(r).message == "spec needs `sections`");
    CHECK_FALSE(first_error(r).hints.empty());
  }
}

TEST_CASE("an empty file and a non-mapping are errors") {
  CHECK(first_error(parse_text("")).message == "spec file is empty");
  const auto r = parse_text("- a\n- b\n");
  CHECK(first_error(r).message == "spec must be a mapping of keys to values, not a list");
  CHECK_FALSE(first_error(r).hints.empty());
}

TEST_CASE("unknown top-level keys get a suggestion") {
  const auto r = parse_text("id: x\ntitle: T\nsubtitel: S\nsections: [{title: A, bibliography: true}]\n");
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r).message == "unknown key `subtitel` in spec");
  CHECK(where(first_error(r)) == "3:1");
  CHECK(first_error(r).hints.front() == "did you mean `subtitle`?");
}

TEST_CASE("spec ids must be safe file names") {
  const auto check = [](const std::string& id, const std::string& message) {
    const auto r = parse_text("id: " + id + "\ntitle: T\nsections: [{title: A, bibliography: true}]\n");
    REQUIRE_FALSE(r.ok());
    CHECK(first_error(r).message == message);
    CHECK(where(first_error(r)) == "1:5");
    CHECK_FALSE(first_error(r).hints.empty());
  };
  check("Iraq-CT", "invalid spec id `Iraq-CT`");
  check("../etc/passwd", "invalid spec id `../etc/passwd`");
  check("a/b", "invalid spec id `a/b`");
  check("a..b", "spec id `a..b` contains `..`");
  check("-x", "invalid spec id `-x`");
  check(std::string(101, 'a'), "spec id is longer than 100 characters");
  CHECK(parse_text("id: a.b_c-2\ntitle: T\nsections: [{title: A, bibliography: true}]\n").ok());
}

TEST_CASE("dates must be real YYYY-MM-DD dates") {
  const auto date_error = [](const std::string& date) {
    return first_error(parse_text(with_header("date: " + date + "\nsections: [{title: A, bibliography: true}]\n")));
  };
  CHECK(date_error("21/11/2026").message == "`date` must be written YYYY-MM-DD, not `21/11/2026`");
  CHECK(date_error("21/11/2026").hints.front() == "for example `date: 2026-11-21`");
  CHECK(where(date_error("21/11/2026")) == "3:7");
  CHECK(date_error("2026-11").message == "`date` must be written YYYY-MM-DD, not `2026-11`");
  CHECK(date_error("2026-02-29").message == "`2026-02-29` is not a real date");
  CHECK(date_error("2026-02-29").hints.front() == "2026-02 has 28 days");
  CHECK(date_error("2026-13-01").hints.front() == "months run from 01 to 12");
  CHECK(parse_text(with_header("date: 2028-02-29\nsections: [{title: A, bibliography: true}]\n")).ok());
}

TEST_CASE("template names are names, not paths") {
  const auto r = parse_text(with_header("template: ../../evil\nsections: [{title: A, bibliography: true}]\n"));
  CHECK(first_error(r).message == "invalid template name `../../evil`");
  CHECK(where(first_error(r)) == "3:11");
}

TEST_CASE("authors may be one name or a list") {
  const auto one = parse_text(with_header("authors: Cell A\nsections: [{title: A, bibliography: true}]\n"));
  REQUIRE(one.ok());
  CHECK(one->authors == std::vector<std::string>{"Cell A"});
  const auto bad = parse_text(with_header("authors: {a: 1}\nsections: [{title: A, bibliography: true}]\n"));
  CHECK(first_error(bad).message == "`authors` must be a list of text items, not a mapping");
  CHECK_FALSE(first_error(bad).hints.empty());
}

TEST_CASE("outputs") {
  const std::string sections = "sections: [{title: A, bibliography: true}]\n";
  SECTION("format and template default") {
    const auto r = parse_text(with_header("template: executive\noutputs:\n  - format: slides-handout\n  - {}\n" + sections));
    REQUIRE(r.ok());
    REQUIRE(r->outputs.size() == 2);
    CHECK(r->outputs[0].format == OutputFormat::slides_handout);
    CHECK(r->outputs[1].format == OutputFormat::brief);
    CHECK(r->outputs[1].template_name.empty());
  }
  SECTION("unknown format") {
    const auto r = parse_text(with_header("outputs:\n  - format: slide\n" + sections));
    CHECK(first_error(r).message == "unknown value `slide` for `format`");
    CHECK(where(first_error(r)) == "4:13");
    CHECK(first_error(r).hints.front() == "did you mean `slides`?");
  }
  SECTION("duplicate, counting the spec's template") {
    const auto r = parse_text(with_header("outputs:\n  - template: analyst\n  - format: brief\n" + sections));
    CHECK(first_error(r).message == "duplicate output: brief with template `analyst`");
    CHECK(where(first_error(r)) == "5:5");
    CHECK(first_error(r).hints.front() == "the output at line 4 makes the same file; remove one");
  }
  SECTION("empty template name") {
    const auto r = parse_text(with_header("outputs:\n  - {format: slides, template: ''}\n" + sections));
    CHECK(first_error(r).message == "output template name must not be empty");
    const auto null = parse_text(with_header("outputs:\n  - template:\n" + sections));
    CHECK(first_error(null).message == "output template name must not be empty");
  }
  SECTION("empty list and wrong shape") {
    CHECK(first_error(parse_text(with_header("outputs: []\n" + sections))).message == "`outputs` is empty");
    CHECK(first_error(parse_text(with_header("outputs: {format: brief}\n" + sections))).message ==
        "`outputs` must be a list of outputs, not a mapping");
  }
  SECTION("unknown key in an output") {
    const auto r = parse_text(with_header("outputs:\n  - {format: slides, templte: briefing}\n" + sections));
    CHECK(first_error(r).message == "unknown key `templte` in output");
    CHECK(first_error(r).hints.front() == "did you mean `template`?");
  }
}

TEST_CASE("sections must be a non-empty list") {
  CHECK(first_error(parse_text(with_header("sections: []\n"))).message == "`sections` is empty");
  CHECK(where(first_error(parse_text(with_header("sections: []\n")))) == "3:11");
  CHECK(first_error(parse_text(with_header("sections: {title: A}\n"))).message ==
      "`sections` must be a list of sections, not a mapping");
}

TEST_CASE("errors from several places are all reported") {
  const auto r = parse_text("id: X\ntitle: T\ndate: 2026-02-30\nsections:\n  - title: A\n  - passages: q\n");
  CHECK(r.diagnostics().error_count() == 4);  // id, date, section without kind, section without title
}

TEST_CASE("a spec with 10000 sections parses") {
  std::string text = "id: big\ntitle: Big\nsections:\n";
  for (int i = 0; i < 10000; ++i)
    text += "  - {title: Section " + std::to_string(i) + ", passages: {query: \"sleeper cells\", limit: 3}}\n";
  const auto r = parse_text(text);
  REQUIRE(r.ok());
  CHECK(r->sections.size() == 10000);
  CHECK(r->sections.back().title == "Section 9999");
}

TEST_CASE("spec files over 4 MiB are refused") {
  std::string text = "id: big\ntitle: Big\nsections:\n  - {title: A, passages: \"";
  text += std::string(size_t{4} << 20, 'a');
  text += "\"}\n";
  const auto r = parse_text(text);
  REQUIRE_FALSE(r.ok());
  CHECK(first_error(r).message.find("larger than the limit") != std::string::npos);
}
