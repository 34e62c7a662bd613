#include "text/font.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace brief;
namespace fs = std::filesystem;

namespace {

// A private scratch directory for files a test writes, removed at the end of the test.
struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "brief-text-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~ScratchDir() { std::error_code ec; fs::remove_all(path, ec); }
  fs::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return path / name;
  }
};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_CASE("find resolves an installed family and caches the face") {
  text::FontLibrary fonts;
  auto regular = fonts.find("DejaVu Serif", false, false);
  REQUIRE(regular.ok());
  CHECK(fonts.info(*regular).family == "DejaVu Serif");
  CHECK_FALSE(fonts.info(*regular).bold);
  CHECK(fonts.info(*regular).path.extension() == ".ttf");

  auto again = fonts.find("dejavu serif", false, false);  // family names are case-insensitive
  REQUIRE(again.ok());
  CHECK(*again == *regular);

  auto bold = fonts.find("DejaVu Serif", true, false);
  REQUIRE(bold.ok());
  CHECK(*bold != *regular);
  CHECK(fonts.info(*bold).bold);
  auto italic = fonts.find("Charis SIL", false, true);
  REQUIRE(italic.ok());
  CHECK(fonts.info(*italic).italic);
}

TEST_CASE("find reports an unknown family with the closest installed ones") {
  text::FontLibrary fonts;
  auto missing = fonts.find("DejaVu Serf", false, false);
  REQUIRE_FALSE(missing.ok());
  const Diagnostic& d = missing.diagnostics().items().at(0);
  CHECK(d.message == "font family `DejaVu Serf` is not installed");
  REQUIRE_FALSE(d.hints.empty());
  CHECK(d.hints[0] == "did you mean `DejaVu Serif`?");

  auto partial = fonts.find("Naskh", false, false);
  REQUIRE_FALSE(partial.ok());
  const auto& hints = partial.diagnostics().items().at(0).hints;
  REQUIRE_FALSE(hints.empty());
  CHECK_THAT(hints[0], Catch::Contains("Noto Naskh Arabic"));

  // fontconfig substitutes some font for any name; that must not count as found.
  CHECK_FALSE(fonts.find("Helvetica Neue Imaginary", false, false).ok());
}

TEST_CASE("face metrics come from the font") {
  text::FontLibrary fonts;
  auto face = fonts.find("DejaVu Sans", false, false);
  REQUIRE(face.ok());
  const auto& info = fonts.info(*face);
  CHECK(info.units_per_em == 2048);
  CHECK(info.ascender == Approx(0.928).margin(0.01));
  CHECK(info.descender == Approx(-0.236).margin(0.01));
  CHECK(info.cap_height == Approx(0.729).margin(0.01));
  CHECK(info.x_height == Approx(0.547).margin(0.01));
  CHECK(fonts.covers(*face, U'A'));
  CHECK_FALSE(fonts.covers(*face, U'\uA980'));  // Javanese
}

TEST_CASE("load_file rejects empty, truncated and non-TrueType files with the path") {
  ScratchDir scratch;
  text::FontLibrary fonts;
  const auto message = [&](const fs::path& path) {
    auto loaded = fonts.load_file(path);
    REQUIRE_FALSE(loaded.ok());
    return loaded.diagnostics().items().at(0).message;
  };
  const fs::path empty = scratch.write("empty.ttf", "");
  CHECK(message(empty) == "font file `" + empty.string() + "` is empty");

  const std::string whole = read_all("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  REQUIRE(whole.size() > 100000);
  const fs::path cut = scratch.write("cut.ttf", whole.substr(0, whole.size() / 2));
  CHECK(message(cut) == "font file `" + cut.string() + "` is truncated");

  const fs::path text_file = scratch.write("notes.ttf", "this is not a font, just some text");
  CHECK(message(text_file) == "font file `" + text_file.string() + "` is not a TrueType font");

  const fs::path absent = scratch.path / "absent.ttf";
  CHECK(message(absent) == "font file `" + absent.string() + "` cannot be read");

  auto good = fonts.load_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
  REQUIRE(good.ok());
  CHECK(fonts.info(*good).family == "DejaVu Sans");
}
