#include "theme/running.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::theme {

const std::vector<std::string>& placeholders() {
  static const std::vector<std::string> k_names{"title", "section", "page", "pages", "date", "banner"};
  return k_names;
}

namespace {

// Reports each `{name}` in `text` that is not a placeholder; false if any.
bool check_placeholders(const std::string& text, const Node& at, const TreeReader& reader) {
  bool ok = true;
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    const size_t close = text.find('}', pos);
    std::string all;
    for (const auto& p : placeholders()) all += (all.empty() ? "{" : " {") + p + "}";
    if (close == std::string::npos) {
      reader.error(at, fmt::format("unclosed placeholder in `{}`", text), {fmt::format("placeholders: {}", all)});
      return false;
    }
    const std::string name = text.substr(pos + 1, close - pos - 1);
    if (std::find(placeholders().begin(), placeholders().end(), name) == placeholders().end()) {
      std::vector<std::string> hints;
      if (auto best = closest_match(name, placeholders()); !best.empty())
        hints.push_back(fmt::format("did you mean `{{{}}}`?", best));
      hints.push_back(fmt::format("placeholders: {}", all));
      reader.error(at, fmt::format("unknown placeholder `{{{}}}`", name), std::move(hints));
      ok = false;
    }
    pos = close + 1;
  }
  return ok;
}

} // namespace

void read_running_line(const TreeReader& parent, std::string_view key, RunningLine& line) {
  const TreeReader r(parent.get(key), std::string(key), {"left", "center", "right", "enabled"}, parent.diagnostics());
  if (!r.valid()) return;
  const std::string quote_hint = "quote texts with placeholders: `left: \"{title}\"` (unquoted braces are a YAML mapping)";
  for (const auto& [side, target] : {std::pair<const char*, std::string*>{"left", &line.left},
           {"center", &line.center}, {"right", &line.right}}) {
    const Entry* e = r.entry(side);
    if (e && e->value.kind == Node::Kind::null) {
      target->clear();  // `right:` alone empties what a parent put there
      continue;
    }
    if (auto text = r.text(side, quote_hint)) {
      if (check_placeholders(*text, *r.get(side), r)) *target = std::move(*text);
    }
  }
  if (auto enabled = r.boolean("enabled")) line.enabled = *enabled;
}

} // namespace brief::theme
