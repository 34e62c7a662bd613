// Text captures (`.txt`): what a user gets by saving a web page as text or copying it out of a
// browser. Paragraphs are lines (or, in hard-wrapped text, runs of lines between blank lines);
// list items start with a marker; a short line without sentence punctuation before body text is
// a heading; `NAME:` turns make a transcript. The masthead (site name, section, title, byline,
// affiliations before the first body paragraph), datelines, captions and photo credits, share
// prompts and the comment section are set aside by the rules of furniture.hpp.

#include "corpus/convert.hpp"
#include "corpus/furniture.hpp"

#include "base/utf8.hpp"

#include <set>

namespace brief::corpus {

namespace {

constexpr std::string_view k_byte_order_mark = "\xEF\xBB\xBF";

struct Line {
  size_t content = 0;  // first non-blank byte
  size_t end = 0;      // one past the last non-blank byte
  size_t indent = 0;   // bytes of leading blanks
  bool blank() const { return content == end; }
};

struct RawBlock {
  std::vector<Line> lines;
  std::string joined;  // the lines' text joined with one space, for the rules
  size_t indent = 0;
};

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Bytes of white space starting at `i` (or ending at `end`): spaces and tabs, and the Unicode
// spaces captures carry at line edges (no-break, en/em and thin spaces, zero width space and
// no-break, ideographic space). 0 when there is none.
size_t space_at(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  if (is_blank(text[i])) return 1;
  const std::string_view rest = text.substr(i);
  if (rest.substr(0, 2) == "\xC2\xA0") return 2;
  if (rest.size() >= 3) {
    const auto b1 = static_cast<unsigned char>(rest[1]), b2 = static_cast<unsigned char>(rest[2]);
    if (rest[0] == '\xE2' && b1 == 0x80 && (b2 <= 0x8B || b2 == 0xAF)) return 3;
    if (rest[0] == '\xE2' && b1 == 0x81 && b2 == 0x9F) return 3;
    if (rest.substr(0, 3) == "\xE3\x80\x80" || rest.substr(0, 3) == "\xEF\xBB\xBF") return 3;
  }
  return 0;
}
size_t space_before(std::string_view text, size_t end) {
  for (size_t n = 1; n <= 3 && n <= end; ++n)
    if (space_at(text, end - n) == n) return n;
  return 0;
}

std::vector<Line> read_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) newline = text.size();
    Line line{pos, newline, 0};
    const std::string_view row = text.substr(0, newline);
    while (const size_t n = space_at(row, line.content)) line.content += n;
    line.indent = line.content - pos;
    while (line.end > line.content)
      if (const size_t n = space_before(row, line.end)) line.end -= n;
      else break;
    lines.push_back(line);
    if (newline == text.size()) break;
    pos = newline + 1;
  }
  return lines;
}

std::vector<RawBlock> read_blocks(std::string_view text, const std::vector<Line>& lines) {
  // Hard-wrapped text: few lines wider than the wrap width, and the lines that another line
  // continues seldom end a sentence (a wrap falls at a sentence end only by chance, while copied
  // web text ends each line with its paragraph).
  const auto& t = furniture::tunables();
  size_t non_blank = 0, wide = 0, continued = 0, continued_at_sentence_end = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    if (line.blank()) continue;
    ++non_blank;
    const std::string_view content = text.substr(line.content, line.end - line.content);
    if (content.size() > t.wrap_width) ++wide;
    if (i + 1 < lines.size() && !lines[i + 1].blank() &&
        !find_list_marker(text.substr(lines[i + 1].content, lines[i + 1].end - lines[i + 1].content))) {
      ++continued;
      if (furniture::ends_sentence(content) || content.back() == ':') ++continued_at_sentence_end;
    }
  }
  const bool wrapped = non_blank > 0 &&
      static_cast<double>(wide) <= t.wrap_exceptions * static_cast<double>(non_blank) &&
      static_cast<double>(continued_at_sentence_end) <= t.wrap_sentence_ends * static_cast<double>(continued);

  std::vector<RawBlock> blocks;
  bool open = false;
  for (const Line& line : lines) {
    if (line.blank()) {
      open = false;
      continue;
    }
    const std::string_view content = text.substr(line.content, line.end - line.content);
    const bool starts_item = find_list_marker(content) || furniture::speaker_label(content) > 0;
    if (!wrapped || !open || starts_item) {
      blocks.push_back({});
      blocks.back().indent = line.indent;
      open = true;
    }
    RawBlock& block = blocks.back();
    if (!block.joined.empty()) block.joined += ' ';
    block.joined.append(content);
    block.lines.push_back(line);
  }
  return blocks;
}

// Authors of a byline: "A, B and C" -> {A, B, C}.
std::vector<std::string> split_names(const std::string& names) {
  std::vector<std::string> out;
  std::string current;
  auto push = [&] {
    while (!current.empty() && current.back() == ' ') current.pop_back();
    size_t start = current.find_first_not_of(' ');
    if (start != std::string::npos) out.push_back(current.substr(start));
    current.clear();
  };
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == ',' || names[i] == '&') {
      push();
    } else if (names.compare(i, 5, " and ") == 0) {
      push();
      i += 4;
    } else {
      current += names[i];
    }
  }
  push();
  return out;
}

} // namespace

