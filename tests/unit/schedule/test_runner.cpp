#include "schedule/schedule.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>

#include <thread>

using namespace brief::schedule;
using fake::slurp;
using fake::spit;
using fake::status_of;

namespace {

Report build(fake::Project& project, const Plan& plan) {
  Reporter silent;
  return run(plan, silent, project.hooks());
}

Report build(fake::Project& project) { return build(project, project.plan()); }

size_t count_temporaries(const std::filesystem::path& dir) {
  size_t n = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir))
    if (brief::is_temporary_output_name(entry.path().filename().string())) ++n;
  return n;
}

} // namespace

TEST_CASE("an unchanged output is skipped without running the pipeline") {
  fake::Project project("skip");
  project.add_spec("alpha", "documents: a.md\n");
  project.add_spec("beta", "documents: *\n");
  const auto first = build(project);
  REQUIRE(first.ok());
  CHECK(first.count(Status::built) == 2);
  CHECK(project.calls() == 2);
  CHECK(std::filesystem::exists(project.output() / "alpha.pdf"));
  CHECK(std::filesystem::exists(project.output() / "alpha.pdf.manifest.json"));

  project.reset_calls();
  const auto second = build(project);
  REQUIRE(second.ok());
  CHECK(second.count(Status::up_to_date) == 2);
  CHECK(project.calls() == 0);
  CHECK(fake::find(second, "alpha.pdf")->pages == 2);
  CHECK(count_temporaries(project.output()) == 0);
}

TEST_CASE("changing a corpus document rebuilds only the outputs that read it") {
  fake::Project project("document");
  project.add_spec("reads-a", "documents: a.md\n");
  project.add_spec("reads-b", "documents: b.md\n");
  project.add_spec("whole", "documents: *\n");
  REQUIRE(build(project).ok());

  spit(project.root() / "corpus" / "a.md", "alpha one\nalpha two, revised\nalpha three\n");
  project.reset_calls();
  const auto report = build(project);
  CHECK(status_of(report, "reads-a.pdf") == Status::built);
  CHECK(fake::find(report, "reads-a.pdf")->reason == "corpus/a.md changed");
  CHECK(status_of(report, "reads-b.pdf") == Status::up_to_date);
  CHECK(status_of(report, "whole.pdf") == Status::built);
  CHECK(project.calls() == 2);

  SECTION("a new document rebuilds only whole-corpus outputs") {
    spit(project.root() / "corpus" / "d.md", "delta\n");
    const auto after = build(project);
    CHECK(status_of(after, "reads-a.pdf") == Status::up_to_date);
    CHECK(status_of(after, "reads-b.pdf") == Status::up_to_date);
    CHECK(status_of(after, "whole.pdf") == Status::built);
    CHECK_THAT(fake::find(after, "whole.pdf")->reason, Catch::EndsWith("d.md added"));
  }
  SECTION("aliases are an input of every output") {
    spit(project.root() / "corpus" / "aliases.yaml", "ISIS: [ISIL, Daesh]\n");
    const auto after = build(project);
    CHECK(after.count(Status::built) == 3);
  }
}

TEST_CASE("changing a template or the spec rebuilds its outputs") {
  fake::Project project("template");
  project.add_spec("alpha", "template: executive\n");
  project.add_spec("beta", "");
  REQUIRE(build(project).ok());
  spit(project.root() / "templates" / "executive.yaml", "name: executive\ncolor: red\n");
  auto report = build(project);
  CHECK(status_of(report, "alpha.pdf") == Status::built);
  CHECK(fake::find(report, "alpha.pdf")->reason == "template executive changed");
  CHECK(status_of(report, "beta.pdf") == Status::up_to_date);

  project.add_spec("beta", "title: changed\n");
  report = build(project);
  CHECK(status_of(report, "alpha.pdf") == Status::up_to_date);
  CHECK(status_of(report, "beta.pdf") == Status::built);
  CHECK_THAT(fake::find(report, "beta.pdf")->reason, Catch::StartsWith("spec ") && Catch::EndsWith(" changed"));
}

