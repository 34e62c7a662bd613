#include "schedule/schedule.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace brief::schedule;

namespace {

// Counts finished outputs, for waiting on the watcher from the test thread.
class CountingReporter : public Reporter {
public:
  void finished(const OutputResult& result) override {
    if (result.status == Status::built) ++built;
  }
  std::atomic<int> built{0};
};

bool wait_for(const std::function<bool()>& condition) {
  for (int i = 0; i < 300; ++i) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

} // namespace

TEST_CASE("watch rebuilds what a change made stale, and stops when asked") {
  fake::Project project("watch");
  project.add_spec("reads-a", "documents: a.md\n");
  project.add_spec("reads-b", "documents: b.md\n");
  CountingReporter reporter;
  std::atomic<bool> stop{false};
  int exit_code = -1;
  auto hooks = project.hooks();
  std::jthread watcher([&] { exit_code = watch(project.plan(), reporter, hooks, &stop); });
  REQUIRE(wait_for([&] { return reporter.built == 2; }));

  fake::spit(project.root() / "corpus" / "a.md", "alpha, edited\n");
  REQUIRE(wait_for([&] { return reporter.built == 3; }));
  CHECK(project.calls() == 3);

  // A spec added while watching is picked up too.
  project.add_spec("late", "");
  REQUIRE(wait_for([&] { return reporter.built == 4; }));
  CHECK(std::filesystem::exists(project.output() / "late.pdf"));

  stop = true;
  watcher.join();
  CHECK(exit_code == 0);
}

TEST_CASE("watch keeps seeing corpus/ and templates/ after they are replaced as whole folders") {
  fake::Project project("watch-replace");
  project.add_spec("reads-a", "documents: a.md\n");
  CountingReporter reporter;
  std::atomic<bool> stop{false};
  auto hooks = project.hooks();
  std::jthread watcher([&] { watch(project.plan(), reporter, hooks, &stop); });
  REQUIRE(wait_for([&] { return reporter.built == 1; }));
  namespace fs = std::filesystem;

  // mv + copy: the old folder moves away, a new one (with an edited document) takes its name.
  const fs::path corpus = project.root() / "corpus";
  fs::rename(corpus, project.root() / "corpus-old");
  fs::copy(project.root() / "corpus-old", project.root() / "corpus-new", fs::copy_options::recursive);
  fake::spit(project.root() / "corpus-new" / "a.md", "alpha, replaced\n");
  fs::rename(project.root() / "corpus-new", corpus);
  REQUIRE(wait_for([&] { return reporter.built == 2; }));

  // The new folder is watched: an edit inside it is seen; the old one's are not.
  fake::spit(corpus / "a.md", "alpha, edited in the new folder\n");
  REQUIRE(wait_for([&] { return reporter.built == 3; }));
  fake::spit(project.root() / "corpus-old" / "a.md", "not an input any more\n");

  // A folder deleted and made again (rsync --delete-before into a fresh folder, a checkout).
  const fs::path templates = project.root() / "templates";
  const std::string analyst = fake::slurp(templates / "analyst.yaml");
  fs::remove_all(templates);
  fs::create_directories(templates);
  fake::spit(templates / "analyst.yaml", analyst + "# edited\n");
  fake::spit(templates / "executive.yaml", "name: executive\n");
  fake::spit(templates / "public.yaml", "name: public\n");
  REQUIRE(wait_for([&] { return reporter.built == 4; }));
  fake::spit(templates / "analyst.yaml", analyst + "# edited again\n");
  REQUIRE(wait_for([&] { return reporter.built == 5; }));

  stop = true;
  watcher.join();
  CHECK(reporter.built == 5);
}
