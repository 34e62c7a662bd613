#pragma once
// Finding templates by name on the search path. Names are never paths: only
// [a-z0-9][a-z0-9_-]* is accepted, so `extends: ../../x` or a spec's `template: /etc/x` cannot
// reach a file outside the template directories.

#include "theme/theme.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace brief::theme {

bool is_valid_name(std::string_view name);

// The file of template `name`: the first `<dir>/<name>.yaml` on the search path.
std::optional<std::filesystem::path> find_template(const std::string& name,
    const std::vector<std::filesystem::path>& search_path);

// Reports that `name` is not a valid template name or names no template, with a did-you-mean over
// the templates that exist and the directories searched.
void report_missing(const std::string& name, const Span& span,
    const std::vector<std::filesystem::path>& search_path, Diagnostics& diagnostics);

} // namespace brief::theme
