#pragma once
// A yaml::MapReader whose errors always carry a hint. The base reader reports wrong types and
// ranges without saying what to write instead; every spec error should, so the caller names the
// expected form for each key and it is attached to whatever the base reader reports.

#include "base/yaml.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace brief::briefing {

class Fields {
public:
  // `shape_hint` is attached when `node` is not a mapping at all.
  Fields(const SourceFilePtr& file, const YAML::Node& node, std::string what,
      std::vector<std::string> known_keys, Diagnostics& out, std::string_view shape_hint);

  Fields(const Fields&) = delete;
  Fields& operator=(const Fields&) = delete;

  bool valid() const { return m_reader.valid(); }
  // Errors the constructor reported (unknown or duplicate keys, not a mapping).
  size_t key_errors() const { return m_key_errors; }
  const yaml::MapReader& reader() const { return m_reader; }

  std::optional<std::string> string(std::string_view key, std::string_view hint, bool required = false);
  std::optional<bool> boolean(std::string_view key, std::string_view hint);
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max, std::string_view hint);
  std::optional<std::vector<std::string>> strings(std::string_view key, std::string_view hint);
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices);

  // A non-empty string; "`key` must not be empty" otherwise.
  std::optional<std::string> nonempty(std::string_view key, std::string_view hint, bool required = false);

private:
  // Moves what the base reader reported into the caller's diagnostics, adding `hint`.
  void flush(std::string_view hint);

  Diagnostics m_scratch;  // declared before m_reader, which keeps a reference to it
  yaml::MapReader m_reader;
  Diagnostics& m_out;
  size_t m_key_errors = 0;
};

} // namespace brief::briefing
