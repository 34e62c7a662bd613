#include "pipeline/pipeline.hpp"
#include "pipeline/overflow.hpp"

#include "analyze/digest.hpp"
#include "base/file_io.hpp"
#include "base/hash.hpp"
#include "compose/compose.hpp"
#include "corpus/corpus.hpp"
#include "index/index.hpp"
#include "layout/layout.hpp"
#include "pdf/image.hpp"
#include "pdf/pdf.hpp"
#include "select/selection.hpp"
#include "text/font.hpp"
#include "theme/theme.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <optional>
#include <set>
#include <sstream>
#include <variant>

namespace brief::pipeline {

namespace fs = std::filesystem;

namespace {

// True when `path` is `root` or lies below it; both absolute and normalised.
bool is_within(const fs::path& path, const fs::path& root) {
  const auto [r, p] = std::mismatch(root.begin(), root.end(), path.begin(), path.end());
  return r == root.end() || (std::next(r) == root.end() && r->empty());
}

// The corpus folder: --corpus as given (chosen on the command line, it may be anywhere), else the
// spec's `corpus:`, which must resolve inside the project folder (after `..` and symbolic links)
// so that a spec from elsewhere cannot make brief read other files, else <project>/corpus.
std::optional<fs::path> corpus_dir_for(const OutputJob& job, const briefing::BriefSpec& spec, Diagnostics& diags) {
  if (!job.corpus_dir.empty()) return job.corpus_dir;
  if (spec.corpus.empty()) return job.project_root / "corpus";
  const fs::path dir = job.spec_path.parent_path() / spec.corpus;
  std::error_code dir_ec, root_ec;
  const fs::path resolved = fs::weakly_canonical(fs::absolute(dir, dir_ec), dir_ec);
  const fs::path root = fs::weakly_canonical(fs::absolute(job.project_root, root_ec), root_ec);
  if (dir_ec || root_ec || !is_within(resolved, root)) {
    diags.error(spec.corpus_span, fmt::format("corpus folder `{}` is outside the project folder {}", spec.corpus,
        root.string()), {"a spec may name a corpus only inside its project (`..` and symbolic links may not "
                         "leave it); to use a corpus elsewhere, pass it on the command line with --corpus"});
    return std::nullopt;
  }
  return dir;
}

// Reads and decodes the template's logo before layout, so a corrupt or disguised image is
// reported naming the file, and layout knows its proportions; print briefs set it above the title.
// `hash` receives the sha256 of the bytes decoded.
std::optional<layout::ImageData> load_logo(const fs::path& path, std::string& hash, Diagnostics& diags) {
  constexpr size_t k_max_logo_bytes = size_t{16} << 20;
  auto file = read_source_file(path, k_max_logo_bytes);
  if (!file.ok()) {
    diags.append(std::move(file.diagnostics()));
    return std::nullopt;
  }
  hash = sha256_hex((*file)->text);
  auto image = pdf::decode_image((*file)->text, path.string());
  diags.append(std::move(image.diagnostics()));
  if (!image.ok()) return std::nullopt;
  image->key = "logo";
  return std::move(*image);
}

// Characters no installed face has (emoji, scripts without a font) are printed as U+FFFD by
// text/, never dropped; this names them in a warning, so the user learns of it from the build
// and not from the PDF. Only runs holding more replacement characters than their text are shaped
// again to find which.
void warn_unshown_characters(const layout::PagedDocument& paged, text::FontLibrary& fonts, Diagnostics& diags) {
  const auto replacements = [](const std::u32string& text) {
    return std::count_if(text.begin(), text.end(), [](char32_t cp) { return cp == 0xFFFD || cp == U'?'; });
  };
  std::set<char32_t> missing;
  for (const auto& page : paged.pages)
    for (const auto& item : page.items)
      if (const auto* run = std::get_if<layout::GlyphRun>(&item);
          run && replacements(run->codepoints) > replacements(utf8::to_utf32(run->text))) {
        std::vector<char32_t> found;
        fonts.shape(run->face, run->size, run->text, &found);
        missing.insert(found.begin(), found.end());
      }
  if (missing.empty()) return;
  constexpr size_t k_listed = 12;
  std::string listed;
  size_t count = 0;
  for (const char32_t cp : missing) {
    if (count++ == k_listed) {
      listed += ", ...";
      break;
    }
    std::string shown;
    utf8::append(shown, cp);
    listed += fmt::format("{}U+{:04X} `{}`", listed.empty() ? "" : ", ", static_cast<uint32_t>(cp), shown);
  }
  diags.warning({}, fmt::format("{} character{} cannot be shown by any installed font and {} printed as "
      "U+FFFD: {}", missing.size(), missing.size() == 1 ? "" : "s", missing.size() == 1 ? "is" : "are", listed),
      {"install a font that has them, or replace them in the source; characters above U+FFFF (most "
       "emoji) cannot be written by the PDF library at all"});
}

// The spec date, else SOURCE_DATE_EPOCH; never the clock, so output stays reproducible.
std::string document_date(const briefing::BriefSpec& spec) {
  if (!spec.date.empty()) return spec.date;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && seconds >= 0) {
      const std::time_t t = static_cast<std::time_t>(seconds);
      std::tm tm{};
      gmtime_r(&t, &tm);
      return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    }
  }
  return {};
}

