// Markdown through md4c (CommonMark with GitHub tables): headings, paragraphs, list items with
// their numbering, block quotes and table rows become blocks; inline markup (emphasis, code,
// escapes, entities) becomes plain text and link targets are kept on their passage. Image alt text
// and raw HTML are set aside. Lines that CommonMark leaves in a paragraph but sources use as list
// items ("1- text", "• text", "1.Text") are list items, as the text converter reads them.

#include "corpus/convert.hpp"

#include "base/utf8.hpp"

#include <md4c.h>

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace brief::corpus {

namespace {

// Named entities sources use in running text; numeric references are decoded in general, and
// any other named entity is kept as written.
constexpr std::array<std::pair<std::string_view, char32_t>, 16> k_entities = {{{"amp", U'&'}, {"lt", U'<'},
    {"gt", U'>'}, {"quot", U'"'}, {"apos", U'\''}, {"nbsp", U'\u00A0'}, {"mdash", U'\u2014'}, {"ndash", U'\u2013'},
    {"hellip", U'\u2026'}, {"rsquo", U'\u2019'}, {"lsquo", U'\u2018'}, {"ldquo", U'\u201C'}, {"rdquo", U'\u201D'},
    {"copy", U'\u00A9'}, {"reg", U'\u00AE'}, {"shy", U'\u00AD'}}};

void append_entity(std::string& out, std::string_view entity) {
  const std::string_view name = entity.substr(1, entity.size() >= 2 ? entity.size() - 2 : 0);  // "&name;"
  if (!name.empty() && name[0] == '#') {
    uint32_t cp = 0;
    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
    const std::string_view digits = name.substr(hex ? 2 : 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), cp, hex ? 16 : 10);
    if (ec == std::errc() && end == digits.data() + digits.size() && cp != 0 && cp <= 0x10FFFF &&
        !(cp >= 0xD800 && cp <= 0xDFFF) && cp >= 0x20 && !(cp >= 0x7F && cp <= 0x9F)) {
      utf8::append(out, cp);
      return;
    }
  }
  for (const auto& [known, cp] : k_entities) {
    if (known == name) {
      utf8::append(out, cp);
      return;
    }
  }
  out.append(entity);
}

struct ListLevel {
  bool ordered = false;
  unsigned next = 1;
  char delimiter = '.';
  char mark = '-';
  bool item_started = false;  // the current item's first block has been emitted
};

class MarkdownReader {
public:
  Conversion run(std::string_view body) {
    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_NOINDENTEDCODEBLOCKS;
    parser.enter_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<MarkdownReader*>(self)->enter_block(type, detail);
    };
    parser.leave_block = [](MD_BLOCKTYPE type, void* detail, void* self) {
      return static_cast<MarkdownReader*>(self)->leave_block(type, detail);
    };
    parser.enter_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<MarkdownReader*>(self)->enter_span(type, detail);
    };
    parser.leave_span = [](MD_SPANTYPE type, void* detail, void* self) {
      return static_cast<MarkdownReader*>(self)->leave_span(type, detail);
    };
    parser.text = [](MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<MarkdownReader*>(self)->text(type, std::string_view(text, size));
    };
    md_parse(body.data(), static_cast<MD_SIZE>(body.size()), &parser, this);
    close();
    return std::move(m_out);
  }

