#include "select/selection.hpp"

#include "index/dates.hpp"
#include "select/lookup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <span>

namespace brief::select {
namespace {

// Passages a `passages` section shows when the spec gives no limit.
constexpr int k_default_limit = 5;

// Query hits are fetched in batches, best first, because some are passed over (headings,
// material above the clearance, passages shown before): the first batch holds twice the limit
// and at least this many hits, each further one four times as many. Only the cost depends on it,
// never which hits are taken.
constexpr size_t k_min_hit_batch = 32;

constexpr size_t k_every_hit = std::numeric_limits<size_t>::max();

std::string section_label(const briefing::Section& section, size_t position) {
  return section.title.empty() ? fmt::format("section {}", position + 1) : fmt::format("section '{}'", section.title);
}

bool has_document_filter(const briefing::Selector& selector) {
  return !selector.documents.empty() || !selector.types.empty() || !selector.from.empty() || !selector.to.empty();
}

class Selector {
public:
  Selector(const briefing::BriefSpec& spec, const index::Index& index, const corpus::Corpus& corpus, const Options& options)
      : m_spec(spec), m_index(index), m_corpus(corpus), m_options(options), m_lookup(corpus) {}

  Outcome<Selection> run() {
    Selection selection;
    for (size_t i = 0; i < m_spec.sections.size(); ++i) selection.sections.push_back(select_section(i));
    return {std::move(selection), std::move(m_diagnostics)};
  }

private:
  // One section being selected.
  struct Work {
    const briefing::Section& section;
    std::string label;
    SectionSelection result;
    std::set<std::string, std::less<>> picked;
    bool dedup = false;
    size_t errors_before = 0;
  };

  SectionSelection select_section(size_t position) {
    const briefing::Section& section = m_spec.sections[position];
    Work work{section, section_label(section, position), {}, {}, false, m_diagnostics.error_count()};
    work.result.section = position;
    const bool shows = section.kind == briefing::SectionKind::passages || section.kind == briefing::SectionKind::quotes;
    work.dedup = shows && !section.repeat;

    if (section.kind != briefing::SectionKind::bibliography) {
      if (!check_selector(work)) {
        // Still report every bad explicit id in the same run.
        add_explicit_ids(work);
      } else if (section.kind == briefing::SectionKind::passages) {
        select_passages(work);
      } else if (section.kind == briefing::SectionKind::quotes) {
        select_quotes(work);
      } else {
        select_pool(work);
      }
    }

    if (shows) {
      // The first section to show a passage keeps it; later ones (even with repeat) do not
      // change where it was first shown.
      for (const Pick& pick : work.result.picks) m_placed.emplace(pick.id, work.label);
    }
    return std::move(work.result);
  }

  // Checks the selector's documents and dates; false if the section cannot be selected.
  bool check_selector(Work& work) {
    const briefing::Selector& selector = work.section.selector;
    bool good = true;
    for (size_t i = 0; i < selector.documents.size(); ++i) {
      const std::string& id = selector.documents[i];
      if (m_lookup.document(id) != nullptr) continue;
      const Span span = i < selector.document_spans.size() ? selector.document_spans[i] : work.section.span;
      m_diagnostics.error(span, fmt::format("unknown document `{}`", id), m_lookup.unknown_document_hints(id));
      good = false;
    }
    for (const std::string* date : {&selector.from, &selector.to}) {
      if (date->empty() || index::parse_date_bound(*date, index::Bound::lower)) continue;
      m_diagnostics.error(work.section.span, fmt::format("invalid date `{}`", *date),
          {"write dates as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2020-10"});
      good = false;
    }
    return good;
  }

  std::string clearance_name() const {
    return m_options.clearance.empty() ? fmt::format("rank {}", *m_options.max_rank) : m_options.clearance;
  }

  // Why `document` may not be shown to this audience, or "" if it may.
  std::string clearance_problem(const corpus::Document& document) const {
    if (!m_options.max_rank) return {};
    const std::optional<int> rank = m_lookup.rank_of(document);
    if (!rank) {
      return fmt::format("its level `{}` is not in the marking table, so it cannot be cleared for {}",
          document.meta.releasability, clearance_name());
    }
    if (*rank <= *m_options.max_rank) return {};
    return fmt::format("{} is above the audience's clearance {}", document.meta.releasability, clearance_name());
  }

