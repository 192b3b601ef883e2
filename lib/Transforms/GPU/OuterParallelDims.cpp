//===- OuterParallelDims.cpp - symc-gpu-outer-parallel-dims ---------------===//
//
// convert-linalg-to-parallel-loops makes one scf.parallel of the leading
// parallel dimensions only: a reduction over a middle axis (softmax over
// the channels of NCHW, a mean over H) leaves the outer parallel loop
// with the extent of the leading dimensions, often 1, and
// symc-gpu-map-parallel-loops then runs the whole op in one thread.
// Moving every parallel dimension before the reductions gives the kernel
// all the parallelism; consecutive threads still take consecutive points
// of the innermost parallel (contiguous) axis.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/PatternMatch.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUOUTERPARALLELDIMS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// The loop order with the parallel dimensions first, each group in its
/// original order; empty when they already come first.
SmallVector<unsigned> parallelFirstOrder(linalg::LinalgOp op) {
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  SmallVector<unsigned> order;
  for (auto [dim, iterator] : llvm::enumerate(iterators))
    if (iterator == utils::IteratorType::parallel)
      order.push_back(dim);
  for (auto [dim, iterator] : llvm::enumerate(iterators))
    if (iterator != utils::IteratorType::parallel)
      order.push_back(dim);
  if (llvm::equal(order, llvm::seq<unsigned>(0, iterators.size())))
    return {};
  return order;
}

struct SymGPUOuterParallelDimsPass
    : public symc::impl::SymGPUOuterParallelDimsBase<SymGPUOuterParallelDimsPass> {
  void runOnOperation() override {
    SmallVector<linalg::LinalgOp> work;
    getOperation().walk([&](linalg::LinalgOp op) {
      if (!op->getParentOfType<gpu::LaunchOp>() && !parallelFirstOrder(op).empty())
        work.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::LinalgOp op : work) {
      SmallVector<unsigned> order = parallelFirstOrder(op);
      rewriter.setInsertionPoint(op);
      FailureOr<linalg::GenericOp> generic =
          isa<linalg::GenericOp>(op) ? cast<linalg::GenericOp>(op)
                                     : linalg::generalizeNamedOp(rewriter, op);
      if (failed(generic) ||
          failed(linalg::interchangeGenericOp(rewriter, *generic, order))) {
        op->emitError("cannot move the parallel dimensions of this op outermost");
        return signalPassFailure();
      }
    }
  }
};

} // namespace
