//===- TileNests.cpp - loop nests over tiles of a carried tensor ----------===//

#include "TileNests.h"

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

Value tiedResult(OpOperand &init) {
  if (auto loop = dyn_cast<scf::ForOp>(init.getOwner()))
    return loop.getTiedLoopResult(&init);
  return cast<scf::ForallOp>(init.getOwner()).getTiedOpResult(&init);
}

} // namespace symc
