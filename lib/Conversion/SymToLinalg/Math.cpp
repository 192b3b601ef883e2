//===- Math.cpp - unary math ops (abs ... trunc, erf, sigmoid, ...) -------===//
//
// One scalar formula per op, from MXNet's mshadow_op.h, applied by one
// elementwise generic. Identity-at-inference ops (_copy, BlockGrad,
// make_loss) forward their input.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include <cmath>

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

using UnaryFn = Value (*)(OpBuilder &, Location, Value);

Value cst(OpBuilder &b, Location l, Value like, double v) {
  return buildFloat(b, l, like.getType(), v);
}
Value recip(OpBuilder &b, Location l, Value x) {
  return arith::DivFOp::create(b, l, cst(b, l, x, 1.0), x);
}
Value select(OpBuilder &b, Location l, arith::CmpFPredicate pred, Value x,
             Value y, Value ifTrue, Value ifFalse) {
  Value cond = arith::CmpFOp::create(b, l, pred, x, y);
  return arith::SelectOp::create(b, l, cond, ifTrue, ifFalse);
}
Value sigmoid(OpBuilder &b, Location l, Value x) {
  Value e = math::ExpOp::create(b, l, arith::NegFOp::create(b, l, x));
  return recip(b, l, arith::AddFOp::create(b, l, cst(b, l, x, 1.0), e));
}

#define SIMPLE(NAME, OP)                                                       \
  Value NAME(OpBuilder &b, Location l, Value x) { return OP::create(b, l, x); }
SIMPLE(absF, math::AbsFOp)
SIMPLE(ceilF, math::CeilOp)
SIMPLE(floorF, math::FloorOp)
SIMPLE(roundF, math::RoundOp)
SIMPLE(truncF, math::TruncOp)
SIMPLE(sqrtF, math::SqrtOp)
SIMPLE(rsqrtF, math::RsqrtOp)
SIMPLE(cbrtF, math::CbrtOp)
SIMPLE(expF, math::ExpOp)
SIMPLE(expm1F, math::ExpM1Op)
SIMPLE(logF, math::LogOp)
SIMPLE(log10F, math::Log10Op)
SIMPLE(log2F, math::Log2Op)
SIMPLE(log1pF, math::Log1pOp)
SIMPLE(sinF, math::SinOp)
SIMPLE(cosF, math::CosOp)
SIMPLE(tanF, math::TanOp)
SIMPLE(asinF, math::AsinOp)
SIMPLE(acosF, math::AcosOp)
SIMPLE(atanF, math::AtanOp)
SIMPLE(sinhF, math::SinhOp)
SIMPLE(coshF, math::CoshOp)
SIMPLE(tanhF, math::TanhOp)
SIMPLE(asinhF, math::AsinhOp)
SIMPLE(acoshF, math::AcoshOp)
SIMPLE(atanhF, math::AtanhOp)
SIMPLE(erfF, math::ErfOp)
SIMPLE(negF, arith::NegFOp)
#undef SIMPLE

/// mshadow_op::rint: the nearer of floor and ceil, ties to floor (so
/// -2.5 -> -3 and 2.5 -> 2, unlike IEEE round-half-even).
Value rintF(OpBuilder &b, Location l, Value x) {
  Value lo = math::FloorOp::create(b, l, x), hi = math::CeilOp::create(b, l, x);
  Value below = arith::SubFOp::create(b, l, x, lo);
  Value above = arith::SubFOp::create(b, l, hi, x);
  return select(b, l, arith::CmpFPredicate::OLE, below, above, lo, hi);
}

