//===- Softmax.cpp - softmax, SoftmaxOutput, SoftmaxActivation ------------===//
//
// All three reduce to one numerically stable softmax along an axis, after
// reshaping the input the way each op views it.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// exp((x - max) / t) / sum(exp((x - max) / t)) along `axis`.
Value buildSoftmax(OpBuilder &b, Location loc, Value input, int64_t axis,
                   double temperature) {
  auto type = cast<RankedTensorType>(input.getType());
  Type elt = type.getElementType();
  int64_t rank = type.getRank();
  SmallVector<int64_t> others;
  for (int64_t i = 0; i < rank; ++i)
    if (i != axis)
      others.push_back(i);
  Value max = buildReduction(
      b, loc, input, axis, -std::numeric_limits<double>::infinity(),
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
      b, loc, exps, axis, 0.0,
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        return arith::AddFOp::create(nb, nloc, args[0], args[1]);
      });
  return buildElementwise(
      b, loc, type, {fullOperand(exps), {sum, others}},
      [](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
        return arith::DivFOp::create(nb, nloc, args[0], args[1]);
      });
}

/// Softmax of `input` viewed as `view` along `axis`, reshaped back.
Value buildSoftmaxOfView(OpBuilder &b, Location loc, Value input,
                         ArrayRef<int64_t> view, int64_t axis) {
  auto type = cast<RankedTensorType>(input.getType());
  Value reshaped = buildReshape(b, loc, input, view);
  Value result = buildSoftmax(b, loc, reshaped, axis, 1.0);
  return buildReshape(b, loc, result, type.getShape());
}

/// (N, ...) viewed as (N, -1).
SmallVector<int64_t> batchMajorView(RankedTensorType type) {
  int64_t n = type.getRank() ? type.getDimSize(0) : 1;
  return {n, type.getNumElements() / std::max<int64_t>(n, 1)};
}

struct SoftmaxLowering : OpConversionPattern<SoftmaxOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SoftmaxOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    if (op.getUseLength())
      return rewriter.notifyMatchFailure(op, "use_length is not lowered yet");
    if (op.getDtype() && *op.getDtype() != type->getElementType())
      return rewriter.notifyMatchFailure(op, "a dtype change is not lowered yet");
    int64_t axis = op.getAxis() < 0 ? op.getAxis() + type->getRank() : op.getAxis();
    double temperature =
        op.getTemperature() ? op.getTemperature()->convertToDouble() : 1.0;
    rewriter.replaceOp(op, buildSoftmax(rewriter, op.getLoc(), adaptor.getData(),
                                        axis, temperature));
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
    Value out;
    if (op.getMultiOutput())
      out = buildSoftmax(rewriter, loc, data, 1, 1.0);
    else if (op.getPreserveShape())
      out = buildSoftmax(rewriter, loc, data, type->getRank() - 1, 1.0);
    else
      out = buildSoftmaxOfView(rewriter, loc, data, batchMajorView(*type), 1);
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
    Location loc = op.getLoc();
    Value out =
        op.getMode() == SoftmaxActivationMode::channel
            ? buildSoftmax(rewriter, loc, adaptor.getData(), 1, 1.0)
            : buildSoftmaxOfView(rewriter, loc, adaptor.getData(),
                                 batchMajorView(*type), 1);
    rewriter.replaceOp(op, out);
    return success();
  }
};

} // namespace

void symc::populateSoftmaxPatterns(RewritePatternSet &patterns) {
  patterns.add<SoftmaxLowering, SoftmaxOutputLowering, SoftmaxActivationLowering>(
      patterns.getContext());
}
