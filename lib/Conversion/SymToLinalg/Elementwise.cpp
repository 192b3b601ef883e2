//===- Elementwise.cpp - binary, broadcast and scalar ops, Cast -----------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Arith/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"

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

/// mshadow_op::mod: the remainder takes the divisor's sign; 0 when b == 0.
Value modF(OpBuilder &b, Location l, Value x, Value y) {
  Value zero = buildFloat(b, l, x.getType(), 0.0);
  Value rem = arith::RemFOp::create(b, l, x, y);
  Value remNeg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, rem, zero);
  Value divNeg = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, y, zero);
  Value nonZero = arith::CmpFOp::create(b, l, arith::CmpFPredicate::ONE, rem, zero);
  Value signsDiffer = arith::XOrIOp::create(b, l, remNeg, divNeg);
  Value adjust = arith::AndIOp::create(b, l, nonZero, signsDiffer);
  Value result = arith::SelectOp::create(
      b, l, adjust, arith::AddFOp::create(b, l, rem, y), rem);
  Value divZero = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OEQ, y, zero);
  return arith::SelectOp::create(b, l, divZero, zero, result);
}
Value powF(OpBuilder &b, Location l, Value x, Value y) {
  return math::PowFOp::create(b, l, x, y);
}
Value hypotF(OpBuilder &b, Location l, Value x, Value y) {
  Value sum = arith::AddFOp::create(b, l, arith::MulFOp::create(b, l, x, x),
                                    arith::MulFOp::create(b, l, y, y));
  return math::SqrtOp::create(b, l, sum);
}

/// 1 or 0 in the operands' dtype.
Value boolToFloat(OpBuilder &b, Location l, Value cond, Type type) {
  return arith::SelectOp::create(b, l, cond, buildFloat(b, l, type, 1.0),
                                 buildFloat(b, l, type, 0.0));
}
template <arith::CmpFPredicate pred>
Value compareF(OpBuilder &b, Location l, Value x, Value y) {
  return boolToFloat(b, l, arith::CmpFOp::create(b, l, pred, x, y),
                     x.getType());
}
/// C's truth of a float: x != 0 (NaN is true).
Value truth(OpBuilder &b, Location l, Value x) {
  return arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, x,
                               buildFloat(b, l, x.getType(), 0.0));
}
template <typename LogicOp>
Value logicF(OpBuilder &b, Location l, Value x, Value y) {
  return boolToFloat(b, l, LogicOp::create(b, l, truth(b, l, x), truth(b, l, y)),
                     x.getType());
}
constexpr ScalarFn eqF = compareF<arith::CmpFPredicate::OEQ>;
constexpr ScalarFn neF = compareF<arith::CmpFPredicate::UNE>;
constexpr ScalarFn gtF = compareF<arith::CmpFPredicate::OGT>;
constexpr ScalarFn geF = compareF<arith::CmpFPredicate::OGE>;
constexpr ScalarFn ltF = compareF<arith::CmpFPredicate::OLT>;
constexpr ScalarFn leF = compareF<arith::CmpFPredicate::OLE>;
constexpr ScalarFn andF = logicF<arith::AndIOp>;
constexpr ScalarFn orF = logicF<arith::OrIOp>;
constexpr ScalarFn xorF = logicF<arith::XOrIOp>;

/// A binary op computing `fn(lhs, rhs)`: numpy broadcasting for broadcast_*,
/// which for the same-shape elemwise ops reads both operands in place.
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
        {broadcastOperand(adaptor.getLhs(), *type),
         broadcastOperand(adaptor.getRhs(), *type)},
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

/// Cast and amp_cast.
template <typename OpTy>
struct CastLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
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
  patterns.add<BinaryLowering<ElemwiseModOp, modF>,
               BinaryLowering<ElemwisePowerOp, powF>,
               BinaryLowering<ElemwiseHypotOp, hypotF>,
               BinaryLowering<ElemwiseEqualOp, eqF>,
               BinaryLowering<ElemwiseNotEqualOp, neF>,
               BinaryLowering<ElemwiseGreaterOp, gtF>,
               BinaryLowering<ElemwiseGreaterEqualOp, geF>,
               BinaryLowering<ElemwiseLesserOp, ltF>,
               BinaryLowering<ElemwiseLesserEqualOp, leF>,
               BinaryLowering<ElemwiseLogicalAndOp, andF>,
               BinaryLowering<ElemwiseLogicalOrOp, orF>,
               BinaryLowering<ElemwiseLogicalXorOp, xorF>>(ctx);
  patterns.add<BinaryLowering<BroadcastAddOp, addF>,
               BinaryLowering<BroadcastSubOp, subF>,
               BinaryLowering<BroadcastMulOp, mulF>,
               BinaryLowering<BroadcastDivOp, divF>,
               BinaryLowering<BroadcastModOp, modF>,
               BinaryLowering<BroadcastPowerOp, powF>,
               BinaryLowering<BroadcastMaximumOp, maxF>,
               BinaryLowering<BroadcastMinimumOp, minF>,
               BinaryLowering<BroadcastHypotOp, hypotF>,
               BinaryLowering<BroadcastEqualOp, eqF>,
               BinaryLowering<BroadcastNotEqualOp, neF>,
               BinaryLowering<BroadcastGreaterOp, gtF>,
               BinaryLowering<BroadcastGreaterEqualOp, geF>,
               BinaryLowering<BroadcastLesserOp, ltF>,
               BinaryLowering<BroadcastLesserEqualOp, leF>,
               BinaryLowering<BroadcastLogicalAndOp, andF>,
               BinaryLowering<BroadcastLogicalOrOp, orF>,
               BinaryLowering<BroadcastLogicalXorOp, xorF>>(ctx);
  patterns.add<ScalarLowering<PowerScalarOp, powF>,
               ScalarLowering<RPowerScalarOp, powF, /*reversed=*/true>,
               ScalarLowering<ModScalarOp, modF>,
               ScalarLowering<RModScalarOp, modF, /*reversed=*/true>,
               ScalarLowering<HypotScalarOp, hypotF>,
               ScalarLowering<EqualScalarOp, eqF>,
               ScalarLowering<NotEqualScalarOp, neF>,
               ScalarLowering<GreaterScalarOp, gtF>,
               ScalarLowering<GreaterEqualScalarOp, geF>,
               ScalarLowering<LesserScalarOp, ltF>,
               ScalarLowering<LesserEqualScalarOp, leF>,
               ScalarLowering<LogicalAndScalarOp, andF>,
               ScalarLowering<LogicalOrScalarOp, orF>,
               ScalarLowering<LogicalXorScalarOp, xorF>>(ctx);
  patterns.add<CastLowering<CastOp>, CastLowering<AmpCastOp>>(ctx);
}
