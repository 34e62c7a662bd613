#include "pdf/tagging.hpp"

#include "base/utf8.hpp"

#include <hpdf_doc.h>
#include <hpdf_pages.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

namespace brief::pdf::detail {
namespace {

using layout::Role;

// A string object holding raw bytes, written as a hex string (safe for any bytes).
HPDF_Binary binary(HPDF_MMgr mmgr, const std::string& bytes) {
  return HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
      static_cast<HPDF_UINT>(bytes.size()));
}

// A text string for a dictionary, in its shortest form: printable ASCII (the same bytes in
// PDFDocEncoding) as a literal string, anything else as UTF-16BE with a byte order mark.
void* text_string(HPDF_MMgr mmgr, const std::string& utf8) {
  const bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (ascii) return HPDF_String_New(mmgr, utf8.c_str(), nullptr);
  return binary(mmgr, utf16_text(utf8));
}

// "12 0 R" for an object in the cross-reference table.
std::string reference(const void* object) {
  const auto* header = static_cast<const HPDF_Obj_Header*>(object);
  return fmt::format("{} {} R", header->obj_id & 0x00FFFFFF, header->gen_no);
}

// Writes a structure element's compact entries (its attr: a string Tagging owns) after its
// ordinary ones: libharu writes every entry on a line of its own with a space after the key,
// which for about a hundred elements a page is a tenth of the structure tree's bytes.
HPDF_STATUS write_compact(HPDF_Dict dict, HPDF_Stream stream) {
  const auto* text = static_cast<const std::string*>(dict->attr);
  if (!text) return HPDF_OK;
  return HPDF_Stream_Write(stream, reinterpret_cast<const HPDF_BYTE*>(text->data()), HPDF_UINT(text->size()));
}

} // namespace

const char* role_name(Role role) {
  switch (role) {
  case Role::document: return "Document";
  case Role::part: return "Part";
  case Role::h1: return "H1";
  case Role::h2: return "H2";
  case Role::h3: return "H3";
  case Role::p: return "P";
  case Role::l: return "L";
  case Role::li: return "LI";
  case Role::table: return "Table";
  case Role::tr: return "TR";
  case Role::th: return "TH";
  case Role::td: return "TD";
  case Role::block_quote: return "BlockQuote";
  case Role::note: return "Note";
  case Role::link: return "Link";
  case Role::figure: return "Figure";
  case Role::caption: return "Caption";
  case Role::toc: return "TOC";
  case Role::toci: return "TOCI";
  }
  return "P";
}

std::string utf16_text(const std::string& utf8) {
  std::string out = "\xFE\xFF";
  size_t offset = 0;
  while (offset < utf8.size()) {
    char32_t cp = utf8::decode(utf8, offset);
    auto unit = [&](unsigned value) {
      out += static_cast<char>((value >> 8) & 0xFF);
      out += static_cast<char>(value & 0xFF);
    };
    if (cp >= 0x10000 && cp <= 0x10FFFF) {
      cp -= 0x10000;
      unit(0xD800 + unsigned(cp >> 10));
      unit(0xDC00 + unsigned(cp & 0x3FF));
    } else {
      unit(unsigned(cp));
    }
  }
  return out;
}

Tagging::Tagging(HpdfDocument& document, const layout::PagedDocument& paged, bool print_links)
    : m_document(document), m_nodes(paged.structure), m_page_mcids(paged.pages.size()),
      m_print_links(print_links) {
  if (m_nodes.empty()) m_nodes.push_back(layout::StructNode{Role::document, -1, {}, {}, {}});
  for (size_t i = 1; i < m_nodes.size(); ++i)  // a broken parent index falls back to the root
    if (m_nodes[i].parent < 0 || size_t(m_nodes[i].parent) >= i) m_nodes[i].parent = 0;
  m_kids.resize(m_nodes.size());
  m_attached.assign(m_nodes.size(), false);
  m_own_content.assign(m_nodes.size(), false);
  m_text.resize(m_nodes.size());
  m_attached[0] = true;
}