/// mshadow_op::sign: 1, -1, or 0.
Value signF(OpBuilder &b, Location l, Value x) {
  Value zero = cst(b, l, x, 0.0);
  Value neg = select(b, l, arith::CmpFPredicate::OLT, x, zero,
                     cst(b, l, x, -1.0), zero);
  return select(b, l, arith::CmpFPredicate::OGT, x, zero, cst(b, l, x, 1.0),
                neg);
}
Value rcbrtF(OpBuilder &b, Location l, Value x) {
  return recip(b, l, math::CbrtOp::create(b, l, x));
}
Value degreesF(OpBuilder &b, Location l, Value x) {
  return arith::MulFOp::create(b, l, x, cst(b, l, x, 180.0 / M_PI));
}
Value radiansF(OpBuilder &b, Location l, Value x) {
  return arith::MulFOp::create(b, l, x, cst(b, l, x, M_PI / 180.0));
}
Value squareF(OpBuilder &b, Location l, Value x) {
  return arith::MulFOp::create(b, l, x, x);
}
Value reluF(OpBuilder &b, Location l, Value x) {
  Value zero = cst(b, l, x, 0.0);
  return select(b, l, arith::CmpFPredicate::OGT, x, zero, x, zero);
}
Value softsignF(OpBuilder &b, Location l, Value x) {
  Value denom = arith::AddFOp::create(b, l, cst(b, l, x, 1.0),
                                      math::AbsFOp::create(b, l, x));
  return arith::DivFOp::create(b, l, x, denom);
}
Value logSigmoidF(OpBuilder &b, Location l, Value x) {
  return math::LogOp::create(b, l, sigmoid(b, l, x));
}
/// mshadow_op::mish: x * tanh(log1p(exp(x))).
Value mishF(OpBuilder &b, Location l, Value x) {
  Value softplus = math::Log1pOp::create(b, l, math::ExpOp::create(b, l, x));
  return arith::MulFOp::create(b, l, x, math::TanhOp::create(b, l, softplus));
}
Value logicalNotF(OpBuilder &b, Location l, Value x) {
  return select(b, l, arith::CmpFPredicate::OEQ, x, cst(b, l, x, 0.0),
                cst(b, l, x, 1.0), cst(b, l, x, 0.0));
}

/// Unary ops computed by a C function per element: erfinv (the runtime's
/// Cephes code, in double as MXNet), gamma and gammaln (libm's tgamma and
/// lgamma, as MXNet calls them; lgamma through the runtime's reentrant
/// wrapper). float16 goes through float, as half_t.
template <typename OpTy>
struct CFunctionLowering : OpConversionPattern<OpTy> {
  CFunctionLowering(MLIRContext *ctx, StringRef f32Name, StringRef f64Name)
      : OpConversionPattern<OpTy>(ctx), f32Name(f32Name), f64Name(f64Name) {}
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    Type elt = type->getElementType();
    Type callType = elt.isF64() ? elt : rewriter.getF32Type();
    StringRef name = elt.isF64() ? f64Name : f32Name;
    declareFunction(rewriter, op, name,
                    rewriter.getFunctionType({callType}, {callType}));
    rewriter.replaceOp(
        op, buildElementwise(
                rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
                [&](OpBuilder &b, Location l, ValueRange args) -> Value {
                  Value x = args[0];
                  if (x.getType() != callType)
                    x = arith::ExtFOp::create(b, l, callType, x);
                  Value y = func::CallOp::create(b, l, name, TypeRange{callType},
                                                 ValueRange{x})
                                .getResult(0);
                  if (y.getType() != elt)
                    y = arith::TruncFOp::create(b, l, elt, y);
                  return y;
                }));
    return success();
  }

  StringRef f32Name, f64Name;
};

template <typename OpTy, UnaryFn fn>
struct UnaryLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    rewriter.replaceOp(op, buildElementwise(
                               rewriter, op.getLoc(), *type,
                               {fullOperand(adaptor.getData())},
                               [](OpBuilder &b, Location l, ValueRange args) {
                                 return fn(b, l, args[0]);
                               }));
    return success();
  }
};

