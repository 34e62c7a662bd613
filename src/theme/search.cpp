#include "theme/search.hpp"

#include "theme/tree.hpp"

#include "base/file_io.hpp"
#include "base/yaml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace brief::theme {

namespace fs = std::filesystem;

bool is_valid_name(std::string_view name) {
  constexpr size_t k_max_length = 64;
  const auto ok = [](char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '_' || c == '-'));
  };
  if (name.empty() || name.size() > k_max_length) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if (!ok(name[i], i == 0)) return false;
  return true;
}

std::vector<fs::path> default_search_path(const fs::path& project_root) {
  std::vector<fs::path> dirs{project_root / "templates"};
  if (const char* env = std::getenv("BRIEF_TEMPLATE_PATH")) {
    const std::string_view value(env);
    size_t pos = 0;
    while (pos <= value.size()) {
      const size_t end = std::min(value.find(':', pos), value.size());
      if (end > pos) dirs.emplace_back(std::string(value.substr(pos, end - pos)));
      pos = end + 1;
    }
  }
  if (const char* home = std::getenv("HOME"); home && *home)
    dirs.push_back(fs::path(home) / ".config" / "brief" / "templates");
  // The templates installed with brief: beside the running executable first, so a relocated
  // install (a package unpacked into a folder) finds its own; then where it was installed to.
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.has_parent_path())
    dirs.push_back((exe.parent_path().parent_path() / "share" / "brief" / "templates").lexically_normal());
#ifdef BRIEF_INSTALL_TEMPLATE_DIR
  dirs.emplace_back(BRIEF_INSTALL_TEMPLATE_DIR);
#endif
  dirs.emplace_back("/usr/local/share/brief/templates");
  // A folder named twice is searched once.
  std::vector<fs::path> unique;
  for (auto& dir : dirs)
    if (std::find(unique.begin(), unique.end(), dir) == unique.end()) unique.push_back(std::move(dir));
  return unique;
}

std::optional<fs::path> find_template(const std::string& name, const std::vector<fs::path>& search_path) {
  if (!is_valid_name(name)) return std::nullopt;
  for (const auto& dir : search_path) {
    std::error_code ec;
    const fs::path candidate = dir / (name + ".yaml");
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

std::vector<TemplateInfo> list(const std::vector<fs::path>& search_path) {
  std::map<std::string, TemplateInfo> found;  // sorted by name; the first directory wins
  for (const auto& dir : search_path) {
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) continue;
    std::vector<fs::path> files;
    for (const auto& entry : it) {
      std::error_code type_ec;
      if (entry.path().extension() == ".yaml" && entry.is_regular_file(type_ec)) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string name = file.stem().string();
      if (!is_valid_name(name) || found.count(name)) continue;
      TemplateInfo info{name, file, {}, {}};
      // Only what a listing shows is read here; load() reports any problems in full.
      if (auto source = read_source_file(file); source.ok()) {
        if (auto root = yaml::parse(*source); root.ok() && root->IsMap()) {
          for (const char* key : {"extends", "description"}) {
            const YAML::Node value = (*root)[key];
            if (value && value.IsScalar())
              (std::string_view(key) == "extends" ? info.extends : info.description) = value.Scalar();
          }
        }
      }
      found.emplace(name, std::move(info));
    }
  }
  std::vector<TemplateInfo> out;
  out.reserve(found.size());
  for (auto& [name, info] : found) out.push_back(std::move(info));
  return out;
}

void report_missing(const std::string& name, const Span& span, const std::vector<fs::path>& search_path,
    Diagnostics& diags) {
  if (!is_valid_name(name)) {
    diags.error(span, fmt::format("invalid template name `{}`", name),
        {"template names use lowercase letters, digits, `_` and `-`, e.g. `analyst`; templates are found "
         "by name on the template path, never by file path"});
    return;
  }
  std::vector<std::string> names;
  for (const auto& info : list(search_path)) names.push_back(info.name);
  std::vector<std::string> hints;
  if (auto hint = did_you_mean(name, names); !hint.empty()) hints.push_back(std::move(hint));
  std::string dirs;
  for (const auto& dir : search_path) dirs += (dirs.empty() ? "" : ", ") + dir.string();
  hints.push_back(fmt::format("templates are looked up as NAME.yaml in: {}", dirs));
  diags.error(span, fmt::format("template `{}` not found", name), std::move(hints));
}

} // namespace brief::theme
