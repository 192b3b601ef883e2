//===- Tensor.cpp - reshapes, slices, transposes, tiling, padding ---------===//
//
// Shape ops on static shapes: reshapes become collapse/expand pairs (views
// after bufferization), Concat/stack insert slices, SliceChannel/slice
// extract them, and reverse/tile/repeat/UpSampling read their input through
// affine index maps.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Linalg/Utils/Utils.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// Flatten and Reshape: the result shape is already inferred.
template <typename OpTy>
struct ReshapeLikeLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    rewriter.replaceOp(op, buildReshape(rewriter, op.getLoc(), adaptor.getData(),
                                        out->getShape()));
    return success();
  }
};

struct TransposeLowering : OpConversionPattern<TransposeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TransposeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    Location loc = op.getLoc();
    SmallVector<int64_t> perm = op.getPermutation(in->getRank());
    Value result = linalg::TransposeOp::create(rewriter, loc, adaptor.getData(),
                                               buildEmpty(rewriter, loc, *out), perm)
                       .getResult()[0];
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct ConcatLowering : OpConversionPattern<ConcatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ConcatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    Location loc = op.getLoc();
    int64_t rank = out->getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getDim(), rank);
    if (!axis)
      return rewriter.notifyMatchFailure(op, "dim out of range");
    Value result = buildEmpty(rewriter, loc, *out);
    int64_t offset = 0;
    for (Value input : adaptor.getData()) {
      auto type = cast<RankedTensorType>(input.getType());
      SmallVector<int64_t> offsets(rank, 0), strides(rank, 1);
      offsets[*axis] = offset;
      result = tensor::InsertSliceOp::create(rewriter, loc, input, result,
                                             ValueRange{}, ValueRange{},
                                             ValueRange{}, offsets,
                                             type.getShape(), strides);
      offset += type.getDimSize(*axis);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SliceChannelLowering : OpConversionPattern<SliceChannelOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SliceChannelOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticType(rewriter, op, adaptor.getData());
    if (failed(in))
      return failure();
    Location loc = op.getLoc();
    int64_t rank = in->getRank();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), rank);
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    int64_t part = in->getDimSize(*axis) / op.getNumOutputs();
    SmallVector<int64_t> sizes(in->getShape()), strides(rank, 1);
    sizes[*axis] = part;
    SmallVector<Value> results;
    for (auto [i, result] : llvm::enumerate(op.getOutputs())) {
      SmallVector<int64_t> offsets(rank, 0);
      offsets[*axis] = i * part;
      auto sliceType = RankedTensorType::get(sizes, in->getElementType());
      Value slice = tensor::ExtractSliceOp::create(
          rewriter, loc, sliceType, adaptor.getData(), ValueRange{},
          ValueRange{}, ValueRange{}, offsets, sizes, strides);
      auto outType = cast<RankedTensorType>(result.getType());
      results.push_back(buildReshape(rewriter, loc, slice, outType.getShape()));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// The [offset, offset + size) slice of `in` along `axis`.
Value sliceAlong(OpBuilder &b, Location loc, Value in, int64_t axis,
                 int64_t offset, int64_t size) {
  auto type = cast<RankedTensorType>(in.getType());
  SmallVector<int64_t> offsets(type.getRank(), 0), sizes(type.getShape()),
      strides(type.getRank(), 1);
  offsets[axis] = offset;
  sizes[axis] = size;
  return tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(sizes, type.getElementType()), in,
      ValueRange{}, ValueRange{}, ValueRange{}, offsets, sizes, strides);
}

/// _split_v2: one slice per [start, end) range (squeezed by the reshape to
/// the result type).
struct SplitV2Lowering : OpConversionPattern<SplitV2Op> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SplitV2Op op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticType(rewriter, op, adaptor.getData());
    if (failed(in))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), in->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    SmallVector<Value> results;
    for (auto [range, result] :
         llvm::zip(op.getRanges(in->getDimSize(*axis)), op.getOutputs())) {
      FailureOr<RankedTensorType> outType = getStaticType(rewriter, op, result);
      if (failed(outType))
        return failure();
      Value slice = sliceAlong(rewriter, op.getLoc(), adaptor.getData(), *axis,
                               range.first, range.second - range.first);
      results.push_back(
          buildReshape(rewriter, op.getLoc(), slice, outType->getShape()));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// slice_like: the leading part of each axis, as long as the result's.
struct SliceLikeLowering : OpConversionPattern<SliceLikeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SliceLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> outType =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(outType) || failed(getStaticType(rewriter, op, adaptor.getData())))
      return failure();
    SmallVector<int64_t> offsets(outType->getRank(), 0),
        strides(outType->getRank(), 1);
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, *outType, adaptor.getData(), ValueRange{}, ValueRange{},
        ValueRange{}, offsets, outType->getShape(), strides);
    return success();
  }
};

