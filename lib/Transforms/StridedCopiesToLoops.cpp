//===- StridedCopiesToLoops.cpp - symc-strided-copies-to-loops ------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
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

/// Elements per vector of a row copy: 64 bytes of f32, which LLVM splits
/// for hosts with narrower vectors.
constexpr int64_t kRowVector = 16;

/// Whether `type` has a static shape, an int or float element and unit
/// innermost stride: its rows can be read as vectors.
bool hasContiguousRows(MemRefType type) {
  if (!type.hasStaticShape() || type.getRank() == 0 || !type.getElementType().isIntOrFloat())
    return false;
  SmallVector<int64_t> strides;
  int64_t offset;
  return succeeded(type.getStridesAndOffset(strides, offset)) && strides.back() == 1;
}

/// The copy `op` as loops over its rows, each row copied in vectors of
/// kRowVector elements and one vector of the remainder.
void copyRowsInVectors(memref::CopyOp op) {
  OpBuilder b(op);
  Location loc = op.getLoc();
  auto type = cast<MemRefType>(op.getSource().getType());
  ArrayRef<int64_t> shape = type.getShape();
  int64_t row = shape.back();
  Value zero = arith::ConstantIndexOp::create(b, loc, 0);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  // Copies `width` elements from column `column` of the row at `indices`.
  auto copyVector = [&](OpBuilder &nb, SmallVector<Value> indices, Value column, int64_t width) {
    indices.push_back(column);
    auto vectorType = VectorType::get({width}, type.getElementType());
    Value padding = arith::ConstantOp::create(nb, loc, nb.getZeroAttr(type.getElementType()));
    Value vector = vector::TransferReadOp::create(nb, loc, vectorType, op.getSource(), indices,
                                                  padding, ArrayRef<bool>{true});
    vector::TransferWriteOp::create(nb, loc, vector, op.getTarget(), indices,
                                    ArrayRef<bool>{true});
  };
  std::function<void(OpBuilder &, SmallVector<Value>)> nest = [&](OpBuilder &nb,
                                                                  SmallVector<Value> indices) {
    if (indices.size() + 1 < shape.size()) {
      Value upper = arith::ConstantIndexOp::create(nb, loc, shape[indices.size()]);
      scf::ForOp::create(nb, loc, zero, upper, one, ValueRange{},
                         [&](OpBuilder &lb, Location, Value index, ValueRange) {
                           SmallVector<Value> inner(indices);
                           inner.push_back(index);
                           nest(lb, inner);
                           scf::YieldOp::create(lb, loc);
                         });
      return;
    }
    int64_t whole = row / kRowVector * kRowVector;
    if (whole > 0) {
      Value step = arith::ConstantIndexOp::create(nb, loc, kRowVector);
      Value upper = arith::ConstantIndexOp::create(nb, loc, whole);
      scf::ForOp::create(nb, loc, zero, upper, step, ValueRange{},
                         [&](OpBuilder &lb, Location, Value column, ValueRange) {
                           copyVector(lb, indices, column, kRowVector);
                           scf::YieldOp::create(lb, loc);
                         });
    }
    if (row > whole)
      copyVector(nb, indices, arith::ConstantIndexOp::create(nb, loc, whole), row - whole);
  };
  nest(b, {});
  op.erase();
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
      auto source = cast<MemRefType>(op.getSource().getType());
      auto target = cast<MemRefType>(op.getTarget().getType());
      if (vectorRows && hasContiguousRows(source) && hasContiguousRows(target)) {
        copyRowsInVectors(op);
        continue;
      }
      OpBuilder b(op);
      linalg::CopyOp::create(b, op.getLoc(), op.getSource(), op.getTarget());
      op.erase();
    }
  }
};
} // namespace
