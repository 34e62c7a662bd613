#pragma once
// corpus: a folder of source documents -> Corpus.
//
// Takes: a directory of sources as users have them (`.md` with or without YAML front matter,
// `.txt` text captures, `.html`/`.htm` saved pages, `.pdf`), each optionally with a sidecar
// `<name>.yaml` of front-matter keys (see src/corpus/ingest.hpp), plus `aliases.yaml` (entity name
// variants) and `markings.yaml` (handling levels), all optional but the documents.
// Gives: a Corpus of Documents, each split into Passages (headings, paragraphs, list items) and
// Sentences with stable, readable ids: `doc#p7` for the 7th passage of document `doc`, `doc#p7.s2`
// for its 2nd sentence. Text is validated UTF-8, normalised to NFC. Byte ranges refer to
// Document::text (the body after the front matter, normalised; for a text capture the whole file,
// normalised; for HTML and PDF the text the converter extracted).

#include "base/outcome.hpp"
#include "base/source.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief::corpus {

struct ByteRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A date as precise as the source supports: year, year-month or year-month-day.
struct PartialDate {
  int year = 0;
  int month = 0;  // 0 = unknown
  int day = 0;    // 0 = unknown
  bool approximate = false;

  bool known() const { return year != 0; }
  // "2020", "2020-10", "2020-10-15" (no approximation mark).
  std::string iso() const;
  // For range filters: the first day the date may denote, as "YYYY-MM-DD".
  std::string earliest() const;
  // Human form for bibliographies: "15 October 2020", "October 2020", "c. 2017"; "n.d." if unknown.
  std::string display() const;
};

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (a real calendar date); nullopt otherwise.
std::optional<PartialDate> parse_partial_date(std::string_view text);

enum class PassageKind { heading, paragraph, list_item };

struct Sentence {
  std::string id;  // "doc#p7.s2"
  std::string text;
  ByteRange range;  // in Document::text
};

struct Passage {
  std::string id;  // "doc#p7"
  uint32_t number = 0;  // the 7 of p7 (1-based)
  PassageKind kind = PassageKind::paragraph;
  int heading_level = 0;    // 1.. for headings
  std::string list_marker;  // "1.", "2-", "•" for list items, as in the source
  int list_depth = 0;       // 0 for top-level items
  std::string text;         // without the list marker or heading hashes
  ByteRange range;          // of `text` in Document::text
  std::string heading;      // text of the nearest heading above, "" if none
  uint32_t page = 0;        // 1-based page of the original (PDF); 0 when the source has no pages
  std::string speaker;      // the speaker of a transcript turn ("MODERATOR", "Q"); "" otherwise
  std::vector<std::string> links;  // targets of the links in `text`, in order (Markdown, HTML)
  std::vector<Sentence> sentences;
};

// Where a source comes from and what may bias it (ICD 206 source descriptor elements).
// Read from the front matter, a YAML block between `---` lines at the top of a `.md` file, or from
// a sidecar `<name>.yaml` next to an original (where every key is optional: what is missing comes
// from the file itself, and `brief check` lists what is still missing):
//   id             required; [a-z0-9][a-z0-9-]*, unique in the corpus, also the file name (<id>.md);
//                  for an original it defaults to the file name without extension, lowercased
//   title          required
//   authors        list of people (or one string); and/or
//   publisher      the organisation
//   type           required in front matter: free text ("news report", "transcript",
//                  "executive order", ...)
//   published      required: YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source supports
//   published_approximate  true when the date is inferred from the content (shown as "c. 2018")
//   language       BCP 47, default `en`
//   releasability  required: a level id of the marking table
//   descriptor     who the originator is, their access, possible bias
//   url, ingested  optional; `ingested` is YYYY-MM-DD
// Any other key is an error.
struct DocumentMeta {
  std::string id;  // short and readable, e.g. "itic-2020-isis-iraq"
  std::string title;
  std::vector<std::string> authors;
  std::string publisher;  // organisation
  std::string type;       // free text: "news report", "think-tank assessment", "transcript", ...
  PartialDate published;
  std::string language;       // BCP 47, e.g. "en"
  std::string releasability;  // a level id from the marking table, e.g. "public"
  std::string descriptor;     // who the originator is, their access, possible bias
  std::string url;            // optional
  std::string ingested;       // "YYYY-MM-DD" the source was accessed/ingested, optional
};