struct SliceAxisLowering : OpConversionPattern<SliceAxisOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SliceAxisOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), in->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    int64_t begin = op.getBegin();
    if (begin < 0)
      begin += in->getDimSize(*axis);
    SmallVector<int64_t> offsets(in->getRank(), 0), strides(in->getRank(), 1);
    offsets[*axis] = begin;
    Value slice = tensor::ExtractSliceOp::create(
        rewriter, op.getLoc(), *out, adaptor.getData(), ValueRange{},
        ValueRange{}, ValueRange{}, offsets, out->getShape(), strides);
    rewriter.replaceOp(op, slice);
    return success();
  }
};

/// stack: each input viewed with a size-1 axis, inserted at its offset.
struct StackLowering : OpConversionPattern<StackOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(StackOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), out->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    Location loc = op.getLoc();
    SmallVector<int64_t> sliceShape(out->getShape()), strides(out->getRank(), 1);
    sliceShape[*axis] = 1;
    Value result = buildEmpty(rewriter, loc, *out);
    for (auto [i, input] : llvm::enumerate(adaptor.getData())) {
      SmallVector<int64_t> offsets(out->getRank(), 0);
      offsets[*axis] = i;
      Value slice = buildReshape(rewriter, loc, input, sliceShape);
      result = tensor::InsertSliceOp::create(rewriter, loc, slice, result,
                                             ValueRange{}, ValueRange{},
                                             ValueRange{}, offsets, sliceShape,
                                             strides);
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct SwapAxisLowering : OpConversionPattern<SwapAxisOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SwapAxisOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    int64_t rank = out->getRank();
    std::optional<int64_t> a = normalizeAxis(op.getDim1(), rank);
    std::optional<int64_t> b = normalizeAxis(op.getDim2(), rank);
    if (!a || !b)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    SmallVector<int64_t> perm = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    std::swap(perm[*a], perm[*b]);
    Value result = linalg::TransposeOp::create(rewriter, op.getLoc(),
                                               adaptor.getData(),
                                               buildEmpty(rewriter, op.getLoc(), *out),
                                               perm)
                       .getResult()[0];
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// slice: a strided extract_slice of the bounding box; axes with a
/// negative step are then read backwards.
struct SliceLowering : OpConversionPattern<SliceOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SliceOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    int64_t rank = in->getRank();
    SmallVector<int64_t> offsets(rank, 0), sizes(in->getShape()), strides(rank, 1);
    SmallVector<AffineExpr> exprs;
    bool anyReversed = false;
    for (int64_t i = 0; i < rank; ++i) {
      AffineExpr d = rewriter.getAffineDimExpr(i);
      if ((size_t)i < op.getBegin().size()) {
        auto range = op.getAxisRange(i, in->getDimSize(i));
        if (!range)
          return rewriter.notifyMatchFailure(op, "invalid range");
        auto [begin, step, length] = *range;
        sizes[i] = length;
        strides[i] = std::abs(step);
        offsets[i] = step > 0 ? begin : begin + step * (length - 1);
        if (step < 0) {
          d = (length - 1) - d;
          anyReversed = true;
        }
      }
      exprs.push_back(d);
    }
    Location loc = op.getLoc();
    Value box = tensor::ExtractSliceOp::create(
        rewriter, loc, RankedTensorType::get(sizes, in->getElementType()),
        adaptor.getData(), ValueRange{}, ValueRange{}, ValueRange{}, offsets,
        sizes, strides);
    if (anyReversed)
      box = buildMappedElementwise(rewriter, loc, *out, box,
                                   AffineMap::get(rank, 0, exprs, getContext()),
                                   passThrough);
    rewriter.replaceOp(op, box);
    return success();
  }
};

