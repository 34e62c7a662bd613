#include "analyze/pool.hpp"

#include "analyze/context.hpp"
#include "analyze/terms.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace brief::analyze {

// By the numbers in the id ("doc#p7.s2": passage 7, sentence 2), not by a scan of the document's
// passages: a scan per pick made sections over documents with many passages quadratic.
std::optional<Located> locate(const corpus::Corpus& corpus, const std::string& id) {
  const corpus::Document* document = corpus.document_of(id);
  if (document == nullptr) return std::nullopt;
  Located found;
  found.document = document;
  found.document_index = static_cast<uint32_t>(document - corpus.documents.data());
  if (const corpus::Passage* passage = corpus.find_passage(id); passage != nullptr && passage->id == id) {
    found.passage = passage;
    return found;
  }
  const corpus::Sentence* sentence = corpus.find_sentence(id);
  if (sentence == nullptr || sentence->id != id) return std::nullopt;
  const corpus::Passage* passage = corpus.find_passage(std::string_view(id).substr(0, id.rfind('.')));
  if (passage == nullptr) return std::nullopt;
  found.passage = passage;
  found.sentence = sentence;
  return found;
}

std::vector<PoolSentence> pool_sentences(const std::vector<select::Pick>& picks,
    const corpus::Corpus& corpus) {
  std::vector<PoolSentence> out;
  std::set<const corpus::Sentence*> seen;
  for (const select::Pick& pick : picks) {
    std::optional<Located> found = locate(corpus, pick.id);
    if (!found) continue;
    auto add = [&](const corpus::Sentence& sentence) {
      if (!seen.insert(&sentence).second) return;
      PoolSentence item;
      item.document = found->document;
      item.passage = found->passage;
      item.sentence = &sentence;
      item.document_index = found->document_index;
      out.push_back(item);
    };
    if (found->sentence != nullptr) {
      add(*found->sentence);
    } else {
      for (const corpus::Sentence& sentence : found->passage->sentences) add(sentence);
    }
  }
  // Source order; sentences of one document are contiguous in memory, in order.
  std::sort(out.begin(), out.end(), [](const PoolSentence& a, const PoolSentence& b) {
    return std::tie(a.document_index, a.passage->number, a.sentence->range.begin) <
        std::tie(b.document_index, b.passage->number, b.sentence->range.begin);
  });
  uint32_t position = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (i > 0 && out[i].document_index != out[i - 1].document_index) position = 0;
    out[i].position = position++;
  }
  return out;
}

std::vector<const corpus::Passage*> pool_passages(const std::vector<select::Pick>& picks,
    const corpus::Corpus& corpus) {
  std::vector<std::pair<std::pair<uint32_t, uint32_t>, const corpus::Passage*>> found;
  std::set<const corpus::Passage*> seen;
  for (const select::Pick& pick : picks) {
    std::optional<Located> located = locate(corpus, pick.id);
    if (!located || !seen.insert(located->passage).second) continue;
    found.push_back({{located->document_index, located->passage->number}, located->passage});
  }
  std::sort(found.begin(), found.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<const corpus::Passage*> out;
  for (const auto& [key, passage] : found) out.push_back(passage);
  return out;
}

SourceRef passage_source(const corpus::Document& document, const corpus::Passage& passage) {
  SourceRef source;
  source.document_id = document.meta.id;
  source.passage_id = passage.id;
  source.range = passage.range;
  return source;
}

SourceRef sentence_source(const corpus::Document& document, const corpus::Passage& passage,
    const corpus::Sentence& sentence) {
  SourceRef source = passage_source(document, passage);
  source.sentence_id = sentence.id;
  source.range = sentence.range;
  return source;
}

std::optional<Previous> previous_sentence(const corpus::Document& document,
    const corpus::Passage& passage, const corpus::Sentence& sentence) {
  for (size_t i = 1; i < passage.sentences.size(); ++i) {
    if (&passage.sentences[i] == &sentence) {
      const corpus::Sentence& before = passage.sentences[i - 1];
      return Previous{&before, &passage, sentence_source(document, passage, before)};
    }
  }
  for (size_t p = 1; p < document.passages.size(); ++p) {
    if (&document.passages[p] != &passage) continue;
    const corpus::Passage& before = document.passages[p - 1];
    if (before.kind == corpus::PassageKind::heading || before.sentences.empty()) return std::nullopt;
    const corpus::Sentence& last = before.sentences.back();
    return Previous{&last, &before, sentence_source(document, before, last)};
  }
  return std::nullopt;
}

bool is_caption_passage(const corpus::Passage& passage) {
  return is_credit(passage.text);
}

TermStatistics corpus_statistics(const corpus::Corpus& corpus, TermMaker& terms) {
  TermStatistics statistics;
  for (const corpus::Document& document : corpus.documents) {
    for (const corpus::Passage& passage : document.passages) {
      statistics.add_document(terms.terms(passage.text));
    }
  }
  return statistics;
}

} // namespace brief::analyze
