#include "pdf/metadata.hpp"

#include "base/hash.hpp"

#include <hpdf_doc.h>

#include <fmt/format.h>

namespace brief::pdf::detail {
namespace {

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default:
      // Control characters other than tab and newline are not allowed in XML 1.0.
      if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

} // namespace

std::string xmp_packet(const layout::DocumentInfo& info, const std::string& producer, bool pdfa) {
  std::string body;
  auto alt = [&](const char* name, const std::string& value) {
    if (!value.empty())
      body += fmt::format("   <dc:{0}><rdf:Alt><rdf:li xml:lang=\"x-default\">{1}</rdf:li></rdf:Alt></dc:{0}>\n",
          name, xml_escape(value));
  };
  body += "   <dc:format>application/pdf</dc:format>\n";
  alt("title", info.title);
  // One creator entry holding the Info dictionary's Author, so the two say the same (PDF/A).
  if (!info.author.empty())
    body += fmt::format("   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n", xml_escape(info.author));
  alt("description", info.subject);
  if (!info.language.empty())
    body += fmt::format("   <dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        xml_escape(info.language));
  if (!info.keywords.empty()) body += fmt::format("   <pdf:Keywords>{}</pdf:Keywords>\n", xml_escape(info.keywords));
  if (!producer.empty()) body += fmt::format("   <pdf:Producer>{}</pdf:Producer>\n", xml_escape(producer));
  if (!info.creator.empty()) body += fmt::format("   <xmp:CreatorTool>{}</xmp:CreatorTool>\n", xml_escape(info.creator));
  if (info.date.size() == 10) body += fmt::format("   <xmp:CreateDate>{}T00:00:00Z</xmp:CreateDate>\n", xml_escape(info.date));
  body += "   <pdfuaid:part>1</pdfuaid:part>\n";
  if (pdfa) body += "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>B</pdfaid:conformance>\n";
  return "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
         "  <rdf:Description rdf:about=\"\"\n"
         "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
         "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
         "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
         "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"" +
         std::string(pdfa ? "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"" : "") + ">\n" + body +
         "  </rdf:Description>\n"
         " </rdf:RDF>\n"
         "</x:xmpmeta>\n"
         "<?xpacket end=\"w\"?>";
}

bool add_metadata(HpdfDocument& document, const layout::DocumentInfo& info, bool pdfa) {
  HPDF_Doc pdf = document.get();
  const char* producer = HPDF_GetInfoAttr(pdf, HPDF_INFO_PRODUCER);
  const std::string packet = xmp_packet(info, producer ? producer : "", pdfa);
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!document.check_handle(stream, "writing the XMP metadata")) return false;
  // PDF/A wants the packet readable without decoding; otherwise it is compressed like the rest.
  stream->filter = pdfa ? HPDF_STREAM_FILTER_NONE : HPDF_STREAM_FILTER_FLATE_DECODE;
  return document.check(HPDF_Dict_AddName(stream, "Type", "Metadata"), "writing the XMP metadata") &&
         document.check(HPDF_Dict_AddName(stream, "Subtype", "XML"), "writing the XMP metadata") &&
         document.check(HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                            static_cast<HPDF_UINT>(packet.size())), "writing the XMP metadata") &&
         document.check(HPDF_Dict_Add(pdf->catalog, "Metadata", stream), "writing the XMP metadata");
}

bool add_pdfa_parts(HpdfDocument& document, const std::string& icc, const std::string& fingerprint) {
  HPDF_Doc pdf = document.get();
  HPDF_MMgr mmgr = pdf->mmgr;
  auto ok = [&](HPDF_STATUS status) { return document.check(status, "writing the PDF/A output intent"); };
  auto made = [&](const void* handle) { return document.check_handle(handle, "writing the PDF/A output intent"); };

  HPDF_Dict profile = HPDF_DictStream_New(mmgr, pdf->xref);
  if (!made(profile)) return false;
  profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  if (!ok(HPDF_Dict_AddNumber(profile, "N", 3)) ||
      !ok(HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc.data()),
          static_cast<HPDF_UINT>(icc.size()))))
    return false;
  const char* condition = "sRGB IEC61966-2.1";
  HPDF_Dict intent = HPDF_Dict_New(mmgr);
  HPDF_Array intents = HPDF_Array_New(mmgr);
  if (!made(intent) || !made(intents) || !ok(HPDF_Dict_AddName(intent, "Type", "OutputIntent")) ||
      !ok(HPDF_Dict_AddName(intent, "S", "GTS_PDFA1")) ||
      !ok(HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mmgr, condition, nullptr))) ||
      !ok(HPDF_Dict_Add(intent, "Info", HPDF_String_New(mmgr, condition, nullptr))) ||
      !ok(HPDF_Dict_Add(intent, "DestOutputProfile", profile)) || !ok(HPDF_Array_Add(intents, intent)) ||
      !ok(HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents)))
    return false;

  // The file identifier: 16 bytes of a hash of the content, twice (first written = this version).
  const std::string hex = sha256_hex(fingerprint);
  std::string id;
  for (size_t i = 0; i < 32; i += 2) id += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  HPDF_Array ids = HPDF_Array_New(mmgr);
  if (!made(ids)) return false;
  for (int k = 0; k < 2; ++k)
    if (!ok(HPDF_Array_Add(ids, HPDF_Binary_New(mmgr, reinterpret_cast<HPDF_BYTE*>(id.data()),
                                     static_cast<HPDF_UINT>(id.size())))))
      return false;
  return ok(HPDF_Dict_Add(pdf->trailer, "ID", ids));
}

} // namespace brief::pdf::detail
