#include "text/font.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace brief;
namespace fs = std::filesystem;

TEST_CASE("a subset keeps the code points asked for and is much smaller") {
  text::FontLibrary fonts;
  auto face = fonts.find("DejaVu Serif", false, false);
  REQUIRE(face.ok());
  const std::u32string wanted = U"Hello \u1E24\u1E63\u0101\u201C\u201D\u2014";
  auto subset = fonts.subset(*face, std::vector<char32_t>(wanted.begin(), wanted.end()));
  REQUIRE(subset.ok());
  const auto original = fs::file_size(fonts.info(*face).path);
  CHECK(subset->size() * 20 < original);

  std::string pattern = (fs::temp_directory_path() / "brief-subset-XXXXXX").string();
  const int fd = mkstemp(pattern.data());
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(pattern, std::ios::binary) << *subset;
  auto loaded = fonts.load_file(pattern);
  fs::remove(pattern);
  REQUIRE(loaded.ok());
  for (char32_t cp : wanted) CHECK(fonts.covers(*loaded, cp));
  CHECK_FALSE(fonts.covers(*loaded, U'Z'));
  // Same advances as the full face.
  CHECK(fonts.width(*loaded, 10, "Hello") == Approx(fonts.width(*face, 10, "Hello")).epsilon(0.02));
}
