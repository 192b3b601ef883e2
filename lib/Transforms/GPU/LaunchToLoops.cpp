//===- LaunchToLoops.cpp - symc-gpu-launch-to-loops -----------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/IRMapping.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPULAUNCHTOLOOPS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Loops over blocks (z, y, x) then threads (z, y, x) around a copy of the
/// kernel body.
LogicalResult launchToLoops(gpu::LaunchOp launch) {
  Region &body = launch.getBody();
  if (!body.hasOneBlock())
    return launch.emitError("cannot run a kernel of several blocks on the host");
  if (body.walk([](gpu::BarrierOp) { return WalkResult::interrupt(); }).wasInterrupted())
    return launch.emitError("cannot run a kernel with barriers on the host");
  OpBuilder b(launch);
  Location loc = launch.getLoc();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  gpu::KernelDim3 gridSize = launch.getGridSizeOperandValues();
  gpu::KernelDim3 blockSize = launch.getBlockSizeOperandValues();
  IRMapping mapping;
  auto loop = [&](Value upper, Value id) {
    auto forOp = scf::ForOp::create(b, loc, zero, upper, one);
    mapping.map(id, forOp.getInductionVar());
    b.setInsertionPointToStart(forOp.getBody());
  };
  loop(gridSize.z, launch.getBlockIds().z);
  loop(gridSize.y, launch.getBlockIds().y);
  loop(gridSize.x, launch.getBlockIds().x);
  loop(blockSize.z, launch.getThreadIds().z);
  loop(blockSize.y, launch.getThreadIds().y);
  loop(blockSize.x, launch.getThreadIds().x);
  for (auto [arg, value] : llvm::zip(
           ArrayRef<Value>{launch.getGridSize().x, launch.getGridSize().y,
                           launch.getGridSize().z, launch.getBlockSize().x,
                           launch.getBlockSize().y, launch.getBlockSize().z},
           ArrayRef<Value>{gridSize.x, gridSize.y, gridSize.z, blockSize.x,
                           blockSize.y, blockSize.z}))
    mapping.map(arg, value);
  for (Operation &op : body.front().without_terminator())
    b.clone(op, mapping);
  launch.erase();
  return success();
}

struct SymGPULaunchToLoopsPass
    : public symc::impl::SymGPULaunchToLoopsBase<SymGPULaunchToLoopsPass> {
  void runOnOperation() override {
    SmallVector<gpu::LaunchOp> launches;
    SmallVector<Operation *> memoryOps;
    getOperation().walk([&](Operation *op) {
      if (auto launch = dyn_cast<gpu::LaunchOp>(op))
        launches.push_back(launch);
      else if (isa<gpu::AllocOp, gpu::DeallocOp, gpu::WaitOp>(op))
        memoryOps.push_back(op);
    });
    for (gpu::LaunchOp launch : launches)
      if (failed(launchToLoops(launch)))
        return signalPassFailure();
    for (Operation *op : memoryOps) {
      OpBuilder b(op);
      if (auto alloc = dyn_cast<gpu::AllocOp>(op)) {
        Value host = memref::AllocOp::create(b, op->getLoc(), alloc.getType(),
                                             alloc.getDynamicSizes(),
                                             alloc.getSymbolOperands());
        alloc.getMemref().replaceAllUsesWith(host);
      } else if (auto dealloc = dyn_cast<gpu::DeallocOp>(op)) {
        memref::DeallocOp::create(b, op->getLoc(), dealloc.getMemref());
      }
    }
    // Only the async tokens still connect these ops.
    for (Operation *op : memoryOps)
      op->dropAllReferences();
    for (Operation *op : memoryOps)
      op->erase();
  }
};

} // namespace
