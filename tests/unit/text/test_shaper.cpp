#include "text/font.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

using namespace brief;

namespace {

text::FaceId find(text::FontLibrary& fonts, const char* family) {
  auto face = fonts.find(family, false, false);
  REQUIRE(face.ok());
  return *face;
}

std::u32string codepoints(const text::ShapedRun& run) {
  std::u32string out;
  for (const auto& g : run.glyphs) out += g.codepoint;
  return out;
}

double sum_advances(const std::vector<text::ShapedRun>& runs) {
  double sum = 0;
  for (const auto& run : runs)
    for (const auto& g : run.glyphs) sum += g.advance;
  return sum;
}

} // namespace

TEST_CASE("kerning narrows AV below the sum of its letters") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "DejaVu Serif");
  const double av = fonts.width(face, 12, "AV");
  const double a = fonts.width(face, 12, "A");
  const double v = fonts.width(face, 12, "V");
  CHECK(av < a + v - 0.1);
  const auto runs = fonts.shape(face, 12, "AV");
  REQUIRE(runs.size() == 1);
  REQUIRE(runs[0].glyphs.size() == 2);
  // The first glyph carries the kerning; the viewer's width stays the unkerned one.
  CHECK(runs[0].glyphs[0].advance < runs[0].glyphs[0].nominal - 0.1);
  CHECK(runs[0].glyphs[1].advance == Approx(runs[0].glyphs[1].nominal).margin(0.01));
}

TEST_CASE("ligatures stay off so fi is two glyphs") {
  text::FontLibrary fonts;
  for (const char* family : {"DejaVu Serif", "Charis SIL"}) {
    const auto runs = fonts.shape(find(fonts, family), 10, "fi");
    REQUIRE(runs.size() == 1);
    CHECK(codepoints(runs[0]) == U"fi");
    CHECK(runs[0].glyphs[0].cluster == 0);
    CHECK(runs[0].glyphs[1].cluster == 1);
  }
}

TEST_CASE("nominal widths are the 1/1000 em widths a viewer uses") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "DejaVu Sans");  // 2048 units per em: widths are not whole thousandths
  const auto runs = fonts.shape(face, 10, "a");
  REQUIRE(runs.size() == 1);
  const auto& g = runs[0].glyphs.at(0);
  // 'a' advances 1255 units: 1255 * 1000 / 2048 = 612.79, which libharu writes as 612.
  CHECK(g.advance == Approx(1255.0 / 2048 * 10));
  CHECK(g.nominal == Approx(0.612 * 10));
}

TEST_CASE("width is the sum of the shaped advances") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "Charis SIL");
  for (const char* text : {"Washington", "Ḥizb al-Taḥrīr", "“quoted” — dash", "ab سلام cd"}) {
    CAPTURE(text);
    const auto runs = fonts.shape(face, 11, text);
    CHECK(fonts.width(face, 11, text) == Approx(sum_advances(runs)));
    CHECK(fonts.width(face, 22, text) == Approx(2 * sum_advances(runs)));  // from the cache
  }
}

TEST_CASE("Arabic is written right to left in presentation forms") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "DejaVu Sans");
  // salam: seen, lam, alef, meem -> initial seen, lam-alef final ligature, isolated meem
  const std::string salam = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85";
  const auto runs = fonts.shape(face, 12, salam);
  REQUIRE(runs.size() == 1);
  CHECK(runs[0].rtl);
  CHECK(codepoints(runs[0]) == U"\uFEE1\uFEFC\uFEB3");  // visual order
  CHECK(runs[0].logical_text == salam);
  CHECK(runs[0].glyphs[0].cluster == 6);  // meem
  CHECK(runs[0].glyphs[1].cluster == 2);  // lam (the ligature stands for lam and alef)
  CHECK(runs[0].glyphs[2].cluster == 0);  // seen
}

