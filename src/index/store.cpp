#include "index/store.hpp"

#include "base/hash.hpp"
#include "index/dates.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace brief::index {
namespace {

// Bump when the tables or what goes into them change; older caches are then rebuilt.
constexpr int k_schema_version = 1;

const char* const k_tables[] = {"meta", "documents", "passages", "sentences", "passage_text", "sentence_text"};

std::string schema_sql() {
  return fmt::format(R"(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents(
  key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, content_hash TEXT NOT NULL, digest TEXT NOT NULL,
  type TEXT NOT NULL, published TEXT, releasability TEXT NOT NULL, rank INTEGER);
CREATE TABLE IF NOT EXISTS passages(
  rowid INTEGER PRIMARY KEY, document INTEGER NOT NULL, id TEXT NOT NULL, heading INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS passages_by_document ON passages(document);
CREATE TABLE IF NOT EXISTS sentences(rowid INTEGER PRIMARY KEY, document INTEGER NOT NULL, id TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sentences_by_document ON sentences(document);
CREATE VIRTUAL TABLE IF NOT EXISTS passage_text USING fts5(body, canonical, tokenize='{0}');
CREATE VIRTUAL TABLE IF NOT EXISTS sentence_text USING fts5(body, canonical, tokenize='{0}');
)",
      k_tokenizer);
}

std::optional<int> rank_of(const corpus::Corpus& corpus, const std::string& level) {
  for (const corpus::MarkingLevel& marking : corpus.markings.levels) {
    if (marking.id == level) return marking.rank;
  }
  return std::nullopt;
}

// Everything about the corpus that is not per document but shapes what is stored.
std::string configuration_fingerprint(const corpus::Corpus& corpus, const AliasMatcher& aliases) {
  Sha256 hash;
  hash.field(std::to_string(k_schema_version)).field(k_tokenizer).field(aliases.fingerprint());
  for (const corpus::MarkingLevel& level : corpus.markings.levels) hash.field(level.id).field(std::to_string(level.rank));
  return hash.hex();
}

// The file hash alone is not enough: a newer corpus parser may split the same file differently,
// so the extracted passages and metadata go into the digest too.
std::string document_digest(const corpus::Document& document) {
  Sha256 hash;
  hash.field(document.content_hash).field(document.meta.id).field(document.meta.type);
  hash.field(document.meta.published.earliest()).field(document.meta.releasability);
  for (const corpus::Passage& passage : document.passages) {
    hash.field(passage.id).field(passage.kind == corpus::PassageKind::heading ? "h" : "p").field(passage.text);
    for (const corpus::Sentence& sentence : passage.sentences) hash.field(sentence.id).field(sentence.text);
  }
  return hash.hex();
}

struct Writer {
  explicit Writer(sqlite::Database& db)
      : insert_document(db.prepare(
            "INSERT INTO documents(id, content_hash, digest, type, published, releasability, rank) "
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING key")),
        insert_passage(db.prepare("INSERT INTO passages(document, id, heading) VALUES(?1, ?2, ?3) RETURNING rowid")),
        insert_passage_text(db.prepare("INSERT INTO passage_text(rowid, body, canonical) VALUES(?1, ?2, ?3)")),
        insert_sentence(db.prepare("INSERT INTO sentences(document, id) VALUES(?1, ?2) RETURNING rowid")),
        insert_sentence_text(db.prepare("INSERT INTO sentence_text(rowid, body, canonical) VALUES(?1, ?2, ?3)")),
        delete_passage_text(db.prepare(
            "DELETE FROM passage_text WHERE rowid IN (SELECT rowid FROM passages WHERE document = ?1)")),
        delete_passages(db.prepare("DELETE FROM passages WHERE document = ?1")),
        delete_sentence_text(db.prepare(
            "DELETE FROM sentence_text WHERE rowid IN (SELECT rowid FROM sentences WHERE document = ?1)")),
        delete_sentences(db.prepare("DELETE FROM sentences WHERE document = ?1")),
        delete_document(db.prepare("DELETE FROM documents WHERE key = ?1")) {}

  void remove(int64_t key) {
    for (sqlite::Statement* statement :
         {&delete_passage_text, &delete_passages, &delete_sentence_text, &delete_sentences, &delete_document}) {
      statement->bind(1, key).run();
      statement->reset();
    }
  }

  int64_t returning(sqlite::Statement& statement) {
    if (!statement.step()) throw sqlite::SqliteError(1, "insert returned no row");
    const int64_t key = statement.column_int(0);
    statement.run();
    statement.reset();
    return key;
  }

  void add(const corpus::Corpus& corpus, const corpus::Document& document, const std::string& digest,
      const AliasMatcher& aliases) {
    insert_document.bind(1, document.meta.id).bind(2, document.content_hash).bind(3, digest);
    insert_document.bind(4, document.meta.type);
    const std::string published = document.meta.published.earliest();
    if (published.empty()) insert_document.bind_null(5);
    else insert_document.bind(5, published);
    insert_document.bind(6, document.meta.releasability);
    if (const std::optional<int> rank = rank_of(corpus, document.meta.releasability)) {
      insert_document.bind(7, int64_t{*rank});
    } else {
      insert_document.bind_null(7);
    }
    const int64_t key = returning(insert_document);

    for (const corpus::Passage& passage : document.passages) {
      insert_passage.bind(1, key).bind(2, passage.id);
      insert_passage.bind(3, int64_t{passage.kind == corpus::PassageKind::heading ? 1 : 0});
      const int64_t rowid = returning(insert_passage);
      insert_passage_text.bind(1, rowid).bind(2, passage.text).bind(3, aliases.canonical_text(passage.text)).run();
      insert_passage_text.reset();
      for (const corpus::Sentence& sentence : passage.sentences) {
        insert_sentence.bind(1, key).bind(2, sentence.id);
        const int64_t sentence_rowid = returning(insert_sentence);
        insert_sentence_text.bind(1, sentence_rowid).bind(2, sentence.text);
        insert_sentence_text.bind(3, aliases.canonical_text(sentence.text)).run();
        insert_sentence_text.reset();
      }
    }
  }

  sqlite::Statement insert_document, insert_passage, insert_passage_text, insert_sentence, insert_sentence_text;
  sqlite::Statement delete_passage_text, delete_passages, delete_sentence_text, delete_sentences, delete_document;
};

bool has_table(const sqlite::Database& db, const char* name) {
  sqlite::Statement statement = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
  statement.bind(1, std::string_view(name));
  return statement.step();
}

// True when the tables already hold `corpus` as it is: same schema, configuration and documents
// (by digest). Reads only, so a warm run takes no write lock and writes nothing.
bool up_to_date(const sqlite::Database& db, const corpus::Corpus& corpus, const std::string& fingerprint) {
  for (const char* table : k_tables) {
    if (!has_table(db, table)) return false;
  }
  if (db.query_text("SELECT value FROM meta WHERE key = 'schema_version'") != std::to_string(k_schema_version)) return false;
  if (db.query_text("SELECT value FROM meta WHERE key = 'configuration'") != fingerprint) return false;
  std::map<std::string, std::string, std::less<>> stored;
  sqlite::Statement statement = db.prepare("SELECT id, digest FROM documents");
  while (statement.step()) stored.emplace(statement.column_text(0), statement.column_text(1));
  std::set<std::string_view> seen;
  for (const corpus::Document& document : corpus.documents) {
    if (!seen.insert(document.meta.id).second) continue;
    const auto it = stored.find(document.meta.id);
    if (it == stored.end() || it->second != document_digest(document)) return false;
  }
  return seen.size() == stored.size();
}

} // namespace

size_t refresh(sqlite::Database& db, const corpus::Corpus& corpus, const AliasMatcher& aliases) {
  if (up_to_date(db, corpus, configuration_fingerprint(corpus, aliases))) return 0;
  sqlite::Transaction transaction(db);

  const bool has_meta = !db.query_text("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'meta'").empty();
  if (has_meta && db.query_text("SELECT value FROM meta WHERE key = 'schema_version'") != std::to_string(k_schema_version)) {
    for (const char* table : k_tables) db.exec(fmt::format("DROP TABLE IF EXISTS {}", table));
  }
  db.exec(schema_sql());

  const std::string fingerprint = configuration_fingerprint(corpus, aliases);
  if (db.query_text("SELECT value FROM meta WHERE key = 'configuration'") != fingerprint) {
    // Aliases or markings changed: every stored canonical column or rank may be stale.
    for (const char* table : {"documents", "passages", "sentences", "passage_text", "sentence_text"}) {
      db.exec(fmt::format("DELETE FROM {}", table));
    }
  }

  struct Stored {
    int64_t key = 0;
    std::string digest;
  };
  std::map<std::string, Stored, std::less<>> stored;
  {
    sqlite::Statement statement = db.prepare("SELECT key, id, digest FROM documents");
    while (statement.step()) {
      stored[std::string(statement.column_text(1))] = {statement.column_int(0), std::string(statement.column_text(2))};
    }
  }

  Writer writer(db);
  size_t touched = 0;
  std::set<std::string, std::less<>> seen;
  for (const corpus::Document& document : corpus.documents) {
    // Duplicate ids are the corpus loader's error to report; index the first one only.
    if (!seen.insert(document.meta.id).second) continue;
    const std::string digest = document_digest(document);
    const auto it = stored.find(document.meta.id);
    if (it != stored.end()) {
      if (it->second.digest == digest) continue;
      writer.remove(it->second.key);
    }
    writer.add(corpus, document, digest, aliases);
    ++touched;
  }
  for (const auto& [id, record] : stored) {
    if (seen.count(id) == 0) {
      writer.remove(record.key);
      ++touched;
    }
  }

  sqlite::Statement set_meta = db.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
  set_meta.bind(1, std::string_view("schema_version")).bind(2, std::to_string(k_schema_version)).run();
  set_meta.reset();
  set_meta.bind(1, std::string_view("configuration")).bind(2, fingerprint).run();
  transaction.commit();
  return touched;
}

} // namespace brief::index
