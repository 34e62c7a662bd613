#include "index/query_parser.hpp"

#include "base/utf8.hpp"
#include "index/words.hpp"

#include <fmt/format.h>

#include <optional>
#include <set>

namespace brief::index {
namespace {

// Deep enough for any hand-written query, and far below FTS5's own expression depth limit.
constexpr int k_max_depth = 32;
// A query is written by hand in a spec or on the command line: the longest shipped one is about
// 100 bytes, so 4 KiB (some 400 terms) is generous, and it bounds the work each query costs (an
// alias term expands to every variant, so repeating one made longer queries grow quadratically).
constexpr size_t k_max_query_bytes = 4096;

enum class TokenKind { term, open, close, op_and, op_or, op_not };

struct Token {
  TokenKind kind = TokenKind::term;
  std::string text;  // the term without quotes
  bool quoted = false;
  uint32_t begin = 0;  // byte range in the query, quotes included
  uint32_t end = 0;
};

bool is_quote(char32_t cp) { return cp == U'"' || cp == U'\u201C' || cp == U'\u201D'; }
bool is_delimiter(char32_t cp) { return is_space(cp) || is_quote(cp) || cp == U'(' || cp == U')'; }

struct Node {
  enum class Kind { term, all, any, but_not } kind = Kind::term;
  std::string text;            // for terms
  std::vector<Node> children;  // but_not: the included part first, then the excluded parts
};

class Parser {
public:
  Parser(std::string_view text, const Span& span, const AliasMatcher& aliases)
      : m_text(text), m_span(span), m_aliases(aliases) {}

  Outcome<CompiledQuery> compile() {
    lex();
    if (!m_error) {
      if (m_tokens.empty()) {
        if (has_visible_text()) {
          fail(0, static_cast<uint32_t>(m_text.size()),
              fmt::format("query `{}` has no words to search for", m_text),
              "punctuation is ignored; search for words or \"quoted phrases\"");
        } else {
          fail(0, 0, "empty query", "write words to search for, e.g. `isis attacks`");
        }
      }
    }
    std::optional<Node> root;
    if (!m_error) root = parse_or(0);
    if (!m_error && m_at < m_tokens.size()) {
      const Token& token = m_tokens[m_at];
      if (token.kind == TokenKind::close) {
        fail(token.begin, token.end, "unmatched `)` in query", "remove it or add `(` before the terms it closes");
      } else {
        fail(token.begin, token.end, fmt::format("unexpected `{}` in query", token.text), "");
      }
    }
    if (!m_error && !root) fail(0, static_cast<uint32_t>(m_text.size()), "query has no terms to search for", "");
    if (m_error) {
      Diagnostics diagnostics;
      diagnostics.add(std::move(*m_error));
      return diagnostics;
    }
    CompiledQuery compiled;
    compiled.match = render(*root);
    std::set<std::string> words;
    std::set<size_t> groups;
    collect_highlights(*root, words, groups);
    compiled.highlight_words.assign(words.begin(), words.end());
    compiled.highlight_groups.assign(groups.begin(), groups.end());
    return compiled;
  }

private:
  bool has_visible_text() const {
    for (size_t offset = 0; offset < m_text.size();) {
      if (!is_space(utf8::decode(m_text, offset))) return true;
    }
    return false;
  }

  void fail(uint32_t begin, uint32_t end, std::string message, std::string hint) {
    if (m_error) return;
    Diagnostic diagnostic;
    diagnostic.message = std::move(message);
    if (!hint.empty()) diagnostic.hints.push_back(std::move(hint));
    diagnostic.span = m_span;
    // Point at the token when the span holds the query verbatim (a plain YAML scalar).
    if (m_span.has_location() && m_span.end >= m_span.begin && m_span.end - m_span.begin == m_text.size() &&
        m_span.end <= m_span.file->text.size() &&
        std::string_view(m_span.file->text).substr(m_span.begin, m_text.size()) == m_text) {
      diagnostic.span.begin = m_span.begin + begin;
      diagnostic.span.end = m_span.begin + std::max(begin + 1, end);
      diagnostic.span.end = std::min(diagnostic.span.end, m_span.end);
    }
    m_error = std::move(diagnostic);
  }

