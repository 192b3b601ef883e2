//===- FuseConvEpilogues.cpp - symc-fuse-conv-epilogues -------------------===//
//
// An elementwise op that reads the result of a tiled convolution (its bias,
// BatchNorm, activation, residual addition) is computed tile by tile inside
// the convolution's loop nest, right after each register tile is
// accumulated, and the nest writes the op's destination instead of an
// accumulator tensor of its own.
//
//===----------------------------------------------------------------------===//

#include "CPUSchedule/Layout.h"
#include "TileNests.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/Dominance.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMFUSECONVEPILOGUES
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Where a nest finishes each tile of its result: the slice that the
/// innermost level takes (at `offsets` in the nest's result) and the
/// transfer_write that overwrites it with the tile's accumulators.
struct TileWrite {
  SmallVector<OpFoldResult> offsets;
  tensor::ExtractSliceOp slice;
  vector::TransferWriteOp write;
  /// Reads of the tile's accumulators before the write.
  SmallVector<vector::TransferReadOp> reads;
  /// Whether those reads see what nests before this one computed from
  /// scratch into the same tiles (blocks of input channels after the
  /// first), rather than what the nest started from.
  bool continuesScratch = false;
};

/// The transfer_write that overwrites all of `slice`, giving `result`,
/// possibly through a whole view inserted back whole (as vectorization
/// leaves a register tile with unit dimensions), if that and vector reads
/// of the slice (or the view) before it are all that is done with the
/// slice; the reads are collected. Without reads, the tile is computed
/// from scratch (its accumulators started as constants, see
/// symc-forward-fills); with them, it adds to what earlier blocks of input
/// channels left.
vector::TransferWriteOp overwritingWrite(tensor::ExtractSliceOp slice, Value result,
                                         SmallVector<vector::TransferReadOp> &reads) {
  auto wholeWrite = [](Operation *op) {
    auto write = dyn_cast<vector::TransferWriteOp>(op);
    if (!write)
      return vector::TransferWriteOp();
    auto type = cast<RankedTensorType>(write.getBase().getType());
    bool whole = write.getPermutationMap().isMinorIdentity() && !write.getMask() &&
                 write.getVectorType().getNumElements() == type.getNumElements() &&
                 llvm::all_of(write.getIndices(),
                              [](Value i) { return isConstantIntValue(i, 0); });
    return whole ? write : vector::TransferWriteOp();
  };
  // The one whole write of `tensor`, its other uses vector reads.
  auto writeAmongReads = [&](Value tensor) {
    vector::TransferWriteOp write;
    for (Operation *user : tensor.getUsers()) {
      if (auto read = dyn_cast<vector::TransferReadOp>(user)) {
        reads.push_back(read);
      } else if (vector::TransferWriteOp whole = wholeWrite(user); whole && !write) {
        write = whole;
      } else {
        return vector::TransferWriteOp();
      }
    }
    return write;
  };
  // A view written whole and inserted back whole?
  tensor::ExtractSliceOp view;
  tensor::InsertSliceOp back;
  for (Operation *user : slice->getUsers()) {
    if (auto extract = dyn_cast<tensor::ExtractSliceOp>(user))
      view = extract;
    else if (auto insert = dyn_cast<tensor::InsertSliceOp>(user);
             insert && insert.getDest() == slice.getResult())
      back = insert;
  }
  if (!view && !back) {
    vector::TransferWriteOp write = writeAmongReads(slice.getResult());
    return write && write.getResult() == result ? write : vector::TransferWriteOp();
  }
  if (!view || !back || back.getResult() != result ||
      llvm::range_size(slice->getUsers()) != 2 ||
      !areAllConstantIntValue(view.getMixedOffsets(), 0) ||
      view.getSourceType().getNumElements() != view.getType().getNumElements() ||
      !areAllConstantIntValue(back.getMixedOffsets(), 0) ||
      back.getMixedSizes() != view.getMixedSizes())
    return {};
  vector::TransferWriteOp write = writeAmongReads(view.getResult());
  return write && write->hasOneUse() && back.getSource() == write.getResult()
             ? write
             : vector::TransferWriteOp();
}

