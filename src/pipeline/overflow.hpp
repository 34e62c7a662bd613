#pragma once
// When a brief runs past its template's page limit: which sections run over, and by how much, so
// the error can say what to cut.

#include "layout/paged.hpp"

#include <string>
#include <vector>

namespace brief::pipeline {

// Lines of one section set on pages past the limit.
struct SectionOverflow {
  std::string title;
  size_t lines = 0;
};

struct Overflow {
  size_t pages = 0;      // pages laid out
  size_t max_pages = 0;  // the template's limit
  size_t lines = 0;      // text lines set on pages past the limit
  std::vector<SectionOverflow> sections;  // in document order; only sections with lines past it
};

// Attributes every text line on a page past `max_pages` to the section it belongs to: the last
// section anchor (outline entry of level 1) before it in reading order.
Overflow measure_overflow(const layout::PagedDocument& paged, size_t max_pages);

// "41 lines past page 2: `Key figures` 12 lines, `Sources` 29 lines".
std::string describe_overflow(const Overflow& overflow);

} // namespace brief::pipeline
