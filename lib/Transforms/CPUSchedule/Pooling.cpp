//===- Pooling.cpp - channel-last pooling ----------------------------------===//
//
// linalg's pooling ops iterate (n, c, oh, ow, kh, kw): lowered as they are,
// the innermost loop is a 1-3 element window row, which LLVM cannot
// vectorize. Static NCHW poolings become generics over NHWC tensors,
// (n, oh, ow, kh, kw, c) with the channels innermost: unit-stride and
// vectorizable at any stride, between transposes that symc-sink-transposes
// cancels against those of the neighbouring convolutions. (Over NCHW,
// ResNet-18's 3x3/2 max pooling took 1.5 ms on one core, 0.9 ms with its
// columns split into stride phases, against MXNet's 0.17.) The max is
// MXNet's `if (in > max) max = in`, a select that x86's maxps computes;
// with maximumf (NaN-propagating) LLVM judged no vectorization worth it.
// Dynamic poolings keep the named op, interchanged.
//
//===----------------------------------------------------------------------===//

#include "Schedules.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"

using namespace mlir;

namespace symc::cpu {
namespace {

/// MXNet's pooling step: `if (in > acc) acc = in` for max (NaN inputs
/// skipped), a select that x86's maxps computes in one instruction (with
/// the named op's NaN-propagating maximumf, LLVM judged no vectorization
/// worth it); acc + in for sum.
Value combine(OpBuilder &b, Location loc, Value acc, Value in, bool isMax) {
  if (!isMax)
    return arith::AddFOp::create(b, loc, acc, in);
  Value greater = arith::CmpFOp::create(b, loc, arith::CmpFPredicate::OGT, in, acc);
  return arith::SelectOp::create(b, loc, greater, in, acc);
}

/// Windows up to this many elements are unrolled into an elementwise
/// generic, one operand per window position.
constexpr int64_t kMaxUnrolledWindow = 16;

/// The geometry of a 2-D pooling.
struct Window {
  int64_t kh, kw, strideH, strideW, dilationH, dilationW;
};

/// Channel-last pooling as an elementwise generic over (n, oh, ow, c) of
/// one strided view of the input per window position, combining the values
/// from `start` in window order, as MXNet's loop does: no reduction loops,
/// so the channel loop is innermost and each output is written once.
/// (Views rather than offset maps: linalg takes loop ranges from the first
/// operand, which must then be exactly the output's size.)
Value poolUnrolled(OpBuilder &b, Location loc, Value input, RankedTensorType outType,
                   const Window &w, Value start, bool isMax) {
  ArrayRef<int64_t> shape = outType.getShape();
  SmallVector<Value> inputs;
  for (int64_t i = 0; i < w.kh; ++i)
    for (int64_t j = 0; j < w.kw; ++j)
      inputs.push_back(tensor::ExtractSliceOp::create(
          b, loc, outType, input, ValueRange{}, ValueRange{}, ValueRange{},
          b.getDenseI64ArrayAttr({0, i * w.dilationH, j * w.dilationW, 0}),
          b.getDenseI64ArrayAttr(shape),
          b.getDenseI64ArrayAttr({1, w.strideH, w.strideW, 1})));
  SmallVector<AffineMap> maps(inputs.size() + 1,
                              AffineMap::getMultiDimIdentityMap(4, b.getContext()));
  Value init = tensor::EmptyOp::create(b, loc, shape, outType.getElementType());
  SmallVector<utils::IteratorType> parallel(4, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{outType}, inputs, ValueRange{init}, maps, parallel,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               Value acc = start;
               for (Value in : args.drop_back())
                 acc = combine(nb, nloc, acc, in, isMax);
               linalg::YieldOp::create(nb, nloc, acc);
             })
      .getResult(0);
}

/// Channel-last pooling over (n, oh, ow, kh, kw, c), for large windows.
Value poolReduction(OpBuilder &b, Location loc, Value input, Value window, Value init,
                    const Window &w, bool isMax) {
  MLIRContext *ctx = b.getContext();
  auto d = [&](unsigned i) { return getAffineDimExpr(i, ctx); };
  AffineMap read = AffineMap::get(6, 0,
                                  {d(0), d(1) * w.strideH + d(3) * w.dilationH,
                                   d(2) * w.strideW + d(4) * w.dilationW, d(5)},
                                  ctx);
  AffineMap windowMap = AffineMap::get(6, 0, {d(3), d(4)}, ctx);
  AffineMap write = AffineMap::get(6, 0, {d(0), d(1), d(2), d(5)}, ctx);
  using utils::IteratorType;
  SmallVector<IteratorType> iterators = {IteratorType::parallel,  IteratorType::parallel,
                                         IteratorType::parallel,  IteratorType::reduction,
                                         IteratorType::reduction, IteratorType::parallel};
  return linalg::GenericOp::create(
             b, loc, TypeRange{init.getType()}, ValueRange{input, window}, ValueRange{init},
             ArrayRef<AffineMap>{read, windowMap, write}, iterators,
             [&](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc, combine(nb, nloc, args[2], args[0], isMax));
             })
      .getResult(0);
}