struct HardSigmoidLowering : OpConversionPattern<HardSigmoidOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(HardSigmoidOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    double alpha = op.getAlpha().convertToDouble();
    double beta = op.getBeta().convertToDouble();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = args[0];
          Value y = arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, x, cst(b, l, x, alpha)),
              cst(b, l, x, beta));
          Value one = cst(b, l, x, 1.0), zero = cst(b, l, x, 0.0);
          Value upper = select(b, l, arith::CmpFPredicate::OGT, y, one, one, y);
          return select(b, l, arith::CmpFPredicate::OLT, upper, zero, zero,
                        upper);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

/// zeros_like / ones_like.
template <typename OpTy, int value>
struct FillLikeLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    rewriter.replaceOp(op, buildFilled(rewriter, op.getLoc(), *type, value));
    return success();
  }
};

struct ClipLowering : OpConversionPattern<ClipOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ClipOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    double lo = op.getAMin().convertToDouble(), hi = op.getAMax().convertToDouble();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = args[0], low = cst(b, l, x, lo), high = cst(b, l, x, hi);
          Value capped = select(b, l, arith::CmpFPredicate::OGT, x, high, high, x);
          return select(b, l, arith::CmpFPredicate::OLT, x, low, low, capped);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct WhereLowering : OpConversionPattern<WhereOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(WhereOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type = getStaticType(rewriter, op, op.getOutput());
    FailureOr<RankedTensorType> condType =
        getStaticType(rewriter, op, adaptor.getCondition());
    if (failed(type) || failed(condType))
      return failure();
    Value cond = adaptor.getCondition();
    // A 1-D condition picks whole rows.
    ElementwiseOperand condOperand =
        condType->getRank() == type->getRank() ? fullOperand(cond)
                                                : axisOperand(cond, 0);
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type,
        {condOperand, fullOperand(adaptor.getX()), fullOperand(adaptor.getY())},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value c = args[0];
          Value zero = arith::ConstantOp::create(b, l, b.getZeroAttr(c.getType()));
          Value nonZero =
              isa<FloatType>(c.getType())
                  ? arith::CmpFOp::create(b, l, arith::CmpFPredicate::UNE, c, zero)
                        .getResult()
                  : arith::CmpIOp::create(b, l, arith::CmpIPredicate::ne, c, zero)
                        .getResult();
          return arith::SelectOp::create(b, l, nonZero, args[1], args[2]);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct DivSqrtDimLowering : OpConversionPattern<DivSqrtDimOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DivSqrtDimOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type) || type->getRank() < 1)
      return failure();
    double scale = 1.0 / std::sqrt(double(type->getShape().back()));
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], cst(b, l, args[0], scale));
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

/// Regression outputs: the identity, or sigmoid for the logistic one.
template <typename OpTy, UnaryFn fn = nullptr>
struct RegressionOutputLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    Value out = adaptor.getData();
    if constexpr (fn != nullptr)
      out = buildElementwise(rewriter, op.getLoc(), *type, {fullOperand(out)},
                             [](OpBuilder &b, Location l, ValueRange args) {
                               return fn(b, l, args[0]);
                             });
    rewriter.replaceOp(op, out);
    return success();
  }
};

/// mshadow_op::smooth_l1_loss with sigma = scalar.
struct SmoothL1Lowering : OpConversionPattern<SmoothL1Op> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SmoothL1Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    double sigma2 = op.getScalar().convertToDouble();
    sigma2 *= sigma2;
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = args[0];
          Value ax = math::AbsFOp::create(b, l, x);
          Value quadratic = arith::MulFOp::create(
              b, l, arith::MulFOp::create(b, l, x, x), cst(b, l, x, 0.5 * sigma2));
          Value linear = arith::SubFOp::create(b, l, ax, cst(b, l, x, 0.5 / sigma2));
          return select(b, l, arith::CmpFPredicate::OLT, ax,
                        cst(b, l, x, 1.0 / sigma2), quadratic, linear);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

