// Fuzz target: logo and figure images (pdf::decode_image: PNG through libpng's simplified API,
// JPEG validated with libjpeg). Anything accepted is then placed on a page and written with
// libharu, which must accept it too: a decoded image must never make the PDF writer fail.
#include "fuzz_support.hpp"

#include "pdf/image.hpp"
#include "pdf/pdf.hpp"

using namespace brief;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto image = pdf::decode_image(fuzz::as_text(data, size), "logos/fuzz.png");
  fuzz::check_diagnostics(image.diagnostics());
  if (!image.ok()) return 0;
  const layout::ImageData& decoded = *image;
  fuzz::require(decoded.width > 0 && decoded.height > 0, "an image without pixels was accepted");
  const size_t pixels = size_t(decoded.width) * size_t(decoded.height);
  if (decoded.jpeg.empty()) {
    fuzz::require(decoded.rgb.size() == pixels * 3, "RGB data does not match the image size");
    fuzz::require(decoded.alpha.empty() || decoded.alpha.size() == pixels, "alpha does not match the image size");
  }
  static text::FontLibrary fonts;  // no text is drawn; the writer only needs a library
  layout::PagedDocument paged;
  paged.images.push_back(decoded);
  layout::Page page;
  page.width = 200;
  page.height = 200;
  page.items.push_back(layout::Image{decoded.key, 10, 10, 100, 100});
  paged.pages.push_back(std::move(page));
  const auto pdf = pdf::write(paged, fonts);
  if (!pdf.ok()) fuzz::fail_with("the PDF writer rejected a decoded image", pdf.diagnostics());
  return 0;
}