TEST_CASE("force rebuilds everything, to the same bytes") {
  fake::Project project("force");
  project.add_spec("alpha", "documents: a.md\n");
  REQUIRE(build(project).ok());
  const auto pdf = slurp(project.output() / "alpha.pdf");
  const auto manifest = slurp(project.output() / "alpha.pdf.manifest.json");
  auto plan = project.plan();
  plan.force = true;
  project.reset_calls();
  const auto report = build(project, plan);
  CHECK(status_of(report, "alpha.pdf") == Status::built);
  CHECK(fake::find(report, "alpha.pdf")->reason == "forced");
  CHECK(project.calls() == 1);
  CHECK(slurp(project.output() / "alpha.pdf") == pdf);
  CHECK(slurp(project.output() / "alpha.pdf.manifest.json") == manifest);
}

TEST_CASE("results come in spec then name order whatever the number of workers") {
  fake::Project project("parallel");
  for (int i = 0; i < 24; ++i) {
    // Later specs finish first, so completion order is the reverse of the report order.
    project.add_spec(fmt::format("spec-{:02}", i),
        fmt::format("outputs: brief:analyst slides:public\nsleep: {}\ndocuments: a.md\n", (24 - i) % 7));
  }
  auto plan = project.plan();
  plan.jobs = 6;
  const auto parallel = build(project, plan);
  REQUIRE(parallel.ok());
  REQUIRE(parallel.outputs.size() == 48);
  std::vector<std::pair<std::string, std::string>> order;
  for (const auto& result : parallel.outputs) order.emplace_back(result.spec, result.name);
  CHECK(std::is_sorted(order.begin(), order.end()));
  std::map<std::string, std::string> bytes;
  for (const auto& [spec, name] : order) bytes[name] = slurp(project.output() / name);

  plan.jobs = 1;
  plan.force = true;
  const auto serial = build(project, plan);
  REQUIRE(serial.outputs.size() == parallel.outputs.size());
  for (size_t i = 0; i < serial.outputs.size(); ++i) {
    CHECK(serial.outputs[i].name == parallel.outputs[i].name);
    CHECK(slurp(project.output() / serial.outputs[i].name) == bytes[serial.outputs[i].name]);
  }
}

TEST_CASE("a failing output keeps its old PDF and the others still build") {
  fake::Project project("failure");
  project.add_spec("alpha", "documents: a.md\n");
  project.add_spec("beta", "documents: b.md\n");
  REQUIRE(build(project).ok());
  const auto old_pdf = slurp(project.output() / "alpha.pdf");
  const auto old_manifest = slurp(project.output() / "alpha.pdf.manifest.json");

  project.add_spec("alpha", "documents: a.md\nfail: yes\n");
  spit(project.root() / "corpus" / "b.md", "beta changed\n");
  const auto report = build(project);
  CHECK_FALSE(report.ok());
  CHECK(status_of(report, "alpha.pdf") == Status::failed);
  CHECK(fake::find(report, "alpha.pdf")->diagnostics.items()[0].message == "section `facts` matched no passages");
  CHECK(status_of(report, "beta.pdf") == Status::built);
  CHECK(slurp(project.output() / "alpha.pdf") == old_pdf);
  CHECK(slurp(project.output() / "alpha.pdf.manifest.json") == old_manifest);
  CHECK(std::filesystem::exists(project.output() / ".alpha.pdf.failed.json"));

  SECTION("the failure is cleared by the next good build") {
    project.add_spec("alpha", "documents: a.md\n");
    const auto fixed = build(project);
    CHECK(fixed.ok());
    // The spec is back to the bytes of the last good build, so that PDF is still right.
    CHECK(status_of(fixed, "alpha.pdf") == Status::up_to_date);
    CHECK_FALSE(std::filesystem::exists(project.output() / ".alpha.pdf.failed.json"));
  }
  SECTION("an exception in one output is contained") {
    project.add_spec("alpha", "documents: a.md\nthrow: yes\n");
    const auto thrown = build(project);
    CHECK(status_of(thrown, "alpha.pdf") == Status::failed);
    CHECK_THAT(fake::find(thrown, "alpha.pdf")->diagnostics.items()[0].message,
        Catch::Contains("internal error") && Catch::Contains("fake fault"));
    CHECK(slurp(project.output() / "alpha.pdf") == old_pdf);
  }
  SECTION("running out of memory stops the run and reaches the caller, not reported as the spec's fault") {
    project.add_spec("alpha", "documents: a.md\nthrow: bad_alloc\n");
    CHECK_THROWS_AS(build(project), std::bad_alloc);
    CHECK(slurp(project.output() / "alpha.pdf") == old_pdf);
    CHECK(slurp(project.output() / "alpha.pdf.manifest.json") == old_manifest);
    CHECK(count_temporaries(project.output()) == 0);
  }
}

