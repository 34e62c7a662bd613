#include "analyze/digest.hpp"

#include "analyze/roles.hpp"
#include "analyze/sections.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::analyze {

void Claim::add_source(SourceRef source) {
  bool present = std::any_of(m_sources.begin(), m_sources.end(), [&](const SourceRef& s) {
    return s.passage_id == source.passage_id && s.sentence_id == source.sentence_id;
  });
  if (!present) m_sources.push_back(std::move(source));
}

AnalyzeContext::AnalyzeContext(const corpus::Corpus& source, bool statistics) : corpus(source) {
  params.source_diversity = params::k_source_diversity;
  if (!statistics) return;
  background = corpus_statistics(corpus, terms);
  actions = calls_for_action(corpus);
}

namespace {

// Records every sentence a section shows: each claim's sentence (a whole passage shows all of
// its sentences), its lead-in and the corroborating sentences shown beneath it.
void mark_shown(const DigestSection& section, const corpus::Corpus& corpus, AnalyzeContext& context) {
  auto mark = [&](const SourceRef& source) {
    for (const std::string& id : sentence_ids(source, corpus)) {
      context.shown.insert(id);
      context.shown_by.emplace(id, section.kind);
    }
  };
  auto mark_claim = [&](const Claim& claim) {
    if (claim.sources().empty()) return;
    mark(claim.sources().front());
    for (const SourceRef& source : claim.lead_in_sources) mark(source);
    for (const Claim::Corroboration& other : claim.corroboration) mark(other.source);
  };
  for (const Claim& claim : section.claims) mark_claim(claim);
  for (const Figure& figure : section.figures) mark_claim(figure.claim);
}

} // namespace

SentenceCheck check_in_document(const corpus::Document& document, const corpus::Passage& passage,
    const corpus::Sentence& sentence) {
  SentenceCheck check = check_sentence(sentence.text);
  if (!check.unfit.empty() || !check.lead_in.empty()) return check;
  const size_t begin = std::min<size_t>(sentence.range.begin, document.text.size());
  std::optional<BareSurname> name = bare_surname(sentence.text, std::string_view(document.text).substr(0, begin));
  if (!name) return check;
  std::optional<Previous> previous = previous_sentence(document, passage, sentence);
  if (previous && previous->sentence->range.begin <= name->at) {
    // The sentence naming them must stand alone itself ("On the other hand, Adviser X ..." does not).
    SentenceCheck named = check_sentence(previous->sentence->text);
    if (!named.unfit.empty() || !named.lead_in.empty()) {
      check.unfit = "names '" + name->surname + "' by surname alone, and the sentence naming them in full " +
          (named.unfit.empty() ? named.lead_in : named.unfit);
      return check;
    }
    check.lead_in = "names '" + name->surname + "' by surname alone";
  } else {
    check.unfit = "names '" + name->surname + "' by surname alone, and the full name is further back";
  }
  return check;
}

std::vector<std::string> sentence_ids(const SourceRef& source, const corpus::Corpus& corpus) {
  if (!source.sentence_id.empty()) return {source.sentence_id};
  std::vector<std::string> ids;
  if (const auto* passage = corpus.find_passage(source.passage_id)) {
    for (const auto& sentence : passage->sentences) ids.push_back(sentence.id);
  }
  return ids;
}

bool any_shown(const SourceRef& source, const corpus::Corpus& corpus, const std::set<std::string>& shown) {
  for (const std::string& id : sentence_ids(source, corpus)) {
    if (shown.contains(id)) return true;
  }
  return false;
}

std::vector<SummaryInput> summary_inputs(const std::vector<PoolSentence>& pool,
    const std::set<std::string>& shown, const std::set<std::string>& actions) {
  std::vector<SummaryInput> inputs;
  inputs.reserve(pool.size());
  for (const PoolSentence& item : pool) {
    SummaryInput input;
    input.text = item.sentence->text;
    input.id = item.sentence->id;
    input.group = item.document_index;
    input.position = item.position;
    input.heading = item.passage->kind == corpus::PassageKind::heading;
    // A sentence that leans on the one before is usable only if that one can be shown with it.
    SentenceCheck check = check_in_document(*item.document, *item.passage, *item.sentence);
    if (!check.unfit.empty()) input.excluded = check.unfit;
    input.lead_in = check.lead_in;
    if (is_caption_passage(*item.passage)) input.excluded = "photo caption";
    SentenceRoles roles = roles_of(*item.document, *item.passage, *item.sentence);
    if (roles.question || roles.procedural) input.excluded = roles.why;
    if (shown.contains(item.sentence->id)) input.excluded = "already shown by an earlier section";
    if (actions.contains(item.sentence->id)) input.excluded = "a call for action (recommendations)";
    if (!input.heading && check.unfit.empty() && input.excluded.empty() && !check.lead_in.empty()) {
      std::optional<Previous> previous = previous_sentence(*item.document, *item.passage, *item.sentence);
      SentenceCheck before = previous ? check_in_document(*item.document, *previous->passage, *previous->sentence) : SentenceCheck{};
      if (!previous || !before.unfit.empty() || !before.lead_in.empty()) {
        input.excluded = check.lead_in + ", and no sentence before it can introduce it";
      } else if (shown.contains(previous->sentence->id)) {
        input.excluded = check.lead_in + ", and the sentence before it is already shown elsewhere";
      }
    }
    inputs.push_back(std::move(input));
  }
  return inputs;
}

