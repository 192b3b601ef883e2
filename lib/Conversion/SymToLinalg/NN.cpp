//===- NN.cpp - FullyConnected, (De)Convolution, Pooling, BatchNorm, ... --===//
//
// Matmul and convolution lower to linalg's named ops, the ops that tiling
// and vectorization schedules target; the bias initializes the accumulator
// instead of a separate add.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

//===----------------------------------------------------------------------===//
// FullyConnected
//===----------------------------------------------------------------------===//

struct FullyConnectedLowering : OpConversionPattern<FullyConnectedOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(FullyConnectedOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType))
      return failure();
    Location loc = op.getLoc();
    Type elt = dataType->getElementType();
    int64_t hidden = op.getNumHidden();
    // As a 2-D problem: (M, K) x (K, hidden). With flatten M is the batch;
    // without, the product of all leading axes.
    ArrayRef<int64_t> shape = dataType->getShape();
    if (shape.empty())
      return rewriter.notifyMatchFailure(op, "needs an input of rank >= 1");
    size_t split = op.getFlatten() ? 1 : shape.size() - 1;
    int64_t m = 1, k = 1;
    for (size_t i = 0; i < shape.size(); ++i)
      (i < split ? m : k) *= shape[i];
    Value lhs = buildReshape(rewriter, loc, adaptor.getData(), {m, k});
    auto weightT = RankedTensorType::get({k, hidden}, elt);
    Value rhs = linalg::TransposeOp::create(rewriter, loc, adaptor.getWeight(),
                                            buildEmpty(rewriter, loc, weightT),
                                            ArrayRef<int64_t>{1, 0})
                    .getResult()[0];
    auto accType = RankedTensorType::get({m, hidden}, elt);
    Value acc;
    if (Value bias = adaptor.getBias())
      acc = buildBroadcast(rewriter, loc, buildReshape(rewriter, loc, bias, {hidden}),
                           accType, {1});
    else
      acc = buildFilled(rewriter, loc, accType, 0.0);
    Value product = linalg::MatmulOp::create(rewriter, loc, TypeRange{accType},
                                             ValueRange{lhs, rhs}, ValueRange{acc})
                        .getResult(0);
    rewriter.replaceOp(op, buildReshape(rewriter, loc, product, outType->getShape()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Convolution
//===----------------------------------------------------------------------===//

NamedAttribute i64TensorAttr(OpBuilder &b, StringRef name,
                             ArrayRef<int64_t> values) {
  return b.getNamedAttr(name, b.getI64TensorAttr(values));
}

struct ConvolutionLowering : OpConversionPattern<ConvolutionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConvolutionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType))
      return failure();
    size_t spatial = op.getKernel().size();
    int64_t groups = op.getNumGroup();
    if (spatial == 3 && groups != 1)
      return rewriter.notifyMatchFailure(op, "grouped 3-D convolution is not "
                                             "lowered yet");
    Location loc = op.getLoc();
    SmallVector<int64_t> pad = op.getPadOrDefault();
    SmallVector<int64_t> low = {0, 0}, high = {0, 0};
    llvm::append_range(low, pad);
    llvm::append_range(high, pad);
    Value input = buildPad(rewriter, loc, adaptor.getData(), low, high, 0.0);
    SmallVector<NamedAttribute> attrs = {
        i64TensorAttr(rewriter, "strides", op.getStrideOrDefault()),
        i64TensorAttr(rewriter, "dilations", op.getDilateOrDefault())};
    Value result;
    if (groups == 1) {
      result = buildUngrouped(rewriter, op, adaptor, input, *outType, attrs);
    } else if (spatial == 2) {
      result = buildGrouped(rewriter, op, input, adaptor.getWeight(),
                            adaptor.getBias(), *outType, attrs);
    } else {
      // Grouped 1-D convolution runs as 2-D over (N, C, 1, W).
      auto in = cast<RankedTensorType>(input.getType()).getShape();
      auto w = cast<RankedTensorType>(adaptor.getWeight().getType()).getShape();
      ArrayRef<int64_t> out = outType->getShape();
      SmallVector<NamedAttribute> attrs2d = {
          i64TensorAttr(rewriter, "strides", {1, op.getStrideOrDefault()[0]}),
          i64TensorAttr(rewriter, "dilations", {1, op.getDilateOrDefault()[0]})};
      Value conv = buildGrouped(
          rewriter, op, buildReshape(rewriter, loc, input, {in[0], in[1], 1, in[2]}),
          buildReshape(rewriter, loc, adaptor.getWeight(), {w[0], w[1], 1, w[2]}),
          adaptor.getBias(),
          RankedTensorType::get({out[0], out[1], 1, out[2]}, outType->getElementType()),
          attrs2d);
      result = buildReshape(rewriter, loc, conv, out);
    }
    if (!result)
      return rewriter.notifyMatchFailure(op, "unsupported convolution rank");
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  /// The accumulator: the bias broadcast over `type` along `channelAxes`
  /// (bias reshaped to those extents), or zeros.
  static Value buildInit(OpBuilder &b, Location loc, Value bias,
                         RankedTensorType type, ArrayRef<int64_t> channelAxes) {
    if (!bias)
      return buildFilled(b, loc, type, 0.0);
    SmallVector<int64_t> biasShape;
    for (int64_t axis : channelAxes)
      biasShape.push_back(type.getDimSize(axis));
    return buildBroadcast(b, loc, buildReshape(b, loc, bias, biasShape), type,
                          channelAxes);
  }

  static Value buildUngrouped(OpBuilder &b, ConvolutionOp op, OpAdaptor adaptor,
                              Value input, RankedTensorType outType,
                              ArrayRef<NamedAttribute> attrs) {
    Location loc = op.getLoc();
    Value init = buildInit(b, loc, adaptor.getBias(), outType, {1});
    SmallVector<Value> ins = {input, adaptor.getWeight()};
    switch (op.getKernel().size()) {
    case 1:
      return linalg::Conv1DNcwFcwOp::create(b, loc, TypeRange{outType}, ins,
                                            ValueRange{init}, attrs)
          .getResult(0);
    case 2:
      return linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{outType}, ins,
                                              ValueRange{init}, attrs)
          .getResult(0);
    case 3:
      return linalg::Conv3DNcdhwFcdhwOp::create(b, loc, TypeRange{outType}, ins,
                                                ValueRange{init}, attrs)
          .getResult(0);
    default:
      return nullptr;
    }
  }

  /// (N, G*C, H, W) x (G*F, C, kh, kw) as linalg.conv_2d_ngchw_gfchw.
  static Value buildGrouped(OpBuilder &b, ConvolutionOp op, Value input,
                            Value weight, Value bias, RankedTensorType outType,
                            ArrayRef<NamedAttribute> attrs) {
    Location loc = op.getLoc();
    int64_t g = op.getNumGroup();
    auto inType = cast<RankedTensorType>(input.getType());
    auto wType = cast<RankedTensorType>(weight.getType());
    ArrayRef<int64_t> in = inType.getShape(), w = wType.getShape(),
                      out = outType.getShape();
    Value groupedIn =
        buildReshape(b, loc, input, {in[0], g, in[1] / g, in[2], in[3]});
    Value groupedW =
        buildReshape(b, loc, weight, {g, w[0] / g, w[1], w[2], w[3]});
    auto accType = RankedTensorType::get({out[0], g, out[1] / g, out[2], out[3]},
                                         outType.getElementType());
    Value init = buildInit(b, loc, bias, accType, {1, 2});
    Value conv = linalg::Conv2DNgchwGfchwOp::create(
                     b, loc, TypeRange{accType}, ValueRange{groupedIn, groupedW},
                     ValueRange{init}, attrs)
                     .getResult(0);
    return buildReshape(b, loc, conv, out);
  }
};

