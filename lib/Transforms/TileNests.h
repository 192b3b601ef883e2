//===- TileNests.h - loop nests over tiles of a carried tensor -*- C++ -*-===//
//
// What symc-forward-fills and symc-fuse-conv-epilogues read of the loop
// nests that tiling builds: scf.for / scf.forall ops carrying a tensor
// (as iter_args or shared_outs) whose bodies take slices of it and insert
// them back.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_TRANSFORMS_TILENESTS_H
#define SYMC_LIB_TRANSFORMS_TILENESTS_H

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Operation.h"
#include "mlir/IR/Value.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace symc {

/// One loop of a nest that carries a tensor: the block argument standing
/// for the tensor, and per induction variable its constant bounds and step.
struct Level {
  mlir::Operation *loop;
  mlir::BlockArgument carried;
  llvm::SmallVector<mlir::Value> ivs;
  llvm::SmallVector<int64_t> lower, upper, steps;
};

/// The level of the scf.for or scf.forall that `init` (an iter_arg's or a
/// shared_out's initial value) belongs to; nothing for other operands and
/// for loops with bounds that are not constants.
std::optional<Level> levelOf(mlir::OpOperand &init);

/// The value `level`'s loop gives back for its carried tensor in each
/// iteration (an scf.for's yield), or null for an scf.forall.
mlir::Value yieldedFor(const Level &level);

/// The levels from `init`'s loop down through loops that carry the tensor
/// whole into one inner scf.for (whose result alone the outer one yields),
/// to the first that does something else with it; empty if `init` starts
/// no such nest.
llvm::SmallVector<Level, 4> carryingLevels(mlir::OpOperand &init);

/// The two uses a nest's innermost level makes of its carried tensor: one
/// slice taken, and a tensor inserted back at the same place (an
/// insert_slice whose result alone the loop yields, or an scf.forall's
/// parallel_insert_slice), with unit strides and static sizes.
struct TileSlices {
  mlir::tensor::ExtractSliceOp slice;
  mlir::OffsetSizeAndStrideOpInterface insert;
  /// The tensor inserted back.
  mlir::OpOperand *inserted;
};
std::optional<TileSlices> tileSlicesOf(const Level &innermost);

/// How the slices a loop nest takes of its carried tensor relate to the
/// tensor: whether distinct iterations take disjoint slices (so that each
/// iteration's slice still holds what the nest started with), and whether
/// the slices cover the whole tensor.
struct Tiling {
  bool disjoint = false, covering = false;
};

/// The tiling of the slices at `offsets` of `sizes` that the innermost of
/// `levels` takes of a carried tensor of static `shape`.
Tiling tilingOf(llvm::ArrayRef<Level> levels, llvm::ArrayRef<mlir::OpFoldResult> offsets,
                llvm::ArrayRef<mlir::OpFoldResult> sizes, llvm::ArrayRef<int64_t> shape);

/// The result of the loop that `init` initializes.
mlir::Value tiedResult(mlir::OpOperand &init);

} // namespace symc

#endif // SYMC_LIB_TRANSFORMS_TILENESTS_H
