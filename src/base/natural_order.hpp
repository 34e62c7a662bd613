#pragma once
// Natural order of ids, the one order passages and pinpoints are listed in.

#include <string_view>

namespace brief {

// Natural order of ids (`doc#p2` before `doc#p10`): digit runs compare as numbers of any length;
// equal values with different leading zeros fall back to byte order, so the order is total.
bool natural_less(std::string_view a, std::string_view b);

} // namespace brief
