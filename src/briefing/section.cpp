#include "briefing/section.hpp"

#include "briefing/checks.hpp"
#include "briefing/fields.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::briefing {

namespace {

constexpr int64_t k_max_limit = 100;       // items one section may show
constexpr int64_t k_max_sentences = 100;
constexpr int64_t k_max_words = 5000;

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

const std::vector<std::string>& all_option_keys() {
  static const std::vector<std::string> k_keys{
      "query", "documents", "types", "from", "to", "ids", "limit", "sentences", "words", "order"};
  return k_keys;
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Calls `on_item(text, span)` for each item of a list value (a single scalar counts as a list of
// one). Reports items that are not text. False when the value has the wrong shape.
template <typename OnItem>
bool for_each_item(const SourceFilePtr& file, const YAML::Node& value, std::string_view key,
    std::string_view hint, Diagnostics& diags, OnItem on_item) {
  if (value.IsScalar()) {
    on_item(value.Scalar(), yaml::span_of(file, value));
    return true;
  }
  if (!value.IsSequence()) {
    diags.error(yaml::span_of(file, value),
        fmt::format("`{}` must be a list of text items, not {}", key, yaml::kind_name(value)),
        {std::string(hint)});
    return false;
  }
  bool ok = true;
  for (const auto& item : value) {
    if (!item.IsScalar()) {
      diags.error(yaml::span_of(file, item),
          fmt::format("items of `{}` must be text, not {}", key, yaml::kind_name(item)), {std::string(hint)});
      ok = false;
      continue;
    }
    on_item(item.Scalar(), yaml::span_of(file, item));
  }
  return ok;
}

void read_ids(const SourceFilePtr& file, const YAML::Node& value, Diagnostics& diags, Selector& selector) {
  const std::string_view hint = "write passage ids as a list, e.g. `ids: [mofa-iraq-ct-diplomacy#p17]`";
  for_each_item(file, value, "ids", hint, diags, [&](const std::string& text, const Span& span) {
    if (auto problem = check_passage_id(text)) {
      diags.error(span, problem->message, {problem->hint});
      return;
    }
    selector.ids.push_back(PassageRef{text, span});
  });
}

// Reports option keys that are unknown or meaningless for `kind`; true when all are fine.
bool check_option_keys(const SourceFilePtr& file, const YAML::Node& options, SectionKind kind,
    Diagnostics& diags) {
  const auto& allowed = option_keys(kind);
  const std::string takes = fmt::format("{} takes: {}", kind_name(kind), join(allowed));
  bool ok = true;
  for (const auto& kv : options) {
    if (!kv.first.IsScalar()) continue;  // reported by the map reader
    const std::string& key = kv.first.Scalar();
    if (contains(allowed, key)) continue;
    ok = false;
    const Span span = yaml::span_of(file, kv.first);
    if (contains(all_option_keys(), key)) {
      diags.error(span, fmt::format("`{}` does not apply to {}", key, kind_name(kind)), {takes});
      continue;
    }
    std::vector<std::string> hints;
    if (auto hint = did_you_mean(key, allowed); !hint.empty()) hints.push_back(std::move(hint));
    hints.push_back(takes);
    diags.error(span, fmt::format("unknown key `{}` in {} options", key, kind_name(kind)), std::move(hints));
  }
  return ok;
}

void read_option_map(const SourceFilePtr& file, const YAML::Node& options, SectionKind kind,
    Section& section, Diagnostics& diags) {
  check_option_keys(file, options, kind, diags);
  std::vector<std::string> present;
  for (const auto& kv : options)
    if (kv.first.IsScalar()) present.push_back(kv.first.Scalar());
  Fields f(file, options, fmt::format("{} options", kind_name(kind)), present, diags, {});
  const auto& r = f.reader();
  Selector& sel = section.selector;

  if (auto query = f.nonempty("query", "write the search text, e.g. `query: \"sleeper cells\"`")) {
    sel.query = std::move(*query);
    sel.query_span = r.value_span("query");
  }
  if (r.has("documents")) {
    for_each_item(file, r.node("documents"), "documents", "write document ids as a list, e.g. `documents: [itic-2020-isis-iraq]`",
        diags, [&](const std::string& text, const Span& span) {
          if (text.empty() || text.find('#') != std::string::npos) {
            diags.error(span, fmt::format("invalid document id `{}`", text),
                {"a document id is the name of a corpus file without `.md`; to pick passages use `ids`"});
            return;
          }
          sel.documents.push_back(text);
          sel.document_spans.push_back(span);
        });
  }
  if (r.has("types")) {
    for_each_item(file, r.node("types"), "types", "write source types as a list, e.g. `types: [news, think-tank]`",
        diags, [&](const std::string& text, const Span& span) {
          if (text.empty()) {
            diags.error(span, "source type must not be empty", {"remove the empty item"});
            return;
          }
          sel.types.push_back(text);
        });
  }
  bool dates_ok = true;
  for (const char* key : {"from", "to"}) {
    auto text = f.string(key, "write a date as YYYY, YYYY-MM or YYYY-MM-DD");
    if (!text) continue;
    if (auto problem = check_date(*text, key, DatePrecision::any)) {
      diags.error(r.value_span(key), problem->message, {problem->hint});
      dates_ok = false;
      continue;
    }
    (std::string_view(key) == "from" ? sel.from : sel.to) = std::move(*text);
  }
  if (dates_ok && !sel.from.empty() && !sel.to.empty()) {
    // Partial dates compare on their common prefix: `from: 2020-05` is within `to: 2020`.
    const size_t n = std::min(sel.from.size(), sel.to.size());
    if (sel.from.compare(0, n, sel.to, 0, n) > 0)
      diags.error(r.value_span("from"), fmt::format("`from` {} is after `to` {}", sel.from, sel.to),
          {"swap the two dates"});
  }
  if (r.has("ids")) read_ids(file, r.node("ids"), diags, sel);

  const std::string limit_hint = fmt::format("write how many items to show, from 1 to {}", k_max_limit);
  if (auto limit = f.integer("limit", 1, k_max_limit, limit_hint)) section.limit = static_cast<int>(*limit);
  if (auto n = f.integer("sentences", 1, k_max_sentences,
          fmt::format("write the summary's length in sentences, from 1 to {}", k_max_sentences)))
    section.sentences = static_cast<int>(*n);
  if (auto n = f.integer("words", 1, k_max_words,
          fmt::format("write the summary's length in words, from 1 to {}", k_max_words)))
    section.words = static_cast<int>(*n);
  if (r.has("sentences") && r.has("words"))
    diags.error(r.key_span("words"), "use `sentences` or `words`, not both",
        {"a summary's length is given in sentences or in words"});
  if (auto order = f.choice("order", {"source", "salience"}))
    section.order = *order == "source" ? Order::source : Order::salience;
}

// Reads the value of the kind key: a mapping of options or one of the shorthands.
void read_kind_value(const SourceFilePtr& file, const YAML::Node& value, Section& section,
    Diagnostics& diags) {
  const SectionKind kind = section.kind;
  const std::string name(kind_name(kind));
  if (value.IsNull()) return;  // `key_judgments:` alone: the kind's defaults
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    const bool quoted = value.Tag() == "!";
    if (!quoted && (text == "true" || text == "yes" || text == "on")) return;
    if (!quoted && (text == "false" || text == "no" || text == "off")) {
      diags.error(yaml::span_of(file, value), fmt::format("`{}: {}` turns the section off", name, text),
          {"remove the section instead"});
      return;
    }
    if (kind == SectionKind::bibliography) {
      diags.error(yaml::span_of(file, value), fmt::format("`bibliography` takes `true`, not `{}`", text),
          {"write `bibliography: true`; it lists every source the brief cites"});
      return;
    }
    if (text.empty()) {
      diags.error(yaml::span_of(file, value), "`query` must not be empty",
          {fmt::format("write the search text, e.g. `{}: \"sleeper cells\"`", name)});
      return;
    }
    section.selector.query = text;
    section.selector.query_span = yaml::span_of(file, value);
    return;
  }
  if (value.IsSequence()) {
    if (kind == SectionKind::passages || kind == SectionKind::quotes) {
      read_ids(file, value, diags, section.selector);
      return;
    }
    diags.error(yaml::span_of(file, value), fmt::format("`{}` takes options, not a list", name),
        {kind == SectionKind::bibliography
                ? std::string("write `bibliography: true`; it lists every source the brief cites")
                : fmt::format("to draw on given passages write `{}: {{ids: [doc#p7, ...]}}`", name)});
    return;
  }
  if (kind == SectionKind::bibliography) {
    diags.error(yaml::span_of(file, value), "`bibliography` takes `true`, not options",
        {"write `bibliography: true`; it lists every source the brief cites"});
    return;
  }
  read_option_map(file, value, kind, section, diags);
}

} // namespace

const std::vector<std::string>& option_keys(SectionKind kind) {
  static const std::vector<std::string> k_list{"query", "documents", "types", "from", "to", "ids", "limit", "order"};
  static const std::vector<std::string> k_summary{
      "query", "documents", "types", "from", "to", "ids", "sentences", "words", "order"};
  static const std::vector<std::string> k_derived{"query", "documents", "types", "from", "to", "ids", "limit"};
  static const std::vector<std::string> k_none;
  switch (kind) {
  case SectionKind::passages:
  case SectionKind::quotes: return k_list;
  case SectionKind::summary: return k_summary;
  case SectionKind::key_judgments:
  case SectionKind::recommendations:
  case SectionKind::key_figures: return k_derived;
  case SectionKind::bibliography: return k_none;
  }
  return k_none;
}

std::optional<Section> read_section(const SourceFilePtr& file, const YAML::Node& node, Diagnostics& diags) {
  std::vector<std::string> known{"title", "new_page", "repeat"};
  known.insert(known.end(), kind_names().begin(), kind_names().end());
  Fields f(file, node, "section", known, diags,
      "a section is a mapping like `- {title: Key judgments, key_judgments: {limit: 5}}`");
  if (!f.valid()) return std::nullopt;
  const auto& r = f.reader();

  Section section;
  section.span = r.span();
  if (auto title = f.nonempty("title", "give the section a heading, e.g. `title: Key judgments`", true)) {
    section.title = std::move(*title);
    section.title_span = r.value_span("title");
  }

  std::vector<std::string> kinds;
  for (const auto& key : r.keys())
    if (contains(kind_names(), key)) kinds.push_back(key);
  const std::string kinds_list = join(kind_names());
  if (kinds.empty()) {
    // A misspelt kind was already reported as an unknown key with a suggestion.
    if (f.key_errors() == 0)
      diags.error(section.span, "section has no kind", {fmt::format("add one of: {}", kinds_list)});
    return std::nullopt;
  }
  if (kinds.size() > 1) {
    std::vector<std::string> quoted;
    for (const auto& k : kinds) quoted.push_back(fmt::format("`{}`", k));
    diags.error(r.key_span(kinds[1]), fmt::format("section has more than one kind: {}", join(quoted)),
        {fmt::format("a section has exactly one of: {}; split it into two sections", kinds_list)});
  }
  section.kind = *parse_kind(kinds.front());
  section.kind_span = r.key_span(kinds.front());
  read_kind_value(file, r.node(kinds.front()), section, diags);

  const std::string_view flag_hint = "write `true` or `false`";
  if (auto value = f.boolean("new_page", flag_hint)) section.new_page = *value;
  if (auto value = f.boolean("repeat", flag_hint)) section.repeat = *value;
  return section;
}

} // namespace brief::briefing
