#include "index/index.hpp"

#include "index/aliases.hpp"
#include "index/search.hpp"
#include "index/sqlite.hpp"
#include "index/store.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <system_error>

namespace brief::index {
namespace {

// Caches this process found locked by another process (see Index::open), and the turn taking of
// this process's threads opening one cache.
struct OpenRegistry {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<std::mutex>, std::less<>> turns;
  std::set<std::string, std::less<>> found_locked;
};

OpenRegistry& registry() {
  static OpenRegistry instance;
  return instance;
}

constexpr const char* k_cache_suffixes[] = {"", "-wal", "-shm", "-journal"};

// Removes the cache and its journal files; only regular files (a link is never followed or removed).
void remove_cache_files(const std::filesystem::path& path) {
  std::error_code ignored;
  for (const char* suffix : k_cache_suffixes) {
    const std::filesystem::path file = path.string() + suffix;
    if (std::filesystem::is_regular_file(std::filesystem::symlink_status(file, ignored)))
      std::filesystem::remove(file, ignored);
  }
}

// Why brief will not use the cache folder or its files, or "" when it may: the folder must be a
// real folder (not a link that could lead outside the corpus), and the files, where they exist,
// regular files, so brief never writes, truncates or deletes anything a link points at.
std::string unsafe_cache_location(const std::filesystem::path& cache_dir, const std::filesystem::path& path) {
  std::error_code ec;
  const auto folder = std::filesystem::symlink_status(cache_dir, ec);
  if (std::filesystem::is_symlink(folder))
    return fmt::format("index cache folder `{}` is a symbolic link", cache_dir.string());
  if (std::filesystem::exists(folder) && !std::filesystem::is_directory(folder))
    return fmt::format("index cache folder `{}` is not a folder", cache_dir.string());
  for (const char* suffix : k_cache_suffixes) {
    const std::filesystem::path file = path.string() + suffix;
    const auto status = std::filesystem::symlink_status(file, ec);
    if (std::filesystem::exists(status) && !std::filesystem::is_regular_file(status))
      return fmt::format("index cache file `{}` is {}", file.string(),
          std::filesystem::is_symlink(status) ? "a symbolic link" : "not a regular file");
  }
  return {};
}

} // namespace

struct Index::Impl {
  sqlite::Database db;
  AliasMatcher aliases;
  size_t reindexed = 0;
  std::string location;  // for messages: the cache path or "memory"
};

Index::Index(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Index::Index(Index&&) noexcept = default;
Index& Index::operator=(Index&&) noexcept = default;
Index::~Index() = default;

Outcome<Index> Index::open_in_memory(const corpus::Corpus& corpus) {
  try {
    auto impl = std::make_unique<Impl>(
        Impl{sqlite::Database({}, sqlite::OpenMode::memory), AliasMatcher(corpus.aliases), 0, "memory"});
    impl->reindexed = refresh(impl->db, corpus, impl->aliases);
    return Index(std::move(impl));
  } catch (const sqlite::SqliteError& error) {
    Diagnostics diagnostics;
    diagnostics.error({}, fmt::format("cannot build the search index: {}", error.what()));
    return diagnostics;
  }
}

Outcome<Index> Index::open(const corpus::Corpus& corpus, std::filesystem::path cache_dir, CacheOptions options) {
  if (cache_dir.empty()) cache_dir = corpus.root / ".brief-cache";
  const std::filesystem::path path = cache_dir / "index.sqlite";
  Diagnostics diagnostics;
  const auto in_memory = [&]() -> Outcome<Index> {
    Outcome<Index> index = open_in_memory(corpus);
    diagnostics.append(std::move(index.diagnostics()));
    return {std::move(index.optional()), std::move(diagnostics)};
  };

  if (!options.write) return in_memory();

  if (const std::string unsafe = unsafe_cache_location(cache_dir, path); !unsafe.empty()) {
    diagnostics.warning({}, unsafe, {"the corpus is indexed in memory for this run; brief keeps its index "
                                     "only in a real folder, so remove the link to have the cache kept again"});
    return in_memory();
  }
  std::error_code error;
  std::filesystem::create_directories(cache_dir, error);
  if (error) {
    diagnostics.warning({}, fmt::format("cannot create the index cache folder `{}`: {}", cache_dir.string(), error.message()),
        {"the corpus is indexed in memory, again on every run; make the folder writable to keep the index"});
    return in_memory();
  }

  // Threads of this process open one cache in turn: one refreshes it, the next finds it fresh.
  // Without this they would wait on each other through SQLite's lock and could fall back to memory.
  std::shared_ptr<std::mutex> turn;
  {
    OpenRegistry& shared = registry();
    const std::lock_guard lock(shared.mutex);
    auto& slot = shared.turns[path.string()];
    if (!slot) slot = std::make_shared<std::mutex>();
    turn = slot;
  }
  const std::lock_guard my_turn(*turn);
  // Read in turn, so a thread that waited for the one before it sees what that one found.
  bool waited_before = false;
  {
    OpenRegistry& shared = registry();
    const std::lock_guard lock(shared.mutex);
    waited_before = shared.found_locked.count(path.string()) > 0;
  }

  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      sqlite::Database db(path.string(), sqlite::OpenMode::read_write_create);
      // A lock another process holds is waited for once per process and cache, up to the bound.
      db.set_busy_timeout(waited_before ? 0 : static_cast<int>(options.lock_wait.count()));
      // WAL lets one process read while another writes; synchronous=NORMAL is safe with WAL and
      // a lost last transaction only costs a reindex.
      db.query_text("PRAGMA journal_mode = WAL");
      db.exec("PRAGMA synchronous = NORMAL");
      AliasMatcher aliases(corpus.aliases);
      const size_t reindexed = refresh(db, corpus, aliases);
      // A damaged page may lie where refresh did not read; found now, the cache is rebuilt, rather
      // than every search failing until someone deletes it. Reads the whole file, once per open.
      if (const std::string check = db.query_text("PRAGMA quick_check"); check != "ok")
        throw sqlite::SqliteError(SQLITE_CORRUPT, "integrity check failed: " + check);
      if (waited_before) {
        OpenRegistry& shared = registry();
        const std::lock_guard lock(shared.mutex);
        shared.found_locked.erase(path.string());
      }
      return {Index(std::make_unique<Impl>(Impl{std::move(db), std::move(aliases), reindexed, path.string()})),
          std::move(diagnostics)};
    } catch (const sqlite::SqliteError& failure) {
      if (failure.is_busy()) {
        {
          OpenRegistry& shared = registry();
          const std::lock_guard lock(shared.mutex);
          shared.found_locked.insert(path.string());
        }
        const std::string waited = waited_before
            ? "still locked, not waited for again"
            : fmt::format("waited {} ms", options.lock_wait.count());
        diagnostics.warning({},
            fmt::format("index cache `{}` is locked by another process ({})", path.string(), waited),
            {"the corpus is indexed in memory for this output; the cache is used again once the other "
             "process (another brief run, or a program holding the file open) lets it go"});
        return in_memory();
      }
      if (attempt == 0) {
        diagnostics.warning({}, fmt::format("index cache `{}` is unreadable, rebuilding it", path.string()),
            {failure.what()});
        remove_cache_files(path);
      } else {
        diagnostics.warning({}, fmt::format("cannot write the index cache `{}`", path.string()),
            {failure.what(), "the corpus is indexed in memory for this run"});
      }
    }
  }
  return in_memory();
}

Outcome<std::vector<Hit>> Index::search(const Query& query) const {
  try {
    return run_search(m_impl->db, m_impl->aliases, query);
  } catch (const sqlite::SqliteError& failure) {
    Diagnostics diagnostics;
    diagnostics.error(query.span, fmt::format("search failed in index `{}`", m_impl->location),
        {failure.what(), "delete the index cache to have it rebuilt"});
    return diagnostics;
  }
}

size_t Index::documents_reindexed() const { return m_impl->reindexed; }

} // namespace brief::index
