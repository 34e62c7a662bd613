#include "schedule/schedule.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <optional>

using namespace brief::schedule;

namespace {

// Runs with a console reporter writing plain lines to a temporary file; returns what it printed.
std::string console_output(fake::Project& project, const Plan& plan, Verbosity verbosity, Report* report) {
  std::FILE* out = std::tmpfile();
  ConsoleReporter reporter(out, {verbosity, Display::plain_lines, "output", std::nullopt});
  *report = run(plan, reporter, project.hooks());
  std::fflush(out);
  std::rewind(out);
  std::string text;
  for (int c; (c = std::fgetc(out)) != EOF;) text.push_back(static_cast<char>(c));
  std::fclose(out);
  return text;
}

} // namespace

TEST_CASE("plain console lines name each output and what happened") {
  fake::Project project("console");
  project.add_spec("alpha", "");
  project.add_spec("beta", "fail: yes\n");
  project.add_spec("gamma", "warn: yes\n");
  auto plan = project.plan();
  plan.jobs = 1;
  Report report;
  auto text = console_output(project, plan, Verbosity::normal, &report);
  CHECK_THAT(text, Catch::Contains("built output/alpha.pdf (1 page, 283 B, "));
  CHECK_THAT(text, Catch::Contains("error: section `facts` matched no passages\n"
                                   "failed beta.pdf: section `facts` matched no passages\n"));
  CHECK_THAT(text, Catch::Contains("warning: section `x` is empty\n"));
  CHECK_THAT(text, Catch::Contains("2 built, 0 up to date, 1 failed"));

  text = console_output(project, plan, Verbosity::normal, &report);
  CHECK_THAT(text, Catch::Contains("up to date output/alpha.pdf\n"));

  plan.force = true;
  text = console_output(project, plan, Verbosity::quiet, &report);
  CHECK(text == "error: section `facts` matched no passages\n"
                "failed beta.pdf: section `facts` matched no passages\n");
}

TEST_CASE("a check's summary counts outputs checked, never built") {
  fake::Project project("check-summary");
  project.add_spec("alpha", "");
  project.add_spec("beta", "");
  auto plan = project.plan();
  plan.dry_run = true;
  Report report;
  const auto text = console_output(project, plan, Verbosity::normal, &report);
  CHECK_THAT(text, Catch::Contains("2 checked, 0 failed"));
  CHECK_THAT(text, !Catch::Contains("built"));
}

TEST_CASE("the JSON report has one record per output") {
  fake::Project project("report");
  project.add_spec("alpha", "documents: a.md\n");
  project.add_spec("beta", "fail: yes\n");
  project.add_spec("gamma", "warn: yes\n");
  Reporter silent;
  const auto report = run(project.plan(), silent, project.hooks());
  const auto path = project.root() / "report.json";
  REQUIRE(write_report_json(report, path).empty());
  const auto json = nlohmann::json::parse(fake::slurp(path));
  CHECK(json["ok"] == false);
  CHECK(json["built"] == 2);
  CHECK(json["failed"] == 1);
  REQUIRE(json["outputs"].size() == 3);
  const auto& alpha = json["outputs"][0];
  CHECK(alpha["name"] == "alpha.pdf");
  CHECK(alpha["status"] == "built");
  CHECK(alpha["reason"] == "no manifest");
  CHECK(alpha["pages"] == 2);
  CHECK(alpha["bytes"] == 283);
  CHECK(alpha["seconds"].is_number());
  CHECK_THAT(alpha["spec"].get<std::string>(), Catch::EndsWith("briefs/alpha.yaml"));
  const auto& beta = json["outputs"][1];
  CHECK(beta["status"] == "failed");
  CHECK(beta["errors"] == 1);
  CHECK(beta["messages"][0] == "error: section `facts` matched no passages");
  CHECK(json["outputs"][2]["warnings"] == 1);
}

TEST_CASE("a plan's report path gets the JSON report; failing to write it fails the run") {
  fake::Project project("report-path");
  project.add_spec("alpha", "");
  auto plan = project.plan();
  plan.report_path = project.root() / "last-build.json";
  Reporter silent;
  auto report = run(plan, silent, project.hooks());
  CHECK(report.ok());
  CHECK(nlohmann::json::parse(fake::slurp(plan.report_path))["outputs"][0]["name"] == "alpha.pdf");

  plan.report_path = project.root() / "no-such-folder" / "last-build.json";
  report = run(plan, silent, project.hooks());
  CHECK_FALSE(report.ok());
  REQUIRE(report.diagnostics.error_count() == 1);
  CHECK_THAT(report.diagnostics.items()[0].message, Catch::StartsWith("cannot create"));
}

TEST_CASE("on a terminal, one rewriting progress line with counts; colour only when asked") {
  fake::Project project("console-progress");
  project.add_spec("alpha", "warn: yes\n");
  project.add_spec("beta", "");
  auto plan = project.plan();
  plan.jobs = 1;
  const auto printed = [&](std::optional<bool> color) {
    std::FILE* out = std::tmpfile();
    // Display::progress_line stands for a terminal: the file is not one.
    ConsoleReporter reporter(out, {Verbosity::normal, Display::progress_line, "output", color});
    plan.force = true;
    run(plan, reporter, project.hooks());
    std::fflush(out);
    std::rewind(out);
    std::string text;
    for (int c; (c = std::fgetc(out)) != EOF;) text.push_back(static_cast<char>(c));
    std::fclose(out);
    return text;
  };
  const std::string plain = printed(false);
  CHECK_THAT(plain, Catch::Contains("\r\033[K[1/2] building alpha.pdf"));
  CHECK_THAT(plain, Catch::Contains("\r\033[K[2/2] building beta.pdf"));
  CHECK_THAT(plain, Catch::Contains("\r\033[Kbuilt output/beta.pdf"));  // the line is cleared first
  CHECK_THAT(plain, Catch::Contains("warning: section `x` is empty"));
  CHECK(plain.find("\033[1") == std::string::npos);  // no colour (bold) codes
  CHECK_THAT(printed(true), Catch::Contains("\033[1"));
}