int Tagging::add_node(Role role, int parent) {
  m_nodes.push_back(layout::StructNode{role, parent, {}, {}, {}});
  m_kids.emplace_back();
  m_attached.push_back(false);
  m_own_content.push_back(false);
  m_text.emplace_back();
  return int(m_nodes.size() - 1);
}

void Tagging::attach(int node) {
  while (node > 0 && !m_attached[size_t(node)]) {
    m_attached[size_t(node)] = true;
    const int parent = m_nodes[size_t(node)].parent;
    Kid kid;
    kid.kind = Kid::Kind::node;
    kid.node = node;
    m_kids[size_t(parent)].push_back(kid);
    node = parent;
  }
}

void Tagging::begin_page(size_t index, HPDF_Page page) {
  m_page = page;
  m_page_index = index;
  m_open = false;
  m_key = layout::k_untagged;
  m_fallback = -1;
}

int Tagging::key_of(const layout::Item& item) {
  if (const auto* run = std::get_if<layout::GlyphRun>(&item)) {
    if (run->tag >= 0 && size_t(run->tag) < m_nodes.size()) {
      m_fallback = -1;
      return run->tag;
    }
    if (run->tag == layout::k_artifact) return layout::k_artifact;
    if (m_fallback < 0) m_fallback = add_node(Role::p, 0);
    return m_fallback;
  }
  m_fallback = -1;
  const int tag = std::visit(
      [](const auto& value) -> int {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, layout::Anchor>) return layout::k_untagged;
        else return value.tag;
      },
      item);
  if (tag >= 0 && size_t(tag) < m_nodes.size()) return tag;
  return layout::k_artifact;
}

bool Tagging::write(const char* text) {
  auto* attr = static_cast<HPDF_PageAttr>(m_page->attr);
  return m_document.check(HPDF_Stream_WriteStr(attr->stream, text), "writing marked content");
}

bool Tagging::open(int key) {
  if (m_open && key == m_key) return true;
  if (!close()) return false;
  m_key = key;
  m_open = true;
  if (key < 0) return write("/Artifact <</Type /Pagination>> BDC\n");
  auto& mcids = m_page_mcids[m_page_index];
  const int mcid = int(mcids.size());
  mcids.push_back(key);
  Kid kid;
  kid.page = m_page_index;
  kid.mcid = mcid;
  m_kids[size_t(key)].push_back(kid);
  m_own_content[size_t(key)] = true;
  attach(key);
  return write(fmt::format("/{} <</MCID {}>> BDC\n", role_name(m_nodes[size_t(key)].role), mcid).c_str());
}

bool Tagging::close() {
  if (!m_open) return true;
  m_open = false;
  return write("EMC\n");
}

void Tagging::add_text(const std::string& text) {
  if (m_open && m_key >= 0) m_text[size_t(m_key)] += text;
}

bool Tagging::add_annotation(HPDF_Annotation annotation, int tag, size_t page) {
  int node = tag;
  if (node < 0 || size_t(node) >= m_nodes.size()) node = add_node(Role::link, 0);
  else if (m_nodes[size_t(node)].role != Role::link) node = add_node(Role::link, node);
  Kid kid;
  kid.kind = Kid::Kind::annotation;
  kid.page = page;
  kid.annotation = annotation;
  m_kids[size_t(node)].push_back(kid);
  m_own_content[size_t(node)] = true;
  attach(node);
  const int key = int(m_page_mcids.size() + m_annotations.size());
  m_annotations.emplace_back(node, annotation);
  HPDF_MMgr mmgr = annotation->mmgr;
  std::string text = m_text[size_t(node)];
  if (text.empty()) text = "Link";
  return m_document.check(HPDF_Dict_AddNumber(annotation, "StructParent", key), "tagging a link") &&
         (!m_print_links || m_document.check(HPDF_Dict_AddNumber(annotation, "F", 4), "tagging a link")) &&
         m_document.check(HPDF_Dict_Add(annotation, "Contents", text_string(mmgr, text)), "tagging a link");
}

