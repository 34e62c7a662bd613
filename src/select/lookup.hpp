#pragma once
// Looking up ids in a corpus for select/: passages, sentences and documents by id, hints for ids
// that do not exist, and the releasability check against an audience's clearance.
//
// The maps are built here rather than through Corpus::find_* so that lookups stay logarithmic
// for the many ids a spec may list.

#include "corpus/corpus.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace brief::select {

class CorpusLookup {
public:
  explicit CorpusLookup(const corpus::Corpus& corpus);

  const corpus::Document* document(std::string_view id) const;
  const corpus::Passage* passage(std::string_view id) const;
  const corpus::Sentence* sentence(std::string_view id) const;
  // The document named by the part of `id` before '#', if it exists.
  const corpus::Document* document_of(std::string_view id) const;
  // The passage id of a sentence id ("doc#p7" of "doc#p7.s2"); `id` itself otherwise.
  static std::string_view passage_id_of(std::string_view id);
  static bool is_sentence_id(std::string_view id);

  // Hints for an explicit id that does not exist: the closest existing id and what exists.
  std::vector<std::string> unknown_id_hints(std::string_view id) const;
  // Hints for a document id that does not exist.
  std::vector<std::string> unknown_document_hints(std::string_view id) const;

  // The rank of a document's releasability level; nullopt if the marking table lacks the level.
  std::optional<int> rank_of(const corpus::Document& document) const;

private:
  const corpus::Corpus& m_corpus;
  std::vector<std::string> m_document_ids;
  std::map<std::string, const corpus::Document*, std::less<>> m_documents;
  std::map<std::string, const corpus::Passage*, std::less<>> m_passages;
  std::map<std::string, const corpus::Sentence*, std::less<>> m_sentences;
};

} // namespace brief::select
