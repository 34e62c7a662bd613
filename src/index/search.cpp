#include "index/search.hpp"

#include "index/dates.hpp"
#include "index/index.hpp"
#include "index/query_parser.hpp"
#include "index/words.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>
#include <variant>

namespace brief::index {
namespace {

// BM25 column weights (body, canonical). FTS5's bm25() fixes k1 = 1.2 and b = 0.75. A term
// matches `body` as written and its alias entity token matches `canonical`, with equal weight,
// so a passage naming the entity as the query spells it scores a little above one using another
// variant, and both score.
constexpr double k_body_weight = 1.0;
constexpr double k_canonical_weight = 1.0;

// Snippet length in tokens (FTS5 allows at most 64).
constexpr int k_snippet_tokens = 24;

// A limit this large is no limit: every match is fetched and sorted here, without a top-k sort
// in SQLite (whose limit doubling would otherwise overflow).
constexpr size_t k_unlimited_above = std::numeric_limits<size_t>::max() / 4;

struct Tables {
  const char* text;   // FTS5 table
  const char* units;  // rowid -> id, document
};

Tables tables_for(Unit unit) {
  return unit == Unit::passage ? Tables{"passage_text", "passages"} : Tables{"sentence_text", "sentences"};
}

using Binding = std::variant<std::string, int64_t>;

void add_in_list(std::string& sql, std::vector<Binding>& bindings, const char* column,
    const std::vector<std::string>& values) {
  if (values.empty()) return;
  sql += fmt::format(" AND {} IN (", column);
  for (size_t i = 0; i < values.size(); ++i) {
    bindings.emplace_back(values[i]);
    sql += fmt::format("{}?{}", i == 0 ? "" : ", ", bindings.size());
  }
  sql += ")";
}

// The first words of `text`, for hits whose match was not in `body` (an alias matched).
std::string leading_words(std::string_view text) {
  const std::vector<Word> words = split_words(text);
  if (words.size() <= static_cast<size_t>(k_snippet_tokens)) return std::string(text);
  return std::string(text.substr(0, words[static_cast<size_t>(k_snippet_tokens) - 1].end)) + "…";
}

struct Row {
  std::string id;
  double score = 0;
  int64_t rowid = 0;
};

} // namespace

Outcome<std::vector<Hit>> run_search(const sqlite::Database& db, const AliasMatcher& aliases, const Query& query) {
  Outcome<CompiledQuery> compiled = compile_query(query.text, query.span, aliases);
  if (!compiled.ok()) return std::move(compiled.diagnostics());

  Diagnostics diagnostics;
  const auto bound = [&](const std::string& text, Bound which) -> std::optional<std::string> {
    if (text.empty()) return std::nullopt;
    std::optional<std::string> day = parse_date_bound(text, which);
    if (!day) {
      diagnostics.error(query.span, fmt::format("invalid date `{}`", text),
          {"write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020-10"});
    }
    return day;
  };
  const std::optional<std::string> from = bound(query.published_from, Bound::lower);
  const std::optional<std::string> to = bound(query.published_to, Bound::upper);
  if (diagnostics.has_errors()) return diagnostics;

  const Tables tables = tables_for(query.unit);
  std::vector<Binding> bindings{compiled->match};
  std::string sql = fmt::format(
      "SELECT u.id, -bm25({0}, {2:.1f}, {3:.1f}), {0}.rowid FROM {0} JOIN {1} u ON u.rowid = {0}.rowid "
      "JOIN documents d ON d.key = u.document WHERE {0} MATCH ?1",
      tables.text, tables.units, k_body_weight, k_canonical_weight);
  add_in_list(sql, bindings, "d.id", query.documents);
  add_in_list(sql, bindings, "d.type", query.types);
  if (from) {
    bindings.emplace_back(*from);
    sql += fmt::format(" AND d.published >= ?{}", bindings.size());
  }
  if (to) {
    bindings.emplace_back(*to);
    sql += fmt::format(" AND d.published <= ?{}", bindings.size());
  }
  if (query.max_rank) {
    bindings.emplace_back(int64_t{*query.max_rank});
    sql += fmt::format(" AND d.rank <= ?{}", bindings.size());
  }

  // Ranked inside SQLite: with a limit, a top-k sort over the matches, so only the kept rows
  // are joined to their ids and copied out. Rows tied with the last kept one are all fetched
  // (the limit grows until the last row scores lower), so the natural-order tie-break below
  // picks the same hits as sorting every match would.
  const std::string ranking = fmt::format("bm25({0}, {1:.1f}, {2:.1f})", tables.text, k_body_weight, k_canonical_weight);
  const auto fetch = [&](size_t limit) {
    std::string limited = sql;
    if (limit != std::numeric_limits<size_t>::max()) limited += fmt::format(" ORDER BY {} LIMIT {}", ranking, limit);
    sqlite::Statement statement = db.prepare(limited);
    for (size_t i = 0; i < bindings.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      std::visit([&](const auto& value) { statement.bind(index, value); }, bindings[i]);
    }
    std::vector<Row> fetched;
    while (statement.step()) {
      fetched.push_back({std::string(statement.column_text(0)), statement.column_double(1), statement.column_int(2)});
    }
    return fetched;
  };
  std::vector<Row> rows;
  if (query.limit == 0) return std::vector<Hit>{};
  if (query.limit >= k_unlimited_above) {
    rows = fetch(std::numeric_limits<size_t>::max());
  } else {
    for (size_t limit = query.limit;; limit *= 2) {
      rows = fetch(limit);
      if (rows.size() < limit || rows.back().score != rows[query.limit - 1].score) break;
    }
  }
  // Sorting here rather than in SQL gives the natural id order for ties (doc#p2 before doc#p10).
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.score != b.score) return a.score > b.score;
    return natural_less(a.id, b.id);
  });
  if (rows.size() > query.limit) rows.resize(query.limit);
  if (!query.snippets) {
    std::vector<Hit> hits;
    hits.reserve(rows.size());
    for (Row& row : rows) hits.push_back({std::move(row.id), row.score, {}});
    return hits;
  }

  // Snippets for the kept rows only, in one statement: FTS5 evaluates the MATCH once per
  // statement, so a statement per row would repeat the full-text search for every hit.
  std::string rowids;
  for (const Row& row : rows) rowids += fmt::format("{}{}", rowids.empty() ? "" : ", ", row.rowid);
  std::map<int64_t, std::string> bodies;
  if (!rows.empty()) {
    sqlite::Statement body = db.prepare(fmt::format("SELECT rowid, body FROM {} WHERE rowid IN ({})", tables.text, rowids));
    while (body.step()) bodies[body.column_int(0)] = std::string(body.column_text(1));
  }
  // Highlighting every variant of an entity costs FTS5 a pass per variant per row; only the
  // variants actually written in these rows are worth asking for.
  std::set<std::string> highlights(compiled->highlight_words.begin(), compiled->highlight_words.end());
  if (!compiled->highlight_groups.empty()) {
    for (const auto& [rowid, text] : bodies) {
      for (const AliasMatch& match : aliases.find(text)) {
        const bool wanted = std::binary_search(
            compiled->highlight_groups.begin(), compiled->highlight_groups.end(), match.group);
        if (wanted && !match.case_sensitive) {
          highlights.insert(fts5_string(std::string_view(text).substr(match.begin, match.end - match.begin)));
        }
      }
    }
  }
  std::map<int64_t, std::string> snippets;
  if (!highlights.empty() && !rows.empty()) {
    std::string expression;
    for (const std::string& phrase : highlights) expression += (expression.empty() ? "" : " OR ") + phrase;
    sqlite::Statement snippet = db.prepare(fmt::format(
        "SELECT rowid, snippet({0}, 0, '[', ']', '…', {1}) FROM {0} WHERE {0} MATCH ?1 AND rowid IN ({2})",
        tables.text, k_snippet_tokens, rowids));
    snippet.bind(1, "body : (" + expression + ")");
    while (snippet.step()) snippets[snippet.column_int(0)] = std::string(snippet.column_text(1));
  }
  for (const auto& [rowid, text] : bodies) {
    std::string& snippet = snippets[rowid];
    if (snippet.empty()) snippet = leading_words(text);
  }

  std::vector<Hit> hits;
  hits.reserve(rows.size());
  for (const Row& row : rows) hits.push_back({row.id, row.score, std::move(snippets[row.rowid])});
  return hits;
}

} // namespace brief::index
