#pragma once
// Internal to text/: a loaded face (bytes + HarfBuzz objects) and the FontLibrary state shared by
// font_library.cpp, shaper.cpp and subset.cpp. Not part of the stage's public API.

#include "text/font.hpp"

#include <hb.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <functional>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace brief::text::detail {

// Owns one reference to a HarfBuzz object; `Destroy` is its hb_*_destroy function.
template <typename T, void (*Destroy)(T*)>
class HbPtr {
public:
  HbPtr() = default;
  explicit HbPtr(T* p) : m_p(p) {}
  ~HbPtr() { reset(); }
  HbPtr(HbPtr&& other) noexcept : m_p(other.m_p) { other.m_p = nullptr; }
  HbPtr& operator=(HbPtr&& other) noexcept {
    if (this != &other) { reset(); m_p = other.m_p; other.m_p = nullptr; }
    return *this;
  }
  HbPtr(const HbPtr&) = delete;
  HbPtr& operator=(const HbPtr&) = delete;
  T* get() const { return m_p; }
  void reset() { if (m_p) Destroy(m_p); m_p = nullptr; }

private:
  T* m_p = nullptr;
};

using HbBlob = HbPtr<hb_blob_t, hb_blob_destroy>;
using HbFace = HbPtr<hb_face_t, hb_face_destroy>;
using HbFont = HbPtr<hb_font_t, hb_font_destroy>;
using HbBuffer = HbPtr<hb_buffer_t, hb_buffer_destroy>;
using HbSet = HbPtr<hb_set_t, hb_set_destroy>;

// Transparent hashing, so cache lookups by string_view do not allocate.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// One code point of a text being shaped, as it will be written.
struct ShapeItem {
  char32_t cp = 0;        // what to write (a presentation form for Arabic)
  char32_t original = 0;  // what the text said
  uint32_t byte = 0;      // offset in the input
  uint32_t bytes = 0;     // its length in UTF-8
  FaceId face = 0;
};

struct Face {
  FaceInfo info;
  std::string bytes;  // the whole font file; the blob points into it
  HbBlob blob;
  HbFace face;
  HbFont font;       // scale = units_per_em, so positions come back in font units
  HbSet unicodes;    // code points the cmap maps
  // Advances (font units) of the cmap glyph of each BMP code point seen, as a PDF viewer uses.
  std::unordered_map<char32_t, int> nominal_units;
  // Shaped width of a text at 1 pt (fallback faces included), by text.
  std::unordered_map<std::string, double, StringHash, std::equal_to<>> width_cache;
  // Shaped runs of short texts (words) at 1 pt, with what they reported missing: layout shapes
  // the same words over and over, and HarfBuzz is most of the cost.
  struct CachedShape {
    std::vector<ShapedRun> runs;
    std::vector<char32_t> missing;
  };
  std::unordered_map<std::string, CachedShape, StringHash, std::equal_to<>> shape_cache;

  bool covers(char32_t cp) const { return hb_set_has(unicodes.get(), cp); }
  // The hmtx advance of the glyph the cmap gives `cp`, in font units.
  int nominal_advance(char32_t cp);
};

// How a request names a face, for the cache.
using FaceKey = std::tuple<std::string, bool, bool>;

} // namespace brief::text::detail

namespace brief::text {

struct FontLibrary::Impl {
  std::vector<std::unique_ptr<detail::Face>> faces;
  std::map<std::pair<std::string, int>, FaceId> by_file;            // path, index
  std::map<detail::FaceKey, std::optional<FaceId>> by_request;      // family (folded), bold, italic
  // Faces found by coverage: (code point, family (folded), bold, italic) -> face, or none.
  std::map<std::tuple<char32_t, std::string, bool, bool>, std::optional<FaceId>> by_coverage;
  detail::HbBuffer buffer{hb_buffer_create()};
  std::vector<hb_feature_t> features;

  // Loads (or returns the cached) face at `path`/`index`; errors name the path.
  Outcome<FaceId> load(const std::filesystem::path& path, int index);
  // The face for `family` if installed, quietly (for fallbacks).
  std::optional<FaceId> fallback(const std::string& family, bool bold, bool italic);
  // The installed face fontconfig picks to write `cp` near `family`, quietly; per code point, so
  // the choice never depends on what was shaped before.
  std::optional<FaceId> covering(const std::string& family, char32_t cp, bool bold, bool italic);
  // shape() without the cache.
  std::vector<ShapedRun> shape_uncached(FaceId face, double size, std::string_view text,
      std::vector<char32_t>* missing, bool rtl_paragraph = false);
  // Decides which face writes each item (shaper.cpp); replaces what no face can write.
  void assign_faces(FaceId primary, std::vector<detail::ShapeItem>& items,
      std::vector<char32_t>* missing);
  // Shapes items [begin, end) (one face, one direction, logical order) into a run (shaper.cpp).
  ShapedRun shape_run(const std::vector<detail::ShapeItem>& items, size_t begin, size_t end,
      bool rtl, double size, std::string_view text);
};

} // namespace brief::text
