#pragma once
// Resolving a template's logo path safely: relative to the template file that names it, and only
// inside that template's directory tree or the project root, after following symlinks. A shared
// template must not be able to pull arbitrary files (`../../home/x/.ssh/id_rsa`) into a PDF.

#include "base/diagnostic.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace brief::theme {

// The canonical path of the logo `written` in the template at `template_file`, or nullopt after
// reporting at `span` why it cannot be used. `project_root` may be empty (then only the template's
// directory is allowed).
std::optional<std::filesystem::path> resolve_logo(const std::string& written,
    const std::filesystem::path& template_file, const std::filesystem::path& project_root,
    const Span& span, Diagnostics& diagnostics);

} // namespace brief::theme
