#pragma once
// Small in-memory corpora for analyze tests: passages are given as text, ids, ranges and
// sentences are made as corpus/ would make them.

#include "corpus/corpus.hpp"

#include <string>
#include <vector>

namespace brief::test {

struct PassageText {
  corpus::PassageKind kind = corpus::PassageKind::paragraph;
  std::string text;
  std::string marker;  // list marker, for list items
};

inline PassageText paragraph(std::string text) { return {corpus::PassageKind::paragraph, std::move(text), ""}; }
inline PassageText heading(std::string text) { return {corpus::PassageKind::heading, std::move(text), ""}; }
inline PassageText item(std::string marker, std::string text) {
  return {corpus::PassageKind::list_item, std::move(text), std::move(marker)};
}

inline corpus::Document make_document(const std::string& id, const std::vector<PassageText>& passages) {
  corpus::Document document;
  document.meta.id = id;
  document.meta.title = id;
  std::string current_heading;
  for (const PassageText& p : passages) {
    corpus::Passage passage;
    passage.number = static_cast<uint32_t>(document.passages.size() + 1);
    passage.id = id + "#p" + std::to_string(passage.number);
    passage.kind = p.kind;
    passage.list_marker = p.marker;
    passage.text = p.text;
    uint32_t begin = static_cast<uint32_t>(document.text.size());
    document.text += p.text + "\n\n";
    passage.range = {begin, static_cast<uint32_t>(begin + p.text.size())};
    passage.heading = current_heading;
    if (p.kind == corpus::PassageKind::heading) {
      passage.heading_level = 2;
      current_heading = p.text;
    }
    int n = 0;
    for (const corpus::ByteRange& r : corpus::split_sentences(p.text)) {
      corpus::Sentence sentence;
      sentence.id = passage.id + ".s" + std::to_string(++n);
      sentence.text = p.text.substr(r.begin, r.end - r.begin);
      sentence.range = {begin + r.begin, begin + r.end};
      passage.sentences.push_back(std::move(sentence));
    }
    document.passages.push_back(std::move(passage));
  }
  return document;
}

// Documents must be given sorted by id.
inline corpus::Corpus make_corpus(std::vector<corpus::Document> documents) {
  corpus::Corpus out;
  out.documents = std::move(documents);
  return out;
}

} // namespace brief::test
