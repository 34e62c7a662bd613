#include "corpus/segment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

namespace brief::corpus {

namespace {

constexpr std::string_view k_bullet = "\u2022";  // •
constexpr size_t k_max_ordinal_digits = 3;       // "999." is a marker, "2020." starts a sentence
constexpr size_t k_tab_width = 4;
// Lines of a list item after its first must be indented this far to continue it; an unindented
// line after a list item starts a new paragraph (sources often end a list with a closing remark).
constexpr size_t k_continuation_indent = 2;

struct Line {
  size_t begin = 0;    // first byte of the line
  size_t content = 0;  // first non-blank byte
  size_t end = 0;      // one past the last non-blank byte
  size_t indent = 0;   // columns before `content`
  bool blank() const { return content == end; }
};

// A run of passage text copied from the body: where it sits in the passage text and in the body.
struct Piece {
  size_t text_offset = 0;
  size_t body_begin = 0;
  size_t body_end = 0;
};

using Marker = ListMarker;

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

Line read_line(std::string_view body, size_t begin, size_t end) {
  Line line{begin, begin, end, 0};
  while (line.content < end && is_blank(body[line.content])) {
    line.indent = body[line.content] == '\t' ? (line.indent / k_tab_width + 1) * k_tab_width
                                              : line.indent + 1;
    ++line.content;
  }
  while (line.end > line.content && is_blank(body[line.end - 1])) --line.end;
  return line;
}

// `#`..`######` followed by a space or the end of the line: returns the level.
int heading_level(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && text[n] == '#') ++n;
  if (n == 0 || n > 6) return 0;
  if (n < text.size() && text[n] != ' ' && text[n] != '\t') return 0;
  return static_cast<int>(n);
}

// "---", "***", "___" (three or more, spaces allowed between): a thematic break, not a passage.
bool is_thematic_break(std::string_view text) {
  char mark = 0;
  int count = 0;
  for (char c : text) {
    if (c == ' ' || c == '\t') continue;
    if (c != '-' && c != '*' && c != '_') return false;
    if (mark != 0 && c != mark) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

size_t skip_blanks(std::string_view text, size_t pos) {
  while (pos < text.size() && is_blank(text[pos])) ++pos;
  return pos;
}

} // namespace

std::optional<ListMarker> find_list_marker(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // Bullets need a space after them, so "-5 degrees" and "*emphasis*" stay paragraphs.
  for (const std::string_view bullet : {std::string_view("-"), std::string_view("*"),
           std::string_view("+"), k_bullet}) {
    if (text.substr(0, bullet.size()) == bullet && text.size() > bullet.size() &&
        is_blank(text[bullet.size()])) {
      const size_t content = skip_blanks(text, bullet.size());
      if (content < text.size()) return Marker{bullet.size(), content};
    }
  }
  // Ordinals "1.", "1-", "1)". Sources often omit the space ("5-Including", "1.It's"), so a
  // capital letter directly after the marker is accepted too; digits are not ("3.5", "2014-2017").
  size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > k_max_ordinal_digits || digits + 1 >= text.size()) return std::nullopt;
  const char punct = text[digits];
  if (punct != '.' && punct != '-' && punct != ')') return std::nullopt;
  const char after = text[digits + 1];
  if (is_blank(after)) {
    const size_t content = skip_blanks(text, digits + 1);
    if (content < text.size()) return Marker{digits + 1, content};
    return std::nullopt;
  }
  if (after >= 'A' && after <= 'Z') return Marker{digits + 1, digits + 1};
  return std::nullopt;
}

namespace {

// Heading text without trailing closing hashes ("## Title ##" -> "Title").
size_t heading_text_end(std::string_view body, size_t begin, size_t end) {
  size_t e = end;
  while (e > begin && body[e - 1] == '#') --e;
  if (e == end) return end;
  if (e == begin) return begin;
  if (!is_blank(body[e - 1])) return end;  // "C#" keeps its hash
  while (e > begin && is_blank(body[e - 1])) --e;
  return e;
}

class PassageBuilder {
public:
  PassageBuilder(std::string_view doc_id, std::string_view body) : m_doc_id(doc_id), m_body(body) {}

  void start(PassageKind kind, int level, std::string marker, int depth) {
    flush();
    m_open = true;
    m_kind = kind;
    m_level = level;
    m_marker = std::move(marker);
    m_depth = depth;
  }
  // Set after start(), for the passage being built.
  void set_extras(uint32_t page, std::string speaker, std::vector<std::string> links) {
    m_page = page;
    m_speaker = std::move(speaker);
    m_links = std::move(links);
  }
  bool open() const { return m_open; }
  PassageKind kind() const { return m_kind; }

  void add(size_t begin, size_t end) {
    if (begin >= end) return;
    if (!m_text.empty()) m_text += ' ';
    m_pieces.push_back({m_text.size(), begin, end});
    m_text.append(m_body.substr(begin, end - begin));
  }

