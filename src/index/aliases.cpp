#include "index/aliases.hpp"

#include "base/hash.hpp"
#include "index/words.hpp"

#include <algorithm>

namespace brief::index {
namespace {

// "ent" + the group's position + its canonical name's ASCII letters: unique per group (the
// position) and readable when inspecting the cache (the name). Only letters and digits, so the
// unicode61 tokenizer keeps it as one token.
std::string make_entity_token(size_t position, std::string_view canonical) {
  std::string token = "ent" + std::to_string(position);
  for (const Word& word : split_words(canonical)) {
    for (char c : word.folded) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) token += c;
    }
  }
  return token;
}

} // namespace

AliasMatcher::AliasMatcher(const std::vector<corpus::AliasGroup>& groups) {
  Sha256 hash;
  hash.field("aliases-v1");
  for (size_t g = 0; g < groups.size(); ++g) {
    const corpus::AliasGroup& group = groups[g];
    hash.field(group.canonical);
    m_tokens.push_back(make_entity_token(g + 1, group.canonical));
    m_plain_variants.emplace_back();

    auto add = [&](const std::string& text, bool case_sensitive) {
      const std::vector<Word> words = split_words(text);
      if (words.empty()) return;
      Variant variant;
      variant.group = g;
      variant.case_sensitive = case_sensitive;
      for (const Word& word : words) variant.words.push_back(case_sensitive ? std::string(word.raw) : word.folded);
      m_longest = std::max(m_longest, words.size());
      m_by_first_word.emplace(words.front().folded, std::move(variant));
      if (!case_sensitive) m_plain_variants[g].push_back(text);
    };

    std::vector<std::string> all = group.variants;
    if (std::find(all.begin(), all.end(), group.canonical) == all.end()) all.push_back(group.canonical);
    for (const std::string& text : all) {
      const bool case_sensitive =
          std::find(group.case_sensitive.begin(), group.case_sensitive.end(), text) != group.case_sensitive.end();
      add(text, case_sensitive);
      hash.field(case_sensitive ? "exact" : "folded").field(text);
    }
    for (const std::string& text : group.case_sensitive) {
      if (std::find(all.begin(), all.end(), text) != all.end()) continue;
      add(text, true);
      hash.field("exact").field(text);
    }
    hash.field("end-group");
  }
  m_fingerprint = hash.hex();
}

std::vector<AliasMatch> AliasMatcher::find(std::string_view text) const {
  std::vector<AliasMatch> matches;
  if (m_by_first_word.empty()) return matches;
  const std::vector<Word> words = split_words(text);
  for (size_t i = 0; i < words.size();) {
    const Variant* best = nullptr;
    const auto [first, last] = m_by_first_word.equal_range(words[i].folded);
    for (auto it = first; it != last; ++it) {
      const Variant& variant = it->second;
      if (i + variant.words.size() > words.size()) continue;
      if (best != nullptr && variant.words.size() <= best->words.size()) continue;
      bool equal = true;
      for (size_t k = 0; k < variant.words.size() && equal; ++k) {
        const Word& word = words[i + k];
        equal = variant.case_sensitive ? word.raw == variant.words[k] : word.folded == variant.words[k];
      }
      if (equal) best = &variant;
    }
    if (best == nullptr) {
      ++i;
      continue;
    }
    const size_t n = best->words.size();
    matches.push_back({best->group, best->case_sensitive, words[i].begin, words[i + n - 1].end});
    i += n;
  }
  return matches;
}

std::string AliasMatcher::canonical_text(std::string_view text) const {
  const std::vector<AliasMatch> matches = find(text);
  if (matches.empty()) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  size_t at = 0;
  for (const AliasMatch& match : matches) {
    out.append(text.substr(at, match.begin - at));
    // Spaces keep the token apart from neighbouring letters of a split word ("ISIS's").
    out += ' ';
    out += m_tokens[match.group];
    out += ' ';
    at = match.end;
  }
  out.append(text.substr(at));
  return out;
}

bool AliasMatcher::is_whole_variant(std::string_view text) const {
  const std::vector<AliasMatch> matches = find(text);
  if (matches.size() != 1) return false;
  const std::vector<Word> words = split_words(text);
  return !words.empty() && matches.front().begin == words.front().begin && matches.front().end == words.back().end;
}

} // namespace brief::index
