//===- Activation.cpp - Activation and LeakyReLU --------------------------===//
//
// Each act_type is a scalar formula taken from MXNet's mshadow_op.h, applied
// by one elementwise generic.
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

Value applyActivation(ScalarMath &m, ActType type, Value x) {
  switch (type) {
  case ActType::relu:
    return m.relu(x);
  case ActType::sigmoid:
    return m.sigmoid(x);
  case ActType::tanh:
    return m.tanh(x);
  case ActType::softrelu:
    return m.softrelu(x);
  case ActType::softsign:
    return m.softsign(x);
  case ActType::log_sigmoid:
    return math::LogOp::create(m.b, m.loc, m.sigmoid(x));
  case ActType::mish:
    return m.mul(x, m.tanh(m.softrelu(x)));
  }
  llvm_unreachable("all act_types are handled");
}

struct ActivationLowering : OpConversionPattern<ActivationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ActivationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    ActType act = op.getActType();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, {fullOperand(adaptor.getData())},
        [&](OpBuilder &b, Location loc, ValueRange args) {
          ScalarMath m{b, loc, type->getElementType()};
          return applyActivation(m, act, args[0]);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

// SELU constants of mshadow_op.h.
constexpr double kSeluLambda = 1.0507009873554804934193349852946;
constexpr double kSeluAlpha = 1.6732632423543772848170429916717;

struct LeakyReLULowering : OpConversionPattern<LeakyReLUOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LeakyReLUOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    LeakyActType act = op.getActType();
    double slope = op.getSlope().convertToDouble();
    if (act == LeakyActType::rrelu) // the inference-time slope
      slope = (op.getLowerBound().convertToDouble() +
               op.getUpperBound().convertToDouble()) / 2;
    SmallVector<ElementwiseOperand> operands = {fullOperand(adaptor.getData())};
    if (adaptor.getGamma() && type->getRank() == 0)
      return rewriter.notifyMatchFailure(op, "prelu needs rank >= 1");
    if (Value gamma = adaptor.getGamma()) {
      auto gammaType = cast<RankedTensorType>(gamma.getType());
      int64_t axis = type->getRank() == 1 ? 0 : 1;
      // A (1,) gamma (Gluon's default) is shared by every channel.
      if (gammaType.getDimSize(0) == 1 && type->getDimSize(axis) != 1)
        axis = ElementwiseOperand::kBroadcastAxis;
      operands.push_back(axisOperand(gamma, axis));
    }
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type, operands,
        [&](OpBuilder &b, Location loc, ValueRange args) -> Value {
          ScalarMath m{b, loc, type->getElementType()};
          Value x = args[0];
          switch (act) {
          case LeakyActType::leaky:
          case LeakyActType::rrelu:
            return m.positiveOr(x, m.mul(m.c(slope), x));
          case LeakyActType::prelu:
            return m.positiveOr(x, m.mul(args[1], x));
          case LeakyActType::elu:
            return m.positiveOr(x, m.mul(m.c(slope), m.expm1(x)));
          case LeakyActType::selu:
            return m.mul(m.c(kSeluLambda),
                         m.positiveOr(x, m.mul(m.c(kSeluAlpha), m.expm1(x))));
          case LeakyActType::gelu: {
            // mshadow_op::gelu: 0.5 x (1 + erf(x / sqrt(2))).
            Value scaled = m.mul(x, m.c(M_SQRT1_2));
            Value erf = math::ErfOp::create(b, loc, scaled);
            return m.mul(m.mul(m.c(0.5), x), m.add(m.c(1.0), erf));
          }
          }
          llvm_unreachable("all act_types are handled");
        });
    SmallVector<Value> results = {out};
    if (op.getMask()) // MXNet leaves rrelu's mask unwritten at inference
      results.push_back(buildFilled(rewriter, op.getLoc(), *type, 0.0));
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void symc::populateActivationPatterns(RewritePatternSet &patterns) {
  patterns.add<ActivationLowering, LeakyReLULowering>(patterns.getContext());
}