/// `a + b` for index offsets.
OpFoldResult add(OpBuilder &b, Location loc, OpFoldResult x, OpFoldResult y) {
  std::optional<int64_t> cx = getConstantIntValue(x), cy = getConstantIntValue(y);
  if (cx && cy)
    return b.getIndexAttr(*cx + *cy);
  if (cx == 0)
    return y;
  if (cy == 0)
    return x;
  return arith::AddIOp::create(b, loc, getValueOrCreateConstantIndexOp(b, loc, x),
                               getValueOrCreateConstantIndexOp(b, loc, y))
      .getResult();
}

/// The tile write of the nest that `init` starts: down its levels to the
/// innermost slice, and from there into the nest that the slice starts,
/// if any, adding up the slices' offsets (built before each slice op, where
/// its offsets are defined).
std::optional<TileWrite> tileWriteOf(OpOperand &init, ArrayRef<OpFoldResult> outer) {
  SmallVector<symc::Level, 4> levels = symc::carryingLevels(init);
  if (levels.empty())
    return std::nullopt;
  std::optional<symc::TileSlices> tile = symc::tileSlicesOf(levels.back());
  if (!tile || tile->slice.getType().getRank() != int64_t(outer.size()))
    return std::nullopt;
  // Each tile written in one iteration only: not, say, once per block of
  // input channels by a loop over the blocks, before the last of which
  // the tile is not final.
  if (!symc::tilingOf(levels, tile->slice.getMixedOffsets(), tile->slice.getMixedSizes(),
                      cast<RankedTensorType>(levels.back().carried.getType()).getShape())
           .disjoint)
    return std::nullopt;
  OpBuilder b(tile->slice);
  SmallVector<OpFoldResult> offsets;
  for (auto [o, inner] : llvm::zip(outer, tile->slice.getMixedOffsets()))
    offsets.push_back(add(b, tile->slice.getLoc(), o, inner));
  Value slice = tile->slice.getResult();
  Value inserted = tile->inserted->get();
  if (!slice.hasOneUse() || !isa<scf::ForOp, scf::ForallOp>(*slice.user_begin())) {
    TileWrite write{offsets, tile->slice, {}, {}};
    write.write = overwritingWrite(tile->slice, inserted, write.reads);
    if (!write.write)
      return std::nullopt;
    return write;
  }
  // Nests one after the other on the slice (blocks of input channels: the
  // first, a loop over the middle ones, the last), each starting from the
  // previous one's result: the tiles are final in the last one.
  SmallVector<OpOperand *> nests = {&*slice.use_begin()};
  for (Value result = symc::tiedResult(*nests.back()); result != inserted;
       result = symc::tiedResult(*nests.back())) {
    if (!result.hasOneUse() || !isa<scf::ForOp, scf::ForallOp>(*result.user_begin()))
      return std::nullopt;
    nests.push_back(&*result.use_begin());
  }
  std::optional<TileWrite> last = tileWriteOf(*nests.back(), offsets);
  if (!last || nests.size() == 1)
    return last;
  // The first nest computes its tiles from scratch.
  std::optional<TileWrite> first = tileWriteOf(*nests.front(), offsets);
  if (!first || !first->reads.empty())
    return std::nullopt;
  last->continuesScratch = true;
  return last;
}

/// Whether `op` is computed elementwise on its operands' elements, so that
/// it can run on any tile of its iteration space.
bool isElementwiseOnTensors(linalg::GenericOp op) {
  return op.hasPureTensorSemantics() && op.getNumResults() == 1 &&
         op.getNumLoops() == op.getNumParallelLoops() &&
         !op.payloadUsesValueFromOperand(op.getDpsInitOperand(0)) &&
         llvm::all_of(op.getIndexingMapsArray(),
                      [](AffineMap map) { return map.isProjectedPermutation(); }) &&
         !op.getBody()
              ->walk([](Operation *nested) {
                return isa<linalg::IndexOp, tensor::ExtractOp>(nested)
                           ? WalkResult::interrupt()
                           : WalkResult::advance();
              })
              .wasInterrupted();
}

