#include "base/file_io.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace brief {

Outcome<SourceFilePtr> read_source_file(const std::filesystem::path& path, size_t max_bytes) {
  Diagnostics diags;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    diags.error({}, fmt::format("cannot read `{}`: no such file", path.string()),
        {"check the path; relative paths are taken from the current directory"});
    return diags;
  }
  if (std::filesystem::is_directory(status)) {
    diags.error({}, fmt::format("cannot read `{}`: it is a directory, not a file", path.string()));
    return diags;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > max_bytes) {
    diags.error({}, fmt::format("`{}` is {} bytes, more than the limit of {} bytes", path.string(),
        size, max_bytes), {"split the file, or check that it is the file you meant"});
    return diags;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diags.error({}, fmt::format("cannot read `{}`: {}", path.string(), std::strerror(errno)));
    return diags;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  auto file = std::make_shared<SourceFile>(SourceFile{path.string(), std::move(buffer).str()});
  if (file->text.size() > max_bytes) {
    diags.error({}, fmt::format("`{}` is more than the limit of {} bytes", path.string(), max_bytes));
    return diags;
  }
  return SourceFilePtr(std::move(file));
}

namespace {
std::atomic<unsigned> g_temporary_counter{0};
}

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  const std::string tmp_name = fmt::format(".{}.tmp-{}-{}", path.filename().string(),
      static_cast<long>(::getpid()), g_temporary_counter.fetch_add(1));
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