// Documents an output can depend on. When every section names its documents or ids, only those;
// otherwise (queries over the corpus, summaries of everything) the whole corpus.
std::pair<bool, std::set<std::string>> documents_read(const briefing::BriefSpec& spec) {
  std::set<std::string> ids;
  bool whole = false;
  for (const auto& section : spec.sections) {
    if (section.kind == briefing::SectionKind::bibliography) continue;
    const auto& selector = section.selector;
    for (const auto& ref : selector.ids) ids.insert(ref.id.substr(0, ref.id.find('#')));
    for (const auto& document : selector.documents) ids.insert(document);
    if (selector.documents.empty() && (!selector.query.empty() || selector.ids.empty())) whole = true;
  }
  return {whole, ids};
}

bool is_explicit(const briefing::BriefSpec& spec, const std::string& id) {
  for (const auto& section : spec.sections)
    for (const auto& ref : section.selector.ids)
      if (ref.id == id) return true;
  return false;
}

} // namespace

Outcome<Prepared> prepare(const OutputJob& job) {
  Diagnostics diags;
  auto spec_result = briefing::load(job.spec_path);
  diags.append(spec_result.diagnostics());
  if (!spec_result.ok()) return diags;
  Prepared prepared;
  prepared.spec = std::move(*spec_result);
  briefing::BriefSpec& spec = prepared.spec;
  spec.date = document_date(spec);

  const auto corpus_dir = corpus_dir_for(job, spec, diags);
  if (!corpus_dir) return diags;
  auto corpus_result = corpus::load(*corpus_dir);
  diags.append(corpus_result.diagnostics());
  if (!corpus_result.ok()) return diags;
  prepared.corpus = std::move(*corpus_result);
  const corpus::Corpus& corpus = prepared.corpus;

  index::CacheOptions cache_options;
  cache_options.write = job.write_index_cache;
  auto index_result = index::Index::open(corpus, {}, cache_options);
  diags.append(index_result.diagnostics());
  if (!index_result.ok()) return diags;

  const std::string template_name = job.template_name.empty() ? spec.template_name : job.template_name;
  auto theme_result = theme::load(template_name, theme::default_search_path(job.project_root),
      job.template_name.empty() ? spec.template_span : Span{}, job.project_root);
  diags.append(theme_result.diagnostics());
  if (!theme_result.ok()) return diags;
  prepared.theme = std::move(*theme_result);
  prepared.template_name = template_name;
  const theme::Theme& theme = prepared.theme;

  select::Options options;
  options.clearance = theme.clearance;
  if (const auto* level = corpus.markings.find(theme.clearance)) {
    options.max_rank = level->rank;
  } else {
    std::string levels;
    for (const auto& id : corpus.markings.ids()) levels += (levels.empty() ? "" : ", ") + id;
    diags.error({}, fmt::format("template `{}` sets clearance `{}`, which is not a marking level of the corpus",
        template_name, theme.clearance), {fmt::format("levels in {}: {}", (corpus.root / "markings.yaml").string(), levels)});
    return diags;
  }

  auto selection = select::run(spec, *index_result, corpus, options);
  diags.append(selection.diagnostics());
  if (!selection.ok()) return diags;

  prepared.digest = analyze::run(spec, *selection, corpus);
  prepared.selection = std::move(*selection);
  return Outcome<Prepared>(std::move(prepared), std::move(diags));
}

Outcome<BuiltOutput> build_output(const OutputJob& job) { return build_output(job, prepare(job)); }

