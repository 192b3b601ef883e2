//===- Layout.h - re-layouts and loops over slices -------------*- C++ -*-===//
//
// Helpers the schedule families share to build what the transform dialect
// does not: operands re-laid out for the register tiles (padded, packed,
// folded at compile time when constant) and loops over static slices.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_TRANSFORMS_CPUSCHEDULE_LAYOUT_H
#define SYMC_LIB_TRANSFORMS_CPUSCHEDULE_LAYOUT_H

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"

#include <optional>

namespace symc::cpu {

/// `source` padded with zeros by `high` elements at the high end of each
/// dimension (itself when there are none).
mlir::Value padHigh(mlir::OpBuilder &b, mlir::Location loc, mlir::Value source,
                    llvm::ArrayRef<int64_t> high);

/// A re-layout of constant weights, done now rather than in every run (AOT
/// artifacts embed the weights as constants; the JIT passes them as
/// arguments, which symc-hoist-invariant-computations re-lays out once, in
/// its prepare step): the f32 tensor of `shape` whose element at each index
/// is the source's element at the offset `sourceOffset` gives, or zero
/// where it gives none. Null unless `source` is a constant f32 tensor or
/// a static unit-stride slice of one.
mlir::Value relayoutConstant(
    mlir::OpBuilder &b, mlir::Location loc, mlir::Value source, llvm::ArrayRef<int64_t> shape,
    llvm::function_ref<std::optional<int64_t>(llvm::ArrayRef<int64_t>)> sourceOffset);

/// The static slice of `source` of `shape` at `offsets`, unit strides,
/// with the leading unit dimensions dropped from its type down to `rank`
/// dimensions (0: none dropped).
mlir::Value sliceOf(mlir::OpBuilder &b, mlir::Location loc, mlir::Value source,
                    llvm::ArrayRef<mlir::OpFoldResult> offsets, llvm::ArrayRef<int64_t> shape,
                    int64_t rank = 0);

/// `source` inserted whole into `dest` at `offsets`, unit strides (the
/// inverse of sliceOf without dropped dimensions).
mlir::Value insertSlice(mlir::OpBuilder &b, mlir::Location loc, mlir::Value source,
                        mlir::Value dest, llvm::ArrayRef<mlir::OpFoldResult> offsets);

/// `index * factor + offset` (arith ops; `index` itself for 1 and 0).
mlir::Value scaledIndex(mlir::OpBuilder &b, mlir::Location loc, mlir::Value index,
                        int64_t factor, int64_t offset = 0);

/// The body of one step of a loop carrying a value: the value updated.
using StepBody = llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                                mlir::Value index, mlir::Value carried)>;

/// An scf.for from 0 to `extent` by `step` carrying `init` through `body`.
mlir::Value forEach(mlir::OpBuilder &b, mlir::Location loc, int64_t extent, int64_t step,
                    mlir::Value init, StepBody body);

/// One slice of a loop over slices: the slice's result and its offsets in
/// the whole, computed from the iteration's index and the whole so far.
using SliceBody = llvm::function_ref<std::pair<mlir::Value, llvm::SmallVector<mlir::OpFoldResult>>(
    mlir::OpBuilder &, mlir::Location, mlir::Value index, mlir::Value whole)>;

/// `count` slices of `sizes` computed by `body` into `init`: an scf.forall
/// (with parallel_insert_slice) when threads share them, else an scf.for
/// carrying the whole through insert_slice.
mlir::Value loopOverSlices(mlir::OpBuilder &b, mlir::Location loc, int64_t count,
                           mlir::Value init, llvm::ArrayRef<mlir::OpFoldResult> sizes,
                           bool parallel, SliceBody body);

} // namespace symc::cpu

#endif // SYMC_LIB_TRANSFORMS_CPUSCHEDULE_LAYOUT_H
