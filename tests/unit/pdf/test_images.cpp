#include "pdf/image.hpp"
#include "pdf/pdf.hpp"

#include "pdf_test_support.hpp"

#include <catch2/catch.hpp>

using namespace brief;

namespace {

std::string image_file(const std::string& name) {
  return test::read_file(std::string(BRIEF_TEST_DATA) + "/images/" + name);
}

std::string error_of(const std::string& name) {
  auto decoded = pdf::decode_image(image_file(name), name);
  REQUIRE_FALSE(decoded.ok());
  return decoded.diagnostics().items().at(0).message;
}

} // namespace

TEST_CASE("PNGs decode to RGB with an alpha mask only when transparent") {
  auto rgb = pdf::decode_image(image_file("rgb.png"), "rgb.png");
  REQUIRE(rgb.ok());
  CHECK(rgb->width == 3);
  CHECK(rgb->height == 1);
  CHECK(rgb->rgb == std::string("\x10\x20\x30\x40\x50\x60\x70\x80\x90", 9));
  CHECK(rgb->alpha.empty());
  CHECK(rgb->key == "rgb.png");

  // RGB with a tRNS colour: the case that crashes libharu's own loader.
  auto keyed = pdf::decode_image(image_file("rgb-trns.png"), "rgb-trns.png");
  REQUIRE(keyed.ok());
  REQUIRE(keyed->alpha.size() == 16);
  CHECK(static_cast<unsigned char>(keyed->alpha[0]) == 255);  // red
  CHECK(static_cast<unsigned char>(keyed->alpha[1]) == 0);    // white, transparent

  auto rgba = pdf::decode_image(image_file("rgba.png"), "rgba.png");
  REQUIRE(rgba.ok());
  CHECK(rgba->alpha == std::string("\xff\x80\x00\xff", 4));
}

TEST_CASE("corrupt, truncated and foreign images are clean errors") {
  CHECK_THAT(error_of("corrupt.png"), Catch::StartsWith("image `corrupt.png` is not a valid PNG: "));
  CHECK_THAT(error_of("truncated.png"), Catch::StartsWith("image `truncated.png` is not a valid PNG: "));
  CHECK(error_of("not-an-image.jpg") == "image `not-an-image.jpg` is neither PNG nor JPEG");
  auto empty = pdf::decode_image("", "logo");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.diagnostics().items().at(0).message == "image `logo` is empty");
  // A JPEG signature followed by garbage.
  auto fake = pdf::decode_image(std::string("\xFF\xD8\xFF\xE0 not really a jpeg", 22), "fake.jpg");
  REQUIRE_FALSE(fake.ok());
  CHECK_THAT(fake.diagnostics().items().at(0).message, Catch::StartsWith("image `fake.jpg` is not a valid JPEG: "));
}

TEST_CASE("JPEGs are validated and passed through") {
  const std::string bytes = image_file("blue-8x8.jpg");
  auto jpeg = pdf::decode_image(bytes, "blue");
  REQUIRE(jpeg.ok());
  CHECK(jpeg->width == 8);
  CHECK(jpeg->height == 8);
  CHECK(jpeg->jpeg == bytes);
  CHECK(jpeg->rgb.empty());
}

TEST_CASE("images with and without masks are drawn") {
  text::FontLibrary fonts;
  layout::PagedDocument document;
  layout::Page page;
  page.width = 200;
  page.height = 200;
  for (const char* name : {"rgb-trns.png", "rgba.png", "blue-8x8.jpg"}) {
    auto image = pdf::decode_image(image_file(name), name);
    REQUIRE(image.ok());
    document.images.push_back(*image);
    page.items.push_back(layout::Image{name, 10, 10, 50, 50});
  }
  page.items.push_back(layout::Image{"missing", 10, 10, 50, 50});
  document.pages.push_back(page);
  auto bytes = pdf::write(document, fonts);
  REQUIRE(bytes.ok());
  REQUIRE(bytes.diagnostics().items().size() == 1);
  CHECK(bytes.diagnostics().items()[0].message == "image `missing` was not loaded; left out");
  test::TempPdf pdf(*bytes);
  const auto check = test::run("qpdf --check", pdf.path());
  CHECK(check.status == 0);
  CHECK(check.err.empty());
  const auto images = test::run("pdfimages -list", pdf.path());
  CHECK(images.status == 0);
  CHECK_THAT(images.out, Catch::Contains("smask"));
  CHECK_THAT(images.out, Catch::Contains("jpeg"));
}
