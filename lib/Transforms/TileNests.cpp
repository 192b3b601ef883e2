//===- TileNests.cpp - loop nests over tiles of a carried tensor ----------===//

#include "TileNests.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

using namespace mlir;

namespace symc {

std::optional<Level> levelOf(OpOperand &init) {
  Operation *op = init.getOwner();
  Level level{op, {}, {}, {}, {}, {}};
  auto constants = [](ArrayRef<OpFoldResult> values, SmallVector<int64_t> &out) {
    for (OpFoldResult v : values) {
      std::optional<int64_t> c = getConstantIntValue(v);
      if (!c)
        return false;
      out.push_back(*c);
    }
    return true;
  };
  if (auto loop = dyn_cast<scf::ForOp>(op)) {
    if (init.getOperandNumber() < loop.getNumControlOperands())
      return std::nullopt;
    level.carried = loop.getTiedLoopRegionIterArg(&init);
    level.ivs = {loop.getInductionVar()};
    if (!constants({loop.getLowerBound()}, level.lower) ||
        !constants({loop.getUpperBound()}, level.upper) ||
        !constants({loop.getStep()}, level.steps))
      return std::nullopt;
    return level;
  }
  if (auto forall = dyn_cast<scf::ForallOp>(op)) {
    if (!llvm::is_contained(forall.getOutputsMutable(), init))
      return std::nullopt;
    level.carried = forall.getTiedBlockArgument(&init);
    level.ivs = llvm::to_vector(forall.getInductionVars());
    if (!constants(forall.getMixedLowerBound(), level.lower) ||
        !constants(forall.getMixedUpperBound(), level.upper) ||
        !constants(forall.getMixedStep(), level.steps))
      return std::nullopt;
    return level;
  }
  return std::nullopt;
}

Value yieldedFor(const Level &level) {
  auto loop = dyn_cast<scf::ForOp>(level.loop);
  if (!loop)
    return nullptr;
  return loop.getTiedLoopYieldedValue(level.carried)->get();
}

SmallVector<Level, 4> carryingLevels(OpOperand &init) {
  SmallVector<Level, 4> levels;
  OpOperand *operand = &init;
  while (true) {
    std::optional<Level> level = levelOf(*operand);
    if (!level)
      return {};
    levels.push_back(*level);
    BlockArgument carried = level->carried;
    if (!carried.hasOneUse() || !isa<scf::ForOp>(carried.use_begin()->getOwner()))
      return levels;
    OpOperand &inner = *carried.use_begin();
    auto innerLoop = cast<scf::ForOp>(inner.getOwner());
    Value yielded = yieldedFor(*level);
    if (!yielded || inner.getOperandNumber() < innerLoop.getNumControlOperands() ||
        yielded != innerLoop.getTiedLoopResult(&inner) || !yielded.hasOneUse())
      return {};
    operand = &inner;
  }
}

std::optional<TileSlices> tileSlicesOf(const Level &innermost) {
  auto type = dyn_cast<RankedTensorType>(innermost.carried.getType());
  if (!type || !type.hasStaticShape())
    return std::nullopt;
  TileSlices tile{};
  for (OpOperand &use : innermost.carried.getUses()) {
    Operation *user = use.getOwner();
    if (auto extract = dyn_cast<tensor::ExtractSliceOp>(user); extract && !tile.slice) {
      tile.slice = extract;
    } else if (auto insert = dyn_cast<tensor::InsertSliceOp>(user);
               insert && !tile.insert && use.get() == insert.getDest() &&
               yieldedFor(innermost) == insert.getResult() && insert.getResult().hasOneUse()) {
      tile.insert = insert;
      tile.inserted = &insert.getSourceMutable();
    } else if (auto parallel = dyn_cast<tensor::ParallelInsertSliceOp>(user);
               parallel && !tile.insert && use.get() == parallel.getDest()) {
      tile.insert = parallel;
      tile.inserted = &parallel.getSourceMutable();
    } else {
      return std::nullopt;
    }
  }
  if (!tile.slice || !tile.insert ||
      tile.slice.getMixedOffsets() != tile.insert.getMixedOffsets() ||
      tile.slice.getMixedSizes() != tile.insert.getMixedSizes() ||
      !areAllConstantIntValue(tile.slice.getMixedStrides(), 1) ||
      !areAllConstantIntValue(tile.insert.getMixedStrides(), 1) ||
      !tile.slice.getType().hasStaticShape())
    return std::nullopt;
  return tile;
}

/// The scale `s` of an offset `iv * s` (`iv` itself: 1), else nothing.
static std::optional<int64_t> scaleOf(OpFoldResult offset, Value iv) {
  auto value = dyn_cast<Value>(offset);
  if (!value)
    return std::nullopt;
  if (value == iv)
    return 1;
  if (auto mul = value.getDefiningOp<arith::MulIOp>()) {
    for (auto [a, b] : {std::pair{mul.getLhs(), mul.getRhs()},
                        std::pair{mul.getRhs(), mul.getLhs()}})
      if (a == iv)
        if (std::optional<int64_t> s = getConstantIntValue(b))
          return *s;
    return std::nullopt;
  }
  if (auto apply = value.getDefiningOp<affine::AffineApplyOp>()) {
    AffineMap map = apply.getAffineMap();
    if (map.getNumResults() != 1 || map.getNumSymbols() != 0 ||
        apply.getMapOperands().size() != 1 || apply.getMapOperands()[0] != iv)
      return std::nullopt;
    AffineExpr d0 = getAffineDimExpr(0, map.getContext());
    if (auto mul = dyn_cast<AffineBinaryOpExpr>(map.getResult(0));
        mul && mul.getKind() == AffineExprKind::Mul && mul.getLHS() == d0)
      if (auto c = dyn_cast<AffineConstantExpr>(mul.getRHS()))
        return c.getValue();
    if (map.getResult(0) == d0)
      return 1;
  }
  return std::nullopt;
}

/// Each level's induction variables must each select the offset of their
/// own dimension, `iv * scale`, with slices no longer than the step: then
/// two iterations differ in some dimension by a step at least. Coverage
/// also needs the loops to start at 0 and step by exactly a slice, to the
/// end, and the other dimensions to be whole.
Tiling tilingOf(ArrayRef<Level> levels, ArrayRef<OpFoldResult> offsets,
                ArrayRef<OpFoldResult> sizes, ArrayRef<int64_t> shape) {
  Tiling tiling;
  SmallVector<bool> tiled(offsets.size(), false);
  bool covering = true;
  for (const Level &level : levels)
    for (auto [i, iv] : llvm::enumerate(level.ivs)) {
      std::optional<size_t> dim;
      std::optional<int64_t> scale;
      for (auto [d, offset] : llvm::enumerate(offsets))
        if (std::optional<int64_t> s = scaleOf(offset, iv)) {
          if (dim)
            return tiling; // one induction variable, two dimensions
          dim = d;
          scale = s;
        }
      std::optional<int64_t> size = dim ? getConstantIntValue(sizes[*dim]) : std::nullopt;
      if (!dim || tiled[*dim] || !size || *scale <= 0 ||
          *size > level.steps[i] * *scale)
        return tiling;
      tiled[*dim] = true;
      covering &= level.lower[i] == 0 && *size == level.steps[i] * *scale &&
                  level.upper[i] * *scale == shape[*dim];
    }
  for (auto [d, offset] : llvm::enumerate(offsets)) {
    if (tiled[d])
      continue;
    std::optional<int64_t> constant = getConstantIntValue(offset);
    if (!constant)
      return tiling; // an offset this analysis cannot place
    covering &= *constant == 0 && getConstantIntValue(sizes[d]) == shape[d];
  }
  tiling.disjoint = true;
  tiling.covering = covering;
  return tiling;
}

Value tiedResult(OpOperand &init) {
  if (auto loop = dyn_cast<scf::ForOp>(init.getOwner()))
    return loop.getTiedLoopResult(&init);
  return cast<scf::ForallOp>(init.getOwner()).getTiedOpResult(&init);
}

} // namespace symc
