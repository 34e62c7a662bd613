#include "schedule/schedule.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>

using namespace brief::schedule;
using brief::briefing::OutputFormat;

TEST_CASE("output names follow the naming rules") {
  CHECK(output_name("iraq", OutputFormat::brief, "analyst", true) == "iraq.pdf");
  CHECK(output_name("iraq", OutputFormat::slides, "analyst", true) == "iraq.pdf");
  CHECK(output_name("iraq", OutputFormat::brief, "executive", false) == "iraq-executive.pdf");
  CHECK(output_name("iraq", OutputFormat::slides, "public", false) == "iraq-public-slides.pdf");
  CHECK(output_name("iraq", OutputFormat::slides_handout, "public", false) == "iraq-public-handout.pdf");
}

TEST_CASE("expand: one output per spec output, sorted, --all finds every spec") {
  fake::Project project("expand");
  project.add_spec("zeta", "template: public\n");
  project.add_spec("alpha", "outputs: brief:analyst slides:executive handout\n");
  fake::spit(project.root() / "briefs" / "nested" / "mid.yaml", "id: mid\n");
  fake::spit(project.root() / "briefs" / ".hidden.yaml", "id: hidden\n");
  const auto expansion = expand(project.plan(), project.hooks().load_spec);
  REQUIRE(expansion.failures.empty());
  std::vector<std::string> names;
  for (const auto& job : expansion.jobs) names.push_back(job.name);
  CHECK(names == std::vector<std::string>{"alpha-analyst-handout.pdf", "alpha-analyst.pdf",
                     "alpha-executive-slides.pdf", "mid.pdf", "zeta.pdf"});
  CHECK(expansion.jobs[2].format == OutputFormat::slides);
  CHECK(expansion.jobs[2].template_name == "executive");
  CHECK(expansion.jobs[4].template_name == "public");
}

TEST_CASE("expand: --template and --format override the spec's outputs") {
  fake::Project project("override");
  project.add_spec("alpha", "outputs: brief:analyst slides:executive\n");
  auto plan = project.plan();
  plan.templates = {"public", "executive"};
  plan.format = "slides";
  const auto expansion = expand(plan, project.hooks().load_spec);
  REQUIRE(expansion.jobs.size() == 2);
  CHECK(expansion.jobs[0].name == "alpha-executive-slides.pdf");
  CHECK(expansion.jobs[1].name == "alpha-public-slides.pdf");

  plan.templates.clear();
  plan.format = "brief";
  const auto single = expand(plan, project.hooks().load_spec);
  REQUIRE(single.jobs.size() == 1);
  CHECK(single.jobs[0].name == "alpha-analyst.pdf");

  plan.format = "poster";
  const auto bad = expand(plan, project.hooks().load_spec);
  CHECK(bad.jobs.empty());
  REQUIRE(bad.failures.size() == 1);
  CHECK(bad.failures[0].diagnostics.items()[0].message == "unknown output format `poster`");

  // `handout` was once accepted here though the command line and specs refuse it: one spelling.
  plan.format = "handout";
  const auto alias = expand(plan, project.hooks().load_spec);
  CHECK(alias.jobs.empty());
  REQUIRE(alias.failures.size() == 1);
  CHECK(alias.failures[0].diagnostics.items()[0].message == "unknown output format `handout`");
  plan.format = "slides-handout";
  const auto handout = expand(plan, project.hooks().load_spec);
  REQUIRE(handout.jobs.size() == 1);
  CHECK(handout.jobs[0].format == OutputFormat::slides_handout);
}

TEST_CASE("expand: two outputs with one name are both refused, other specs go on") {
  fake::Project project("clash");
  project.add_spec("one", "");
  fake::spit(project.root() / "briefs" / "two.yaml", "id: one\n");
  project.add_spec("three", "");
  const auto expansion = expand(project.plan(), project.hooks().load_spec);
  REQUIRE(expansion.jobs.size() == 1);
  CHECK(expansion.jobs[0].name == "three.pdf");
  REQUIRE(expansion.failures.size() == 2);
  CHECK_THAT(expansion.failures[0].diagnostics.items()[0].message,
      Catch::StartsWith("two outputs are named `one.pdf`"));
}

TEST_CASE("expand: a spec that cannot be read fails alone") {
  fake::Project project("unreadable");
  project.add_spec("good", "");
  fake::spit(project.root() / "briefs" / "bad.yaml", "title: no id\n");
  auto plan = project.plan();
  plan.specs = {project.root() / "briefs" / "missing.yaml"};
  const auto expansion = expand(plan, project.hooks().load_spec);
  REQUIRE(expansion.jobs.size() == 1);
  REQUIRE(expansion.failures.size() == 2);
  CHECK(expansion.failures[0].name == "bad.pdf");
  CHECK(expansion.failures[1].name == "missing.pdf");
}

TEST_CASE("expand: --all with no specs is an error") {
  fake::Project project("empty");
  const auto expansion = expand(project.plan(), project.hooks().load_spec);
  CHECK(expansion.jobs.empty());
  REQUIRE(expansion.failures.size() == 1);
  CHECK_THAT(expansion.failures[0].diagnostics.items()[0].message, Catch::StartsWith("no specs found"));
}

TEST_CASE("expand: a check's outputs leave the index cache alone, a build's keep it") {
  fake::Project project("check-cache");
  project.add_spec("alpha", "");
  auto plan = project.plan();
  const auto build = expand(plan, project.hooks().load_spec);
  REQUIRE(build.jobs.size() == 1);
  CHECK(build.jobs[0].write_index_cache);
  plan.dry_run = true;
  const auto check = expand(plan, project.hooks().load_spec);
  REQUIRE(check.jobs.size() == 1);
  CHECK_FALSE(check.jobs[0].write_index_cache);
}
