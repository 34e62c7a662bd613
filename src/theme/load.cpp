#include "theme/theme.hpp"

#include "theme/read_theme.hpp"
#include "theme/search.hpp"
#include "theme/tree.hpp"

#include "base/file_io.hpp"
#include "base/hash.hpp"
#include "base/yaml.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::theme {

namespace fs = std::filesystem;

namespace {

constexpr size_t k_max_chain = 16;  // deeper chains are a mistake, not a design

struct ChainFile {
  std::string name;
  fs::path path;
  Node tree;
  std::string hash;  // sha256 of the bytes parsed
};

// Reads `name` and each template it extends, most derived first. Empty on error (reported).
std::vector<ChainFile> read_chain(const std::string& name, const std::vector<fs::path>& search_path,
    const Span& span, Diagnostics& diags) {
  std::vector<ChainFile> chain;
  std::string current = name;
  Span at = span;
  for (;;) {
    const auto seen = std::find_if(chain.begin(), chain.end(), [&](const ChainFile& f) { return f.name == current; });
    if (seen != chain.end()) {
      std::string cycle;
      for (auto it = seen; it != chain.end(); ++it) cycle += it->name + " -> ";
      diags.error(at, fmt::format("templates extend each other in a cycle: {}{}", cycle, current),
          {"remove `extends` from one of them"});
      return {};
    }
    if (chain.size() >= k_max_chain) {
      diags.error(at, fmt::format("template `{}` extends more than {} templates in a row", name, k_max_chain),
          {"shorten the chain of `extends`"});
      return {};
    }
    const auto path = find_template(current, search_path);
    if (!path) {
      report_missing(current, at, search_path, diags);
      return {};
    }
    auto source = read_source_file(*path);
    if (!source.ok()) {
      diags.append(std::move(source.diagnostics()));
      return {};
    }
    auto root = yaml::parse(*source);
    if (!root.ok()) {
      diags.append(std::move(root.diagnostics()));
      return {};
    }
    Node tree = from_yaml(*source, *root, diags);
    if (tree.kind == Node::Kind::null) {
      tree.kind = Node::Kind::map;  // an empty template changes nothing
    } else if (!tree.is_map()) {
      diags.error(tree.span, fmt::format("template must be a mapping of keys to values, not {}", kind_name(tree)),
          {"see templates/base.yaml for the keys a template takes"});
      return {};
    }
    const Entry* extends = tree.find("extends");
    std::optional<std::pair<std::string, Span>> parent;
    if (extends && extends->value.kind != Node::Kind::null) {
      if (!extends->value.is_scalar()) {
        diags.error(extends->value.span, fmt::format("`extends` must be a template name, not {}",
            kind_name(extends->value)), {"write `extends: analyst`"});
        return {};
      }
      parent = std::pair{extends->value.text, extends->value.span};
    }
    chain.push_back(ChainFile{current, *path, std::move(tree), sha256_hex((*source)->text)});
    if (!parent) break;
    current = parent->first;
    at = parent->second;
  }
  return chain;
}

std::string merged_header(const std::vector<ChainFile>& chain) {
  std::string out = fmt::format("# template `{}`: the effective values after merging, most derived first:\n",
      chain.front().name);
  size_t width = 0;
  for (const auto& f : chain) width = std::max(width, f.name.size());
  for (const auto& f : chain) out += fmt::format("#   {:<{}}  {}\n", f.name, width, f.path.string());
  out += "# keys not shown take the built-in defaults documented in templates/base.yaml\n";
  return out;
}

} // namespace

Outcome<Theme> load(const std::string& name, const std::vector<fs::path>& search_path, const Span& span) {
  return load(name, search_path, span, {});
}

Outcome<Theme> load(const std::string& name, const std::vector<fs::path>& search_path, const Span& span,
    const fs::path& project_root) {
  Diagnostics diags;
  std::vector<ChainFile> chain = read_chain(name, search_path, span, diags);
  if (chain.empty() || diags.has_errors()) return diags;

  Node merged;
  merged.kind = Node::Kind::map;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) merge_into(merged, it->tree);
  // `extends` was followed already; in the merged tree it would name only the last link.
  std::erase_if(merged.entries, [](const Entry& e) { return e.key == "extends"; });

  Theme theme;
  theme.name = name;
  for (const auto& f : chain) {
    theme.chain.push_back(f.path);
    theme.chain_hashes.push_back(f.hash);
  }
  read_theme(merged, project_root, theme, diags);
  if (diags.has_errors()) return diags;
  theme.merged_yaml = merged_header(chain) + to_yaml(merged);
  return Outcome<Theme>(std::move(theme), std::move(diags));
}

} // namespace brief::theme
