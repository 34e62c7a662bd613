#include "index/index.hpp"

#include "corpus_builder.hpp"
#include "index/sqlite.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>
#include <set>
#include <string>

using namespace brief;
using namespace brief::index;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test, removed afterwards.
class TempDir {
public:
  TempDir() {
    m_path = fs::temp_directory_path() / ("brief-index-test-" + std::to_string(::getpid()) + "-" + std::to_string(s_count++));
    fs::remove_all(m_path);
    fs::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
  }
  const fs::path& path() const { return m_path; }

private:
  static inline int s_count = 0;
  fs::path m_path;
};

corpus::Corpus sample() {
  return test::make_corpus({
      {"alpha", {"Daesh attacked a checkpoint.", "Rain fell."}},
      {"beta", {"ISIL cells regrouped."}},
      {"gamma", {"Drone strikes continued."}},
  });
}

size_t open_count(const corpus::Corpus& corpus, const fs::path& dir, Diagnostics* diagnostics = nullptr) {
  Outcome<Index> index = Index::open(corpus, dir);
  REQUIRE(index.ok());
  if (diagnostics != nullptr) *diagnostics = index.diagnostics();
  else CHECK(index.diagnostics().empty());
  return index->documents_reindexed();
}

size_t hit_count(const corpus::Corpus& corpus, const fs::path& dir, const std::string& text) {
  Outcome<Index> index = Index::open(corpus, dir);
  REQUIRE(index.ok());
  Query query;
  query.text = text;
  Outcome<std::vector<Hit>> hits = index->search(query);
  REQUIRE(hits.ok());
  return hits->size();
}

} // namespace

TEST_CASE("a second open reuses the cache") {
  TempDir dir;
  const corpus::Corpus corpus = sample();
  CHECK(open_count(corpus, dir.path()) == 3);
  CHECK(fs::exists(dir.path() / "index.sqlite"));
  CHECK(open_count(corpus, dir.path()) == 0);
  CHECK(hit_count(corpus, dir.path(), "isis") == 2);
}

TEST_CASE("a warm open writes nothing to the cache") {
  TempDir dir;
  const corpus::Corpus corpus = sample();
  REQUIRE(open_count(corpus, dir.path()) == 3);
  const fs::path file = dir.path() / "index.sqlite";
  const auto read_all = [&] {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string before = read_all();
  const fs::file_time_type written = fs::last_write_time(file);
  {
    Outcome<Index> index = Index::open(corpus, dir.path());
    REQUIRE(index.ok());
    CHECK(index->documents_reindexed() == 0);
    // While it is open, nothing waits in the write-ahead log either.
    const fs::path wal = dir.path() / "index.sqlite-wal";
    CHECK((!fs::exists(wal) || fs::file_size(wal) == 0));
  }
  CHECK(fs::last_write_time(file) == written);
  CHECK(read_all() == before);
}

TEST_CASE("the default cache folder is inside the corpus") {
  TempDir dir;
  corpus::Corpus corpus = sample();
  corpus.root = dir.path();
  Outcome<Index> index = Index::open(corpus);
  REQUIRE(index.ok());
  CHECK(fs::exists(dir.path() / ".brief-cache" / "index.sqlite"));
}

TEST_CASE("only changed, added and removed documents are reindexed") {
  TempDir dir;
  corpus::Corpus corpus = sample();
  REQUIRE(open_count(corpus, dir.path()) == 3);

  corpus.documents[1] = test::make_document({"beta", {"ISIL cells regrouped near Mosul."}});
  CHECK(open_count(corpus, dir.path()) == 1);
  CHECK(hit_count(corpus, dir.path(), "Mosul") == 1);

  corpus.documents[2].content_hash = "changed";
  CHECK(open_count(corpus, dir.path()) == 1);

  corpus.documents.push_back(test::make_document({"delta", {"New source on Mosul."}}));
  CHECK(open_count(corpus, dir.path()) == 1);
  CHECK(hit_count(corpus, dir.path(), "Mosul") == 2);

  corpus.documents.erase(corpus.documents.begin());
  CHECK(open_count(corpus, dir.path()) == 1);
  CHECK(hit_count(corpus, dir.path(), "attacked") == 0);
  CHECK(open_count(corpus, dir.path()) == 0);
}

TEST_CASE("alias and marking changes reindex everything") {
  TempDir dir;
  corpus::Corpus corpus = sample();
  REQUIRE(open_count(corpus, dir.path()) == 3);
  CHECK(hit_count(corpus, dir.path(), "Tanzim") == 0);

  corpus.aliases[0].variants.push_back("Tanzim");
  corpus.documents[2] = test::make_document({"gamma", {"Tanzim drone strikes continued."}});
  CHECK(open_count(corpus, dir.path()) == 3);
  CHECK(hit_count(corpus, dir.path(), "Daesh") == 3);

  corpus.markings.levels[1].rank = 5;
  CHECK(open_count(corpus, dir.path()) == 3);
  CHECK(open_count(corpus, dir.path()) == 0);
}

TEST_CASE("a corrupt cache is deleted and rebuilt with a warning") {
  TempDir dir;
  const corpus::Corpus corpus = sample();
  {
    std::ofstream garbage(dir.path() / "index.sqlite", std::ios::binary);
    garbage << std::string(8192, 'x');
  }
  Diagnostics diagnostics;
  CHECK(open_count(corpus, dir.path(), &diagnostics) == 3);
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].severity == Severity::warning);
  CHECK(diagnostics.items()[0].message ==
      "index cache `" + (dir.path() / "index.sqlite").string() + "` is unreadable, rebuilding it");
  CHECK(open_count(corpus, dir.path()) == 0);
  CHECK(hit_count(corpus, dir.path(), "isis") == 2);
}

