// Sources as users have them: text captures, Markdown without front matter, sidecars, default ids,
// web furniture rules, and load() with files it cannot read. Every input is built here.
#include "test_support.hpp"

#include "corpus/furniture.hpp"
#include "corpus/ingest.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace brief;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the temporary directory, removed when the test ends.
struct Folder {
  fs::path path;
  explicit Folder(const std::string& name)
      : path(fs::temp_directory_path() / ("brief-ingest-" + name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return path / name;
  }
};

std::vector<std::string> texts(const corpus::Document& doc) {
  std::vector<std::string> out;
  for (const auto& p : doc.passages) out.push_back(p.text);
  return out;
}

std::vector<std::string> rules(const corpus::Document& doc) {
  std::vector<std::string> out;
  for (const auto& s : doc.set_aside) out.push_back(s.rule);
  return out;
}

bool has_message(const Diagnostics& diags, Severity severity, std::string_view needle) {
  for (const auto& d : diags)
    if (d.severity == severity && d.message.find(needle) != std::string::npos) return true;
  return false;
}

const std::string k_capture =
    "World News\n"
    "Politics\n"
    "\n"
    "Harbour authority approves the new container terminal\n"
    "\n"
    "By Jane Roe and John Doe\n"
    "\n"
    "Cranes stand at the old quay of the port on Monday evening. [Photo courtesy of the Harbour Authority]\n"
    "\n"
    "Cranes stand at the old quay of the port on Monday evening. [Photo courtesy of the Harbour Authority]\n"
    "\n"
    "Coast Herald/ The harbour authority approved the new terminal on Monday after two years of debate.\n"
    "The first ships are expected to berth there in the spring of next year, officials said.\n"
    "Costs and delays\n"
    "The board listed three conditions for the builder:\n"
    "1. Finish the quay wall before the winter storms begin.\n"
    "2. Keep the old terminal open during the works.\n"
    "3-Report the costs to the board every quarter.\n"
    "Share this:\n"
    "The mayor welcomed the decision and promised that the town would support the builder throughout.\n"
    "Leave a Reply\n"
    "Your email address will not be published. Required fields are marked *\n"
    "Great article, thanks for writing it up so clearly and quickly!\n";

} // namespace

