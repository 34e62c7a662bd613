#include "cli/init.hpp"

#include "base/file_io.hpp"
#include "cli/print.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <string_view>
#include <unistd.h>

namespace brief::cli {

namespace {

namespace fs = std::filesystem;

struct StarterFile {
  std::string_view path;
  std::string_view text;
};

constexpr std::string_view k_source = R"(---
# One source document: YAML front matter, then the text in Markdown. Replace this file with your
# own sources (one file per source, named after its id). README "Corpus format" lists every key.
id: starter-note
title: How a brief is made from a corpus
publisher: brief
type: guidance note
published: 2026-01
releasability: public
descriptor: >-
  The starter note written by `brief init`, so that a new project builds at once. It describes
  the project's own files; delete it once the corpus holds real sources.
---

# What the corpus is

A corpus is a folder of source documents, one Markdown file for each source. Every paragraph of a
source becomes a passage with its own id, and every sentence of a passage can be cited on its own.

Nothing in a brief is paraphrased. Every sentence a brief shows is a sentence of a source, and every
citation links it back to the source in the bibliography.

# What a spec is

A spec in briefs/ says what a brief contains: passages picked by a query or by id, summaries, key
judgments, recommendations and key figures. Each section of the spec becomes a section of the brief.

A query is made of words, phrases in quotes, and the operators OR, AND and NOT with parentheses.
The search ranks passages by how well they match, so the best passages come first.

# What a template is

A template in templates/ says how a brief looks for one audience: fonts, colours, margins, the
citation style and the markings. A template extends another and changes only what differs.

Build every spec of the project with brief build --all, and see what each section selected with
brief explain.
)";

constexpr std::string_view k_markings = R"(# Handling levels a source may have (its `releasability:`), least restricted first, with the
# banner printed on every page and the portion mark before each paragraph. A brief's banner is that
# of the highest level it actually includes; a template's `markings.clearance` leaves out sources
# above it. Add or rename levels to match your organisation's rules.
levels:
  - id: public
    banner: "UNCLASSIFIED // PUBLIC RELEASE"
    portion: U
  - id: official-use
    banner: "OFFICIAL USE ONLY"
    portion: OUO
  - id: restricted
    banner: "RESTRICTED"
    portion: R
)";

constexpr std::string_view k_aliases = R"(# Names that stand for one entity, so that a search for one finds the others. Each group has the
# name briefs use (`canonical`) and its other spellings, translations and acronyms (`variants`,
# matched without regard to case; `case_sensitive` for short acronyms that are also words).
# Example:
#   - canonical: United Nations
#     variants: [UN, U.N., Nations Unies]
entities: []
)";

constexpr std::string_view k_spec = R"(# A first brief from the starter corpus. Build it with `brief build briefs/first-brief.yaml`
# (or `brief build --all`); README "Spec format" lists every section kind and key.
id: first-brief
title: How a brief is made
date: 2026-01-15
authors: [Your name]
template: house
sections:
  - title: Bottom line up front
    summary: { sentences: 2 }
  - title: How sources are cited
    passages: { query: "citation OR sentence", limit: 3 }
  - title: Sources
    bibliography: true
)";

constexpr std::string_view k_template = R"(# The project's own template: everything of the shipped `analyst` template (see
# `brief templates show analyst`) except what is set here. Mappings merge key by key; lists and
# single values replace.
extends: analyst
description: House style, from the shipped analyst template
)";

constexpr StarterFile k_files[] = {
    {"corpus/starter-note.md", k_source},
    {"corpus/markings.yaml", k_markings},
    {"corpus/aliases.yaml", k_aliases},
    {"briefs/first-brief.yaml", k_spec},
    {"templates/house.yaml", k_template},
};

// The folder a new project is written into before it is moved into place, so an interrupted
// init never leaves a half project that looks finished. Inside an existing empty DIR (which may
// be someone's current folder, so it is never replaced), else beside the new DIR.
constexpr std::string_view k_staging_name = ".brief-init-partial";

