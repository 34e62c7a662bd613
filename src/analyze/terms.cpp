#include "analyze/terms.hpp"

#include "base/utf8.hpp"

#include <libstemmer.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>

namespace brief::analyze {

namespace {

// English function words, after the Snowball English stop list, plus a few reporting fillers
// that carry no topic ("also", "would", "could").
constexpr std::string_view k_stopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "among", "an", "and",
    "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "down", "during",
    "each", "either", "even", "ever", "every", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i",
    "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me", "might", "more", "most",
    "much", "must", "my", "myself", "neither", "no", "nor", "not", "now", "of", "off", "on", "once",
    "one", "only", "or", "other", "others", "ought", "our", "ours", "ourselves", "out", "over",
    "own", "per", "rather", "same", "shall", "she", "should", "since", "so", "some", "such", "than",
    "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
    "this", "those", "though", "through", "thus", "to", "too", "under", "until", "up", "upon",
    "us", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
    "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "according", "mr",
    "mrs", "ms", "however", "well", "still", "already", "many", "several", "like", "although",
    "across", "around", "along", "toward", "towards", "onto", "instead", "whereas", "another",
    "amongst", "besides", "despite", "unless", "else", "etc",
};

// Prefixes that, before a hyphen, make one word with what follows ("co-operation").
constexpr std::string_view k_bound_prefixes[] = {
    "co", "counter", "re", "pre", "non", "anti", "multi", "inter", "post", "sub", "semi", "mid",
};

bool is_word_char(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  }
  return u_isalnum(static_cast<UChar32>(cp)) || u_getCombiningClass(static_cast<UChar32>(cp)) != 0 ||
      u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

bool is_apostrophe(char32_t cp) { return cp == U'\'' || cp == U'\u2019' || cp == U'\u02BC'; }
bool is_hyphen(char32_t cp) { return cp == U'-' || cp == U'\u2010' || cp == U'\u2011'; }

// Folds a word: ASCII fast path, ICU full case folding otherwise; drops apostrophes and a
// possessive "'s".
std::string fold_word(std::string_view word) {
  std::string out;
  bool ascii = std::all_of(word.begin(), word.end(),
      [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    out.reserve(word.size());
    for (char c : word) out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  } else {
    out = utf8::fold_case(word);
  }
  // Strip the possessive, then any apostrophe left inside ("da'esh" -> "daesh").
  auto strip_suffix = [&out](std::string_view suffix) {
    if (out.size() > suffix.size() && out.ends_with(suffix)) {
      out.resize(out.size() - suffix.size());
      return true;
    }
    return false;
  };
  if (!strip_suffix("'s")) strip_suffix("\u2019s");
  std::string clean;
  clean.reserve(out.size());
  for (size_t i = 0; i < out.size();) {
    if (out[i] == '\'') {
      ++i;
    } else if (out.compare(i, 3, "\u2019") == 0 || out.compare(i, 2, "\u02BC") == 0) {
      i += out.compare(i, 3, "\u2019") == 0 ? 3 : 2;
    } else {
      clean.push_back(out[i++]);
    }
  }
  return clean;
}

} // namespace

std::vector<Word> split_words(std::string_view text) {
  std::vector<Word> words;
  size_t offset = 0;
  while (offset < text.size()) {
    size_t start = offset;
    char32_t cp = utf8::decode(text, offset);
    if (!is_word_char(cp)) continue;
    Word word;
    word.begin = start;
    size_t end = offset;
    bool digit = u_isdigit(static_cast<UChar32>(cp));
    word.has_digit = digit;
    word.has_letter = !digit;
    while (end < text.size()) {
      size_t next = end;
      char32_t c = utf8::decode(text, next);
      if (is_word_char(c)) {
        bool d = u_isdigit(static_cast<UChar32>(c));
        word.has_digit |= d;
        word.has_letter |= !d;
        end = next;
        continue;
      }
      // An apostrophe or hyphen joins two word characters, but a hyphen never joins digits
      // ("5,000-6,000" is a range, not a word).
      if ((is_apostrophe(c) || is_hyphen(c)) && next < text.size()) {
        size_t after = next;
        char32_t following = utf8::decode(text, after);
        bool digits_around = u_isdigit(static_cast<UChar32>(following)) && word.has_digit;
        if (is_word_char(following) && !(is_hyphen(c) && digits_around)) {
          end = next;
          continue;
        }
      }
      break;
    }
    word.end = end;
    word.text = text.substr(start, end - start);
    word.folded = fold_word(word.text);
    offset = end;
    words.push_back(std::move(word));
  }
  return words;
}

bool is_stopword(std::string_view folded) {
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> v(std::begin(k_stopwords), std::end(k_stopwords));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return std::binary_search(sorted.begin(), sorted.end(), folded);
}

struct TermMaker::Stemmer {
  sb_stemmer* handle = nullptr;
  std::unordered_map<std::string, std::string> cache;  // lookups only; never iterated
};

TermMaker::TermMaker() : m_stemmer(std::make_unique<Stemmer>()) {
  m_stemmer->handle = sb_stemmer_new("english", nullptr);
  if (m_stemmer->handle == nullptr) throw std::runtime_error("cannot create the English stemmer");
}

TermMaker::~TermMaker() { sb_stemmer_delete(m_stemmer->handle); }

std::string TermMaker::stem(std::string_view folded) {
  auto found = m_stemmer->cache.find(std::string(folded));
  if (found != m_stemmer->cache.end()) return found->second;
  const sb_symbol* stemmed = sb_stemmer_stem(m_stemmer->handle,
      reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
  std::string out = stemmed == nullptr
      ? std::string(folded)
      : std::string(reinterpret_cast<const char*>(stemmed),
            static_cast<size_t>(sb_stemmer_length(m_stemmer->handle)));
  m_stemmer->cache.emplace(std::string(folded), out);
  return out;
}

std::vector<std::string> TermMaker::terms(std::string_view text) {
  std::vector<std::string> out;
  auto add = [&](std::string_view part) {
    if (part.size() < 2 || is_stopword(part)) return;
    bool letters = std::any_of(part.begin(), part.end(),
        [](char c) { return !(c >= '0' && c <= '9'); });
    out.push_back(letters ? stem(part) : std::string(part));
  };
  for (const Word& word : split_words(text)) {
    const std::string& folded = word.folded;
    if (folded.find('-') == std::string::npos && folded.find("\u2010") == std::string::npos) {
      add(folded);
      continue;
    }
    // Hyphenated: split into parts, but glue a bound prefix to the following part.
    std::vector<std::string> parts;
    std::string current;
    for (size_t i = 0; i < folded.size();) {
      bool ascii_hyphen = folded[i] == '-';
      bool unicode_hyphen = folded.compare(i, 3, "\u2010") == 0 || folded.compare(i, 3, "\u2011") == 0;
      if (ascii_hyphen || unicode_hyphen) {
        parts.push_back(current);
        current.clear();
        i += ascii_hyphen ? 1 : 3;
      } else {
        current.push_back(folded[i++]);
      }
    }
    parts.push_back(current);
    std::string carry;
    for (const std::string& part : parts) {
      std::string joined = carry + part;
      carry.clear();
      if (std::find(std::begin(k_bound_prefixes), std::end(k_bound_prefixes), joined) !=
          std::end(k_bound_prefixes)) {
        carry = joined;
        continue;
      }
      add(joined);
    }
    if (!carry.empty()) add(carry);
  }
  return out;
}

} // namespace brief::analyze
