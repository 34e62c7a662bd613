#include "corpus/corpus.hpp"

#include "base/utf8.hpp"
#include "base/yaml.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::corpus {

const MarkingLevel* MarkingTable::find(std::string_view id) const {
  const auto it = std::find_if(levels.begin(), levels.end(), [&](const MarkingLevel& l) { return l.id == id; });
  return it == levels.end() ? nullptr : &*it;
}

std::vector<std::string> MarkingTable::ids() const {
  std::vector<std::string> out;
  out.reserve(levels.size());
  for (const auto& level : levels) out.push_back(level.id);
  return out;
}

MarkingTable default_marking_table() {
  MarkingTable table;
  table.levels = {
      {"public", 0, "UNCLASSIFIED // PUBLIC RELEASE", "U"},
      {"official-use", 1, "OFFICIAL USE ONLY", "OUO"},
      {"restricted", 2, "RESTRICTED", "R"},
  };
  return table;
}

Outcome<MarkingTable> parse_markings(const SourceFilePtr& file) {
  Diagnostics diags;
  auto root = yaml::parse(file);
  diags.append(root.diagnostics());
  if (!root.ok()) return diags;

  const yaml::MapReader top(file, *root, "marking table", {"levels"}, diags);
  if (!top.valid()) return diags;
  const YAML::Node levels = top.node("levels");
  if (!levels.IsSequence() || levels.size() == 0) {
    diags.error(top.has("levels") ? top.value_span("levels") : top.span(),
        "marking table needs `levels`, a list of at least one level",
        {"list the levels from least to most restricted, each with `id`, `banner` and `portion`"});
    return diags;
  }

  MarkingTable table;
  for (const auto& node : levels) {
    const yaml::MapReader reader(file, node, "marking level", {"id", "banner", "portion"}, diags);
    if (!reader.valid()) continue;
    MarkingLevel level;
    level.rank = static_cast<int>(table.levels.size());
    const auto id = reader.string("id", true);
    const auto banner = reader.string("banner", true);
    const auto portion = reader.string("portion", true);
    if (!id || !banner || !portion) continue;
    if (!is_valid_document_id(*id)) {
      reader.error("id", fmt::format("invalid marking level id `{}`", *id),
          {"use lowercase letters, digits and hyphens, e.g. `official-use`"});
      continue;
    }
    if (table.find(*id)) {
      reader.error("id", fmt::format("duplicate marking level `{}`", *id), {"give each level its own id"});
      continue;
    }
    if (banner->empty() || portion->empty()) {
      reader.error(banner->empty() ? "banner" : "portion", fmt::format("marking level `{}` has an empty {}",
          *id, banner->empty() ? "banner" : "portion mark"), {"every level needs a banner line and a portion mark"});
      continue;
    }
    level.id = *id;
    level.banner = utf8::to_nfc(*banner);
    level.portion = utf8::to_nfc(*portion);
    table.levels.push_back(std::move(level));
  }
  if (diags.has_errors()) return diags;
  return Outcome<MarkingTable>(std::move(table), std::move(diags));
}

} // namespace brief::corpus
