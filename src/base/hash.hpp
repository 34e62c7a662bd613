#pragma once
// Content hashing (SHA-256 through OpenSSL): cache keys, manifests, output checksums.

#include <string>
#include <string_view>

namespace brief {

// Incremental SHA-256. Feed parts with update(); hex() finishes and returns 64 lowercase hex digits.
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  Sha256& update(std::string_view bytes);
  // Feeds a length-prefixed field, so that ("ab","c") and ("a","bc") hash differently.
  Sha256& field(std::string_view bytes);
  std::string hex();

private:
  void* m_context;
};

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

} // namespace brief
