//===- HostArray.h - host arrays from .params, .npy and .npz ---*- C++ -*-===//
//
// The loaders for MXNet's NDArray list files (every record version, and
// MXNet 2.0's npz) and for numpy's .npy. Every size is checked against the
// bytes actually present before anything is allocated.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_IMPORT_HOSTARRAY_H
#define SYMC_IMPORT_HOSTARRAY_H

#include "symc/Dialect/DType.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace symc {

/// A dense, C-ordered host array.
struct HostArray {
  std::string name;
  const DTypeInfo *dtype = nullptr;
  llvm::SmallVector<int64_t> shape;
  std::vector<char> data;

  HostArray() = default;
  HostArray(const HostArray &) = default;
  HostArray &operator=(const HostArray &) = default;
  // Declared noexcept, as llvm::SmallVector's moves are not: a
  // std::vector<HostArray> that grows moves its arrays only then, and
  // otherwise copies every array's data (ResNet-18's params: about 0.25 s).
  HostArray(HostArray &&other) noexcept
      : name(std::move(other.name)), dtype(other.dtype), shape(std::move(other.shape)),
        data(std::move(other.data)) {}
  HostArray &operator=(HostArray &&other) noexcept {
    name = std::move(other.name);
    dtype = other.dtype;
    shape = std::move(other.shape);
    data = std::move(other.data);
    return *this;
  }

  /// The element count (0 if any extent is 0; -1 if it overflows, which
  /// no array a loader returns can).
  int64_t numElements() const;
};

/// The deterministic fill of sym-run --shape (inputs) and --fill-missing
/// (weights), mirrored by test/golden/generate.py: element i starts from
/// u_i = ((i * 7919) mod 1000) / 1000 - 0.5. Inputs take u_i. Weights are
/// scaled so that deep models neither explode nor vanish: arrays of rank
/// >= 2 take u_i * sqrt(12 / fan_in), fan_in the product of all but the
/// first dimension (variance 1 / fan_in); 1-D arrays named *var (BatchNorm's
/// moving variance) take u_i + 1; other 1-D arrays take u_i. float32.
HostArray makeDeterministicFill(llvm::StringRef name, llvm::ArrayRef<int64_t> shape,
                              bool weight);

/// The dimensions of a command-line shape "1x3x224x224" (each in [0, 2^31]),
/// or the first entry that is not one.
llvm::Expected<llvm::SmallVector<int64_t>> parseShapeArgument(llvm::StringRef text);

/// Default cap on the bytes one params file may declare (--max-params-bytes).
inline constexpr uint64_t kDefaultMaxParamsBytes = uint64_t(16) << 30;

/// Parses an MXNet NDArray list (magic 0x112) or an npz archive. Names keep
/// their `arg:` / `aux:` prefixes. `what` names the source in errors.
llvm::Expected<std::vector<HostArray>>
parseParams(llvm::StringRef bytes, llvm::StringRef what,
            uint64_t maxBytes = kDefaultMaxParamsBytes);
llvm::Expected<std::vector<HostArray>>
loadParamsFile(llvm::StringRef path, uint64_t maxBytes = kDefaultMaxParamsBytes);

/// Writes arrays (names with their prefixes) as an MXNet NDArray list, through
/// a temporary file so that a failure never leaves a partial file.
llvm::Error writeParamsFile(llvm::StringRef path, llvm::ArrayRef<HostArray> arrays);

/// Splits "arg:fc1_weight" into ("arg", "fc1_weight"); prefix "" if none.
std::pair<llvm::StringRef, llvm::StringRef> splitParamName(llvm::StringRef name);

/// numpy .npy (format 1.0 - 3.0, little-endian, C order).
llvm::Expected<HostArray> parseNpy(llvm::StringRef bytes, llvm::StringRef what);
llvm::Expected<HostArray> readNpyFile(llvm::StringRef path);
/// Writes through a temporary file renamed into place, so that a failure
/// never leaves a partial file.
llvm::Error writeNpyFile(llvm::StringRef path, const HostArray &array);

} // namespace symc

#endif
