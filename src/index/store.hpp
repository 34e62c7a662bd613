#pragma once
// The index's tables and keeping them in step with a corpus.
//
//   meta(key, value)            schema version and the configuration fingerprint
//   documents(key, id, content_hash, digest, type, published, releasability, rank)
//   passages(rowid, document, id, heading)      sentences(rowid, document, id)
//   passage_text, sentence_text: FTS5 (body, canonical), rowid = the passage's or sentence's rowid
//
// `body` is the text as written; `canonical` is the same text with alias variants replaced by
// entity tokens (see aliases.hpp). `published` is the earliest day of the publication date
// ("YYYY-MM-DD", NULL if unknown); `rank` is the releasability level's rank in the marking table
// (NULL if the level is not in the table, so a clearance filter excludes it).

#include "corpus/corpus.hpp"
#include "index/aliases.hpp"
#include "index/sqlite.hpp"

#include <cstddef>

namespace brief::index {

// The FTS5 tokenizer: Porter stemming over unicode61 word splitting, with diacritics removed
// (also from letters whose decomposition is not simple), so "attacks" finds "attack" and
// "Ninawa" finds "Nīnawā".
inline constexpr const char* k_tokenizer = "porter unicode61 remove_diacritics 2";

// Brings the tables in `db` up to date with `corpus` in one transaction: creates them if missing,
// rebuilds them if the schema version or configuration (aliases, markings, tokenizer) changed,
// and otherwise reindexes only documents added, changed (by content hash or extracted text) or
// removed. Returns how many documents it touched.
size_t refresh(sqlite::Database& db, const corpus::Corpus& corpus, const AliasMatcher& aliases);

} // namespace brief::index
