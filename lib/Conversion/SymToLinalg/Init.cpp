//===- Init.cpp - _zeros, _ones, _full, _arange, shape_array, size_array --===//
//
// Ops whose values do not depend on their input's values: fills, ranges and
// shape constants.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Linalg/Utils/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// shape_array / size_array: constants of the static input shape.
template <typename OpTy>
struct ShapeInfoLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    SmallVector<int64_t> values(in->getShape());
    if constexpr (std::is_same_v<OpTy, SizeArrayOp>)
      values = {in->getNumElements()};
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, DenseElementsAttr::get(*out, ArrayRef<int64_t>(values)));
    return success();
  }
};

/// _zeros / _ones / _full.
template <typename OpTy>
struct FillLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    double value = 0.0;
    if constexpr (std::is_same_v<OpTy, OnesOp>)
      value = 1.0;
    if constexpr (std::is_same_v<OpTy, FullOp>)
      value = op.getValue().convertToDouble();
    rewriter.replaceOp(op, buildFilled(rewriter, op.getLoc(), *out, value));
    return success();
  }
};

/// _arange: element i is start + (i / repeat) * step.
struct ArangeLowering : OpConversionPattern<ArangeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ArangeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    double start = op.getStop() ? op.getStart().convertToDouble() : 0.0;
    double step = op.getStep().convertToDouble();
    int64_t repeat = op.getRepeat();
    Type elt = out->getElementType();
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          Value i = linalg::IndexOp::create(b, l, 0);
          Value r = arith::ConstantIndexOp::create(b, l, repeat);
          Value k = arith::DivUIOp::create(b, l, i, r);
          Value kInt = arith::IndexCastOp::create(b, l, b.getI64Type(), k);
          Value kFloat = arith::SIToFPOp::create(b, l, elt, kInt);
          return arith::AddFOp::create(
              b, l, buildFloat(b, l, elt, start),
              arith::MulFOp::create(b, l, kFloat, buildFloat(b, l, elt, step)));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// _linspace: start + step * i in double (init_op.h linspace_fwd), the last
/// value exactly `stop` with endpoint.
struct LinspaceLowering : OpConversionPattern<LinspaceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LinspaceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    double start = op.getStart().convertToDouble();
    double stop = op.getStop().convertToDouble();
    int64_t num = op.getNum();
    int64_t intervals = op.getEndpoint() ? num - 1 : num;
    double step = intervals > 0 ? (stop - start) / double(intervals) : 0.0;
    Type elt = out->getElementType();
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          Value i = linalg::IndexOp::create(b, l, 0);
          Value iFloat = arith::SIToFPOp::create(
              b, l, b.getF64Type(),
              arith::IndexCastOp::create(b, l, b.getI64Type(), i));
          Value value = arith::AddFOp::create(
              b, l, buildFloat(b, l, b.getF64Type(), start),
              arith::MulFOp::create(b, l, buildFloat(b, l, b.getF64Type(), step),
                                    iFloat));
          if (op.getEndpoint()) {
            Value isLast = arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::eq, i,
                arith::ConstantIndexOp::create(b, l, num - 1));
            value = arith::SelectOp::create(
                b, l, isLast, buildFloat(b, l, b.getF64Type(), stop), value);
          }
          return convertScalarToDtype(b, l, value, elt, /*isUnsignedCast=*/false);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// _eye: 1 where column - row == k.
struct EyeLowering : OpConversionPattern<EyeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(EyeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    Type elt = out->getElementType();
    int64_t k = op.getK();
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          Value offset = arith::SubIOp::create(b, l, linalg::IndexOp::create(b, l, 1),
                                               linalg::IndexOp::create(b, l, 0));
          Value onDiagonal = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::eq, offset,
              arith::ConstantIndexOp::create(b, l, k));
          return arith::SelectOp::create(b, l, onDiagonal, buildFloat(b, l, elt, 1.0),
                                         buildFloat(b, l, elt, 0.0));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void symc::populateInitPatterns(RewritePatternSet &patterns) {
  patterns.add<FillLowering<ZerosOp>, FillLowering<OnesOp>, FillLowering<FullOp>,
               ArangeLowering, LinspaceLowering, EyeLowering, ShapeInfoLowering<ShapeArrayOp>,
               ShapeInfoLowering<SizeArrayOp>>(patterns.getContext());
}