/// reverse / tile / repeat: the output reads the input through an affine
/// index map (size - 1 - i, i mod size, i floordiv repeats).
struct ReverseLowering : OpConversionPattern<ReverseOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReverseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0; i < out->getRank(); ++i)
      exprs.push_back(rewriter.getAffineDimExpr(i));
    for (int64_t axis : op.getAxis()) {
      std::optional<int64_t> a = normalizeAxis(axis, out->getRank());
      if (!a)
        return rewriter.notifyMatchFailure(op, "axis out of range");
      exprs[*a] = out->getDimSize(*a) - 1 - rewriter.getAffineDimExpr(*a);
    }
    AffineMap map = AffineMap::get(out->getRank(), 0, exprs, getContext());
    rewriter.replaceOp(op, buildMappedElementwise(rewriter, op.getLoc(), *out,
                                                  adaptor.getData(), map,
                                                  passThrough));
    return success();
  }
};

struct TileLowering : OpConversionPattern<TileOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TileOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out) || in->getNumElements() == 0)
      return rewriter.notifyMatchFailure(op, "needs static, non-empty shapes");
    int64_t offset = out->getRank() - in->getRank();
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0; i < in->getRank(); ++i)
      exprs.push_back(rewriter.getAffineDimExpr(i + offset) % in->getDimSize(i));
    AffineMap map = AffineMap::get(out->getRank(), 0, exprs, getContext());
    rewriter.replaceOp(op, buildMappedElementwise(rewriter, op.getLoc(), *out,
                                                  adaptor.getData(), map,
                                                  passThrough));
    return success();
  }
};

struct RepeatLowering : OpConversionPattern<RepeatOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(RepeatOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out) || op.getRepeats() < 1)
      return rewriter.notifyMatchFailure(op, "needs static shapes, repeats >= 1");
    Value data = adaptor.getData();
    int64_t axis = 0;
    if (op.getAxis()) {
      std::optional<int64_t> a = normalizeAxis(*op.getAxis(), in->getRank());
      if (!a)
        return rewriter.notifyMatchFailure(op, "axis out of range");
      axis = *a;
    } else {
      data = buildReshape(rewriter, op.getLoc(), data, {in->getNumElements()});
    }
    SmallVector<AffineExpr> exprs;
    for (int64_t i = 0; i < out->getRank(); ++i)
      exprs.push_back(i == axis ? rewriter.getAffineDimExpr(i).floorDiv(op.getRepeats())
                                : rewriter.getAffineDimExpr(i));
    AffineMap map = AffineMap::get(out->getRank(), 0, exprs, getContext());
    rewriter.replaceOp(op, buildMappedElementwise(rewriter, op.getLoc(), *out,
                                                  data, map, passThrough));
    return success();
  }
};

struct ReshapeToRhsLowering : OpConversionPattern<ReshapeLikeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ReshapeLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(out) || failed(getStaticType(rewriter, op, adaptor.getLhs())))
      return failure();
    rewriter.replaceOp(op, buildReshape(rewriter, op.getLoc(), adaptor.getLhs(),
                                        out->getShape()));
    return success();
  }
};

struct BroadcastLikeLowering : OpConversionPattern<BroadcastLikeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BroadcastLikeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(out) || failed(getStaticType(rewriter, op, adaptor.getLhs())))
      return failure();
    rewriter.replaceOp(op, buildElementwise(rewriter, op.getLoc(), *out,
                                            {broadcastOperand(adaptor.getLhs(), *out)},
                                            passThrough));
    return success();
  }
};

