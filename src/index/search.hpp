#pragma once
// Running a Query against the index tables (see store.hpp).

#include "index/aliases.hpp"
#include "index/index.hpp"
#include "index/sqlite.hpp"

namespace brief::index {

// Ranked hits for `query`; errors (malformed query, bad date) are diagnostics at query.span.
// SQLite failures throw sqlite::SqliteError.
Outcome<std::vector<Hit>> run_search(const sqlite::Database& db, const AliasMatcher& aliases, const Query& query);

} // namespace brief::index