//===----------------------------------------------------------------------===//
// Deconvolution
//===----------------------------------------------------------------------===//

/// A transposed convolution is a stride-1 convolution of the input spread
/// out by the stride (zeros between elements) and padded by
/// d (k - 1) - pad (+ adj at the end), with the weight flipped spatially and
/// its two channel axes exchanged.
struct DeconvolutionLowering : OpConversionPattern<DeconvolutionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DeconvolutionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType))
      return failure();
    if (op.getKernel().size() != 2 || op.getNumGroup() != 1)
      return rewriter.notifyMatchFailure(
          op, "only 2-D Deconvolution without groups is lowered yet");
    Location loc = op.getLoc();
    ArrayRef<int64_t> in = dataType->getShape(), kernel = op.getKernel();
    Type elt = dataType->getElementType();
    SmallVector<int64_t> stride = tupleOrDefault(op.getStride(), 2, 1);
    SmallVector<int64_t> dilate = tupleOrDefault(op.getDilate(), 2, 1);

    // Spread the input by the stride.
    SmallVector<int64_t> spreadShape = {in[0], in[1], (in[2] - 1) * stride[0] + 1,
                                        (in[3] - 1) * stride[1] + 1};
    auto spreadType = RankedTensorType::get(spreadShape, elt);
    Value spread = tensor::InsertSliceOp::create(
        rewriter, loc, adaptor.getData(), buildFilled(rewriter, loc, spreadType, 0.0),
        ValueRange{}, ValueRange{}, ValueRange{}, SmallVector<int64_t>{0, 0, 0, 0},
        in, SmallVector<int64_t>{1, 1, stride[0], stride[1]});
    SmallVector<int64_t> low = {0, 0}, high = {0, 0};
    for (size_t i = 0; i < 2; ++i) {
      auto [pad, adj] = op.getPadAndAdj(i, in[2 + i]);
      int64_t edge = dilate[i] * (kernel[i] - 1) - pad;
      if (edge < 0)
        return rewriter.notifyMatchFailure(op, "pad larger than the dilated "
                                               "kernel is not lowered yet");
      low.push_back(edge);
      high.push_back(edge + adj);
    }
    Value input = buildPad(rewriter, loc, spread, low, high, 0.0);

    // (C, F, kh, kw) -> (F, C, kh, kw), flipped spatially.
    auto wType = cast<RankedTensorType>(adaptor.getWeight().getType());
    ArrayRef<int64_t> w = wType.getShape();
    auto flippedType = RankedTensorType::get({w[1], w[0], w[2], w[3]}, elt);
    AffineExpr f = rewriter.getAffineDimExpr(0), c = rewriter.getAffineDimExpr(1),
               i = rewriter.getAffineDimExpr(2), j = rewriter.getAffineDimExpr(3);
    AffineMap flip = AffineMap::get(4, 0, {c, f, w[2] - 1 - i, w[3] - 1 - j},
                                    rewriter.getContext());
    Value weight = buildMappedElementwise(
        rewriter, loc, flippedType, adaptor.getWeight(), flip,
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });

    Value init;
    if (Value bias = adaptor.getBias())
      init = buildBroadcast(rewriter, loc, bias, *outType, {1});
    else
      init = buildFilled(rewriter, loc, *outType, 0.0);
    SmallVector<NamedAttribute> attrs = {
        i64TensorAttr(rewriter, "strides", {1, 1}),
        i64TensorAttr(rewriter, "dilations", dilate)};
    SmallVector<Value> ins = {input, weight};
    Value result = linalg::Conv2DNchwFchwOp::create(rewriter, loc,
                                                    TypeRange{*outType}, ins,
                                                    ValueRange{init}, attrs)
                       .getResult(0);
    rewriter.replaceOp(op, result);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Pooling
