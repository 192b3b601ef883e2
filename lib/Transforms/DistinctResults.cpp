//===- DistinctResults.cpp - symc-distinct-results ------------------------===//
//
// One buffer per function result: repeated or argument results are copied
// into fresh allocations before they become out-params.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMDISTINCTRESULTS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// A copy of `source` in a new buffer of the same shape (dynamic sizes read
/// from the source).
Value copyToFreshBuffer(OpBuilder &b, Location loc, Value source) {
  auto type = cast<MemRefType>(source.getType());
  SmallVector<Value> dynamicSizes;
  for (int64_t i = 0; i < type.getRank(); ++i)
    if (type.isDynamicDim(i))
      dynamicSizes.push_back(memref::DimOp::create(b, loc, source, i));
  auto identity = MemRefType::get(type.getShape(), type.getElementType());
  Value buffer = memref::AllocOp::create(b, loc, identity, dynamicSizes);
  memref::CopyOp::create(b, loc, source, buffer);
  return buffer;
}

struct SymDistinctResultsPass
    : symc::impl::SymDistinctResultsBase<SymDistinctResultsPass> {
  void runOnOperation() override {
    getOperation().walk([](func::ReturnOp ret) {
      DenseSet<Value> returned;
      OpBuilder b(ret);
      for (OpOperand &operand : ret->getOpOperands()) {
        Value v = operand.get();
        if (!isa<MemRefType>(v.getType()))
          continue;
        bool firstUse = returned.insert(v).second;
        if (firstUse && !isa<BlockArgument>(v))
          continue;
        operand.set(copyToFreshBuffer(b, ret.getLoc(), v));
      }
    });
  }
};

} // namespace
