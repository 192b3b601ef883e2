//===- Softmax.cpp - softmax, SoftmaxOutput, SoftmaxActivation ------------===//
//
// All three reduce to one numerically stable softmax along an axis.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

enum class SoftmaxKind { Softmax, LogSoftmax };

/// exp((x - max) / t) / sum(exp((x - max) / t)) along `axis`, or its log
/// ((x - max) / t - log(sum)) for LogSoftmax.
Value buildSoftmax(OpBuilder &b, Location loc, Value input, int64_t axis,
                   double temperature, SoftmaxKind kind = SoftmaxKind::Softmax) {
  auto type = cast<RankedTensorType>(input.getType());
  Type elt = type.getElementType();
  int64_t rank = type.getRank();
  SmallVector<int64_t> others;
  for (int64_t i = 0; i < rank; ++i)
    if (i != axis)
      others.push_back(i);
  Value max = buildReduction(
      b, loc, input, {axis}, -std::numeric_limits<double>::infinity(),
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        return arith::MaxNumFOp::create(nb, nloc, args[0], args[1]);
      });
  Value exps = buildElementwise(
      b, loc, type, {fullOperand(input), {max, others}},
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        Value shifted = arith::SubFOp::create(nb, nloc, args[0], args[1]);
        if (temperature != 1.0)
          shifted = arith::DivFOp::create(nb, nloc, shifted,
                                          buildFloat(nb, nloc, elt, temperature));
        return math::ExpOp::create(nb, nloc, shifted);
      });
  Value sum = buildReduction(
      b, loc, exps, {axis}, 0.0,
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        return arith::AddFOp::create(nb, nloc, args[0], args[1]);
      });
  if (kind == SoftmaxKind::LogSoftmax)
    return buildElementwise(
        b, loc, type, {fullOperand(input), {max, others}, {sum, others}},
        [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
          Value shifted = arith::SubFOp::create(nb, nloc, args[0], args[1]);
          if (temperature != 1.0)
            shifted = arith::DivFOp::create(
                nb, nloc, shifted, buildFloat(nb, nloc, elt, temperature));
          return arith::SubFOp::create(nb, nloc, shifted,
                                       math::LogOp::create(nb, nloc, args[2]));
        });
  // Scaled by the sum's reciprocal, one division per row: a division per
  // element took a quarter of BERT-QA's softmax (12 x 384 x 384).
  auto sumType = cast<RankedTensorType>(sum.getType());
  Value reciprocal = buildElementwise(
      b, loc, sumType, {fullOperand(sum)},
      [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        return arith::DivFOp::create(nb, nloc, buildFloat(nb, nloc, elt, 1.0), args[0]);
      });
  return buildElementwise(
      b, loc, type, {fullOperand(exps), {reciprocal, others}},
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        return arith::MulFOp::create(nb, nloc, args[0], args[1]);
      });
}

Value negate(OpBuilder &b, Location loc, Value input) {
  return buildElementwise(b, loc, cast<RankedTensorType>(input.getType()),
                          {fullOperand(input)},
                          [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
                            return arith::NegFOp::create(nb, nloc, args[0]);
                          });
}

/// softmax, log_softmax and softmin (softmax of -x).
template <typename OpTy>
struct SoftmaxLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> inType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(inType) || failed(type))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), type->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    Location loc = op.getLoc();
    double temperature =
        op.getTemperature() ? op.getTemperature()->convertToDouble() : 1.0;
    Type elt = type->getElementType();
    Value data = adaptor.getData();
    // `dtype` computes and returns in another float type.
    if (inType->getElementType() != elt)
      data = buildElementwise(rewriter, loc, *type, {fullOperand(data)},
                              [&](OpBuilder &b, Location l, ValueRange a) {
                                return convertScalarToDtype(b, l, a[0], elt,
                                                            /*isUnsignedCast=*/false);
                              });
    if constexpr (std::is_same_v<OpTy, SoftminOp>)
      data = negate(rewriter, loc, data);
    // With use_length, steps at or beyond length (one per position of the
    // other axes) take no part and come out as 0.
    Value length = op.getUseLength() ? adaptor.getLength() : Value();
    SmallVector<int64_t> others;
    for (int64_t i = 0; i < type->getRank(); ++i)
      if (i != *axis)
        others.push_back(i);
    auto masked = [&](Value input, double fill) {
      return buildElementwise(
          rewriter, loc, *type, {fullOperand(input), {length, others}},
          [&](OpBuilder &b, Location l, ValueRange a) -> Value {
            Value inside = arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::slt, linalg::IndexOp::create(b, l, *axis),
                buildIndexFromScalar(b, l, a[1]));
            return arith::SelectOp::create(b, l, inside, a[0], buildFloat(b, l, elt, fill));
          });
    };
    if (length)
      data = masked(data, -std::numeric_limits<double>::infinity());
    SoftmaxKind kind = std::is_same_v<OpTy, LogSoftmaxOp> ? SoftmaxKind::LogSoftmax
                                                          : SoftmaxKind::Softmax;
    Value result = buildSoftmax(rewriter, loc, data, *axis, temperature, kind);
    if (length)
      result = masked(result, 0.0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SoftmaxOutputLowering : OpConversionPattern<SoftmaxOutputOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SoftmaxOutputOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    Location loc = op.getLoc();
    Value data = adaptor.getData();
    int64_t rank = type->getRank();
    if (rank < (op.getMultiOutput() ? 2 : 1))
      return rewriter.notifyMatchFailure(op, "rank too small");
    // MXNet 1.9.1 (as shipped, with MKLDNN) takes its MKLDNN softmax over the
    // last axis for rank 1, 2 and 4; other ranks use the native kernel, which
    // views the data as (N, -1).
    bool lastAxis = op.getPreserveShape() || rank == 1 || rank == 2 || rank == 4;
    Value out;
    if (op.getMultiOutput()) {
      out = buildSoftmax(rewriter, loc, data, 1, 1.0);
    } else if (lastAxis) {
      out = buildSoftmax(rewriter, loc, data, rank - 1, 1.0);
    } else {
      int64_t n = type->getDimSize(0);
      Value flat = buildReshape(rewriter, loc, data,
                                {n, type->getNumElements() / std::max<int64_t>(n, 1)});
      out = buildReshape(rewriter, loc, buildSoftmax(rewriter, loc, flat, 1, 1.0),
                         type->getShape());
    }
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct SoftmaxActivationLowering : OpConversionPattern<SoftmaxActivationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SoftmaxActivationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    bool channel = op.getMode() == SoftmaxActivationMode::channel;
    if (type->getRank() < (channel ? 3 : 1))
      return rewriter.notifyMatchFailure(op, "rank too small");
    int64_t axis = channel ? 1 : type->getRank() - 1;
    rewriter.replaceOp(op, buildSoftmax(rewriter, op.getLoc(), adaptor.getData(),
                                        axis, 1.0));
    return success();
  }
};

} // namespace

void symc::populateSoftmaxPatterns(RewritePatternSet &patterns) {
  patterns.add<SoftmaxLowering<SoftmaxOp>, SoftmaxLowering<LogSoftmaxOp>,
               SoftmaxLowering<SoftminOp>, SoftmaxOutputLowering,
               SoftmaxActivationLowering>(patterns.getContext());
}
