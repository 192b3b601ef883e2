//===- StridedCopiesToLoops.cpp - symc-strided-copies-to-loops ------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMSTRIDEDCOPIESTOLOOPS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {
/// Whether memref.copy's lowering would call memrefCopy: it copies with
/// memcpy only between memrefs of identity layout (or contiguous ones).
bool needsRuntimeCopy(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  return !type || !type.getLayout().isIdentity();
}

struct SymStridedCopiesToLoopsPass
    : public symc::impl::SymStridedCopiesToLoopsBase<SymStridedCopiesToLoopsPass> {
  using Base::Base;
  void runOnOperation() override {
    SmallVector<memref::CopyOp> copies;
    getOperation().walk([&](memref::CopyOp op) {
      if (contiguous || needsRuntimeCopy(op.getSource()) ||
          needsRuntimeCopy(op.getTarget()))
        copies.push_back(op);
    });
    for (memref::CopyOp op : copies) {
      OpBuilder b(op);
      linalg::CopyOp::create(b, op.getLoc(), op.getSource(), op.getTarget());
      op.erase();
    }
  }
};
} // namespace
