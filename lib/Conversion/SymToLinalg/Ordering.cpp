//===- Ordering.cpp - topk, sort, argsort, _histogram ---------------------===//
//
// The input is viewed as (outer, n, inner) around the sorted axis (the
// flattened input for axis=None) and the runtime kernel symc_topk_f32 sorts
// each column, returning the first k values and their positions (int64).
// Positions are then converted to the op's index dtype; topk's mask marks
// the selected positions with a reduction over k. _histogram's binning
// (MXNet's search over the edges) is the runtime kernel symc_histogram_*.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Linalg/Utils/Utils.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// The sorted columns of one ordering op, as (outer, k, inner) tensors.
struct SortedColumns {
  Value values, positions; // f32 and i64
  SmallVector<int64_t> viewShape; // (outer, n, inner)
};

FailureOr<SortedColumns> sortColumns(ConversionPatternRewriter &rewriter,
                                     Operation *op, Value data,
                                     std::optional<int64_t> axis, int64_t k,
                                     bool ascending) {
  FailureOr<RankedTensorType> type = getStaticType(rewriter, op, data);
  if (failed(type))
    return failure();
  if (!type->getElementType().isF32())
    return op->emitOpError("is implemented for float32 data only");
  ArrayRef<int64_t> shape = type->getShape();
  int64_t outer = 1, n = type->getNumElements(), inner = 1;
  if (axis) {
    int64_t a = *axis < 0 ? *axis + type->getRank() : *axis;
    n = shape[a];
    outer = computeProduct(shape.take_front(a));
    inner = computeProduct(shape.drop_front(a + 1));
  }
  if (k <= 0 || k > n)
    k = n;
  Location loc = op->getLoc();
  Value view = buildReshape(rewriter, loc, data, {outer, n, inner});
  Type f32 = rewriter.getF32Type(), i64 = rewriter.getI64Type();
  SmallVector<Value> results = buildRuntimeCall(
      rewriter, loc, op, "symc_topk_f32",
      {RankedTensorType::get({outer, k, inner}, f32),
       RankedTensorType::get({outer, k, inner}, i64)},
      {view},
      {arith::ConstantOp::create(rewriter, loc, rewriter.getI32IntegerAttr(ascending))});
  return SortedColumns{results[0], results[1], {outer, n, inner}};
}

/// `positions` (i64) converted to the element type of `resultType`, and
/// reshaped to it.
Value convertPositions(OpBuilder &b, Location loc, Value positions,
                       RankedTensorType resultType) {
  auto type = cast<RankedTensorType>(positions.getType());
  Type elt = resultType.getElementType();
  Value converted = buildElementwise(
      b, loc, RankedTensorType::get(type.getShape(), elt),
      {fullOperand(positions)}, [&](OpBuilder &nb, Location l, ValueRange a) {
        return convertScalarToDtype(nb, l, a[0], elt, /*isUnsignedCast=*/false);
      });
  return buildReshape(b, loc, converted, resultType.getShape());
}

/// topk's mask: 1 where a position of the input is among the first k.
Value buildMask(OpBuilder &b, Location loc, const SortedColumns &sorted,
                RankedTensorType resultType) {
  Type elt = resultType.getElementType();
  auto maskType = RankedTensorType::get(sorted.viewShape, elt);
  MLIRContext *ctx = b.getContext();
  // (o, j, i, r): position r of column (o, i) marks row j.
  AffineMap positionsMap = AffineMap::get(
      4, 0, {getAffineDimExpr(0, ctx), getAffineDimExpr(3, ctx), getAffineDimExpr(2, ctx)},
      ctx);
  AffineMap outMap = AffineMap::get(
      4, 0, {getAffineDimExpr(0, ctx), getAffineDimExpr(1, ctx), getAffineDimExpr(2, ctx)},
      ctx);
  SmallVector<utils::IteratorType> iterators(3, utils::IteratorType::parallel);
  iterators.push_back(utils::IteratorType::reduction);
  Value mask = linalg::GenericOp::create(
                   b, loc, TypeRange{maskType}, ValueRange{sorted.positions},
                   ValueRange{buildFilled(b, loc, maskType, 0.0)},
                   ArrayRef<AffineMap>{positionsMap, outMap}, iterators,
                   [&](OpBuilder &nb, Location l, ValueRange args) {
                     Value row = arith::IndexCastOp::create(
                         nb, l, nb.getI64Type(), linalg::IndexOp::create(nb, l, 1));
                     Value hit = arith::CmpIOp::create(
                         nb, l, arith::CmpIPredicate::eq, args[0], row);
                     Value one = buildFloat(nb, l, elt, 1.0);
                     linalg::YieldOp::create(
                         nb, l, ValueRange{arith::SelectOp::create(nb, l, hit, one, args[1])
                                               .getResult()});
                   })
                   .getResult(0);
  return buildReshape(b, loc, mask, resultType.getShape());
}

