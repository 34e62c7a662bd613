#include "base/file_io.hpp"

#include "base/process.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <algorithm>
#include <sys/stat.h>
#include <unistd.h>

namespace brief {

// Reads a regular file, never more than `max_bytes` + 1 bytes whatever its size claims (devices
// such as /dev/zero report 0), and never blocking on a FIFO: it is opened non-blocking and
// refused once fstat shows it is not a regular file.
Outcome<SourceFilePtr> read_source_file(const std::filesystem::path& path, size_t max_bytes) {
  Diagnostics diags;
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      diags.error({}, fmt::format("cannot read `{}`: no such file", path.string()),
          {"check the path; relative paths are taken from the current directory"});
    } else if (error == ELOOP) {
      diags.error({}, fmt::format("cannot read `{}`: too many levels of symbolic links", path.string()));
    } else {
      diags.error({}, fmt::format("cannot read `{}`: {}", path.string(), std::strerror(error)));
    }
    return diags;
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    diags.error({}, fmt::format("cannot read `{}`: {}", path.string(), std::strerror(errno)));
    return diags;
  }
  if (S_ISDIR(info.st_mode)) {
    diags.error({}, fmt::format("cannot read `{}`: it is a directory, not a file", path.string()));
    return diags;
  }
  if (!S_ISREG(info.st_mode)) {
    diags.error({}, fmt::format("cannot read `{}`: it is not a regular file (a device, FIFO or socket)",
        path.string()), {"name an ordinary file; brief does not read from devices or pipes"});
    return diags;
  }
  const auto too_large = [&](const std::string& size) {
    diags.error({}, fmt::format("`{}` is {}more than the limit of {} bytes", path.string(), size, max_bytes),
        {"split the file, or check that it is the file you meant"});
    return diags;
  };
  if (static_cast<uintmax_t>(info.st_size) > max_bytes) return too_large(fmt::format("{} bytes, ", info.st_size));
  // Back to blocking reads (a regular file never blocks, but be plain about it).
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string text;
  text.resize(static_cast<size_t>(info.st_size));
  size_t used = 0;
  for (;;) {
    // The file may grow while it is read: read on until end of file, stopping past the limit.
    if (used == text.size()) {
      if (text.size() > max_bytes) return too_large("");
      text.resize(std::min(max_bytes + 1, std::max<size_t>(text.size() * 2, 4096)));
    }
    const ssize_t n = ::read(fd, text.data() + used, text.size() - used);
    if (n < 0) {
      if (errno == EINTR) continue;
      diags.error({}, fmt::format("cannot read `{}`: {}", path.string(), std::strerror(errno)));
      return diags;
    }
    if (n == 0) break;
    used += static_cast<size_t>(n);
  }
  text.resize(used);
  if (text.size() > max_bytes) return too_large("");
  return SourceFilePtr(std::make_shared<SourceFile>(SourceFile{path.string(), std::move(text)}));
}

namespace {
std::atomic<unsigned> g_temporary_counter{0};
}

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  // The writer's pid and start time: with the pid alone, a later process given the same pid
  // would make the file look in use for ever (see remove_stale_temporaries).
  static const unsigned long long start_time = process_start_time(::getpid()).value_or(0);
  const std::string tmp_name = fmt::format(".{}.tmp-{}-{}-{}", path.filename().string(),
      static_cast<long>(::getpid()), start_time, g_temporary_counter.fetch_add(1));
  const auto tmp = dir / tmp_name;
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return fmt::format("cannot create `{}`: {}", tmp.string(), std::strerror(errno));
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string error = fmt::format("cannot write `{}`: {}", tmp.string(), std::strerror(errno));
      ::close(fd);
      ::unlink(tmp.c_str());
      return error;
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    const std::string error = fmt::format("cannot flush `{}`: {}", tmp.string(), std::strerror(errno));
    ::unlink(tmp.c_str());
    return error;
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const std::string error = fmt::format("cannot replace `{}`: {}", path.string(), std::strerror(errno));
    ::unlink(tmp.c_str());
    return error;
  }
  // Make the rename itself durable.
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return {};
}

bool is_temporary_output_name(std::string_view filename) {
  return !filename.empty() && filename.front() == '.' && filename.find(".tmp-") != std::string_view::npos;
}

} // namespace brief