  // The section that already showed `id` (or the passage of a sentence id), if any.
  const std::string* shown_in(std::string_view id) const {
    auto it = m_placed.find(id);
    if (it == m_placed.end()) it = m_placed.find(CorpusLookup::passage_id_of(id));
    return it == m_placed.end() ? nullptr : &it->second;
  }

  // Adds a candidate unless it was picked already, is above the clearance (a note) or was shown
  // by an earlier section (a note). True if added.
  bool offer(Work& work, const std::string& id, double score, const char* rule) {
    if (work.picked.count(id) != 0) return false;
    const corpus::Document* document = m_lookup.document_of(id);
    if (document == nullptr) return false;
    if (const std::string problem = clearance_problem(*document); !problem.empty()) {
      work.result.notes.push_back(fmt::format("dropped {}: {}", id, problem));
      return false;
    }
    if (work.dedup) {
      if (const std::string* where = shown_in(id)) {
        work.result.notes.push_back(fmt::format("skipped {}: already shown in {}", id, *where));
        return false;
      }
    }
    work.picked.insert(id);
    work.result.picks.push_back({id, score, rule});
    return true;
  }

  void add_explicit_ids(Work& work) {
    for (const briefing::PassageRef& ref : work.section.selector.ids) {
      const bool sentence = CorpusLookup::is_sentence_id(ref.id);
      const char* what = sentence ? "sentence" : "passage";
      const bool exists = sentence ? m_lookup.sentence(ref.id) != nullptr : m_lookup.passage(ref.id) != nullptr;
      if (!exists) {
        m_diagnostics.error(ref.span, fmt::format("unknown {} `{}`", what, ref.id), m_lookup.unknown_id_hints(ref.id));
        continue;
      }
      const corpus::Document& document = *m_lookup.document_of(ref.id);
      if (!clearance_problem(document).empty()) {
        const bool unlisted = !m_lookup.rank_of(document);
        m_diagnostics.error(ref.span,
            unlisted ? fmt::format("{} `{}` has level `{}`, which is not in the marking table", what, ref.id,
                           document.meta.releasability)
                     : fmt::format("{} `{}` is {}, above the audience's clearance {}", what, ref.id,
                           document.meta.releasability, clearance_name()),
            {fmt::format("remove it from this section, or build this output for an audience cleared for {}",
                document.meta.releasability)});
        continue;
      }
      offer(work, ref.id, 0, "id");
    }
  }

  // The best `limit` hits for the selector's query (k_every_hit: all of them), best first, without
  // snippets; nullptr after an error. Hits are in one total order (score, then natural id order), so
  // the best `limit` are the first `limit` of any longer list: a search this run made already with
  // at least `limit` hits (another section with the same query, or this one's smaller batch) is
  // answered from memory instead of evaluating the query over the corpus again.
  std::shared_ptr<const std::vector<index::Hit>> search(Work& work, index::Unit unit, size_t limit) {
    const briefing::Selector& selector = work.section.selector;
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", unit == index::Unit::passage ? 'p' : 's',
        selector.query, selector.from, selector.to, selector.documents.size());
    for (const std::string& id : selector.documents) key += "\x1f" + id;
    key += "\x1e";
    for (const std::string& type : selector.types) key += "\x1f" + type;
    if (const auto found = m_searches.find(key); found != m_searches.end()) {
      const Searched& searched = found->second;
      // A list shorter than its limit holds every hit.
      if (searched.limit >= limit || searched.hits->size() < searched.limit) return searched.hits;
    }
    index::Query query;
    query.text = selector.query;
    query.span = selector.query_span;
    query.unit = unit;
    query.documents = selector.documents;
    query.types = selector.types;
    query.published_from = selector.from;
    query.published_to = selector.to;
    // Clearance is applied here, not in the index, so that what is dropped can be recorded.
    query.limit = limit;
    query.snippets = false;
    Outcome<std::vector<index::Hit>> hits = m_index.search(query);
    m_diagnostics.append(std::move(hits.diagnostics()));
    if (!hits.ok()) return nullptr;
    if (hits->empty()) {
      const char* units = unit == index::Unit::passage ? "passages" : "sentences";
      std::vector<std::string> hints{"loosen the query: fewer terms, or OR between alternatives"};
      if (has_document_filter(selector)) hints.push_back("check the documents, types and dates the section is limited to");
      m_diagnostics.error(selector.query_span, fmt::format("query `{}` matched no {}", selector.query, units), hints);
      return nullptr;
    }
    auto shared = std::make_shared<const std::vector<index::Hit>>(std::move(hits.value()));
    m_searches[std::move(key)] = Searched{limit, shared};
    return shared;
  }