bool Tagging::finish(const std::vector<HPDF_Page>& pages, const std::string& language) {
  HPDF_Doc pdf = m_document.get();
  HPDF_MMgr mmgr = pdf->mmgr;
  HPDF_Xref xref = pdf->xref;
  auto ok = [&](HPDF_STATUS status) { return m_document.check(status, "writing the structure tree"); };
  auto made = [&](const void* handle) { return m_document.check_handle(handle, "writing the structure tree"); };

  HPDF_Dict root = HPDF_Dict_New(mmgr);
  if (!made(root) || !ok(HPDF_Xref_Add(xref, root)) || !ok(HPDF_Dict_AddName(root, "Type", "StructTreeRoot")))
    return false;

  // One dictionary per node that has content, made before any refers to it. Elements are
  // indirect objects (ISO 32000-1, 14.7.2: /P and the ParentTree refer to them); everything inside
  // them is direct and written compactly (write_compact), and optional keys are left out.
  std::vector<HPDF_Dict> dicts(m_nodes.size(), nullptr);
  for (size_t n = 0; n < m_nodes.size(); ++n) {
    if (!m_attached[n]) continue;
    dicts[n] = HPDF_Dict_New(mmgr);
    if (!made(dicts[n]) || !ok(HPDF_Xref_Add(xref, dicts[n]))) return false;
  }
  // Table header scopes: one shared attribute object per scope ("Column", "Row").
  std::map<std::string, HPDF_Dict> scopes;
  // Element identifiers (Notes carry one, PDF/UA 7.9), for the IDTree; sorted by their bytes.
  std::map<std::string, HPDF_Dict> ids;
  for (size_t n = 0; n < m_nodes.size(); ++n) {
    if (!dicts[n]) continue;
    const layout::StructNode& node = m_nodes[n];
    HPDF_Dict dict = dicts[n];
    // Text strings are ordinary entries; names, numbers and references go into the compact text.
    if (!node.alt.empty() && !ok(HPDF_Dict_Add(dict, "Alt", text_string(mmgr, node.alt)))) return false;
    if (!node.lang.empty() && !ok(HPDF_Dict_Add(dict, "Lang", text_string(mmgr, node.lang)))) return false;
    if (node.role == Role::note) {
      std::string id = fmt::format("n{}", n);
      if (!ok(HPDF_Dict_Add(dict, "ID", text_string(mmgr, id)))) return false;
      ids.emplace(std::move(id), dict);
    }
    std::string text = fmt::format("/S/{}/P {}", role_name(node.role), reference(n == 0 ? root : dicts[size_t(node.parent)]));
    if (!node.scope.empty()) {
      HPDF_Dict& attributes = scopes[node.scope];
      if (!attributes) {
        attributes = HPDF_Dict_New(mmgr);
        if (!made(attributes) || !ok(HPDF_Xref_Add(xref, attributes)) ||
            !ok(HPDF_Dict_AddName(attributes, "O", "Table")) ||
            !ok(HPDF_Dict_AddName(attributes, "Scope", node.scope.c_str())))
          return false;
      }
      text += "/A " + reference(attributes);
    }
    std::vector<Kid> kids = m_kids[n];
    if (!m_own_content[n])  // a container: child nodes in reading order
      std::stable_sort(kids.begin(), kids.end(), [](const Kid& a, const Kid& b) { return a.node < b.node; });
    // /Pg: the page of the first marked content; other pages' content gets MCR dictionaries.
    std::optional<size_t> page;
    for (const Kid& kid : kids)
      if (kid.kind == Kid::Kind::content) {
        page = kid.page;
        break;
      }
    if (page) text += "/Pg " + reference(pages.at(*page));
    // A single kid is written as /K itself, several as an array.
    if (!kids.empty()) text += kids.size() > 1 ? "/K[" : "/K ";
    for (size_t k = 0; k < kids.size(); ++k) {
      const Kid& kid = kids[k];
      if (k > 0) text += ' ';
      if (kid.kind == Kid::Kind::node) {
        text += reference(dicts[size_t(kid.node)]);
      } else if (kid.kind == Kid::Kind::content && kid.page == page) {
        text += std::to_string(kid.mcid);
      } else if (kid.kind == Kid::Kind::content) {
        text += fmt::format("<</Type/MCR/Pg {}/MCID {}>>", reference(pages.at(kid.page)), kid.mcid);
      } else {
        // An OBJR on the element's own page needs no /Pg: the element's applies (14.7.4.3).
        text += "<</Type/OBJR";
        if (kid.page != page) text += "/Pg " + reference(pages.at(kid.page));
        text += "/Obj " + reference(kid.annotation) + ">>";
      }
    }
    if (kids.size() > 1) text += ']';
    m_compact.push_back(std::move(text));
    dict->attr = &m_compact.back();
    dict->write_fn = write_compact;
  }
  if (!ids.empty()) {
    HPDF_Dict id_tree = HPDF_Dict_New(mmgr);
    HPDF_Array names = HPDF_Array_New(mmgr);
    if (!made(id_tree) || !made(names) || !ok(HPDF_Dict_Add(root, "IDTree", id_tree)) ||
        !ok(HPDF_Dict_Add(id_tree, "Names", names)))
      return false;
    for (const auto& [id, dict] : ids)
      if (!ok(HPDF_Array_Add(names, text_string(mmgr, id))) || !ok(HPDF_Array_Add(names, dict))) return false;
  }
  if (!ok(HPDF_Dict_Add(root, "K", dicts[0]))) return false;

  // ParentTree: page i (key i) -> its MCIDs' elements; then one key per link annotation.
  HPDF_Dict tree = HPDF_Dict_New(mmgr);
  HPDF_Array nums = HPDF_Array_New(mmgr);
  if (!made(tree) || !made(nums) || !ok(HPDF_Dict_Add(root, "ParentTree", tree)) ||
      !ok(HPDF_Dict_Add(tree, "Nums", nums)))
    return false;
  for (size_t p = 0; p < m_page_mcids.size(); ++p) {
    HPDF_Array elements = HPDF_Array_New(mmgr);
    if (!made(elements) || !ok(HPDF_Array_AddNumber(nums, HPDF_INT(p))) || !ok(HPDF_Array_Add(nums, elements)))
      return false;
    for (int node : m_page_mcids[p])
      if (!ok(HPDF_Array_Add(elements, dicts[size_t(node)]))) return false;
    if (!ok(HPDF_Dict_AddNumber(pages.at(p), "StructParents", HPDF_INT(p))) ||
        !ok(HPDF_Dict_AddName(pages.at(p), "Tabs", "S")))
      return false;
  }
  for (size_t a = 0; a < m_annotations.size(); ++a)
    if (!ok(HPDF_Array_AddNumber(nums, HPDF_INT(m_page_mcids.size() + a))) ||
        !ok(HPDF_Array_Add(nums, dicts[size_t(m_annotations[a].first)])))
      return false;
  if (!ok(HPDF_Dict_AddNumber(root, "ParentTreeNextKey", HPDF_INT(m_page_mcids.size() + m_annotations.size()))))
    return false;

  HPDF_Dict catalog = pdf->catalog;
  HPDF_Dict mark_info = HPDF_Dict_New(mmgr);
  if (!ok(HPDF_Dict_Add(catalog, "StructTreeRoot", root)) || !made(mark_info) ||
      !ok(HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE)) || !ok(HPDF_Dict_Add(catalog, "MarkInfo", mark_info)) ||
      !ok(HPDF_Dict_Add(catalog, "Lang", text_string(mmgr, language.empty() ? std::string("en") : language))))
    return false;
  auto* preferences = static_cast<HPDF_Dict>(HPDF_Dict_GetItem(catalog, "ViewerPreferences", HPDF_OCLASS_DICT));
  if (!preferences) {
    preferences = HPDF_Dict_New(mmgr);
    if (!made(preferences) || !ok(HPDF_Dict_Add(catalog, "ViewerPreferences", preferences))) return false;
  }
  return ok(HPDF_Dict_AddBoolean(preferences, "DisplayDocTitle", HPDF_TRUE));
}

} // namespace brief::pdf::detail
