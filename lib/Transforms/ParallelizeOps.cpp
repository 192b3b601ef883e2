//===- ParallelizeOps.cpp - symc-cpu-parallelize --------------------------===//
//
// The CPU schedule shares matmuls and convolutions among threads; every
// other op (elementwise chains after fusion, pooling, reductions) ran on one
// thread, which caps the speed-up of a second thread at what the schedules
// cover. Each large enough top-level linalg op gets an scf.forall over one
// parallel dimension, one chunk per thread.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/IR/PatternMatch.h"

#include <thread>

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMCPUPARALLELIZE
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// The first parallel dimension with at least `threads` iterations, with
/// static loop bounds; nullopt when there is none or the op is too small.
std::optional<unsigned> dimensionToShare(linalg::LinalgOp op, int64_t threads,
                                         int64_t minIterations) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  int64_t points = 1;
  for (int64_t extent : ranges) {
    if (ShapedType::isDynamic(extent))
      return std::nullopt;
    points *= extent;
  }
  if (points < minIterations)
    return std::nullopt;
  for (auto [dim, iterator] : llvm::enumerate(op.getIteratorTypesArray()))
    if (iterator == utils::IteratorType::parallel && ranges[dim] >= threads)
      return dim;
  return std::nullopt;
}

struct SymCPUParallelizePass
    : public symc::impl::SymCPUParallelizeBase<SymCPUParallelizePass> {
  using Base::Base;

  void runOnOperation() override {
    int64_t threadCount =
        threads > 0 ? int64_t(threads)
                    : std::max<int64_t>(1, std::thread::hardware_concurrency());
    if (threadCount < 2)
      return;
    // Top-level ops only: those inside loops are a schedule's tiles.
    SmallVector<std::pair<linalg::LinalgOp, unsigned>> work;
    for (Operation &op : getOperation().getBody().getOps()) {
      auto linalgOp = dyn_cast<linalg::LinalgOp>(&op);
      if (!linalgOp || !linalgOp.hasPureTensorSemantics() ||
          !isa<TilingInterface>(&op))
        continue;
      if (std::optional<unsigned> dim = dimensionToShare(linalgOp, threadCount, minIterations))
        work.emplace_back(linalgOp, *dim);
    }
    IRRewriter rewriter(&getContext());
    for (auto [op, dim] : work) {
      int64_t extent = op.getStaticLoopRanges()[dim];
      SmallVector<OpFoldResult> tiles(op.getNumLoops(), rewriter.getIndexAttr(0));
      tiles[dim] = rewriter.getIndexAttr(llvm::divideCeil(extent, threadCount));
      scf::SCFTilingOptions options;
      options.setLoopType(scf::SCFTilingOptions::LoopType::ForallOp).setTileSizes(tiles);
      rewriter.setInsertionPoint(op);
      FailureOr<scf::SCFTilingResult> tiled =
          scf::tileUsingSCF(rewriter, cast<TilingInterface>(op.getOperation()), options);
      if (failed(tiled)) {
        op->emitError("cannot share this op among threads");
        return signalPassFailure();
      }
      rewriter.replaceOp(op, tiled->replacements);
    }
  }
};

} // namespace
