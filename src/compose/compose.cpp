#include "compose/compose.hpp"

#include "compose/citations.hpp"
#include "compose/sources.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>

namespace brief::compose {

namespace {

using model::Inline;
using model::Inlines;

Inline plain(std::string text) { return model::text_run(std::move(text)); }

// "2026-11-21" -> "21 November 2026"; anything else is returned as written.
std::string display_date(const std::string& iso) {
  static constexpr std::array<std::string_view, 12> k_months{"January", "February", "March", "April",
      "May", "June", "July", "August", "September", "October", "November", "December"};
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) == 3 && m >= 1 && m <= 12)
    return fmt::format("{} {} {}", d, k_months[static_cast<size_t>(m - 1)], y);
  return iso;
}

struct Composer {
  const briefing::BriefSpec& spec;
  const analyze::Digest& digest;
  const corpus::Corpus& corpus;
  const theme::Theme& theme;
  CitationRegistry registry;
  model::Document doc;
  int max_rank = -1;  // highest releasability rank included
  std::vector<size_t> judgment_support;
  int section_number = 0;

  Composer(const briefing::BriefSpec& s, const analyze::Digest& d, const corpus::Corpus& c, const theme::Theme& t)
      : spec(s), digest(d), corpus(c), theme(t), registry(c, t) {}

  // Notes the releasability of the sources and returns the portion mark for them ("" if unused).
  std::string portion_for(const std::vector<analyze::SourceRef>& sources) {
    int rank = -1;
    for (const auto& source : sources) {
      const auto* document = corpus.find_document(source.document_id);
      if (!document) continue;
      if (const auto* level = corpus.markings.find(document->meta.releasability)) rank = std::max(rank, level->rank);
    }
    max_rank = std::max(max_rank, rank);
    if (!theme.portion_marks || rank < 0) return {};
    for (const auto& level : corpus.markings.levels)
      if (level.rank == rank) return fmt::format("({})", level.portion);
    return {};
  }

  // Appends the marks for `sources` right after the text they support. A mark never starts a
  // line: bracketed marks follow a no-break space, superscripts follow the text directly.
  void append_marks(Inlines& out, const std::vector<analyze::SourceRef>& sources) {
    auto marks = registry.marks(sources);
    if (marks.empty()) return;
    if (theme.citations == theme::CitationStyle::brackets) out.push_back(plain("\u00A0"));
    out.insert(out.end(), marks.begin(), marks.end());
  }

  // The claim's text (with its lead-in) followed by its citation marks.
  Inlines claim_inlines(const analyze::Claim& claim) {
    Inlines out;
    if (!claim.lead_in.empty()) {
      out.push_back(plain(claim.lead_in));
      append_marks(out, claim.lead_in_sources);
      out.push_back(plain(" "));
    }
    out.push_back(plain(claim.text()));
    append_marks(out, claim.sources());
    return out;
  }

  // A short form for slides: the claim's first sentence and its marks.
  Inlines slide_inlines(const analyze::Claim& claim) {
    const auto* passage = corpus.find_passage(claim.sources().front().passage_id);
    if (!passage || passage->sentences.size() <= 1 || !claim.sources().front().sentence_id.empty()) return {};
    Inlines out{plain(passage->sentences.front().text)};
    append_marks(out, claim.sources());
    return out;
  }

  Inlines attribution(const analyze::Claim& claim) {
    const auto& source = claim.sources().front();
    const auto* document = corpus.find_document(source.document_id);
    Inlines out;
    if (!document) return out;
    std::string text = fmt::format("\u2014 {}, \u201C{}\u201D", originator(document->meta), document->meta.title);
    if (document->meta.published.known()) text += fmt::format(", {}", document->meta.published.display());
    text += fmt::format(" ({})", source.id());
    out.push_back(plain(std::move(text)));
    return out;
  }

  bool included(briefing::SectionKind kind) const {
    if (theme.sections.empty()) return true;
    const std::string name(briefing::kind_name(kind));
    return std::find(theme.sections.begin(), theme.sections.end(), name) != theme.sections.end();
  }

  size_t limit_for(briefing::SectionKind kind, size_t count) const {
    const auto it = theme.section_limits.find(std::string(briefing::kind_name(kind)));
    if (it == theme.section_limits.end() || it->second <= 0) return count;
    return std::min(count, static_cast<size_t>(it->second));
  }

  void heading(const briefing::Section& section) {
    model::Heading h;
    h.level = 1;
    h.text = section.title;
    h.anchor = fmt::format("section-{}", ++section_number);
    h.new_page = section.new_page;
    doc.blocks.emplace_back(std::move(h));
  }

