#pragma once
// Page furniture: running header and footer lines (placeholders {title} {section} {page} {pages}
// {date} {banner}) and the banner line at the top and bottom of every page when the document
// carries a marking.

#include "layout/paragraph.hpp"
#include "model/document.hpp"

#include <string>

namespace brief::layout {

struct FurnitureValues {
  std::string title, section, page, pages, date, banner;
  bool running_lines = true;  // false on the cover
};

// Replaces the placeholders in `text`.
std::string expand_placeholders(const std::string& text, const FurnitureValues& values);

void add_furniture(Page& page, const FurnitureValues& values, ParagraphContext& context);

// The PDF's document information from the brief's metadata (the date is the spec's, never the clock).
DocumentInfo document_info(const model::Metadata& meta);

} // namespace brief::layout
