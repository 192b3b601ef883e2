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

/// A grouped N-D convolution as one linalg.generic: input (N, G, C, x...)
/// (already padded), weight (G, F, C, k...), accumulator (N, G, F, o...);
/// for shapes the named linalg convolutions do not cover (grouped 3-D,
/// grouped transposed convolutions).
Value buildGroupedConvGeneric(OpBuilder &b, Location loc, Value input,
                              Value weight, Value init,
                              ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations) {
  auto wType = cast<RankedTensorType>(weight.getType());
  auto accType = cast<RankedTensorType>(init.getType());
  int64_t spatial = wType.getRank() - 3;
  MLIRContext *ctx = b.getContext();
  // Loops: n, g, f, o_1..o_d (parallel), c, k_1..k_d (reduction).
  int64_t numLoops = 3 + spatial + 1 + spatial;
  auto dim = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
  int64_t c = 3 + spatial;
  SmallVector<AffineExpr> inExprs = {dim(0), dim(1), dim(c)};
  SmallVector<AffineExpr> wExprs = {dim(1), dim(2), dim(c)};
  SmallVector<AffineExpr> outExprs = {dim(0), dim(1), dim(2)};
  for (int64_t i = 0; i < spatial; ++i) {
    AffineExpr o = dim(3 + i), k = dim(c + 1 + i);
    inExprs.push_back(o * strides[i] + k * dilations[i]);
    wExprs.push_back(k);
    outExprs.push_back(o);
  }
  SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inExprs, ctx),
                                 AffineMap::get(numLoops, 0, wExprs, ctx),
                                 AffineMap::get(numLoops, 0, outExprs, ctx)};
  SmallVector<utils::IteratorType> iterators(3 + spatial,
                                             utils::IteratorType::parallel);
  iterators.append(1 + spatial, utils::IteratorType::reduction);
  return linalg::GenericOp::create(
             b, loc, TypeRange{accType}, ValueRange{input, weight},
             ValueRange{init}, maps, iterators,
             [](OpBuilder &nb, Location l, ValueRange args) {
               Value product = arith::MulFOp::create(nb, l, args[0], args[1]);
               linalg::YieldOp::create(
                   nb, l, ValueRange{arith::AddFOp::create(nb, l, args[2], product)
                                         .getResult()});
             })
      .getResult(0);
}

/// The accumulator of a convolution: the bias broadcast over `type` along
/// `channelAxes` (bias reshaped to those extents), or zeros.
Value buildConvInit(OpBuilder &b, Location loc, Value bias,
                    RankedTensorType type, ArrayRef<int64_t> channelAxes) {
  if (!bias)
    return buildFilled(b, loc, type, 0.0);
  SmallVector<int64_t> biasShape;
  for (int64_t axis : channelAxes)
    biasShape.push_back(type.getDimSize(axis));
  return buildBroadcast(b, loc, buildReshape(b, loc, bias, biasShape), type,
                        channelAxes);
}

