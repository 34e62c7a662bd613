#pragma once
// Internal to pdf/: one libharu document with its error state.
//
// libharu reports errors through a callback from inside C code and then keeps every later call
// failing (errors are sticky). The callback here only records the first error; the writer checks
// `failed()` after each step and abandons the document on the first error, so partial output is
// never returned.

#include <hpdf.h>

#include <string>
#include <string_view>

namespace brief::pdf::detail {

// libharu refuses a string longer than HPDF_LIMIT_MAX_STRING_LEN (65535 bytes), and the refusal
// poisons the whole document. Text strings (document info, outline titles) are cut to fit, at a
// code point boundary, with "…" marking the cut.
std::string fit_pdf_string(std::string_view text);

class HpdfDocument {
public:
  HpdfDocument();
  ~HpdfDocument();
  HpdfDocument(const HpdfDocument&) = delete;
  HpdfDocument& operator=(const HpdfDocument&) = delete;

  HPDF_Doc get() const { return m_doc; }
  bool failed() const { return m_doc == nullptr || m_error != 0; }

  // Records a failed status (or a NULL result) for `what` if no error is recorded yet; returns
  // true when the call succeeded and the document is still good.
  bool check(HPDF_STATUS status, const char* what);
  bool check_handle(const void* handle, const char* what);

  // "libharu error 0x1025 (detail 0) in <what>", or "" if none.
  std::string error_message() const;
  // The first error's libharu code, and the step it happened in ("saving", ...).
  HPDF_STATUS error_code() const { return m_error; }
  const std::string& error_step() const { return m_what; }

  // The saved document.
  bool save(std::string& out);

private:
  static void HPDF_STDCALL on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self);
  void record(HPDF_STATUS error, HPDF_STATUS detail, const char* what);

  HPDF_Doc m_doc = nullptr;
  HPDF_STATUS m_error = 0;
  HPDF_STATUS m_detail = 0;
  std::string m_what;
  bool m_reading = false;
  const char* m_current = "";  // the step in progress, named in the message
};

} // namespace brief::pdf::detail
