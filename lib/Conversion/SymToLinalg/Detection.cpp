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

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinAttributes.h"

#include <cmath>
#include <limits>

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
    int64_t n = shape[shape.size() - 2], width = shape.back();
    int64_t batches = computeProduct(shape.drop_back(2));
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

//===----------------------------------------------------------------------===//
// ROIPooling, ROIAlign: one generic over (R, C, PH, PW) whose body loops
// over the bin (its extent depends on the roi, read in the body).
//===----------------------------------------------------------------------===//

/// Column k of roi r, as a scalar.
Value roiValue(OpBuilder &b, Location l, Value rois, Value r, int64_t k) {
  return tensor::ExtractOp::create(b, l, rois,
                                   ValueRange{r, arith::ConstantIndexOp::create(b, l, k)});
}

/// An index value as a float of type `type`.
Value indexToFloat(OpBuilder &b, Location l, Value i, Type type) {
  return arith::SIToFPOp::create(
      b, l, type, arith::IndexCastOp::create(b, l, b.getI64Type(), i));
}

struct ROIPoolingLowering : OpConversionPattern<ROIPoolingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ROIPoolingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getPooledSize().size() != 2)
      return rewriter.notifyMatchFailure(op, "pooled_size needs 2 entries");
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType) ||
        failed(getStaticType(rewriter, op, adaptor.getRois())))
      return failure();
    Location loc = op.getLoc();
    Value data = adaptor.getData(), rois = adaptor.getRois();
    Type elt = outType->getElementType();
    int64_t batches = dataType->getDimSize(0), height = dataType->getDimSize(2),
            width = dataType->getDimSize(3);
    int64_t pooledH = op.getPooledSize()[0], pooledW = op.getPooledSize()[1];
    double scale = op.getSpatialScale().convertToDouble();
    // Each output is the max and its flat position h * W + w; empty bins
    // and rois of another batch give 0 and -1.
    auto pool = [&](OpBuilder &b, Location l, bool wantIndex) -> Value {
      ScalarMath m{b, l, elt};
      Value r = linalg::IndexOp::create(b, l, 0), c = linalg::IndexOp::create(b, l, 1);
      Value ph = linalg::IndexOp::create(b, l, 2), pw = linalg::IndexOp::create(b, l, 3);
      Value batch = buildIndexFromScalar(b, l, roiValue(b, l, rois, r, 0));
      Value zero = arith::ConstantIndexOp::create(b, l, 0);
      Value validBatch = arith::AndIOp::create(
          b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, batch, zero),
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, batch,
                                arith::ConstantIndexOp::create(b, l, batches)));
      batch = buildClampIndex(b, l, batch, 0, batches - 1);
      // round(coordinate * scale), half away from zero.
      auto corner = [&](int64_t k) {
        Value v = math::RoundOp::create(b, l, m.mul(roiValue(b, l, rois, r, k), m.c(scale)));
        return buildIndexFromScalar(b, l, v);
      };
      Value startW = corner(1), startH = corner(2), endW = corner(3), endH = corner(4);
      Value one = arith::ConstantIndexOp::create(b, l, 1);
      auto extent = [&](Value start, Value end) { // max(end - start + 1, 1)
        return arith::MaxSIOp::create(
            b, l, arith::AddIOp::create(b, l, arith::SubIOp::create(b, l, end, start), one),
            one);
      };
      auto binRange = [&](Value p, Value roiExtent, int64_t pooled, Value start,
                          int64_t size) -> std::pair<Value, Value> {
        Value bin = m.div(indexToFloat(b, l, roiExtent, elt), m.c(double(pooled)));
        Value lo = buildIndexFromScalar(
            b, l, math::FloorOp::create(b, l, m.mul(indexToFloat(b, l, p, elt), bin)));
        Value hi = buildIndexFromScalar(
            b, l, math::CeilOp::create(
                      b, l, m.mul(indexToFloat(b, l, arith::AddIOp::create(b, l, p, one), elt),
                                  bin)));
        return {buildClampIndex(b, l, arith::AddIOp::create(b, l, lo, start), 0, size),
                buildClampIndex(b, l, arith::AddIOp::create(b, l, hi, start), 0, size)};
      };
      auto [hStart, hEnd] = binRange(ph, extent(startH, endH), pooledH, startH, height);
      auto [wStart, wEnd] = binRange(pw, extent(startW, endW), pooledW, startW, width);
      Value lowest = m.c(-std::numeric_limits<float>::max());
      Value noIndex = m.c(-1.0);
      auto rows = scf::ForOp::create(
          b, l, hStart, hEnd, one, ValueRange{lowest, noIndex},
          [&](OpBuilder &hb, Location hl, Value h, ValueRange hAcc) {
            auto cols = scf::ForOp::create(
                hb, hl, wStart, wEnd, one, hAcc,
                [&](OpBuilder &wb, Location wl, Value w, ValueRange acc) {
                  ScalarMath wm{wb, wl, elt};
                  Value v = tensor::ExtractOp::create(wb, wl, data,
                                                      ValueRange{batch, c, h, w});
                  Value better = wm.gt(v, acc[0]);
                  Value flat = arith::AddIOp::create(
                      wb, wl,
                      arith::MulIOp::create(wb, wl, h,
                                            arith::ConstantIndexOp::create(wb, wl, width)),
                      w);
                  scf::YieldOp::create(
                      wb, wl,
                      ValueRange{wm.select(better, v, acc[0]),
                                 wm.select(better, indexToFloat(wb, wl, flat, elt), acc[1])});
                });
            scf::YieldOp::create(hb, hl, cols.getResults());
          });
      Value empty = arith::OrIOp::create(
          b, l, arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, hEnd, hStart),
          arith::CmpIOp::create(b, l, arith::CmpIPredicate::sle, wEnd, wStart));
      Value skip = arith::OrIOp::create(
          b, l, empty, arith::XOrIOp::create(b, l, validBatch,
                                              arith::ConstantIntOp::create(b, l, 1, 1)));
      return m.select(skip, wantIndex ? noIndex : m.c(0.0),
                      rows.getResult(wantIndex ? 1 : 0));
    };
    Value output = buildMappedElementwise(
        rewriter, loc, *outType, {}, {},
        [&](OpBuilder &b, Location l, ValueRange) { return pool(b, l, false); });
    Value maxIndex = buildMappedElementwise(
        rewriter, loc, *outType, {}, {},
        [&](OpBuilder &b, Location l, ValueRange) { return pool(b, l, true); });
    rewriter.replaceOp(op, {output, maxIndex});
    return success();
  }
};

