//===- ReadThroughInserts.cpp - symc-read-through-inserts -----------------===//
//
// Reads of a computed tensor that come after its insertion into a larger
// tensor read the inserted slice instead, so that bufferization can compute
// the tensor in place in the larger tensor's buffer.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Dominance.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/LoopLikeInterface.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMREADTHROUGHINSERTS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Whether `value` is computed into a destination (a linalg op's or a
/// loop's result), which bufferization can place in the slice of the
/// tensor it is inserted into.
bool isComputedIntoDestination(Value value) {
  Operation *producer = value.getDefiningOp();
  return producer &&
         (isa<DestinationStyleOpInterface>(producer) || isa<LoopLikeOpInterface>(producer));
}

struct SymReadThroughInsertsPass
    : symc::impl::SymReadThroughInsertsBase<SymReadThroughInsertsPass> {
  void runOnOperation() override {
    DominanceInfo dominance(getOperation());
    SmallVector<tensor::InsertSliceOp> inserts;
    getOperation().walk([&](tensor::InsertSliceOp insert) {
      if (isComputedIntoDestination(insert.getSource()))
        inserts.push_back(insert);
    });
    for (tensor::InsertSliceOp insert : inserts) {
      Value source = insert.getSource();
      SmallVector<OpOperand *> laterReads;
      for (OpOperand &use : source.getUses())
        if (use.getOwner() != insert && dominance.properlyDominates(insert.getOperation(), use.getOwner()))
          laterReads.push_back(&use);
      if (laterReads.empty())
        continue;
      // The slice the source was inserted as; canonicalization would fold
      // it back to the source, so this runs after the last canonicalizer.
      OpBuilder b(insert->getContext());
      b.setInsertionPointAfter(insert);
      Value inserted = tensor::ExtractSliceOp::create(
          b, insert.getLoc(), insert.getSourceType(), insert.getResult(),
          insert.getMixedOffsets(), insert.getMixedSizes(), insert.getMixedStrides());
      for (OpOperand *use : laterReads)
        use->set(inserted);
    }
  }
};

} // namespace
