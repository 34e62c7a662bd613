#include "base/file_io.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace brief;
namespace fs = std::filesystem;

namespace {
fs::path fresh_dir(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("brief-test-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}
} // namespace

TEST_CASE("write_file_atomically replaces the file and leaves no temporary") {
  const auto dir = fresh_dir("atomic");
  const auto target = dir / "out.pdf";
  REQUIRE(write_file_atomically(target, "old").empty());
  REQUIRE(write_file_atomically(target, "new contents").empty());
  CHECK(slurp(target) == "new contents");
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    ++files;
    CHECK_FALSE(is_temporary_output_name(entry.path().filename().string()));
  }
  CHECK(files == 1);
  fs::remove_all(dir);
}

TEST_CASE("a failed atomic write leaves the old file untouched") {
  const auto dir = fresh_dir("atomic-fail");
  const auto target = dir / "out.pdf";
  REQUIRE(write_file_atomically(target, "good").empty());
  fs::create_directories(dir / "sub.pdf");  // renaming a file over a directory fails
  CHECK_FALSE(write_file_atomically(dir / "sub.pdf", "x").empty());
  CHECK(slurp(target) == "good");
  for (const auto& entry : fs::directory_iterator(dir))
    CHECK_FALSE(is_temporary_output_name(entry.path().filename().string()));
  fs::remove_all(dir);
}

TEST_CASE("read_source_file reports missing files and size limits") {
  const auto missing = read_source_file("/nonexistent/brief/file.yaml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.diagnostics().items()[0].message == "cannot read `/nonexistent/brief/file.yaml`: no such file");
  const auto dir = fresh_dir("read");
  REQUIRE(write_file_atomically(dir / "big.txt", std::string(100, 'x')).empty());
  const auto big = read_source_file(dir / "big.txt", 10);
  REQUIRE_FALSE(big.ok());
  CHECK(big.diagnostics().items()[0].message.find("more than the limit of 10 bytes") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("read_source_file refuses devices and FIFOs and stops at the limit") {
  // /dev/zero reports a size of 0 and never ends: refused before a byte is read.
  const auto zero = read_source_file("/dev/zero", 1024);
  REQUIRE_FALSE(zero.ok());
  CHECK_THAT(zero.diagnostics().items()[0].message, Catch::Contains("not a regular file"));
  // A FIFO with no writer would block an ordinary open forever.
  const auto dir = fresh_dir("fifo");
  REQUIRE(::mkfifo((dir / "spec.yaml").c_str(), 0600) == 0);
  const auto fifo = read_source_file(dir / "spec.yaml");
  REQUIRE_FALSE(fifo.ok());
  CHECK_THAT(fifo.diagnostics().items()[0].message, Catch::Contains("not a regular file"));
  // A link to a regular file is read as that file.
  REQUIRE(write_file_atomically(dir / "real.txt", "hello").empty());
  fs::create_symlink(dir / "real.txt", dir / "link.txt");
  const auto linked = read_source_file(dir / "link.txt");
  REQUIRE(linked.ok());
  CHECK((*linked)->text == "hello");
  fs::remove_all(dir);
}