struct PadLowering : OpConversionPattern<PadOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PadOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out = getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    ArrayRef<int64_t> width = op.getPadWidth();
    Location loc = op.getLoc();
    if (op.getMode() == "constant") {
      SmallVector<int64_t> low, high;
      for (int64_t i = 0; i < in->getRank(); ++i) {
        low.push_back(width[2 * i]);
        high.push_back(width[2 * i + 1]);
      }
      rewriter.replaceOp(op, buildPad(rewriter, loc, adaptor.getData(), low, high,
                                      op.getConstantValue().convertToDouble()));
      return success();
    }
    bool reflect = op.getMode() == "reflect";
    Value data = adaptor.getData();
    Value result = buildElementwise(
        rewriter, loc, *out, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          SmallVector<Value> coords;
          for (int64_t i = 0; i < in->getRank(); ++i) {
            int64_t n = in->getDimSize(i);
            Value o = arith::IndexCastOp::create(
                b, l, b.getI64Type(), linalg::IndexOp::create(b, l, i));
            Value j = arith::SubIOp::create(
                b, l, o, arith::ConstantIntOp::create(b, l, b.getI64Type(), width[2 * i]));
            Value zero = arith::ConstantIntOp::create(b, l, b.getI64Type(), 0);
            Value last = arith::ConstantIntOp::create(b, l, b.getI64Type(), n - 1);
            if (reflect) {
              // -j below the start, 2(n-1) - j past the end.
              Value neg = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, j, zero);
              j = arith::SelectOp::create(b, l, neg, arith::SubIOp::create(b, l, zero, j), j);
              Value over = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sgt, j, last);
              Value mirrored = arith::SubIOp::create(
                  b, l, arith::AddIOp::create(b, l, last, last), j);
              j = arith::SelectOp::create(b, l, over, mirrored, j);
            } else {
              j = arith::MaxSIOp::create(b, l, arith::MinSIOp::create(b, l, j, last), zero);
            }
            coords.push_back(arith::IndexCastOp::create(b, l, b.getIndexType(), j));
          }
          return tensor::ExtractOp::create(b, l, data, coords);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// depth_to_space / space_to_depth: reshape, transpose, reshape.
template <typename OpTy, bool toSpace>
struct BlockLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out) || in->getRank() != 4)
      return rewriter.notifyMatchFailure(op, "needs static 4-D data");
    ArrayRef<int64_t> s = in->getShape();
    int64_t b = op.getBlockSize();
    SmallVector<int64_t> split, perm;
    if (toSpace) {
      split = {s[0], b, b, s[1] / (b * b), s[2], s[3]};
      perm = {0, 3, 4, 1, 5, 2};
    } else {
      split = {s[0], s[1], s[2] / b, b, s[3] / b, b};
      perm = {0, 3, 5, 1, 2, 4};
    }
    Location loc = op.getLoc();
    Value x = buildReshape(rewriter, loc, adaptor.getData(), split);
    SmallVector<int64_t> permuted;
    for (int64_t p : perm)
      permuted.push_back(split[p]);
    auto permutedType = RankedTensorType::get(permuted, in->getElementType());
    x = linalg::TransposeOp::create(rewriter, loc, x,
                                    buildEmpty(rewriter, loc, permutedType), perm)
            .getResult()[0];
    rewriter.replaceOp(op, buildReshape(rewriter, loc, x, out->getShape()));
    return success();
  }
};

