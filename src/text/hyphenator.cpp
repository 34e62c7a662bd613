#include "text/font.hpp"

#include "base/utf8.hpp"

#include <fmt/format.h>
#include <hyphen.h>
#include <unicode/uchar.h>

#include <cstdlib>
#include <filesystem>

namespace brief::text {
namespace {

constexpr const char* k_dictionary_dir = "/usr/share/hyphen";
constexpr size_t k_max_word_bytes = 100;  // longer "words" are ids, URLs or noise

struct DictDeleter {
  void operator()(HyphenDict* d) const { hnj_hyphen_free(d); }
};

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019'; }

} // namespace

struct Hyphenator::Impl {
  std::unique_ptr<HyphenDict, DictDeleter> dict;
};

Hyphenator::Hyphenator() : m_impl(std::make_unique<Impl>()) {}
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;
Hyphenator::~Hyphenator() = default;

Outcome<Hyphenator> Hyphenator::load(const std::string& language) {
  std::string file = language;
  for (char& c : file) c = c == '-' ? '_' : c;
  const std::filesystem::path path = std::filesystem::path(k_dictionary_dir) / ("hyph_" + file + ".dic");
  Diagnostics diagnostics;
  std::error_code error;
  if (language.empty() || language.find('/') != std::string::npos ||
      !std::filesystem::is_regular_file(path, error)) {
    diagnostics.error({}, fmt::format("no hyphenation patterns for language `{}`", language),
        {fmt::format("expected `{}` (Debian package hyphen-en-us for en-US)", path.string())});
    return diagnostics;
  }
  Hyphenator hyphenator;
  hyphenator.m_impl->dict.reset(hnj_hyphen_load(path.c_str()));
  if (!hyphenator.m_impl->dict) {
    diagnostics.error({}, fmt::format("cannot load hyphenation patterns `{}`", path.string()));
    return diagnostics;
  }
  return hyphenator;
}

std::vector<size_t> Hyphenator::points(std::string_view word, int left_min, int right_min) const {
  if (word.empty() || word.size() > k_max_word_bytes || utf8::find_invalid(word)) return {};
  left_min = std::max(left_min, 1);
  right_min = std::max(right_min, 1);

  // Leading and trailing punctuation ("(information)," or "“state”") is not part of the word.
  size_t begin = 0, end = word.size();
  {
    size_t offset = 0;
    size_t last_letter_end = 0;
    bool seen_letter = false;
    while (offset < word.size()) {
      const size_t start = offset;
      const char32_t cp = utf8::decode(word, offset);
      if (u_isalpha(static_cast<UChar32>(cp))) {
        if (!seen_letter) begin = start;
        seen_letter = true;
        last_letter_end = offset;
      }
    }
    if (!seen_letter) return {};
    end = last_letter_end;
  }
  std::string_view core = word.substr(begin, end - begin);
  // A possessive or contraction ("government’s", "don't") is hyphenated in its stem only.
  for (size_t offset = 0; offset < core.size();) {
    const size_t start = offset;
    if (is_apostrophe(utf8::decode(core, offset))) {
      core = core.substr(0, start);
      break;
    }
  }

  // Only plain words: letters, a capital only at the start. Digits, inner capitals and
  // all-capital words are ids, names of things and acronyms: never broken.
  std::string lower;
  lower.reserve(core.size());
  int letters = 0;
  for (size_t offset = 0; offset < core.size();) {
    const char32_t cp = utf8::decode(core, offset);
    const auto c = static_cast<UChar32>(cp);
    if (!u_isalpha(c)) return {};  // digits, hyphens, symbols inside the word
    if ((u_isupper(c) || u_istitle(c)) && letters > 0) return {};
    std::string folded, original;
    utf8::append(folded, static_cast<char32_t>(u_tolower(c)));
    utf8::append(original, cp);
    if (folded.size() != original.size()) return {};  // offsets must stay those of the word
    lower += folded;
    ++letters;
  }
  for (size_t offset = 0; offset < word.size();) {  // digits anywhere ("A4-size", "x86")
    if (u_isdigit(static_cast<UChar32>(utf8::decode(word, offset)))) return {};
  }
  if (letters < left_min + right_min) return {};

  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  const int failed = hnj_hyphen_hyphenate3(m_impl->dict.get(), lower.c_str(), static_cast<int>(lower.size()),
      hyphens.data(), nullptr, &rep, &pos, &cut, left_min, right_min, left_min, right_min);
  const bool non_standard = rep != nullptr;
  if (rep) {
    for (size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  if (failed != 0) return {};

  // Count letters on each side ourselves: the patterns' own minimums count bytes in some builds.
  std::vector<size_t> out;
  int letters_before = 0;
  for (size_t i = 0; i + 1 < lower.size(); ++i) {
    const auto byte = static_cast<unsigned char>(lower[i]);
    if ((byte & 0xC0) != 0x80) ++letters_before;
    const auto next = static_cast<unsigned char>(lower[i + 1]);
    if ((next & 0xC0) == 0x80) continue;  // not a character boundary
    if (!(hyphens[i] & 1) || (non_standard && hyphens[i] != '1' && hyphens[i] != '3')) continue;
    if (letters_before < left_min || letters - letters_before < right_min) continue;
    out.push_back(begin + i + 1);
  }
  return out;
}

} // namespace brief::text
