//===- Reduce.cpp - reductions, arg-reductions, norm, dot, batch_dot ------===//
//
// Reductions are one linalg.generic over the reduced axes; dot and
// batch_dot become linalg.matmul / linalg.batch_matmul on reshaped (and,
// for transpose_a/b, transposed) operands.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Utils/IndexingUtils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

using CombineFn = Value (*)(OpBuilder &, Location, Value element, Value acc);

Value addCombine(OpBuilder &b, Location l, Value x, Value acc) {
  return arith::AddFOp::create(b, l, x, acc);
}
Value mulCombine(OpBuilder &b, Location l, Value x, Value acc) {
  return arith::MulFOp::create(b, l, x, acc);
}
Value maxCombine(OpBuilder &b, Location l, Value x, Value acc) {
  Value gt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x, acc);
  return arith::SelectOp::create(b, l, gt, x, acc);
}
Value minCombine(OpBuilder &b, Location l, Value x, Value acc) {
  Value lt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x, acc);
  return arith::SelectOp::create(b, l, lt, x, acc);
}
/// NaN elements leave the accumulator unchanged (nansum / nanprod).
template <CombineFn fn>
Value skipNaN(OpBuilder &b, Location l, Value x, Value acc) {
  Value isNaN = arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNO, x, x);
  return arith::SelectOp::create(b, l, isNaN, acc, fn(b, l, x, acc));
}

constexpr double kInf = std::numeric_limits<double>::infinity();

/// A reduce op: `fn` from `init`, divided by the count for mean.
template <typename OpTy, CombineFn fn, int initKind, bool isMean = false>
struct ReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    std::optional<SmallVector<int64_t>> axes = op.getReducedAxes(in->getRank());
    if (!axes)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    double init = initKind == 0 ? 0.0 : initKind == 1 ? 1.0
                                      : initKind == 2 ? -kInf : kInf;
    Location loc = op.getLoc();
    Value reduced =
        isMean ? buildMean(rewriter, loc, adaptor.getData(), *axes)
               : buildReduction(rewriter, loc, adaptor.getData(), *axes, init,
                                [](OpBuilder &b, Location l, ValueRange args) {
                                  return fn(b, l, args[0], args[1]);
                                });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, reduced, out->getShape()));
    return success();
  }
};

/// norm: sqrt(sum(x^2)) for ord 2, sum(|x|) for ord 1.
struct NormLowering : OpConversionPattern<NormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(NormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    std::optional<SmallVector<int64_t>> axes = op.getReducedAxes(in->getRank());
    if (!axes)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    bool l2 = op.getOrd() == 2;
    Location loc = op.getLoc();
    Value sum = buildReduction(
        rewriter, loc, adaptor.getData(), *axes, 0.0,
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value term = l2 ? Value(arith::MulFOp::create(b, l, args[0], args[0]))
                          : Value(math::AbsFOp::create(b, l, args[0]));
          return arith::AddFOp::create(b, l, term, args[1]);
        });
    if (l2)
      sum = buildElementwise(
          rewriter, loc, cast<RankedTensorType>(sum.getType()), {fullOperand(sum)},
          [](OpBuilder &b, Location l, ValueRange args) -> Value {
            return math::SqrtOp::create(b, l, args[0]);
          });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, sum, out->getShape()));
    return success();
  }
};

/// Reverses the axes of `value` (MXNet's transpose_a / transpose_b).
Value reverseAxes(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  SmallVector<int64_t> perm, shape;
  for (int64_t i = type.getRank() - 1; i >= 0; --i) {
    perm.push_back(i);
    shape.push_back(type.getDimSize(i));
  }
  auto outType = RankedTensorType::get(shape, type.getElementType());
  return linalg::TransposeOp::create(b, loc, value, buildEmpty(b, loc, outType),
                                     perm)
      .getResult()[0];
}

struct DotLowering : OpConversionPattern<DotOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> lhsType =
        getStaticFloatType(rewriter, op, adaptor.getLhs());
    FailureOr<RankedTensorType> rhsType =
        getStaticFloatType(rewriter, op, adaptor.getRhs());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(lhsType) || failed(rhsType) || failed(outType))
      return failure();
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (op.getTransposeA())
      lhs = reverseAxes(rewriter, loc, lhs);
    if (op.getTransposeB())
      rhs = reverseAxes(rewriter, loc, rhs);
    auto lt = cast<RankedTensorType>(lhs.getType());
    auto rt = cast<RankedTensorType>(rhs.getType());
    int64_t k = lt.getShape().back();
    int64_t m = lt.getNumElements() / std::max<int64_t>(k, 1);
    int64_t n = rt.getNumElements() / std::max<int64_t>(k, 1);
    if (k == 0)
      return rewriter.notifyMatchFailure(op, "empty contraction");
    Type elt = outType->getElementType();
    auto accType = RankedTensorType::get({m, n}, elt);
    Value product =
        linalg::MatmulOp::create(
            rewriter, loc, TypeRange{accType},
            ValueRange{buildReshape(rewriter, loc, lhs, {m, k}),
                       buildReshape(rewriter, loc, rhs, {k, n})},
            ValueRange{buildFilled(rewriter, loc, accType, 0.0)})
            .getResult(0);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, product, outType->getShape()));
    return success();
  }
};