struct TopKLowering : OpConversionPattern<TopKOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TopKOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    SmallVector<RankedTensorType> resultTypes;
    for (Value result : op.getOutputs()) {
      FailureOr<RankedTensorType> type = getStaticType(rewriter, op, result);
      if (failed(type))
        return failure();
      resultTypes.push_back(*type);
    }
    FailureOr<SortedColumns> sorted =
        sortColumns(rewriter, op, adaptor.getData(), op.getSortAxis(),
                    op.getK(), op.getIsAscend());
    if (failed(sorted))
      return failure();
    Location loc = op.getLoc();
    StringRef ret = op.getRetTyp();
    SmallVector<Value> results;
    if (ret == "mask") {
      results.push_back(buildMask(rewriter, loc, *sorted, resultTypes[0]));
    } else if (ret == "indices") {
      results.push_back(
          convertPositions(rewriter, loc, sorted->positions, resultTypes[0]));
    } else { // value, both: values then positions
      results.push_back(
          buildReshape(rewriter, loc, sorted->values, resultTypes[0].getShape()));
      results.push_back(
          convertPositions(rewriter, loc, sorted->positions, resultTypes[1]));
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

struct SortLowering : OpConversionPattern<SortOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> valuesType =
        getStaticType(rewriter, op, op.getOutput());
    FailureOr<RankedTensorType> indicesType =
        getStaticType(rewriter, op, op.getIndices());
    if (failed(valuesType) || failed(indicesType))
      return failure();
    FailureOr<SortedColumns> sorted = sortColumns(
        rewriter, op, adaptor.getData(), op.getSortAxis(), 0, op.getIsAscend());
    if (failed(sorted))
      return failure();
    Location loc = op.getLoc();
    rewriter.replaceOp(
        op, {buildReshape(rewriter, loc, sorted->values, valuesType->getShape()),
             convertPositions(rewriter, loc, sorted->positions, *indicesType)});
    return success();
  }
};

struct ArgSortLowering : OpConversionPattern<ArgSortOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ArgSortOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type = getStaticType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    FailureOr<SortedColumns> sorted = sortColumns(
        rewriter, op, adaptor.getData(), op.getSortAxis(), 0, op.getIsAscend());
    if (failed(sorted))
      return failure();
    rewriter.replaceOp(
        op, convertPositions(rewriter, op.getLoc(), sorted->positions, *type));
    return success();
  }
};

struct HistogramLowering : OpConversionPattern<HistogramOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(HistogramOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> data = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> counts = getStaticType(rewriter, op, op.getHistogram());
    FailureOr<RankedTensorType> edges = getStaticType(rewriter, op, op.getBinEdges());
    if (failed(data) || failed(counts) || failed(edges))
      return failure();
    if (!data->getElementType().isF32() || !counts->getElementType().isInteger(64))
      return op->emitOpError("is implemented for float32 data only");
    Location loc = op.getLoc();
    int64_t bins = counts->getDimSize(0);
    // The kernels take (1, n, 1) views.
    auto view = [&](Value v, int64_t n) { return buildReshape(rewriter, loc, v, {1, n, 1}); };
    SmallVector<RankedTensorType> resultTypes = {
        RankedTensorType::get({1, bins, 1}, counts->getElementType()),
        RankedTensorType::get({1, bins + 1, 1}, edges->getElementType())};
    SmallVector<Value> results;
    if (std::optional<int64_t> count = op.getBinCnt()) {
      ArrayRef<double> range = *op.getRange();
      results = buildRuntimeCall(
          rewriter, loc, op, "symc_histogram_uniform_f32", resultTypes,
          {view(adaptor.getData(), data->getNumElements())},
          {arith::ConstantOp::create(rewriter, loc, rewriter.getF64FloatAttr(range[0])),
           arith::ConstantOp::create(rewriter, loc, rewriter.getF64FloatAttr(range[1]))});
    } else {
      if (!cast<RankedTensorType>(adaptor.getBins().getType()).getElementType().isF32())
        return op->emitOpError("is implemented for float32 bin edges only");
      results = buildRuntimeCall(rewriter, loc, op, "symc_histogram_f32", resultTypes,
                                 {view(adaptor.getData(), data->getNumElements()),
                                  view(adaptor.getBins(), bins + 1)},
                                 {});
    }
    rewriter.replaceOp(op, {buildReshape(rewriter, loc, results[0], {bins}),
                            buildReshape(rewriter, loc, results[1], {bins + 1})});
    return success();
  }
};

} // namespace

void symc::populateOrderingPatterns(RewritePatternSet &patterns) {
  patterns.add<TopKLowering, SortLowering, ArgSortLowering, HistogramLowering>(
      patterns.getContext());
}
