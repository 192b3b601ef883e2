//===- FuseElementwise.cpp - symc-fuse-elementwise ------------------------===//
//
// linalg's elementwise fusion patterns, driven as upstream's pass drives
// them (top-down greedy, with reshape folding and the linalg/tensor
// canonicalizations), under a control function that also bounds the size of
// the fused body.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMFUSEELEMENTWISE
#include "symc/Dialect/TransformsPasses.h.inc"

// One fill per side of each padded dimension, the dimensions before it
// restricted to the interior. Filling the whole padded tensor wrote each
// depthwise convolution's input twice: 510 MB a run for SSD-MobileNet at
// batch 8.
Value fillBorder(OpBuilder &b, Location loc, Value value, Value empty, ArrayRef<int64_t> shape,
                 ArrayRef<int64_t> low, ArrayRef<int64_t> interior) {
  Value padded = empty;
  int64_t rank = shape.size();
  for (int64_t d = 0; d < rank; ++d) {
    int64_t high = shape[d] - low[d] - interior[d];
    for (auto [start, extent] : {std::pair(int64_t(0), low[d]),
                                 std::pair(low[d] + interior[d], high)}) {
      if (extent == 0)
        continue;
      SmallVector<OpFoldResult> offsets, sizes;
      for (int64_t e = 0; e < rank; ++e) {
        auto [offset, size] = e < d    ? std::pair(low[e], interior[e])
                              : e == d ? std::pair(start, extent)
                                       : std::pair(int64_t(0), shape[e]);
        offsets.push_back(b.getIndexAttr(offset));
        sizes.push_back(b.getIndexAttr(size));
      }
      SmallVector<OpFoldResult> strides(rank, b.getIndexAttr(1));
      Value side = tensor::ExtractSliceOp::create(b, loc, padded, offsets, sizes, strides);
      Value filled = linalg::FillOp::create(b, loc, value, ValueRange{side}).getResult(0);
      padded = tensor::InsertSliceOp::create(b, loc, filled, padded, offsets, sizes, strides);
    }
  }
  return padded;
}

} // namespace symc

namespace {

/// Operations in an op's body (1 for ops that are not linalg.generic).
size_t bodySize(Operation *op) {
  auto generic = dyn_cast<linalg::GenericOp>(op);
  return generic ? generic.getBody()->getOperations().size() : 1;
}

/// pad(generic(...)) -> the generic writing into the interior of the
/// padded tensor (its border filled with the padding value), as upstream's
/// FuseTensorPadWithProducerLinalgOp, which saves the pad's copy; the same
/// for a loop nest that computes its result from an empty tensor. Unlike
/// upstream's, the producer is not cloned: its other users keep reading
/// its result, which bufferizes to the interior of the padded buffer, so
/// a ResNet block's output feeds both the next convolution's padding and
/// the residual addition from one buffer.
struct FusePadIntoProducer : OpRewritePattern<tensor::PadOp> {
  FusePadIntoProducer(MLIRContext *ctx, bool borderFills)
      : OpRewritePattern(ctx), borderFills(borderFills) {}

  /// The destination operand that the producer of `result` computes it
  /// into, where the producer computes it from scratch: a parallel
  /// generic that does not read it, or a loop (a Winograd convolution's
  /// blocks) started from an empty tensor, whose contents it cannot read.
  static OpOperand *scratchInit(OpResult result) {
    Operation *producer = result.getOwner();
    unsigned number = result.getResultNumber();
    if (auto generic = dyn_cast<linalg::GenericOp>(producer)) {
      OpOperand *init = generic.getDpsInitOperand(number);
      bool fromScratch = generic.hasPureTensorSemantics() &&
                         generic.getNumLoops() == generic.getNumParallelLoops() &&
                         !generic.payloadUsesValueFromOperand(init);
      return fromScratch ? init : nullptr;
    }
    OpOperand *init = nullptr;
    if (auto loop = dyn_cast<scf::ForOp>(producer))
      init = &loop.getInitArgsMutable()[number];
    else if (auto forall = dyn_cast<scf::ForallOp>(producer))
      init = &forall.getOutputsMutable()[number];
    return init && init->get().getDefiningOp<tensor::EmptyOp>() ? init : nullptr;
  }

