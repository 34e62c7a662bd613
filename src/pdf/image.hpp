#pragma once
// Decoding images for the PDF writer: PNG through libpng's simplified API (which rejects corrupt
// files cleanly, unlike libharu's own loader) and JPEG validated with libjpeg before it is passed
// through. The pipeline calls this to load a template's logo.

#include "base/outcome.hpp"
#include "layout/paged.hpp"

#include <string>
#include <string_view>

namespace brief::pdf {

// Decodes a PNG to 8-bit RGB (+ alpha when the image has any transparency) or validates a JPEG.
// `what` names the image in messages (its path or key) and becomes the result's key. A corrupt,
// truncated or unsupported image is an error, never a crash.
Outcome<layout::ImageData> decode_image(std::string_view bytes, const std::string& what);

} // namespace brief::pdf
