#include "pipeline/pipeline.hpp"

#include "base/hash.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

using namespace brief;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void append(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::app) << text;
}

// A copy of the project's briefs/, templates/ and corpus/ in a temporary folder.
class ProjectCopy {
public:
  explicit ProjectCopy(const std::string& name)
      : m_root(fs::temp_directory_path() / ("brief-pipeline-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(m_root);
    fs::create_directories(m_root);
    for (const char* dir : {"briefs", "templates", "corpus"})
      fs::copy(fs::path(BRIEF_SOURCE_DIR) / dir, m_root / dir, fs::copy_options::recursive);
  }
  ~ProjectCopy() {
    std::error_code ec;
    fs::remove_all(m_root, ec);
  }
  const fs::path& root() const { return m_root; }

private:
  fs::path m_root;
};

} // namespace

TEST_CASE("inputs record the bytes each stage read, not the files as they are after the build") {
  ProjectCopy project("inputs-as-read");
  pipeline::OutputJob job;
  job.project_root = project.root();
  job.spec_path = project.root() / "briefs" / "iraq-ct-overview.yaml";
  job.template_name = "executive";
  job.name = "iraq-ct-overview-executive.pdf";

  const fs::path template_file = project.root() / "templates" / "executive.yaml";
  const fs::path parent_file = project.root() / "templates" / "analyst.yaml";
  const fs::path aliases = project.root() / "corpus" / "aliases.yaml";
  const fs::path markings = project.root() / "corpus" / "markings.yaml";
  const std::string template_before = slurp(template_file);
  const std::string parent_before = slurp(parent_file);
  const std::string aliases_before = slurp(aliases);
  const std::string markings_before = slurp(markings);

  auto prepared = pipeline::prepare(job);
  REQUIRE(prepared.ok());
  // Edited after they were read, while the rest of the build runs.
  append(template_file, "# edited during the build\n");
  append(parent_file, "# edited during the build\n");
  append(aliases, "# edited during the build\n");
  append(markings, "# edited during the build\n");
  std::ofstream(project.root() / "corpus" / "added-during-build.md") << "not read\n";

  auto built = pipeline::build_output(job, std::move(prepared));
  REQUIRE(built.ok());
  const auto& inputs = built->inputs;
  REQUIRE(inputs.templates.size() >= 2);
  CHECK(inputs.templates[0].first == template_file.string());
  CHECK(inputs.templates[0].second == sha256_hex(template_before));
  CHECK(inputs.templates[1].first == parent_file.string());
  CHECK(inputs.templates[1].second == sha256_hex(parent_before));
  CHECK(inputs.aliases_hash == sha256_hex(aliases_before));
  CHECK(inputs.markings_hash == sha256_hex(markings_before));
  CHECK(inputs.whole_corpus);
  for (const auto& [path, hash] : inputs.documents) CHECK(path.find("added-during-build") == std::string::npos);
  REQUIRE_FALSE(inputs.fonts.empty());
  for (const auto& [path, hash] : inputs.fonts) CHECK(hash == sha256_hex(slurp(path)));
}
