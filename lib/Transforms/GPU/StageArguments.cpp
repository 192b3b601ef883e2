//===- StageArguments.cpp - symc-gpu-stage-arguments ----------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUSTAGEARGUMENTS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

struct Access {
  bool read = false, written = false;
};

/// How `buffer` and the views of it are used. An op that declares no
/// memory effects through its interface may do anything.
void collectAccess(Value buffer, Access &access) {
  for (OpOperand &use : buffer.getUses()) {
    Operation *user = use.getOwner();
    if (auto view = dyn_cast<ViewLikeOpInterface>(user);
        view && view.getViewSource() == buffer) {
      for (Value result : user->getResults())
        collectAccess(result, access);
      continue;
    }
    if (isa<memref::ExtractStridedMetadataOp, memref::DimOp>(user))
      continue;
    auto effects = dyn_cast<MemoryEffectOpInterface>(user);
    if (!effects) {
      access.read = access.written = true;
      continue;
    }
    SmallVector<MemoryEffects::EffectInstance> instances;
    effects.getEffectsOnValue(buffer, instances);
    for (const MemoryEffects::EffectInstance &effect : instances) {
      access.read |= isa<MemoryEffects::Read>(effect.getEffect());
      access.written |= isa<MemoryEffects::Write>(effect.getEffect());
    }
  }
}

/// An allocation with the shape of `buffer` (whose dynamic extents are
/// read from it).
Value allocateLike(OpBuilder &b, Location loc, Value buffer) {
  auto type = cast<MemRefType>(buffer.getType());
  SmallVector<Value> dynamicSizes;
  for (int64_t d = 0, e = type.getRank(); d < e; ++d)
    if (type.isDynamicDim(d))
      dynamicSizes.push_back(memref::DimOp::create(b, loc, buffer, d));
  auto stagedType = MemRefType::get(type.getShape(), type.getElementType());
  return memref::AllocOp::create(b, loc, stagedType, dynamicSizes);
}

/// Stages `arg` with copies in at `entry` (which advances past them, so
/// that arguments are staged in order) and out before each return.
LogicalResult stageArgument(func::FuncOp func, BlockArgument arg, OpBuilder &entry) {
  auto type = dyn_cast<MemRefType>(arg.getType());
  if (!type || arg.use_empty())
    return success();
  if (!type.getLayout().isIdentity())
    return func.emitError("cannot stage argument #")
           << arg.getArgNumber() << " of non-identity layout " << type
           << " for the GPU";
  Access access;
  collectAccess(arg, access);
  if (!access.read && !access.written)
    return success();

  Location loc = arg.getLoc();
  Value staged = allocateLike(entry, loc, arg);
  Operation *copyIn = nullptr;
  if (access.read)
    copyIn = memref::CopyOp::create(entry, loc, arg, staged);
  arg.replaceUsesWithIf(staged, [&](OpOperand &use) {
    return use.getOwner() != copyIn && !isa<memref::DimOp>(use.getOwner());
  });
  func.walk([&](func::ReturnOp ret) {
    OpBuilder b(ret);
    if (access.written)
      memref::CopyOp::create(b, loc, staged, arg);
    memref::DeallocOp::create(b, loc, staged);
  });
  return success();
}

struct SymGPUStageArgumentsPass
    : public symc::impl::SymGPUStageArgumentsBase<SymGPUStageArgumentsPass> {
  void runOnOperation() override {
    func::FuncOp func = getOperation();
    // Private functions are called from the entry with staged buffers.
    if (func.isExternal() || !func.isPublic())
      return;
    OpBuilder entry = OpBuilder::atBlockBegin(&func.getBody().front());
    for (BlockArgument arg : func.getArguments()) {
      if (func.getArgAttr(arg.getArgNumber(), symc::kDeviceResidentAttr)) {
        func.removeArgAttr(arg.getArgNumber(), symc::kDeviceResidentAttr);
        continue;
      }
      if (failed(stageArgument(func, arg, entry)))
        return signalPassFailure();
    }
  }
};

} // namespace