TEST_CASE("a cache folder that cannot be created falls back to memory") {
  TempDir dir;
  {
    std::ofstream file(dir.path() / "not-a-folder");
  }
  Diagnostics diagnostics;
  CHECK(open_count(sample(), dir.path() / "not-a-folder" / "cache", &diagnostics) == 3);
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].severity == Severity::warning);
}

TEST_CASE("two processes can open the same cache at once") {
  TempDir dir;
  std::vector<test::DocumentSpec> specs;
  for (int d = 0; d < 20; ++d) {
    std::vector<std::string> passages(50, "Daesh attacked checkpoints. Forces responded with raids.");
    specs.push_back({"doc" + std::to_string(d), passages});
  }
  const corpus::Corpus corpus = test::make_corpus(specs);
  std::vector<pid_t> children;
  for (int i = 0; i < 3; ++i) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The child reports through its exit status only; Catch2 must not run on in it.
      Outcome<Index> index = Index::open(corpus, dir.path());
      bool good = index.ok() && index.diagnostics().empty();
      if (good) {
        Query query;
        query.text = "isis";
        query.limit = 2000;
        Outcome<std::vector<Hit>> hits = index->search(query);
        good = hits.ok() && hits->size() == 1000;
      }
      ::_exit(good ? 0 : 1);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(open_count(corpus, dir.path()) == 0);
}

TEST_CASE("a cache with one damaged page is rebuilt with a warning, not left failing every search") {
  TempDir dir;
  const corpus::Corpus corpus = sample();
  REQUIRE(open_count(corpus, dir.path()) == 3);
  const fs::path path = dir.path() / "index.sqlite";
  std::vector<int64_t> pages;
  int64_t page_size = 0;
  {
    sqlite::Database db(path.string(), sqlite::OpenMode::read_write_create);
    page_size = std::stoll(db.query_text("PRAGMA page_size"));
    for (const char* table : {"passage_text_data", "sentence_text_data"})
      pages.push_back(std::stoll(db.query_text(
          std::string("SELECT rootpage FROM sqlite_master WHERE name = '") + table + "'")));
  }
  REQUIRE(fs::exists(path));
  REQUIRE_FALSE(fs::exists(path.string() + "-wal"));
  {
    // The pages searches read and reopening does not: the documents table stays intact.
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    for (const int64_t page : pages) {
      file.seekp((page - 1) * page_size);
      file << std::string(static_cast<size_t>(page_size), '\x5a');
    }
  }
  Diagnostics diagnostics;
  CHECK(open_count(corpus, dir.path(), &diagnostics) == 3);
  REQUIRE(diagnostics.items().size() == 1);
  CHECK(diagnostics.items()[0].severity == Severity::warning);
  CHECK(diagnostics.items()[0].message == "index cache `" + path.string() + "` is unreadable, rebuilding it");
  CHECK(hit_count(corpus, dir.path(), "isis") == 2);
  CHECK(hit_count(corpus, dir.path(), "rain") == 1);
}

TEST_CASE("a cache folder or file that is a symbolic link is never written through") {
  TempDir dir;
  corpus::Corpus corpus = sample();
  corpus.root = dir.path() / "corpus";
  fs::create_directories(corpus.root);
  const fs::path outside = dir.path() / "outside";
  fs::create_directories(outside);

  SECTION("the cache folder links outside, to a file that is not a database") {
    std::ofstream(outside / "index.sqlite") << "precious, not a database";
    fs::create_directory_symlink(outside, corpus.root / ".brief-cache");
    Outcome<Index> index = Index::open(corpus);
    REQUIRE(index.ok());
    REQUIRE(index.diagnostics().items().size() == 1);
    CHECK(index.diagnostics().items()[0].severity == Severity::warning);
    CHECK_THAT(index.diagnostics().items()[0].message, Catch::Contains("is a symbolic link"));
    std::ifstream in(outside / "index.sqlite");
    CHECK(std::string(std::istreambuf_iterator<char>(in), {}) == "precious, not a database");
    CHECK_FALSE(fs::exists(outside / "index.sqlite-wal"));
  }
  SECTION("index.sqlite is a dangling link") {
    fs::create_directories(corpus.root / ".brief-cache");
    fs::create_symlink(outside / "created.sqlite", corpus.root / ".brief-cache" / "index.sqlite");
    Outcome<Index> index = Index::open(corpus);
    REQUIRE(index.ok());
    REQUIRE(index.diagnostics().items().size() == 1);
    CHECK_THAT(index.diagnostics().items()[0].message, Catch::Contains("is a symbolic link"));
    CHECK_FALSE(fs::exists(outside / "created.sqlite"));
    CHECK(fs::is_symlink(fs::symlink_status(corpus.root / ".brief-cache" / "index.sqlite")));
  }
  Outcome<Index> index = Index::open(corpus);
  REQUIRE(index.ok());
  Query query;
  query.text = "isis";
  CHECK(index->search(query)->size() == 2);
}

