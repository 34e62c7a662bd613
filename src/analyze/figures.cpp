// key_figures: numbers with what they count. Numerals ("5,000-6,000", "$300m", "76%") and spelled
// counts right before their count noun ("twelve suspects", "hundreds of fighters"); a year only as part of a dated event ("September 2026" for a
// withdrawal). List numbering, resolution numbers, ordinals and bare years are not figures.
// Ranked by what they count (people and attacks first, then money and shares, then dated events,
// then the rest), then by source order.

#include "analyze/sections.hpp"
#include "base/utf8.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>

namespace brief::analyze {

using namespace params;

namespace {



template <size_t N>
bool in(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

enum class Tier { count = 0, money = 1, departure = 2, event = 3, other = 4 };

struct Found {
  std::string value;
  std::string label;
  Tier tier = Tier::other;
  size_t sentence = 0;  // pool index
  size_t offset = 0;    // in the sentence
  int year = 0;         // dated events: the year, latest first
};

std::string tier_name(Tier tier) {
  switch (tier) {
  case Tier::count: return "count of people or events";
  case Tier::money: return "money or share";
  case Tier::departure: return "date of a withdrawal or closure";
  case Tier::event: return "dated event";
  case Tier::other: return "other quantity";
  }
  return "";
}

// Words after `end` up to a clause boundary, auxiliaries dropped, trailing function words trimmed.
std::string label_after(std::string_view text, size_t end) {
  std::vector<Word> words = split_words(text.substr(end));
  std::vector<std::string_view> out;
  size_t previous_end = 0;
  bool after_auxiliary = false;
  for (const Word& word : words) {
    std::string_view gap = text.substr(end + previous_end, word.begin - previous_end);
    bool boundary = gap.find_first_of(",;:.()\"?!\u201C\u201D[]") != std::string_view::npos ||
        gap.find("\u201C") != std::string_view::npos || gap.find("\u201D") != std::string_view::npos;
    if (boundary || word.has_digit || in(k_label_stops, word.folded) || in(k_months, word.folded)) break;
    // A participle after the noun starts a new clause ("... furthering processes").
    if (out.size() >= 2 && word.folded.ends_with("ing")) break;
    previous_end = word.end;
    if (in(k_auxiliaries, word.folded)) {
      // "are active in" keeps the predicate; "are being trained" ends the label.
      if (!out.empty()) after_auxiliary = true;
      continue;
    }
    if (after_auxiliary && (word.folded == "being" || word.folded.ends_with("ed"))) break;
    out.push_back(word.text);
    if (out.size() >= static_cast<size_t>(k_max_figure_label_words)) break;
  }
  while (!out.empty()) {
    std::string folded;
    for (char c : out.back()) folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (!in(k_trailing_function_words, folded)) break;
    out.pop_back();
  }
  std::string label;
  for (std::string_view w : out) {
    if (!label.empty()) label += ' ';
    label += w;
  }
  return label;
}

Tier tier_of(const std::string& value, const std::string& label) {
  std::vector<Word> words = split_words(label);
  for (const Word& w : words) {
    if (in(k_count_nouns, w.folded)) return Tier::count;
  }
  if (value.find('%') != std::string::npos || value.find('$') != std::string::npos ||
      value.find("\u00A3") != std::string::npos || value.find("\u20AC") != std::string::npos ||
      value.find("percent") != std::string::npos || value.find("per cent") != std::string::npos ||
      value.ends_with("bn") || value.ends_with("billion") || value.ends_with("million")) {
    return Tier::money;
  }
  return Tier::other;
}


// The event a dated sentence is about: the first event word and what follows it up to a clause
// boundary or the date.
std::optional<Event> find_event(std::string_view text, size_t date_begin, TermMaker& terms) {
  std::vector<Word> words = split_words(text);
  std::optional<Event> best;
  for (const Word& word : words) {
    if (!word.has_letter || word.has_digit) continue;
    std::string stem = terms.stem(word.folded);
    bool event = std::any_of(std::begin(k_event_stems), std::end(k_event_stems),
        [&](std::string_view s) { return stem.starts_with(s); });
    if (!event) continue;
    bool departure = std::any_of(std::begin(k_departure_stems), std::end(k_departure_stems),
        [&](std::string_view s) { return stem.starts_with(s); });
    std::string label = std::string(word.text);
    if (word.end < date_begin) {
      std::string rest = label_after(text.substr(0, date_begin), word.end);
      if (!rest.empty()) label += " " + rest;
    }
    // The nearest departure before the date wins; else the first event word.
    if (!best || (departure && !best->departure) ||
        (departure == best->departure && word.end <= date_begin && best->departure)) {
      best = Event{label, departure};
    }
    if (best->departure && word.end > date_begin) break;
  }
  return best;
}

// Every figure in one sentence.
std::vector<Found> figures_in(const PoolSentence& item, size_t index, TermMaker& terms) {
  static const std::regex numeral(
      R"((?:[$\xC2\xA3]\s?)?\d+(?:,\d{3})*(?:\.\d+)?(?:\s?[-\xE2\x80\x93]\s?\d+(?:,\d{3})*(?:\.\d+)?)?(?:\s?%|\s?per ?cent\b|\s?(?:bn|billion|million|m)\b)?)");
  std::vector<Found> out;
  const std::string& text = item.sentence->text;
  bool at_passage_start = item.sentence->range.begin == item.passage->range.begin;
  std::vector<Word> words = split_words(text);
  auto word_before = [&](size_t offset) -> const Word* {
    const Word* before = nullptr;
    for (const Word& w : words) {
      if (w.end <= offset) before = &w;
    }
    return before;
  };
  for (auto it = std::sregex_iterator(text.begin(), text.end(), numeral); it != std::sregex_iterator(); ++it) {
    size_t begin = static_cast<size_t>(it->position());
    size_t end = begin + static_cast<size_t>(it->length());
    std::string value = it->str();
    // Part of a word ("F-16", "A1"), an ordinal ("18th") or list numbering ("1." at the start).
    if (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) ||
        (text[begin - 1] == '-' && begin > 1 && std::isalpha(static_cast<unsigned char>(text[begin - 2]))))) {
      continue;
    }
    if (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) continue;
    // Groups of a phone or reference number ("202-555-0143"): digits joined by hyphens go on.
    if (end + 1 < text.size() && text[end] == '-' && std::isdigit(static_cast<unsigned char>(text[end + 1]))) continue;
    if (begin > 1 && text[begin - 1] == '-' && std::isdigit(static_cast<unsigned char>(text[begin - 2]))) continue;
    if (at_passage_start && begin == 0) continue;
    const Word* before = word_before(begin);
    if (before != nullptr && in(k_identifier_words, before->folded)) continue;
    bool after_month = before != nullptr && in(k_months, before->folded);
    bool digits_only = std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    int number = digits_only && value.size() <= 4 ? std::stoi(value) : -1;
    bool year = number >= 1900 && number <= 2100;
    if (after_month || year) {
      // Dates: only "Month YYYY" or "Month D, YYYY" in a sentence about an event.
      if (!year) continue;
      // "(Al-Hurra, July 8, 2020)" is a citation, not an event.
      if (end < text.size() && text[end] == ')') continue;
      std::optional<Event> event = find_event(text, begin, terms);
      if (!event) continue;
      std::string date;
      if (after_month) {
        date = std::string(before->text) + " " + value;
      } else {
        // "September 10, 2014": the month two words back.
        const Word* day = before;
        const Word* month = day != nullptr ? word_before(day->begin) : nullptr;
        if (day == nullptr || month == nullptr || !in(k_months, month->folded) || !day->has_digit) continue;
        date = std::string(text.substr(month->begin, end - month->begin));
      }
      Found found;
      found.value = date;
      found.label = event->label;
      found.tier = event->departure ? Tier::departure : Tier::event;
      found.year = number;
      found.sentence = index;
      found.offset = begin;
      out.push_back(std::move(found));
      continue;
    }
    if (number >= 0 && number <= 31 && after_month) continue;
    Found found;
    found.value = value;
    found.label = label_after(text, end);
    if (found.label.empty() && !out.empty()) found.label = out.back().label;
    found.tier = tier_of(found.value, found.label);
    found.sentence = index;
    found.offset = begin;
    out.push_back(std::move(found));
  }
  // Spelled counts, only right before the count noun they count ("eight hideouts", "hundreds of
  // fighters"). A number word followed by anything else ("the eight", "eight ISIS hideouts") is
  // not known to count anything: without parsing, only the next word is surely what it counts.
  for (size_t k = 0; k < words.size(); ++k) {
    const Word& w = words[k];
    if (!in(k_spelled, w.folded)) continue;
    size_t noun = k + 1;
    if (noun < words.size() && words[noun].folded == "of") ++noun;
    if (noun >= words.size() || !in(k_count_nouns, words[noun].folded)) continue;
    std::string label = label_after(text, w.end);
    if (tier_of("", label) != Tier::count) continue;
    Found found;
    found.value = std::string(w.text);
    found.label = label;
    found.tier = Tier::count;
    found.sentence = index;
    found.offset = w.begin;
    out.push_back(std::move(found));
  }
  std::sort(out.begin(), out.end(), [](const Found& a, const Found& b) { return a.offset < b.offset; });
  return out;
}

} // namespace

