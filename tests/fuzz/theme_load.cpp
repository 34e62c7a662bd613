// Fuzz target: template loading and merging (theme::load). The input is written as the template
// `fuzzed` in a private folder searched before the shipped templates/, so it can extend a shipped
// template (`extends: analyst`), itself, or a missing one, and name logos anywhere. Any input must
// give a theme or errors; a logo, when accepted, must lie inside the template folder.
#include "fuzz_support.hpp"

#include "theme/theme.hpp"

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace brief;
namespace fs = std::filesystem;

namespace {

// A private folder holding the fuzzed template and one logo it may name, removed at exit.
struct TemplateFolder {
  fs::path dir;
  TemplateFolder() {
    std::string pattern = (fs::temp_directory_path() / "brief-fuzz-theme-XXXXXX").string();
    if (!mkdtemp(pattern.data())) fuzz::fail("cannot make a temporary folder");
    dir = pattern;
    fs::create_directories(dir / "logos");
    std::ofstream(dir / "logos" / "unit.png", std::ios::binary) << "\x89PNG\r\n\x1A\n";
  }
  ~TemplateFolder() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const TemplateFolder folder;
  {
    std::ofstream out(folder.dir / "fuzzed.yaml", std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) fuzz::fail("cannot write the fuzzed template");
  }
  const std::vector<fs::path> search_path{folder.dir, fs::path(BRIEF_SOURCE_DIR) / "templates"};
  const auto theme = theme::load("fuzzed", search_path);
  fuzz::check_diagnostics(theme.diagnostics());
  if (!theme.ok()) return 0;
  if (!theme->logo.empty()) {
    const fs::path root = fs::canonical(folder.dir);
    const std::string logo = theme->logo.string();
    fuzz::require(logo.rfind(root.string() + "/", 0) == 0, "an accepted logo lies outside the template folder");
  }
  fuzz::require(theme->page.width > 0 && theme->page.height > 0, "a page without area was accepted");
  return 0;
}
