//===- MapParallelLoops.cpp - symc-gpu-map-parallel-loops -----------------===//
//
// Upstream's gpu-map-parallel-loops gives each loop dimension a hardware
// dimension of its own (at most three, with one block per outer iteration),
// which fits neither rank-4 NCHW buffers nor small trailing extents.
// Linearizing the iteration space instead gives every loop one shape of
// kernel: full blocks of consecutive points, whatever its rank.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUMAPPARALLELLOOPS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// The trip count of each dimension of `loop`, ceil((ub - lb) / step), as
/// a constant when the bounds are.
SmallVector<Value> tripCounts(OpBuilder &b, scf::ParallelOp loop) {
  SmallVector<Value> counts;
  Location loc = loop.getLoc();
  for (auto [lb, ub, step] :
       llvm::zip(loop.getLowerBound(), loop.getUpperBound(), loop.getStep())) {
    std::optional<int64_t> l = getConstantIntValue(lb), u = getConstantIntValue(ub),
                           s = getConstantIntValue(step);
    if (l && u && s && *s > 0) {
      counts.push_back(arith::ConstantIndexOp::create(
          b, loc, *u > *l ? llvm::divideCeil(*u - *l, *s) : 0));
      continue;
    }
    Value extent = arith::SubIOp::create(b, loc, ub, lb);
    counts.push_back(arith::CeilDivUIOp::create(b, loc, extent, step));
  }
  return counts;
}

/// The product of `counts`, folded when they are constants.
Value product(OpBuilder &b, Location loc, ArrayRef<Value> counts) {
  std::optional<int64_t> constant = 1;
  for (Value count : counts) {
    std::optional<int64_t> c = getConstantIntValue(count);
    constant = c && constant ? std::optional<int64_t>(*constant * *c) : std::nullopt;
  }
  if (constant)
    return arith::ConstantIndexOp::create(b, loc, *constant);
  Value total = counts.front();
  for (Value count : counts.drop_front())
    total = arith::MulIOp::create(b, loc, total, count);
  return total;
}

/// Replaces `loop` by a gpu.launch of ceil(total / blockSize) blocks whose
/// threads each run the body once, at the point of their linear index.
void mapToLaunch(scf::ParallelOp loop, int64_t blockSize) {
  OpBuilder b(loop);
  Location loc = loop.getLoc();
  SmallVector<Value> counts = tripCounts(b, loop);
  Value total = product(b, loc, counts);

  // A launch of zero blocks is an error: guard the dynamic case.
  std::optional<int64_t> staticTotal = getConstantIntValue(total);
  if (staticTotal && *staticTotal == 0) {
    loop.erase();
    return;
  }
  int64_t threads = staticTotal ? std::min(*staticTotal, blockSize) : blockSize;
  if (!staticTotal) {
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value nonEmpty =
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ugt, total, zero);
    auto guard = scf::IfOp::create(b, loc, nonEmpty, /*withElseRegion=*/false);
    b.setInsertionPointToStart(guard.thenBlock());
  }
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value blockDim = arith::ConstantIndexOp::create(b, loc, threads);
  Value grid =
      staticTotal
          ? Value(arith::ConstantIndexOp::create(
                b, loc, llvm::divideCeil(*staticTotal, threads)))
          : Value(arith::CeilDivUIOp::create(b, loc, total, blockDim));
  auto launch = gpu::LaunchOp::create(b, loc, grid, one, one, blockDim, one, one);

  // Body: linear = blockIdx.x * B + threadIdx.x; points past the end of
  // the last block do nothing.
  b.setInsertionPointToStart(&launch.getBody().front());
  Value linear = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, launch.getBlockIds().x, blockDim),
      launch.getThreadIds().x);
  Value inRange =
      arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, linear, total);
  auto ifInRange = scf::IfOp::create(b, loc, inRange, /*withElseRegion=*/false);
  gpu::TerminatorOp::create(b, loc);

  // Row-major delinearization, innermost dimension first.
  b.setInsertionPointToStart(ifInRange.thenBlock());
  IRMapping mapping;
  Value rest = linear;
  for (int64_t d = counts.size() - 1; d >= 0; --d) {
    Value index = d == 0 ? rest : arith::RemUIOp::create(b, loc, rest, counts[d]);
    if (d > 0)
      rest = arith::DivUIOp::create(b, loc, rest, counts[d]);
    Value offset = arith::MulIOp::create(b, loc, index, loop.getStep()[d]);
    Value iv = arith::AddIOp::create(b, loc, loop.getLowerBound()[d], offset);
    mapping.map(loop.getInductionVars()[d], iv);
  }
  for (Operation &op : loop.getBody()->without_terminator())
    b.clone(op, mapping);
  loop.erase();
}

struct SymGPUMapParallelLoopsPass
    : public symc::impl::SymGPUMapParallelLoopsBase<SymGPUMapParallelLoopsPass> {
  using Base::Base;

  void runOnOperation() override {
    if (blockSize < 1 || blockSize > 1024) {
      getOperation().emitError("block-size must be in 1..1024, got ")
          << static_cast<int64_t>(blockSize);
      return signalPassFailure();
    }
    SmallVector<scf::ParallelOp> outermost;
    getOperation().walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<gpu::LaunchOp>(op))
        return WalkResult::skip();
      auto loop = dyn_cast<scf::ParallelOp>(op);
      if (!loop)
        return WalkResult::advance();
      if (loop.getNumReductions() == 0)
        outermost.push_back(loop);
      return WalkResult::skip();
    });
    for (scf::ParallelOp loop : outermost)
      mapToLaunch(loop, blockSize);
  }
};

} // namespace