//===----------------------------------------------------------------------===//

/// Window geometry of one spatial axis, as MXNet's pooling kernels see it.
struct PoolAxis {
  int64_t in, out, kernel, stride, pad;

  /// High padding that makes the padded extent cover every output window.
  int64_t highPad() const {
    return std::max<int64_t>((out - 1) * stride + kernel - in - pad, 0);
  }
  /// The avg divisor of output position `o` (MXNet's pool_size per axis).
  int64_t divisor(int64_t o, bool countIncludePad) const {
    int64_t start = o * stride - pad;
    int64_t end = std::min(start + kernel, in + pad);
    if (countIncludePad)
      return end - start;
    return std::min(end, in) - std::max<int64_t>(start, 0);
  }
};

struct PoolingLowering : OpConversionPattern<PoolingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PoolingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType))
      return failure();
    int64_t rank = dataType->getRank();
    if (rank != 3 && rank != 4)
      return rewriter.notifyMatchFailure(op, "only 1-D and 2-D pooling is lowered");
    PoolType type = op.getPoolType();
    SmallVector<PoolAxis> axes = getAxes(op, *dataType, *outType);
    Location loc = op.getLoc();
    // 1-D pooling runs as 2-D pooling over (N, C, 1, W).
    Value data = adaptor.getData();
    RankedTensorType resultType = *outType;
    if (rank == 3) {
      ArrayRef<int64_t> in = dataType->getShape(), out = outType->getShape();
      data = buildReshape(rewriter, loc, data, {in[0], in[1], 1, in[2]});
      resultType = RankedTensorType::get({out[0], out[1], 1, out[2]},
                                         outType->getElementType());
    }
    // lp pooling (MXNet's pool.h): the sum of x^p (signed, p an integer),
    // then its p-th root.
    int64_t p = op.getPValue() ? *op.getPValue() : 1;
    if (type == PoolType::lp && (p < 1 || p > 3))
      return rewriter.notifyMatchFailure(op, "lp pooling needs p_value 1, 2 or 3");
    if (type == PoolType::lp && p > 1)
      data = buildElementwise(
          rewriter, loc, cast<RankedTensorType>(data.getType()), {fullOperand(data)},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            Value power = args[0];
            for (int64_t i = 1; i < p; ++i)
              power = arith::MulFOp::create(b, l, power, args[0]);
            return power;
          });
    bool isMax = type == PoolType::max;
    double padValue = isMax ? -std::numeric_limits<double>::infinity() : 0.0;
    SmallVector<int64_t> low = {0, 0}, high = {0, 0}, kernel, strides;
    for (const PoolAxis &a : axes) {
      low.push_back(a.pad);
      high.push_back(a.highPad());
      kernel.push_back(a.kernel);
      strides.push_back(a.stride);
    }
    Value input = buildPad(rewriter, loc, data, low, high, padValue);
    Value window = tensor::EmptyOp::create(rewriter, loc, kernel,
                                           outType->getElementType());
    Value init = buildFilled(rewriter, loc, resultType, padValue);
    SmallVector<NamedAttribute> attrs = {
        rewriter.getNamedAttr("strides", rewriter.getI64TensorAttr(strides)),
        rewriter.getNamedAttr("dilations", rewriter.getI64TensorAttr({1, 1}))};
    SmallVector<Value> ins = {input, window};
    Value pooled =
        isMax ? linalg::PoolingNchwMaxOp::create(rewriter, loc, TypeRange{resultType},
                                                 ins, ValueRange{init}, attrs)
                    .getResult(0)
              : linalg::PoolingNchwSumOp::create(rewriter, loc, TypeRange{resultType},
                                                 ins, ValueRange{init}, attrs)
                    .getResult(0);
    if (type == PoolType::avg)
      pooled = divideByWindowSize(rewriter, loc, pooled, axes,
                                  op.getCountIncludePad().value_or(true));
    if (type == PoolType::lp && p > 1)
      pooled = buildElementwise(
          rewriter, loc, resultType, {fullOperand(pooled)},
          [&](OpBuilder &b, Location l, ValueRange args) -> Value {
            return p == 2 ? Value(math::SqrtOp::create(b, l, args[0]))
                          : Value(math::CbrtOp::create(b, l, args[0]));
          });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, pooled, outType->getShape()));
    return success();
  }