/// Moves the pure ops that compute `value` (in `loop`'s block, after it)
/// before `loop`; false if some cannot move.
bool computeBefore(Value value, Operation *loop, DominanceInfo &dominance) {
  if (dominance.properlyDominates(value, loop))
    return true;
  Operation *def = value.getDefiningOp();
  // Linalg ops on tensors (a padded destination's fill) and pure ops
  // without regions can move.
  auto movable = [](Operation *op) {
    if (auto linalgOp = dyn_cast<linalg::LinalgOp>(op))
      return linalgOp.hasPureTensorSemantics();
    return isMemoryEffectFree(op) && op->getNumRegions() == 0;
  };
  if (!def || def->getBlock() != loop->getBlock() || !movable(def))
    return false;
  for (Value operand : def->getOperands())
    if (!computeBefore(operand, loop, dominance))
      return false;
  def->moveBefore(loop);
  return true;
}

/// Rewrites the vector that `write.write` stores to be `epilogue` applied
/// to it: the epilogue's other operands read at the tile's offsets (with
/// broadcasts where their maps leave dimensions out), its body's scalar ops
/// applied to vectors. The tile's shape must be that of the vector with
/// leading unit dimensions, so that the vector's dimensions are the tile's
/// last ones.
LogicalResult applyToWrittenVector(linalg::GenericOp epilogue, OpOperand &fused,
                                   TileWrite &write) {
  VectorType vectorType = write.write.getVectorType();
  ArrayRef<int64_t> tileShape = write.slice.getType().getShape();
  int64_t rank = tileShape.size(), vectorRank = vectorType.getRank();
  if (vectorRank > rank || tileShape.take_back(vectorRank) != vectorType.getShape() ||
      llvm::any_of(tileShape.drop_back(vectorRank), [](int64_t d) { return d != 1; }))
    return failure();
  Block &body = epilogue.getRegion().front();
  for (Operation &op : body.without_terminator())
    if (op.getNumResults() != 1 || op.getNumRegions() != 0 ||
        !OpTrait::hasElementwiseMappableTraits(&op))
      return failure();

  OpBuilder b(write.write);
  Location loc = epilogue.getLoc();
  MLIRContext *ctx = b.getContext();
  auto vectorOf = [&](Type element) { return VectorType::get(vectorType.getShape(), element); };
  IRMapping mapping;
  for (OpOperand *input : epilogue.getDpsInputOperands()) {
    BlockArgument arg = body.getArgument(input->getOperandNumber());
    if (input == &fused) {
      mapping.map(arg, write.write.getVector());
      continue;
    }
    auto type = dyn_cast<RankedTensorType>(input->get().getType());
    if (!type) {
      mapping.map(arg, vector::BroadcastOp::create(b, loc, vectorOf(arg.getType()), input->get()));
      continue;
    }
    // Indices at the tile's offsets; vector dimension j is tile dimension
    // rank - vectorRank + j, read from the operand's dimension that the map
    // gives it, else broadcast.
    AffineMap map = epilogue.getMatchingIndexingMap(input);
    SmallVector<Value> indices;
    for (unsigned r = 0; r < map.getNumResults(); ++r)
      indices.push_back(
          getValueOrCreateConstantIndexOp(b, loc, write.offsets[map.getDimPosition(r)]));
    SmallVector<AffineExpr> exprs;
    for (int64_t j = 0; j < vectorRank; ++j) {
      std::optional<unsigned> result = map.getResultPosition(getAffineDimExpr(rank - vectorRank + j, ctx));
      exprs.push_back(result ? getAffineDimExpr(*result, ctx) : getAffineConstantExpr(0, ctx));
    }
    Value padding = arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
    mapping.map(arg, vector::TransferReadOp::create(
                         b, loc, vectorOf(type.getElementType()), input->get(), indices, padding,
                         AffineMap::get(map.getNumResults(), 0, exprs, ctx),
                         SmallVector<bool>(vectorRank, true)));
  }
  for (Operation &op : body.without_terminator()) {
    SmallVector<Value> operands;
    for (Value operand : op.getOperands()) {
      if (!mapping.contains(operand)) // a scalar from outside the body
        mapping.map(operand, vector::BroadcastOp::create(b, loc, vectorOf(operand.getType()), operand));
      operands.push_back(mapping.lookup(operand));
    }
    OperationState state(loc, op.getName(), operands, TypeRange{vectorOf(op.getResult(0).getType())},
                         op.getAttrs());
    mapping.map(op.getResult(0), b.create(state)->getResult(0));
  }
  Value result = mapping.lookup(body.getTerminator()->getOperand(0));
  write.write.getValueToStoreMutable().assign(result);
  return success();
}

