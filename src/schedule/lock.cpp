#include "schedule/lock.hpp"

#include "base/file_io.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

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

// The writer's pid from ".<name>.tmp-<pid>-<n>", or 0.
long writer_pid(std::string_view filename) {
  const auto at = filename.rfind(".tmp-");
  if (at == std::string_view::npos) return 0;
  const auto digits = filename.substr(at + 5);
  long pid = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pid);
  if (ec != std::errc() || end == digits.data() || *end != '-') return 0;
  return pid;
}

bool process_exists(long pid) {
  if (pid <= 0) return false;
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
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
    const long pid = writer_pid(filename);
    // A pid we cannot read is left alone: only files we are sure are orphaned go.
    if (pid == 0 || process_exists(pid)) continue;
    std::error_code remove_ec;
    if (fs::remove(it->path(), remove_ec)) ++removed;
  }
  return removed;
}

} // namespace brief::schedule
