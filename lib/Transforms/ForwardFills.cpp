//===- ForwardFills.cpp - symc-forward-fills ------------------------------===//
//
// Vector reads of tiles that still hold a fill's value become that value,
// and fills whose every element is overwritten before anything reads it
// are dropped. The tiles are those of the loop nests that tiling builds
// over a filled accumulator: each iteration takes its own slice of the
// loop-carried tensor, reads it, and inserts it back overwritten.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
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

namespace {

/// What the uses of a tensor holding only the fill's value do with it:
/// the vector reads it feeds (directly or through views), and the value
/// that overwrites all of it, if its uses are only those reads, views and
/// that one overwrite (else the fill's value may be read, and the fill
/// must stay).
struct Uses {
  bool understood = true;
  Value overwrite;
};

/// The reads of tiles that hold the fill's value.
using Reads = SmallVector<vector::TransferReadOp>;

Uses usesOfFilled(Value filled, Reads &reads);

bool allInBounds(VectorTransferOpInterface op) {
  for (unsigned i = 0, e = op.getTransferRank(); i < e; ++i)
    if (!op.isDimInBounds(i))
      return false;
  return true;
}

bool isZeroOffsetUnitStride(OffsetSizeAndStrideOpInterface op) {
  return areAllConstantIntValue(op.getMixedOffsets(), 0) &&
         areAllConstantIntValue(op.getMixedStrides(), 1);
}

/// Whether `sizes` are the static sizes `shape` (all of a tensor).
bool coversShape(ArrayRef<OpFoldResult> sizes, ArrayRef<int64_t> shape) {
  if (sizes.size() != shape.size())
    return false;
  for (auto [size, extent] : llvm::zip(sizes, shape))
    if (getConstantIntValue(size) != extent)
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

/// One loop of a nest that carries a tensor: a block argument standing for
/// the tensor, and per induction variable its constant bounds and step.
struct Level {
  Operation *loop;
  BlockArgument carried;
  SmallVector<Value> ivs;
  SmallVector<int64_t> lower, upper, steps;
};

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

/// The value `level`'s loop gives back for its carried tensor in each
/// iteration (an scf.for's yield), or null for an scf.forall.
Value yieldedFor(const Level &level) {
  auto loop = dyn_cast<scf::ForOp>(level.loop);
  if (!loop)
    return nullptr;
  return loop.getTiedLoopYieldedValue(level.carried)->get();
}

/// The result of the loop that `init` initializes.
Value tiedResult(OpOperand &init) {
  if (auto loop = dyn_cast<scf::ForOp>(init.getOwner()))
    return loop.getTiedLoopResult(&init);
  return cast<scf::ForallOp>(init.getOwner()).getTiedOpResult(&init);
}

/// The scale `s` of an offset `iv * s` (`iv` itself: 1), else nothing.
std::optional<int64_t> scaleOf(OpFoldResult offset, Value iv) {
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

/// How the slices a loop nest takes of its carried tensor relate to the
/// tensor: whether distinct iterations take disjoint slices (so that each
/// iteration's slice still holds what the nest started with), and whether
/// the slices cover the whole tensor.
struct Tiling {
  bool disjoint = false, covering = false;
};

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

/// The uses of a filled tensor as the initial value of a loop nest: the
/// nest carries it whole (scf.for into scf.for) down to the loop whose
/// body takes a slice of it and inserts the slice back at the same place.
/// The slices hold the fill's value when the iterations' slices are
/// disjoint; the nest's result overwrites all of the tensor when they also
/// cover it and each iteration overwrites its slice.
Uses usesAsLoopInit(OpOperand &init, Reads &reads) {
  Uses fail{false, nullptr};
  SmallVector<Level, 4> levels;
  OpOperand *operand = &init;
  while (true) {
    std::optional<Level> level = levelOf(*operand);
    if (!level)
      return fail;
    levels.push_back(*level);
    BlockArgument carried = level->carried;
    // Carried whole into one inner loop, whose result this one yields.
    if (carried.hasOneUse() && isa<scf::ForOp>(carried.use_begin()->getOwner())) {
      OpOperand &inner = *carried.use_begin();
      auto innerLoop = cast<scf::ForOp>(inner.getOwner());
      Value yielded = yieldedFor(*level);
      if (!yielded || inner.getOperandNumber() < innerLoop.getNumControlOperands() ||
          yielded != innerLoop.getTiedLoopResult(&inner))
        return fail;
      operand = &inner;
      continue;
    }
    break;
  }
  const Level &innermost = levels.back();
  auto type = dyn_cast<RankedTensorType>(innermost.carried.getType());
  if (!type || !type.hasStaticShape())
    return fail;
  // One slice taken and one inserted back at the same place.
  tensor::ExtractSliceOp slice;
  OffsetSizeAndStrideOpInterface insert;
  Value inserted;
  for (OpOperand &use : innermost.carried.getUses()) {
    Operation *user = use.getOwner();
    if (auto extract = dyn_cast<tensor::ExtractSliceOp>(user); extract && !slice) {
      slice = extract;
    } else if (auto insertSlice = dyn_cast<tensor::InsertSliceOp>(user);
               insertSlice && !insert && use.get() == insertSlice.getDest() &&
               yieldedFor(innermost) == insertSlice.getResult()) {
      insert = insertSlice;
      inserted = insertSlice.getSource();
    } else if (auto parallel = dyn_cast<tensor::ParallelInsertSliceOp>(user);
               parallel && !insert && use.get() == parallel.getDest()) {
      insert = parallel;
      inserted = parallel.getSource();
    } else {
      return fail;
    }
  }
  if (!slice || !insert || slice.getMixedOffsets() != insert.getMixedOffsets() ||
      slice.getMixedSizes() != insert.getMixedSizes() ||
      !areAllConstantIntValue(slice.getMixedStrides(), 1) ||
      !areAllConstantIntValue(insert.getMixedStrides(), 1))
    return fail;
  Tiling tiling = tilingOf(levels, slice.getMixedOffsets(), slice.getMixedSizes(),
                           type.getShape());
  if (!tiling.disjoint)
    return fail;
  Uses sliceUses = usesOfFilled(slice.getResult(), reads);
  if (!tiling.covering || !sliceUses.understood || sliceUses.overwrite != inserted)
    return fail;
  return {true, tiedResult(init)};
}

/// The uses of `filled`, a tensor all of whose elements hold the fill's
/// value: collects the vector reads of it and of its views, and finds the
/// one value that overwrites it whole.
Uses usesOfFilled(Value filled, Reads &reads) {
  Uses uses;
  SmallVector<Value> viewOverwrites; // of whole views, to be inserted back
  auto overwrittenBy = [&](Value value) {
    if (uses.overwrite)
      uses.understood = false;
    uses.overwrite = value;
  };
  auto type = cast<RankedTensorType>(filled.getType());
  // Inserts into `filled` last: they insert the overwrites of its views.
  SmallVector<OpOperand *> ordered;
  for (OpOperand &use : filled.getUses())
    if (!isa<tensor::InsertSliceOp>(use.getOwner()))
      ordered.push_back(&use);
  for (OpOperand &use : filled.getUses())
    if (isa<tensor::InsertSliceOp>(use.getOwner()))
      ordered.push_back(&use);
  for (OpOperand *operand : ordered) {
    OpOperand &use = *operand;
    Operation *user = use.getOwner();
    if (auto read = dyn_cast<vector::TransferReadOp>(user)) {
      if (allInBounds(read) && !read.getMask())
        reads.push_back(read);
      else
        uses.understood = false;
    } else if (auto view = dyn_cast<tensor::ExtractSliceOp>(user)) {
      // A view holds the fill's value too; only a whole one can be
      // overwritten and inserted back whole.
      Uses viewUses = usesOfFilled(view.getResult(), reads);
      bool whole = isZeroOffsetUnitStride(view) &&
                   coversShape(view.getMixedSizes(), type.getShape());
      if (!whole || !viewUses.understood)
        uses.understood = false;
      else if (viewUses.overwrite)
        viewOverwrites.push_back(viewUses.overwrite);
    } else if (auto insert = dyn_cast<tensor::InsertSliceOp>(user);
               insert && use.get() == insert.getDest()) {
      if (isZeroOffsetUnitStride(insert) &&
          coversShape(insert.getMixedSizes(), type.getShape()) &&
          llvm::is_contained(viewOverwrites, insert.getSource()))
        overwrittenBy(insert.getResult());
      else
        uses.understood = false;
    } else if (auto write = dyn_cast<vector::TransferWriteOp>(user);
               write && use.get() == write.getBase() && overwritesAll(write)) {
      overwrittenBy(write.getResult());
    } else if (isa<scf::ForOp, scf::ForallOp>(user)) {
      Uses loopUses = usesAsLoopInit(use, reads);
      if (loopUses.understood)
        overwrittenBy(loopUses.overwrite);
      else
        uses.understood = false;
    } else {
      uses.understood = false;
    }
  }
  // One whole view, overwritten and inserted back, at most.
  if (viewOverwrites.size() > 1)
    uses.understood = false;
  return uses;
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
      Uses uses = usesOfFilled(fill.getResult(0), reads);
      for (vector::TransferReadOp read : reads) {
        OpBuilder b(read);
        auto splat = arith::ConstantOp::create(
            b, read.getLoc(), DenseElementsAttr::get(read.getVectorType(), value));
        read.getResult().replaceAllUsesWith(splat.getResult());
        read.erase();
      }
      if (uses.understood && uses.overwrite) {
        fill.getResult(0).replaceAllUsesWith(fill.getOutputs()[0]);
        fill.erase();
      }
    }
  }
};

} // namespace
