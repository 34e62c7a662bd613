// The default spec (briefs/iraq-ct-overview.yaml) as a deck and a handout through the real
// pipeline, in the light and dark briefing templates; the PDFs checked with pdfinfo, pdftotext and
// qpdf as a reader would open them.
#include "pipeline/pipeline.hpp"
#include "compose/compose.hpp"
#include "layout/layout.hpp"
#include "pdf/pdf.hpp"
#include "slides_checks.hpp"

#include <cmath>
#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace brief;
using namespace brief::layout;
using namespace brief::layout::testing;
namespace fs = std::filesystem;

namespace {

struct Built {
  theme::Theme theme;
  PagedDocument paged;
  std::string trace;
  std::string pdf;
};

Built build_deck(const std::string& template_name, briefing::OutputFormat format) {
  pipeline::OutputJob job;
  job.project_root = BRIEF_SOURCE_DIR;
  job.spec_path = fs::path(BRIEF_SOURCE_DIR) / "briefs" / "iraq-ct-overview.yaml";
  job.template_name = template_name;
  job.format = format;
  auto prepared = pipeline::prepare(job);
  for (const auto& d : prepared.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(prepared.ok());
  const model::Document document =
      compose::build(prepared->spec, prepared->digest, prepared->corpus, prepared->theme);
  text::FontLibrary fonts;
  auto paged = run_slides(document, prepared->theme, fonts, format == briefing::OutputFormat::slides_handout);
  for (const auto& d : paged.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(paged.ok());
  CHECK(paged.diagnostics().empty());
  Built out{prepared->theme, std::move(*paged), {}, {}};
  out.trace = trace(out.paged, fonts);
  auto pdf = pdf::write(out.paged, fonts);
  REQUIRE(pdf.ok());
  out.pdf = std::move(*pdf);
  return out;
}

struct Command {
  int status = -1;
  std::string out, err;
};

// Runs `tool` on the PDF bytes (written to a temporary file).
Command run_on(const std::string& tool, const std::string& pdf, const std::string& tail = "") {
  std::string pattern = (fs::temp_directory_path() / "brief-slides-XXXXXX").string();
  const fs::path dir = mkdtemp(pattern.data());
  const fs::path file = dir / "deck.pdf", err = dir / "stderr";
  std::ofstream(file, std::ios::binary) << pdf;
  Command result;
  FILE* pipe = popen((tool + " '" + file.string() + "' " + tail + " 2>'" + err.string() + "'").c_str(), "r");
  REQUIRE(pipe);
  std::array<char, 4096> buffer{};
  for (size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err);
  result.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  fs::remove_all(dir);
  return result;
}

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

void check_reader(const Built& built, const std::string& page_size) {
  // scripts/install-deps installs both; a machine without them must fail, not pass silently.
  REQUIRE(have("pdfinfo"));
  REQUIRE(have("qpdf"));
  REQUIRE(have("pdftotext"));
  const Command info = run_on("pdfinfo", built.pdf);
  CHECK(info.status == 0);
  CHECK(info.err.empty());
  CHECK(std::regex_search(info.out, std::regex("Page size: +" + page_size)));
  CHECK(std::regex_search(info.out, std::regex("Pages: +" + std::to_string(built.paged.pages.size()) + "\n")));
  const Command text = run_on("pdftotext", built.pdf, "-");
  CHECK(text.status == 0);
  CHECK(text.err.empty());
  CHECK(text.out.find("Countering ISIS in Iraq") != std::string::npos);
  const Command check = run_on("qpdf --check", built.pdf);
  CHECK(check.status == 0);
}

} // namespace

TEST_CASE("the default deck is 16:9, fits, and names the sources of each slide") {
  for (const char* name : {"briefing", "briefing-dark"}) {
    INFO(name);
    const Built built = build_deck(name, briefing::OutputFormat::slides);
    check_deck(built.paged, built.trace, built.theme);
    check_reader(built, "960 x 540 pts");
    // Title, agenda, at least a slide per section, a sources slide.
    CHECK(built.paged.pages.size() >= 10);
    CHECK(built.trace.find("kind=title") != std::string::npos);
    CHECK(built.trace.find("kind=agenda") != std::string::npos);
    CHECK(built.trace.find("kind=figures") != std::string::npos);
    CHECK(built.trace.find("kind=quote") != std::string::npos);
    CHECK(built.trace.find("kind=sources") != std::string::npos);
  }
}

TEST_CASE("shortened bullets of the default deck end at a boundary with an ellipsis") {
  const Built built = build_deck("briefing", briefing::OutputFormat::slides);
  // Each "…" ends a word: the text before it never ends inside a word of the full passage, which
  // the plan checks; here the drawn text must show the ellipsis right after a word. A word can be
  // drawn as several runs (a run ends where kerning moves a glyph), so a run that starts where the
  // previous one ended on the same baseline continues its word; any other run starts after a space.
  std::string all;
  for (const Page& page : built.paged.pages) {
    const GlyphRun* previous = nullptr;
    for (const Item& item : page.items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (run == nullptr) continue;
      const bool abutting = previous != nullptr && std::abs(previous->y - run->y) < 0.01 &&
          std::abs(previous->x + previous->width - run->x) < 0.01;
      if (!abutting) all += " ";
      all += run->text;
      previous = run;
    }
  }
  for (size_t at = all.find("\u2026"); at != std::string::npos; at = all.find("\u2026", at + 1)) {
    REQUIRE(at > 0);
    CHECK(all[at - 1] != ' ');
  }
}

TEST_CASE("the default handout has A4 pages that readers accept") {
  const Built built = build_deck("briefing", briefing::OutputFormat::slides_handout);
  CHECK(built.trace.find("[outside page]") == std::string::npos);
  check_reader(built, "595\\.276 x 841\\.89 pts \\(A4\\)");
}
