#include "select/lookup.hpp"

#include "base/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace brief::select {
namespace {

// The number after the last 'p' or 's' of an id ("doc#p7.s12" -> 12), or -1.
long trailing_number(std::string_view id) {
  size_t end = id.size();
  size_t begin = end;
  while (begin > 0 && id[begin - 1] >= '0' && id[begin - 1] <= '9') --begin;
  if (begin == end || begin == 0 || (id[begin - 1] != 'p' && id[begin - 1] != 's') || end - begin > 9) return -1;
  long value = 0;
  for (size_t i = begin; i < end; ++i) value = value * 10 + (id[i] - '0');
  return value;
}

// closest_match keeps the first of equally close candidates; putting numerically nearer ids first
// makes `doc#p13` suggest `doc#p12` rather than `doc#p1`.
void order_by_number(std::vector<std::string>& candidates, std::string_view id) {
  const long wanted = trailing_number(id);
  if (wanted < 0) return;
  std::stable_sort(candidates.begin(), candidates.end(), [wanted](const std::string& a, const std::string& b) {
    return std::labs(trailing_number(a) - wanted) < std::labs(trailing_number(b) - wanted);
  });
}

} // namespace

CorpusLookup::CorpusLookup(const corpus::Corpus& corpus) : m_corpus(corpus) {
  for (const corpus::Document& document : corpus.documents) {
    m_documents.emplace(document.meta.id, &document);
    m_document_ids.push_back(document.meta.id);
    for (const corpus::Passage& passage : document.passages) {
      m_passages.emplace(passage.id, &passage);
      for (const corpus::Sentence& sentence : passage.sentences) m_sentences.emplace(sentence.id, &sentence);
    }
  }
}

const corpus::Document* CorpusLookup::document(std::string_view id) const {
  const auto it = m_documents.find(id);
  return it == m_documents.end() ? nullptr : it->second;
}

const corpus::Passage* CorpusLookup::passage(std::string_view id) const {
  const auto it = m_passages.find(id);
  return it == m_passages.end() ? nullptr : it->second;
}

const corpus::Sentence* CorpusLookup::sentence(std::string_view id) const {
  const auto it = m_sentences.find(id);
  return it == m_sentences.end() ? nullptr : it->second;
}

const corpus::Document* CorpusLookup::document_of(std::string_view id) const {
  const size_t hash = id.find('#');
  return hash == std::string_view::npos ? nullptr : document(id.substr(0, hash));
}

bool CorpusLookup::is_sentence_id(std::string_view id) {
  const size_t hash = id.find('#');
  return hash != std::string_view::npos && id.find(".s", hash) != std::string_view::npos;
}

std::string_view CorpusLookup::passage_id_of(std::string_view id) {
  if (!is_sentence_id(id)) return id;
  return id.substr(0, id.find(".s", id.find('#')));
}

std::vector<std::string> CorpusLookup::unknown_id_hints(std::string_view id) const {
  std::vector<std::string> hints;
  const size_t hash = id.find('#');
  if (hash == std::string_view::npos) {
    if (document(id) != nullptr) {
      hints.push_back(fmt::format("`{}` is a document; to draw on all of it, list it under `documents`", id));
    }
    hints.push_back("passage ids look like `doc#p7`, sentence ids like `doc#p7.s2`");
    return hints;
  }
  const std::string_view document_id = id.substr(0, hash);
  const corpus::Document* owner = document(document_id);
  if (owner == nullptr) {
    const std::string closest = closest_match(document_id, m_document_ids);
    if (!closest.empty()) {
      const std::string candidate = closest + std::string(id.substr(hash));
      if (passage(candidate) != nullptr || sentence(candidate) != nullptr) {
        hints.push_back(fmt::format("did you mean `{}`?", candidate));
      } else {
        hints.push_back(fmt::format("there is no document `{}`; did you mean `{}`?", document_id, closest));
      }
    } else {
      hints.push_back(fmt::format("there is no document `{}`", document_id));
    }
    return hints;
  }
  if (owner->passages.empty()) {
    hints.push_back(fmt::format("`{}` has no passages", document_id));
    return hints;
  }

  const corpus::Passage* parent = is_sentence_id(id) ? passage(passage_id_of(id)) : nullptr;
  std::vector<std::string> candidates;
  if (parent != nullptr) {
    for (const corpus::Sentence& sentence : parent->sentences) candidates.push_back(sentence.id);
  } else {
    for (const corpus::Passage& passage : owner->passages) {
      candidates.push_back(passage.id);
      if (is_sentence_id(id)) {
        for (const corpus::Sentence& sentence : passage.sentences) candidates.push_back(sentence.id);
      }
    }
  }
  order_by_number(candidates, id);
  const std::string suggestion = did_you_mean(id, candidates);
  if (!suggestion.empty()) hints.push_back(suggestion);
  if (parent != nullptr && !parent->sentences.empty()) {
    const std::string_view first = parent->sentences.front().id;
    const std::string_view last = parent->sentences.back().id;
    hints.push_back(fmt::format("`{}` has sentences {} to {}", parent->id, first.substr(first.rfind('.') + 1),
        last.substr(last.rfind('.') + 1)));
  } else {
    hints.push_back(fmt::format("`{}` has passages p{} to p{}", document_id, owner->passages.front().number,
        owner->passages.back().number));
  }
  return hints;
}

std::vector<std::string> CorpusLookup::unknown_document_hints(std::string_view id) const {
  std::vector<std::string> hints;
  const std::string suggestion = did_you_mean(id, m_document_ids);
  if (!suggestion.empty()) hints.push_back(suggestion);
  return hints;
}

std::optional<int> CorpusLookup::rank_of(const corpus::Document& document) const {
  for (const corpus::MarkingLevel& level : m_corpus.markings.levels) {
    if (level.id == document.meta.releasability) return level.rank;
  }
  return std::nullopt;
}

} // namespace brief::select
