#include "schedule/schedule.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>

using namespace brief::schedule;
using fake::spit;

namespace {

const StatusLine& line_for(const std::vector<StatusLine>& lines, const std::string& name) {
  for (const auto& line : lines)
    if (line.name == name) return line;
  throw std::runtime_error("no status line for " + name);
}

} // namespace

TEST_CASE("status says why each output is stale, without building") {
  fake::Project project("status");
  project.add_spec("reads-a", "documents: a.md\n");
  project.add_spec("reads-b", "documents: b.md\n");
  project.add_spec("exec", "template: executive\n");
  project.add_spec("gone", "");
  project.add_spec("edited", "");
  project.add_spec("broken", "");

  auto lines = status(project.plan(), project.hooks());
  REQUIRE(lines.size() == 6);
  for (const auto& line : lines) {
    CHECK(line.freshness == Freshness::stale);
    CHECK(line.reason == "no manifest");
  }

  Reporter silent;
  REQUIRE(run(project.plan(), silent, project.hooks()).ok());
  lines = status(project.plan(), project.hooks());
  for (const auto& line : lines) CHECK(line.freshness == Freshness::up_to_date);

  spit(project.root() / "corpus" / "a.md", "changed\n");
  spit(project.root() / "templates" / "executive.yaml", "name: executive\nsize: 12\n");
  std::filesystem::remove(project.output() / "gone.pdf");
  spit(project.output() / "edited.pdf", "%PDF-1.7 edited by hand\n");
  project.add_spec("broken", "fail: yes\n");
  REQUIRE_FALSE(run(project.plan(), silent, project.hooks()).ok());  // records the failure
  // Undo the other changes' rebuilds to see the reasons again.
  spit(project.root() / "corpus" / "a.md", "changed again\n");
  spit(project.root() / "templates" / "executive.yaml", "name: executive\nsize: 13\n");
  std::filesystem::remove(project.output() / "gone.pdf");
  spit(project.output() / "edited.pdf", "%PDF-1.7 edited by hand\n");
  project.reset_calls();

  lines = status(project.plan(), project.hooks());
  CHECK(project.calls() == 0);
  CHECK(line_for(lines, "reads-a.pdf").reason == "corpus/a.md changed");
  CHECK(line_for(lines, "reads-b.pdf").freshness == Freshness::up_to_date);
  CHECK(line_for(lines, "exec.pdf").reason == "template executive changed");
  CHECK(line_for(lines, "gone.pdf").reason == "pdf missing");
  CHECK(line_for(lines, "edited.pdf").reason == "pdf modified");
  CHECK(line_for(lines, "broken.pdf").freshness == Freshness::failed);
  CHECK(line_for(lines, "broken.pdf").reason == "section `facts` matched no passages");

  CHECK(format_status_line(line_for(lines, "gone.pdf"), "output") == "stale      output/gone.pdf: pdf missing");
  CHECK(format_status_line(line_for(lines, "reads-b.pdf"), "output") == "up to date output/reads-b.pdf");
}

TEST_CASE("a pdf modified without changing its size is noticed by its hash") {
  fake::Project project("samesize");
  project.add_spec("alpha", "");
  Reporter silent;
  REQUIRE(run(project.plan(), silent, project.hooks()).ok());
  auto pdf = fake::slurp(project.output() / "alpha.pdf");
  pdf[12] = pdf[12] == 'a' ? 'b' : 'a';
  spit(project.output() / "alpha.pdf", pdf);
  const auto lines = status(project.plan(), project.hooks());
  CHECK(lines.at(0).reason == "pdf modified");
}

TEST_CASE("a document added while an output is being built leaves the output stale") {
  fake::Project project("added-during-build");
  project.add_spec("whole", "documents: *\n");
  auto hooks = project.hooks();
  const auto real = hooks.pipeline;
  // The pipeline reads the corpus; the document arrives after that, before the manifest is written.
  hooks.pipeline = [&](const OutputJob& job) {
    auto built = real(job);
    spit(project.root() / "corpus" / "d.md", "delta one\n");
    return built;
  };
  Reporter silent;
  REQUIRE(run(project.plan(), silent, hooks).ok());

  const auto lines = status(project.plan(), project.hooks());
  const auto& line = line_for(lines, "whole.pdf");
  CHECK(line.freshness == Freshness::stale);
  CHECK(line.reason.find("d.md added") != std::string::npos);
}