Conversion convert_text(const SourceFilePtr& file) {
  const auto& t = furniture::tunables();
  Conversion out;
  std::string_view raw = file->text;
  if (raw.substr(0, k_byte_order_mark.size()) == k_byte_order_mark) raw.remove_prefix(k_byte_order_mark.size());
  out.text = utf8::to_nfc(unify_line_ends(raw));
  const std::string_view text = out.text;
  const auto lines = read_lines(text);
  const auto blocks = read_blocks(text, lines);

  // A transcript: enough `NAME:` turns by at least two speakers.
  std::set<std::string> speakers;
  size_t turns = 0;
  for (const RawBlock& block : blocks) {
    std::string speaker;
    if (furniture::speaker_label(block.joined, &speaker) > 0) {
      ++turns;
      speakers.insert(speaker);
    }
  }
  const bool transcript = turns >= t.min_speaker_turns && speakers.size() >= 2;

  auto is_item = [&](const RawBlock& b) {
    return find_list_marker(b.joined) || (transcript && furniture::speaker_label(b.joined) > 0);
  };
  auto is_body = [&](const RawBlock& b) {
    const size_t words = furniture::word_count(b.joined);
    return is_item(b) || (words >= t.body_min_words && furniture::ends_sentence(b.joined)) || words >= t.body_long_words;
  };
  auto set_aside = [&](std::string_view rule, const RawBlock& b) {
    out.set_aside.push_back({std::string(rule), b.joined, 0});
  };

  // The masthead: the blocks before the first body block, when one is near the top.
  size_t first_body = 0;
  for (size_t i = 0; i < blocks.size() && i < t.masthead_max_blocks; ++i) {
    if (is_body(blocks[i])) {
      first_body = i;
      break;
    }
  }
  size_t title_block = first_body;
  for (size_t i = 0; i < first_body; ++i) {
    if (furniture::byline(blocks[i].joined)) break;
    if (furniture::is_caption(blocks[i].joined)) continue;
    if (title_block == first_body ||
        furniture::word_count(blocks[i].joined) > furniture::word_count(blocks[title_block].joined))
      title_block = i;
  }
  for (size_t i = 0; i < first_body; ++i) {
    const RawBlock& block = blocks[i];
    if (const auto names = furniture::byline(block.joined)) {
      if (out.found.authors.empty()) out.found.authors = split_names(*names);
      set_aside("byline", block);
    } else if (i > 0 && blocks[i - 1].joined == block.joined) {
      set_aside("repeated block", block);
    } else if (furniture::is_caption(block.joined)) {
      set_aside("caption or photo credit", block);
    } else if (i == title_block) {
      if (const auto split = furniture::split_site_title(block.joined)) {
        out.found.title = split->first;
        out.found.publisher = split->second;
      } else {
        out.found.title = block.joined;
      }
      set_aside("title", block);
    } else {
      set_aside("masthead", block);
    }
  }

  std::vector<size_t> list_indents;
  std::string speaker;
  const std::string* previous = nullptr;
  bool first_paragraph = true;
  for (size_t i = first_body; i < blocks.size(); ++i) {
    const RawBlock& raw_block = blocks[i];
    const std::string& joined = raw_block.joined;
    if (furniture::opens_comment_section(joined)) {
      for (size_t k = i; k < blocks.size(); ++k) set_aside("comment section", blocks[k]);
      break;
    }
    if (const auto rule = furniture::prompt_rule(joined)) {
      set_aside(*rule, raw_block);
      continue;
    }
    // Pages repeat a caption (alt text, then the caption itself) and captures repeat lines.
    if (previous && *previous == joined) {
      set_aside("repeated block", raw_block);
      continue;
    }
    previous = &joined;
    if (furniture::is_caption(joined)) {
      set_aside("caption or photo credit", raw_block);
      continue;
    }

    Block block;
    size_t skip = 0;  // bytes of the first line that are not passage text
    std::string label;
    if (const auto marker = find_list_marker(joined)) {
      while (!list_indents.empty() && list_indents.back() > raw_block.indent) list_indents.pop_back();
      if (list_indents.empty() || list_indents.back() < raw_block.indent) list_indents.push_back(raw_block.indent);
      block.kind = PassageKind::list_item;
      block.list_marker = joined.substr(0, marker->length);
      block.list_depth = static_cast<int>(list_indents.size()) - 1;
      skip = marker->content;
    } else {
      list_indents.clear();
      if (transcript && (skip = furniture::speaker_label(joined, &label)) > 0) speaker = label;
      const bool heading = skip == 0 && furniture::word_count(joined) <= t.heading_max_words &&
          !furniture::ends_sentence(joined) && joined.back() != ':' && joined.back() != ';' && joined.back() != ',' &&
          i + 1 < blocks.size() &&
          (is_item(blocks[i + 1]) || furniture::word_count(blocks[i + 1].joined) >= t.body_min_words);
      if (heading) {
        block.kind = PassageKind::heading;
        block.heading_level = 2;  // level 1 is the title
      } else if (first_paragraph) {
        std::string outlet;
        if (const size_t dateline = furniture::dateline_length(joined, &outlet)) {
          out.set_aside.push_back({"dateline", joined.substr(0, dateline), 0});
          if (out.found.publisher.empty()) out.found.publisher = outlet;
          skip = dateline;
        }
      }
      if (!heading) first_paragraph = false;
    }
    block.speaker = block.kind == PassageKind::heading ? std::string() : speaker;
    bool first = true;
    for (const Line& line : raw_block.lines) {
      size_t begin = line.content;
      if (first) begin = std::min(line.end, begin + skip);
      first = false;
      block.pieces.emplace_back(begin, line.end);
    }
    out.blocks.push_back(std::move(block));
  }
  return out;
}

} // namespace brief::corpus
