// Typography benchmark: lays out and writes one output of a spec with optimal (Knuth-Plass) and
// greedy line breaking, and with subset and libharu font embedding, and prints times and sizes.
//
//   build/bench/typography/typography [SPEC] [TEMPLATE] [RUNS]
//   (defaults: briefs/iraq-ct-overview.yaml analyst 15; run from the project root)
//
// Times are the median of RUNS runs of layout + PDF writing (the stages that differ); the
// stages before them (corpus, index, selection, analysis, compose) are run once. Then the word
// spacing of the optimal and greedy PDFs, measured on the files by scripts/typography-figures
// (poppler's word boxes; needs python3 and pdftotext).

#include "pipeline/pipeline.hpp"
#include "compose/compose.hpp"
#include "layout/layout.hpp"
#include "pdf/pdf.hpp"
#include "text/font.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace brief;

namespace {

struct Measure {
  double median_ms = 0;
  size_t bytes = 0;
  size_t pages = 0;
  std::string pdf;  // the last run's PDF
};

Measure measure(const model::Document& document, const theme::Theme& theme, layout::Breaking breaking,
    pdf::FontEmbedding embedding, int runs) {
  std::vector<double> times;
  Measure out;
  for (int i = 0; i < runs; ++i) {
    text::FontLibrary fonts;  // fresh per run: no shaping cache carried over
    const auto start = std::chrono::steady_clock::now();
    layout::Options options;
    options.breaking = breaking;
    auto paged = layout::run(document, theme, fonts, options);
    if (!paged.ok()) {
      std::fprintf(stderr, "layout failed\n");
      std::exit(1);
    }
    pdf::Options pdf_options;
    pdf_options.embedding = embedding;
    auto bytes = pdf::write(*paged, fonts, pdf_options);
    if (!bytes.ok()) {
      std::fprintf(stderr, "pdf failed\n");
      std::exit(1);
    }
    const auto stop = std::chrono::steady_clock::now();
    times.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    out.bytes = bytes->size();
    out.pdf = std::move(*bytes);
    out.pages = paged->pages.size();
  }
  std::sort(times.begin(), times.end());
  out.median_ms = times[times.size() / 2];
  return out;
}

// Writes `pdf` to a temporary file and prints its spacing figures (scripts/typography-figures).
void print_spacing(const std::string& label, const std::string& pdf) {
  const std::filesystem::path file = std::filesystem::temp_directory_path() / ("brief-typography-" + label + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  std::printf("%s spacing: ", label.c_str());
  std::fflush(stdout);
  const std::string command = "python3 scripts/typography-figures '" + file.string() + "'";
  if (std::system(command.c_str()) != 0) std::printf("(not measured: run from the project root with python3 and pdftotext)\n");
  std::filesystem::remove(file);
}

} // namespace

int main(int argc, char** argv) {
  pipeline::OutputJob job;
  job.spec_path = argc > 1 ? argv[1] : "briefs/iraq-ct-overview.yaml";
  job.template_name = argc > 2 ? argv[2] : "analyst";
  const int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 15;
  auto prepared = pipeline::prepare(job);
  if (!prepared.ok()) {
    for (const auto& d : prepared.diagnostics()) std::fputs(format_diagnostic(d).c_str(), stderr);
    return 1;
  }
  const auto& p = *prepared;
  const model::Document document = compose::build(p.spec, p.digest, p.corpus, p.theme);

  const Measure optimal = measure(document, p.theme, layout::Breaking::optimal, pdf::FontEmbedding::subset, runs);
  const Measure greedy = measure(document, p.theme, layout::Breaking::greedy, pdf::FontEmbedding::subset, runs);
  const Measure libharu = measure(document, p.theme, layout::Breaking::optimal, pdf::FontEmbedding::libharu, runs);

  std::printf("%s, template %s, %d runs (median of layout + pdf)\n", job.spec_path.string().c_str(),
      job.template_name.c_str(), runs);
  std::printf("optimal breaking, subset fonts:  %8.2f ms  %8zu bytes  %zu pages\n", optimal.median_ms,
      optimal.bytes, optimal.pages);
  std::printf("greedy breaking, subset fonts:   %8.2f ms  %8zu bytes  %zu pages\n", greedy.median_ms,
      greedy.bytes, greedy.pages);
  std::printf("optimal breaking, libharu fonts: %8.2f ms  %8zu bytes  %zu pages\n", libharu.median_ms,
      libharu.bytes, libharu.pages);
  std::printf("time optimal/greedy %.2f  size libharu/subset %.2f\n", optimal.median_ms / greedy.median_ms,
      static_cast<double>(libharu.bytes) / static_cast<double>(optimal.bytes));
  print_spacing("optimal", optimal.pdf);
  print_spacing("greedy", greedy.pdf);
  return 0;
}
