#pragma once
// Internal to pdf/: tagged PDF through libharu's object API (libharu 2.3 has no tagging API).
//
// While pages are drawn, every drawable item is wrapped in marked content: structure content
// (`/P <</MCID 3>> BDC ... EMC`, one MCID per run of items of one node) or an artifact of type
// Pagination. Afterwards finish() writes the structure tree of layout's nodes (only those with
// content), the ParentTree (page MCIDs and link annotations back to their elements), /MarkInfo,
// /Lang, DisplayDocTitle and /StructParents + /Tabs /S on every page.
//
// Order: a node's kids are its marked content and child nodes in the order they are drawn; a node
// with no marked content of its own (L, LI, Table, Document) lists its child nodes in the order
// layout added them, which is reading order.

#include "pdf/hpdf_document.hpp"

#include "layout/paged.hpp"

#include <deque>
#include <string>
#include <vector>

namespace brief::pdf::detail {

// The structure type name of a role ("H1", "TOCI", ...).
const char* role_name(layout::Role role);

// A text string for a PDF dictionary: UTF-16BE with a byte order mark.
std::string utf16_text(const std::string& utf8);

class Tagging {
public:
  // `print_links`: link annotations get the Print flag (PDF/A asks for it on every annotation).
  Tagging(HpdfDocument& document, const layout::PagedDocument& paged, bool print_links);

  // Starts marked content for the items of page `index`.
  void begin_page(size_t index, HPDF_Page page);

  // The marked-content key of a drawable item: a node index, or layout::k_artifact. Untagged text
  // gets a paragraph node of its own (consecutive untagged runs share it); untagged rules,
  // rectangles and images are artifacts.
  int key_of(const layout::Item& item);

  // Makes `key` the open marked content (closing the previous one if it differs).
  bool open(int key);
  // Ends the open marked content, if any (before ET, and at the end of the page).
  bool close();
  // Remembers the text drawn for the open node (a link annotation's /Contents).
  void add_text(const std::string& text);

  // Attaches a link annotation of page `page` to its Link element (a new one under the document
  // for an untagged link): /StructParent, an OBJR kid, /Contents from the link's text, and /F 4
  // if `print_links`.
  bool add_annotation(HPDF_Annotation annotation, int tag, size_t page);

  // Writes the structure tree and the document-level entries. The elements' names, numbers and
  // references are written from text this object holds: it must outlive saving the document.
  bool finish(const std::vector<HPDF_Page>& pages, const std::string& language);

private:
  struct Kid {
    enum class Kind { content, annotation, node } kind = Kind::content;
    size_t page = 0;
    int mcid = -1;
    int node = -1;
    HPDF_Annotation annotation = nullptr;
  };
  bool write(const char* text);
  void attach(int node);
  int add_node(layout::Role role, int parent);

  HpdfDocument& m_document;
  std::vector<layout::StructNode> m_nodes;
  std::vector<std::vector<Kid>> m_kids;
  std::vector<bool> m_attached, m_own_content;
  std::vector<std::string> m_text;
  std::vector<std::vector<int>> m_page_mcids;           // per page: MCID -> node
  std::vector<std::pair<int, HPDF_Annotation>> m_annotations;  // StructParent - pages -> node
  HPDF_Page m_page = nullptr;
  size_t m_page_index = 0;
  bool m_open = false;
  int m_key = layout::k_untagged;
  int m_fallback = -1;  // the node of the current run of untagged text
  bool m_print_links = false;
  std::deque<std::string> m_compact;  // per element: /S, /P, /A, /Pg and /K, written compactly
};

} // namespace brief::pdf::detail
