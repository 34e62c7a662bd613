#include "schedule/lock.hpp"

#include "base/file_io.hpp"
#include "base/process.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <optional>
#include <string_view>
#include <vector>

namespace brief::schedule {

namespace fs = std::filesystem;

OutputLock::OutputLock(const fs::path& path) {
  // O_NOFOLLOW: a lock that is a symbolic link (dangling or not) is refused, never followed to
  // create or truncate a file elsewhere.
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    m_error = errno == ELOOP
        ? fmt::format("cannot open lock `{}`: it is a symbolic link; remove it", path.string())
        : fmt::format("cannot open lock `{}`: {}", path.string(), std::strerror(errno));
    return;
  }
  int rc = 0;
  do {
    rc = ::flock(fd, LOCK_EX);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    m_error = fmt::format("cannot lock `{}`: {}", path.string(), std::strerror(errno));
    ::close(fd);
    return;
  }
  m_fd = fd;
}

OutputLock::~OutputLock() {
  if (m_fd >= 0) ::close(m_fd);  // closing releases the flock
}

namespace {

// The writer of ".<name>.tmp-<pid>-<start>-<n>" (or, as older brief named them, "-<pid>-<n>").
struct Writer {
  long pid = 0;  // 0: unreadable
  std::optional<unsigned long long> start_time;
};

Writer writer_of(std::string_view filename) {
  const auto at = filename.rfind(".tmp-");
  if (at == std::string_view::npos) return {};
  std::vector<unsigned long long> numbers;
  std::string_view rest = filename.substr(at + 5);
  while (!rest.empty()) {
    unsigned long long number = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
    if (ec != std::errc() || end == rest.data()) return {};
    numbers.push_back(number);
    rest.remove_prefix(static_cast<size_t>(end - rest.data()));
    if (!rest.empty()) {
      if (rest.front() != '-') return {};
      rest.remove_prefix(1);
    }
  }
  if (numbers.size() == 3) return {static_cast<long>(numbers[0]), numbers[1]};
  if (numbers.size() == 2) return {static_cast<long>(numbers[0]), std::nullopt};
  return {};
}

// Whether the writer may still be writing. Without a start time in the name (older files), any
// process with the pid counts, as the pid may not have been reused.
bool writer_running(const Writer& writer) {
  if (writer.pid <= 0) return false;
  if (writer.start_time) return same_process_running(writer.pid, *writer.start_time);
  return ::kill(static_cast<pid_t>(writer.pid), 0) == 0 || errno == EPERM;
}

} // namespace

size_t remove_stale_temporaries(const fs::path& dir, long min_age_seconds) {
  size_t removed = 0;
  std::error_code ec;
  const auto now = fs::file_time_type::clock::now();
  for (fs::directory_iterator it(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string filename = it->path().filename().string();
    if (!is_temporary_output_name(filename) || !it->is_regular_file()) continue;
    std::error_code time_ec;
    const auto mtime = fs::last_write_time(it->path(), time_ec);
    if (time_ec || now - mtime < std::chrono::seconds(min_age_seconds)) continue;
    const Writer writer = writer_of(filename);
    // A name we cannot read is left alone: only files we are sure are orphaned go.
    if (writer.pid == 0 || writer_running(writer)) continue;
    std::error_code remove_ec;
    if (fs::remove(it->path(), remove_ec)) ++removed;
  }
  return removed;
}

} // namespace brief::schedule