  LogicalResult matchAndRewrite(tensor::PadOp pad,
                                PatternRewriter &rewriter) const override {
    Value padValue = pad.getConstantPaddingValue();
    auto source = dyn_cast<OpResult>(pad.getSource());
    OpOperand *init = source ? scratchInit(source) : nullptr;
    if (!padValue || !init || !pad.getResultType().hasStaticShape() ||
        !pad.getSourceType().hasStaticShape() ||
        llvm::any_of(pad.getStaticLow(), ShapedType::isDynamic))
      return rewriter.notifyMatchFailure(pad, "not a static pad of what is computed from scratch");
    Operation *producer = source.getOwner();
    unsigned resultNumber = source.getResultNumber();
    // The padding is computed in the producer's place: the padding value
    // must be available there.
    if (auto *def = padValue.getDefiningOp();
        def && !def->hasTrait<OpTrait::ConstantLike>() &&
        !def->isBeforeInBlock(producer))
      return rewriter.notifyMatchFailure(pad, "padding value defined later");

    Location loc = pad.getLoc();
    rewriter.setInsertionPoint(producer);
    RankedTensorType paddedType = pad.getResultType();
    Value empty = tensor::EmptyOp::create(rewriter, loc, paddedType.getShape(),
                                          paddedType.getElementType());
    Value filled =
        borderFills
            ? symc::fillBorder(rewriter, loc, padValue, empty, paddedType.getShape(),
                         pad.getStaticLow(), pad.getSourceType().getShape())
            : linalg::FillOp::create(rewriter, loc, padValue, ValueRange{empty}).getResult(0);
    SmallVector<OpFoldResult> offsets = pad.getMixedLowPad();
    SmallVector<OpFoldResult> sizes = getAsIndexOpFoldResult(
        rewriter.getContext(), pad.getSourceType().getShape());
    SmallVector<OpFoldResult> strides(offsets.size(), rewriter.getIndexAttr(1));
    Value interior =
        tensor::ExtractSliceOp::create(rewriter, loc, filled, offsets, sizes, strides);
    rewriter.modifyOpInPlace(producer, [&] { init->set(interior); });
    rewriter.setInsertionPointAfter(producer);
    Value result = producer->getResult(resultNumber);
    auto inserted =
        tensor::InsertSliceOp::create(rewriter, loc, result, filled, offsets, sizes, strides);
    rewriter.replaceOp(pad, inserted.getResult());
    return success();
  }

private:
  bool borderFills;
};

/// Whether `op` reads a result of an scf.for or scf.forall nest.
bool readsLoopNest(Operation *op) {
  return llvm::any_of(op->getOperands(), [](Value operand) {
    return isa_and_nonnull<scf::ForOp, scf::ForallOp>(operand.getDefiningOp());
  });
}

struct SymFuseElementwisePass
    : symc::impl::SymFuseElementwiseBase<SymFuseElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    MLIRContext *ctx = &getContext();
    unsigned limit = maxBodyOps;
    // Upstream's rule (a producer used once), within the body bound; no
    // computing producer into a consumer that broadcasts it (that would
    // recompute it per broadcast element: BatchNorm's per-channel
    // gamma / sqrt(var + eps), once per pixel); and no producer into a
    // consumer that reads it through anything but a projected permutation
    // (a layout change made for that consumer, which fusion would undo,
    // or a value a pooling window reads several times, which it would
    // recompute per read).
    linalg::ControlFusionFn control = [limit](OpOperand *fused) {
      Operation *producer = fused->get().getDefiningOp();
      if (!producer || !producer->hasOneUse() ||
          bodySize(producer) + bodySize(fused->getOwner()) > limit)
        return false;
      // No reshape into an epilogue of a tiled nest (a convolution's
      // BatchNorm or ReLU), which symc-fuse-conv-epilogues computes on the
      // nest's register tiles only as long as it has the nest's shape: the
      // channel-block split of the next convolution's packed input left
      // VGG16-reduced's conv4 ReLUs apart.
      if (isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp>(fused->getOwner()) &&
          readsLoopNest(producer))
        return false;
      auto consumer = dyn_cast<linalg::LinalgOp>(fused->getOwner());
      if (!consumer)
        return true;
      AffineMap map = consumer.getMatchingIndexingMap(fused);
      if (!map.isProjectedPermutation())
        return false;
      return map.isPermutation() || bodySize(producer) == 1;
    };
    RewritePatternSet patterns(ctx);
    linalg::populateElementwiseOpsFusionPatterns(patterns, control);
    linalg::populateFoldReshapeOpsByExpansionPatterns(patterns, control);
    tensor::populateBubbleUpExpandShapePatterns(patterns);
    affine::AffineApplyOp::getCanonicalizationPatterns(patterns, ctx);
    linalg::GenericOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::ExpandShapeOp::getCanonicalizationPatterns(patterns, ctx);
    tensor::CollapseShapeOp::getCanonicalizationPatterns(patterns, ctx);
    ctx->getLoadedDialect<linalg::LinalgDialect>()->getCanonicalizationPatterns(patterns);
    linalg::populateConstantFoldLinalgOperations(patterns, control);
    // Top-down, for compile time, as upstream; not converging within the
    // driver's iterations only leaves some fusion undone.
    (void)applyPatternsGreedily(getOperation(), std::move(patterns),
                                GreedyRewriteConfig().setUseTopDownTraversal(true));
    // Paddings into their (fused) producers; apart, because the fusion
    // patterns give generics that do not read their init a tensor.empty
    // instead, which would undo the padded destination.
    RewritePatternSet padPatterns(ctx);
    padPatterns.add<FusePadIntoProducer>(ctx, borderFills);
    (void)applyPatternsGreedily(getOperation(), std::move(padPatterns));
  }
};

} // namespace