  void passages(const analyze::DigestSection& part, size_t count) {
    // Runs of list items from one document become one list; other passages paragraphs or quotes.
    model::List list;
    std::string list_document;
    auto flush_list = [&] {
      if (!list.items.empty()) doc.blocks.emplace_back(std::move(list));
      list = model::List{};
      list_document.clear();
    };
    for (size_t i = 0; i < count; ++i) {
      const auto& claim = part.claims[i];
      const auto& source = claim.sources().front();
      const auto* passage = corpus.find_passage(source.passage_id);
      const std::string portion = portion_for(claim.sources());
      if (part.role == analyze::ClaimRole::quote) {
        flush_list();
        model::Quote quote;
        quote.inlines = claim_inlines(claim);
        quote.attribution = attribution(claim);
        quote.slide_text = slide_inlines(claim);
        quote.portion = portion;
        doc.blocks.emplace_back(std::move(quote));
        continue;
      }
      if (passage && passage->kind == corpus::PassageKind::list_item && source.sentence_id.empty()) {
        if (list_document != source.document_id) flush_list();
        list_document = source.document_id;
        model::ListItem item;
        // Excerpted items keep their text but not their source numbering: "2." followed by
        // another list's "1." would read as a broken list. The citation names the item.
        item.marker = "\u2022";
        item.inlines = claim_inlines(claim);
        item.slide_text = slide_inlines(claim);
        item.portion = portion;
        list.items.push_back(std::move(item));
        continue;
      }
      flush_list();
      model::Paragraph paragraph;
      paragraph.inlines = claim_inlines(claim);
      paragraph.slide_text = slide_inlines(claim);
      paragraph.portion = portion;
      doc.blocks.emplace_back(std::move(paragraph));
    }
    flush_list();
  }

  void summary(const analyze::DigestSection& part, size_t count, bool is_bluf) {
    model::Paragraph paragraph;
    paragraph.style = is_bluf ? "bluf" : "body";
    std::vector<analyze::SourceRef> all_sources;
    for (size_t i = 0; i < count; ++i) {
      if (i > 0) paragraph.inlines.push_back(plain(" "));
      auto inlines = claim_inlines(part.claims[i]);
      paragraph.inlines.insert(paragraph.inlines.end(), inlines.begin(), inlines.end());
      all_sources.insert(all_sources.end(), part.claims[i].sources().begin(), part.claims[i].sources().end());
    }
    paragraph.portion = portion_for(all_sources);
    if (!paragraph.inlines.empty()) doc.blocks.emplace_back(std::move(paragraph));
  }

  // Who stands behind a document: its publisher, else its authors or title. Two documents of one
  // originator are one independent source.
  std::string originator_of(const std::string& document_id) const {
    const auto* document = corpus.find_document(document_id);
    if (!document) return document_id;
    return document->meta.publisher.empty() ? originator(document->meta) : document->meta.publisher;
  }

  // The claim's text and marks, then the other sources' own sentences that say the same thing,
  // each with its own mark (a slide has no room for them: there they are counted, unmarked).
  Inlines claim_with_corroboration(const analyze::Claim& claim) {
    Inlines out = claim_inlines(claim);
    if (claim.corroboration.empty()) return out;
    if (theme.format == "slides") {
      out.push_back(plain(fmt::format(" (also stated by {} other source{})", claim.corroboration.size(),
          claim.corroboration.size() == 1 ? "" : "s")));
      return out;
    }
    for (size_t k = 0; k < claim.corroboration.size(); ++k) {
      out.push_back(model::text_run(k == 0 ? " Also: \u201C" : " \u201C", true));
      out.push_back(model::text_run(claim.corroboration[k].text, true));
      out.push_back(model::text_run("\u201D", true));
      append_marks(out, {claim.corroboration[k].source});
    }
    return out;
  }

  // "Corroborated by 3 independent sources" / "Single source: ITIC" for a key judgment.
  std::string support_line(const analyze::Claim& claim, size_t& originators) const {
    std::set<std::string> names;
    for (const auto& source : claim.sources()) names.insert(originator_of(source.document_id));
    for (const auto& other : claim.corroboration) names.insert(originator_of(other.source.document_id));
    originators = names.size();
    if (names.size() == 1) {
      const auto* document = corpus.find_document(claim.sources().front().document_id);
      return fmt::format("Single source: {}.", document ? short_originator(document->meta) : *names.begin());
    }
    return fmt::format("Corroborated by {} independent sources.", names.size());
  }

