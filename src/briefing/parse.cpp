#include "briefing/spec.hpp"

#include "briefing/checks.hpp"
#include "briefing/fields.hpp"
#include "briefing/outputs.hpp"
#include "briefing/section.hpp"

#include "base/file_io.hpp"

#include <fmt/format.h>

namespace brief::briefing {

namespace {

void read_header(Fields& f, BriefSpec& spec, Diagnostics& diags) {
  const auto& r = f.reader();
  if (auto id = f.string("id", "add `id: my-brief`; it also names the output files", true)) {
    if (auto problem = check_spec_id(*id)) {
      diags.error(r.value_span("id"), problem->message, {problem->hint});
    } else {
      spec.id = std::move(*id);
      spec.id_span = r.value_span("id");
    }
  }
  if (auto title = f.nonempty("title", "add `title: ...`, the brief's title", true)) spec.title = std::move(*title);
  if (auto subtitle = f.string("subtitle", "write the subtitle as text")) spec.subtitle = std::move(*subtitle);
  if (auto date = f.string("date", "write the date as YYYY-MM-DD, e.g. `date: 2026-11-21`")) {
    if (auto problem = check_date(*date, "date", DatePrecision::day)) {
      diags.error(r.value_span("date"), problem->message, {problem->hint});
    } else {
      spec.date = std::move(*date);
      spec.date_span = r.value_span("date");
    }
  }
  if (auto authors = f.strings("authors", "write authors as a list, e.g. `authors: [Counter-Terrorism Analysis Cell]`")) {
    for (auto& author : *authors) {
      if (author.empty()) {
        diags.error(r.value_span("authors"), "author name must not be empty", {"remove the empty item"});
        continue;
      }
      spec.authors.push_back(std::move(author));
    }
  }
  if (auto name = f.string("template", "write a template name, e.g. `template: analyst`")) {
    if (auto problem = check_template_name(*name)) {
      diags.error(r.value_span("template"), problem->message, {problem->hint});
    } else {
      spec.template_name = std::move(*name);
    }
  }
  spec.template_span = r.has("template") ? r.value_span("template") : r.span();
  if (auto corpus = f.nonempty("corpus", "write the corpus folder, relative to this file, e.g. `corpus: ../corpus`")) {
    spec.corpus = std::move(*corpus);
    spec.corpus_span = r.value_span("corpus");
  }
}

void read_sections(const SourceFilePtr& file, const Fields& f, BriefSpec& spec, Diagnostics& diags) {
  const auto& r = f.reader();
  if (!r.has("sections")) {
    diags.error(r.span(), "spec needs `sections`",
        {"add `sections:` with at least one section, e.g. `- {title: Key judgments, key_judgments: {limit: 5}}`"});
    return;
  }
  const YAML::Node node = r.node("sections");
  if (!node.IsSequence()) {
    diags.error(r.value_span("sections"), fmt::format("`sections` must be a list of sections, not {}",
        yaml::kind_name(node)), {"start each section with `- title: ...`"});
    return;
  }
  if (node.size() == 0) {
    diags.error(r.value_span("sections"), "`sections` is empty",
        {"add at least one section, e.g. `- {title: Key judgments, key_judgments: {limit: 5}}`"});
    return;
  }
  spec.sections.reserve(node.size());
  for (const auto& item : node)
    if (auto section = read_section(file, item, diags)) spec.sections.push_back(std::move(*section));
}

} // namespace

Outcome<BriefSpec> parse(const SourceFilePtr& file) {
  auto root = yaml::parse(file);
  if (!root.ok()) return std::move(root.diagnostics());
  Diagnostics diags = std::move(root.diagnostics());
  if (root->IsNull()) {
    diags.error(whole_file(file), "spec file is empty", {"a spec needs at least `id`, `title` and `sections`"});
    return diags;
  }
  Fields f(file, *root, "spec",
      {"id", "title", "subtitle", "date", "authors", "template", "corpus", "outputs", "sections"}, diags,
      "a spec is a mapping with `id`, `title`, `sections` and optional fields");
  if (!f.valid()) return diags;

  BriefSpec spec;
  spec.source = file;
  read_header(f, spec, diags);
  if (f.reader().has("outputs"))
    spec.outputs = read_outputs(file, f.reader().node("outputs"), spec.template_name, diags);
  read_sections(file, f, spec, diags);
  return Outcome<BriefSpec>(std::move(spec), std::move(diags));
}

Outcome<BriefSpec> load(const std::filesystem::path& path) {
  auto file = read_source_file(path);
  if (!file.ok()) return std::move(file.diagnostics());
  return parse(*file);
}

} // namespace brief::briefing
