#include "base/utf8.hpp"

#include <catch2/catch.hpp>

using namespace brief;

TEST_CASE("find_invalid accepts well-formed UTF-8 and finds the first bad byte") {
  CHECK_FALSE(utf8::find_invalid("plain ascii").has_value());
  CHECK_FALSE(utf8::find_invalid("Da\xE2\x80\x99" "esh \xE1\xB8\xA4").has_value());
  CHECK(utf8::find_invalid("ab\xFF" "cd") == 2u);
  CHECK(utf8::find_invalid("ab\xC0\xAF") == 2u);          // overlong
  CHECK(utf8::find_invalid("x\xED\xA0\x80") == 1u);       // surrogate
  CHECK(utf8::find_invalid("xy\xE2\x80") == 2u);          // truncated
  CHECK(utf8::find_invalid("\xF4\x90\x80\x80") == 0u);    // above U+10FFFF
}

TEST_CASE("to_nfc composes combining sequences") {
  CHECK(utf8::to_nfc("H\xCC\xA3") == "\xE1\xB8\xA4");  // H + combining dot below -> Ḥ
  CHECK(utf8::to_nfc("already") == "already");
}

TEST_CASE("decode and append round-trip") {
  const std::string s = "a\xC3\xA7\xE2\x80\x99\xF0\x9F\x98\x80";
  CHECK(utf8::from_utf32(utf8::to_utf32(s)) == s);
  CHECK(utf8::length(s) == 4);
}

TEST_CASE("fold_case folds for comparison") {
  CHECK(utf8::fold_case("ISIS Da\xE2\x80\x99" "esh") == "isis da\xE2\x80\x99" "esh");
}

TEST_CASE("decode follows the validator: what find_invalid rejects decodes as U+FFFD") {
  // The decoder once accepted these: an overlong U+0000 and a surrogate.
  for (const std::string& bad : {std::string("\xE0\x80\x80"), std::string("\xED\xA0\x80"),
                                std::string("\xC0\xAF"), std::string("\xF4\x90\x80\x80")}) {
    REQUIRE(utf8::find_invalid(bad) == 0u);
    size_t offset = 0;
    CHECK(utf8::decode(bad, offset) == U'\uFFFD');
    CHECK(offset == 1u);
  }
  size_t offset = 0;
  CHECK(utf8::decode("\xF0\x9F\x98\x80", offset) == U'\U0001F600');
  CHECK(offset == 4u);
}
