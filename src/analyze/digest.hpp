#pragma once
// analyze: Selection + Corpus -> Digest.
//
// Turns each section's picks into claims: whole passages (passages, quotes), extractive summaries
// (graph centrality over stemmed, IDF-weighted sentence similarity with redundancy removal), key
// judgments, merged recommendations and key figures. Everything is extractive: a Claim's text is a
// passage or sentence of the corpus, verbatim, and a Claim cannot be built without a source.

#include "corpus/corpus.hpp"
#include "select/selection.hpp"
#include "briefing/spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace brief::analyze {

// Where a statement comes from: a passage, or one sentence of it.
struct SourceRef {
  std::string document_id;
  std::string passage_id;   // "doc#p7"
  std::string sentence_id;  // "doc#p7.s2", or "" when the whole passage is cited
  corpus::ByteRange range;  // in the document's text

  // The most precise id: the sentence id if any, else the passage id.
  const std::string& id() const { return sentence_id.empty() ? passage_id : sentence_id; }
};

// A statement shown in a brief together with every source that supports it.
// Invariant: sources() is never empty (the constructor demands a first source).
class Claim {
public:
  Claim(std::string text, SourceRef first_source) : m_text(std::move(text)) {
    m_sources.push_back(std::move(first_source));
  }
  // Adds a source whose text contains this claim's text verbatim (the caller checks); ignores a
  // source already present.
  void add_source(SourceRef source);

  const std::string& text() const { return m_text; }
  const std::vector<SourceRef>& sources() const { return m_sources; }

  // Text the claim needs before it to make sense (the previous sentence, when this one starts
  // with "He said" or "These ..."), shown with it; empty if none.
  std::string lead_in;
  std::vector<SourceRef> lead_in_sources;
  // Sentences of other sources that say the same thing in their own words: each is shown (or
  // counted) with its own source, never as another citation of this claim's text.
  struct Corroboration {
    std::string text;
    SourceRef source;
  };
  std::vector<Corroboration> corroboration;
  // The kind of the earlier section that already shows this claim's sentence, if any: an output
  // that includes that kind shows only what the claim adds (a figure's value and label), not the
  // sentence; an output that leaves that kind out shows the sentence here.
  std::optional<briefing::SectionKind> shown_before;
  double score = 0;  // centrality or support, for ordering and `brief explain`

private:
  std::string m_text;
  std::vector<SourceRef> m_sources;
};

enum class ClaimRole { passage, quote, summary, judgment, recommendation };

struct Figure {
  std::string value;  // "5,000-6,000", "September 2026"
  std::string label;  // what it counts: "ISIS operatives active in Iraq"
  Claim claim;        // the sentence it comes from
};

struct DigestSection {
  size_t section = 0;  // index into BriefSpec::sections
  briefing::SectionKind kind = briefing::SectionKind::passages;
  ClaimRole role = ClaimRole::passage;
  std::vector<Claim> claims;
  std::vector<Figure> figures;     // key_figures sections
  std::vector<std::string> trace;  // why each item was chosen, for `brief explain`
};

struct Digest {
  std::vector<DigestSection> sections;  // one per spec section, same order
};

Digest run(const briefing::BriefSpec& spec, const select::Selection& selection,
    const corpus::Corpus& corpus);

} // namespace brief::analyze