/// Swaps the last two axes of a rank-3 tensor.
Value swapLastAxes(OpBuilder &b, Location loc, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
  std::swap(perm[rank - 1], perm[rank - 2]);
  SmallVector<int64_t> shape(type.getShape());
  std::swap(shape[rank - 1], shape[rank - 2]);
  auto outType = RankedTensorType::get(shape, type.getElementType());
  return linalg::TransposeOp::create(b, loc, value, buildEmpty(b, loc, outType),
                                     perm)
      .getResult()[0];
}

struct BatchDotLowering : OpConversionPattern<BatchDotOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BatchDotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(outType) || failed(getStaticType(rewriter, op, adaptor.getLhs())) ||
        failed(getStaticType(rewriter, op, adaptor.getRhs())))
      return failure();
    Location loc = op.getLoc();
    Value lhs = adaptor.getLhs(), rhs = adaptor.getRhs();
    if (op.getTransposeA())
      lhs = swapLastAxes(rewriter, loc, lhs);
    if (op.getTransposeB())
      rhs = swapLastAxes(rewriter, loc, rhs);
    // The batch axes collapse into one for linalg.batch_matmul.
    auto asBatched = [&](Value v) {
      ArrayRef<int64_t> shape = cast<RankedTensorType>(v.getType()).getShape();
      return buildReshape(rewriter, loc, v,
                          {computeProduct(shape.drop_back(2)),
                           shape[shape.size() - 2], shape.back()});
    };
    lhs = asBatched(lhs);
    rhs = asBatched(rhs);
    ArrayRef<int64_t> outShape = outType->getShape();
    auto accType = RankedTensorType::get(
        {cast<RankedTensorType>(lhs.getType()).getDimSize(0),
         outShape[outShape.size() - 2], outShape.back()},
        outType->getElementType());
    Value result = linalg::BatchMatmulOp::create(
                       rewriter, loc, TypeRange{accType}, ValueRange{lhs, rhs},
                       ValueRange{buildFilled(rewriter, loc, accType, 0.0)})
                       .getResult(0);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, result, outShape));
    return success();
  }
};

/// argmax / argmin: one generic carrying (best value, its index); a strict
/// comparison keeps the first of equal values.
template <typename OpTy, bool isMax>
struct ArgReduceLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    int64_t axis = 0;
    if (op.getAxis()) {
      std::optional<int64_t> a = normalizeAxis(*op.getAxis(), in->getRank());
      if (!a)
        return rewriter.notifyMatchFailure(op, "axis out of range");
      axis = *a;
    } else {
      data = buildReshape(rewriter, loc, data, {in->getNumElements()});
    }
    auto dataType = cast<RankedTensorType>(data.getType());
    int64_t rank = dataType.getRank();
    SmallVector<int64_t> shape;
    SmallVector<AffineExpr> outExprs;
    SmallVector<utils::IteratorType> iterators;
    for (int64_t i = 0; i < rank; ++i) {
      iterators.push_back(i == axis ? utils::IteratorType::reduction
                                    : utils::IteratorType::parallel);
      if (i != axis) {
        shape.push_back(dataType.getDimSize(i));
        outExprs.push_back(rewriter.getAffineDimExpr(i));
      }
    }
    Type elt = dataType.getElementType();
    auto accType = RankedTensorType::get(shape, elt);
    AffineMap outMap = AffineMap::get(rank, 0, outExprs, rewriter.getContext());
    SmallVector<AffineMap> maps = {rewriter.getMultiDimIdentityMap(rank), outMap,
                                   outMap};
    Value values = buildFilled(rewriter, loc, accType, isMax ? -kInf : kInf);
    Value indices = buildFilled(rewriter, loc, accType, 0.0);
    auto generic = linalg::GenericOp::create(
        rewriter, loc, TypeRange{accType, accType}, ValueRange{data},
        ValueRange{values, indices}, maps, iterators,
        [&](OpBuilder &b, Location l, ValueRange args) {
          Value x = args[0], best = args[1], bestIndex = args[2];
          Value better = arith::CmpFOp::create(
              b, l, isMax ? arith::CmpFPredicate::OGT : arith::CmpFPredicate::OLT,
              x, best);
          Value i = arith::IndexCastOp::create(
              b, l, b.getI64Type(), linalg::IndexOp::create(b, l, axis));
          Value index = arith::SIToFPOp::create(b, l, elt, i);
          linalg::YieldOp::create(
              b, l,
              ValueRange{arith::SelectOp::create(b, l, better, x, best),
                         arith::SelectOp::create(b, l, better, index, bestIndex)});
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, generic.getResult(1),
                                        out->getShape()));
    return success();
  }
};

} // namespace

void symc::populateReducePatterns(RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<ReduceLowering<SumOp, addCombine, 0>,
               ReduceLowering<MeanOp, addCombine, 0, /*isMean=*/true>,
               ReduceLowering<ProdOp, mulCombine, 1>,
               ReduceLowering<MaxOp, maxCombine, 2>,
               ReduceLowering<MinOp, minCombine, 3>,
               ReduceLowering<NansumOp, skipNaN<addCombine>, 0>,
               ReduceLowering<NanprodOp, skipNaN<mulCombine>, 1>>(ctx);
  patterns.add<DotLowering, BatchDotLowering, ArgReduceLowering<ArgmaxOp, true>,
               ArgReduceLowering<ArgminOp, false>,
               ArgReduceLowering<ArgmaxChannelOp, true>, NormLowering>(ctx);
}
