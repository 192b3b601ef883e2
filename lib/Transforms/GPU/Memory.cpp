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

/// gpu-to-llvm lowers device allocations only in the asynchronous form
/// (managed ones only in the synchronous one).
void replaceAlloc(memref::AllocOp alloc) {
  OpBuilder b(alloc);
  Location loc = alloc.getLoc();
  bool hostShared = isTouchedByHost(alloc.getResult());
  Type tokenType = b.getType<gpu::AsyncTokenType>();
  SmallVector<Value> dependencies;
  if (!hostShared)
    dependencies.push_back(
        gpu::WaitOp::create(b, loc, tokenType, ValueRange()).getAsyncToken());
  auto gpuAlloc = gpu::AllocOp::create(
      b, loc, alloc.getType(), hostShared ? Type() : tokenType, dependencies,
      alloc.getDynamicSizes(), alloc.getSymbolOperands(), hostShared);
  if (!hostShared)
    gpu::WaitOp::create(b, loc, Type(), ValueRange{gpuAlloc.getAsyncToken()});
  alloc.replaceAllUsesWith(gpuAlloc.getMemref());
  alloc.erase();
}

/// gpu-to-llvm lowers only the asynchronous form of gpu.dealloc.
void replaceDealloc(memref::DeallocOp dealloc) {
  OpBuilder b(dealloc);
  Location loc = dealloc.getLoc();
  Type tokenType = b.getType<gpu::AsyncTokenType>();
  Value start = gpu::WaitOp::create(b, loc, tokenType, ValueRange()).getAsyncToken();
  Value done =
      gpu::DeallocOp::create(b, loc, tokenType, ValueRange{start}, dealloc.getMemref())
          .getAsyncToken();
  gpu::WaitOp::create(b, loc, Type(), ValueRange{done});
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