TEST_CASE("citation drift: a changed explicit citation warns, or fails with strict") {
  fake::Project project("drift");
  project.add_spec("alpha", "documents: a.md b.md\ncite: a#p2\nquery: b#p1\n");
  project.add_spec("beta", "documents: c.md\n");
  REQUIRE(build(project).ok());
  const auto old_pdf = slurp(project.output() / "alpha.pdf");

  SECTION("warning") {
    spit(project.root() / "corpus" / "a.md", "alpha one\nalpha two, revised\nalpha three\n");
    const auto report = build(project);
    REQUIRE(report.ok());
    const auto* alpha = fake::find(report, "alpha.pdf");
    REQUIRE(alpha->status == Status::built);
    REQUIRE(alpha->diagnostics.warning_count() == 1);
    const auto& warning = alpha->diagnostics.items()[0];
    CHECK(warning.message == "cited passage `a#p2` changed since the last build");
    CHECK(warning.span.has_location());  // points at the id in the spec
    REQUIRE(warning.hints.size() == 3);
    CHECK(warning.hints[0] == "was: \u201Calpha two\u201D");
    CHECK(warning.hints[1] == "now: \u201Calpha two, revised\u201D");
    CHECK_THAT(warning.hints[2], Catch::Contains("alpha.pdf"));
  }
  SECTION("strict") {
    spit(project.root() / "corpus" / "a.md", "alpha one\nalpha two, revised\nalpha three\n");
    auto plan = project.plan();
    plan.strict = true;
    const auto report = build(project, plan);
    CHECK_FALSE(report.ok());
    CHECK(status_of(report, "alpha.pdf") == Status::failed);
    CHECK(fake::find(report, "alpha.pdf")->diagnostics.items()[0].severity == brief::Severity::error);
    CHECK(slurp(project.output() / "alpha.pdf") == old_pdf);
    CHECK(status_of(report, "beta.pdf") == Status::up_to_date);
  }
  SECTION("query-picked passages changing is only noted") {
    spit(project.root() / "corpus" / "b.md", "beta one, revised\nbeta two\n");
    auto plan = project.plan();
    plan.strict = true;
    const auto report = build(project, plan);
    REQUIRE(report.ok());
    const auto* alpha = fake::find(report, "alpha.pdf");
    CHECK(alpha->status == Status::built);
    CHECK(alpha->diagnostics.warning_count() == 0);
    REQUIRE(alpha->diagnostics.items().size() == 1);
    CHECK(alpha->diagnostics.items()[0].severity == brief::Severity::note);
    CHECK(alpha->diagnostics.items()[0].message ==
          "alpha.pdf: 1 passage picked by query changed since the last build");
  }
}

TEST_CASE("trace files are written and checked") {
  fake::Project project("trace");
  project.add_spec("alpha", "");
  auto plan = project.plan();
  plan.trace = true;
  REQUIRE(build(project, plan).ok());
  CHECK(slurp(project.output() / "alpha.trace.txt") == "page 1\n");
  CHECK(status_of(build(project, plan), "alpha.pdf") == Status::up_to_date);
  std::filesystem::remove(project.output() / "alpha.trace.txt");
  const auto report = build(project, plan);
  CHECK(status_of(report, "alpha.pdf") == Status::built);
  CHECK(fake::find(report, "alpha.pdf")->reason == "trace missing");
  // Turning the trace off is a different job.
  CHECK(fake::find(build(project), "alpha.pdf")->reason == "build settings changed");
}

