//===- Detection.cpp - MultiBoxPrior/Detection, box_nms, box_iou ----------===//
//
// Anchors depend only on static shapes and attributes: they fold to a
// constant computed as MXNet's CPU code does (float arithmetic, same order).
// Pairwise IoU is one parallel generic. Decoding with greedy NMS and box_nms
// are sequential by definition (stable sorts, suppression in score order):
// they call the runtime kernels of lib/Runtime.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// The anchors of MultiBoxPrior for an H x W map, in float as MXNet.
std::vector<float> computeAnchors(MultiBoxPriorOp op, int64_t height,
                                  int64_t width) {
  float stepY = op.getSteps()[0], stepX = op.getSteps()[1];
  if (stepY <= 0 || stepX <= 0) {
    stepY = 1.f / float(height);
    stepX = 1.f / float(width);
  }
  float offsetY = op.getOffsets()[0], offsetX = op.getOffsets()[1];
  SmallVector<float> sizes(op.getSizes()), ratios(op.getRatios());
  std::vector<float> out;
  for (int64_t r = 0; r < height; ++r) {
    float centerY = (float(r) + offsetY) * stepY;
    for (int64_t c = 0; c < width; ++c) {
      float centerX = (float(c) + offsetX) * stepX;
      auto emit = [&](float size, float sqrtRatio) {
        float w = size * float(height) / float(width) * sqrtRatio / 2;
        float h = size / sqrtRatio / 2;
        for (float v : {centerX - w, centerY - h, centerX + w, centerY + h})
          out.push_back(op.getClip() ? std::max(0.f, std::min(1.f, v)) : v);
      };
      for (float size : sizes)
        emit(size, std::sqrt(ratios[0]));
      for (size_t j = 1; j < ratios.size(); ++j)
        emit(sizes[0], std::sqrt(ratios[j]));
    }
  }
  return out;
}

struct MultiBoxPriorLowering : OpConversionPattern<MultiBoxPriorOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MultiBoxPriorOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(type))
      return failure();
    std::vector<float> anchors =
        computeAnchors(op, dataType->getDimSize(2), dataType->getDimSize(3));
    auto floatType = cast<FloatType>(type->getElementType());
    SmallVector<APFloat> values;
    for (float v : anchors) {
      APFloat value(v);
      bool lost;
      value.convert(floatType.getFloatSemantics(),
                    APFloat::rmNearestTiesToEven, &lost);
      values.push_back(value);
    }
    rewriter.replaceOpWithNewOp<arith::ConstantOp>(
        op, DenseElementsAttr::get(*type, values));
    return success();
  }
};

/// Rank-3 float32 static types, as the runtime kernels take.
LogicalResult checkKernelOperands(ConversionPatternRewriter &rewriter,
                                  Operation *op, ValueRange values) {
  for (Value value : values) {
    FailureOr<RankedTensorType> type = getStaticType(rewriter, op, value);
    if (failed(type))
      return failure();
    if (!type->getElementType().isF32())
      return op->emitOpError("is implemented for float32 only");
  }
  return success();
}

Value f32Scalar(OpBuilder &b, Location loc, double v) {
  return arith::ConstantOp::create(b, loc, b.getF32FloatAttr(float(v)));
}
Value i32Scalar(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI32IntegerAttr(v));
}
Value i64Scalar(OpBuilder &b, Location loc, int64_t v) {
  return arith::ConstantOp::create(b, loc, b.getI64IntegerAttr(v));
}

struct MultiBoxDetectionLowering : OpConversionPattern<MultiBoxDetectionOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(MultiBoxDetectionOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkKernelOperands(rewriter, op,
                                   {adaptor.getClsProb(), adaptor.getLocPred(),
                                    adaptor.getAnchor(), op.getOutput()})))
      return failure();
    Location loc = op.getLoc();
    auto clsType = cast<RankedTensorType>(adaptor.getClsProb().getType());
    int64_t batch = clsType.getDimSize(0), anchors = clsType.getDimSize(2);
    Value locPred =
        buildReshape(rewriter, loc, adaptor.getLocPred(), {batch, anchors, 4});
    Value anchor = buildReshape(rewriter, loc, adaptor.getAnchor(), {1, anchors, 4});
    ArrayRef<double> v = op.getVariances();
    SmallVector<Value> scalars = {
        i32Scalar(rewriter, loc, op.getClip()),
        f32Scalar(rewriter, loc, op.getThreshold().convertToDouble()),
        f32Scalar(rewriter, loc, op.getNmsThreshold().convertToDouble()),
        i32Scalar(rewriter, loc, op.getForceSuppress()),
        f32Scalar(rewriter, loc, v[0]),
        f32Scalar(rewriter, loc, v[1]),
        f32Scalar(rewriter, loc, v[2]),
        f32Scalar(rewriter, loc, v[3]),
        i64Scalar(rewriter, loc, op.getNmsTopk())};
    auto outType = cast<RankedTensorType>(op.getOutput().getType());
    SmallVector<Value> results = buildRuntimeCall(
        rewriter, loc, op, "symc_multibox_detection_f32", {outType},
        {adaptor.getClsProb(), locPred, anchor}, scalars);
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct BoxNMSLowering : OpConversionPattern<BoxNMSOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BoxNMSOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (failed(checkKernelOperands(rewriter, op,
                                   {adaptor.getData(), op.getOutput(),
                                    op.getRecord()})))
      return failure();
    Location loc = op.getLoc();
    auto dataType = cast<RankedTensorType>(adaptor.getData().getType());
    ArrayRef<int64_t> shape = dataType.getShape();
    // (..., N, K) as (B, N, K).
    int64_t n = shape[shape.size() - 2], width = shape.back(), batches = 1;
    for (int64_t d : shape.drop_back(2))
      batches *= d;
    Value data = buildReshape(rewriter, loc, adaptor.getData(), {batches, n, width});
    Type f32 = rewriter.getF32Type();
    SmallVector<Value> scalars = {
        f32Scalar(rewriter, loc, op.getOverlapThresh().convertToDouble()),
        f32Scalar(rewriter, loc, op.getValidThresh().convertToDouble()),
        i64Scalar(rewriter, loc, op.getTopk()),
        i64Scalar(rewriter, loc, op.getCoordStart()),
        i64Scalar(rewriter, loc, op.getScoreIndex()),
        i64Scalar(rewriter, loc, op.getIdIndex()),
        i64Scalar(rewriter, loc, op.getBackgroundId()),
        i32Scalar(rewriter, loc, op.getForceSuppress()),
        i32Scalar(rewriter, loc, op.getInFormat() == "center"),
        i32Scalar(rewriter, loc, op.getOutFormat() == "center")};
    SmallVector<Value> results = buildRuntimeCall(
        rewriter, loc, op, "symc_box_nms_f32",
        {RankedTensorType::get({batches, n, width}, f32),
         RankedTensorType::get({batches, n, 1}, f32)},
        {data}, scalars);
    auto recordType = cast<RankedTensorType>(op.getRecord().getType());
    rewriter.replaceOp(op, {buildReshape(rewriter, loc, results[0], shape),
                            buildReshape(rewriter, loc, results[1],
                                         recordType.getShape())});
    return success();
  }
};

