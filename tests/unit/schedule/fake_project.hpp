#pragma once
// A throwaway project (briefs/, templates/, corpus/, output/) and a fake pipeline, so the runner
// can be tested without fonts, a real corpus or libharu.
//
// Fake spec files are lines of `key: value`:
//   id: alpha                    template: analyst
//   outputs: brief:analyst slides:executive
//   documents: a.md b.md         (or `*` for a search over the whole corpus)
//   cite: a#p1                   explicit passage ids (p<n> = line n of corpus/a.md)
//   query: b#p2                  passages "picked by a query"
//   fail: yes                    the pipeline reports an error
//   throw: yes                   the pipeline throws (`bad_alloc`: std::bad_alloc)
//   sleep: 50                    milliseconds

#include "schedule/schedule.hpp"

#include "base/file_io.hpp"
#include "base/hash.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fake {

namespace fs = std::filesystem;

inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void spit(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::map<std::string, std::string> fields(const fs::path& spec_path) {
  std::map<std::string, std::string> result;
  std::istringstream in(slurp(spec_path));
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    auto value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    result[line.substr(0, colon)] = value;
  }
  return result;
}

inline std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> result;
  for (std::string word; in >> word;) result.push_back(word);
  return result;
}

class Project {
public:
  explicit Project(const std::string& name) {
    m_root = fs::temp_directory_path() /
             ("brief-build-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(m_root);
    spit(m_root / "templates" / "analyst.yaml", "name: analyst\n");
    spit(m_root / "templates" / "executive.yaml", "name: executive\n");
    spit(m_root / "templates" / "public.yaml", "name: public\n");
    spit(m_root / "corpus" / "a.md", "alpha one\nalpha two\nalpha three\n");
    spit(m_root / "corpus" / "b.md", "beta one\nbeta two\n");
    spit(m_root / "corpus" / "c.md", "gamma one\n");
    spit(m_root / "corpus" / "aliases.yaml", "ISIS: [ISIL]\n");
  }
  ~Project() {
    std::error_code ec;
    fs::remove_all(m_root, ec);
  }
  Project(const Project&) = delete;
  Project& operator=(const Project&) = delete;

  const fs::path& root() const { return m_root; }
  fs::path output() const { return m_root / "output"; }
  fs::path spec(const std::string& id) const { return m_root / "briefs" / (id + ".yaml"); }

  fs::path add_spec(const std::string& id, const std::string& body) const {
    spit(spec(id), "id: " + id + "\n" + body);
    return spec(id);
  }

  brief::schedule::Plan plan() const {
    brief::schedule::Plan plan;
    plan.all = true;
    plan.project_root = m_root;
    plan.output_dir = output();
    plan.jobs = 2;
    return plan;
  }

  brief::schedule::Hooks hooks() {
    return brief::schedule::Hooks{[this](const brief::schedule::OutputJob& job) { return pipeline(job); },
        [](const fs::path& path) { return load_spec(path); }};
  }

  int calls() const { return m_calls.load(); }
  void reset_calls() { m_calls = 0; }

  static brief::Outcome<brief::briefing::BriefSpec> load_spec(const fs::path& path) {
    brief::Diagnostics diagnostics;
    if (!fs::exists(path)) {
      diagnostics.error({}, "cannot read `" + path.string() + "`: no such file");
      return diagnostics;
    }
    auto f = fields(path);
    if (f["id"].empty()) {
      diagnostics.error({}, "missing `id`");
      return diagnostics;
    }
    brief::briefing::BriefSpec spec;
    spec.id = f["id"];
    if (!f["template"].empty()) spec.template_name = f["template"];
    for (const auto& word : words(f["outputs"])) {
      brief::briefing::Output output;
      const auto colon = word.find(':');
      const auto format = word.substr(0, colon);
      output.format = format == "slides" ? brief::briefing::OutputFormat::slides
                      : format == "handout" ? brief::briefing::OutputFormat::slides_handout
                                            : brief::briefing::OutputFormat::brief;
      if (colon != std::string::npos) output.template_name = word.substr(colon + 1);
      spec.outputs.push_back(output);
    }
    return spec;
  }

  // Line n (1-based) of corpus/<doc>.md, for passage id "<doc>#p<n>".
  std::string passage_text(const std::string& id) const {
    const auto hash = id.find("#p");
    const auto doc = id.substr(0, hash);
    const int number = std::stoi(id.substr(hash + 2));
    std::istringstream in(slurp(m_root / "corpus" / (doc + ".md")));
    std::string line;
    for (int i = 0; i < number && std::getline(in, line);) ++i;
    return in ? line : std::string();
  }

  brief::Outcome<brief::schedule::BuiltOutput> pipeline(const brief::schedule::OutputJob& job) {
    ++m_calls;
    auto f = fields(job.spec_path);
    if (!f["sleep"].empty()) std::this_thread::sleep_for(std::chrono::milliseconds(std::stoi(f["sleep"])));
    if (f["throw"] == "yes") throw std::runtime_error("fake fault");
    if (f["throw"] == "bad_alloc") throw std::bad_alloc();
    brief::Diagnostics diagnostics;
    if (f["fail"] == "yes") {
      diagnostics.error({}, "section `facts` matched no passages");
      return diagnostics;
    }
    brief::schedule::BuiltOutput built;
    auto& inputs = built.inputs;
    const std::string spec_text = slurp(job.spec_path);
    inputs.spec_path = job.spec_path.generic_string();
    inputs.spec_hash = brief::sha256_hex(spec_text);
    const auto template_path = job.project_root / "templates" / (job.template_name + ".yaml");
    const std::string template_text = slurp(template_path);
    inputs.templates.emplace_back(template_path.generic_string(), brief::sha256_hex(template_text));
    const auto corpus = job.project_root / "corpus";
    inputs.corpus_dir = corpus.generic_string();
    inputs.aliases_hash = brief::sha256_hex(slurp(corpus / "aliases.yaml"));
    std::string body = spec_text + template_text + job.name;
    const auto docs = words(f["documents"]);
    inputs.whole_corpus = docs.size() == 1 && docs[0] == "*";
    if (!inputs.whole_corpus) {
      for (const auto& doc : docs) {
        const auto path = corpus / doc;
        const auto text = slurp(path);
        body += text;
        inputs.documents.emplace_back(path.generic_string(), brief::sha256_hex(text));
      }
    } else {
      for (const auto& entry : fs::directory_iterator(corpus))
        if (entry.path().extension() == ".md") {
          const auto text = slurp(entry.path());
          body += text;
          inputs.documents.emplace_back(entry.path().generic_string(), brief::sha256_hex(text));
        }
    }
    for (const auto& id : words(f["cite"]))
      built.cited.push_back({id, brief::sha256_hex(passage_text(id)), true, passage_text(id)});
    for (const auto& id : words(f["query"]))
      built.cited.push_back({id, brief::sha256_hex(passage_text(id)), false, {}});
    built.pdf = "%PDF-1.7\n% " + brief::sha256_hex(body) + "\n" + std::string(200, 'x') + "\n%%EOF\n";
    built.pages = 1 + docs.size();
    built.banner = "UNCLASSIFIED";
    if (job.want_trace) built.trace = "page 1\n";
    if (f["warn"] == "yes") diagnostics.warning({}, "section `x` is empty");
    return {std::move(built), std::move(diagnostics)};
  }

private:
  fs::path m_root;
  std::atomic<int> m_calls{0};
};

// Finds one output's result in a report.
inline const brief::schedule::OutputResult* find(const brief::schedule::Report& report, const std::string& name) {
  for (const auto& result : report.outputs)
    if (result.name == name) return &result;
  return nullptr;
}

inline brief::schedule::Status status_of(const brief::schedule::Report& report, const std::string& name) {
  const auto* result = find(report, name);
  if (!result) throw std::runtime_error("no result for " + name);
  return result->status;
}

} // namespace fake
