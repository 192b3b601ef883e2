//===- FlopCount.cpp - the arithmetic a model does per run ----------------===//

#include "symc/Transforms/FlopCount.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;

namespace symc {
namespace {

/// Float arithmetic ops in the payload of `op`, per iteration point.
uint64_t floatOpsPerPoint(linalg::LinalgOp op) {
  uint64_t count = 0;
  op->walk([&](Operation *nested) {
    if (nested == op.getOperation() || nested->getNumResults() != 1 ||
        !isa<FloatType>(nested->getResult(0).getType()))
      return;
    if (isa<math::FmaOp>(nested))
      count += 2;
    else if (isa<arith::ArithDialect, math::MathDialect>(nested->getDialect()) &&
             !isa<arith::ConstantOp, arith::SelectOp>(nested) &&
             !isa<arith::ExtFOp, arith::TruncFOp, arith::SIToFPOp, arith::UIToFPOp>(nested))
      ++count;
  });
  return count;
}

} // namespace

uint64_t countFloatOps(ModuleOp module) {
  uint64_t total = 0;
  module.walk([&](linalg::LinalgOp op) {
    SmallVector<int64_t> ranges = op.getStaticLoopRanges();
    if (llvm::any_of(ranges, ShapedType::isDynamic))
      return;
    uint64_t points = 1;
    for (int64_t range : ranges)
      points *= static_cast<uint64_t>(range);
    total += points * floatOpsPerPoint(op);
  });
  return total;
}

} // namespace symc
