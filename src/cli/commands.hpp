#pragma once
// The brief subcommands. Each returns the process exit code.

#include <filesystem>
#include <string>
#include <vector>

namespace brief::cli {

struct CorpusOptions {
  std::filesystem::path corpus_dir = "corpus";
};

struct SearchOptions {
  CorpusOptions corpus;
  std::string query;
  size_t limit = 10;
  std::vector<std::string> documents;
  std::vector<std::string> types;
  std::string from, to;
  bool sentences = false;
};

int search_command(const SearchOptions& options);
// `doc#p7`, `doc#p7.s2`: the passage or sentence with its citation; `doc`: every passage of the
// document with its id and locator, then what was set aside and by which rule.
int show_command(const CorpusOptions& options, const std::string& id);

// Lists the sources lacking a title, a date, a publisher (or authors) or a type; exit 1 if any.
int check_sources_command(const CorpusOptions& options);

struct ExplainOptions {
  std::filesystem::path spec;
  std::filesystem::path project_root = ".";
  std::filesystem::path corpus_dir;
  std::string template_name;
};

int explain_command(const ExplainOptions& options);

// `brief explain --params`: every tunable of the analysis with its value, purpose and origin.
int explain_params_command();

int templates_command(const std::filesystem::path& project_root, const std::string& show_name);

} // namespace brief::cli
