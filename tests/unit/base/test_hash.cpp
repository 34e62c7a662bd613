#include "base/hash.hpp"

#include <catch2/catch.hpp>

using namespace brief;

TEST_CASE("sha256 matches the standard test vector") {
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("length-prefixed fields keep boundaries apart") {
  CHECK(Sha256().field("ab").field("c").hex() != Sha256().field("a").field("bc").hex());
}
