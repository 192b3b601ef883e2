//===- ApproximateMath.cpp - symc-approximate-math ------------------------===//
//
// f32 math functions as MLIR's polynomial approximations: arithmetic that
// vectorizes, instead of a libm call per element.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Math/Transforms/Passes.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMAPPROXIMATEMATH
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {
struct SymApproximateMathPass
    : public symc::impl::SymApproximateMathBase<SymApproximateMathPass> {
  using SymApproximateMathBase::SymApproximateMathBase;

  void runOnOperation() override {
    RewritePatternSet patterns(&getContext());
    populateMathPolynomialApproximationPatterns(patterns, [&](StringRef name) {
      name.consume_front("math.");
      return functions.empty() || llvm::is_contained(functions, name);
    });
    if (failed(applyPatternsGreedily(getOperation(), std::move(patterns))))
      return signalPassFailure();
  }
};
} // namespace
