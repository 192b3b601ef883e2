//===- FuzzCommon.h - shared helpers of symc's libFuzzer targets -*- C++ -*-===//

#ifndef SYMC_FUZZ_FUZZCOMMON_H
#define SYMC_FUZZ_FUZZCOMMON_H

#include "llvm/ADT/StringRef.h"

#include <cstddef>
#include <cstdint>

namespace symc::fuzz {

inline llvm::StringRef asText(const uint8_t *data, size_t size) {
  return llvm::StringRef(reinterpret_cast<const char *>(data), size);
}

/// Consumes bytes from the front of the input.
class ByteStream {
public:
  ByteStream(const uint8_t *data, size_t size) : data(data), size(size) {}

  template <typename T>
  T take() {
    T value{};
    size_t n = sizeof(T) < size ? sizeof(T) : size;
    for (size_t i = 0; i < n; ++i)
      reinterpret_cast<uint8_t *>(&value)[i] = data[i];
    data += n;
    size -= n;
    return value;
  }
  size_t remaining() const { return size; }
  llvm::StringRef rest() const { return asText(data, size); }

private:
  const uint8_t *data;
  size_t size;
};

} // namespace symc::fuzz

#endif // SYMC_FUZZ_FUZZCOMMON_H
