#pragma once
// Internal to pdf/: destinations, the outline (bookmarks) and page labels.

#include "base/diagnostic.hpp"
#include "layout/paged.hpp"
#include "pdf/hpdf_document.hpp"

#include <map>
#include <string>
#include <vector>

namespace brief::pdf::detail {

struct AnchorTarget {
  size_t page = 0;
  double x = 0, y = 0;
};

// Every anchor of the document by name (the first wins if a name repeats).
std::map<std::string, AnchorTarget> collect_anchors(const layout::PagedDocument& document);

// A fresh /XYZ destination (zoom 1: libharu rejects 0) at `target`, or nullptr after an error.
HPDF_Destination make_destination(HpdfDocument& document, const std::vector<HPDF_Page>& pages,
    const AnchorTarget& target);

// Adds the outline, nested by level; entries naming unknown anchors become warnings.
bool add_outline(HpdfDocument& document, const std::vector<HPDF_Page>& pages,
    const std::map<std::string, AnchorTarget>& anchors,
    const std::vector<layout::OutlineEntry>& outline, Diagnostics& diagnostics);

// Adds the page label ranges (i, ii, ... then 1, 2, ...).
bool add_page_labels(HpdfDocument& document, const std::vector<layout::PageLabelRange>& labels,
    size_t page_count, Diagnostics& diagnostics);

} // namespace brief::pdf::detail