private:
  /// The two window axes of the 2-D pooling that runs the op (a trivial
  /// first axis for 1-D pooling).
  static SmallVector<PoolAxis> getAxes(PoolingOp op, RankedTensorType in,
                                       RankedTensorType out) {
    SmallVector<PoolAxis> axes;
    int64_t spatial = in.getRank() - 2;
    if (spatial == 1)
      axes.push_back({1, 1, 1, 1, 0});
    for (int64_t i = 0; i < spatial; ++i) {
      int64_t inDim = in.getDimSize(2 + i), outDim = out.getDimSize(2 + i);
      if (op.getGlobalPool()) {
        axes.push_back({inDim, outDim, inDim, 1, 0});
        continue;
      }
      int64_t stride = op.getStride().empty() ? 1 : op.getStride()[i];
      int64_t pad = op.getPad().empty() ? 0 : op.getPad()[i];
      axes.push_back({inDim, outDim, op.getKernel()[i], stride, pad});
    }
    return axes;
  }

  /// Divides each output by its window size, a compile-time constant per
  /// output position (edge windows of `full` pooling are smaller).
  static Value divideByWindowSize(OpBuilder &b, Location loc, Value sum,
                                  ArrayRef<PoolAxis> axes, bool includePad) {
    auto type = cast<RankedTensorType>(sum.getType());
    Type elt = type.getElementType();
    SmallVector<Attribute> sizes;
    for (int64_t h = 0; h < axes[0].out; ++h)
      for (int64_t w = 0; w < axes[1].out; ++w)
        sizes.push_back(b.getFloatAttr(
            elt, axes[0].divisor(h, includePad) * axes[1].divisor(w, includePad)));
    auto sizeType = RankedTensorType::get({axes[0].out, axes[1].out}, elt);
    Value divisor = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(sizeType, sizes));
    return buildElementwise(b, loc, type, {fullOperand(sum), {divisor, {2, 3}}},
                            [](OpBuilder &nb, Location nloc, ValueRange args) {
                              return arith::DivFOp::create(nb, nloc, args[0],
                                                           args[1]);
                            });
  }
};

