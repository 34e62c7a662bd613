#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace brief;

namespace {

const corpus::Corpus& real_corpus() {
  static const corpus::Corpus loaded = [] {
    auto result = corpus::load(std::filesystem::path(BRIEF_SOURCE_DIR) / "corpus");
    for (const auto& d : result.diagnostics()) INFO(format_diagnostic(d));
    REQUIRE(result.ok());
    REQUIRE(result.diagnostics().empty());
    return std::move(result.value());
  }();
  return loaded;
}

bool body_contains(const corpus::Document& doc, std::string_view needle) {
  return doc.text.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("the default corpus has five public documents, sorted by id") {
  const auto& c = real_corpus();
  CHECK(c.document_ids() == std::vector<std::string>{"diyaruna-2018-intel-cooperation", "itic-2020-isis-iraq",
                                "karim-saeed-iraq-ct-efforts", "mofa-iraq-ct-diplomacy",
                                "shafaq-2024-coalition-transition"});
  CHECK(c.markings.ids() == std::vector<std::string>{"public", "official-use", "restricted"});
  for (const auto& doc : c.documents) {
    INFO(doc.meta.id);
    CHECK(doc.meta.releasability == "public");
    CHECK(doc.meta.language == "en");
    CHECK_FALSE(doc.meta.descriptor.empty());
    CHECK(doc.meta.published.known());
    CHECK(doc.path.filename().string() == doc.meta.id + ".md");
    CHECK(doc.content_hash.size() == 64);
    CHECK_FALSE(doc.passages.empty());
    for (const auto& p : doc.passages) {
      INFO(p.id);
      CHECK_FALSE(p.sentences.empty());
      CHECK(p.range.end <= doc.text.size());
      for (const auto& s : p.sentences) CHECK(s.range.begin >= p.range.begin);
    }
  }
}

TEST_CASE("the passages the example spec quotes exist and say what it expects") {
  const auto& c = real_corpus();
  const auto* p17 = c.find_passage("mofa-iraq-ct-diplomacy#p17");
  REQUIRE(p17 != nullptr);
  CHECK(p17->kind == corpus::PassageKind::list_item);
  CHECK(p17->list_marker == "17-");
  CHECK(p17->text.rfind("Iraq considers the need to find an international system", 0) == 0);
  const auto* s = c.find_sentence("shafaq-2024-coalition-transition#p12.s2");
  REQUIRE(s != nullptr);
  CHECK(s->text == "He suggested these fighters could launch attacks in Iraq, targeting cities like Mosul or "
                   "Tikrit in the coming months.");
  CHECK(c.find_passage("shafaq-2024-coalition-transition#p12")->heading == "Persistent Threat of ISIS Resurgence");
}

TEST_CASE("lookups by id") {
  const auto& c = real_corpus();
  CHECK(c.find_document("itic-2020-isis-iraq")->meta.type == "think-tank assessment");
  CHECK(c.find_document("nope") == nullptr);
  CHECK(c.document_of("itic-2020-isis-iraq#p3.s2")->meta.id == "itic-2020-isis-iraq");
  CHECK(c.document_of("itic-2020-isis-iraq")->meta.id == "itic-2020-isis-iraq");
  CHECK(c.find_passage("itic-2020-isis-iraq#p1")->id == "itic-2020-isis-iraq#p1");
  CHECK(c.find_sentence("itic-2020-isis-iraq#p4.s2")->id == "itic-2020-isis-iraq#p4.s2");
  for (const char* bad : {"itic-2020-isis-iraq#p0", "itic-2020-isis-iraq#p999", "itic-2020-isis-iraq#p01",
           "itic-2020-isis-iraq#p1x", "itic-2020-isis-iraq", "#p1", "itic-2020-isis-iraq#q1"})
    CHECK(c.find_passage(bad) == nullptr);
  for (const char* bad : {"itic-2020-isis-iraq#p1", "itic-2020-isis-iraq#p1.s0", "itic-2020-isis-iraq#p1.s99",
           "itic-2020-isis-iraq#p1s1", "itic-2020-isis-iraq#p1.s1.", "nope#p1.s1"})
    CHECK(c.find_sentence(bad) == nullptr);
}

TEST_CASE("page furniture is cleaned from the default corpus") {
  const auto& c = real_corpus();
  for (const auto& doc : c.documents) {
    INFO(doc.meta.id);
    for (const char* furniture : {"Do you like this article", "Comment(s)", "Comment Policy", "Leave a Reply",
             "Akismet", "Log Out", "Assist lecturer", "Iraq News"})
      CHECK_FALSE(body_contains(doc, furniture));
    CHECK_FALSE(body_contains(doc, doc.meta.title));  // the title is metadata, not a passage
  }
  const auto* diyaruna = c.find_document("diyaruna-2018-intel-cooperation");
  const std::string caption = "Iraqi Minister of Defence Irfan al-Hayali observes the work of intelligence personnel";
  const size_t first = diyaruna->text.find(caption);
  REQUIRE(first != std::string::npos);
  CHECK(diyaruna->text.find(caption, first + 1) == std::string::npos);
  CHECK(diyaruna->meta.authors == std::vector<std::string>{"Khalid al-Taie"});
  CHECK(c.find_document("karim-saeed-iraq-ct-efforts")->meta.authors.size() == 2);
}

TEST_CASE("the default corpus keeps the sources' structure") {
  const auto& c = real_corpus();
  const auto& mofa = *c.find_document("mofa-iraq-ct-diplomacy");
  REQUIRE(mofa.passages.size() == 17);
  CHECK(mofa.passages[4].list_marker == "5-");
  CHECK(mofa.passages[4].text.rfind("Including a fixed article", 0) == 0);
  const auto& itic = *c.find_document("itic-2020-isis-iraq");
  CHECK(itic.passages[1].list_marker == "•");
  const auto* mckenzie = c.find_passage("itic-2020-isis-iraq#p4");
  REQUIRE(mckenzie->sentences.size() == 5);
  CHECK(mckenzie->sentences[0].text.rfind("US CENTCOM Commander General Kenneth F. McKenzie recently announced", 0) == 0);
  CHECK(mckenzie->sentences[1].text.rfind("According to Gen. McKenzie,", 0) == 0);
  const auto& shafaq = *c.find_document("shafaq-2024-coalition-transition");
  CHECK(shafaq.passages[2].kind == corpus::PassageKind::heading);
  CHECK(shafaq.passages[3].heading == "Intensified Security Operations Against ISIS");
  const auto& karim = *c.find_document("karim-saeed-iraq-ct-efforts");
  const auto it = std::find_if(karim.passages.begin(), karim.passages.end(),
      [](const corpus::Passage& p) { return p.text.rfind("It's becoming evident", 0) == 0; });
  REQUIRE(it != karim.passages.end());
  CHECK(it->list_marker == "1.");
}

TEST_CASE("the default corpus has the alias groups search needs") {
  const auto& c = real_corpus();
  auto group_of = [&](std::string_view name) -> const corpus::AliasGroup* {
    for (const auto& g : c.aliases)
      if (std::find(g.variants.begin(), g.variants.end(), name) != g.variants.end()) return &g;
    return nullptr;
  };
  for (const char* name : {"ISIL", "IS", "Islamic State", "Daesh", "Da'esh", "Da’esh", "Da'esh terrorist gangs"})
    CHECK(group_of(name) == group_of("ISIS"));
  CHECK(group_of("ISIS") != nullptr);
  const auto& isis = *group_of("ISIS");
  CHECK(std::find(isis.case_sensitive.begin(), isis.case_sensitive.end(), "IS") != isis.case_sensitive.end());
  CHECK(group_of("Al-Sudani") == group_of("al-Sudani"));
  CHECK(group_of("Ain al-Assad") == group_of("Ain al-Asad"));
  CHECK(group_of("Nineveh") == group_of("Ninawa"));
  CHECK(group_of("JOC") == group_of("Joint Operations Command"));
  CHECK(group_of("PMF") == group_of("Popular Mobilization Forces"));
  CHECK(group_of("Hashd") == group_of("Popular Mobilization Forces"));
  CHECK(group_of("KRI") == group_of("Kurdistan Region"));
  CHECK(group_of("Ninawa") != nullptr);
}

TEST_CASE("the releasability test corpus has one document per level") {
  auto result = corpus::load(std::filesystem::path(BRIEF_TEST_DATA) / "corpus-markings");
  REQUIRE(result.ok());
  CHECK(result.diagnostics().empty());
  const auto& c = *result;
  CHECK(c.markings.ids() == std::vector<std::string>{"public", "official-use", "restricted"});
  const std::vector<std::pair<std::string, std::string>> expected = {{"zebra-official", "ZEBRA-OFFICIAL-7"},
      {"zebra-public", "ZEBRA-PUBLIC-7"}, {"zebra-restricted", "ZEBRA-RESTRICTED-7"}};
  REQUIRE(c.documents.size() == expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    CHECK(c.documents[i].meta.id == expected[i].first);
    CHECK(body_contains(c.documents[i], expected[i].second));
    CHECK(body_contains(c.documents[i], "sleeper cells"));
  }
  CHECK(c.find_document("zebra-restricted")->meta.releasability == "restricted");
  CHECK(c.find_document("zebra-official")->meta.releasability == "official-use");
}

TEST_CASE("duplicate document ids are an error naming both files") {
  const auto dir = std::filesystem::path(BRIEF_TEST_DATA) / "corpus-duplicate-ids";
  const auto result = corpus::load(dir);
  REQUIRE_FALSE(result.ok());
  const auto& errors = result.diagnostics();
  REQUIRE(errors.error_count() == 1);
  const auto it = std::find_if(errors.begin(), errors.end(),
      [](const Diagnostic& d) { return d.severity == Severity::error; });
  CHECK(it->message == "document id `same-id` is used by both `" + (dir / "first.md").string() + "` and `" +
                           (dir / "second.md").string() + "`");
  CHECK(it->span.file->path == (dir / "second.md").string());
  CHECK(it->span.start().line == 2);
  CHECK(it->span.start().column == 5);
}

TEST_CASE("loading a missing folder is an error") {
  const auto result = corpus::load("/nonexistent/corpus");
  REQUIRE_FALSE(result.ok());
  CHECK(result.diagnostics().items()[0].message == "corpus folder `/nonexistent/corpus` does not exist");
}

TEST_CASE("a corpus document that is a symbolic link leaving the corpus folder is refused, unread") {
  namespace fs = std::filesystem;
  const auto root = fs::temp_directory_path() / ("brief-corpus-links-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "corpus" / "sub");
  fs::create_directories(root / "outside");
  std::ofstream(root / "corpus" / "doc.md") << test::k_front << "Inside the corpus.\n";
  std::string other = test::k_front;
  other.replace(other.find("id: doc"), 7, "id: other");
  std::ofstream(root / "outside" / "other.md") << other << "A secret line outside the corpus.\n";
  // A link to a file inside the corpus stays allowed.
  std::string linked = test::k_front;
  linked.replace(linked.find("id: doc"), 7, "id: linked");
  // (`.dat` is no source type: only the link is read as a document.)
  std::ofstream(root / "corpus" / "sub" / "linked.dat") << linked << "Linked from inside.\n";
  fs::create_symlink(root / "corpus" / "sub" / "linked.dat", root / "corpus" / "linked.md");

  SECTION("a link to a document outside") {
    fs::create_symlink(root / "outside" / "other.md", root / "corpus" / "other.md");
  }
  SECTION("a link to a system file") { fs::create_symlink("/etc/passwd", root / "corpus" / "other.md"); }

  const auto result = corpus::load(root / "corpus");
  REQUIRE_FALSE(result.ok());
  bool named = false;
  for (const auto& d : result.diagnostics()) {
    CHECK(d.message.find("secret") == std::string::npos);
    CHECK(d.message.find("root:") == std::string::npos);
    if (d.severity != Severity::error) continue;
    if (d.message.find("linked") != std::string::npos) FAIL("a link inside the corpus was refused");
    named = named || d.message == "corpus document `" + (root / "corpus" / "other.md").string() +
                                      "` is a symbolic link to a file outside the corpus folder";
  }
  CHECK(named);
  fs::remove_all(root);
}
