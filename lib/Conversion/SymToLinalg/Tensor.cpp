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
struct UpSamplingLowering : OpConversionPattern<UpSamplingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(UpSamplingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(out) || out->getRank() != 4 || adaptor.getData().size() != 1)
      return rewriter.notifyMatchFailure(op, "needs one static 4-D input");
    int64_t s = op.getScale();
    SmallVector<AffineExpr> exprs = {
        rewriter.getAffineDimExpr(0), rewriter.getAffineDimExpr(1),
        rewriter.getAffineDimExpr(2).floorDiv(s),
        rewriter.getAffineDimExpr(3).floorDiv(s)};
    AffineMap map = AffineMap::get(4, 0, exprs, getContext());
    rewriter.replaceOp(op, buildMappedElementwise(rewriter, op.getLoc(), *out,
                                                  adaptor.getData()[0], map,
                                                  passThrough));
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
  patterns.add<UpSamplingLowering, PadLowering,
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