Outcome<BuiltOutput> build_output(const OutputJob& job, Outcome<Prepared> prepared_result) {
  Diagnostics diags = std::move(prepared_result.diagnostics());
  if (!prepared_result.ok()) return diags;
  const Prepared& prepared = *prepared_result;
  const briefing::BriefSpec& spec = prepared.spec;
  const corpus::Corpus& corpus = prepared.corpus;
  const theme::Theme& theme = prepared.theme;
  const std::string& template_name = prepared.template_name;
  const analyze::Digest& digest = prepared.digest;
  const model::Document document = compose::build(spec, digest, corpus, theme);

  std::optional<layout::ImageData> logo;
  std::string logo_hash;
  if (!theme.logo.empty()) {
    logo = load_logo(theme.logo, logo_hash, diags);
    if (!logo) return diags;
  }

  text::FontLibrary fonts;
  layout::Options layout_options;
  if (logo && logo->width > 0 && logo->height > 0)
    layout_options.logo = layout::Logo{logo->key, static_cast<double>(logo->width) / logo->height, theme.logo_alt};
  auto paged = job.format == briefing::OutputFormat::brief
      ? layout::run(document, theme, fonts, layout_options)
      : layout::run_slides(document, theme, fonts, job.format == briefing::OutputFormat::slides_handout);
  diags.append(paged.diagnostics());
  if (!paged.ok()) return diags;

  warn_unshown_characters(*paged, fonts, diags);
  // Only print briefs place the logo; a deck would carry it unused.
  if (logo && job.format == briefing::OutputFormat::brief) paged->images.push_back(std::move(*logo));

  if (theme.max_pages > 0 && static_cast<int>(paged->pages.size()) > theme.max_pages) {
    const Overflow overflow = measure_overflow(*paged, static_cast<size_t>(theme.max_pages));
    std::vector<std::string> hints{
        "fewer items: lower the `limit:` of those sections in the spec, or drop a section",
        fmt::format("or another template: `--template NAME` (`brief templates` lists them; `{}` allows {} "
                    "page{})", template_name, theme.max_pages, theme.max_pages == 1 ? "" : "s")};
    diags.error(job.template_name.empty() ? spec.template_span : Span{},
        fmt::format("the `{}` brief runs to {} pages, more than the template's limit of {}: {}", template_name,
            paged->pages.size(), theme.max_pages, describe_overflow(overflow)),
        std::move(hints));
    // No PDF, but the trace of the layout that did not fit, so the overflow can be inspected.
    if (!job.want_trace) return diags;
    BuiltOutput failed;
    failed.pages = paged->pages.size();
    failed.trace = layout::trace(*paged, fonts);
    return Outcome<BuiltOutput>(std::move(failed), std::move(diags));
  }

  pdf::Options pdf_options;
  if (theme.pdf_standard == theme::PdfStandard::pdfa_2b) pdf_options.standard = pdf::Standard::pdfa_2b;
  auto pdf_bytes = pdf::write(*paged, fonts, pdf_options);
  diags.append(pdf_bytes.diagnostics());
  if (!pdf_bytes.ok()) return diags;

  BuiltOutput out;
  out.pdf = std::move(*pdf_bytes);
  out.pages = paged->pages.size();
  out.banner = document.meta.release_statement.empty() ? document.meta.banner : document.meta.release_statement;
  if (job.want_trace) out.trace = layout::trace(*paged, fonts);

  // Every hash is of the bytes the stages read, taken when they read them, never of the files as
  // they are now: a file edited during the build must make the output stale, not look built.
  Inputs& inputs = out.inputs;
  inputs.spec_path = job.spec_path.string();
  inputs.spec_hash = sha256_hex(spec.source ? spec.source->text : std::string{});
  for (size_t i = 0; i < theme.chain.size(); ++i)
    inputs.templates.emplace_back(theme.chain[i].string(), theme.chain_hashes.at(i));
  const auto [whole, read] = documents_read(spec);
  inputs.whole_corpus = whole;
  inputs.corpus_dir = corpus.root.string();
  for (const auto& document_entry : corpus.documents)
    if (whole || read.count(document_entry.meta.id))
      inputs.documents.emplace_back(document_entry.path.string(), document_entry.content_hash);
  for (size_t face = 0; face < fonts.face_count(); ++face) {
    const auto id = static_cast<text::FaceId>(face);
    const auto path = fonts.info(id).path.string();
    if (std::none_of(inputs.fonts.begin(), inputs.fonts.end(), [&](const auto& f) { return f.first == path; }))
      inputs.fonts.emplace_back(path, fonts.content_hash(id));
  }
  if (!theme.logo.empty()) inputs.images.emplace_back(theme.logo.string(), logo_hash);
  inputs.aliases_hash = corpus.aliases_hash;
  inputs.markings_hash = corpus.markings_hash;

  for (const auto& citation : document.citations) {
    for (const auto& id : citation.ids) {
      CitedText cited;
      cited.id = id;
      std::string text;
      if (const auto* sentence = corpus.find_sentence(id)) text = sentence->text;
      else if (const auto* passage = corpus.find_passage(id)) text = passage->text;
      cited.text_hash = sha256_hex(text);
      cited.explicit_id = is_explicit(spec, id);
      if (cited.explicit_id) cited.text = std::move(text);
      out.cited.push_back(std::move(cited));
    }
  }
  std::sort(out.cited.begin(), out.cited.end(), [](const CitedText& a, const CitedText& b) { return a.id < b.id; });
  return Outcome<BuiltOutput>(std::move(out), std::move(diags));
}

} // namespace brief::pipeline