DigestSection build_key_figures(const briefing::Section& section,
    const select::SectionSelection& picks, AnalyzeContext& context) {
  DigestSection out;
  out.kind = section.kind;
  out.role = ClaimRole::passage;
  int limit = section.limit.value_or(k_figures_limit);
  std::vector<PoolSentence> pool = pool_sentences(picks.picks, context.corpus);
  SentenceLimits limits;
  limits.max_words = k_max_figure_sentence_words;
  std::vector<Found> found;
  for (size_t i = 0; i < pool.size(); ++i) {
    if (pool[i].passage->kind == corpus::PassageKind::heading || is_caption_passage(*pool[i].passage)) continue;
    SentenceCheck check = check_sentence(pool[i].sentence->text, limits);
    if (!check.unfit.empty()) continue;
    for (Found& f : figures_in(pool[i], i, context.terms)) found.push_back(std::move(f));
  }
  std::stable_sort(found.begin(), found.end(),
      [](const Found& a, const Found& b) { return a.tier != b.tier ? a.tier < b.tier : a.year > b.year; });
  // One figure per value and label; a repeat in the same words elsewhere becomes another source,
  // in other words it is only noted. One sentence is one figure: a second quantity of a sentence
  // already shown joins that figure ("from 5,200 to 3,000" is one change, not two figures).
  std::map<std::string, size_t> seen;  // normalised value|label -> index in out.figures
  std::map<std::string, size_t> by_sentence;  // sentence id -> index in out.figures
  for (const Found& f : found) {
    const PoolSentence& item = pool[f.sentence];
    SourceRef source = sentence_source(*item.document, *item.passage, *item.sentence);
    bool dated = f.tier == Tier::event || f.tier == Tier::departure;
    std::string key = dated ? f.value : f.value + "|" + utf8::fold_case(f.label);
    auto existing = seen.find(key);
    if (existing != seen.end()) {
      Claim& claim = out.figures[existing->second].claim;
      if (claim.text() == item.sentence->text) {
        claim.add_source(source);
        out.trace.push_back(fmt::format("{}: '{}' again in the same words, added as a source",
            item.sentence->id, f.value));
      } else {
        out.trace.push_back(fmt::format("{}: '{}' again in other words, not shown", item.sentence->id, f.value));
      }
      continue;
    }
    if (auto same = by_sentence.find(item.sentence->id); same != by_sentence.end()) {
      Figure& figure = out.figures[same->second];
      // "from 2,000 to 1,000 vessels": the first value's label is the second's.
      bool one_quantity = figure.label.empty() || f.label.empty() || f.label == figure.label;
      figure.value += (one_quantity ? " to " : "; ") + f.value;
      if (figure.label.empty()) {
        figure.label = f.label;
      } else if (!one_quantity) {
        figure.label += "; " + f.label;
      }
      seen.emplace(key, same->second);
      out.trace.push_back(fmt::format("{}: '{}' joins the figure of the same sentence", item.sentence->id, f.value));
      continue;
    }
    if (static_cast<int>(out.figures.size()) >= limit) {
      out.trace.push_back(fmt::format("{}: '{}' ({}) not shown, over the limit of {}", item.sentence->id,
          f.value, f.label, limit));
      continue;
    }
    Claim claim(item.sentence->text, std::move(source));
    claim.score = 4 - static_cast<int>(f.tier);
    if (auto by = context.shown_by.find(item.sentence->id); by != context.shown_by.end()) {
      claim.shown_before = by->second;
    }
    seen.emplace(key, out.figures.size());
    by_sentence.emplace(item.sentence->id, out.figures.size());
    out.trace.push_back(fmt::format("{}: '{}' = {} [{}]", item.sentence->id, f.value, f.label, tier_name(f.tier)));
    out.figures.push_back(Figure{f.value, f.label, std::move(claim)});
  }
  return out;
}

} // namespace brief::analyze