  void numbered(const analyze::DigestSection& part, size_t count, std::string style) {
    model::List list;
    list.style = std::move(style);
    list.ordered = true;
    for (size_t i = 0; i < count; ++i) {
      const auto& claim = part.claims[i];
      model::ListItem item;
      item.marker = fmt::format("{}.", i + 1);
      item.inlines = claim_with_corroboration(claim);
      std::vector<analyze::SourceRef> all = claim.sources();
      for (const auto& other : claim.corroboration) all.push_back(other.source);
      item.portion = portion_for(all);
      if (part.kind == briefing::SectionKind::key_judgments) {
        size_t originators = 0;
        std::string line = support_line(claim, originators);
        // A slide names its sources in the footer and has no room for the line.
        if (theme.format != "slides") item.inlines.push_back(model::text_run(" " + line, true));
        judgment_support.push_back(originators);
      }
      list.items.push_back(std::move(item));
    }
    if (!list.items.empty()) doc.blocks.emplace_back(std::move(list));
  }

  void figures(const analyze::DigestSection& part, size_t count) {
    model::KeyFigures block;
    for (size_t i = 0; i < count; ++i) {
      const auto& figure = part.figures[i];
      model::KeyFigure item;
      item.value = figure.value;
      item.label = figure.label;
      // A sentence an earlier section of this output shows is not shown again: its marks say
      // where it is from. Shown by a section this output leaves out, it is shown here.
      if (figure.claim.shown_before && included(*figure.claim.shown_before)) {
        append_marks(item.context, figure.claim.sources());
      } else {
        item.context = claim_inlines(figure.claim);
      }
      portion_for(figure.claim.sources());
      block.figures.push_back(std::move(item));
    }
    if (!block.figures.empty()) doc.blocks.emplace_back(std::move(block));
  }

  // The sources summary statement and bibliography, made once every citation is known.
  std::vector<model::Block> sources_annex() {
    std::vector<model::Block> blocks;
    if (registry.citations().empty()) return blocks;
    if (theme.sources_summary) blocks.emplace_back(sources_summary(registry.documents(), judgment_support));
    blocks.emplace_back(bibliography(registry.citations(), corpus, theme));
    return blocks;
  }

  void run() {
    doc.meta.id = spec.id;
    doc.meta.title = spec.title;
    doc.meta.subtitle = spec.subtitle;
    doc.meta.date = spec.date;
    doc.meta.date_display = display_date(spec.date);
    doc.meta.authors = spec.authors;
    doc.meta.subject = spec.subtitle.empty() ? spec.title : spec.subtitle;
    doc.meta.audience = theme.audience;
    for (const auto& section : spec.sections) doc.meta.keywords.push_back(section.title);
    if (theme.toc) doc.blocks.emplace_back(model::TableOfContents{});

    std::optional<size_t> annex_at;  // where the bibliography section's blocks go
    bool first_content = true;
    for (const auto& part : digest.sections) {
      if (part.section >= spec.sections.size()) continue;
      const auto& section = spec.sections[part.section];
      if (!included(section.kind)) continue;
      if (section.kind == briefing::SectionKind::bibliography) {
        heading(section);
        annex_at = doc.blocks.size();
        continue;
      }
      const size_t count = limit_for(section.kind, section.kind == briefing::SectionKind::key_figures
          ? part.figures.size() : part.claims.size());
      if (count == 0) continue;
      heading(section);
      switch (section.kind) {
      case briefing::SectionKind::passages:
      case briefing::SectionKind::quotes: passages(part, count); break;
      case briefing::SectionKind::summary: summary(part, count, first_content); break;
      case briefing::SectionKind::key_judgments: numbered(part, count, "judgments"); break;
      case briefing::SectionKind::recommendations: numbered(part, count, "recommendations"); break;
      case briefing::SectionKind::key_figures: figures(part, count); break;
      case briefing::SectionKind::bibliography: break;
      }
      first_content = false;
    }
    // Every statement must be traceable: a brief without a sources section still gets one.
    if (!annex_at && !registry.citations().empty()) {
      briefing::Section sources;
      sources.title = "Sources";
      heading(sources);
      annex_at = doc.blocks.size();
    }
    if (annex_at) {
      auto annex = sources_annex();
      doc.blocks.insert(doc.blocks.begin() + static_cast<std::ptrdiff_t>(*annex_at),
          std::make_move_iterator(annex.begin()), std::make_move_iterator(annex.end()));
    }

    if (!theme.release_statement.empty()) {
      doc.meta.release_statement = theme.release_statement;
    } else if (theme.banner && max_rank >= 0) {
      for (const auto& level : corpus.markings.levels)
        if (level.rank == max_rank) doc.meta.banner = level.banner;
    }
    doc.citations = registry.take_citations();
  }
};

} // namespace

model::Document build(const briefing::BriefSpec& spec, const analyze::Digest& digest,
    const corpus::Corpus& corpus, const theme::Theme& theme) {
  Composer composer(spec, digest, corpus, theme);
  composer.run();
  return std::move(composer.doc);
}

} // namespace brief::compose
