#include "corpus/corpus.hpp"

#include "base/utf8.hpp"
#include "base/yaml.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace brief::corpus {

namespace {

struct Claim {
  size_t group = 0;
  std::string variant;
  bool case_sensitive = false;
};

} // namespace

Outcome<std::vector<AliasGroup>> parse_aliases(const SourceFilePtr& file) {
  Diagnostics diags;
  auto root = yaml::parse(file);
  diags.append(root.diagnostics());
  if (!root.ok()) return diags;

  const yaml::MapReader top(file, *root, "aliases file", {"entities"}, diags);
  if (!top.valid()) return diags;
  const YAML::Node entities = top.node("entities");
  if (!entities.IsSequence()) {
    diags.error(top.has("entities") ? top.value_span("entities") : top.span(),
        "aliases file needs `entities`, a list of alias groups",
        {"each group has `canonical`, `variants` and optionally `case_sensitive`"});
    return diags;
  }

  std::vector<AliasGroup> groups;
  // Variants by case-folded form: two groups may not claim names that can match the same text.
  std::map<std::string, std::vector<Claim>> claims;
  for (const auto& node : entities) {
    const yaml::MapReader reader(file, node, "alias group", {"canonical", "variants", "case_sensitive"}, diags);
    if (!reader.valid()) continue;
    const auto canonical = reader.string("canonical", true);
    if (!canonical) continue;
    AliasGroup group;
    group.canonical = utf8::to_nfc(*canonical);
    group.variants.push_back(group.canonical);
    for (const auto& v : reader.strings("variants").value_or(std::vector<std::string>{}))
      group.variants.push_back(utf8::to_nfc(v));
    for (const auto& v : reader.strings("case_sensitive").value_or(std::vector<std::string>{})) {
      group.case_sensitive.push_back(utf8::to_nfc(v));
      group.variants.push_back(group.case_sensitive.back());
    }
    // Keep the first of repeated variants, in file order.
    std::vector<std::string> unique;
    for (auto& v : group.variants)
      if (std::find(unique.begin(), unique.end(), v) == unique.end()) unique.push_back(std::move(v));
    group.variants = std::move(unique);

    const size_t index = groups.size();
    for (const auto& variant : group.variants) {
      if (variant.empty()) {
        reader.error("variants", fmt::format("empty name in alias group `{}`", group.canonical),
            {"remove the empty item"});
        continue;
      }
      const bool sensitive = std::find(group.case_sensitive.begin(), group.case_sensitive.end(), variant) !=
          group.case_sensitive.end();
      auto& list = claims[utf8::fold_case(variant)];
      for (const Claim& other : list) {
        if (other.group == index) continue;
        if (sensitive && other.case_sensitive && other.variant != variant) continue;
        diags.error(reader.span(), fmt::format("alias `{}` is in two groups, `{}` and `{}`", variant,
            groups[other.group].canonical, group.canonical),
            {"a name can stand for one entity only; remove it from one of the groups"});
      }
      list.push_back({index, variant, sensitive});
    }
    groups.push_back(std::move(group));
  }
  if (diags.has_errors()) return diags;
  return Outcome<std::vector<AliasGroup>>(std::move(groups), std::move(diags));
}

} // namespace brief::corpus
