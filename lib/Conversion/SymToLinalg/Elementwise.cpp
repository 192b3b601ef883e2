//===- Elementwise.cpp - elemwise_*, _maximum, scalar ops, Cast -----------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

using ScalarFn = Value (*)(OpBuilder &, Location, Value, Value);

Value addF(OpBuilder &b, Location l, Value x, Value y) {
  return arith::AddFOp::create(b, l, x, y);
}
Value subF(OpBuilder &b, Location l, Value x, Value y) {
  return arith::SubFOp::create(b, l, x, y);
}
Value mulF(OpBuilder &b, Location l, Value x, Value y) {
  return arith::MulFOp::create(b, l, x, y);
}
Value divF(OpBuilder &b, Location l, Value x, Value y) {
  return arith::DivFOp::create(b, l, x, y);
}
/// mshadow_op::maximum: a > b ? a : b.
Value maxF(OpBuilder &b, Location l, Value x, Value y) {
  Value gt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OGT, x, y);
  return arith::SelectOp::create(b, l, gt, x, y);
}
/// mshadow_op::minimum: a < b ? a : b.
Value minF(OpBuilder &b, Location l, Value x, Value y) {
  Value lt = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x, y);
  return arith::SelectOp::create(b, l, lt, x, y);
}

/// A same-shape binary op computing `fn(lhs, rhs)`.
template <typename OpTy, ScalarFn fn>
struct BinaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type,
        {fullOperand(adaptor.getLhs()), fullOperand(adaptor.getRhs())},
        [](OpBuilder &b, Location loc, ValueRange args) {
          return fn(b, loc, args[0], args[1]);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

/// An op with a scalar operand: `fn(data, scalar)`, or `fn(scalar, data)`
/// for the reversed (_r*) forms.
template <typename OpTy, ScalarFn fn, bool reversed = false>
struct ScalarLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    double scalar = op.getScalar().convertToDouble();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location loc, ValueRange args) {
          Value s = buildFloat(b, loc, type->getElementType(), scalar);
          return reversed ? fn(b, loc, s, args[0]) : fn(b, loc, args[0], s);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct CastLowering : OpConversionPattern<CastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto inType = dyn_cast<RankedTensorType>(adaptor.getData().getType());
    auto outType = dyn_cast<RankedTensorType>(op.getOutput().getType());
    if (!inType || !outType || !inType.hasStaticShape())
      return rewriter.notifyMatchFailure(op, "needs a static shape");
    auto isSupported = [](Type t) {
      return isa<FloatType>(t) || t.isSignlessInteger();
    };
    if (!isSupported(inType.getElementType()) ||
        !isSupported(outType.getElementType()))
      return rewriter.notifyMatchFailure(op, "unsigned dtypes are not lowered yet");
    Type target = outType.getElementType();
    Value out = buildElementwise(
        rewriter, op.getLoc(), outType, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location loc, ValueRange args) {
          return convertScalarToDtype(b, loc, args[0], target,
                                      /*isUnsignedCast=*/false);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

} // namespace

void symc::populateElementwisePatterns(RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<BinaryLowering<ElemwiseAddOp, addF>,
               BinaryLowering<ElemwiseSubOp, subF>,
               BinaryLowering<ElemwiseMulOp, mulF>,
               BinaryLowering<ElemwiseDivOp, divF>,
               BinaryLowering<MaximumOp, maxF>, BinaryLowering<MinimumOp, minF>>(
      ctx);
  patterns.add<ScalarLowering<PlusScalarOp, addF>,
               ScalarLowering<MinusScalarOp, subF>,
               ScalarLowering<RMinusScalarOp, subF, /*reversed=*/true>,
               ScalarLowering<MulScalarOp, mulF>,
               ScalarLowering<DivScalarOp, divF>,
               ScalarLowering<RDivScalarOp, divF, /*reversed=*/true>,
               ScalarLowering<MaximumScalarOp, maxF>,
               ScalarLowering<MinimumScalarOp, minF>>(ctx);
  patterns.add<CastLowering>(ctx);
}
