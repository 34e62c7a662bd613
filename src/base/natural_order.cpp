#include "base/natural_order.hpp"

namespace brief {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

} // namespace

bool natural_less(std::string_view a, std::string_view b) {
  size_t i = 0;
  size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      size_t a_end = i;
      size_t b_end = j;
      while (a_end < a.size() && is_digit(a[a_end])) ++a_end;
      while (b_end < b.size() && is_digit(b[b_end])) ++b_end;
      // Compare the numbers without converting them, so arbitrarily long digit runs work.
      size_t a_start = i;
      size_t b_start = j;
      while (a_start + 1 < a_end && a[a_start] == '0') ++a_start;
      while (b_start + 1 < b_end && b[b_start] == '0') ++b_start;
      const size_t a_len = a_end - a_start;
      const size_t b_len = b_end - b_start;
      if (a_len != b_len) return a_len < b_len;
      const int order = a.substr(a_start, a_len).compare(b.substr(b_start, b_len));
      if (order != 0) return order < 0;
      i = a_end;
      j = b_end;
      continue;
    }
    if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
    ++i;
    ++j;
  }
  // One is a prefix of the other in natural terms: the shorter comes first.
  if (i == a.size() && j == b.size()) return a < b;
  return i == a.size();
}

} // namespace brief