/// Nearest upsampling: output (h, w) reads input (h / s, w / s).
/// UpSampling. nearest: each input repeated to the output extent (its own
/// scale), then concatenated on channels or summed. bilinear: MXNet's
/// depthwise Deconvolution (kernel 2s - s % 2, stride s, pad
/// ceil((s - 1) / 2)) with the given weight.
struct UpSamplingLowering : OpConversionPattern<UpSamplingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(UpSamplingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(out))
      return failure();
    Location loc = op.getLoc();
    ValueRange inputs = adaptor.getData();
    int64_t s = op.getScale();
    if (op.getSampleType() == "bilinear") {
      TransposedConvGeometry geometry;
      int64_t kernel = 2 * s - s % 2, pad = s / 2; // pad = ceil((s - 1) / 2)
      geometry.kernel = {kernel, kernel};
      geometry.stride = {s, s};
      geometry.dilate = {1, 1};
      geometry.pad = {pad, pad};
      geometry.adj = {0, 0};
      geometry.groups = out->getDimSize(1);
      rewriter.replaceOp(op, buildTransposedConvolution(rewriter, loc, inputs[0],
                                                        inputs[1], Value(), *out,
                                                        geometry));
      return success();
    }
    SmallVector<Value> scaled;
    for (Value input : inputs) {
      FailureOr<RankedTensorType> in = getStaticType(rewriter, op, input);
      if (failed(in))
        return failure();
      int64_t sh = out->getDimSize(2) / in->getDimSize(2);
      int64_t sw = out->getDimSize(3) / in->getDimSize(3);
      SmallVector<int64_t> shape(out->getShape());
      shape[1] = in->getDimSize(1);
      SmallVector<AffineExpr> exprs = {
          rewriter.getAffineDimExpr(0), rewriter.getAffineDimExpr(1),
          rewriter.getAffineDimExpr(2).floorDiv(sh),
          rewriter.getAffineDimExpr(3).floorDiv(sw)};
      scaled.push_back(buildMappedElementwise(
          rewriter, loc, RankedTensorType::get(shape, out->getElementType()),
          input, AffineMap::get(4, 0, exprs, getContext()), passThrough));
    }
    Value result;
    if (op.getMultiInputMode() == "sum") {
      result = scaled[0];
      for (Value next : ArrayRef(scaled).drop_front())
        result = buildElementwise(rewriter, loc, *out,
                                  {fullOperand(result), fullOperand(next)},
                                  [](OpBuilder &b, Location l, ValueRange a) {
                                    return arith::AddFOp::create(b, l, a[0], a[1]);
                                  });
    } else {
      result = buildEmpty(rewriter, loc, *out);
      int64_t channel = 0;
      for (Value part : scaled) {
        auto type = cast<RankedTensorType>(part.getType());
        SmallVector<int64_t> offsets = {0, channel, 0, 0}, strides(4, 1);
        result = tensor::InsertSliceOp::create(rewriter, loc, part, result,
                                               ValueRange{}, ValueRange{},
                                               ValueRange{}, offsets,
                                               type.getShape(), strides);
        channel += type.getDimSize(1);
      }
    }
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// Crop: the window at MXNet's offset (given or centred).
struct CropLowering : OpConversionPattern<CropOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(CropOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    Value data = adaptor.getData()[0];
    FailureOr<RankedTensorType> in = getStaticType(rewriter, op, data);
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    auto [y, x] = op.getWindowOffset(in->getDimSize(2), in->getDimSize(3),
                                     out->getDimSize(2), out->getDimSize(3));
    SmallVector<int64_t> offsets = {0, 0, y, x}, strides(4, 1);
    rewriter.replaceOpWithNewOp<tensor::ExtractSliceOp>(
        op, *out, data, ValueRange{}, ValueRange{}, ValueRange{}, offsets,
        out->getShape(), strides);
    return success();
  }
};

