#include "base/source.hpp"

namespace brief {

LineColumn locate(std::string_view text, uint32_t offset) {
  if (offset > text.size()) offset = static_cast<uint32_t>(text.size());
  LineColumn lc{1, 1};
  for (uint32_t i = 0; i < offset; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++lc.line;
      lc.column = 1;
    } else if ((byte & 0xC0) != 0x80) {  // count code points: skip UTF-8 continuation bytes
      ++lc.column;
    }
  }
  return lc;
}

Span whole_file(const SourceFilePtr& file) {
  return Span{file, 0, file ? static_cast<uint32_t>(file->text.size()) : 0};
}

} // namespace brief
