// recommendations: statements that call for action, from any document. Items of lists introduced
// as recommendations, imperative list items and sentences with action cues ("should", "need to",
// "calls for") are candidates; near-duplicates across documents merge into one recommendation,
// shown in the words of one source with the other sources' own sentences beneath it; ranked by the number of documents that make it, then cue strength, then
// centrality among the candidates.

#include "analyze/cues.hpp"
#include "analyze/roles.hpp"
#include "analyze/sections.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <numeric>

namespace brief::analyze {

using namespace params;

namespace {


enum class Strength { weak = 1, sentence = 2, list = 3 };

struct Candidate {
  std::string text;
  SourceRef source;
  uint32_t document_index = 0;
  std::tuple<uint32_t, uint32_t, uint32_t> order;  // document, passage, byte offset
  Strength strength = Strength::weak;
  std::string rule;
  std::optional<PoolSentence> sentence;  // set for sentence candidates (lead-ins)
  const corpus::Passage* list_head = nullptr;  // first item of its list, for list items
  SentenceCheck check;
  double centrality = 0;
};

// What makes the items of one list recommendations, if anything.
struct ListVerdict {
  bool recommendations = false;
  std::string rule;
  const corpus::Passage* intro = nullptr;  // the passage whose cue made it one
};

ListVerdict judge_list(const corpus::Document& document, size_t first, size_t last) {
  ListVerdict verdict;
  if (first > 0) {
    const corpus::Passage& intro = document.passages[first - 1];
    CueMatch cue = find_list_cue(split_words(intro.text));
    if (cue.strength != CueStrength::none) {
      verdict.recommendations = true;
      verdict.intro = &intro;
      verdict.rule = fmt::format("item of a list introduced by '{}' ({})", cue.cue, intro.id);
      return verdict;
    }
  }
  const corpus::Passage& head = document.passages[first];
  if (!head.heading.empty() && find_list_cue(split_words(head.heading)).strength != CueStrength::none) {
    verdict.recommendations = true;
    verdict.rule = fmt::format("item of a list under the heading '{}'", head.heading);
    return verdict;
  }
  int imperative = 0;
  int items = 0;
  for (size_t p = first; p <= last; ++p) {
    const corpus::Passage& item = document.passages[p];
    std::vector<Word> words = split_words(item.text);
    ++items;
    size_t start = instruction_start(item.text, words);
    bool opens = (!words.empty() && is_imperative_verb(words[0].folded)) ||
        (start < words.size() && is_imperative_verb(words[start].folded));
    if (opens) ++imperative;
  }
  if (imperative >= k_min_imperative_items &&
      imperative >= k_min_imperative_share * static_cast<double>(items)) {
    verdict.recommendations = true;
    verdict.rule = fmt::format("item of an imperative list ({} of {} items open with a verb)",
        imperative, items);
  }
  return verdict;
}

std::vector<Candidate> find_candidates(const std::vector<const corpus::Passage*>& passages,
    const corpus::Corpus& corpus) {
  std::vector<Candidate> out;
  std::map<std::pair<const corpus::Document*, size_t>, ListVerdict> lists;  // by first item
  // The lead-in of a recommendation list is said again, item by item, by the list.
  std::set<const corpus::Passage*> intros;
  for (const corpus::Passage* passage : passages) {
    const corpus::Document* document = corpus.document_of(passage->id);
    if (document == nullptr || passage->kind != corpus::PassageKind::list_item) continue;
    size_t first = static_cast<size_t>(passage - document->passages.data());
    while (first > 0 && document->passages[first - 1].kind == corpus::PassageKind::list_item) --first;
    size_t last = first;
    while (last + 1 < document->passages.size() &&
        document->passages[last + 1].kind == corpus::PassageKind::list_item) {
      ++last;
    }
    auto key = std::make_pair(document, first);
    auto found = lists.find(key);
    if (found == lists.end()) found = lists.emplace(key, judge_list(*document, first, last)).first;
    if (found->second.intro != nullptr) intros.insert(found->second.intro);
  }
  for (const corpus::Passage* passage : passages) {
    if (passage->kind == corpus::PassageKind::heading || intros.contains(passage)) continue;
    if (is_caption_passage(*passage)) continue;
    const corpus::Document* document = corpus.document_of(passage->id);
    if (document == nullptr) continue;
    uint32_t document_index = static_cast<uint32_t>(document - corpus.documents.data());
    if (passage->kind == corpus::PassageKind::list_item) {
      size_t first = static_cast<size_t>(passage - document->passages.data());
      while (first > 0 && document->passages[first - 1].kind == corpus::PassageKind::list_item) --first;
      auto found = lists.find(std::make_pair(document, first));
      std::string rule = found->second.rule;
      if (!found->second.recommendations) {
        std::vector<Word> words = split_words(passage->text);
        size_t start = instruction_start(passage->text, words);
        if (!words.empty() && (is_imperative_verb(words[0].folded) ||
            (start < words.size() && is_imperative_verb(words[start].folded)))) {
          rule = "list item opening with a verb";
        }
      }
      if (!rule.empty()) {
        Candidate candidate;
        candidate.text = passage->text;
        candidate.source = passage_source(*document, *passage);
        candidate.document_index = document_index;
        candidate.order = {document_index, passage->number, passage->range.begin};
        candidate.strength = Strength::list;
        candidate.list_head = &document->passages[first];
        candidate.rule = std::move(rule);
        out.push_back(std::move(candidate));
        continue;
      }
    }
    for (const corpus::Sentence& sentence : passage->sentences) {
      SentenceCheck check = check_in_document(*document, *passage, sentence);
      if (!check.unfit.empty()) continue;
      SentenceRoles roles = roles_of(*document, *passage, sentence);
      if (roles.question || roles.procedural) continue;  // asked or housekeeping: nobody's call
      CueMatch cue = find_action_cue(split_words(sentence.text));
      if (cue.strength == CueStrength::none) continue;
      Candidate candidate;
      candidate.text = sentence.text;
      candidate.source = sentence_source(*document, *passage, sentence);
      candidate.document_index = document_index;
      candidate.order = {document_index, passage->number, sentence.range.begin};
      candidate.strength = cue.strength == CueStrength::strong ? Strength::sentence : Strength::weak;
      candidate.rule = fmt::format("{} cue '{}'",
          cue.strength == CueStrength::strong ? "strong" : "weak", cue.cue);
      candidate.sentence = PoolSentence{document, passage, &sentence, document_index, 0};
      candidate.check = check;
      out.push_back(std::move(candidate));
    }
  }
  return out;
}

} // namespace

std::set<std::string> calls_for_action(const corpus::Corpus& corpus) {
  std::vector<const corpus::Passage*> passages;
  for (const auto& document : corpus.documents)
    for (const auto& passage : document.passages) passages.push_back(&passage);
  std::set<std::string> ids;
  for (const Candidate& candidate : find_candidates(passages, corpus)) {
    if (candidate.strength == Strength::weak) continue;
    if (!candidate.source.sentence_id.empty()) {
      ids.insert(candidate.source.sentence_id);
    } else if (const auto* passage = corpus.find_passage(candidate.source.passage_id)) {
      for (const auto& sentence : passage->sentences) ids.insert(sentence.id);
    }
  }
  return ids;
}

DigestSection build_recommendations(const briefing::Section& section,
    const select::SectionSelection& picks, AnalyzeContext& context) {
  DigestSection out;
  out.kind = section.kind;
  out.role = ClaimRole::recommendation;
  int limit = section.limit.value_or(k_recommendations_limit);
  std::vector<Candidate> candidates =
      find_candidates(pool_passages(picks.picks, context.corpus), context.corpus);
  // Nothing twice: what an earlier section shows is not a recommendation again.
  if (!section.repeat) {
    std::erase_if(candidates, [&](const Candidate& candidate) {
      if (!any_shown(candidate.source, context.corpus, context.shown)) return false;
      out.trace.push_back(fmt::format("{}: already shown by an earlier section", candidate.source.id()));
      return true;
    });
  }
  out.trace.push_back(fmt::format("{} candidates in {} picked passages", candidates.size(),
      picks.picks.size()));
  if (candidates.empty()) return out;

  std::vector<std::vector<std::string>> term_lists;
  for (const Candidate& c : candidates) term_lists.push_back(context.terms.terms(c.text));
  SentenceSpace space(term_lists, &context.background);

  // Optional focus: keep candidates that share terms with the query.
  std::vector<bool> keep(candidates.size(), true);
  if (!section.selector.query.empty()) {
    TermVector query = space.project(context.terms.terms(section.selector.query));
    for (size_t i = 0; i < candidates.size(); ++i) {
      double s = cosine(query, space.vector(i));
      if (s <= 0) {
        keep[i] = false;
        out.trace.push_back(fmt::format("{}: dropped, no term of the query", candidates[i].source.id()));
      }
    }
  }
  std::vector<double> rank = centrality(space, {}, context.params);
  for (size_t i = 0; i < candidates.size(); ++i) {
    candidates[i].centrality = rank[i] * static_cast<double>(candidates.size());
  }

  // Greedy clustering, strongest and most central candidates first.
  std::vector<size_t> order;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (keep[i]) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Candidate& x = candidates[a];
    const Candidate& y = candidates[b];
    if (x.strength != y.strength) return x.strength > y.strength;
    if (x.centrality != y.centrality) return x.centrality > y.centrality;
    return x.order < y.order;
  });
  struct Cluster {
    std::vector<size_t> members;  // first = representative
    std::vector<double> joined_at;
    std::set<uint32_t> documents;
    double centrality = 0;
  };
  std::vector<Cluster> clusters;
  for (size_t i : order) {
    size_t best = clusters.size();
    double best_similarity = 0;
    for (size_t c = 0; c < clusters.size(); ++c) {
      bool same_list = std::any_of(clusters[c].members.begin(), clusters[c].members.end(), [&](size_t m) {
        return candidates[i].list_head != nullptr && candidates[m].list_head == candidates[i].list_head;
      });
      if (same_list) continue;
      for (size_t m : clusters[c].members) {
        double s = space.similarity(i, m);
        if (s >= k_recommendation_merge_threshold && s > best_similarity) {
          best = c;
          best_similarity = s;
        }
      }
    }
    if (best == clusters.size()) {
      clusters.push_back({});
      best_similarity = 1;
    }
    Cluster& cluster = clusters[best];
    cluster.members.push_back(i);
    cluster.joined_at.push_back(best_similarity);
    cluster.documents.insert(candidates[i].document_index);
    cluster.centrality = std::max(cluster.centrality, candidates[i].centrality);
  }
  std::stable_sort(clusters.begin(), clusters.end(), [&](const Cluster& a, const Cluster& b) {
    if (a.documents.size() != b.documents.size()) return a.documents.size() > b.documents.size();
    const Candidate& x = candidates[a.members.front()];
    const Candidate& y = candidates[b.members.front()];
    if (x.strength != y.strength) return x.strength > y.strength;
    if (a.centrality != b.centrality) return a.centrality > b.centrality;
    return x.order < y.order;
  });
  if (static_cast<int>(clusters.size()) > limit) {
    for (size_t c = static_cast<size_t>(limit); c < clusters.size(); ++c) {
      out.trace.push_back(fmt::format("not shown (over the limit of {}): {} ({})", limit,
          candidates[clusters[c].members.front()].source.id(), candidates[clusters[c].members.front()].rule));
    }
    clusters.resize(static_cast<size_t>(limit));
  }

  std::set<std::string> shown;
  for (const Cluster& cluster : clusters) shown.insert(candidates[cluster.members.front()].source.id());
  for (const Cluster& cluster : clusters) {
    const Candidate& head = candidates[cluster.members.front()];
    Claim claim(head.text, head.source);
    claim.score = static_cast<double>(cluster.documents.size()) + cluster.centrality / 100;
    std::string line = fmt::format("{}: {} document(s); {}; centrality {:.3f}", head.source.id(),
        cluster.documents.size(), head.rule, head.centrality);
    // The other documents' own words go beneath, each cited to its writer (one per document);
    // restatements within the head's own document add nothing a reader needs.
    std::set<uint32_t> documents{head.document_index};
    for (size_t k = 1; k < cluster.members.size(); ++k) {
      const Candidate& member = candidates[cluster.members[k]];
      line += fmt::format("; merged {} (cosine {:.2f}, {})", member.source.id(), cluster.joined_at[k],
          member.rule);
      if (member.text == head.text) {
        claim.add_source(member.source);  // the same words: a citation of this very text
      } else if (documents.insert(member.document_index).second) {
        claim.corroboration.push_back({member.text, member.source});
      }
    }
    out.trace.push_back(std::move(line));
    if (head.sentence) {
      std::set<std::string> before = shown;
      before.insert(context.shown.begin(), context.shown.end());
      std::string note = attach_lead_in(claim, *head.sentence, head.check, before);
      if (!note.empty()) out.trace.push_back(std::move(note));
    }
    out.claims.push_back(std::move(claim));
  }
  return out;
}

} // namespace brief::analyze
