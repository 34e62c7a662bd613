#include "cli/commands.hpp"

#include "pipeline/pipeline.hpp"
#include "analyze/params.hpp"
#include "cli/print.hpp"
#include "cli/terminal.hpp"
#include "corpus/corpus.hpp"
#include "corpus/ingest.hpp"
#include "index/index.hpp"
#include "theme/theme.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace brief::cli {

namespace {

std::string citation_line(const corpus::DocumentMeta& meta) {
  std::string who;
  for (const auto& author : meta.authors) who += (who.empty() ? "" : ", ") + author;
  if (!meta.publisher.empty()) who += (who.empty() ? "" : ", ") + meta.publisher;
  std::string out = fmt::format("{}. \u201C{}\u201D. {}", who, meta.title, meta.type);
  if (meta.published.known()) out += fmt::format(", {}", meta.published.display());
  return out + ".";
}

// Collapses runs of white space, for one-line snippets.
std::string one_line(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  bool space = false;
  for (char c : text) {
    if (c == '\n' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      ++chars;
      space = false;
    }
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++chars > max_chars) {
      out += "\u2026";
      break;
    }
    out += c;
  }
  return out;
}

// Every passage of one document with its id and locator, then what was set aside and why.
int show_document(const corpus::Document& document) {
  const auto& meta = document.meta;
  std::printf("%s\n\n", meta.id.c_str());
  std::printf("Source: %s\n", citation_line(meta).c_str());
  std::printf("File: %s (%s)\n", document.path.string().c_str(), document.format.c_str());
  if (!document.sidecar.empty()) std::printf("Metadata: %s\n", document.sidecar.string().c_str());
  if (document.page_count > 0) std::printf("Pages: %u\n", document.page_count);
  std::printf("Passages: %zu\n\n", document.passages.size());
  for (const auto& passage : document.passages) {
    std::string locator;
    if (passage.page > 0) locator = fmt::format(" (p. {})", passage.page);
    std::string lead;
    if (passage.kind == corpus::PassageKind::heading) lead = std::string(static_cast<size_t>(passage.heading_level), '#') + " ";
    else if (passage.kind == corpus::PassageKind::list_item) lead = passage.list_marker + " ";
    if (!passage.speaker.empty()) lead += passage.speaker + ": ";
    std::printf("%s%s\n    %s%s\n", passage.id.c_str(), locator.c_str(), lead.c_str(), passage.text.c_str());
    for (const auto& link : passage.links) std::printf("    -> %s\n", link.c_str());
  }
  if (!document.set_aside.empty()) {
    std::printf("\nSet aside (not passages):\n");
    for (const auto& aside : document.set_aside)
      std::printf("  [%s] %s\n", aside.rule.c_str(), one_line(aside.text, 100).c_str());
  }
  return 0;
}

} // namespace

int search_command(const SearchOptions& options) {
  auto corpus = corpus::load(options.corpus.corpus_dir);
  print_diagnostics(corpus.diagnostics());
  if (!corpus.ok()) return 1;
  auto index = index::Index::open(*corpus);
  print_diagnostics(index.diagnostics());
  if (!index.ok()) return 1;
  index::Query query;
  query.text = options.query;
  query.limit = options.limit;
  query.documents = options.documents;
  query.types = options.types;
  query.published_from = options.from;
  query.published_to = options.to;
  query.unit = options.sentences ? index::Unit::sentence : index::Unit::passage;
  auto hits = index->search(query);
  print_diagnostics(hits.diagnostics());
  if (!hits.ok()) return 1;
  if (hits->empty()) {
    std::fprintf(stderr, "no passages match `%s`\n", options.query.c_str());
    return 1;
  }
  const bool color = color_for(stdout);
  for (const auto& hit : *hits) {
    const auto* document = corpus->document_of(hit.id);
    std::printf("%-44s %7.3f  %s\n", hit.id.c_str(), hit.score,
        document ? one_line(document->meta.title, 60).c_str() : "");
    std::printf("    %s\n", highlight_matches(one_line(hit.snippet, 160), color).c_str());
  }
  return 0;
}

int show_command(const CorpusOptions& options, const std::string& id) {
  auto corpus = corpus::load(options.corpus_dir);
  print_diagnostics(corpus.diagnostics());
  if (!corpus.ok()) return 1;
  if (id.find('#') == std::string::npos) {
    if (const auto* whole = corpus->find_document(id)) return show_document(*whole);
  }
  const auto* document = corpus->document_of(id);
  std::string text;
  if (const auto* sentence = corpus->find_sentence(id)) text = sentence->text;
  else if (const auto* passage = corpus->find_passage(id)) text = passage->text;
  if (!document || text.empty()) {
    std::vector<std::string> ids;
    for (const auto& d : corpus->documents) {
      ids.push_back(d.meta.id);
      for (const auto& p : d.passages) ids.push_back(p.id);
    }
    Diagnostics diags;
    std::vector<std::string> hints;
    if (auto hint = did_you_mean(id, ids); !hint.empty()) hints.push_back(hint);
    hints.push_back("ids look like `document` (every passage of it), `document#p7` (passage) or `document#p7.s2` "
                    "(sentence); `brief search` finds them");
    diags.error({}, fmt::format("unknown passage `{}`", id), hints);
    print_diagnostics(diags);
    return 1;
  }
  std::printf("%s\n\n%s\n\n", id.c_str(), text.c_str());
  std::printf("Source: %s\n", citation_line(document->meta).c_str());
  if (!document->meta.descriptor.empty()) std::printf("Descriptor: %s\n", document->meta.descriptor.c_str());
  std::printf("Releasability: %s\n", document->meta.releasability.c_str());
  std::printf("File: %s\n", document->path.string().c_str());
  return 0;
}

