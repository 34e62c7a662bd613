#include "schedule/lock.hpp"

#include "fake_project.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace brief::schedule;
namespace fs = std::filesystem;

TEST_CASE("an output lock excludes a second holder until released") {
  fake::Project project("lock");
  fs::create_directories(project.output());
  const auto path = project.output() / ".x.pdf.lock";
  std::atomic<bool> second_has_it{false};
  std::jthread second;
  {
    const OutputLock first(path);
    REQUIRE(first.locked());
    second = std::jthread([&] {
      const OutputLock again(path);
      second_has_it = again.locked();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(second_has_it.load());
  }
  second.join();
  CHECK(second_has_it.load());
}

TEST_CASE("a lock that cannot be opened says why") {
  const OutputLock lock("/nonexistent-folder/.x.pdf.lock");
  CHECK_FALSE(lock.locked());
  CHECK_THAT(lock.error(), Catch::StartsWith("cannot open lock `/nonexistent-folder/.x.pdf.lock`"));
}

TEST_CASE("only old temporaries of dead writers are removed") {
  fake::Project project("stale");
  const auto dir = project.output();
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  // pid 4194303 is above the default pid_max on Linux and so never a live process here.
  const fs::path dead = dir / ".x.pdf.tmp-4194303-0";
  const fs::path live = dir / fmt::format(".y.pdf.tmp-{}-0", ::getpid());
  const fs::path young = dir / ".z.pdf.tmp-4194303-1";
  const fs::path output = dir / "x.pdf";
  const fs::path hidden = dir / ".notes";
  for (const fs::path& path : {dead, live, young, output, hidden}) fake::spit(path, "bytes");
  for (const fs::path& path : {dead, live, output, hidden}) fs::last_write_time(path, old_time);
  CHECK(remove_stale_temporaries(dir) == 1);
  CHECK_FALSE(fs::exists(dead));
  CHECK(fs::exists(live));
  CHECK(fs::exists(young));
  CHECK(fs::exists(output));
  CHECK(fs::exists(hidden));
}