  // Offers the query's hits, best first, until `limit` were taken (k_every_hit: every hit), passing
  // over those `skip` rejects. False after an error.
  template <typename Skip>
  bool offer_hits(Work& work, index::Unit unit, size_t limit, Skip skip) {
    size_t taken = 0;
    size_t offered = 0;
    size_t batch = limit == k_every_hit ? k_every_hit : std::max(limit * 2, k_min_hit_batch);
    for (;;) {
      const std::shared_ptr<const std::vector<index::Hit>> found = search(work, unit, batch);
      if (!found) return false;
      // A remembered list may hold more than this batch: offer only the batch, as a fresh search would.
      const std::span<const index::Hit> hits(found->data(), std::min(found->size(), batch));
      for (; offered < hits.size() && taken < limit; ++offered) {
        const index::Hit& hit = hits[offered];
        if (skip(hit.id)) continue;
        if (offer(work, hit.id, hit.score, "query")) ++taken;
      }
      if (taken >= limit || hits.size() < batch) return true;
      batch = batch > k_every_hit / 4 ? k_every_hit : batch * 4;
    }
  }

  bool is_heading(std::string_view id) const {
    const corpus::Passage* passage = m_lookup.passage(id);
    return passage != nullptr && passage->kind == corpus::PassageKind::heading;
  }

  // Documents passing the selector's document, type and date restrictions, in corpus order.
  std::vector<const corpus::Document*> matching_documents(const briefing::Selector& selector) const {
    const std::optional<std::string> from = index::parse_date_bound(selector.from, index::Bound::lower);
    const std::optional<std::string> to = index::parse_date_bound(selector.to, index::Bound::upper);
    std::vector<const corpus::Document*> documents;
    for (const corpus::Document& document : m_corpus.documents) {
      const corpus::DocumentMeta& meta = document.meta;
      if (!selector.documents.empty() &&
          std::find(selector.documents.begin(), selector.documents.end(), meta.id) == selector.documents.end()) {
        continue;
      }
      if (!selector.types.empty() &&
          std::find(selector.types.begin(), selector.types.end(), meta.type) == selector.types.end()) {
        continue;
      }
      const std::string published = meta.published.earliest();
      if ((from || to) && published.empty()) continue;
      if ((from && published < *from) || (to && published > *to)) continue;
      documents.push_back(&document);
    }
    return documents;
  }

  // Every passage of the matching documents in order; a document above the clearance is one note.
  void add_documents(Work& work, bool include_headings, const char* rule, size_t limit) {
    size_t taken = 0;
    for (const corpus::Document* document : matching_documents(work.section.selector)) {
      if (const std::string problem = clearance_problem(*document); !problem.empty()) {
        work.result.notes.push_back(fmt::format("dropped {}: {}", document->meta.id, problem));
        continue;
      }
      for (const corpus::Passage& passage : document->passages) {
        if (taken >= limit) return;
        if (!include_headings && passage.kind == corpus::PassageKind::heading) continue;
        if (offer(work, passage.id, 0, rule)) ++taken;
      }
    }
  }

  void sort_if_source_order(Work& work, size_t from) {
    if (work.section.order != briefing::Order::source) return;
    std::stable_sort(work.result.picks.begin() + static_cast<std::ptrdiff_t>(from), work.result.picks.end(),
        [](const Pick& a, const Pick& b) { return index::natural_less(a.id, b.id); });
  }

