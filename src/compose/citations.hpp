#pragma once
// Numbering of sources in order of first use, and the marks that point at them.

#include "analyze/digest.hpp"
#include "corpus/corpus.hpp"
#include "model/document.hpp"
#include "theme/theme.hpp"

#include <map>
#include <string>
#include <vector>

namespace brief::compose {

// "Khalid al-Taie, Diyaruna" style originator: authors if any, then the publisher.
std::string originator(const corpus::DocumentMeta& meta);

// "ITIC 2020", "Shafaq News 2024", "Karim and Saeed 2023": the publisher (its acronym when it gives
// one in parentheses, else up to the first comma) or the authors' surnames, then the year.
std::string short_form(const corpus::DocumentMeta& meta);

// The name part of the short form: the publisher's acronym or name, else the authors' surnames,
// else the title ("ITIC", "Karim and Saeed").
std::string short_originator(const corpus::DocumentMeta& meta);

// Sources that would share one short form ("The White House 2024" four times) get the month when
// that tells them apart ("The White House Mar 2024"), else the first words of their titles.
void distinguish_short_forms(std::vector<model::Citation>& citations, const corpus::Corpus& corpus);

// Assigns each cited document a number the first time it is cited, and remembers which passage
// and sentence ids of it were cited (for the bibliography).
class CitationRegistry {
public:
  CitationRegistry(const corpus::Corpus& corpus, const theme::Theme& theme);

  // The marks for `sources` (one per distinct document, in order of first mention), to append
  // after the text they support.
  model::Inlines marks(const std::vector<analyze::SourceRef>& sources);

  // The citations, with short forms that tell every source apart (distinguish_short_forms).
  std::vector<model::Citation> take_citations() {
    distinguish_short_forms(m_citations, m_corpus);
    return std::move(m_citations);
  }
  const std::vector<model::Citation>& citations() const { return m_citations; }
  // Documents in citation order.
  std::vector<const corpus::Document*> documents() const;

private:
  int number_for(const analyze::SourceRef& source);

  const corpus::Corpus& m_corpus;
  const theme::Theme& m_theme;
  std::map<std::string, int> m_index_of_document;  // document id -> index in m_citations
  std::vector<model::Citation> m_citations;
};

} // namespace brief::compose
