#pragma once
// Small helpers shared by the corpus tests.

#include "base/source.hpp"
#include "corpus/corpus.hpp"

#include <memory>
#include <string>
#include <vector>

namespace brief::test {

inline SourceFilePtr file_of(std::string text, std::string path = "doc.md") {
  return std::make_shared<SourceFile>(SourceFile{std::move(path), std::move(text)});
}

inline const std::string k_front =
    "---\n"
    "id: doc\n"
    "title: A test document\n"
    "publisher: Test Publisher\n"
    "type: news report\n"
    "published: 2020-10\n"
    "releasability: public\n"
    "---\n";

// A document with the standard front matter and `body`.
inline SourceFilePtr document_of(const std::string& body) { return file_of(k_front + body); }

inline std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out;
  for (const auto r : corpus::split_sentences(text)) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

} // namespace brief::test