struct Document {
  DocumentMeta meta;
  std::filesystem::path path;     // the original
  std::filesystem::path sidecar;  // `<name>.yaml` with its metadata, empty if none
  std::string format;             // "markdown", "text", "html", "pdf"
  uint32_t page_count = 0;        // pages of a PDF original, 0 otherwise
  SourceFilePtr source;      // the file as read, for diagnostics
  uint32_t body_offset = 0;  // byte offset of the body in source->text
  std::string content_hash;  // sha256 of the file's bytes (and of its sidecar's, when it has one)
  std::string text;          // normalised body
  std::vector<Passage> passages;
  // Text of the original that is in no passage, with the rule that set it aside (a comment form,
  // a photo credit, a running head), so `brief show DOC` can say what was left out and why.
  struct SetAside {
    std::string rule;
    std::string text;
    uint32_t page = 0;
  };
  std::vector<SetAside> set_aside;
};

// Name variants of one entity, all treated as one in search.
struct AliasGroup {
  std::string canonical;              // e.g. "ISIS"
  std::vector<std::string> variants;  // including the canonical form
  // Variants that only match with this exact case (e.g. "IS", which is also an English word).
  std::vector<std::string> case_sensitive;
};

// One handling level. Levels are ordered by `rank` (0 = least restricted).
struct MarkingLevel {
  std::string id;       // "public"
  int rank = 0;
  std::string banner;   // "UNCLASSIFIED // PUBLIC"
  std::string portion;  // "U"
};

struct MarkingTable {
  std::vector<MarkingLevel> levels;  // sorted by rank

  const MarkingLevel* find(std::string_view id) const;
  std::vector<std::string> ids() const;
};

// The table used when a corpus has no markings.yaml: public < official-use < restricted.
MarkingTable default_marking_table();

// Reads a marking table (the format is described at the top of corpus/markings.yaml).
Outcome<MarkingTable> parse_markings(const SourceFilePtr& file);

// Reads alias groups (the format is described at the top of corpus/aliases.yaml).
Outcome<std::vector<AliasGroup>> parse_aliases(const SourceFilePtr& file);

struct Corpus {
  std::filesystem::path root;
  std::vector<Document> documents;  // sorted by id
  std::vector<AliasGroup> aliases;
  MarkingTable markings;
  // sha256 of aliases.yaml and markings.yaml as they were read; "" when the file is absent.
  std::string aliases_hash, markings_hash;

  const Document* find_document(std::string_view id) const;
  const Passage* find_passage(std::string_view passage_id) const;
  const Sentence* find_sentence(std::string_view sentence_id) const;
  // The document a passage or sentence id belongs to ("doc" of "doc#p7.s2").
  const Document* document_of(std::string_view any_id) const;
  std::vector<std::string> document_ids() const;
};

// Corpus documents larger than this are rejected rather than segmented.
inline constexpr size_t k_max_document_bytes = size_t{50} << 20;

// Document ids: a lowercase letter or digit, then lowercase letters, digits and hyphens.
bool is_valid_document_id(std::string_view id);

// Loads every source under `dir` (not recursing into hidden folders; see is_source_file in
// src/corpus/ingest.hpp), with aliases.yaml and markings.yaml. Errors name the file, line and column
// (or byte offset for bad UTF-8). An original that cannot be converted (a corrupt or encrypted PDF,
// HTML without main content) is a warning naming it: the other sources are still used.
Outcome<Corpus> load(const std::filesystem::path& dir);

// Parses one document from a source file (used by load and by tests/fuzz). `releasability`
// must name a level of `markings`; the one-argument form uses default_marking_table().
Outcome<Document> parse_document(const SourceFilePtr& file);
Outcome<Document> parse_document(const SourceFilePtr& file, const MarkingTable& markings);

// Splits text into sentences (ICU sentence breaks, with abbreviations such as "Gen.", "U.S.",
// "Dr.", "No." not ending a sentence). Returns byte ranges into `text`, trimmed of spaces.
std::vector<ByteRange> split_sentences(std::string_view text);

} // namespace brief::corpus
