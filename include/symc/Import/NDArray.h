//===- NDArray.h - host arrays read from .params, .npy and .npz ---*- C++ -*-===//
//
// The loaders for MXNet's NDArray list files (every record version, and
// MXNet 2.0's npz) and for numpy's .npy. Every size is checked against the
// bytes actually present before anything is allocated.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_IMPORT_NDARRAY_H
#define SYMC_IMPORT_NDARRAY_H

#include "symc/Dialect/DType.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace symc {

/// A dense, C-ordered host array.
struct NDArray {
  std::string name;
  const DTypeInfo *dtype = nullptr;
  llvm::SmallVector<int64_t> shape;
  std::vector<char> data;

  int64_t numElements() const;
};

/// Default cap on the bytes one params file may declare (--max-params-bytes).
inline constexpr uint64_t kDefaultMaxParamsBytes = uint64_t(16) << 30;

/// Parses an MXNet NDArray list (magic 0x112) or an npz archive. Names keep
/// their `arg:` / `aux:` prefixes. `what` names the source in errors.
llvm::Expected<std::vector<NDArray>>
parseParams(llvm::StringRef bytes, llvm::StringRef what,
            uint64_t maxBytes = kDefaultMaxParamsBytes);
llvm::Expected<std::vector<NDArray>>
loadParamsFile(llvm::StringRef path, uint64_t maxBytes = kDefaultMaxParamsBytes);

/// Splits "arg:fc1_weight" into ("arg", "fc1_weight"); prefix "" if none.
std::pair<llvm::StringRef, llvm::StringRef> splitParamName(llvm::StringRef name);

/// numpy .npy (format 1.0 - 3.0, little-endian, C order).
llvm::Expected<NDArray> parseNpy(llvm::StringRef bytes, llvm::StringRef what);
llvm::Expected<NDArray> readNpyFile(llvm::StringRef path);
/// Writes through a temporary file renamed into place, so that a failure
/// never leaves a partial file.
llvm::Error writeNpyFile(llvm::StringRef path, const NDArray &array);

} // namespace symc

#endif
