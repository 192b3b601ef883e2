//===- Memory.cpp - symc-gpu-memory ---------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUMEMORY
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Whether host code may load or store through `buffer` (or a view of it):
/// any use outside a kernel other than taking views, reading metadata and
/// freeing it.
bool isTouchedByHost(Value buffer) {
  for (Operation *user : buffer.getUsers()) {
    if (user->getParentOfType<gpu::LaunchOp>())
      continue;
    if (isa<memref::DeallocOp, memref::DimOp>(user))
      continue;
    if (isa<ViewLikeOpInterface, memref::ExtractStridedMetadataOp>(user)) {
      for (Value result : user->getResults())
        if (isa<BaseMemRefType>(result.getType()) && isTouchedByHost(result))
          return true;
      continue;
    }
    return true;
  }
  return false;
}

void replaceAlloc(memref::AllocOp alloc) {
  OpBuilder b(alloc);
  auto gpuAlloc = gpu::AllocOp::create(
      b, alloc.getLoc(), alloc.getType(), /*asyncToken=*/Type(),
      /*asyncDependencies=*/ValueRange(), alloc.getDynamicSizes(),
      alloc.getSymbolOperands(), /*hostShared=*/isTouchedByHost(alloc.getResult()));
  alloc.replaceAllUsesWith(gpuAlloc.getMemref());
  alloc.erase();
}

void replaceDealloc(memref::DeallocOp dealloc) {
  OpBuilder b(dealloc);
  gpu::DeallocOp::create(b, dealloc.getLoc(), /*asyncToken=*/Type(), ValueRange(),
                         dealloc.getMemref());
  dealloc.erase();
}

struct SymGPUMemoryPass : public symc::impl::SymGPUMemoryBase<SymGPUMemoryPass> {
  void runOnOperation() override {
    SmallVector<memref::AllocOp> allocs;
    SmallVector<memref::DeallocOp> deallocs;
    bool kernelStackBuffer = false;
    getOperation().walk([&](Operation *op) {
      bool inKernel = op->getParentOfType<gpu::LaunchOp>() != nullptr;
      if (auto alloc = dyn_cast<memref::AllocOp>(op); alloc && !inKernel)
        allocs.push_back(alloc);
      else if (auto dealloc = dyn_cast<memref::DeallocOp>(op); dealloc && !inKernel)
        deallocs.push_back(dealloc);
      else if (auto alloca = dyn_cast<memref::AllocaOp>(op); alloca && !inKernel) {
        // A host stack buffer is invisible to the device.
        for (Operation *user : alloca->getUsers())
          if (user->getParentOfType<gpu::LaunchOp>()) {
            alloca.emitError("a host stack buffer is used by a GPU kernel");
            kernelStackBuffer = true;
          }
      }
    });
    if (kernelStackBuffer)
      return signalPassFailure();
    for (memref::AllocOp alloc : allocs)
      replaceAlloc(alloc);
    for (memref::DeallocOp dealloc : deallocs)
      replaceDealloc(dealloc);
  }
};

} // namespace

namespace symc {
#define GEN_PASS_DEF_SYMGPUSYNCHRONOUSMANAGEDALLOCS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

struct SymGPUSynchronousManagedAllocsPass
    : public symc::impl::SymGPUSynchronousManagedAllocsBase<
          SymGPUSynchronousManagedAllocsPass> {
  void runOnOperation() override {
    SmallVector<gpu::AllocOp> allocs;
    getOperation().walk([&](gpu::AllocOp alloc) {
      if (alloc.getHostShared() && alloc.getAsyncToken())
        allocs.push_back(alloc);
    });
    for (gpu::AllocOp alloc : allocs) {
      OpBuilder b(alloc);
      Location loc = alloc.getLoc();
      auto sync = gpu::AllocOp::create(b, loc, alloc.getMemref().getType(), Type(),
                                       ValueRange(), alloc.getDynamicSizes(),
                                       alloc.getSymbolOperands(), /*hostShared=*/true);
      Value ready = gpu::WaitOp::create(b, loc, alloc.getAsyncToken().getType(),
                                        alloc.getAsyncDependencies())
                        .getAsyncToken();
      alloc.getMemref().replaceAllUsesWith(sync.getMemref());
      alloc.getAsyncToken().replaceAllUsesWith(ready);
      alloc.erase();
    }
  }
};

} // namespace