TEST_CASE("a text capture: masthead, byline, captions, dateline, headings, lists and comments") {
  Folder folder("capture");
  const auto path = folder.write("Harbour_Terminal 2024.txt", k_capture);
  auto parsed = corpus::ingest_file(path, corpus::default_marking_table());
  for (const auto& d : parsed.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(parsed.optional());
  const auto& doc = parsed->document;
  CHECK(doc.meta.id == "harbour-terminal-2024");
  CHECK(doc.format == "text");
  CHECK(doc.meta.title == "Harbour authority approves the new container terminal");
  CHECK(doc.meta.authors == std::vector<std::string>{"Jane Roe", "John Doe"});
  CHECK(doc.meta.publisher == "Coast Herald");
  CHECK(texts(doc) == std::vector<std::string>{
      "The harbour authority approved the new terminal on Monday after two years of debate.",
      "The first ships are expected to berth there in the spring of next year, officials said.",
      "Costs and delays",
      "The board listed three conditions for the builder:",
      "Finish the quay wall before the winter storms begin.",
      "Keep the old terminal open during the works.",
      "Report the costs to the board every quarter.",
      "The mayor welcomed the decision and promised that the town would support the builder throughout.",
  });
  CHECK(doc.passages[2].kind == corpus::PassageKind::heading);
  CHECK(doc.passages[3].heading == "Costs and delays");
  CHECK(doc.passages[4].list_marker == "1.");
  CHECK(doc.passages[6].list_marker == "3-");
  // Passage text is the original's, byte for byte, at its range.
  for (const auto& p : doc.passages) CHECK(doc.text.substr(p.range.begin, p.range.end - p.range.begin) == p.text);
  const auto why = rules(doc);
  CHECK(std::count(why.begin(), why.end(), "comment section") == 3);
  CHECK(std::count(why.begin(), why.end(), "caption or photo credit") == 1);
  CHECK(std::count(why.begin(), why.end(), "repeated block") == 1);
  CHECK(std::count(why.begin(), why.end(), "byline") == 1);
  CHECK(std::count(why.begin(), why.end(), "dateline") == 1);
  CHECK(std::count(why.begin(), why.end(), "share or reader prompt") == 1);
  // Without a sidecar the releasability is the most restricted level, and the user is told.
  CHECK(doc.meta.releasability == "restricted");
  CHECK(has_message(parsed.diagnostics(), Severity::warning, "releasability"));
}

TEST_CASE("a sidecar completes and overrides what the file says of itself") {
  Folder folder("sidecar");
  const auto path = folder.write("terminal.txt", k_capture);
  folder.write("terminal.yaml",
      "id: harbour-2024\ntitle: The terminal decision\ntype: local news story\npublished: 2024-03-04\n"
      "releasability: public\n");
  auto parsed = corpus::ingest_file(path, corpus::default_marking_table());
  for (const auto& d : parsed.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(parsed.ok());
  const auto& doc = parsed->document;
  CHECK(doc.meta.id == "harbour-2024");
  CHECK(doc.meta.title == "The terminal decision");
  CHECK(doc.meta.type == "local news story");  // open type: free text
  CHECK(doc.meta.published.iso() == "2024-03-04");
  CHECK(doc.meta.authors == std::vector<std::string>{"Jane Roe", "John Doe"});  // from the byline
  CHECK(doc.sidecar == folder.path / "terminal.yaml");
  CHECK(doc.passages.front().id == "harbour-2024#p1");
  CHECK_FALSE(has_message(parsed.diagnostics(), Severity::warning, "releasability"));

  // A mistake in the sidecar is an error at its line.
  folder.write("terminal.yaml", "title: T\npublished: sometime\n");
  auto bad = corpus::ingest_file(path, corpus::default_marking_table());
  CHECK_FALSE(bad.ok());
  REQUIRE(bad.diagnostics().has_errors());
  CHECK(bad.diagnostics().items().front().span.file->path == (folder.path / "terminal.yaml").string());
  CHECK(bad.diagnostics().items().front().span.start().line == 2);
}

TEST_CASE("a transcript keeps who speaks in every passage") {
  Folder folder("transcript");
  const auto path = folder.write("briefing.txt",
      "Press briefing on the harbour terminal, with the spokesperson of the authority and reporters\n"
      "\n"
      "MODERATOR: Good afternoon and welcome to this briefing on the harbour terminal decision.\n"
      "\n"
      "MR. KIRBY: Thank you. The board approved the terminal on Monday after two years of debate.\n"
      "\n"
      "It will open next spring if the works keep to their schedule.\n"
      "\n"
      "Q: Will the old terminal stay open during the works?\n"
      "\n"
      "MR. KIRBY: Yes, it will stay open.\n");
  auto parsed = corpus::ingest_file(path, corpus::default_marking_table());
  REQUIRE(parsed.optional());
  const auto& doc = parsed->document;
  REQUIRE(doc.passages.size() == 5);
  CHECK(doc.passages[0].speaker == "MODERATOR");
  CHECK(doc.passages[1].speaker == "MR. KIRBY");
  CHECK(doc.passages[1].text == "Thank you. The board approved the terminal on Monday after two years of debate.");
  CHECK(doc.passages[2].speaker == "MR. KIRBY");  // the turn goes on
  CHECK(doc.passages[3].speaker == "Q");
  CHECK(doc.passages[4].speaker == "MR. KIRBY");
}

TEST_CASE("hard-wrapped text: paragraphs are separated by blank lines") {
  Folder folder("wrapped");
  const auto path = folder.write("memo.txt",
      "The harbour authority approved the new terminal on Monday after two\n"
      "years of debate, and the first ships are expected next spring.\n"
      "\n"
      "The mayor welcomed the decision and promised the support of the town\n"
      "throughout the works.\n");
  auto parsed = corpus::ingest_file(path, corpus::default_marking_table());
  REQUIRE(parsed.optional());
  CHECK(texts(parsed->document) == std::vector<std::string>{
      "The harbour authority approved the new terminal on Monday after two years of debate, and the first "
      "ships are expected next spring.",
      "The mayor welcomed the decision and promised the support of the town throughout the works."});
}

TEST_CASE("Markdown: inline markup becomes text, links keep their targets, numbering is kept") {
  Folder folder("markdown");
  const auto path = folder.write("notes.md",
      "# Harbour notes\n"
      "\n"
      "The **board** approved the [terminal](https://example.org/terminal) on *Monday* &amp; said so\\!\n"
      "\n"
      "![A crane at dusk](crane.jpg)\n"
      "\n"
      "3. First condition.\n"
      "4. Second condition.\n"
      "\n"
      "1- A loose item the way sources write them.\n"
      "2- Another one.\n"
      "\n"
      "> A quoted `statement` of the mayor.\n");
  auto parsed = corpus::ingest_file(path, corpus::default_marking_table());
  for (const auto& d : parsed.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(parsed.optional());
  const auto& doc = parsed->document;
  CHECK(doc.format == "markdown");
  CHECK(texts(doc) == std::vector<std::string>{"Harbour notes", "The board approved the terminal on Monday & said so!",
                          "First condition.", "Second condition.", "A loose item the way sources write them.",
                          "Another one.", "A quoted statement of the mayor."});
  CHECK(doc.passages[0].kind == corpus::PassageKind::heading);
  CHECK(doc.passages[1].links == std::vector<std::string>{"https://example.org/terminal"});
  CHECK(doc.passages[2].list_marker == "3.");
  CHECK(doc.passages[3].list_marker == "4.");
  CHECK(doc.passages[4].list_marker == "1-");
  CHECK(doc.passages[5].list_marker == "2-");
}

TEST_CASE("default ids: the file name, lowercased, other characters as hyphens") {
  CHECK(corpus::default_document_id("Iraq_Report 2020.PDF") == "iraq-report-2020");
  CHECK(corpus::default_document_id("dir/--Notes--.txt") == "notes");
  CHECK(corpus::default_document_id("a.b.md") == "a-b");
  CHECK(corpus::source_format("x.HTM") == corpus::SourceFormat::html);
  CHECK(corpus::source_format("x.csv") == corpus::SourceFormat::unknown);
  CHECK(corpus::sidecar_path("c/x.pdf") == fs::path("c/x.yaml"));
}

TEST_CASE("load: files it cannot read are warnings naming them, the other sources are used") {
  Folder folder("load");
  folder.write("good.txt", k_capture);
  folder.write("good.yaml", "releasability: public\n");
  folder.write("table.csv", "a,b\n1,2\n");
  folder.write("orphan.yaml", "title: Nobody\n");
  folder.write("latin1.txt", "Caf\xe9 au lait is served at the harbour every morning of the week.\n");
  folder.write("report.docx", "PK\x03\x04 not really a zip");
  auto loaded = corpus::load(folder.path);
  for (const auto& d : loaded.diagnostics()) INFO(format_diagnostic(d));
  REQUIRE(loaded.ok());
  CHECK(loaded->document_ids() == std::vector<std::string>{"good"});
  CHECK(has_message(loaded.diagnostics(), Severity::warning, "table.csv"));
  CHECK(has_message(loaded.diagnostics(), Severity::warning, "orphan.yaml"));
  CHECK(has_message(loaded.diagnostics(), Severity::warning, "report.docx"));
  CHECK(has_message(loaded.diagnostics(), Severity::warning, "invalid UTF-8"));
}

TEST_CASE("furniture rules recognise the common forms and leave body text alone") {
  namespace f = corpus::furniture;
  CHECK(f::opens_comment_section("3 Comments"));
  CHECK(f::opens_comment_section("Your email address will not be published."));
  CHECK_FALSE(f::opens_comment_section("Comments by the minister were published on Monday."));
  CHECK(f::prompt_rule("Did you like this article?"));
  CHECK_FALSE(f::prompt_rule("Share prices fell sharply on Monday after the announcement."));
  CHECK(f::is_caption("The minister at the quay. (AFP Photo)"));
  CHECK(f::is_caption("Photo: Jane Roe"));
  CHECK_FALSE(f::is_caption("The minister spoke at the quay (in the rain)."));
  std::string outlet;
  CHECK(f::dateline_length("BAGHDAD (Reuters) - Iraqi forces said", &outlet) == 20);
  CHECK(outlet == "Reuters");
  CHECK(f::dateline_length("Iraq/Syria border crossings reopened on Monday.") == 0);
  CHECK(f::byline("By Khalid al-Taie") == std::optional<std::string>("Khalid al-Taie"));
  CHECK_FALSE(f::byline("By the end of the year the works will be finished."));
  std::string speaker;
  CHECK(f::speaker_label("SENIOR ADMINISTRATION OFFICIAL: Thanks.", &speaker) > 0);
  CHECK(speaker == "SENIOR ADMINISTRATION OFFICIAL");
  CHECK(f::speaker_label("Note: the figures are estimates.") == 0);
}