  void warn_if_empty(Work& work, const char* what) {
    if (!work.result.picks.empty() || m_diagnostics.error_count() > work.errors_before) return;
    m_diagnostics.warning(work.section.span, fmt::format("{} has no {} left", work.label, what),
        {"everything it selects was already shown or is above the clearance; set `repeat: true` or widen the selector"});
  }

  void select_passages(Work& work) {
    const briefing::Selector& selector = work.section.selector;
    if (selector.query.empty() && selector.ids.empty() && !has_document_filter(selector)) {
      m_diagnostics.error(work.section.kind_span, fmt::format("{} selects no passages", work.label),
          {"give it a `query`, `documents` or `ids`"});
      return;
    }
    add_explicit_ids(work);
    const size_t first_selected = work.result.picks.size();
    const int limit = work.section.limit.value_or(k_default_limit);
    if (!selector.query.empty()) {
      // A heading alone says nothing; its section's paragraphs are what a query is after.
      const auto heading = [&](std::string_view id) { return is_heading(id); };
      if (!offer_hits(work, index::Unit::passage, static_cast<size_t>(std::max(0, limit)), heading)) return;
    } else if (has_document_filter(selector)) {
      const size_t cap = work.section.limit ? static_cast<size_t>(std::max(0, *work.section.limit))
                                            : std::numeric_limits<size_t>::max();
      add_documents(work, true, "document", cap);
    }
    sort_if_source_order(work, first_selected);
    warn_if_empty(work, "passages");
  }

  void select_quotes(Work& work) {
    const briefing::Selector& selector = work.section.selector;
    if (selector.ids.empty() && selector.query.empty()) {
      m_diagnostics.error(work.section.kind_span, fmt::format("{} has nothing to quote", work.label),
          {"list passage or sentence ids under `ids`, or give a `query`"});
      return;
    }
    add_explicit_ids(work);
    if (selector.ids.empty()) {
      const int limit = work.section.limit.value_or(k_default_limit);
      const auto in_heading = [&](std::string_view id) { return is_heading(CorpusLookup::passage_id_of(id)); };
      if (!offer_hits(work, index::Unit::sentence, static_cast<size_t>(std::max(0, limit)), in_heading)) return;
      sort_if_source_order(work, 0);
    }
    warn_if_empty(work, "quotes");
  }

  // The candidates an analyzer section draws on: no limit (the analyzer applies it), no
  // headings, no deduplication against earlier sections.
  void select_pool(Work& work) {
    const briefing::Selector& selector = work.section.selector;
    add_explicit_ids(work);
    const size_t first_selected = work.result.picks.size();
    if (!selector.query.empty()) {
      const auto heading = [&](std::string_view id) { return is_heading(id); };
      if (!offer_hits(work, index::Unit::passage, k_every_hit, heading)) return;
    } else if (has_document_filter(selector)) {
      add_documents(work, false, "document", std::numeric_limits<size_t>::max());
    } else if (selector.ids.empty()) {
      add_documents(work, false, "corpus", std::numeric_limits<size_t>::max());
    }
    sort_if_source_order(work, first_selected);
    warn_if_empty(work, "passages");
  }

  const briefing::BriefSpec& m_spec;
  const index::Index& m_index;
  const corpus::Corpus& m_corpus;
  const Options& m_options;
  CorpusLookup m_lookup;
  Diagnostics m_diagnostics;
  std::map<std::string, std::string, std::less<>> m_placed;  // shown id -> label of its section
  // Searches made in this run, by query and filters: the longest list fetched and its limit.
  struct Searched {
    size_t limit = 0;
    std::shared_ptr<const std::vector<index::Hit>> hits;
  };
  std::map<std::string, Searched, std::less<>> m_searches;
};

} // namespace

Outcome<Selection> run(const briefing::BriefSpec& spec, const index::Index& index, const corpus::Corpus& corpus,
    const Options& options) {
  return Selector(spec, index, corpus, options).run();
}

} // namespace brief::select