/// (N, G*C, x...) x (G*F, C, k...) -> (N, G*F, o...) through
/// buildGroupedConvGeneric.
Value buildGroupedConvolution(OpBuilder &b, Location loc, Value input,
                              Value weight, Value bias, RankedTensorType outType,
                              int64_t groups, ArrayRef<int64_t> strides,
                              ArrayRef<int64_t> dilations) {
  auto in = cast<RankedTensorType>(input.getType()).getShape();
  auto w = cast<RankedTensorType>(weight.getType()).getShape();
  ArrayRef<int64_t> out = outType.getShape();
  SmallVector<int64_t> inShape = {in[0], groups, in[1] / groups};
  llvm::append_range(inShape, in.drop_front(2));
  SmallVector<int64_t> wShape = {groups, w[0] / groups};
  llvm::append_range(wShape, w.drop_front(1));
  SmallVector<int64_t> accShape = {out[0], groups, out[1] / groups};
  llvm::append_range(accShape, out.drop_front(2));
  auto accType = RankedTensorType::get(accShape, outType.getElementType());
  Value conv = buildGroupedConvGeneric(
      b, loc, buildReshape(b, loc, input, inShape),
      buildReshape(b, loc, weight, wShape),
      buildConvInit(b, loc, bias, accType, {1, 2}), strides, dilations);
  return buildReshape(b, loc, conv, out);
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
    } else if (spatial == 3) {
      result = buildGroupedConvolution(
          rewriter, loc, input, adaptor.getWeight(), adaptor.getBias(), *outType,
          groups, op.getStrideOrDefault(), op.getDilateOrDefault());
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
  static Value buildUngrouped(OpBuilder &b, ConvolutionOp op, OpAdaptor adaptor,
                              Value input, RankedTensorType outType,
                              ArrayRef<NamedAttribute> attrs) {
    Location loc = op.getLoc();
    Value init = buildConvInit(b, loc, adaptor.getBias(), outType, {1});
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
    Value init = buildConvInit(b, loc, bias, accType, {1, 2});
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
} // namespace

Value symc::buildTransposedConvolution(OpBuilder &b, Location loc, Value data,
                                       Value weight, Value bias,
                                       RankedTensorType outType,
                                       const TransposedConvGeometry &geometry) {
  auto dataType = cast<RankedTensorType>(data.getType());
  ArrayRef<int64_t> in = dataType.getShape();
  ArrayRef<int64_t> kernel = geometry.kernel;
  int64_t spatial = kernel.size(), groups = geometry.groups;
  Type elt = dataType.getElementType();

  // Spread the input by the stride, then pad by d (k - 1) - pad (+ adj).
  SmallVector<int64_t> spreadShape = {in[0], in[1]};
  SmallVector<int64_t> spreadStrides = {1, 1};
  for (int64_t i = 0; i < spatial; ++i) {
    spreadShape.push_back((in[2 + i] - 1) * geometry.stride[i] + 1);
    spreadStrides.push_back(geometry.stride[i]);
  }
  auto spreadType = RankedTensorType::get(spreadShape, elt);
  Value spread = tensor::InsertSliceOp::create(
      b, loc, data, buildFilled(b, loc, spreadType, 0.0), ValueRange{},
      ValueRange{}, ValueRange{}, SmallVector<int64_t>(in.size(), 0), in,
      spreadStrides);
  SmallVector<int64_t> low = {0, 0}, high = {0, 0};
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t edge = geometry.dilate[i] * (kernel[i] - 1) - geometry.pad[i];
    low.push_back(edge);
    high.push_back(edge + geometry.adj[i]);
  }
  Value input = buildPad(b, loc, spread, low, high, 0.0);

  // Weight (G*C, F, k...) -> (G, F, C, k...), flipped spatially.
  ArrayRef<int64_t> w = cast<RankedTensorType>(weight.getType()).getShape();
  int64_t channels = w[0] / groups, filters = w[1];
  SmallVector<int64_t> byGroup = {groups, channels, filters};
  llvm::append_range(byGroup, kernel);
  SmallVector<int64_t> convShape = {groups, filters, channels};
  llvm::append_range(convShape, kernel);
  MLIRContext *ctx = b.getContext();
  SmallVector<AffineExpr> source = {getAffineDimExpr(0, ctx), getAffineDimExpr(2, ctx),
                                    getAffineDimExpr(1, ctx)};
  for (int64_t i = 0; i < spatial; ++i)
    source.push_back(kernel[i] - 1 - getAffineDimExpr(3 + i, ctx));
  Value convWeight = buildMappedElementwise(
      b, loc, RankedTensorType::get(convShape, elt),
      buildReshape(b, loc, weight, byGroup),
      AffineMap::get(3 + spatial, 0, source, ctx), passThrough);

  SmallVector<int64_t> unitStrides(spatial, 1);
  if (groups == 1 && spatial == 2) {
    // The common case as the named op that CPU schedules target.
    Value init = buildConvInit(b, loc, bias, outType, {1});
    SmallVector<NamedAttribute> attrs = {
        i64TensorAttr(b, "strides", unitStrides),
        i64TensorAttr(b, "dilations", geometry.dilate)};
    SmallVector<int64_t> flat = {filters, channels, kernel[0], kernel[1]};
    SmallVector<Value> ins = {input, buildReshape(b, loc, convWeight, flat)};
    return linalg::Conv2DNchwFchwOp::create(b, loc, TypeRange{outType}, ins,
                                            ValueRange{init}, attrs)
        .getResult(0);
  }
  SmallVector<int64_t> flat = {groups * filters, channels};
  llvm::append_range(flat, kernel);
  return buildGroupedConvolution(b, loc, input,
                                 buildReshape(b, loc, convWeight, flat), bias,
                                 outType, groups, unitStrides, geometry.dilate);
}

