// run_slides: plan, fit and draw the deck (or its handout), with an outline entry and a page
// label per slide.

#include "layout/layout.hpp"
#include "layout/furniture.hpp"
#include "layout/slides.hpp"
#include "layout/structure.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::layout {
namespace {

} // namespace

Outcome<PagedDocument> run_slides(const model::Document& document, const theme::Theme& theme,
    text::FontLibrary& fonts, bool handout) {
  Diagnostics diagnostics;
  StyleBook styles(theme, fonts, diagnostics);
  // Slides are never hyphenated: a broken word reads badly from the back of the room.
  ParagraphContext paragraphs{styles, nullptr, theme::CitationStyle::brackets, {}, Breaking::optimal};
  SlideContext context{paragraphs, theme, slide_frame(theme), std::max(k_slide_min_body_size, theme.slide_min_size)};
  if (theme.page.width <= theme.page.height)
    diagnostics.warning({}, fmt::format("template `{}` has portrait pages ({} x {} pt); slides are meant to be 16:9",
        theme.name, theme.page.width, theme.page.height), {"set `page.paper: {width: 960, height: 540}`"});

  const std::vector<DeckSection> sections = plan_deck(document, theme);
  const std::vector<Slide> slides = fit_deck(document, sections, context);

  PagedDocument out;
  structure_root(out.structure);
  context.structure = &out.structure;
  for (size_t i = 0; i < slides.size(); ++i) {
    const Slide& slide = slides[i];
    out.pages.push_back(render_slide(slide, int(i + 1), document, context));
    const bool continued = slide.anchor.empty() && slide.kind != SlideKind::title && slide.kind != SlideKind::agenda;
    out.outline.push_back(OutlineEntry{slide.title, continued ? 2 : 1, "slide-" + std::to_string(i + 1)});
    if (slide.overfull)
      diagnostics.warning({}, fmt::format("slide {} (`{}`) does not fit even at {} pt", i + 1, slide.title,
          context.min_size), {"lower `slides.max_words` or `slides.max_bullets` in the template"});
  }
  if (handout) out.pages = lay_out_handout(slides, out.pages, document, context);
  out.labels.push_back({0, PageLabelRange::Style::decimal, 1});

  const model::Metadata& meta = document.meta;
  out.info = document_info(meta);
  if (!theme.language.empty()) out.info.language = theme.language;
  if (diagnostics.has_errors()) return Outcome<PagedDocument>(std::move(diagnostics));
  return Outcome<PagedDocument>(std::move(out), std::move(diagnostics));
}

} // namespace brief::layout
