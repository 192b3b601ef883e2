//===- DuplicateSharedFills.cpp - symc-duplicate-shared-fills -------------===//
//
// A fill of an empty tensor used several times becomes one fill per use, so
// that bufferization gives each writer a filled buffer of its own instead
// of copying one shared filled buffer.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMDUPLICATESHAREDFILLS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Whether `use` is where a computation starts writing from: the init of a
/// linalg op or of a loop (a tiled op's accumulator). Other uses, such as
/// the slices that a padding's producer writes into and inserts back, must
/// keep sharing the one buffer.
bool isWriteStart(OpOperand &use) {
  Operation *owner = use.getOwner();
  if (auto linalgOp = dyn_cast<linalg::LinalgOp>(owner))
    return linalgOp.isDpsInit(&use);
  if (auto loop = dyn_cast<LoopLikeOpInterface>(owner))
    return llvm::is_contained(loop.getInitsMutable(), use);
  return false;
}

struct SymDuplicateSharedFillsPass
    : symc::impl::SymDuplicateSharedFillsBase<SymDuplicateSharedFillsPass> {
  void runOnOperation() override {
    SmallVector<linalg::FillOp> shared;
    getOperation().walk([&](linalg::FillOp fill) {
      if (fill.hasPureTensorSemantics() && !fill->getResult(0).hasOneUse() &&
          fill.getOutputs()[0].getDefiningOp<tensor::EmptyOp>())
        shared.push_back(fill);
    });
    for (linalg::FillOp fill : shared) {
      Operation *empty = fill.getOutputs()[0].getDefiningOp();
      // Each use that starts writing gets a copy of the fill (and of its
      // empty tensor) just before the op of the fill's block that holds
      // the user: filled when needed, while in cache, and not at every
      // iteration of a loop that the user is in.
      SmallVector<OpOperand *> writes;
      for (OpOperand &use : fill->getResult(0).getUses())
        if (isWriteStart(use))
          writes.push_back(&use);
      for (OpOperand *use : writes) {
        OpBuilder b(fill->getBlock()->findAncestorOpInBlock(*use->getOwner()));
        IRMapping mapping;
        b.clone(*empty, mapping);
        use->set(b.clone(*fill, mapping)->getResult(0));
      }
      if (fill->use_empty())
        fill->erase();
      if (empty->use_empty())
        empty->erase();
    }
  }
};

} // namespace
