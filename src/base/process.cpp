#include "base/process.hpp"

#include <fmt/format.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace brief {

std::optional<unsigned long long> process_start_time(long pid) {
  if (pid <= 0) return std::nullopt;
  std::ifstream in(fmt::format("/proc/{}/stat", pid));
  if (!in) return std::nullopt;
  const std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name (field 2) is in parentheses and may hold spaces or ')': fields are counted
  // after its last ')'. Field 3 (state) follows it; the start time is field 22.
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(close + 1));
  std::string field;
  for (int number = 3; number < 22; ++number) {
    if (!(fields >> field)) return std::nullopt;
  }
  unsigned long long start = 0;
  if (!(fields >> start)) return std::nullopt;
  return start;
}

bool same_process_running(long pid, unsigned long long start_time) {
  const std::optional<unsigned long long> now = process_start_time(pid);
  return now && *now == start_time;
}

} // namespace brief
