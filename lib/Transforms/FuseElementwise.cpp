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
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tensor/Transforms/Transforms.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMFUSEELEMENTWISE
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Operations in an op's body (1 for ops that are not linalg.generic).
size_t bodySize(Operation *op) {
  auto generic = dyn_cast<linalg::GenericOp>(op);
  return generic ? generic.getBody()->getOperations().size() : 1;
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
    // (the producer is a layout change made for that consumer, such as the
    // column phases of strided pooling, which fusion would undo).
    linalg::ControlFusionFn control = [limit](OpOperand *fused) {
      Operation *producer = fused->get().getDefiningOp();
      if (!producer || !producer->hasOneUse() ||
          bodySize(producer) + bodySize(fused->getOwner()) > limit)
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
  }
};

} // namespace