  void flush() {
    if (!m_open) return;
    m_open = false;
    if (m_text.empty()) {
      m_pieces.clear();
      return;
    }
    Passage passage;
    passage.number = static_cast<uint32_t>(m_passages.size() + 1);
    passage.id = fmt::format("{}#p{}", m_doc_id, passage.number);
    passage.kind = m_kind;
    passage.heading_level = m_level;
    passage.list_marker = std::move(m_marker);
    passage.list_depth = m_depth;
    passage.page = m_page;
    passage.speaker = std::move(m_speaker);
    passage.links = std::move(m_links);
    m_page = 0;
    m_speaker.clear();
    m_links.clear();
    passage.range = {static_cast<uint32_t>(m_pieces.front().body_begin),
        static_cast<uint32_t>(m_pieces.back().body_end)};
    if (m_kind == PassageKind::heading) {
      while (!m_headings.empty() && m_headings.back().first >= m_level) m_headings.pop_back();
      passage.heading = m_headings.empty() ? "" : m_headings.back().second;
      m_headings.emplace_back(m_level, m_text);
    } else {
      passage.heading = m_headings.empty() ? "" : m_headings.back().second;
    }
    uint32_t sentence_number = 0;
    for (const ByteRange r : split_sentences(m_text)) {
      Sentence sentence;
      sentence.id = fmt::format("{}.s{}", passage.id, ++sentence_number);
      sentence.text = m_text.substr(r.begin, r.end - r.begin);
      sentence.range = {body_offset(r.begin), body_offset(r.end - 1) + 1};
      passage.sentences.push_back(std::move(sentence));
    }
    passage.text = std::move(m_text);
    m_text.clear();
    m_pieces.clear();
    m_passages.push_back(std::move(passage));
  }

  std::vector<Passage> finish() {
    flush();
    return std::move(m_passages);
  }

private:
  // Maps a byte of the passage text back to the body. Joining spaces map to the end of the piece
  // before them; sentence ranges are trimmed, so they never start or end on one.
  uint32_t body_offset(size_t text_offset) const {
    auto it = std::upper_bound(m_pieces.begin(), m_pieces.end(), text_offset,
        [](size_t offset, const Piece& piece) { return offset < piece.text_offset; });
    const Piece& piece = *std::prev(it);
    return static_cast<uint32_t>(std::min(piece.body_begin + (text_offset - piece.text_offset), piece.body_end));
  }

  std::string_view m_doc_id;
  std::string_view m_body;
  std::vector<Passage> m_passages;
  std::vector<std::pair<int, std::string>> m_headings;  // open headings, outermost first
  bool m_open = false;
  PassageKind m_kind = PassageKind::paragraph;
  int m_level = 0;
  std::string m_marker;
  int m_depth = 0;
  uint32_t m_page = 0;
  std::string m_speaker;
  std::vector<std::string> m_links;
  std::string m_text;
  std::vector<Piece> m_pieces;
};

} // namespace

std::vector<Passage> segment_body(std::string_view doc_id, std::string_view body) {
  PassageBuilder builder(doc_id, body);
  std::vector<size_t> list_indents;  // indentation of the open list levels, outermost first

  size_t pos = 0;
  while (pos < body.size()) {
    size_t newline = body.find('\n', pos);
    if (newline == std::string_view::npos) newline = body.size();
    const Line line = read_line(body, pos, newline);
    pos = newline + 1;

    if (line.blank()) {
      builder.flush();
      continue;
    }
    const std::string_view content = body.substr(line.content, line.end - line.content);
    if (const int level = heading_level(content)) {
      list_indents.clear();
      builder.start(PassageKind::heading, level, {}, 0);
      const size_t text_begin = skip_blanks(body.substr(0, line.end), line.content + static_cast<size_t>(level));
      builder.add(text_begin, heading_text_end(body, text_begin, line.end));
      builder.flush();
      continue;
    }
    if (is_thematic_break(content)) {
      list_indents.clear();
      builder.flush();
      continue;
    }
    if (const auto marker = find_list_marker(content)) {
      while (!list_indents.empty() && list_indents.back() > line.indent) list_indents.pop_back();
      if (list_indents.empty() || list_indents.back() < line.indent) list_indents.push_back(line.indent);
      builder.start(PassageKind::list_item, 0, std::string(content.substr(0, marker->length)),
          static_cast<int>(list_indents.size()) - 1);
      builder.add(line.content + marker->content, line.end);
      continue;
    }
    if (builder.open() && builder.kind() == PassageKind::paragraph) {
      builder.add(line.content, line.end);
      continue;
    }
    if (builder.open() && builder.kind() == PassageKind::list_item && line.indent >= k_continuation_indent) {
      builder.add(line.content, line.end);
      continue;
    }
    list_indents.clear();
    builder.start(PassageKind::paragraph, 0, {}, 0);
    builder.add(line.content, line.end);
  }
  return builder.finish();
}

std::vector<Passage> build_passages(std::string_view doc_id, std::string_view body, const std::vector<Block>& blocks) {
  PassageBuilder builder(doc_id, body);
  for (const Block& block : blocks) {
    builder.start(block.kind, block.heading_level, block.list_marker, block.list_depth);
    builder.set_extras(block.page, block.speaker, block.links);
    for (const auto& [begin, end] : block.pieces) builder.add(begin, end);
    builder.flush();
  }
  return builder.finish();
}

} // namespace brief::corpus
