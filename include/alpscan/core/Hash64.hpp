// A 64-bit FNV-1a hash of byte streams: the identity of a run's inputs (scan/RunIdentity) and of the
// grid points a checkpoint chunk holds. It detects accidental change (another job, an edited data file,
// rebuilt code, a shuffled file); it is not a defence against a deliberate collision.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace alpscan {

class Hash64 {
 public:
  Hash64& bytes(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) h_ = (h_ ^ p[i]) * 0x100000001b3ULL;
    return *this;
  }
  // Length-prefixed, so that ("ab", "c") and ("a", "bc") differ.
  Hash64& text(std::string_view s) {
    u64(s.size());
    return bytes(s.data(), s.size());
  }
  Hash64& u64(std::uint64_t v) { return bytes(&v, sizeof v); }
  std::uint64_t value() const { return h_; }

 private:
  std::uint64_t h_ = 0xcbf29ce484222325ULL;
};

}  // namespace alpscan
