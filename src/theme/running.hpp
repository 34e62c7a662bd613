#pragma once
// Running headers and footers: texts with placeholders filled per page by layout/.

#include "theme/reader.hpp"

namespace brief::theme {

// The placeholders a running line may use: {title} {section} {page} {pages} {date} {banner}.
const std::vector<std::string>& placeholders();

// Reads `header` or `footer` ({left, center, right, enabled}) over `line`, reporting unknown
// placeholders with a did-you-mean at the text that contains them.
void read_running_line(const TreeReader& parent, std::string_view key, RunningLine& line);

} // namespace brief::theme