  void lex() {
    size_t offset = 0;
    while (offset < m_text.size() && !m_error) {
      const size_t at = offset;
      const char32_t cp = utf8::decode(m_text, offset);
      if (is_space(cp)) continue;
      if (cp == U'(' || cp == U')') {
        m_tokens.push_back({cp == U'(' ? TokenKind::open : TokenKind::close, std::string(1, static_cast<char>(cp)),
            false, static_cast<uint32_t>(at), static_cast<uint32_t>(offset)});
        continue;
      }
      if (is_quote(cp)) {
        const size_t content = offset;
        bool closed = false;
        size_t content_end = content;
        while (offset < m_text.size()) {
          content_end = offset;
          if (is_quote(utf8::decode(m_text, offset))) {
            closed = true;
            break;
          }
        }
        if (!closed) {
          fail(static_cast<uint32_t>(at), static_cast<uint32_t>(m_text.size()), "unclosed quote in query",
              "end the phrase with `\"`");
          return;
        }
        const std::string_view phrase = m_text.substr(content, content_end - content);
        if (has_word(phrase)) {
          m_tokens.push_back({TokenKind::term, std::string(phrase), true, static_cast<uint32_t>(at),
              static_cast<uint32_t>(offset)});
        }
        continue;
      }
      size_t end = offset;
      while (end < m_text.size()) {
        size_t next = end;
        if (is_delimiter(utf8::decode(m_text, next))) break;
        end = next;
      }
      offset = end;
      const std::string_view word = m_text.substr(at, end - at);
      Token token{TokenKind::term, std::string(word), false, static_cast<uint32_t>(at), static_cast<uint32_t>(end)};
      if (word == "AND") token.kind = TokenKind::op_and;
      else if (word == "OR") token.kind = TokenKind::op_or;
      else if (word == "NOT") token.kind = TokenKind::op_not;
      else if (!has_word(word)) continue;
      m_tokens.push_back(std::move(token));
    }
  }

  const Token* peek(size_t ahead = 0) const {
    return m_at + ahead < m_tokens.size() ? &m_tokens[m_at + ahead] : nullptr;
  }

  void fail_operator(const Token& op) {
    // The query ended inside a group: the missing `)` is the first thing to fix, so point there.
    if (m_at >= m_tokens.size() && !m_open_groups.empty()) {
      const Token& open = m_tokens[m_open_groups.back()];
      fail(open.begin, open.end, "unclosed `(` in query",
          fmt::format("add `)` after the grouped terms; the `{}` at the end also needs a term after it", op.text));
      return;
    }
    std::string hint;
    if (op.kind == TokenKind::op_or) hint = "write `a OR b`";
    else if (op.kind == TokenKind::op_and) hint = "write `a AND b`, or just `a b`";
    else hint = "write `a NOT b` to find a without b";
    fail(op.begin, op.end, fmt::format("`{}` needs a term on each side", op.text), hint);
  }

  static bool starts_operand(const Token* token) {
    return token != nullptr && (token->kind == TokenKind::term || token->kind == TokenKind::open);
  }

  std::optional<Node> parse_or(int depth) {
    std::vector<Node> alternatives;
    while (true) {
      std::optional<Node> part = parse_and(depth);
      if (m_error) return std::nullopt;
      const Token* next = peek();
      if (!part) {
        // An empty side: "OR a", "a OR", "a OR OR b".
        if (next != nullptr && next->kind == TokenKind::op_or) fail_operator(*next);
        else if (!alternatives.empty()) fail_operator(m_tokens[m_at - 1]);
        return std::nullopt;
      }
      alternatives.push_back(std::move(*part));
      if (next == nullptr || next->kind != TokenKind::op_or) break;
      ++m_at;
      if (!starts_operand(peek())) {
        fail_operator(m_tokens[m_at - 1]);
        return std::nullopt;
      }
    }
    if (alternatives.size() == 1) return std::move(alternatives.front());
    return Node{Node::Kind::any, {}, std::move(alternatives)};
  }

  std::optional<Node> parse_and(int depth) {
    std::vector<Node> included;
    std::vector<Node> excluded;
    while (const Token* token = peek()) {
      if (token->kind == TokenKind::close || token->kind == TokenKind::op_or) break;
      bool exclude = false;
      if (token->kind == TokenKind::op_and) {
        const Token& op = *token;
        ++m_at;
        if (included.empty() && excluded.empty()) {
          fail_operator(op);
          return std::nullopt;
        }
        if (peek() != nullptr && peek()->kind == TokenKind::op_not) {
          exclude = true;
          ++m_at;
        }
        if (!starts_operand(peek())) {
          fail_operator(exclude ? m_tokens[m_at - 1] : op);
          return std::nullopt;
        }
      } else if (token->kind == TokenKind::op_not) {
        const Token& op = *token;
        ++m_at;
        if (included.empty() || !starts_operand(peek())) {
          fail_operator(op);
          return std::nullopt;
        }
        exclude = true;
      }
      std::optional<Node> operand = parse_operand(depth);
      if (m_error) return std::nullopt;
      (exclude ? excluded : included).push_back(std::move(*operand));
    }
    if (included.empty()) return std::nullopt;
    Node node = included.size() == 1 ? std::move(included.front()) : Node{Node::Kind::all, {}, std::move(included)};
    if (excluded.empty()) return node;
    Node but_not{Node::Kind::but_not, {}, {}};
    but_not.children.push_back(std::move(node));
    for (Node& part : excluded) but_not.children.push_back(std::move(part));
    return but_not;
  }

