#include "compose/sources.hpp"

#include "base/natural_order.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace brief::compose {

namespace {

std::string plural(size_t n, std::string_view singular, std::string_view plural_form) {
  return fmt::format("{} {}", n, n == 1 ? singular : plural_form);
}

std::string plural_of_type(const std::string& type, size_t n) {
  if (n == 1) return fmt::format("1 {}", type);
  if (!type.empty() && type.back() == 'y' && type.size() > 1 && std::string_view("aeiou").find(type[type.size() - 2]) == std::string_view::npos)
    return fmt::format("{} {}ies", n, type.substr(0, type.size() - 1));
  if (!type.empty() && type.back() == 's') return fmt::format("{} {}", n, type);
  return fmt::format("{} {}s", n, type);
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? (items.size() > 2 ? ", and " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

// "p3, p7 and p12.s2": the part after '#'.
std::string pinpoints(const std::vector<std::string>& ids) {
  std::vector<std::string> parts;
  for (const auto& id : ids) {
    const auto hash = id.find('#');
    parts.push_back(hash == std::string::npos ? id : id.substr(hash + 1));
  }
  std::sort(parts.begin(), parts.end(),
      [](const std::string& a, const std::string& b) { return natural_less(a, b); });
  return join_list(parts);
}

} // namespace

model::Paragraph sources_summary(const std::vector<const corpus::Document*>& documents,
    const std::vector<size_t>& judgment_support) {
  model::Paragraph paragraph;
  paragraph.style = "summary_statement";
  std::map<std::string, size_t> by_type;
  const corpus::PartialDate* earliest = nullptr;
  const corpus::PartialDate* latest = nullptr;
  for (const auto* doc : documents) {
    if (!doc) continue;
    ++by_type[doc->meta.type.empty() ? std::string("other source") : doc->meta.type];
    const auto& date = doc->meta.published;
    if (!date.known()) continue;
    if (!earliest || date.earliest() < earliest->earliest()) earliest = &date;
    if (!latest || date.earliest() > latest->earliest()) latest = &date;
  }
  std::vector<std::string> kinds;
  for (const auto& [type, n] : by_type) kinds.push_back(plural_of_type(type, n));
  std::string text = fmt::format("This brief draws on {}", plural(documents.size(), "source", "sources"));
  if (!kinds.empty()) text += fmt::format(": {}", join_list(kinds));
  if (earliest && latest) {
    if (earliest->earliest() == latest->earliest()) text += fmt::format(", published {}", earliest->display());
    else text += fmt::format(", published between {} and {}", earliest->display(), latest->display());
  }
  text += ".";
  size_t single = 0;
  std::vector<std::string> single_numbers;
  for (size_t i = 0; i < judgment_support.size(); ++i) {
    if (judgment_support[i] == 1) {
      ++single;
      single_numbers.push_back(std::to_string(i + 1));
    }
  }
  if (!judgment_support.empty()) {
    if (single == 0) text += " Every key judgment is supported by more than one source.";
    else if (single == judgment_support.size()) text += " Each key judgment rests on a single source.";
    else text += fmt::format(" Key {} {} on a single source.", single == 1 ? "judgment" : "judgments",
        join_list(single_numbers) + (single == 1 ? " rests" : " rest"));
  }
  text += " All sources are open sources; none has been independently verified.";
  paragraph.inlines.push_back(model::text_run(std::move(text)));
  return paragraph;
}

model::List bibliography(const std::vector<model::Citation>& citations, const corpus::Corpus& corpus,
    const theme::Theme& theme) {
  model::List list;
  list.style = "bibliography";
  list.ordered = true;
  for (const auto& citation : citations) {
    const auto* doc = corpus.find_document(citation.document_id);
    if (!doc) continue;
    const auto& meta = doc->meta;
    model::ListItem item;
    item.marker = theme.citations == theme::CitationStyle::brackets ? fmt::format("[{}]", citation.number)
                                                                     : fmt::format("{}.", citation.number);
    item.anchor = citation.anchor;
    auto text = [&](std::string s, bool italic = false) {
      item.inlines.push_back(model::text_run(std::move(s), italic));
    };
    text(originator(meta) + ". ");
    text(meta.title, true);
    std::string details = ". ";
    if (!meta.type.empty()) details += std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(meta.type[0])))) + meta.type.substr(1);
    if (meta.published.known()) details += fmt::format(", {}", meta.published.display());
    details += ".";
    if (const auto* level = corpus.markings.find(meta.releasability)) details += fmt::format(" Releasability: {}.", level->id);
    details += fmt::format(" Cited: {}.", pinpoints(citation.ids));
    if (!meta.ingested.empty()) details += fmt::format(" Accessed {}.", meta.ingested);
    text(details);
    if (theme.source_descriptors && !meta.descriptor.empty()) {
      item.inlines.push_back(model::text_run(" Source descriptor: ", true));
      text(meta.descriptor);
    }
    if (!meta.url.empty()) {
      model::Inline link = model::text_run(" " + meta.url);
      link.kind = model::Inline::Kind::link;
      link.target = "uri:" + meta.url;
      item.inlines.push_back(std::move(link));
    }
    list.items.push_back(std::move(item));
  }
  return list;
}

} // namespace brief::compose
