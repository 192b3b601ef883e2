//===- ApproximateErf.cpp - symc-approximate-erf --------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMAPPROXIMATEERF
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {
struct SymApproximateErfPass
    : public symc::impl::SymApproximateErfBase<SymApproximateErfPass> {
  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populatePolynomialApproximateErfPattern(patterns);
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
