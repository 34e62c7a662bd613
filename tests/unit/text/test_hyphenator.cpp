#include "text/font.hpp"

#include <catch2/catch.hpp>

using namespace brief;
using Points = std::vector<size_t>;

namespace {
const text::Hyphenator& hyphenator() {
  static auto loaded = text::Hyphenator::load("en-US");
  REQUIRE(loaded.ok());
  return *loaded;
}
} // namespace

TEST_CASE("hyphenation points are byte offsets from the patterns") {
  CHECK(hyphenator().points("information") == Points{2, 5, 7});       // in-for-ma-tion
  CHECK(hyphenator().points("hyphenation") == Points{2, 6});          // hy-phen-ation
  CHECK(hyphenator().points("Government") == Points{3, 6});           // Gov-ern-ment
  CHECK(hyphenator().points("information", 3, 4) == Points{5, 7});
}

TEST_CASE("punctuation around a word is stripped and offsets stay those of the word") {
  CHECK(hyphenator().points("(information),") == Points{3, 6, 8});
  CHECK(hyphenator().points("\xE2\x80\x9Cinformation\xE2\x80\x9D") == Points{5, 8, 10});
  CHECK(hyphenator().points("government\xE2\x80\x99s") == Points{3, 6});
}

TEST_CASE("ids, acronyms, inner capitals, digits and short words are not hyphenated") {
  CHECK(hyphenator().points("INFORMATION").empty());
  CHECK(hyphenator().points("iPhoneography").empty());
  CHECK(hyphenator().points("doc-p12s2").empty());
  CHECK(hyphenator().points("information2").empty());
  CHECK(hyphenator().points("rapid").empty());
  CHECK(hyphenator().points("").empty());
  CHECK(hyphenator().points("...").empty());
  CHECK(hyphenator().points("state-of-the-art").empty());
}

TEST_CASE("an unknown hyphenation language is an error") {
  auto missing = text::Hyphenator::load("xx-XX");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.diagnostics().items().at(0).message == "no hyphenation patterns for language `xx-XX`");
}
