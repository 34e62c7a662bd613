#pragma once
// RAII wrappers for SQLite: a connection, prepared statements and transactions. Every status is
// checked; a failure throws SqliteError with SQLite's message and (extended) result code, which
// the index turns into a diagnostic or a cache rebuild.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace brief::index::sqlite {

class SqliteError : public std::runtime_error {
public:
  SqliteError(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
  int code() const { return m_code; }  // extended result code
  int primary_code() const { return m_code & 0xff; }
  // Another connection holds a lock for longer than the busy timeout.
  bool is_busy() const;

private:
  int m_code;
};

class Statement {
public:
  Statement(sqlite3* db, std::string_view sql);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite.
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_null(int index);

  // Advances; true while there is a row to read.
  bool step();
  // Runs a statement that returns no rows (or ignores them) to completion.
  void run();
  // Ready to run again with new bindings.
  void reset();

  std::string_view column_text(int index) const;
  int64_t column_int(int index) const;
  double column_double(int index) const;
  bool column_is_null(int index) const;

private:
  void check(int status, const char* what) const;
  sqlite3* m_db = nullptr;
  sqlite3_stmt* m_stmt = nullptr;
};

enum class OpenMode { read_write_create, memory };

class Database {
public:
  // Opens (creating) the database at `path`, or an in-memory one.
  Database(const std::string& path, OpenMode mode);
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements that return no rows.
  void exec(const std::string& sql);
  Statement prepare(std::string_view sql) const { return Statement(m_db, sql); }
  // The first column of the first row of `sql` as text, "" if there is no row.
  std::string query_text(const std::string& sql) const;
  void set_busy_timeout(int milliseconds);

private:
  sqlite3* m_db = nullptr;
};

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() was called.
// IMMEDIATE takes the write lock at once, so two processes refreshing the same cache run one
// after the other and the second sees the first's work instead of failing half-way.
class Transaction {
public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

private:
  Database& m_db;
  bool m_done = false;
};

} // namespace brief::index::sqlite
