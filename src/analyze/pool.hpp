#pragma once
// The material a section draws on, as sentences in source order, plus the helpers every extractor
// shares: source references, the previous sentence (for lead-ins) and corpus-wide term statistics.

#include "analyze/digest.hpp"
#include "analyze/similarity.hpp"

#include <optional>
#include <string>
#include <vector>

namespace brief::analyze {

class TermMaker;

struct PoolSentence {
  const corpus::Document* document = nullptr;
  const corpus::Passage* passage = nullptr;
  const corpus::Sentence* sentence = nullptr;
  uint32_t document_index = 0;  // position of the document in the corpus
  uint32_t position = 0;        // sentence number within the document (0-based)
};

// A passage or sentence id resolved in the corpus.
struct Located {
  uint32_t document_index = 0;
  const corpus::Document* document = nullptr;
  const corpus::Passage* passage = nullptr;
  const corpus::Sentence* sentence = nullptr;  // null: the id names the whole passage
};
std::optional<Located> locate(const corpus::Corpus& corpus, const std::string& id);

// Sentences of the picked passages (or the picked sentences), each once, in source order:
// documents in corpus order, then by passage and sentence. Unknown ids are skipped.
std::vector<PoolSentence> pool_sentences(const std::vector<select::Pick>& picks,
    const corpus::Corpus& corpus);

// The picked passages (a sentence pick brings its passage), each once, in source order.
std::vector<const corpus::Passage*> pool_passages(const std::vector<select::Pick>& picks,
    const corpus::Corpus& corpus);

SourceRef passage_source(const corpus::Document& document, const corpus::Passage& passage);
SourceRef sentence_source(const corpus::Document& document, const corpus::Passage& passage,
    const corpus::Sentence& sentence);

// The sentence before `sentence` in its document (within the passage, else the last sentence of
// the previous passage unless that is a heading), with its source.
struct Previous {
  const corpus::Sentence* sentence = nullptr;
  const corpus::Passage* passage = nullptr;  // the passage holding `sentence`
  SourceRef source;
};
std::optional<Previous> previous_sentence(const corpus::Document& document,
    const corpus::Passage& passage, const corpus::Sentence& sentence);

// A photo caption: a paragraph carrying a photo or image credit (is_credit). Its sentences are
// not statements of the source.
bool is_caption_passage(const corpus::Passage& passage);

// Document frequencies with every passage of the corpus as one document.
TermStatistics corpus_statistics(const corpus::Corpus& corpus, TermMaker& terms);

} // namespace brief::analyze
