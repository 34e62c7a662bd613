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
