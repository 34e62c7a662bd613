#pragma once
// Entity aliases: finding the name variants of one entity in text (ISIS = ISIL = Islamic State =
// Daesh = Da'esh = Da’esh ...), so that a search for any variant finds them all.
//
// Matching works on words (see words.hpp): a variant matches a run of whole words, compared
// case-folded and without diacritics, except variants listed as case-sensitive ("IS", which is
// also an English word), which must match exactly. At each word the longest variant wins and
// matches do not overlap. Each group gets an entity token (`ent1isis`) that replaces its
// variants in the index's `canonical` column, so a query variant can be searched as that token.

#include "corpus/corpus.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace brief::index {

struct AliasMatch {
  size_t group = 0;  // index into the matcher's groups
  bool case_sensitive = false;
  uint32_t begin = 0;  // byte range in the searched text
  uint32_t end = 0;
};

class AliasMatcher {
public:
  AliasMatcher() : AliasMatcher(std::vector<corpus::AliasGroup>{}) {}
  explicit AliasMatcher(const std::vector<corpus::AliasGroup>& groups);

  // Variant occurrences in `text`, left to right, longest first, not overlapping.
  std::vector<AliasMatch> find(std::string_view text) const;

  // `text` with each variant occurrence replaced by its group's entity token.
  std::string canonical_text(std::string_view text) const;

  // True if the whole of `text` is exactly one variant; used to join adjacent query words
  // into a multi-word name ("Islamic State").
  bool is_whole_variant(std::string_view text) const;

  const std::string& entity_token(size_t group) const { return m_tokens[group]; }
  // The case-insensitive variants of a group, for highlighting them in snippets.
  const std::vector<std::string>& plain_variants(size_t group) const { return m_plain_variants[group]; }
  size_t longest_variant_words() const { return m_longest; }

  // Changes whenever the groups change, so cached indexes can be invalidated.
  std::string fingerprint() const { return m_fingerprint; }

private:
  struct Variant {
    std::vector<std::string> words;  // folded, or raw for case-sensitive variants
    size_t group = 0;
    bool case_sensitive = false;
  };
  // Keyed by the first word (folded for all variants, so one lookup finds both kinds).
  std::multimap<std::string, Variant, std::less<>> m_by_first_word;
  std::vector<std::string> m_tokens;
  std::vector<std::vector<std::string>> m_plain_variants;
  size_t m_longest = 0;
  std::string m_fingerprint;
};

} // namespace brief::index
