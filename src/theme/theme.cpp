#include "theme/theme.hpp"

namespace brief::theme {

const TextStyle& Theme::style(const std::string& element) const {
  if (auto it = styles.find(element); it != styles.end()) return it->second;
  if (auto it = styles.find("body"); it != styles.end()) return it->second;
  static const TextStyle k_default{};
  return k_default;
}

} // namespace brief::theme
