//===- LaunchToLoops.cpp - symc-gpu-launch-to-loops -----------------------===//
//
// A kernel runs on the host as loops over its blocks; inside a block, the
// code between two barriers (a segment) runs for every thread before the
// next segment starts, which is what the barrier guarantees. Loops that
// contain barriers stay loops around their segments (their bounds are the
// same in every thread). Per-thread (private) buffers get one slice per
// thread, and workgroup buffers one allocation per block; a value computed
// in one segment and used in another would need per-thread storage, and
// is refused.
//
//===----------------------------------------------------------------------===//

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

bool containsBarrier(Operation *op) {
  return op->walk([](gpu::BarrierOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// The same memref type in the default (host) memory space.
MemRefType hostType(Type type) {
  auto memref = cast<MemRefType>(type);
  return MemRefType::get(memref.getShape(), memref.getElementType(),
                         memref.getLayout());
}

class LaunchEmulator {
public:
  explicit LaunchEmulator(gpu::LaunchOp launch) : launch(launch) {}

  LogicalResult run() {
    Region &body = launch.getBody();
    if (!body.hasOneBlock())
      return launch.emitError("cannot run a kernel of several blocks on the host");
    OpBuilder b(launch);
    loc = launch.getLoc();
    zero = arith::ConstantIndexOp::create(b, loc, 0);
    one = arith::ConstantIndexOp::create(b, loc, 1);
    grid = launch.getGridSizeOperandValues();
    block = launch.getBlockSizeOperandValues();
    // Named arrays: a range-for does not extend the life of temporaries
    // inside its range expression.
    SmallVector<Value> sizeArgs = {launch.getGridSize().x,  launch.getGridSize().y,
                                   launch.getGridSize().z,  launch.getBlockSize().x,
                                   launch.getBlockSize().y, launch.getBlockSize().z};
    SmallVector<Value> sizes = {grid.x, grid.y, grid.z, block.x, block.y, block.z};
    for (auto [arg, value] : llvm::zip(sizeArgs, sizes))
      mapping.map(arg, value);

    // Private buffers: one slice per thread of a block.
    Value threads = arith::MulIOp::create(
        b, loc, arith::MulIOp::create(b, loc, block.x, block.y), block.z);
    for (BlockArgument attribution : launch.getPrivateAttributions()) {
      MemRefType type = hostType(attribution.getType());
      SmallVector<int64_t> shape = {ShapedType::kDynamic};
      llvm::append_range(shape, type.getShape());
      Value all = memref::AllocOp::create(
          b, loc, MemRefType::get(shape, type.getElementType()), ValueRange{threads});
      privateBuffers.push_back({attribution, all});
    }

    loopOver(b, grid.z, launch.getBlockIds().z);
    loopOver(b, grid.y, launch.getBlockIds().y);
    loopOver(b, grid.x, launch.getBlockIds().x);
    SmallVector<Value> workgroupBuffers;
    for (BlockArgument attribution : launch.getWorkgroupAttributions()) {
      workgroupBuffers.push_back(
          memref::AllocOp::create(b, loc, hostType(attribution.getType())));
      mapping.map(attribution, workgroupBuffers.back());
    }
    if (failed(emitBlock(b, body.front())))
      return failure();
    for (Value buffer : workgroupBuffers)
      memref::DeallocOp::create(b, loc, buffer);

    b.setInsertionPointAfter(launch);
    for (auto &[attribution, all] : privateBuffers)
      memref::DeallocOp::create(b, loc, all);
    launch.erase();
    return success();
  }

private:
  /// A loop 0..upper at `b`, whose index stands for `id`; `b` moves into it.
  void loopOver(OpBuilder &b, Value upper, Value id) {
    auto loop = scf::ForOp::create(b, loc, zero, upper, one);
    mapping.map(id, loop.getInductionVar());
    b.setInsertionPoint(loop.getBody()->getTerminator());
  }

  /// The ops of `block` (the kernel body or the body of a loop with
  /// barriers), segment by segment.
  LogicalResult emitBlock(OpBuilder &b, Block &block) {
    SmallVector<Operation *> segment;
    for (Operation &op : block) {
      if (op.hasTrait<OpTrait::IsTerminator>())
        break;
      if (isa<gpu::BarrierOp>(op)) {
        if (failed(emitSegment(b, segment)))
          return failure();
        continue;
      }
      if (!containsBarrier(&op)) {
        segment.push_back(&op);
        continue;
      }
      if (failed(emitSegment(b, segment)))
        return failure();
      auto loop = dyn_cast<scf::ForOp>(op);
      if (!loop || loop.getNumRegionIterArgs() != 0)
        return op.emitError("cannot run this op with barriers inside on the host");
      auto copy = scf::ForOp::create(b, loc, mapping.lookupOrDefault(loop.getLowerBound()),
                                     mapping.lookupOrDefault(loop.getUpperBound()),
                                     mapping.lookupOrDefault(loop.getStep()));
      mapping.map(loop.getInductionVar(), copy.getInductionVar());
      OpBuilder inner(copy.getBody()->getTerminator());
      if (failed(emitBlock(inner, *loop.getBody())))
        return failure();
    }
    return emitSegment(b, segment);
  }

  /// Runs `segment` for every thread of the block; empties it.
  LogicalResult emitSegment(OpBuilder &outer, SmallVector<Operation *> &segment) {
    if (segment.empty())
      return success();
    llvm::SmallPtrSet<Operation *, 16> members(segment.begin(), segment.end());
    for (Operation *op : segment) {
      WalkResult crossing = op->walk([&](Operation *nested) {
        for (Value operand : nested->getOperands()) {
          Operation *def = operand.getDefiningOp();
          if (def && launch->isProperAncestor(def) && !members.contains(def) &&
              !op->isAncestor(def))
            return WalkResult::interrupt();
        }
        return WalkResult::advance();
      });
      if (crossing.wasInterrupted())
        return op->emitError("a value of another segment of the kernel is used "
                             "across a barrier");
    }
    OpBuilder b = outer;
    loopOver(b, block.z, launch.getThreadIds().z);
    loopOver(b, block.y, launch.getThreadIds().y);
    loopOver(b, block.x, launch.getThreadIds().x);
    if (!privateBuffers.empty()) {
      // This thread's slice: (tz * by + ty) * bx + tx.
      Value tid = mapping.lookup(launch.getThreadIds().z);
      tid = arith::AddIOp::create(b, loc, arith::MulIOp::create(b, loc, tid, block.y),
                                  mapping.lookup(launch.getThreadIds().y));
      tid = arith::AddIOp::create(b, loc, arith::MulIOp::create(b, loc, tid, block.x),
                                  mapping.lookup(launch.getThreadIds().x));
      for (auto &[attribution, all] : privateBuffers) {
        MemRefType type = hostType(attribution.getType());
        SmallVector<OpFoldResult> offsets = {tid}, sizes = {b.getIndexAttr(1)},
                                  strides(type.getRank() + 1, b.getIndexAttr(1));
        for (int64_t extent : type.getShape()) {
          offsets.push_back(b.getIndexAttr(0));
          sizes.push_back(b.getIndexAttr(extent));
        }
        auto sliceType = memref::SubViewOp::inferRankReducedResultType(
            type.getShape(), cast<MemRefType>(all.getType()), offsets, sizes, strides);
        Value slice = memref::SubViewOp::create(b, loc, cast<MemRefType>(sliceType), all,
                                                offsets, sizes, strides);
        mapping.map(attribution, slice);
      }
    }
    for (Operation *op : segment)
      b.clone(*op, mapping);
    segment.clear();
    return success();
  }

  gpu::LaunchOp launch;
  Location loc = UnknownLoc();
  Value zero, one;
  gpu::KernelDim3 grid, block;
  IRMapping mapping;
  SmallVector<std::pair<BlockArgument, Value>> privateBuffers;
};

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
      if (failed(LaunchEmulator(launch).run()))
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
