#pragma once
// text: fonts and shaping, used by layout/ to measure and by pdf/ to embed.
//
// Fonts are found by family name through fontconfig and shaped with HarfBuzz (kerning on,
// ligatures off so extracted text stays exact). Text a face cannot show falls back per run to
// faces that can (Arabic, symbols); right-to-left runs are reordered (ICU bidi) and Arabic is
// written with presentation forms, since the PDF writer places code points, not glyph ids.

#include "base/outcome.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace brief::text {

using FaceId = uint32_t;

struct FaceInfo {
  std::filesystem::path path;
  int index = 0;  // face index in a collection
  std::string family;
  bool bold = false;
  bool italic = false;
  int units_per_em = 1000;
  // Vertical metrics as fractions of the em.
  double ascender = 0.8, descender = -0.2, cap_height = 0.7, x_height = 0.5;
};

// One glyph as placed: the code point the PDF writer emits and where.
struct PlacedGlyph {
  char32_t codepoint = 0;  // what to write (presentation form for Arabic); 0 = not writable
  uint32_t glyph = 0;      // glyph id in the face
  double advance = 0;      // pt, including kerning
  double nominal = 0;      // pt, the advance a PDF viewer will use: the /W width libharu
                           // writes, trunc(hmtx advance * 1000 / units_per_em) / 1000 em
  double x_offset = 0, y_offset = 0;  // pt
  uint32_t cluster = 0;    // byte offset in the logical input text
};

// A run of text in one face and one direction, shaped, in visual order.
struct ShapedRun {
  FaceId face = 0;
  double size = 0;
  bool rtl = false;
  std::vector<PlacedGlyph> glyphs;
  double width = 0;  // pt
  std::string logical_text;  // the input text of this run, logical order (for extraction)
};

// Loads and caches faces. Not thread-safe: use one per thread (or per document).
class FontLibrary {
public:
  FontLibrary();
  ~FontLibrary();
  FontLibrary(const FontLibrary&) = delete;
  FontLibrary& operator=(const FontLibrary&) = delete;

  // Finds an installed face of `family` through fontconfig. An unknown family is an error whose
  // hints name the closest installed families. The span is where the family was named.
  Outcome<FaceId> find(const std::string& family, bool bold, bool italic, const Span& span = {});
  // Loads a face from a file (tests, fuzzers). A zero-byte, truncated or non-font file is an error.
  Outcome<FaceId> load_file(const std::filesystem::path& path);

  const FaceInfo& info(FaceId face) const;
  // sha256 of the font file's bytes as they were loaded (what shaping and embedding use).
  std::string content_hash(FaceId face) const;
  bool covers(FaceId face, char32_t cp) const;
  size_t face_count() const;
  std::vector<std::string> installed_families() const;

  // Shapes `text` (valid UTF-8, NFC) at `size` pt: splits it by bidi level and by font coverage
  // (falling back to other faces for missing characters, e.g. Arabic), shapes each run with
  // HarfBuzz and returns the runs in visual order. Characters no face covers, and any above
  // U+FFFF, are replaced by U+FFFD (or '?') and reported through `missing` if given. Invisible
  // format characters (ZWSP, soft hyphen, joiners, controls) are not written at all.
  // The paragraph direction is left-to-right unless `rtl_paragraph` (then neutral characters at
  // the ends of right-to-left text, such as a final full stop, take its direction and stand at its
  // left). Shape a whole phrase (not word by word) when the order of several right-to-left words
  // matters. Short texts of left-to-right paragraphs are cached per face.
  std::vector<ShapedRun> shape(FaceId face, double size, std::string_view text,
      std::vector<char32_t>* missing = nullptr, bool rtl_paragraph = false);

  // Width in pt of `text` shaped as above.
  double width(FaceId face, double size, std::string_view text);

  // A subset of the face holding only `codepoints` (hb-subset), as TrueType bytes; cmap, glyf,
  // hmtx kept so the PDF writer maps code points to glyphs. Composite glyph parts included.
  Outcome<std::string> subset(FaceId face, const std::vector<char32_t>& codepoints) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

// Whether `text` (UTF-8) holds more strong right-to-left characters (Hebrew, Arabic, ...) than
// strong left-to-right ones: the direction brief gives a paragraph. A majority rather than the
// first strong character (UAX #9 P2), so a leading portion mark "(U)" or a Latin name at the start
// of an Arabic quote does not make it left-to-right.
bool mostly_right_to_left(std::string_view text);

// Hyphenation points from TeX patterns (libhyphen, hyphen-en-us).
class Hyphenator {
public:
  // Loads the dictionary for `language` ("en-US"); an error if it is not installed.
  static Outcome<Hyphenator> load(const std::string& language = "en-US");
  Hyphenator(Hyphenator&&) noexcept;
  Hyphenator& operator=(Hyphenator&&) noexcept;
  ~Hyphenator();

  // Byte offsets inside `word` where it may be broken with a hyphen, honouring at least
  // `left_min` letters before and `right_min` after. Words with digits, capitals inside
  // (ids, acronyms) or fewer than left_min + right_min letters get none.
  std::vector<size_t> points(std::string_view word, int left_min = 2, int right_min = 3) const;

private:
  Hyphenator();
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace brief::text
