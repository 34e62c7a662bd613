#pragma once
#include <string_view>

namespace brief {

// The version of brief; part of every output's cache key.
std::string_view version();

} // namespace brief
