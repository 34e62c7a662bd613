#pragma once
// Checks every deck must pass, shared by test_slides (hand-built documents) and
// test_slides_pipeline (the default spec through the real pipeline).

#include "layout/layout.hpp"
#include "layout/slides.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace brief::layout::testing {

inline std::vector<std::string> trace_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// Citation numbers linked ("source-N") from the body of a slide and from its footer.
struct SlideSources {
  std::set<int> body, footer;
  std::string footer_text;
};

inline SlideSources sources_of(const Page& page, const SlideFrame& frame) {
  SlideSources s;
  for (const Item& item : page.items) {
    if (const auto* link = std::get_if<Link>(&item)) {
      if (link->target.rfind("source-", 0) != 0) continue;
      const int n = std::stoi(link->target.substr(7));
      (link->y < frame.footer_rule ? s.footer : s.body).insert(n);
    } else if (const auto* run = std::get_if<GlyphRun>(&item)) {
      if (run->y < frame.footer_rule && run->y > frame.banner_bottom + 1) s.footer_text += run->text + " ";
    }
  }
  return s;
}

// The quality bar of a deck: 16:9 pages, nothing outside a page, each footer listing exactly
// the sources the slide's body cites (and naming them "[N]"), body text never below 18 pt, at most
// max_bullets bullets per slide, no slide overfull.
inline void check_deck(const PagedDocument& deck, const std::string& trace, const theme::Theme& theme) {
  const SlideFrame frame = slide_frame(theme);
  REQUIRE(!deck.pages.empty());
  CHECK(trace.find("[outside page]") == std::string::npos);
  CHECK(trace.find("[overfull]") == std::string::npos);
  for (size_t p = 0; p < deck.pages.size(); ++p) {
    const Page& page = deck.pages[p];
    INFO("slide " << p + 1);
    CHECK(page.width == Approx(960));
    CHECK(page.height == Approx(540));
    const SlideSources s = sources_of(page, frame);
    CHECK(s.body == s.footer);
    for (int n : s.body) CHECK(s.footer_text.find(fmt::format("[{}]", n)) != std::string::npos);
    for (const Item& item : page.items) {
      const auto* run = std::get_if<GlyphRun>(&item);
      if (!run || run->y <= frame.footer_rule || run->y >= frame.title_top) continue;
      INFO(run->text);
      CHECK(run->size >= k_slide_min_body_size - 1e-9);
    }
  }
  const std::regex units(R"(^  slide \d+ kind=(bullets|sources) size=[0-9.]+ units=(\d+))");
  for (const std::string& line : trace_lines(trace)) {
    std::smatch m;
    if (std::regex_search(line, m, units)) CHECK(std::stoi(m[2]) <= theme.slide_max_bullets);
  }
}

} // namespace brief::layout::testing
