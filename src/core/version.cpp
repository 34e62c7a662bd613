#include "core/version.hpp"

namespace brief {

std::string_view version() { return BRIEF_VERSION; }

} // namespace brief