private:
  int enter_block(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
    case MD_BLOCK_UL: {
      close();
      ListLevel level;
      level.mark = static_cast<char>(static_cast<MD_BLOCK_UL_DETAIL*>(detail)->mark);
      m_lists.push_back(level);
      break;
    }
    case MD_BLOCK_OL: {
      close();
      const auto* ol = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
      ListLevel level;
      level.ordered = true;
      level.next = ol->start;
      level.delimiter = ol->mark_delimiter;
      m_lists.push_back(level);
      break;
    }
    case MD_BLOCK_LI:
      close();
      if (!m_lists.empty()) m_lists.back().item_started = false;
      break;
    case MD_BLOCK_H:
      open(PassageKind::heading);
      m_block.heading_level = static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
      break;
    case MD_BLOCK_P:
    case MD_BLOCK_CODE:
      open(PassageKind::paragraph);
      break;
    case MD_BLOCK_TR:
      open(PassageKind::paragraph);
      m_cells = 0;
      break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (m_cells++ > 0) m_text += " | ";
      break;
    case MD_BLOCK_HTML:
      close();
      m_in_html = true;
      break;
    default:
      break;
    }
    return 0;
  }

  int leave_block(MD_BLOCKTYPE type, void*) {
    switch (type) {
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      close();
      if (!m_lists.empty()) m_lists.pop_back();
      break;
    case MD_BLOCK_LI:
      close();
      if (!m_lists.empty() && m_lists.back().ordered) ++m_lists.back().next;
      break;
    case MD_BLOCK_H:
    case MD_BLOCK_P:
    case MD_BLOCK_CODE:
    case MD_BLOCK_TR:
      close();
      break;
    case MD_BLOCK_HTML:
      m_in_html = false;
      if (!m_html.empty()) m_out.set_aside.push_back({"raw HTML in Markdown", std::move(m_html), 0});
      m_html.clear();
      break;
    default:
      break;
    }
    return 0;
  }

  int enter_span(MD_SPANTYPE type, void* detail) {
    if (type == MD_SPAN_IMG) ++m_in_image;
    if (type == MD_SPAN_A) {
      const auto& href = static_cast<MD_SPAN_A_DETAIL*>(detail)->href;
      m_links.emplace_back(href.text, href.size);
    }
    return 0;
  }

  int leave_span(MD_SPANTYPE type, void*) {
    if (type == MD_SPAN_IMG && m_in_image > 0) --m_in_image;
    return 0;
  }

  int text(MD_TEXTTYPE type, std::string_view text) {
    if (m_in_html || type == MD_TEXT_HTML) {
      m_html.append(text);
      return 0;
    }
    if (m_in_image > 0) return 0;  // alt text describes a picture; it is not the source's text
    if (!m_open) open(PassageKind::paragraph);  // text directly in a tight list item
    switch (type) {
    case MD_TEXT_SOFTBR:
      m_soft_breaks.push_back(m_text.size());
      m_text += ' ';
      break;
    case MD_TEXT_BR:
      m_text += ' ';
      break;
    case MD_TEXT_NULLCHAR:
      break;
    case MD_TEXT_ENTITY:
      append_entity(m_text, text);
      break;
    default:
      m_text.append(text);
      break;
    }
    return 0;
  }

  void open(PassageKind kind) {
    close();
    m_open = true;
    m_block = Block{};
    m_block.kind = kind;
    if (kind == PassageKind::paragraph && !m_lists.empty() && !m_lists.back().item_started) {
      ListLevel& level = m_lists.back();
      level.item_started = true;
      m_block.kind = PassageKind::list_item;
      m_block.list_marker = level.ordered ? fmt::format("{}{}", level.next, level.delimiter) : std::string(1, level.mark);
      m_block.list_depth = static_cast<int>(m_lists.size()) - 1;
    }
  }

  // Emits `m_text[begin, end)` as a block like m_block (a piece of the current text).
  void emit(const Block& like, size_t begin, size_t end) {
    while (begin < end && (m_text[begin] == ' ' || m_text[begin] == '\t')) ++begin;
    while (end > begin && (m_text[end - 1] == ' ' || m_text[end - 1] == '\t')) --end;
    if (begin >= end) return;
    Block block = like;
    if (!m_out.text.empty()) m_out.text += "\n\n";
    const size_t at = m_out.text.size();
    m_out.text.append(m_text, begin, end - begin);
    block.pieces = {{at, m_out.text.size()}};
    m_out.blocks.push_back(std::move(block));
  }

  void close() {
    if (!m_open) return;
    m_open = false;
    m_block.links = std::move(m_links);
    m_links.clear();
    if (m_block.kind == PassageKind::paragraph && find_list_marker(m_text)) {
      // Loose list items: split at the soft breaks before a marker.
      std::vector<size_t> starts{0};
      for (size_t at : m_soft_breaks)
        if (find_list_marker(std::string_view(m_text).substr(at + 1))) starts.push_back(at + 1);
      for (size_t k = 0; k < starts.size(); ++k) {
        const size_t end = k + 1 < starts.size() ? starts[k + 1] : m_text.size();
        const std::string_view item = std::string_view(m_text).substr(starts[k], end - starts[k]);
        const auto marker = find_list_marker(item);
        Block block = m_block;
        block.kind = PassageKind::list_item;
        block.list_marker = std::string(item.substr(0, marker->length));
        if (k > 0) block.links.clear();
        emit(block, starts[k] + marker->content, end);
      }
    } else {
      emit(m_block, 0, m_text.size());
    }
    m_text.clear();
    m_soft_breaks.clear();
  }

  Conversion m_out;
  std::vector<ListLevel> m_lists;
  Block m_block;
  bool m_open = false;
  std::string m_text;
  std::vector<size_t> m_soft_breaks;
  std::vector<std::string> m_links;
  int m_in_image = 0;
  bool m_in_html = false;
  std::string m_html;
  int m_cells = 0;
};

} // namespace

Conversion convert_markdown(std::string_view body) { return MarkdownReader().run(body); }

} // namespace brief::corpus