struct ROIAlignLowering : OpConversionPattern<ROIAlignOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ROIAlignOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    if (op.getPooledSize().size() != 2)
      return rewriter.notifyMatchFailure(op, "pooled_size needs 2 entries");
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType) ||
        failed(getStaticType(rewriter, op, adaptor.getRois())))
      return failure();
    Value data = adaptor.getData(), rois = adaptor.getRois();
    Type elt = outType->getElementType();
    int64_t batches = dataType->getDimSize(0), height = dataType->getDimSize(2),
            width = dataType->getDimSize(3);
    int64_t pooledH = op.getPooledSize()[0], pooledW = op.getPooledSize()[1];
    double scale = op.getSpatialScale().convertToDouble();
    double offset = op.getAligned() ? 0.5 : 0.0;
    int64_t sampleRatio = op.getSampleRatio();
    bool positionSensitive = op.getPositionSensitive(), aligned = op.getAligned();

    Value result = buildMappedElementwise(
        rewriter, op.getLoc(), *outType, {}, {},
        [&](OpBuilder &b, Location l, ValueRange) -> Value {
          ScalarMath m{b, l, elt};
          Value r = linalg::IndexOp::create(b, l, 0), c = linalg::IndexOp::create(b, l, 1);
          Value ph = linalg::IndexOp::create(b, l, 2), pw = linalg::IndexOp::create(b, l, 3);
          Value batch = buildIndexFromScalar(b, l, roiValue(b, l, rois, r, 0));
          // A negative batch index yields zeros (MXNet's documented intent).
          Value validBatch = arith::CmpIOp::create(
              b, l, arith::CmpIPredicate::sge, batch, arith::ConstantIndexOp::create(b, l, 0));
          batch = buildClampIndex(b, l, batch, 0, batches - 1);
          Value channel = c;
          if (positionSensitive) // c * PH * PW + ph * PW + pw
            channel = arith::AddIOp::create(
                b, l,
                arith::MulIOp::create(b, l, c,
                                      arith::ConstantIndexOp::create(b, l, pooledH * pooledW)),
                arith::AddIOp::create(
                    b, l,
                    arith::MulIOp::create(b, l, ph, arith::ConstantIndexOp::create(b, l, pooledW)),
                    pw));
          auto coordinate = [&](int64_t k) {
            return m.sub(m.mul(roiValue(b, l, rois, r, k), m.c(scale)), m.c(offset));
          };
          Value x1 = coordinate(1), y1 = coordinate(2);
          Value roiW = m.sub(coordinate(3), x1), roiH = m.sub(coordinate(4), y1);
          if (!aligned) {
            roiW = m.select(m.gt(roiW, m.c(1.0)), roiW, m.c(1.0));
            roiH = m.select(m.gt(roiH, m.c(1.0)), roiH, m.c(1.0));
          }
          Value binH = m.div(roiH, m.c(double(pooledH)));
          Value binW = m.div(roiW, m.c(double(pooledW)));
          auto grid = [&](Value roiExtent, int64_t pooled) -> Value {
            if (sampleRatio > 0)
              return arith::ConstantIndexOp::create(b, l, sampleRatio);
            return buildIndexFromScalar(
                b, l, math::CeilOp::create(b, l, m.div(roiExtent, m.c(double(pooled)))));
          };
          Value gridH = grid(roiH, pooledH), gridW = grid(roiW, pooledW);
          Value gridHf = indexToFloat(b, l, gridH, elt), gridWf = indexToFloat(b, l, gridW, elt);
          Value startY = m.add(y1, m.mul(indexToFloat(b, l, ph, elt), binH));
          Value startX = m.add(x1, m.mul(indexToFloat(b, l, pw, elt), binW));
          Value zeroIdx = arith::ConstantIndexOp::create(b, l, 0);
          Value one = arith::ConstantIndexOp::create(b, l, 1);
          auto sum = scf::ForOp::create(
              b, l, zeroIdx, gridH, one, ValueRange{m.c(0.0)},
              [&](OpBuilder &yb, Location yl, Value iy, ValueRange yAcc) {
                ScalarMath ym{yb, yl, elt};
                Value y = ym.add(startY, ym.div(ym.mul(ym.add(indexToFloat(yb, yl, iy, elt),
                                                              ym.c(0.5)),
                                                       binH),
                                                gridHf));
                auto inner = scf::ForOp::create(
                    yb, yl, zeroIdx, gridW, one, yAcc,
                    [&](OpBuilder &xb, Location xl, Value ix, ValueRange acc) {
                      ScalarMath xm{xb, xl, elt};
                      Value x = xm.add(
                          startX, xm.div(xm.mul(xm.add(indexToFloat(xb, xl, ix, elt),
                                                       xm.c(0.5)),
                                                binW),
                                         gridWf));
                      Value sample = bilinearSample(xb, xl, data, batch, channel, y, x,
                                                    height, width);
                      scf::YieldOp::create(xb, xl, ValueRange{xm.add(acc[0], sample)});
                    });
                scf::YieldOp::create(yb, yl, inner.getResults());
              });
          Value count = m.mul(gridHf, gridWf);
          Value average = m.div(sum.getResult(0), count);
          return m.select(validBatch, average, m.c(0.0));
        });
    rewriter.replaceOp(op, result);
    return success();
  }