/// box_iou: out[l, r] over every pair, each box read as 4 column operands.
struct BoxIoULowering : OpConversionPattern<BoxIoUOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(BoxIoUOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> lhsType =
        getStaticFloatType(rewriter, op, adaptor.getLhs());
    FailureOr<RankedTensorType> rhsType =
        getStaticFloatType(rewriter, op, adaptor.getRhs());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(lhsType) || failed(rhsType) || failed(outType))
      return failure();
    Location loc = op.getLoc();
    Type elt = outType->getElementType();
    int64_t numLhs = lhsType->getNumElements() / 4,
            numRhs = rhsType->getNumElements() / 4;
    auto columns = [&](Value boxes, int64_t count) {
      Value flat = buildReshape(rewriter, loc, boxes, {count, 4});
      SmallVector<Value> cols;
      for (int64_t k = 0; k < 4; ++k) {
        SmallVector<OpFoldResult> offsets = {rewriter.getIndexAttr(0),
                                             rewriter.getIndexAttr(k)};
        SmallVector<OpFoldResult> sizes = {rewriter.getIndexAttr(count),
                                           rewriter.getIndexAttr(1)};
        SmallVector<OpFoldResult> strides(2, rewriter.getIndexAttr(1));
        cols.push_back(tensor::ExtractSliceOp::create(
            rewriter, loc, RankedTensorType::get({count}, elt), flat, offsets,
            sizes, strides));
      }
      return cols;
    };
    SmallVector<Value> inputs = columns(adaptor.getLhs(), numLhs);
    llvm::append_range(inputs, columns(adaptor.getRhs(), numRhs));
    MLIRContext *ctx = rewriter.getContext();
    AffineMap lhsMap = AffineMap::get(2, 0, getAffineDimExpr(0, ctx));
    AffineMap rhsMap = AffineMap::get(2, 0, getAffineDimExpr(1, ctx));
    SmallVector<AffineMap> maps = {lhsMap, lhsMap, lhsMap, lhsMap,
                                   rhsMap, rhsMap, rhsMap, rhsMap};
    bool center = op.getFormat() == "center";
    Value pairs = buildMappedElementwise(
        rewriter, loc, RankedTensorType::get({numLhs, numRhs}, elt), inputs,
        maps, [&](OpBuilder &b, Location l, ValueRange a) -> Value {
          ScalarMath m{b, l, elt};
          auto lt = [&](Value x, Value y) {
            return arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, x, y);
          };
          // Overlap on one axis (bounding_box-common.h Intersect).
          auto overlap = [&](Value a1, Value a2, Value b1, Value b2) {
            if (center) {
              Value aw = m.div(a2, m.c(2)), bw = m.div(b2, m.c(2));
              Value al = m.sub(a1, aw), ar = m.add(a1, aw);
              Value bl = m.sub(b1, bw), br = m.add(b1, bw);
              a1 = al, a2 = ar, b1 = bl, b2 = br;
            }
            Value left = m.select(m.gt(a1, b1), a1, b1);
            Value right = m.select(lt(a2, b2), a2, b2);
            return m.positiveOr(m.sub(right, left), m.c(0));
          };
          auto area = [&](ValueRange box) {
            Value w = center ? box[2] : m.sub(box[2], box[0]);
            Value h = center ? box[3] : m.sub(box[3], box[1]);
            Value negative = arith::OrIOp::create(b, l, lt(w, m.c(0)),
                                                  lt(h, m.c(0)));
            return m.select(negative, m.c(0), m.mul(w, h));
          };
          Value inter = m.mul(overlap(a[0], a[2], a[4], a[6]),
                              overlap(a[1], a[3], a[5], a[7]));
          Value iou = m.div(inter, m.sub(m.add(area(a.take_front(4)),
                                               area(a.drop_front(4))),
                                         inter));
          return m.select(m.gt(inter, m.c(0)), iou, m.c(0));
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, pairs, outType->getShape()));
    return success();
  }
};

} // namespace

void symc::populateDetectionPatterns(RewritePatternSet &patterns) {
  patterns.add<MultiBoxPriorLowering, MultiBoxDetectionLowering, BoxNMSLowering,
               BoxIoULowering>(patterns.getContext());
}
