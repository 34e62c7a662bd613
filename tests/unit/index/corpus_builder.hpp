#pragma once
// Builds Corpus values in memory for index and select tests, so they do not depend on files or
// on the corpus loader.

#include "base/hash.hpp"
#include "corpus/corpus.hpp"

#include <string>
#include <vector>

namespace brief::test {

struct DocumentSpec {
  std::string id;
  // One string per passage; "# text" is a heading. Sentences are split after ". ".
  std::vector<std::string> passages;
  std::string type = "news report";
  corpus::PartialDate published{2020, 10, 15, false};
  std::string releasability = "public";
};

inline corpus::Document make_document(const DocumentSpec& spec) {
  corpus::Document document;
  document.meta.id = spec.id;
  document.meta.title = "Title of " + spec.id;
  document.meta.type = spec.type;
  document.meta.published = spec.published;
  document.meta.releasability = spec.releasability;
  std::string heading;
  for (size_t i = 0; i < spec.passages.size(); ++i) {
    corpus::Passage passage;
    passage.number = static_cast<uint32_t>(i + 1);
    passage.id = spec.id + "#p" + std::to_string(i + 1);
    std::string text = spec.passages[i];
    if (text.rfind("# ", 0) == 0) {
      passage.kind = corpus::PassageKind::heading;
      passage.heading_level = 1;
      text = text.substr(2);
    }
    passage.heading = heading;
    if (passage.kind == corpus::PassageKind::heading) heading = text;
    if (!document.text.empty()) document.text += "\n\n";
    const auto offset = static_cast<uint32_t>(document.text.size());
    document.text += text;
    passage.text = text;
    passage.range = {offset, static_cast<uint32_t>(offset + text.size())};
    size_t start = 0;
    while (start < text.size()) {
      size_t stop = text.find(". ", start);
      stop = stop == std::string::npos ? text.size() : stop + 1;
      corpus::Sentence sentence;
      sentence.id = passage.id + ".s" + std::to_string(passage.sentences.size() + 1);
      sentence.text = text.substr(start, stop - start);
      sentence.range = {static_cast<uint32_t>(offset + start), static_cast<uint32_t>(offset + stop)};
      passage.sentences.push_back(sentence);
      start = stop < text.size() ? stop + 1 : stop;
    }
    document.passages.push_back(std::move(passage));
  }
  document.content_hash = sha256_hex(spec.id + "\n" + document.text);
  return document;
}

inline corpus::AliasGroup isis_aliases() {
  return {"ISIS", {"ISIS", "ISIL", "IS", "Islamic State", "Daesh", "Da'esh", "Da’esh"}, {"IS"}};
}

inline corpus::MarkingTable standard_markings() {
  return {{{"public", 0, "UNCLASSIFIED // PUBLIC", "U"}, {"official-use", 1, "OFFICIAL USE ONLY", "FOUO"},
      {"restricted", 2, "RESTRICTED", "R"}}};
}

inline corpus::Corpus make_corpus(const std::vector<DocumentSpec>& specs) {
  corpus::Corpus corpus;
  corpus.root = "/nonexistent-test-corpus";
  for (const DocumentSpec& spec : specs) corpus.documents.push_back(make_document(spec));
  corpus.aliases = {isis_aliases()};
  corpus.markings = standard_markings();
  return corpus;
}

} // namespace brief::test