  std::optional<Node> parse_operand(int depth) {
    const Token& token = m_tokens[m_at];
    if (token.kind == TokenKind::open) {
      if (depth + 1 > k_max_depth) {
        fail(token.begin, token.end, "query nests parentheses too deeply",
            fmt::format("use at most {} levels of `(`", k_max_depth));
        return std::nullopt;
      }
      m_open_groups.push_back(m_at);
      ++m_at;
      if (peek() != nullptr && peek()->kind == TokenKind::close) {
        fail(token.begin, peek()->end, "empty `()` in query", "put terms between the parentheses or remove them");
        return std::nullopt;
      }
      std::optional<Node> inner = parse_or(depth + 1);
      if (m_error) return std::nullopt;
      if (peek() == nullptr || peek()->kind != TokenKind::close) {
        fail(token.begin, token.end, "unclosed `(` in query", "add `)` after the grouped terms or remove the `(`");
        return std::nullopt;
      }
      ++m_at;
      m_open_groups.pop_back();
      return inner;
    }
    ++m_at;
    if (!token.quoted) {
      // Adjacent bare words that together name an alias ("Islamic State") become one term.
      size_t run = 1;
      while (run < m_aliases.longest_variant_words() && peek(run - 1) != nullptr &&
             peek(run - 1)->kind == TokenKind::term && !peek(run - 1)->quoted) {
        ++run;
      }
      for (size_t count = run; count >= 2; --count) {
        const Token& last = m_tokens[m_at + count - 2];
        const std::string_view joined = m_text.substr(token.begin, last.end - token.begin);
        if (m_aliases.is_whole_variant(joined)) {
          m_at += count - 1;
          return Node{Node::Kind::term, std::string(joined), {}};
        }
      }
    }
    return Node{Node::Kind::term, token.text, {}};
  }

  std::string render(const Node& node) const {
    switch (node.kind) {
    case Node::Kind::term: return render_term(node.text);
    case Node::Kind::all:
    case Node::Kind::any: {
      std::string out = "(";
      for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) out += node.kind == Node::Kind::all ? " AND " : " OR ";
        out += render(node.children[i]);
      }
      return out + ")";
    }
    case Node::Kind::but_not: {
      std::string out = render(node.children.front());
      for (size_t i = 1; i < node.children.size(); ++i) out = "(" + out + " NOT " + render(node.children[i]) + ")";
      return out;
    }
    }
    return {};
  }

  std::string render_term(const std::string& text) const {
    const std::string body = "body : " + fts5_string(text);
    const std::vector<AliasMatch> matches = m_aliases.find(text);
    if (matches.empty()) return body;
    const std::string canonical = "canonical : " + fts5_string(m_aliases.canonical_text(text));
    for (const AliasMatch& match : matches) {
      if (match.case_sensitive) return canonical;
    }
    return "(" + body + " OR " + canonical + ")";
  }

  void collect_highlights(const Node& node, std::set<std::string>& words, std::set<size_t>& groups) const {
    if (node.kind == Node::Kind::but_not) {
      collect_highlights(node.children.front(), words, groups);
      return;
    }
    if (node.kind != Node::Kind::term) {
      for (const Node& child : node.children) collect_highlights(child, words, groups);
      return;
    }
    const std::vector<AliasMatch> matches = m_aliases.find(node.text);
    for (const Word& word : split_words(node.text)) {
      bool in_exact_alias = false;
      for (const AliasMatch& match : matches) {
        in_exact_alias |= match.case_sensitive && word.begin >= match.begin && word.end <= match.end;
      }
      if (!in_exact_alias) words.insert(fts5_string(word.raw));
    }
    for (const AliasMatch& match : matches) groups.insert(match.group);
  }

  std::string_view m_text;
  const Span& m_span;
  const AliasMatcher& m_aliases;
  std::vector<Token> m_tokens;
  size_t m_at = 0;
  std::vector<size_t> m_open_groups;  // token indexes of the `(` not yet closed, innermost last
  std::optional<Diagnostic> m_error;
};

} // namespace

std::string fts5_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Outcome<CompiledQuery> compile_query(std::string_view text, const Span& span, const AliasMatcher& aliases) {
  if (text.size() > k_max_query_bytes) {
    Diagnostics diagnostics;
    diagnostics.error(span, fmt::format("query of {} bytes is longer than the limit of {} bytes", text.size(),
        k_max_query_bytes), {"split it over several sections, or use `documents:` or `ids:` to name what to include"});
    return diagnostics;
  }
  return Parser(text, span, aliases).compile();
}

} // namespace brief::index