TEST_CASE("a copied project judges its outputs against its own files") {
  fake::Project project("original");
  project.add_spec("reads-a", "documents: a.md\n");
  project.add_spec("whole", "documents: *\n");
  REQUIRE(build(project).ok());
  const std::string manifest = slurp(project.output() / "reads-a.pdf.manifest.json");
  CHECK(manifest.find(project.root().generic_string()) == std::string::npos);
  CHECK(manifest.find("\"corpus/a.md\"") != std::string::npos);

  const auto copy = project.root().parent_path() / (project.root().filename().string() + "-copy");
  std::filesystem::remove_all(copy);
  std::filesystem::copy(project.root(), copy, std::filesystem::copy_options::recursive);
  Plan plan = project.plan();
  plan.project_root = copy;
  plan.output_dir = copy / "output";
  Reporter silent;
  const auto unchanged = run(plan, silent, project.hooks());
  CHECK(status_of(unchanged, "reads-a.pdf") == Status::up_to_date);
  CHECK(status_of(unchanged, "whole.pdf") == Status::up_to_date);

  // Editing the copy's corpus makes the copy's outputs stale, whatever the original holds.
  spit(copy / "corpus" / "a.md", "alpha one\nalpha two, only in the copy\nalpha three\n");
  const auto after = run(plan, silent, project.hooks());
  CHECK(status_of(after, "reads-a.pdf") == Status::built);
  CHECK(fake::find(after, "reads-a.pdf")->reason == "corpus/a.md changed");
  CHECK(status_of(after, "whole.pdf") == Status::built);
  std::filesystem::remove_all(copy);
}

TEST_CASE("lock files stay out of the output folder people share") {
  fake::Project project("locks");
  project.add_spec("alpha", "documents: a.md\n");
  REQUIRE(build(project).ok());
  for (const auto& entry : std::filesystem::directory_iterator(project.output())) {
    const auto name = entry.path().filename().string();
    CHECK_FALSE(name.ends_with(".lock"));
  }
  CHECK(std::filesystem::exists(project.output() / ".brief" / "alpha.pdf.lock"));
}

TEST_CASE("dry run checks without writing") {
  fake::Project project("dry");
  project.add_spec("alpha", "");
  project.add_spec("beta", "fail: yes\n");
  auto plan = project.plan();
  plan.dry_run = true;
  const auto report = build(project, plan);
  CHECK(status_of(report, "alpha.pdf") == Status::checked);
  CHECK(status_of(report, "beta.pdf") == Status::failed);
  CHECK_FALSE(std::filesystem::exists(project.output()));
}

TEST_CASE("two runs of one plan at once both succeed and build each output once") {
  fake::Project project("concurrent");
  for (int i = 0; i < 6; ++i) project.add_spec(fmt::format("spec-{}", i), "sleep: 30\ndocuments: a.md\n");
  Report first, second;
  {
    std::jthread a([&] { first = build(project); });
    std::jthread b([&] { second = build(project); });
  }
  CHECK(first.ok());
  CHECK(second.ok());
  // Each output was built by exactly one of the runs; the other waited on the lock and found it
  // up to date.
  CHECK(project.calls() == 6);
  CHECK(first.count(Status::built) + second.count(Status::built) == 6);
  CHECK(first.count(Status::up_to_date) + second.count(Status::up_to_date) == 6);
  for (int i = 0; i < 6; ++i) {
    const auto pdf = slurp(project.output() / fmt::format("spec-{}.pdf", i));
    CHECK_THAT(pdf, Catch::StartsWith("%PDF-") && Catch::EndsWith("%%EOF\n"));
  }
  CHECK(count_temporaries(project.output()) == 0);
}
