//===- DType.h - MXNet's dtype table ------------------------------*- C++ -*-===//
//
// The one mapping between mshadow type flags (params files, __dtype__),
// MXNet dtype names ("float32"), numpy descriptors ("<f4") and MLIR types.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_DIALECT_DTYPE_H
#define SYMC_DIALECT_DTYPE_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Types.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <optional>

namespace symc {

struct DTypeInfo {
  int flag;                // mshadow TypeFlag
  llvm::StringLiteral name; // MXNet / numpy name
  llvm::StringLiteral npy;  // numpy descriptor without byte order, e.g. "f4"
  unsigned bytes;
};

/// Every dtype MXNet 1.9 knows, in type-flag order.
llvm::ArrayRef<DTypeInfo> getDTypeTable();
const DTypeInfo *lookupDTypeByFlag(int64_t flag);
const DTypeInfo *lookupDTypeByName(llvm::StringRef name);
const DTypeInfo *lookupDTypeByType(mlir::Type type);
mlir::Type getMLIRType(mlir::MLIRContext *ctx, const DTypeInfo &info);

/// The byte size of a dense array, or nullopt if a dimension is negative or
/// the size overflows 64 bits.
std::optional<uint64_t> getByteSize(llvm::ArrayRef<int64_t> shape,
                                    const DTypeInfo &info);

} // namespace symc

#endif // SYMC_DIALECT_DTYPE_H
