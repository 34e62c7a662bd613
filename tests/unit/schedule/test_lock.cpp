#include "schedule/lock.hpp"

#include "fake_project.hpp"

#include "base/process.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <fstream>
#include <optional>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace brief::schedule;
namespace fs = std::filesystem;

namespace {

// True while someone holds the lock file at `path`: a non-blocking flock on a fresh descriptor fails.
bool held_by_someone(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  REQUIRE(fd >= 0);
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(fd);  // releases the lock if this probe took it
  return held;
}

// True when the kernel lists a request blocked in flock on `path`'s inode (the `->` rows of
// /proc/locks), so a test can wait for a thread to be waiting without guessing a time.
bool someone_waits_for(const fs::path& path) {
  struct stat st{};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  const std::string inode = fmt::format(":{} ", st.st_ino);
  std::ifstream locks("/proc/locks");
  for (std::string line; std::getline(locks, line);)
    if (line.find("-> FLOCK") != std::string::npos && line.find(inode) != std::string::npos) return true;
  return false;
}

// A pid no process can have: pids are below /proc/sys/kernel/pid_max.
long impossible_pid() {
  std::ifstream in("/proc/sys/kernel/pid_max");
  long pid_max = 0;
  in >> pid_max;
  REQUIRE(pid_max > 0);
  return pid_max;
}

} // namespace

TEST_CASE("an output lock excludes a second holder until released") {
  fake::Project project("lock");
  fs::create_directories(project.output());
  const auto path = project.output() / ".x.pdf.lock";
  std::atomic<bool> second_has_it{false};
  std::optional<OutputLock> first;
  first.emplace(path);
  REQUIRE(first->locked());
  CHECK(held_by_someone(path));

  std::jthread second([&] {
    const OutputLock again(path);
    second_has_it = again.locked();
  });
  // Waits on the kernel's lock table, not the clock: the second holder is blocked in flock.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (!someone_waits_for(path)) {
    REQUIRE(std::chrono::steady_clock::now() < give_up);
    std::this_thread::yield();
  }
  CHECK_FALSE(second_has_it.load());

  first.reset();
  second.join();
  CHECK(second_has_it.load());
  CHECK_FALSE(held_by_someone(path));
}

TEST_CASE("a lock that cannot be opened says why") {
  const OutputLock lock("/nonexistent-folder/.x.pdf.lock");
  CHECK_FALSE(lock.locked());
  CHECK_THAT(lock.error(), Catch::StartsWith("cannot open lock `/nonexistent-folder/.x.pdf.lock`"));
}

TEST_CASE("a lock that is a dangling symbolic link is refused, and nothing is created where it points") {
  fake::Project project("lock-link");
  fs::create_directories(project.output());
  const auto target = project.root() / "elsewhere" / "created-by-lock";
  fs::create_directories(target.parent_path());
  const auto path = project.output() / ".x.pdf.lock";
  fs::create_symlink(target, path);
  const OutputLock lock(path);
  CHECK_FALSE(lock.locked());
  CHECK_THAT(lock.error(), Catch::Contains("symbolic link"));
  CHECK_FALSE(fs::exists(target));
}

TEST_CASE("only old temporaries of dead writers are removed") {
  fake::Project project("stale");
  const auto dir = project.output();
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  const long dead_pid = impossible_pid();
  const fs::path dead = dir / fmt::format(".x.pdf.tmp-{}-0", dead_pid);
  const fs::path live = dir / fmt::format(".y.pdf.tmp-{}-0", ::getpid());
  const fs::path young = dir / fmt::format(".z.pdf.tmp-{}-1", dead_pid);
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

TEST_CASE("a temporary whose writer's pid now names another process is removed") {
  fake::Project project("reused-pid");
  const auto dir = project.output();
  const auto old_time = fs::file_time_type::clock::now() - std::chrono::hours(1);
  const std::optional<unsigned long long> start = brief::process_start_time(::getpid());
  REQUIRE(start.has_value());
  // This process's pid with another start time: the writer ended and its pid was given again.
  const fs::path reused = dir / fmt::format(".x.pdf.tmp-{}-{}-0", ::getpid(), *start + 1);
  const fs::path running = dir / fmt::format(".y.pdf.tmp-{}-{}-0", ::getpid(), *start);
  for (const fs::path& path : {reused, running}) {
    fake::spit(path, "bytes");
    fs::last_write_time(path, old_time);
  }
  CHECK(remove_stale_temporaries(dir) == 1);
  CHECK_FALSE(fs::exists(reused));
  CHECK(fs::exists(running));
}
