#include "pdf/outline.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::pdf::detail {

std::map<std::string, AnchorTarget> collect_anchors(const layout::PagedDocument& document) {
  std::map<std::string, AnchorTarget> anchors;
  for (size_t p = 0; p < document.pages.size(); ++p)
    for (const auto& item : document.pages[p].items)
      if (const auto* anchor = std::get_if<layout::Anchor>(&item))
        anchors.emplace(anchor->name, AnchorTarget{p, anchor->x, anchor->y});
  return anchors;
}

HPDF_Destination make_destination(HpdfDocument& document, const std::vector<HPDF_Page>& pages,
    const AnchorTarget& target) {
  HPDF_Destination destination = HPDF_Page_CreateDestination(pages.at(target.page));
  if (!document.check_handle(destination, "creating a destination")) return nullptr;
  if (!document.check(HPDF_Destination_SetXYZ(destination, static_cast<HPDF_REAL>(target.x),
                          static_cast<HPDF_REAL>(target.y), 1),
          "setting a destination"))
    return nullptr;
  // libharu only writes a zoom factor; a null zoom (/XYZ left top null) keeps the reader's.
  if (void* zoom = HPDF_List_RemoveByIndex(destination->list, 4)) HPDF_Obj_ForceFree(destination->mmgr, zoom);
  HPDF_Null null = HPDF_Null_New(destination->mmgr);
  if (!document.check_handle(null, "setting a destination") ||
      !document.check(HPDF_Array_Add(destination, null), "setting a destination"))
    return nullptr;
  return destination;
}

bool add_outline(HpdfDocument& document, const std::vector<HPDF_Page>& pages,
    const std::map<std::string, AnchorTarget>& anchors,
    const std::vector<layout::OutlineEntry>& outline, Diagnostics& diagnostics) {
  if (outline.empty()) return true;
  HPDF_Encoder encoder = HPDF_GetEncoder(document.get(), "UTF-8");
  if (!document.check_handle(encoder, "getting the UTF-8 encoder")) return false;
  // parents[k] is the open entry at level k + 1; a deeper entry nests under the last shallower one.
  std::vector<std::pair<int, HPDF_Outline>> parents;
  for (const auto& entry : outline) {
    const auto target = anchors.find(entry.anchor);
    if (target == anchors.end()) {
      diagnostics.warning({}, fmt::format("outline entry `{}` points to unknown anchor `{}`; left out",
          entry.title, entry.anchor));
      continue;
    }
    while (!parents.empty() && parents.back().first >= entry.level) parents.pop_back();
    HPDF_Outline parent = parents.empty() ? nullptr : parents.back().second;
    HPDF_Outline item = HPDF_CreateOutline(document.get(), parent, fit_pdf_string(entry.title).c_str(), encoder);
    if (!document.check_handle(item, "creating an outline entry")) return false;
    HPDF_Destination destination = make_destination(document, pages, target->second);
    if (!destination) return false;
    if (!document.check(HPDF_Outline_SetDestination(item, destination), "setting an outline destination"))
      return false;
    // Top-level entries open, so the second level shows; deeper ones closed.
    if (!document.check(HPDF_Outline_SetOpened(item, parents.empty() ? HPDF_TRUE : HPDF_FALSE),
            "opening an outline entry"))
      return false;
    parents.emplace_back(entry.level, item);
  }
  return true;
}

bool add_page_labels(HpdfDocument& document, const std::vector<layout::PageLabelRange>& labels,
    size_t page_count, Diagnostics& diagnostics) {
  std::vector<layout::PageLabelRange> sorted = labels;
  std::stable_sort(sorted.begin(), sorted.end(),
      [](const auto& a, const auto& b) { return a.first_page < b.first_page; });
  for (const auto& range : sorted) {
    if (range.first_page >= page_count) {
      diagnostics.warning({}, fmt::format("page label range starts at page {} of {}; left out",
          range.first_page + 1, page_count));
      continue;
    }
    const HPDF_PageNumStyle style = range.style == layout::PageLabelRange::Style::roman
        ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL;
    if (!document.check(HPDF_AddPageLabel(document.get(), static_cast<HPDF_UINT>(range.first_page), style,
                            static_cast<HPDF_UINT>(std::max(range.first_number, 1)), nullptr),
            "adding a page label"))
      return false;
  }
  return true;
}

} // namespace brief::pdf::detail
