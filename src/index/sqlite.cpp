#include "index/sqlite.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <limits>
#include <utility>

namespace brief::index::sqlite {
namespace {

[[noreturn]] void throw_error(sqlite3* db, int status, std::string_view what) {
  const int code = db != nullptr ? sqlite3_extended_errcode(db) : status;
  const char* message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(status);
  throw SqliteError(code, fmt::format("{}: {}", what, message));
}

int checked_size(std::string_view text) {
  if (text.size() > static_cast<size_t>(std::numeric_limits<int>::max())) {
    throw SqliteError(SQLITE_TOOBIG, "text too large for sqlite");
  }
  return static_cast<int>(text.size());
}

} // namespace

bool SqliteError::is_busy() const {
  const int primary = primary_code();
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
  const int status = sqlite3_prepare_v2(db, sql.data(), checked_size(sql), &m_stmt, nullptr);
  if (status != SQLITE_OK) {
    sqlite3_finalize(m_stmt);
    m_stmt = nullptr;
    throw_error(db, status, fmt::format("cannot prepare `{}`", sql));
  }
}

Statement::Statement(Statement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_stmt(std::exchange(other.m_stmt, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(m_stmt);
    m_db = std::exchange(other.m_db, nullptr);
    m_stmt = std::exchange(other.m_stmt, nullptr);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

void Statement::check(int status, const char* what) const {
  if (status != SQLITE_OK) throw_error(m_db, status, what);
}

Statement& Statement::bind(int index, std::string_view text) {
  // SQLITE_TRANSIENT: SQLite copies the bytes, so callers may pass temporaries.
  check(sqlite3_bind_text(m_stmt, index, text.data(), checked_size(text), SQLITE_TRANSIENT), "cannot bind text");
  return *this;
}

Statement& Statement::bind(int index, int64_t value) {
  check(sqlite3_bind_int64(m_stmt, index, value), "cannot bind integer");
  return *this;
}

Statement& Statement::bind(int index, double value) {
  check(sqlite3_bind_double(m_stmt, index, value), "cannot bind number");
  return *this;
}

Statement& Statement::bind_null(int index) {
  check(sqlite3_bind_null(m_stmt, index), "cannot bind null");
  return *this;
}

bool Statement::step() {
  const int status = sqlite3_step(m_stmt);
  if (status == SQLITE_ROW) return true;
  if (status == SQLITE_DONE) return false;
  throw_error(m_db, status, fmt::format("cannot run `{}`", sqlite3_sql(m_stmt)));
}

void Statement::run() {
  while (step()) {
  }
}

void Statement::reset() {
  // The step error, if any, was already thrown by step(); reset's status repeats it.
  sqlite3_reset(m_stmt);
  check(sqlite3_clear_bindings(m_stmt), "cannot clear bindings");
}

std::string_view Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(m_stmt, index);
  if (text == nullptr) {
    if (sqlite3_errcode(m_db) == SQLITE_NOMEM) throw_error(m_db, SQLITE_NOMEM, "cannot read column");
    return {};
  }
  return {reinterpret_cast<const char*>(text), static_cast<size_t>(sqlite3_column_bytes(m_stmt, index))};
}

int64_t Statement::column_int(int index) const { return sqlite3_column_int64(m_stmt, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(m_stmt, index); }

bool Statement::column_is_null(int index) const { return sqlite3_column_type(m_stmt, index) == SQLITE_NULL; }

Database::Database(const std::string& path, OpenMode mode) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX |
      (mode == OpenMode::memory ? SQLITE_OPEN_MEMORY : SQLITE_OPEN_NOFOLLOW);
  const int status = sqlite3_open_v2(mode == OpenMode::memory ? ":memory:" : path.c_str(), &m_db, flags, nullptr);
  if (status != SQLITE_OK) {
    const int code = m_db != nullptr ? sqlite3_extended_errcode(m_db) : status;
    const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : sqlite3_errstr(status);
    sqlite3_close_v2(m_db);
    m_db = nullptr;
    throw SqliteError(code, fmt::format("cannot open `{}`: {}", path, message));
  }
  sqlite3_extended_result_codes(m_db, 1);
}

Database::Database(Database&& other) noexcept : m_db(std::exchange(other.m_db, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(m_db);
    m_db = std::exchange(other.m_db, nullptr);
  }
  return *this;
}

Database::~Database() {
  // close_v2 defers the close until every statement is finalised, so order does not matter.
  sqlite3_close_v2(m_db);
}

void Database::exec(const std::string& sql) {
  char* message = nullptr;
  const int status = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
  if (status != SQLITE_OK) {
    const std::string text = message != nullptr ? message : sqlite3_errstr(status);
    sqlite3_free(message);
    throw SqliteError(sqlite3_extended_errcode(m_db), fmt::format("cannot run `{}`: {}", sql, text));
  }
}

std::string Database::query_text(const std::string& sql) const {
  Statement statement = prepare(sql);
  if (!statement.step()) return {};
  return std::string(statement.column_text(0));
}

void Database::set_busy_timeout(int milliseconds) {
  const int status = sqlite3_busy_timeout(m_db, milliseconds);
  if (status != SQLITE_OK) throw_error(m_db, status, "cannot set busy timeout");
}

Transaction::Transaction(Database& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
  if (m_done) return;
  try {
    m_db.exec("ROLLBACK");
  } catch (const SqliteError&) {
    // Rolling back after a failure can itself fail (the transaction may already be gone); the
    // original error is what the caller is handling.
  }
}

void Transaction::commit() {
  m_db.exec("COMMIT");
  m_done = true;
}

} // namespace brief::index::sqlite
