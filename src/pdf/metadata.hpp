#pragma once
// Internal to pdf/: the XMP metadata stream (every PDF) and what PDF/A-2b adds: the sRGB output
// intent and a file identifier. libharu 2.3's own PDF/A support writes a misspelled /SubType and
// unescaped XMP, so neither is used.

#include "pdf/hpdf_document.hpp"

#include "layout/paged.hpp"

#include <string>

namespace brief::pdf::detail {

// Where the sRGB ICC profile of the output intent is read from (Debian package icc-profiles-free).
constexpr const char* k_srgb_profile_path = "/usr/share/color/icc/sRGB.icc";

// The XMP packet: Dublin Core title, creators, description and language, the creation date
// (the spec's, as in the Info dictionary), producer and creator tool, keywords, pdfuaid:part 1,
// and pdfaid part 2 conformance B when `pdfa` is set. Text is escaped for XML.
std::string xmp_packet(const layout::DocumentInfo& info, const std::string& producer, bool pdfa);

// Adds the /Metadata stream to the catalog (uncompressed for PDF/A, compressed otherwise).
bool add_metadata(HpdfDocument& document, const layout::DocumentInfo& info, bool pdfa);

// PDF/A-2b: an /OutputIntents entry with the sRGB profile `icc` (its bytes) and a trailer /ID made
// from `fingerprint` (a hash of the document's content, so the same inputs give the same bytes).
bool add_pdfa_parts(HpdfDocument& document, const std::string& icc, const std::string& fingerprint);

} // namespace brief::pdf::detail