TEST_CASE("Arabic inside Latin text falls back to an Arabic face") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "Charis SIL");
  REQUIRE_FALSE(fonts.covers(face, 0x0633));
  std::vector<char32_t> missing;
  // "the party حزب الله said": two Arabic words, reordered right to left as a unit.
  const auto runs = fonts.shape(face, 12,
      "the party \xD8\xAD\xD8\xB2\xD8\xA8 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87 said", &missing);
  CHECK(missing.empty());
  REQUIRE(runs.size() == 3);
  CHECK(runs[0].face == face);
  CHECK_FALSE(runs[0].rtl);
  CHECK(runs[0].logical_text == "the party ");
  CHECK(runs[1].rtl);
  CHECK(fonts.info(runs[1].face).family == "Noto Naskh Arabic");
  // Visual order: the second word (allah: alef, lam, lam, heh) comes first.
  const std::u32string arabic = codepoints(runs[1]);
  REQUIRE(arabic.size() == 8);
  CHECK(arabic[0] == 0xFEEA);  // final heh
  CHECK(arabic[4] == U' ');
  CHECK(arabic[7] == 0xFEA3);  // initial hah of hizb
  CHECK(runs[2].face == face);
  CHECK(runs[2].logical_text == " said");
}

TEST_CASE("characters above U+FFFF and uncovered ones are replaced and reported") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "DejaVu Serif");
  std::vector<char32_t> missing;
  // An emoji (above U+FFFF) and U+2FE0, unassigned, so no installed face holds it.
  const auto runs = fonts.shape(face, 12, "a\xF0\x9F\x98\x80" "b\xE2\xBF\xA0", &missing);
  CHECK(missing == std::vector<char32_t>{0x1F600, 0x2FE0});
  std::u32string all;
  for (const auto& run : runs) all += codepoints(run);
  REQUIRE(all.size() == 4);
  CHECK(all[0] == U'a');
  CHECK((all[1] == 0xFFFD || all[1] == U'?'));
  CHECK(all[2] == U'b');
  CHECK((all[3] == 0xFFFD || all[3] == U'?'));
  for (const auto& run : runs) CHECK(fonts.covers(run.face, run.glyphs[0].codepoint));
}

TEST_CASE("invisible format characters are not written") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "DejaVu Serif");
  std::vector<char32_t> missing;
  const auto runs = fonts.shape(face, 12, "a\xE2\x80\x8B" "b\xC2\xAD", &missing);  // ZWSP, soft hyphen
  CHECK(missing.empty());
  REQUIRE(runs.size() == 1);
  CHECK(codepoints(runs[0]) == U"ab");
  CHECK(runs[0].glyphs[1].cluster == 4);
  CHECK(fonts.shape(face, 12, "").empty());
}

TEST_CASE("cached widths equal the shaped advances") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "Charis SIL");
  const std::vector<std::string> words{"the", "minister", "said", "that", "al-Qaeda", "Ḥizb",
      "forces", "AVAWAY", "withdrawn", "Tuesday"};
  for (int round = 0; round < 3; ++round) {  // the second and third rounds come from the caches
    for (const auto& w : words) {
      double shaped = 0;
      for (const auto& run : fonts.shape(face, 10.5, w))
        for (const auto& g : run.glyphs) shaped += g.advance;
      CHECK(fonts.width(face, 10.5, w) == Approx(shaped).epsilon(1e-12));
      CHECK(fonts.width(face, 21, w) == Approx(2 * shaped).epsilon(1e-9));
    }
  }
}

TEST_CASE("a script no declared fallback covers is written with an installed face that has it") {
  text::FontLibrary fonts;
  const auto face = find(fonts, "Noto Sans");
  REQUIRE_FALSE(fonts.covers(face, 0x0915));
  std::vector<char32_t> missing;
  // "India (भारत) said": Devanagari between Latin words.
  const auto runs = fonts.shape(face, 12, "India (\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4) said", &missing);
  CHECK(missing.empty());
  bool devanagari = false;
  for (const auto& run : runs) {
    for (const auto& g : run.glyphs) {
      CHECK(g.codepoint != 0xFFFD);
      CHECK(fonts.covers(run.face, g.codepoint));
    }
    if (run.logical_text.find("\xE0\xA4\xAD") != std::string::npos) {
      devanagari = true;
      CHECK(fonts.info(run.face).family.find("Devanagari") != std::string::npos);
    }
  }
  CHECK(devanagari);
}
