// Fuzz target: search queries (the query parser and Index::search) on a small in-memory corpus
// with aliases. A query is either rejected with a diagnostic or gives ranked, bounded hits; user
// text must never reach FTS5 as syntax.
#include "fuzz_support.hpp"

#include "corpus/corpus.hpp"
#include "index/index.hpp"

#include <algorithm>

using namespace brief;

namespace {

corpus::Corpus small_corpus() {
  corpus::Corpus corpus;
  corpus.root = "/nonexistent/fuzz-corpus";
  corpus.markings = corpus::default_marking_table();
  corpus.aliases.push_back({"ISIS", {"ISIS", "ISIL", "Da'esh", "Daesh", "Islamic State", "IS"}, {"IS"}});
  corpus.aliases.push_back({"PMF", {"PMF", "Popular Mobilization Forces", "Hashd"}, {}});
  const char* documents[] = {
      ("---\nid: alpha\ntitle: Alpha\ntype: news report\npublished: 2020-10-15\nreleasability: public\n---\n"
      "# Sleeper cells\n\nISIS sleeper cells operate in Kirkuk and Diyala. The Islamic State "
      "retains a capacity for attacks.\n\n- Checkpoints are sparse.\n- Da'esh finances itself through extortion.\n"),
      ("---\nid: beta\ntitle: Beta\ntype: government statement\npublished: 2018\nreleasability: official-use\n---\n"
      "Cooperation between the Popular Mobilization Forces and federal police improved in 2018. "
      "Co-operation with the coalition (al-Sudani) continued.\n\nNOT a drill: \"quoted text\" and “curly quotes”.\n"),
      ("---\nid: gamma\ntitle: Gamma\ntype: academic paper\npublished: 2024-01\nreleasability: public\n---\n"
      "Transition of the coalition mission; Arabic names such as الدولة الإسلامية appear in sources.\n"),
  };
  for (const char* text : documents) {
    auto document = corpus::parse_document(fuzz::source_file("corpus/doc.md", text), corpus.markings);
    if (!document.ok()) fuzz::fail_with("a seed corpus document does not parse", document.diagnostics());
    corpus.documents.push_back(std::move(*document));
  }
  std::sort(corpus.documents.begin(), corpus.documents.end(),
      [](const corpus::Document& a, const corpus::Document& b) { return a.meta.id < b.meta.id; });
  return corpus;
}

const index::Index& shared_index() {
  static const corpus::Corpus corpus = small_corpus();
  static const index::Index index = [] {
    auto opened = index::Index::open_in_memory(corpus);
    if (!opened.ok()) fuzz::fail_with("the in-memory index does not open", opened.diagnostics());
    return std::move(*opened);
  }();
  return index;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const index::Index& index = shared_index();
  // The first byte chooses the unit, limit and filters; the rest is the query (as a spec holds it).
  const uint8_t options = data[0];
  const std::string text = fuzz::valid_utf8(fuzz::as_text(data + 1, size - 1));
  const auto file = fuzz::source_file("fuzz.yaml", text);
  index::Query query;
  query.text = text;
  query.span = Span{file, 0, static_cast<uint32_t>(text.size())};
  query.unit = (options & 1) ? index::Unit::sentence : index::Unit::passage;
  query.limit = (options & 2) ? SIZE_MAX : 1 + (options >> 4);
  if (options & 4) query.documents = {"alpha", "gamma"};
  if (options & 8) {
    query.published_from = "2019";
    query.published_to = "2024-12-31";
    query.max_rank = 0;
  }
  const auto hits = index.search(query);
  fuzz::check_diagnostics(hits.diagnostics());
  if (!hits.ok()) return 0;
  fuzz::require(hits->size() <= query.limit, "more hits than the limit");
  for (size_t i = 1; i < hits->size(); ++i)
    fuzz::require((*hits)[i - 1].score >= (*hits)[i].score, "hits are not ranked by score");
  return 0;
}