/// Fuses `epilogue` into the nest whose result its operand `fused` reads,
/// if the nest computes that result tile by tile (see tileWriteOf).
bool fuseIntoNest(linalg::GenericOp epilogue, OpOperand &fused, DominanceInfo &dominance) {
  auto result = dyn_cast<OpResult>(fused.get());
  if (!result || !result.hasOneUse() || !isa<scf::ForOp, scf::ForallOp>(result.getOwner()) ||
      !epilogue.getMatchingIndexingMap(&fused).isIdentity())
    return false;
  Operation *nest = result.getOwner();
  OpOperand *init = isa<scf::ForOp>(nest)
                        ? cast<scf::ForOp>(nest).getTiedLoopInit(result)
                        : &cast<scf::ForallOp>(nest).getOutputsMutable()[result.getResultNumber()];
  Value destination = epilogue.getDpsInitOperand(0)->get();
  if (destination.getType() != init->get().getType())
    return false;
  auto rank = cast<RankedTensorType>(result.getType()).getRank();
  std::optional<TileWrite> write =
      tileWriteOf(*init, SmallVector<OpFoldResult>(rank, OpBuilder(nest).getIndexAttr(0)));
  // Tiles computed into an empty tensor, from scratch or from what earlier
  // nests computed from scratch: nothing reads what the nest starts from,
  // which can be the destination.
  if (!write || !init->get().getDefiningOp<tensor::EmptyOp>() ||
      (!write->reads.empty() && !write->continuesScratch))
    return false;
  for (OpOperand &operand : epilogue->getOpOperands())
    if (&operand != &fused && !computeBefore(operand.get(), nest, dominance))
      return false;

  // The epilogue on each register tile's accumulators, before they are
  // written to the destination's tile, which the nest now carries.
  if (failed(applyToWrittenVector(epilogue, fused, *write)))
    return false;
  init->set(destination);
  epilogue.getResult(0).replaceAllUsesWith(result);
  epilogue.erase();
  return true;
}

/// `operand` (1-D) padded with zeros at the high end to `extent`, built
/// where it is defined, so that it dominates the nests after that.
Value paddedVector(Value operand, int64_t extent) {
  OpBuilder b(operand.getContext());
  if (Operation *def = operand.getDefiningOp())
    b.setInsertionPointAfter(def);
  else
    b.setInsertionPointToStart(cast<BlockArgument>(operand).getOwner());
  auto type = cast<RankedTensorType>(operand.getType());
  return symc::cpu::padHigh(b, operand.getLoc(), operand, {extent - type.getDimSize(0)});
}

