#include "corpus/furniture.hpp"

#include <algorithm>
#include <array>
#include <regex>

namespace brief::corpus::furniture {

namespace {

// Where the values come from: the common shape of web captures and saved pages, not any one
// corpus. A headline or section heading is rarely longer than 12 words (news style guides keep
// them under 10; the headings of reports and papers are shorter still); a sentence of body text
// has at least 8 (the mean English sentence has 15-20); captures made by copying a page keep each
// paragraph on one line, hard-wrapped text (mail, RFCs, Project Gutenberg) wraps at 72-80 columns,
// so 100 bytes separates the two with room; a 5% share tolerates a long URL or table row in a
// wrapped file; a hard wrap falls at a sentence end only by chance (one line in five or six of
// English prose at 72 columns), while a copied page ends every line with a paragraph, so 0.3
// separates them. Three turns by two speakers are the least that makes a dialogue.
constexpr Tunables k_tunables{
    .body_min_words = 8,
    .body_long_words = 20,
    .masthead_max_blocks = 16,
    .heading_max_words = 12,
    .wrap_width = 100,
    .wrap_exceptions = 0.05,
    .wrap_sentence_ends = 0.3,
    .min_speaker_turns = 3,
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Lowercase ASCII, runs of spaces as one, trimmed, and without the trailing punctuation a
// prompt may or may not carry (":", "?", "!", ".", "…").
std::string normalised(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (is_space(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  while (!out.empty() && (out.back() == ':' || out.back() == '?' || out.back() == '!' || out.back() == '.' ||
                             out.back() == ' '))
    out.pop_back();
  if (out.size() >= 3 && out.compare(out.size() - 3, 3, "\u2026") == 0) out.resize(out.size() - 3);
  return out;
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

template <size_t N>
bool any_equal(std::string_view text, const std::array<std::string_view, N>& items) {
  return std::find(items.begin(), items.end(), text) != items.end();
}

template <size_t N>
bool any_prefix(std::string_view text, const std::array<std::string_view, N>& items) {
  return std::any_of(items.begin(), items.end(), [&](std::string_view p) { return starts_with(text, p); });
}

// Whole blocks that are share bars, reader prompts, newsletter and cookie notices in the
// templates of the common publishing systems (WordPress and Jetpack, Disqus, AddThis, news CMSs).
constexpr std::array<std::string_view, 32> k_prompts = {"share", "share this", "share this article",
    "share this story", "share this post", "share this page", "share on facebook", "share on twitter",
    "tweet", "print", "email", "print this page", "like this", "loading", "related", "related articles",
    "related posts", "related stories", "related content", "read more", "read also", "advertisement",
    "subscribe", "subscribe to our newsletter", "sign up for our newsletter", "follow us",
    "do you like this article", "did you like this article", "was this article helpful", "was this helpful",
    "rate this article", "you may also like"};
constexpr std::array<std::string_view, 6> k_prompt_prefixes = {"click to share on ", "click to email ",
    "click to print", "we use cookies", "this website uses cookies", "this site uses cookies"};

// Blocks that open a comment section: its heading, its counter, or the form's notices.
constexpr std::array<std::string_view, 12> k_comment_openers = {"leave a reply", "leave a comment",
    "leave a reply cancel reply", "post a comment", "add a comment", "add comment", "comments",
    "write a comment", "join the discussion", "join the conversation", "comment", "reader comments"};
constexpr std::array<std::string_view, 6> k_comment_prefixes = {"your email address will not be published",
    "comment policy", "you must be logged in to post a comment", "please log in using one of these methods to post",
    "comments are closed", "this site uses akismet to reduce spam"};

// Words that open a caption's credit.
constexpr std::array<std::string_view, 9> k_credit_prefixes = {"photo", "image", "picture", "file photo",
    "video", "credit", "courtesy", "illustration", "graphic"};

const std::regex& comment_counter() {
  static const std::regex re(R"(^\d+ (comments?|comment\(s\)|responses?|replies|thoughts? on .*)$)");
  return re;
}

} // namespace

const Tunables& tunables() { return k_tunables; }

size_t word_count(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    if (is_space(c)) {
      in_word = false;
    } else if (!in_word) {
      in_word = true;
      ++words;
    }
  }
  return words;
}

bool ends_sentence(std::string_view text) {
  for (;;) {
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    if (text.empty()) return false;
    const char last = text.back();
    if (last == '"' || last == '\'' || last == ')' || last == ']') {
      text.remove_suffix(1);
      continue;
    }
    // ” ’ (U+201D, U+2019) close quotations.
    if (text.size() >= 3 && (text.substr(text.size() - 3) == "\u201D" || text.substr(text.size() - 3) == "\u2019")) {
      text.remove_suffix(3);
      continue;
    }
    break;
  }
  const char last = text.back();
  return last == '.' || last == '!' || last == '?' || (text.size() >= 3 && text.substr(text.size() - 3) == "\u2026");
}

std::optional<std::string_view> prompt_rule(std::string_view text) {
  if (word_count(text) > 12) return std::nullopt;
  const std::string n = normalised(text);
  if (n.empty()) return std::nullopt;
  if (any_equal(n, k_prompts) || any_prefix(n, k_prompt_prefixes)) return std::string_view("share or reader prompt");
  static const std::regex counter(R"(^\d+ (shares?|views?|likes?)$)");
  if (std::regex_match(n, counter)) return std::string_view("share or reader prompt");
  return std::nullopt;
}

bool opens_comment_section(std::string_view text) {
  if (word_count(text) > 40) return false;
  const std::string n = normalised(text);
  if (any_equal(n, k_comment_openers) || any_prefix(n, k_comment_prefixes)) return true;
  return std::regex_match(n, comment_counter());
}

bool is_caption(std::string_view text) {
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (text.empty()) return false;
  const std::string whole = normalised(text);
  if (any_prefix(whole, k_credit_prefixes) && (whole.find(':') != std::string::npos ||
                                                  starts_with(whole, "photo courtesy") ||
                                                  starts_with(whole, "courtesy of")))
    return word_count(text) <= 30;
  // A credit in brackets at the end: "... [Photo courtesy of X]", "... (AFP Photo)".
  const char close = text.back();
  if (close != ']' && close != ')') return false;
  const char open = close == ']' ? '[' : '(';
  const size_t start = text.rfind(open);
  if (start == std::string_view::npos) return false;
  const std::string inside = normalised(text.substr(start + 1, text.size() - start - 2));
  if (any_prefix(inside, k_credit_prefixes)) return true;
  for (const std::string_view agency : {"afp photo", "getty images", "reuters photo", "ap photo", "/afp", "/reuters"})
    if (inside.find(agency) != std::string::npos) return true;
  return false;
}

size_t dateline_length(std::string_view text, std::string* source) {
  // "Shafaq News/ ", "IraqiNews/": an outlet's name closed by a slash.
  static const std::regex slash(R"(^([A-Z][A-Za-z0-9.&'-]*(?: [A-Z][A-Za-z0-9.&'-]*){0,4}) ?/ +)");
  // "BAGHDAD (Reuters) - ", "CAIRO, Aug. 16 (Xinhua) -- ", "BAGHDAD, Iraq (AP) — ".
  static const std::regex agency(
      R"(^[A-Z][A-Z.' -]{1,30}(?:, [A-Z][A-Za-z.]{1,12}(?: \d{1,2})?)?(?:, \d{4})? \(([A-Za-z][A-Za-z .&-]{1,30})\) ?(?:-|--|\xE2\x80\x93|\xE2\x80\x94) ?)");
  const std::string head(text.substr(0, 120));
  std::smatch m;
  if (std::regex_search(head, m, slash) && m.length(0) < static_cast<long>(head.size())) {
    // "Iraq/Syria", "24/7" are not datelines: a space must follow the slash.
    if (source) *source = m.str(1);
    return static_cast<size_t>(m.length(0));
  }
  if (std::regex_search(head, m, agency)) {
    if (source) *source = m.str(1);
    return static_cast<size_t>(m.length(0));
  }
  return 0;
}

std::optional<std::string> byline(std::string_view text) {
  if (word_count(text) > 10) return std::nullopt;
  static const std::regex re(
      R"(^[Bb]y:? +((?:[A-Z][A-Za-z.'-]*|al-[A-Za-z'-]+|el-[A-Za-z'-]+)(?: +(?:[A-Z][A-Za-z.'-]*|al-[A-Za-z'-]+|el-[A-Za-z'-]+|bin|ibn|de|van|von|and|&|,)){0,8}) *$)");
  std::smatch m;
  const std::string s(text);
  if (!std::regex_match(s, m, re)) return std::nullopt;
  return m.str(1);
}

size_t speaker_label(std::string_view text, std::string* speaker) {
  static const std::regex re(R"(^(Q|A|[A-Z][A-Z.'\- ]{0,48}[A-Z.]): +)");
  const std::string head(text.substr(0, 60));
  std::smatch m;
  if (!std::regex_search(head, m, re)) return 0;
  if (word_count(m.str(1)) > 5) return 0;
  if (static_cast<size_t>(m.length(0)) >= text.size()) return 0;
  if (speaker) *speaker = m.str(1);
  return static_cast<size_t>(m.length(0));
}

std::optional<std::pair<std::string, std::string>> split_site_title(std::string_view title) {
  for (const std::string_view sep : {std::string_view(" \u2013 "), std::string_view(" \u2014 "),
           std::string_view(" | "), std::string_view(" - ")}) {
    const size_t at = title.rfind(sep);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view head = title.substr(0, at);
    const std::string_view site = title.substr(at + sep.size());
    if (word_count(site) == 0 || word_count(site) > 10 || word_count(head) < 2) continue;
    return std::pair{std::string(head), std::string(site)};
  }
  return std::nullopt;
}

} // namespace brief::corpus::furniture