TEST_CASE("a cache another process holds locked is waited for once, briefly, then memory is used") {
  TempDir dir;
  const corpus::Corpus corpus = sample();
  REQUIRE(open_count(corpus, dir.path()) == 3);
  // A change, so opening must write to the cache, while another connection holds the write lock.
  const corpus::Corpus changed = test::make_corpus({
      {"alpha", {"Daesh attacked a checkpoint.", "Rain fell."}},
      {"beta", {"ISIL cells regrouped."}},
      {"delta", {"Islamic State fighters withdrew."}},
  });
  sqlite::Database holder((dir.path() / "index.sqlite").string(), sqlite::OpenMode::read_write_create);
  holder.exec("BEGIN IMMEDIATE");

  const auto open_locked = [&] {
    Outcome<Index> index = Index::open(changed, dir.path(), CacheOptions{std::chrono::milliseconds(20)});
    REQUIRE(index.ok());
    REQUIRE(index.diagnostics().items().size() == 1);
    const Diagnostic& warning = index.diagnostics().items().front();
    CHECK(warning.severity == Severity::warning);
    Query query;
    query.text = "isis";
    Outcome<std::vector<Hit>> hits = index->search(query);
    REQUIRE(hits.ok());
    CHECK(hits->size() == 3);  // the changed corpus, indexed in memory
    return warning.message;
  };
  const std::string first = open_locked();
  CHECK(first.find("locked by another process (waited 20 ms)") != std::string::npos);
  // A second output of the same run does not wait again.
  const std::string second = open_locked();
  CHECK(second.find("still locked, not waited for again") != std::string::npos);

  // Once the lock is gone the cache is used (and updated) again, without a warning.
  holder.exec("ROLLBACK");
  Diagnostics diagnostics;
  CHECK(open_count(changed, dir.path(), &diagnostics) == 2);
  CHECK(diagnostics.empty());
}

TEST_CASE("an open that must not write leaves the cache folder and files as they were") {
  TempDir dir;
  const corpus::Corpus corpus = sample();
  CacheOptions no_writing;
  no_writing.write = false;
  const fs::path cache = dir.path() / "cache";
  const auto search_count = [](const Index& index) {
    Query query;
    query.text = "isis";
    Outcome<std::vector<Hit>> hits = index.search(query);
    REQUIRE(hits.ok());
    return hits->size();
  };

  // No cache: none is made.
  {
    Outcome<Index> index = Index::open(corpus, cache, no_writing);
    REQUIRE(index.ok());
    CHECK(index.diagnostics().empty());
    CHECK(search_count(*index) == 2);
    CHECK_FALSE(fs::exists(cache));
  }
  // A stale cache is left as it was.
  REQUIRE(open_count(corpus, cache) == 3);
  const auto slurp = [](const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const auto listing = [&] {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(cache)) names.insert(entry.path().filename().string());
    return names;
  };
  const std::string before = slurp(cache / "index.sqlite");
  const std::set<std::string> files = listing();
  const corpus::Corpus changed = test::make_corpus({{"alpha", {"Daesh attacked a checkpoint."}}});
  {
    Outcome<Index> index = Index::open(changed, cache, no_writing);
    REQUIRE(index.ok());
    CHECK(index.diagnostics().empty());
    CHECK(search_count(*index) == 1);
  }
  CHECK(slurp(cache / "index.sqlite") == before);
  CHECK(listing() == files);
}

TEST_CASE("outputs opening a locked cache at once wait for it once between them") {
  TempDir dir;
  REQUIRE(open_count(sample(), dir.path()) == 3);
  const corpus::Corpus changed = test::make_corpus({{"alpha", {"Daesh attacked a checkpoint."}}});
  sqlite::Database holder((dir.path() / "index.sqlite").string(), sqlite::OpenMode::read_write_create);
  holder.exec("BEGIN IMMEDIATE");
  std::vector<std::string> messages(4);
  {
    std::vector<std::jthread> outputs;
    for (std::string& message : messages) {
      outputs.emplace_back([&] {
        Outcome<Index> index = Index::open(changed, dir.path(), CacheOptions{std::chrono::milliseconds(50)});
        if (index.ok() && !index.diagnostics().empty()) message = index.diagnostics().items().front().message;
      });
    }
  }
  holder.exec("ROLLBACK");
  size_t waited = 0, not_again = 0;
  for (const std::string& message : messages) {
    if (message.find("(waited 50 ms)") != std::string::npos) ++waited;
    if (message.find("not waited for again") != std::string::npos) ++not_again;
  }
  CHECK(waited == 1);
  CHECK(not_again == 3);
}
