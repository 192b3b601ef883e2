//===- ForwardFills.cpp - symc-forward-fills ------------------------------===//
//
// Vector reads of tiles that still hold a fill's value become that value,
// and fills whose every element is overwritten before anything reads it
// are dropped. The tiles are those of the loop nests that tiling builds
// over a filled accumulator: each iteration takes its own slice of the
// loop-carried tensor, reads it, and inserts it back overwritten.
//
//===----------------------------------------------------------------------===//

#include "TileNests.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMFORWARDFILLS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

using symc::Level;
using symc::carryingLevels;
using symc::TileSlices;
using symc::tileSlicesOf;
using symc::Tiling;
using symc::tilingOf;

namespace {

/// The reads of tiles that hold the fill's value.
using Reads = SmallVector<vector::TransferReadOp>;

struct Box;
bool onlyOverwritten(Value filled, ArrayRef<Box> written, Reads &reads);

bool allInBounds(VectorTransferOpInterface op) {
  for (unsigned i = 0, e = op.getTransferRank(); i < e; ++i)
    if (!op.isDimInBounds(i))
      return false;
  return true;
}

/// Whether `write` overwrites all of its destination tensor.
bool overwritesAll(vector::TransferWriteOp write) {
  auto type = dyn_cast<RankedTensorType>(write.getBase().getType());
  return type && type.hasStaticShape() && write.getPermutationMap().isIdentity() &&
         allInBounds(write) && !write.getMask() &&
         write.getVectorType().getShape() == type.getShape() &&
         llvm::all_of(write.getIndices(),
                      [](Value i) { return isConstantIntValue(i, 0); });
}

/// Whether a loop nest that starts from a filled tensor (`init`) lets no
/// element of the fill through to its result. The nest carries the tensor
/// whole (scf.for into scf.for) down to the loop whose body takes a slice
/// of it and inserts a slice back at the same place. When the iterations'
/// slices are disjoint, each slice still holds the fill's value; when they
/// also cover the tensor and each is only overwritten, the result holds
/// none of it.
bool loopOnlyOverwrites(OpOperand &init, Reads &reads) {
  SmallVector<Level, 4> levels = carryingLevels(init);
  if (levels.empty())
    return false;
  std::optional<TileSlices> tile = tileSlicesOf(levels.back());
  if (!tile)
    return false;
  tensor::ExtractSliceOp slice = tile->slice;
  auto type = cast<RankedTensorType>(levels.back().carried.getType());
  Tiling tiling = tilingOf(levels, slice.getMixedOffsets(), slice.getMixedSizes(),
                           type.getShape());
  if (!tiling.disjoint)
    return false;
  bool sliceOverwritten = onlyOverwritten(slice.getResult(), {}, reads);
  return tiling.covering && sliceOverwritten;
}

/// A static box of a tensor: offsets and sizes per dimension.
struct Box {
  SmallVector<int64_t> offsets, sizes;
};

/// The static box `op` (an extract_slice or insert_slice with unit strides)
/// takes, else nothing.
std::optional<Box> boxOf(OffsetSizeAndStrideOpInterface op) {
  if (!areAllConstantIntValue(op.getMixedStrides(), 1))
    return std::nullopt;
  std::optional<SmallVector<int64_t>> offsets = getConstantIntValues(op.getMixedOffsets());
  std::optional<SmallVector<int64_t>> sizes = getConstantIntValues(op.getMixedSizes());
  if (!offsets || !sizes)
    return std::nullopt;
  return Box{*offsets, *sizes};
}

bool disjoint(const Box &a, const Box &b) {
  for (auto [ao, as, bo, bs] : llvm::zip(a.offsets, a.sizes, b.offsets, b.sizes))
    if (ao + as <= bo || bo + bs <= ao)
      return true;
  return false;
}

int64_t volume(ArrayRef<int64_t> sizes) {
  int64_t v = 1;
  for (int64_t s : sizes)
    v *= s;
  return v;
}

/// Whether `filled`, a tensor whose elements hold the fill's value outside
/// the disjoint boxes `written`, lets none of them through to anything but
/// vector reads: its uses (and those of its views) are reads of it while
/// nothing is written, which are collected; views of unwritten boxes; and
/// destinations that are overwritten whole (a loop nest that only
/// overwrites, a transfer_write of the whole) or box by box (insert_slices
/// into the value of the previous one, as the row pieces of a convolution
/// are). What those produce holds none of the fill's value, as nothing
/// else takes it.
bool onlyOverwritten(Value filled, ArrayRef<Box> written, Reads &reads) {
  auto type = cast<RankedTensorType>(filled.getType());
  if (!type.hasStaticShape())
    return false;
  bool pristine = written.empty();
  bool overwritten = true;
  for (OpOperand &use : filled.getUses()) {
    Operation *user = use.getOwner();
    if (auto read = dyn_cast<vector::TransferReadOp>(user)) {
      if (pristine && allInBounds(read) && !read.getMask())
        reads.push_back(read);
      else
        overwritten = false;
    } else if (auto view = dyn_cast<tensor::ExtractSliceOp>(user)) {
      // A view of an unwritten box holds the fill's value too.
      std::optional<Box> box = boxOf(view);
      overwritten &= (pristine || (box && llvm::all_of(written, [&](const Box &w) {
                                     return disjoint(*box, w);
                                   }))) &&
                     onlyOverwritten(view.getResult(), {}, reads);
    } else if (auto insert = dyn_cast<tensor::InsertSliceOp>(user);
               insert && use.get() == insert.getDest()) {
      std::optional<Box> box = boxOf(insert);
      if (!box || !llvm::all_of(written, [&](const Box &w) { return disjoint(*box, w); })) {
        overwritten = false;
        continue;
      }
      SmallVector<Box> now(written.begin(), written.end());
      now.push_back(*box);
      int64_t covered = 0;
      for (const Box &w : now)
        covered += volume(w.sizes);
      if (covered != volume(type.getShape()))
        overwritten &= onlyOverwritten(insert.getResult(), now, reads);
    } else if (auto write = dyn_cast<vector::TransferWriteOp>(user);
               write && use.get() == write.getBase() && overwritesAll(write)) {
      continue;
    } else if (isa<scf::ForOp, scf::ForallOp>(user)) {
      overwritten &= pristine && loopOnlyOverwrites(use, reads);
    } else {
      overwritten = false;
    }
  }
  return overwritten;
}

struct SymForwardFillsPass : symc::impl::SymForwardFillsBase<SymForwardFillsPass> {
  void runOnOperation() override {
    SmallVector<linalg::FillOp> fills;
    getOperation().walk([&](linalg::FillOp fill) {
      if (fill.hasPureTensorSemantics())
        fills.push_back(fill);
    });
    for (linalg::FillOp fill : fills) {
      TypedAttr value;
      if (!matchPattern(fill.value(), m_Constant(&value)))
        continue;
      Reads reads;
      bool overwritten = onlyOverwritten(fill.getResult(0), {}, reads);
      for (vector::TransferReadOp read : reads) {
        OpBuilder b(read);
        auto splat = arith::ConstantOp::create(
            b, read.getLoc(), DenseElementsAttr::get(read.getVectorType(), value));
        read.getResult().replaceAllUsesWith(splat.getResult());
        read.erase();
      }
      if (overwritten) {
        fill.getResult(0).replaceAllUsesWith(fill.getOutputs()[0]);
        fill.erase();
      }
    }
  }
};

} // namespace
