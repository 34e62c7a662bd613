#pragma once
// The query language, compiled to an FTS5 MATCH expression.
//
//   query   := or_expr
//   or_expr := and_expr ("OR" and_expr)*
//   and_expr:= operand (["AND"] operand | ["AND"] "NOT" operand)*   -- adjacent operands are ANDed
//   operand := word | "quoted phrase" | "(" or_expr ")"
//
// Operators are the uppercase words AND, OR, NOT; lowercase "and", "or", "not" are words. A word
// is any run of characters other than white space, parentheses and quotes (", “, ”), so
// "co-operation", "Da’esh" and "al-Sudani" are single terms (FTS5 searches them as phrases of
// their parts). Terms without letters or digits ("-", "…") are ignored. NOT excludes: `a NOT b`
// means a and not b; a query cannot consist of exclusions only.
//
// User text never reaches MATCH unquoted: every term becomes a quoted FTS5 string restricted to
// a column, so FTS5 syntax errors cannot happen. Terms naming an alias (see aliases.hpp) become
// `(body : "term" OR canonical : "<entity token>")`; adjacent words forming a multi-word alias
// ("Islamic State") are joined first. Case-sensitive variants ("IS") search the entity token only,
// since the word itself ("is") would match everywhere.

#include "base/outcome.hpp"
#include "index/aliases.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace brief::index {

struct CompiledQuery {
  std::string match;  // the FTS5 MATCH expression
  // For snippets: the words of the query's positive terms as FTS5 strings (without words that
  // are case-sensitive alias variants, since FTS5 would mark "is" for "IS"), and the alias groups
  // those terms name, whose variants are marked where they occur.
  std::vector<std::string> highlight_words;
  std::vector<size_t> highlight_groups;
};

// Compiles `text`; errors point into `span` (narrowed to the offending token when the span holds
// the query text verbatim).
Outcome<CompiledQuery> compile_query(std::string_view text, const Span& span, const AliasMatcher& aliases);

// FTS5 string literal: `text` in double quotes, inner quotes doubled.
std::string fts5_string(std::string_view text);

} // namespace brief::index