namespace {

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
    size_t spatial = op.getKernel().size();
    TransposedConvGeometry geometry;
    geometry.kernel.assign(op.getKernel().begin(), op.getKernel().end());
    geometry.stride = tupleOrDefault(op.getStride(), spatial, 1);
    geometry.dilate = tupleOrDefault(op.getDilate(), spatial, 1);
    geometry.groups = op.getNumGroup();
    for (size_t i = 0; i < spatial; ++i) {
      auto [pad, adj] = op.getPadAndAdj(i, dataType->getDimSize(2 + i));
      if (geometry.dilate[i] * (geometry.kernel[i] - 1) < pad)
        return op.emitOpError("a pad larger than the dilated kernel is not "
                              "supported");
      geometry.pad.push_back(pad);
      geometry.adj.push_back(adj);
    }
    rewriter.replaceOp(op, buildTransposedConvolution(
                               rewriter, op.getLoc(), adaptor.getData(),
                               adaptor.getWeight(), adaptor.getBias(), *outType,
                               geometry));
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
    if (rank < 3 || rank > 5)
      return rewriter.notifyMatchFailure(op, "pooling needs 1 to 3 spatial axes");
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
        rewriter.getNamedAttr(
            "dilations",
            rewriter.getI64TensorAttr(SmallVector<int64_t>(strides.size(), 1)))};
    SmallVector<Value> ins = {input, window};
    Value pooled;
    if (rank == 5)
      pooled = buildPoolingGeneric(rewriter, loc, input, window, init, strides,
                                   isMax);
    else if (isMax)
      pooled = linalg::PoolingNchwMaxOp::create(rewriter, loc, TypeRange{resultType},
                                                ins, ValueRange{init}, attrs)
                   .getResult(0);
    else
      pooled = linalg::PoolingNchwSumOp::create(rewriter, loc, TypeRange{resultType},
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

  /// N-D max or sum pooling as one linalg.generic over (n, c, o...) and
  /// the window (k...); linalg has no NCDHW pooling op.
  static Value buildPoolingGeneric(OpBuilder &b, Location loc, Value input,
                                   Value window, Value init,
                                   ArrayRef<int64_t> strides, bool isMax) {
    MLIRContext *ctx = b.getContext();
    int64_t spatial = strides.size(), numLoops = 2 + 2 * spatial;
    auto dim = [&](int64_t i) { return getAffineDimExpr(i, ctx); };
    SmallVector<AffineExpr> inExprs = {dim(0), dim(1)}, windowExprs,
                            outExprs = {dim(0), dim(1)};
    for (int64_t i = 0; i < spatial; ++i) {
      inExprs.push_back(dim(2 + i) * strides[i] + dim(2 + spatial + i));
      windowExprs.push_back(dim(2 + spatial + i));
      outExprs.push_back(dim(2 + i));
    }
    SmallVector<AffineMap> maps = {AffineMap::get(numLoops, 0, inExprs, ctx),
                                   AffineMap::get(numLoops, 0, windowExprs, ctx),
                                   AffineMap::get(numLoops, 0, outExprs, ctx)};
    SmallVector<utils::IteratorType> iterators(2 + spatial,
                                               utils::IteratorType::parallel);
    iterators.append(spatial, utils::IteratorType::reduction);
    return linalg::GenericOp::create(
               b, loc, TypeRange{init.getType()}, ValueRange{input, window},
               ValueRange{init}, maps, iterators,
               [&](OpBuilder &nb, Location l, ValueRange args) {
                 Value combined =
                     isMax ? arith::MaximumFOp::create(nb, l, args[0], args[2])
                                 .getResult()
                           : arith::AddFOp::create(nb, l, args[0], args[2])
                                 .getResult();
                 linalg::YieldOp::create(nb, l, combined);
               })
        .getResult(0);
  }

  /// Divides each output by its window size, a compile-time constant per
  /// output position (edge windows of `full` pooling are smaller).
  static Value divideByWindowSize(OpBuilder &b, Location loc, Value sum,
                                  ArrayRef<PoolAxis> axes, bool includePad) {
    auto type = cast<RankedTensorType>(sum.getType());
    Type elt = type.getElementType();
    SmallVector<int64_t> outShape;
    for (const PoolAxis &a : axes)
      outShape.push_back(a.out);
    SmallVector<Attribute> sizes;
    SmallVector<int64_t> position(axes.size(), 0);
    int64_t count = 1;
    for (int64_t d : outShape)
      count *= d;
    for (int64_t flat = 0; flat < count; ++flat) {
      int64_t rest = flat, size = 1;
      for (int64_t i = axes.size() - 1; i >= 0; --i) {
        position[i] = rest % outShape[i];
        rest /= outShape[i];
      }
      for (size_t i = 0; i < axes.size(); ++i)
        size *= axes[i].divisor(position[i], includePad);
      sizes.push_back(b.getFloatAttr(elt, size));
    }
    auto sizeType = RankedTensorType::get(outShape, elt);
    Value divisor = arith::ConstantOp::create(
        b, loc, DenseElementsAttr::get(sizeType, sizes));
    SmallVector<int64_t> spatialAxes =
        llvm::to_vector(llvm::seq<int64_t>(2, 2 + axes.size()));
    return buildElementwise(b, loc, type, {fullOperand(sum), {divisor, spatialAxes}},
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
    // float16 data normalizes in the parameters' float32, as MXNet's AccReal.
    auto paramType = cast<RankedTensorType>(adaptor.getMovingVar().getType());
    Type acc = paramType.getElementType();
    Location loc = op.getLoc();
    // Per channel, once (the hoisting pass moves it to the prepare step
    // when the statistics are weights): scale = gamma / sqrt(var + eps),
    // shift = beta - mean * scale. Per element only x * scale + shift
    // remains, which vectorizes; a sqrt and a division per element did not.
    Value scale = buildElementwise(
        rewriter, loc, paramType,
        {fullOperand(adaptor.getGamma()), fullOperand(adaptor.getMovingVar())},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value var = arith::AddFOp::create(b, l, args[1], buildFloat(b, l, acc, eps));
          Value numerator = fixGamma ? buildFloat(b, l, acc, 1.0) : args[0];
          return arith::DivFOp::create(b, l, numerator, math::SqrtOp::create(b, l, var));
        });
    Value shift = buildElementwise(
        rewriter, loc, paramType,
        {fullOperand(adaptor.getBeta()), fullOperand(adaptor.getMovingMean()),
         fullOperand(scale)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::SubFOp::create(b, l, args[0],
                                       arith::MulFOp::create(b, l, args[1], args[2]));
        });
    Value out = buildElementwise(
        rewriter, loc, *type,
        {fullOperand(adaptor.getData()), axisOperand(scale, *axis),
         axisOperand(shift, *axis)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value x = args[0];
          if (x.getType() != acc)
            x = arith::ExtFOp::create(b, l, acc, x);
          Value y = arith::AddFOp::create(b, l, arith::MulFOp::create(b, l, x, args[1]),
                                          args[2]);
          if (y.getType() != elt)
            y = arith::TruncFOp::create(b, l, elt, y);
          return y;
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
