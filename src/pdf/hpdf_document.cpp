#include "pdf/hpdf_document.hpp"

#include <fmt/format.h>

namespace brief::pdf::detail {

std::string fit_pdf_string(std::string_view text) {
  constexpr std::string_view k_ellipsis = "\u2026";
  if (text.size() <= HPDF_LIMIT_MAX_STRING_LEN) return std::string(text);
  size_t cut = HPDF_LIMIT_MAX_STRING_LEN - k_ellipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a code point
  return std::string(text.substr(0, cut)) + std::string(k_ellipsis);
}

HpdfDocument::HpdfDocument() {
  m_doc = HPDF_New(&HpdfDocument::on_error, this);
  if (!m_doc) m_what = "creating the document";
}

HpdfDocument::~HpdfDocument() {
  if (m_doc) HPDF_Free(m_doc);
}

void HPDF_STDCALL HpdfDocument::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
  // Called from C: record only, never throw or unwind through libharu.
  auto* document = static_cast<HpdfDocument*>(self);
  if (document->m_reading && error == HPDF_STREAM_EOF) return;  // reading to the end is fine
  document->record(error, detail, document->m_current);
}

void HpdfDocument::record(HPDF_STATUS error, HPDF_STATUS detail, const char* what) {
  if (m_error != 0) return;
  m_error = error == 0 ? HPDF_INVALID_OBJECT : error;
  m_detail = detail;
  m_what = what;
}

bool HpdfDocument::check(HPDF_STATUS status, const char* what) {
  m_current = what;
  if (status != HPDF_OK) record(status, 0, what);
  return !failed();
}

bool HpdfDocument::check_handle(const void* handle, const char* what) {
  m_current = what;
  if (!handle) {
    const HPDF_STATUS status = m_doc ? HPDF_GetError(m_doc) : 0;
    record(status, m_doc ? HPDF_GetErrorDetail(m_doc) : 0, what);
  }
  return !failed();
}

std::string HpdfDocument::error_message() const {
  if (!failed()) return {};
  if (!m_doc) return "libharu could not create a document";
  return fmt::format("libharu error 0x{:04X} (detail {}) in {}", static_cast<unsigned>(m_error),
      static_cast<unsigned>(m_detail), m_what);
}

bool HpdfDocument::save(std::string& out) {
  if (failed()) return false;
  m_current = "saving";  // errors raised inside the call are reported by the handler with this
  if (!check(HPDF_SaveToStream(m_doc), "saving")) return false;
  const HPDF_UINT32 size = HPDF_GetStreamSize(m_doc);
  out.assign(size, '\0');
  HPDF_UINT32 read = size;
  m_reading = true;
  const HPDF_STATUS status = HPDF_ReadFromStream(m_doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &read);
  m_reading = false;
  // Reading the whole stream reports end-of-stream, which is success here.
  if (status != HPDF_OK && status != HPDF_STREAM_EOF) record(status, 0, "reading the saved document");
  if (failed() || read != size) {
    if (!failed()) record(HPDF_STREAM_EOF, 0, "reading the saved document");
    out.clear();
    return false;
  }
  return true;
}

} // namespace brief::pdf::detail