// The top-level folders, moved into an existing DIR in this order: briefs/ last, since a folder
// with briefs/ is what `brief build --all` takes for a project.
constexpr std::string_view k_top_folders[] = {"corpus", "templates", "briefs"};

int fail(Diagnostics& diags) {
  print_diagnostics(diags);
  return 1;
}

// Writes every starter file under `root`; "" on success, else what went wrong.
std::string write_starter(const fs::path& root) {
  for (const auto& file : k_files) {
    const fs::path path = root / file.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) return fmt::format("cannot create `{}`: {}", path.parent_path().generic_string(), ec.message());
    if (auto error = write_file_atomically(path, std::string(file.text)); !error.empty()) return error;
  }
  return {};
}

// True when `dir` holds nothing but what an interrupted init left (its staging folder).
bool holds_only_leftover(const fs::path& dir) {
  std::error_code ec;
  bool any = false;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().filename() != k_staging_name) return false;
    any = true;
  }
  return any && !ec;
}

} // namespace

int init_command(const fs::path& dir) {
  Diagnostics diags;
  std::error_code ec;
  const std::string shown = dir.generic_string();
  const bool exists = fs::exists(dir, ec);
  if (exists && !fs::is_directory(dir, ec)) {
    diags.error({}, fmt::format("`{}` is a file, not a folder", shown),
        {"brief init makes a project in a new or empty folder"});
    return fail(diags);
  }
  if (exists && holds_only_leftover(dir)) fs::remove_all(dir / k_staging_name, ec);
  if (exists && !fs::is_empty(dir, ec)) {
    diags.error({}, fmt::format("`{}` is not empty; nothing was written", shown),
        {"brief init makes a project in a new or empty folder and never overwrites files: "
         "name a new folder, e.g. `brief init my-briefs`"});
    return fail(diags);
  }

  if (!exists) {
    // Build the whole project beside DIR, then rename it into place in one step.
    const fs::path target = fs::absolute(dir, ec).lexically_normal();
    fs::path parent = target.parent_path();
    fs::create_directories(parent, ec);
    if (ec) {
      diags.error({}, fmt::format("cannot create `{}`: {}", parent.generic_string(), ec.message()));
      return fail(diags);
    }
    const fs::path staging = parent / fmt::format(".{}{}-{}", target.filename().string(), k_staging_name,
        static_cast<long>(::getpid()));
    std::string error = write_starter(staging);
    if (error.empty()) {
      fs::rename(staging, target, ec);
      if (ec) error = fmt::format("cannot create `{}`: {}", shown, ec.message());
    }
    if (!error.empty()) {
      fs::remove_all(staging, ec);
      diags.error({}, error);
      return fail(diags);
    }
  } else {
    // DIR exists and is empty: write into a staging folder inside it, then move the top folders
    // out of it, briefs/ last.
    const fs::path staging = dir / k_staging_name;
    std::string error = write_starter(staging);
    for (std::string_view folder : k_top_folders) {
      if (!error.empty()) break;
      fs::rename(staging / folder, dir / folder, ec);
      if (ec) error = fmt::format("cannot create `{}`: {}", (dir / folder).generic_string(), ec.message());
    }
    if (error.empty()) {
      fs::remove(staging, ec);
      if (ec) error = fmt::format("cannot remove `{}`: {}", staging.generic_string(), ec.message());
    }
    if (!error.empty()) {
      // Undo: leave DIR as empty as it was.
      for (std::string_view folder : k_top_folders) fs::remove_all(dir / folder, ec);
      fs::remove_all(staging, ec);
      diags.error({}, error);
      return fail(diags);
    }
  }

  std::printf("made a project in %s:\n", shown.c_str());
  for (const auto& file : k_files) std::printf("  %s\n", file.path.data());
  std::printf("build it with: cd %s && brief build --all\n", shown.c_str());
  return 0;
}

} // namespace brief::cli
