#include "theme/logo.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace brief::theme {

namespace fs = std::filesystem;

namespace {

// True when `path` is `root` or below it; both canonical.
bool is_within(const fs::path& path, const fs::path& root) {
  auto p = path.begin();
  for (auto r = root.begin(); r != root.end(); ++r, ++p) {
    if (r->empty()) continue;  // a trailing separator
    if (p == path.end() || *p != *r) return false;
  }
  return true;
}

std::string lower_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return ext;
}

} // namespace

std::optional<fs::path> resolve_logo(const std::string& written, const fs::path& template_file,
    const fs::path& project_root, const Span& span, Diagnostics& diags) {
  if (written.empty()) {
    diags.error(span, "`logo` must not be empty", {"leave `logo` out, or write `logo: ~`, for no logo"});
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path template_dir = fs::canonical(template_file.parent_path().empty() ? fs::path(".")
      : template_file.parent_path(), ec);
  if (ec) {
    diags.error(span, fmt::format("cannot resolve the folder of template `{}`", template_file.string()));
    return std::nullopt;
  }
  const fs::path given(written);
  const fs::path joined = given.is_absolute() ? given : template_dir / given;
  const fs::path resolved = fs::canonical(joined, ec);
  if (ec) {
    diags.error(span, fmt::format("logo file `{}` does not exist", written),
        {fmt::format("the path is relative to the template's folder, {}", template_dir.string())});
    return std::nullopt;
  }
  std::vector<fs::path> roots{template_dir};
  if (!project_root.empty())
    if (auto root = fs::canonical(project_root, ec); !ec) roots.push_back(root);
  const bool inside = std::any_of(roots.begin(), roots.end(),
      [&](const fs::path& root) { return is_within(resolved, root); });
  if (!inside) {
    diags.error(span, fmt::format("logo `{}` is outside the template's folder and the project", written),
        {"put the logo in the template's folder (or the project) and name it relatively, e.g. "
         "`logo: logos/unit.png`; `..` and symlinks may not leave them"});
    return std::nullopt;
  }
  if (!fs::is_regular_file(resolved, ec)) {
    diags.error(span, fmt::format("logo `{}` is not a file", written), {"name a PNG or JPEG image"});
    return std::nullopt;
  }
  const std::string ext = lower_extension(resolved);
  if (ext != ".png" && ext != ".jpg" && ext != ".jpeg") {
    diags.error(span, fmt::format("logo `{}` is not a PNG or JPEG image", written),
        {"convert the logo to PNG; the file name must end in .png, .jpg or .jpeg"});
    return std::nullopt;
  }
  return resolved;
}

} // namespace brief::theme