/// Ops that are the identity at inference.
template <typename OpTy>
struct IdentityLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (adaptor.getData().getType() != op.getOutput().getType())
      return rewriter.notifyMatchFailure(op, "input and output types differ");
    rewriter.replaceOp(op, adaptor.getData());
    return success();
  }
};

} // namespace

void symc::populateMathPatterns(RewritePatternSet &patterns) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<
      UnaryLowering<AbsOp, absF>, UnaryLowering<SignOp, signF>,
      UnaryLowering<CeilOp, ceilF>, UnaryLowering<FloorOp, floorF>,
      UnaryLowering<RoundOp, roundF>, UnaryLowering<RintOp, rintF>,
      UnaryLowering<FixOp, truncF>, UnaryLowering<TruncOp, truncF>,
      UnaryLowering<SqrtOp, sqrtF>, UnaryLowering<RsqrtOp, rsqrtF>,
      UnaryLowering<CbrtOp, cbrtF>, UnaryLowering<RcbrtOp, rcbrtF>,
      UnaryLowering<ExpOp, expF>, UnaryLowering<Expm1Op, expm1F>,
      UnaryLowering<LogOp, logF>, UnaryLowering<Log10Op, log10F>,
      UnaryLowering<Log2Op, log2F>, UnaryLowering<Log1pOp, log1pF>,
      UnaryLowering<SinOp, sinF>, UnaryLowering<CosOp, cosF>,
      UnaryLowering<TanOp, tanF>, UnaryLowering<ArcsinOp, asinF>,
      UnaryLowering<ArccosOp, acosF>, UnaryLowering<ArctanOp, atanF>,
      UnaryLowering<SinhOp, sinhF>, UnaryLowering<CoshOp, coshF>,
      UnaryLowering<TanhOp, tanhF>, UnaryLowering<ArcsinhOp, asinhF>,
      UnaryLowering<ArccoshOp, acoshF>, UnaryLowering<ArctanhOp, atanhF>,
      UnaryLowering<DegreesOp, degreesF>, UnaryLowering<RadiansOp, radiansF>,
      UnaryLowering<SquareOp, squareF>, UnaryLowering<ReciprocalOp, recip>,
      UnaryLowering<NegativeOp, negF>, UnaryLowering<ErfOp, erfF>,

      UnaryLowering<SigmoidOp, sigmoid>, UnaryLowering<ReluOp, reluF>,
      UnaryLowering<SoftsignOp, softsignF>,
      UnaryLowering<LogSigmoidOp, logSigmoidF>, UnaryLowering<MishOp, mishF>,
      UnaryLowering<LogicalNotOp, logicalNotF>>(ctx);
  patterns.add<FillLikeLowering<ZerosLikeOp, 0>, FillLikeLowering<OnesLikeOp, 1>,
               ClipLowering, WhereLowering, DivSqrtDimLowering>(ctx);
  patterns.add<RegressionOutputLowering<LinearRegressionOutputOp>,
               RegressionOutputLowering<MAERegressionOutputOp>,
               RegressionOutputLowering<LogisticRegressionOutputOp, sigmoid>>(ctx);
  patterns.add<SmoothL1Lowering>(ctx);
  patterns.add<HardSigmoidLowering, IdentityLowering<CopyOp>,
               IdentityLowering<CastStorageOp>,
               IdentityLowering<BlockGradOp>, IdentityLowering<MakeLossOp>,
               IdentityLowering<LegacyMakeLossOp>>(ctx);
  patterns.add<CFunctionLowering<ErfinvOp>>(ctx, "symc_erfinv_f32",
                                            "symc_erfinv_f64");
  patterns.add<CFunctionLowering<GammaOp>>(ctx, "tgammaf", "tgamma");
  // Reentrant lgamma: glibc's lgamma writes the global signgam.
  patterns.add<CFunctionLowering<GammalnOp>>(ctx, "symc_lgamma_f32",
                                             "symc_lgamma_f64");
}