/// `epilogue` computed over the whole of the nest result that its operand
/// `fused` reads a leading slice of (a convolution padded to whole register
/// tiles and sliced back), its result sliced instead: the elementwise ops
/// commute with the slice, and the padding's results are sliced off
/// unused. The other operands must not range over the sliced dimensions
/// (a per-channel bias over padded columns), except vectors, which are
/// padded with zeros (a bias over padded filters: SqueezeNet's conv10 has
/// 1000, padded to 1008, and its ReLU ran apart). The new epilogue and its
/// operand reading the nest, or none. Where fuseIntoNest then fails, the
/// epilogue stays over the padded result: a few columns more of work.
std::optional<std::pair<linalg::GenericOp, OpOperand *>>
overWholeResult(linalg::GenericOp epilogue, OpOperand &fused) {
  auto slice = fused.get().getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice || !slice->hasOneUse() || !slice.hasUnitStride() ||
      !llvm::all_of(slice.getMixedOffsets(), isZeroInteger) ||
      slice.getSourceType().getRank() != slice.getResultType().getRank() ||
      !slice.getSourceType().hasStaticShape() ||
      !isa_and_nonnull<scf::ForOp, scf::ForallOp>(slice.getSource().getDefiningOp()) ||
      !epilogue.getMatchingIndexingMap(&fused).isIdentity() ||
      !epilogue.getDpsInitOperand(0)->get().getDefiningOp<tensor::EmptyOp>())
    return std::nullopt;
  ArrayRef<int64_t> whole = slice.getSourceType().getShape();
  ArrayRef<int64_t> part = slice.getResultType().getShape();
  // The vector operands to pad, and the extent of each.
  SmallVector<std::pair<OpOperand *, int64_t>> paddedVectors;
  for (OpOperand &operand : epilogue->getOpOperands()) {
    if (&operand == &fused || epilogue.isDpsInit(&operand))
      continue;
    for (AffineExpr result : epilogue.getMatchingIndexingMap(&operand).getResults()) {
      unsigned dim = cast<AffineDimExpr>(result).getPosition();
      if (whole[dim] == part[dim])
        continue;
      auto type = dyn_cast<RankedTensorType>(operand.get().getType());
      if (!type || type.getRank() != 1)
        return std::nullopt;
      paddedVectors.push_back({&operand, whole[dim]});
    }
  }
  OpBuilder b(epilogue);
  Location loc = epilogue.getLoc();
  auto type = cast<RankedTensorType>(epilogue.getResult(0).getType());
  Value destination = tensor::EmptyOp::create(b, loc, whole, type.getElementType());
  SmallVector<Value> inputs(epilogue.getDpsInputs());
  for (auto [operand, extent] : paddedVectors)
    inputs[operand->getOperandNumber()] = paddedVector(operand->get(), extent);
  inputs[fused.getOperandNumber()] = slice.getSource();
  auto padded = linalg::GenericOp::create(
      b, loc, TypeRange{destination.getType()}, inputs, ValueRange{destination},
      epilogue.getIndexingMapsArray(), epilogue.getIteratorTypesArray());
  padded.getRegion().takeBody(epilogue.getRegion());
  Value result = tensor::ExtractSliceOp::create(b, loc, type, padded.getResult(0),
                                                slice.getMixedOffsets(), slice.getMixedSizes(),
                                                slice.getMixedStrides());
  epilogue.getResult(0).replaceAllUsesWith(result);
  epilogue.erase();
  slice.erase();
  return std::make_pair(padded, &padded->getOpOperand(fused.getOperandNumber()));
}

struct SymFuseConvEpiloguesPass
    : symc::impl::SymFuseConvEpiloguesBase<SymFuseConvEpiloguesPass> {
  void runOnOperation() override {
    SmallVector<linalg::GenericOp> epilogues;
    getOperation().walk([&](linalg::GenericOp op) {
      if (isElementwiseOnTensors(op))
        epilogues.push_back(op);
    });
    DominanceInfo dominance(getOperation());
    for (linalg::GenericOp epilogue : epilogues)
      for (OpOperand *input : epilogue.getDpsInputOperands()) {
        if (auto whole = overWholeResult(epilogue, *input)) {
          fuseIntoNest(whole->first, *whole->second, dominance);
          break;
        }
        if (fuseIntoNest(epilogue, *input, dominance))
          break;
      }
  }
};

} // namespace