//===----------------------------------------------------------------------===//
// BatchNorm and Dropout
//===----------------------------------------------------------------------===//

struct BatchNormLowering : OpConversionPattern<BatchNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BatchNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), type->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    bool fixGamma = op.getFixGamma();
    double eps = op.getEps().convertToDouble();
    Type elt = type->getElementType();
    // Inference form: (x - mean) / sqrt(var + eps) * gamma + beta.
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type,
        {fullOperand(adaptor.getData()), axisOperand(adaptor.getGamma(), *axis),
         axisOperand(adaptor.getBeta(), *axis),
         axisOperand(adaptor.getMovingMean(), *axis),
         axisOperand(adaptor.getMovingVar(), *axis)},
        [&](OpBuilder &b, Location loc, ValueRange args) -> Value {
          Value centered = arith::SubFOp::create(b, loc, args[0], args[3]);
          Value var = arith::AddFOp::create(b, loc, args[4],
                                            buildFloat(b, loc, elt, eps));
          Value normed = arith::DivFOp::create(
              b, loc, centered, math::SqrtOp::create(b, loc, var));
          if (!fixGamma)
            normed = arith::MulFOp::create(b, loc, normed, args[1]);
          return arith::AddFOp::create(b, loc, normed, args[2]);
        });
    rewriter.replaceOp(op, {out, adaptor.getMovingMean(), adaptor.getMovingVar()});
    return success();
  }
};

struct DropoutLowering : OpConversionPattern<DropoutOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DropoutOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getMode() == DropoutMode::always && !op.getP().isZero())
      return rewriter.notifyMatchFailure(
          op, "mode 'always' drops at random even at inference");
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    Value mask = buildFilled(rewriter, op.getLoc(), *type, 1.0);
    rewriter.replaceOp(op, {adaptor.getData(), mask});
    return success();
  }
};

} // namespace

void symc::populateNNPatterns(RewritePatternSet &patterns) {
  patterns.add<FullyConnectedLowering, ConvolutionLowering,
               DeconvolutionLowering, PoolingLowering,
               BatchNormLowering, DropoutLowering>(patterns.getContext());
}