/// The pooling `op` (NCHW) computed over the NHWC transposes of its input
/// and output; returns the NCHW result.
Value poolChannelLast(OpBuilder &b, linalg::LinalgOp op, Window w, bool isMax) {
  Location loc = op.getLoc();
  Value input = createTranspose(b, loc, op.getDpsInputs()[0], {0, 2, 3, 1});
  auto outType = cast<RankedTensorType>(op->getResult(0).getType());
  auto channelLastType = RankedTensorType::get(
      applyPermutation(outType.getShape(), {0, 2, 3, 1}), outType.getElementType());
  auto fill = op.getDpsInits()[0].getDefiningOp<linalg::FillOp>();
  Value pooled;
  if (fill && w.kh * w.kw <= kMaxUnrolledWindow) {
    pooled = poolUnrolled(b, loc, input, channelLastType, w, fill.value(), isMax);
  } else {
    Value init;
    if (fill)
      init = linalg::FillOp::create(b, loc, fill.value(),
                                    ValueRange{tensor::EmptyOp::create(
                                        b, loc, channelLastType.getShape(),
                                        channelLastType.getElementType())})
                 .getResult(0);
    else
      init = createTranspose(b, loc, op.getDpsInits()[0], {0, 2, 3, 1});
    pooled = poolReduction(b, loc, input, op.getDpsInputs()[1], init, w, isMax);
  }
  return createTranspose(b, loc, pooled, {0, 3, 1, 2});
}

/// Rewrites the static NCHW poolings as channel-last generics.
void rewriteStaticPooling(ModuleOp module) {
  SmallVector<linalg::LinalgOp> poolings;
  module.walk([&](Operation *op) {
    auto pooling = dyn_cast<linalg::LinalgOp>(op);
    if (!pooling || !isa<linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp>(op) ||
        !pooling.hasPureTensorSemantics() ||
        !llvm::all_of(op->getOperandTypes(), [](Type type) {
          auto ranked = dyn_cast<RankedTensorType>(type);
          return ranked && ranked.hasStaticShape();
        }))
      return;
    poolings.push_back(pooling);
  });
  for (linalg::LinalgOp op : poolings) {
    OpBuilder b(op);
    auto strides = llvm::to_vector(
        op->getAttrOfType<DenseIntElementsAttr>("strides").getValues<int64_t>());
    auto dilations = llvm::to_vector(
        op->getAttrOfType<DenseIntElementsAttr>("dilations").getValues<int64_t>());
    auto window = cast<RankedTensorType>(op.getDpsInputs()[1].getType());
    Window w{window.getDimSize(0), window.getDimSize(1), strides[0], strides[1],
             dilations[0], dilations[1]};
    Value pooled = poolChannelLast(b, op, w, isa<linalg::PoolingNchwMaxOp>(op));
    op->replaceAllUsesWith(ValueRange{pooled});
    op->erase();
  }
}

} // namespace

std::string schedulePooling(ModuleOp module) {
  rewriteStaticPooling(module);
  bool any = false;
  module.walk([&](Operation *op) {
    if (isa<linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp>(op) &&
        cast<linalg::LinalgOp>(op).hasPureTensorSemantics())
      any = true;
  });
  if (!any)
    return "";
  return R"(
    %pool = transform.structured.match
        ops{["linalg.pooling_nchw_max", "linalg.pooling_nchw_sum"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %poolg = transform.structured.generalize %pool
        : (!transform.any_op) -> !transform.any_op
    %pooli = transform.structured.interchange %poolg
        iterator_interchange = [0, 1, 2, 4, 5, 3]
        : (!transform.any_op) -> !transform.any_op
)";
}

} // namespace symc::cpu
