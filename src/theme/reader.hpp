#pragma once
// Reads one mapping of a merged template tree, in the manner of yaml::MapReader: unknown keys are
// reported (with a did-you-mean) when the reader is made, and each typed accessor reports a wrong
// type or range at the value, in the file where that key or value was written.

#include "theme/theme.hpp"
#include "theme/tree.hpp"

#include <optional>
#include <string>
#include <vector>

namespace brief::theme {

class TreeReader {
public:
  // `what` names the mapping in messages ("page", "styles.h1"). A missing or empty node reads as
  // an empty mapping (every key absent), so defaults apply.
  TreeReader(const Node* node, std::string what, std::vector<std::string> known_keys, Diagnostics& diagnostics);

  bool valid() const { return m_node != nullptr; }
  const std::string& what() const { return m_what; }
  // The value of `key`, or nullptr when it is absent or empty (`key:` / `key: ~` mean "default").
  const Node* get(std::string_view key) const;
  const Entry* entry(std::string_view key) const;
  std::vector<std::string> keys() const;
  Diagnostics& diagnostics() const { return m_diagnostics; }

  std::optional<std::string> text(std::string_view key, std::string_view hint = {}) const;
  std::optional<bool> boolean(std::string_view key) const;
  std::optional<int64_t> integer(std::string_view key, int64_t min, int64_t max) const;
  std::optional<double> number(std::string_view key, double min, double max) const;
  // A length in points (see parse_length) within [min, max] points.
  std::optional<double> length(std::string_view key, double min, double max) const;
  std::optional<Rgb> color(std::string_view key) const;
  std::optional<std::string> choice(std::string_view key, const std::vector<std::string>& choices) const;
  // A list of text items; one scalar counts as a list of one.
  std::optional<std::vector<std::string>> texts(std::string_view key, std::string_view hint = {}) const;

  void error(const Node& at, std::string message, std::vector<std::string> hints = {}) const;

private:
  const Node* m_node = nullptr;
  std::string m_what;
  Diagnostics& m_diagnostics;
};

// Formats a number as templates write it: shortest form, no trailing zeros ("10.5", "12").
std::string format_number(double value);

} // namespace brief::theme
