#include "cli/cli.hpp"

#include "base/names.hpp"
#include "schedule/schedule.hpp"
#include "cli/commands.hpp"
#include "cli/init.hpp"
#include "cli/print.hpp"
#include "cli/terminal.hpp"
#include "theme/search.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <new>

#include <cstdio>
#include <exception>

namespace brief::cli {

namespace {

constexpr int k_exit_user_error = 1;
constexpr int k_exit_usage = 2;
constexpr int k_exit_internal = 3;

struct BuildFlags {
  std::vector<std::string> specs;
  bool all = false;
  std::string output_dir;  // empty: the project's output/
  std::string corpus;
  std::vector<std::string> templates;
  std::string format;
  bool trace = false;
  bool force = false;
  bool strict = false;
  bool quiet = false;
  std::string report;
  int jobs = 0;
};

void add_build_flags(CLI::App& command, BuildFlags& flags, bool full) {
  command.add_option("specs", flags.specs, "briefing spec files (YAML)");
  command.add_flag("--all", flags.all, "every spec under briefs/");
  command.add_option("--corpus", flags.corpus, "corpus folder (overrides the spec's)");
  // A template name is also part of output file names, so it may never name a path.
  const CLI::Validator template_name(
      [](const std::string& name) {
        return theme::is_valid_name(name) ? std::string()
            : fmt::format("invalid template name `{}`: use lowercase letters, digits, `_` and `-` "
                          "(templates are found by name, never by path)", name);
      },
      "NAME");
  command.add_option("-t,--template", flags.templates, "build with this template (repeatable)")
      ->check(template_name);
  command.add_option("--format", flags.format, "brief, slides or slides-handout")
      ->check(CLI::IsMember(format_names()));
  if (!full) return;
  command.add_option("-o,--output", flags.output_dir,
      "output folder (default: output/ of the spec's project, the folder above it holding "
      "briefs/, templates/ or corpus/)");
  command.add_flag("--trace", flags.trace, "also write <name>.trace.txt, the layout trace");
  command.add_flag("-f,--force", flags.force, "rebuild even when nothing changed");
  command.add_flag("--strict", flags.strict, "a changed passage cited by id is an error");
  command.add_flag("-q,--quiet", flags.quiet, "print errors only");
  command.add_option("--report", flags.report, "write a JSON report of every output");
  command.add_option("-j,--jobs", flags.jobs, "outputs built in parallel (default: cores)");
}

// The project a spec belongs to: the nearest folder above it holding templates/, briefs/ or
// corpus/, so `brief build ~/work/briefs/x.yaml` works from any directory; else the current one.
std::filesystem::path project_root_of(const std::filesystem::path& spec) {
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(spec, ec).parent_path();
  if (ec) return ".";
  for (; !dir.empty(); dir = dir.parent_path()) {
    for (const char* marker : {"templates", "briefs", "corpus"}) {
      std::error_code probe;
      if (std::filesystem::is_directory(dir / marker, probe)) return dir;
    }
    if (dir == dir.root_path()) break;
  }
  return ".";
}

// `<project>/output`, spelled relative to the current folder when the project is this folder or
// below it, so messages stay short.
std::filesystem::path project_output_dir(const std::filesystem::path& project_root) {
  std::error_code ec;
  const auto here = std::filesystem::current_path(ec);
  const auto output = std::filesystem::absolute(project_root / "output", ec).lexically_normal();
  if (ec) return project_root / "output";
  const auto relative = output.lexically_relative(here);
  if (!relative.empty() && *relative.begin() != "..") return relative;
  return output;
}

schedule::Plan plan_from(const BuildFlags& flags) {
  schedule::Plan plan;
  if (!flags.all && !flags.specs.empty()) plan.project_root = project_root_of(flags.specs.front());
  for (const auto& spec : flags.specs) plan.specs.emplace_back(spec);
  plan.all = flags.all;
  plan.output_dir = flags.output_dir.empty() ? project_output_dir(plan.project_root) : std::filesystem::path(flags.output_dir);
  plan.corpus_dir = flags.corpus;
  plan.templates = flags.templates;
  plan.format = flags.format;
  plan.trace = flags.trace;
  plan.force = flags.force;
  plan.strict = flags.strict;
  plan.quiet = flags.quiet;
  plan.report_path = flags.report;
  plan.jobs = flags.jobs;
  plan.color = color_override();
  return plan;
}

int run_build(const BuildFlags& flags, bool dry_run) {
  if (flags.specs.empty() && !flags.all) {
    std::fputs("error: name one or more spec files, or --all for every spec under briefs/\n", stderr);
    return k_exit_usage;
  }
  schedule::Plan plan = plan_from(flags);
  plan.dry_run = dry_run;
  const schedule::Report report = schedule::run(plan);
  return report.ok() ? 0 : k_exit_user_error;
}

} // namespace

int run(int argc, char** argv) {
  CLI::App app{"brief: citation-rich PDF briefs and slide decks from a corpus of sources", "brief"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("brief ") + BRIEF_VERSION);
  // Given before or after the command (`brief search x --color=always`): subcommands pass
  // options they do not know up to here.
  app.fallthrough();
  std::string color = "auto";
  app.add_option("--color", color,
      "colour diagnostics and search hits: auto (on a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))->capture_default_str();

  std::string init_dir;
  auto* init_command_ = app.add_subcommand("init",
      "make a new project in DIR (new or empty): a starter source, a spec and a house template that build at once");
  init_command_->add_option("dir", init_dir, "folder for the new project")->required();

  BuildFlags build_flags;
  auto* build_command = app.add_subcommand("build", "build briefs (and decks) into output/");
  add_build_flags(*build_command, build_flags, true);

  BuildFlags check_flags;
  auto* check_command = app.add_subcommand("check",
      "validate specs (and everything they use) without writing; without a spec, list sources lacking metadata");
  add_build_flags(*check_command, check_flags, false);

  SearchOptions search;
  auto* search_command_ = app.add_subcommand("search", "rank corpus passages for a query (BM25)");
  search_command_->add_option("query", search.query, "words, \"phrases\", OR, AND, NOT, ( )")->required();
  search_command_->add_option("-n,--limit", search.limit, "how many results")->capture_default_str();
  search_command_->add_option("--corpus", search.corpus.corpus_dir, "corpus folder")->capture_default_str();
  search_command_->add_option("-d,--document", search.documents, "only this document (repeatable)");
  search_command_->add_option("--type", search.types, "only this source type (repeatable)");
  search_command_->add_option("--from", search.from, "published on or after YYYY[-MM[-DD]]");
  search_command_->add_option("--to", search.to, "published on or before YYYY[-MM[-DD]]");
  search_command_->add_flag("--sentences", search.sentences, "rank sentences instead of passages");

  CorpusOptions show_corpus;
  std::string show_id;
  auto* show_command_ = app.add_subcommand("show", "print a passage or sentence with its full citation");
  show_command_->add_option("id", show_id, "doc#p7, doc#p7.s2, or doc for all its passages")->required();
  show_command_->add_option("--corpus", show_corpus.corpus_dir, "corpus folder")->capture_default_str();

  ExplainOptions explain;
  std::string explain_spec, explain_corpus;
  auto* explain_command_ = app.add_subcommand("explain", "show what each section selected and why");
  bool explain_params = false;
  explain_command_->add_option("spec", explain_spec, "briefing spec (not needed with --params)");
  explain_command_->add_flag("--params", explain_params,
      "print every threshold, weight and word list of the analysis, what it does and where its value came from");
  explain_command_->add_option("-t,--template", explain.template_name, "template (default: the spec's)");
  explain_command_->add_option("--corpus", explain_corpus, "corpus folder (overrides the spec's)");

  std::string template_show;
  auto* templates_command_ = app.add_subcommand("templates", "list templates, or show one fully merged");
  auto* templates_show = templates_command_->add_subcommand("show", "print a template after inheritance");
  templates_show->add_option("name", template_show, "template name")->required();

  BuildFlags status_flags;
  auto* status_command = app.add_subcommand("status", "list outputs as up to date, stale (and why) or failed");
  add_build_flags(*status_command, status_flags, true);

  BuildFlags watch_flags;
  auto* watch_command = app.add_subcommand("watch", "rebuild as specs, templates or the corpus change");
  add_build_flags(*watch_command, watch_flags, true);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : k_exit_usage;
  }
  set_color_choice(parse_color_choice(color).value_or(ColorChoice::automatic));

  try {
    if (*init_command_) return init_command(init_dir);
    if (*build_command) return run_build(build_flags, false);
    if (*check_command) {
      if (check_flags.specs.empty() && !check_flags.all) {
        CorpusOptions sources;
        if (!check_flags.corpus.empty()) sources.corpus_dir = check_flags.corpus;
        return check_sources_command(sources);
      }
      return run_build(check_flags, true);
    }
    if (*search_command_) return search_command(search);
    if (*show_command_) return show_command(show_corpus, show_id);
    if (*explain_command_) {
      if (explain_params) return explain_params_command();
      if (explain_spec.empty()) {
        std::fprintf(stderr, "error: explain needs a spec (brief explain briefs/NAME.yaml) or --params\n");
        return k_exit_usage;
      }
      explain.spec = explain_spec;
      explain.project_root = project_root_of(explain_spec);
      explain.corpus_dir = explain_corpus;
      return explain_command(explain);
    }
    if (*templates_command_) return templates_command(".", template_show);
    if (*status_command) {
      auto plan = plan_from(status_flags);
      if (plan.specs.empty()) plan.all = true;
      return schedule::print_status(plan);
    }
    if (*watch_command) {
      auto plan = plan_from(watch_flags);
      if (plan.specs.empty()) plan.all = true;
      return schedule::watch(plan);
    }
  } catch (const std::bad_alloc&) {
    // Not a mistake in the input files, so not exit 1: the inputs need more memory than there is.
    std::fputs("brief: out of memory: the inputs need more memory than this machine could give; no output "
               "was replaced or left half-written\n"
               "  = hint: build fewer outputs at once (--jobs 1), split large corpus documents, or narrow "
               "the spec's sections; docs/hardening.md lists the measured bounds\n", stderr);
    return k_exit_internal;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "brief: internal error: %s\n", e.what());
    return k_exit_internal;
  }
  return k_exit_usage;
}

} // namespace brief::cli
