#include "pdf/image.hpp"

#include <fmt/format.h>
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <jpeglib.h>

namespace brief::pdf {
namespace {

constexpr uint64_t k_max_pixels = uint64_t{40} << 20;  // 40 Mpx: larger is no logo or figure

struct PngImage {
  png_image image{};
  PngImage() { image.version = PNG_IMAGE_VERSION; }
  ~PngImage() { png_image_free(&image); }
  PngImage(const PngImage&) = delete;
  PngImage& operator=(const PngImage&) = delete;
};

Outcome<layout::ImageData> decode_png(std::string_view bytes, const std::string& what) {
  Diagnostics diagnostics;
  PngImage png;
  const auto fail = [&](const std::string& why) -> Outcome<layout::ImageData> {
    diagnostics.error({}, fmt::format("image `{}` is not a valid PNG: {}", what, why));
    return diagnostics;
  };
  if (!png_image_begin_read_from_memory(&png.image, bytes.data(), bytes.size()))
    return fail(png.image.message);
  if (uint64_t{png.image.width} * png.image.height > k_max_pixels || png.image.width == 0 ||
      png.image.height == 0)
    return fail(fmt::format("{}x{} pixels is out of range", png.image.width, png.image.height));
  // Transparency (an alpha channel or a tRNS chunk) becomes an alpha mask.
  const bool has_alpha = (png.image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  png.image.format = has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB;
  std::string pixels(PNG_IMAGE_SIZE(png.image), '\0');
  if (!png_image_finish_read(&png.image, nullptr, pixels.data(), 0, nullptr))
    return fail(png.image.message);

  layout::ImageData data;
  data.key = what;
  data.width = static_cast<int>(png.image.width);
  data.height = static_cast<int>(png.image.height);
  const size_t count = size_t(data.width) * size_t(data.height);
  if (!has_alpha) {
    data.rgb = std::move(pixels);
    return data;
  }
  data.rgb.resize(count * 3);
  data.alpha.resize(count);
  bool opaque = true;
  for (size_t i = 0; i < count; ++i) {
    data.rgb[3 * i] = pixels[4 * i];
    data.rgb[3 * i + 1] = pixels[4 * i + 1];
    data.rgb[3 * i + 2] = pixels[4 * i + 2];
    data.alpha[i] = pixels[4 * i + 3];
    opaque = opaque && static_cast<unsigned char>(pixels[4 * i + 3]) == 255;
  }
  if (opaque) data.alpha.clear();  // no mask needed
  return data;
}

// libjpeg reports errors by calling error_exit, which must not return: jump back out of the
// read instead of letting libjpeg exit the process.
struct JpegError {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_jpeg_error(j_common_ptr info) {
  auto* error = reinterpret_cast<JpegError*>(info->err);
  (*info->err->format_message)(info, error->message);
  std::longjmp(error->jump, 1);
}

void on_jpeg_message(j_common_ptr, int) {}  // warnings are not printed to stderr

struct JpegHeader {
  unsigned width = 0, height = 0;
  int components = 0;
};

// Reads the JPEG header only. Plain C data only between setjmp and longjmp.
bool read_jpeg_header(const unsigned char* data, unsigned long size, JpegHeader* header, char* message) {
  jpeg_decompress_struct info;
  JpegError error;
  info.err = jpeg_std_error(&error.manager);
  error.manager.error_exit = on_jpeg_error;
  error.manager.emit_message = on_jpeg_message;
  error.message[0] = '\0';
  if (setjmp(error.jump)) {
    std::snprintf(message, JMSG_LENGTH_MAX, "%s", error.message);
    jpeg_destroy_decompress(&info);
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data, size);
  jpeg_read_header(&info, TRUE);
  // Decoding the first scan checks the entropy-coded data behind the header too.
  jpeg_start_decompress(&info);
  header->width = info.output_width;
  header->height = info.output_height;
  header->components = info.num_components;
  jpeg_abort_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

// libharu reads a JPEG's header itself, more strictly than libjpeg: from the start of image, each
// segment must begin with a 0xFF marker and have a length of at least 2, up to the first frame
// (SOF0, SOF1, SOF2 or SOF9), whose size and components it takes. libjpeg skips stray bytes
// between segments, which libharu then rejects (error 0x1063) when the PDF is written. So what
// libjpeg accepts is walked again the way libharu will; its frame must agree with libjpeg's.
bool libharu_reads_header(std::string_view bytes, const JpegHeader& header) {
  const auto byte = [&](size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[at])); };
  const auto u16 = [&](size_t at) { return (byte(at) << 8) | byte(at + 1); };
  size_t at = 2;  // after the start-of-image marker
  for (;;) {
    if (at + 4 > bytes.size()) return false;
    const unsigned marker = u16(at), length = u16(at + 2);
    if (marker == 0xFFC0 || marker == 0xFFC1 || marker == 0xFFC2 || marker == 0xFFC9) {
      if (at + 10 > bytes.size()) return false;
      return u16(at + 5) == header.height && u16(at + 7) == header.width &&
             static_cast<int>(byte(at + 9)) == header.components;
    }
    if ((marker & 0xFF00) != 0xFF00 || length < 2) return false;
    at += 2 + length;
  }
}

Outcome<layout::ImageData> decode_jpeg(std::string_view bytes, const std::string& what) {
  Diagnostics diagnostics;
  JpegHeader header;
  char message[JMSG_LENGTH_MAX] = {0};
  if (!read_jpeg_header(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), &header, message)) {
    diagnostics.error({}, fmt::format("image `{}` is not a valid JPEG: {}", what, message));
    return diagnostics;
  }
  if (!libharu_reads_header(bytes, header)) {
    diagnostics.error({}, fmt::format("image `{}` is not a valid JPEG: its marker segments are corrupt", what),
        {"re-save the image with an image editor"});
    return diagnostics;
  }
  if (header.components != 1 && header.components != 3) {
    diagnostics.error({}, fmt::format("image `{}` is a JPEG with {} colour components; only grey and RGB are supported",
        what, header.components));
    return diagnostics;
  }
  if (uint64_t{header.width} * header.height > k_max_pixels || header.width == 0 || header.height == 0) {
    diagnostics.error({}, fmt::format("image `{}` is a JPEG of {}x{} pixels, out of range", what,
        header.width, header.height));
    return diagnostics;
  }
  layout::ImageData data;
  data.key = what;
  data.width = static_cast<int>(header.width);
  data.height = static_cast<int>(header.height);
  data.jpeg.assign(bytes);
  return data;
}

} // namespace

Outcome<layout::ImageData> decode_image(std::string_view bytes, const std::string& what) {
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8))
    return decode_png(bytes, what);
  if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3))
    return decode_jpeg(bytes, what);
  Diagnostics diagnostics;
  diagnostics.error({}, bytes.empty() ? fmt::format("image `{}` is empty", what)
                                      : fmt::format("image `{}` is neither PNG nor JPEG", what));
  return diagnostics;
}

} // namespace brief::pdf