std::string attach_lead_in(Claim& claim, const PoolSentence& item, const SentenceCheck& check,
    const std::set<std::string>& chosen) {
  if (check.lead_in.empty()) return "";
  std::optional<Previous> previous = previous_sentence(*item.document, *item.passage, *item.sentence);
  if (!previous) return fmt::format("{}: {}, but nothing comes before it", item.sentence->id, check.lead_in);
  if (chosen.contains(previous->sentence->id)) {
    return fmt::format("{}: {}; {} is already shown", item.sentence->id, check.lead_in,
        previous->sentence->id);
  }
  claim.lead_in = previous->sentence->text;
  claim.lead_in_sources.push_back(previous->source);
  return fmt::format("{}: {}; lead-in {}", item.sentence->id, check.lead_in, previous->sentence->id);
}

DigestSection build_passages(const briefing::Section& section, const select::SectionSelection& picks,
    AnalyzeContext& context) {
  DigestSection out;
  out.kind = section.kind;
  out.role = section.kind == briefing::SectionKind::quotes ? ClaimRole::quote : ClaimRole::passage;
  for (const select::Pick& pick : picks.picks) {
    std::optional<Located> found = locate(context.corpus, pick.id);
    if (!found) {
      out.trace.push_back(fmt::format("{}: not in the corpus, skipped", pick.id));
      continue;
    }
    const corpus::Document* document = found->document;
    const corpus::Passage* passage = found->passage;
    const corpus::Sentence* sentence = found->sentence;
    SourceRef source = sentence != nullptr ? sentence_source(*document, *passage, *sentence)
                                           : passage_source(*document, *passage);
    // A passage and its sentences are one thing: shown once, unless the section repeats on purpose.
    if (!section.repeat && any_shown(source, context.corpus, context.shown)) {
      out.trace.push_back(fmt::format("{}: not shown, it or a sentence of it is already shown", pick.id));
      continue;
    }
    for (const std::string& id : sentence_ids(source, context.corpus)) context.shown.insert(id);
    Claim claim(sentence != nullptr ? sentence->text : passage->text, std::move(source));
    claim.score = pick.score;
    out.claims.push_back(std::move(claim));
    out.trace.push_back(fmt::format("{}: {} (rule {}, score {:.3f})", pick.id,
        sentence != nullptr ? "sentence" : "passage", pick.rule, pick.score));
  }
  return out;
}

DigestSection build_summary(const briefing::Section& section, const select::SectionSelection& picks,
    AnalyzeContext& context) {
  DigestSection out;
  out.kind = section.kind;
  out.role = ClaimRole::summary;
  std::vector<PoolSentence> pool = pool_sentences(picks.picks, context.corpus);
  SummaryRequest request;
  request.sentences = summary_inputs(pool, context.shown, context.actions);
  request.query = section.selector.query;
  request.background = &context.background;
  request.params = context.params;
  request.order = section.order == briefing::Order::source ? SummaryOrder::source : SummaryOrder::salience;
  if (section.words) {
    request.word_budget = *section.words;
  } else {
    request.sentence_budget = section.sentences.value_or(params::k_summary_sentences);
  }
  SummaryResult result = summarize(request, context.terms);
  out.trace.push_back(fmt::format("pool: {} sentences from {} picks; budget {}; order {}", pool.size(),
      picks.picks.size(),
      request.word_budget > 0 ? fmt::format("{} words", request.word_budget)
                              : fmt::format("{} sentences", request.sentence_budget),
      request.order == SummaryOrder::source ? "source" : "salience"));
  out.trace.insert(out.trace.end(), result.trace.begin(), result.trace.end());
  std::set<std::string> chosen;
  for (size_t i : result.chosen) chosen.insert(pool[i].sentence->id);
  for (size_t i : result.chosen) {
    const PoolSentence& item = pool[i];
    Claim claim(item.sentence->text, sentence_source(*item.document, *item.passage, *item.sentence));
    claim.score = result.salience[i];
    std::string note = attach_lead_in(claim, item, result.checks[i], chosen);
    if (!note.empty()) out.trace.push_back(std::move(note));
    out.claims.push_back(std::move(claim));
  }
  return out;
}

Digest run(const briefing::BriefSpec& spec, const select::Selection& selection,
    const corpus::Corpus& corpus) {
  // Corpus-wide statistics are read only by the sections that analyse (all but passages, quotes
  // and the bibliography).
  const bool analyses = std::any_of(spec.sections.begin(), spec.sections.end(), [](const briefing::Section& section) {
    return section.kind != briefing::SectionKind::passages && section.kind != briefing::SectionKind::quotes &&
        section.kind != briefing::SectionKind::bibliography;
  });
  AnalyzeContext context(corpus, analyses);
  Digest digest;
  for (size_t index = 0; index < spec.sections.size(); ++index) {
    const briefing::Section& section = spec.sections[index];
    select::SectionSelection empty;
    empty.section = index;
    const select::SectionSelection* picks = &empty;
    for (const select::SectionSelection& candidate : selection.sections) {
      if (candidate.section == index) picks = &candidate;
    }
    DigestSection out;
    switch (section.kind) {
    case briefing::SectionKind::passages:
    case briefing::SectionKind::quotes: out = build_passages(section, *picks, context); break;
    case briefing::SectionKind::summary: out = build_summary(section, *picks, context); break;
    case briefing::SectionKind::key_judgments: out = build_key_judgments(section, *picks, context); break;
    case briefing::SectionKind::recommendations:
      out = build_recommendations(section, *picks, context);
      break;
    case briefing::SectionKind::key_figures: out = build_key_figures(section, *picks, context); break;
    case briefing::SectionKind::bibliography:
      out.kind = section.kind;
      out.trace.push_back("bibliography: no claims; compose lists the cited sources");
      break;
    }
    out.section = index;
    out.kind = section.kind;
    mark_shown(out, corpus, context);
    digest.sections.push_back(std::move(out));
  }
  return digest;
}

} // namespace brief::analyze