int check_sources_command(const CorpusOptions& options) {
  auto corpus = corpus::load(options.corpus_dir);
  print_diagnostics(corpus.diagnostics());
  if (!corpus.ok()) return 1;
  size_t lacking = 0;
  for (const auto& document : corpus->documents) {
    const auto& meta = document.meta;
    std::vector<std::string> missing;
    // A title that is only the file name was not found anywhere.
    if (meta.title.empty() || meta.title == document.path.stem().string()) missing.emplace_back("title");
    if (!meta.published.known()) missing.emplace_back("date (`published`)");
    if (meta.publisher.empty() && meta.authors.empty()) missing.emplace_back("publisher or authors");
    if (meta.type.empty()) missing.emplace_back("type");
    if (document.passages.empty()) missing.emplace_back("passages (no body text found)");
    if (missing.empty()) continue;
    ++lacking;
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    const auto where = document.sidecar.empty() ? corpus::sidecar_path(document.path) : document.sidecar;
    std::printf("%s (%s): no %s\n    add them to %s\n", meta.id.c_str(), document.path.string().c_str(), list.c_str(),
        document.body_offset > 0 ? "its front matter" : where.string().c_str());
  }
  std::printf("%zu source%s, %zu lacking metadata\n", corpus->documents.size(), corpus->documents.size() == 1 ? "" : "s",
      lacking);
  return lacking == 0 ? 0 : 1;
}

int explain_command(const ExplainOptions& options) {
  pipeline::OutputJob job;
  job.spec_path = options.spec;
  job.project_root = options.project_root;
  job.corpus_dir = options.corpus_dir;
  job.template_name = options.template_name;
  auto prepared = pipeline::prepare(job);
  print_diagnostics(prepared.diagnostics());
  if (!prepared.ok()) return 1;
  const auto& p = *prepared;
  std::printf("%s: template %s (clearance %s), corpus %s (%zu documents)\n", options.spec.string().c_str(),
      p.template_name.c_str(), p.theme.clearance.c_str(), p.corpus.root.string().c_str(), p.corpus.documents.size());
  for (size_t i = 0; i < p.spec.sections.size(); ++i) {
    const auto& section = p.spec.sections[i];
    std::printf("\n%zu. %s [%s]\n", i + 1, section.title.c_str(), std::string(briefing::kind_name(section.kind)).c_str());
    if (!section.selector.query.empty()) std::printf("   query: %s\n", section.selector.query.c_str());
    if (i < p.selection.sections.size()) {
      const auto& selected = p.selection.sections[i];
      for (const auto& pick : selected.picks)
        std::printf("   pick %-40s %-8s score %.3f\n", pick.id.c_str(), pick.rule.c_str(), pick.score);
      for (const auto& note : selected.notes) std::printf("   note %s\n", note.c_str());
    }
    for (const auto& part : p.digest.sections) {
      if (part.section != i) continue;
      for (const auto& line : part.trace) std::printf("   %s\n", line.c_str());
    }
  }
  return 0;
}

int explain_params_command() {
  for (const analyze::ParamRow& row : analyze::describe_params()) {
    std::printf("%s = %s\n    %s (origin: %s)\n", row.name.c_str(), row.value.c_str(), row.what.c_str(),
        row.origin.c_str());
  }
  return 0;
}

int templates_command(const std::filesystem::path& project_root, const std::string& show_name) {
  const auto search_path = theme::default_search_path(project_root);
  if (show_name.empty()) {
    const auto templates = theme::list(search_path);
    if (templates.empty()) {
      std::string searched;
      for (const auto& dir : search_path) searched += (searched.empty() ? "" : ", ") + dir.generic_string();
      Diagnostics diags;
      diags.error({}, "no templates found", {fmt::format("searched: {}", searched),
          "put NAME.yaml files in the project's templates/, set BRIEF_TEMPLATE_PATH, or install brief "
          "with its shipped templates"});
      print_diagnostics(diags);
      return 1;
    }
    for (const auto& info : templates) {
      std::printf("%-16s %-12s %s\n    %s\n", info.name.c_str(),
          info.extends.empty() ? "" : ("extends " + info.extends).c_str(), info.description.c_str(),
          info.path.string().c_str());
    }
    return 0;
  }
  auto theme = theme::load(show_name, search_path);
  print_diagnostics(theme.diagnostics());
  if (!theme.ok()) return 1;
  std::fputs(theme->merged_yaml.c_str(), stdout);
  return 0;
}

} // namespace brief::cli
