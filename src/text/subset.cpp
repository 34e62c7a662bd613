#include "text/face.hpp"

#include <fmt/format.h>
#include <hb-subset.h>

namespace brief::text {

Outcome<std::string> FontLibrary::subset(FaceId face_id, const std::vector<char32_t>& codepoints) const {
  const detail::Face& face = *m_impl->faces.at(face_id);
  Diagnostics diagnostics;
  const auto fail = [&](const std::string& what) -> Outcome<std::string> {
    diagnostics.error({}, fmt::format("cannot subset font `{}`: {}", face.info.path.string(), what));
    return diagnostics;
  };

  using SubsetInput = detail::HbPtr<hb_subset_input_t, hb_subset_input_destroy>;
  SubsetInput input{hb_subset_input_create_or_fail()};
  if (!input.get()) return fail("out of memory");
  hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
  for (char32_t cp : codepoints) hb_set_add(unicodes, cp);
  // The space stays even when no run draws one: viewers use its width to find word gaps.
  hb_set_add(unicodes, U' ');

  // Hinting is dropped (PDF viewers do their own); layout tables are not needed because the PDF
  // places code points at positions computed beforehand. Glyph names stay out (post format 3).
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
           HB_TAG('k', 'e', 'r', 'n'), HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
           HB_TAG('M', 'A', 'T', 'H'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('h', 'd', 'm', 'x'),
           HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('g', 'a', 's', 'p'),
           HB_TAG('F', 'F', 'T', 'M'), HB_TAG('m', 'o', 'r', 'x'), HB_TAG('F', 'e', 'a', 't'),
           HB_TAG('S', 'i', 'l', 'f'), HB_TAG('S', 'i', 'l', 'l'), HB_TAG('G', 'l', 'a', 't'),
           HB_TAG('G', 'l', 'o', 'c'), HB_TAG('m', 'e', 't', 'a'), HB_TAG('P', 'f', 'E', 'd'),
           HB_TAG('T', 'S', 'I', 'V'), HB_TAG('T', 'S', 'I', 'P'), HB_TAG('T', 'S', 'I', 'S'),
           HB_TAG('T', 'S', 'I', 'D'), HB_TAG('T', 'S', 'I', '0'), HB_TAG('T', 'S', 'I', '1'),
           HB_TAG('T', 'S', 'I', '2'), HB_TAG('T', 'S', 'I', '3'), HB_TAG('T', 'S', 'I', '5')})
    hb_set_add(dropped, tag);

  using HbFace = detail::HbFace;
  HbFace result{hb_subset_or_fail(face.face.get(), input.get())};
  if (!result.get()) return fail("hb-subset failed");
  detail::HbBlob blob{hb_face_reference_blob(result.get())};
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!data || length == 0) return fail("hb-subset produced an empty font");
  return std::string(data, length);
}

} // namespace brief::text