/// _contrib_BilinearResize2D as MXNet's SpatialUpSamplingBilinearUpdateOutput
/// (PyTorch's upsample_bilinear2d): per output pixel two source rows and
/// columns and their weights, in float.
struct BilinearResize2DLowering : OpConversionPattern<BilinearResize2DOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BilinearResize2DOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    if (in->getShape() == out->getShape()) {
      rewriter.replaceOp(op, adaptor.getData());
      return success();
    }
    Value data = adaptor.getData();
    bool alignCorners = op.getAlignCorners();
    Type elt = out->getElementType();
    // Per axis: source index, next-index step (0 at the edge) and weight.
    struct Source {
      Value index, step, weight;
    };
    auto source = [&](OpBuilder &b, Location l, Value dst, int64_t inSize,
                      int64_t outSize) -> Source {
      float scale = outSize <= 1 ? 0.f
                    : alignCorners ? float(inSize - 1) / float(outSize - 1)
                                   : float(inSize) / float(outSize);
      Type f32 = b.getF32Type();
      Value dstInt = arith::IndexCastOp::create(b, l, b.getI64Type(), dst);
      Value real;
      if (alignCorners) {
        real = arith::MulFOp::create(b, l, buildFloat(b, l, f32, scale),
                                     arith::SIToFPOp::create(b, l, f32, dstInt));
      } else { // computed in double, stored to float, clamped at 0
        Type f64 = b.getF64Type();
        Value centre = arith::AddFOp::create(
            b, l, arith::SIToFPOp::create(b, l, f64, dstInt), buildFloat(b, l, f64, 0.5));
        Value src = arith::SubFOp::create(
            b, l, arith::MulFOp::create(b, l, buildFloat(b, l, f64, double(scale)), centre),
            buildFloat(b, l, f64, 0.5));
        real = arith::TruncFOp::create(b, l, f32, src);
        Value zero = buildFloat(b, l, f32, 0.0);
        Value negative = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, real, zero);
        real = arith::SelectOp::create(b, l, negative, zero, real);
      }
      Value index = buildIndexFromScalar(b, l, real);
      Value hasNext = arith::CmpIOp::create(
          b, l, arith::CmpIPredicate::slt, index,
          arith::ConstantIndexOp::create(b, l, inSize - 1));
      Value step = arith::SelectOp::create(b, l, hasNext,
                                           arith::ConstantIndexOp::create(b, l, 1),
                                           arith::ConstantIndexOp::create(b, l, 0));
      Value frac = arith::SubFOp::create(
          b, l, real,
          arith::SIToFPOp::create(b, l, f32,
                                  arith::IndexCastOp::create(b, l, b.getI64Type(), index)));
      Value weight = convertScalarToDtype(b, l, frac, elt, /*isUnsignedCast=*/false);
      return {index, step, weight};
    };
    int64_t inH = in->getDimSize(2), inW = in->getDimSize(3);
    int64_t outH = out->getDimSize(2), outW = out->getDimSize(3);
    Value result = buildMappedElementwise(
        rewriter, op.getLoc(), *out, {}, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          Value n = linalg::IndexOp::create(b, l, 0), c = linalg::IndexOp::create(b, l, 1);
          Source h = source(b, l, linalg::IndexOp::create(b, l, 2), inH, outH);
          Source w = source(b, l, linalg::IndexOp::create(b, l, 3), inW, outW);
          ScalarMath m{b, l, elt};
          auto at = [&](Value y, Value x) {
            return tensor::ExtractOp::create(b, l, data, ValueRange{n, c, y, x})
                .getResult();
          };
          Value h2 = arith::AddIOp::create(b, l, h.index, h.step);
          Value w2 = arith::AddIOp::create(b, l, w.index, w.step);
          Value h0l = m.sub(m.c(1.0), h.weight), w0l = m.sub(m.c(1.0), w.weight);
          Value top = m.add(m.mul(w0l, at(h.index, w.index)),
                            m.mul(w.weight, at(h.index, w2)));
          Value bottom = m.add(m.mul(w0l, at(h2, w.index)), m.mul(w.weight, at(h2, w2)));
          return m.add(m.mul(h0l, top), m.mul(h.weight, bottom));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// broadcast_axis / broadcast_to: size-1 input axes repeat.
template <typename OpTy>
struct BroadcastShapeLowering : OpConversionPattern<OpTy> {
  using OpConversionPattern<OpTy>::OpConversionPattern;
  using OpAdaptor = typename OpTy::Adaptor;

  LogicalResult
  matchAndRewrite(OpTy op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> out =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out, {broadcastOperand(adaptor.getData(), *out)},
        [](OpBuilder &, Location, ValueRange args) { return args[0]; });
    rewriter.replaceOp(op, result);
    return success();
  }
};

} // namespace

void symc::populateTensorPatterns(RewritePatternSet &patterns) {
  patterns.add<UpSamplingLowering, CropLowering, BilinearResize2DLowering,
               PadLowering,
               BlockLowering<DepthToSpaceOp, true>,
               BlockLowering<SpaceToDepthOp, false>>(patterns.getContext());
  patterns.add<SwapAxisLowering, SliceLowering, ReverseLowering, TileLowering,
               RepeatLowering,
               ReshapeToRhsLowering, BroadcastLikeLowering>(patterns.getContext());
  patterns.add<ReshapeLikeLowering<ExpandDimsOp>, ReshapeLikeLowering<SqueezeOp>,
               SliceAxisLowering, StackLowering,
               BroadcastShapeLowering<BroadcastAxisOp>,
               BroadcastShapeLowering<BroadcastToOp>>(patterns.getContext());
  patterns.add<ReshapeLikeLowering<FlattenOp>, ReshapeLikeLowering<ReshapeOp>,
               TransposeLowering, ConcatLowering, SliceChannelLowering,
               SplitV2Lowering, SliceLikeLowering>(
      patterns.getContext());
}