private:
  /// MXNet's ROIAlign bilinear_interpolate: 0 outside [-1, H] x [-1, W],
  /// coordinates clamped at 0 and at the last row/column.
  static Value bilinearSample(OpBuilder &b, Location l, Value data, Value batch,
                              Value channel, Value y, Value x, int64_t height,
                              int64_t width) {
    Type elt = y.getType();
    ScalarMath m{b, l, elt};
    auto lt = [&](Value p, Value q) {
      return arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT, p, q);
    };
    Value outside = arith::OrIOp::create(
        b, l,
        arith::OrIOp::create(b, l, lt(y, m.c(-1.0)), m.gt(y, m.c(double(height)))),
        arith::OrIOp::create(b, l, lt(x, m.c(-1.0)), m.gt(x, m.c(double(width)))));
    auto axis = [&](Value v, int64_t size) -> std::tuple<Value, Value, Value> {
      Value clamped = m.select(m.gt(v, m.c(0.0)), v, m.c(0.0));
      Value low = buildIndexFromScalar(b, l, clamped);
      Value last = arith::ConstantIndexOp::create(b, l, size - 1);
      Value atEdge = arith::CmpIOp::create(b, l, arith::CmpIPredicate::sge, low, last);
      low = arith::SelectOp::create(b, l, atEdge, last, low);
      Value high = arith::SelectOp::create(
          b, l, atEdge, last,
          arith::AddIOp::create(b, l, low, arith::ConstantIndexOp::create(b, l, 1)));
      clamped = m.select(atEdge, indexToFloat(b, l, low, elt), clamped);
      Value frac = m.sub(clamped, indexToFloat(b, l, low, elt));
      return {low, high, frac};
    };
    auto [yLow, yHigh, ly] = axis(y, height);
    auto [xLow, xHigh, lx] = axis(x, width);
    Value hy = m.sub(m.c(1.0), ly), hx = m.sub(m.c(1.0), lx);
    auto at = [&](Value yy, Value xx) {
      return tensor::ExtractOp::create(b, l, data, ValueRange{batch, channel, yy, xx})
          .getResult();
    };
    Value value = m.add(m.add(m.add(m.mul(m.mul(hy, hx), at(yLow, xLow)),
                                    m.mul(m.mul(hy, lx), at(yLow, xHigh))),
                              m.mul(m.mul(ly, hx), at(yHigh, xLow))),
                        m.mul(m.mul(ly, lx), at(yHigh, xHigh)));
    return m.select(outside, m.c(0.0), value);
  }
};

} // namespace

void symc::populateDetectionPatterns(RewritePatternSet &patterns) {
  patterns.add<MultiBoxPriorLowering, MultiBoxDetectionLowering, BoxNMSLowering,
               BoxIoULowering, ROIPoolingLowering, ROIAlignLowering>(
      patterns.getContext());
}
