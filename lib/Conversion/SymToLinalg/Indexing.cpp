//===- Indexing.cpp - Embedding, take, pick, gather_nd, Sequence* ---------===//
//
// Ops that read an element chosen by an index held in another tensor: one
// elementwise generic whose body computes the coordinates (clipped or
// wrapped, as MXNet's modes) and extracts.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// An index value clipped to [0, size) or wrapped modulo size (MXNet's
/// clip / wrap modes), from a float index.
Value indexFromFloat(OpBuilder &b, Location l, Value x, int64_t size,
                     bool wrap) {
  Value i = arith::FPToSIOp::create(b, l, b.getI64Type(), x);
  Value n = arith::ConstantIntOp::create(b, l, b.getI64Type(), size);
  Value zero = arith::ConstantIntOp::create(b, l, b.getI64Type(), 0);
  if (wrap) {
    Value r = arith::RemSIOp::create(b, l, i, n);
    Value negative = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, r, zero);
    i = arith::SelectOp::create(b, l, negative, arith::AddIOp::create(b, l, r, n), r);
  } else {
    Value last = arith::ConstantIntOp::create(b, l, b.getI64Type(), size - 1);
    i = arith::MaxSIOp::create(b, l, arith::MinSIOp::create(b, l, i, last), zero);
  }
  return arith::IndexCastOp::create(b, l, b.getIndexType(), i);
}

struct EmbeddingLowering : OpConversionPattern<EmbeddingOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(EmbeddingOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    auto indexType = dyn_cast<RankedTensorType>(adaptor.getData().getType());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(outType) || !indexType || !indexType.hasStaticShape() ||
        !isa<FloatType>(indexType.getElementType()))
      return rewriter.notifyMatchFailure(op, "needs static float indices");
    Location loc = op.getLoc();
    Value weight = adaptor.getWeight();
    int64_t rank = outType->getRank(), rows = op.getInputDim();
    SmallVector<int64_t> indexAxes;
    for (int64_t i = 0; i + 1 < rank; ++i)
      indexAxes.push_back(i);
    Value out = buildElementwise(
        rewriter, loc, *outType, {{adaptor.getData(), indexAxes}},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          // MXNet clips indices to [0, input_dim - 1].
          Value row = arith::FPToSIOp::create(b, l, b.getI64Type(), args[0]);
          Value zero = arith::ConstantIntOp::create(b, l, b.getI64Type(), 0);
          Value last = arith::ConstantIntOp::create(b, l, b.getI64Type(), rows - 1);
          row = arith::MaxSIOp::create(b, l, arith::MinSIOp::create(b, l, row, last), zero);
          Value rowIndex = arith::IndexCastOp::create(b, l, b.getIndexType(), row);
          Value column = linalg::IndexOp::create(b, l, rank - 1);
          return tensor::ExtractOp::create(b, l, weight, ValueRange{rowIndex, column});
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct OneHotLowering : OpConversionPattern<OneHotOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(OneHotOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> in = getStaticFloatType(rewriter, op, adaptor.getIndices());
    FailureOr<RankedTensorType> out = getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(in) || failed(out))
      return failure();
    int64_t last = out->getRank() - 1;
    double on = op.getOnValue().convertToDouble(), off = op.getOffValue().convertToDouble();
    Type elt = out->getElementType();
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out,
        {{adaptor.getIndices(), llvm::to_vector(llvm::seq<int64_t>(0, last))}},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value index = arith::FPToSIOp::create(b, l, b.getI64Type(), args[0]);
          Value position = arith::IndexCastOp::create(
              b, l, b.getI64Type(), linalg::IndexOp::create(b, l, last));
          Value hit = arith::CmpIOp::create(b, l, arith::CmpIPredicate::eq, index, position);
          return arith::SelectOp::create(b, l, hit, buildFloat(b, l, elt, on),
                                         buildFloat(b, l, elt, off));
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct TakeLowering : OpConversionPattern<TakeOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(TakeOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> a = getStaticType(rewriter, op, adaptor.getA());
    FailureOr<RankedTensorType> idx = getStaticFloatType(rewriter, op, adaptor.getIndices());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(a) || failed(idx) || failed(out))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), a->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    int64_t idxRank = idx->getRank();
    bool wrap = op.getMode() == "wrap";
    Value source = adaptor.getA();
    SmallVector<int64_t> idxAxes;
    for (int64_t i = 0; i < idxRank; ++i)
      idxAxes.push_back(*axis + i);
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out, {{adaptor.getIndices(), idxAxes}},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          SmallVector<Value> coords;
          for (int64_t i = 0; i < *axis; ++i)
            coords.push_back(linalg::IndexOp::create(b, l, i));
          coords.push_back(indexFromFloat(b, l, args[0], a->getDimSize(*axis), wrap));
          for (int64_t i = *axis + 1; i < a->getRank(); ++i)
            coords.push_back(linalg::IndexOp::create(b, l, i - 1 + idxRank));
          return tensor::ExtractOp::create(b, l, source, coords);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

struct PickLowering : OpConversionPattern<PickOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(PickOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> data = getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> idx = getStaticFloatType(rewriter, op, adaptor.getIndex());
    FailureOr<RankedTensorType> out = getStaticType(rewriter, op, op.getOutput());
    if (failed(data) || failed(idx) || failed(out) || idx->getShape() != out->getShape())
      return rewriter.notifyMatchFailure(op, "needs static shapes");
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), data->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    bool wrap = op.getMode() == "wrap", keep = op.getKeepdims();
    Value source = adaptor.getData();
    Value result = buildElementwise(
        rewriter, op.getLoc(), *out, {fullOperand(adaptor.getIndex())},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          SmallVector<Value> coords;
          for (int64_t i = 0; i < data->getRank(); ++i) {
            if (i == *axis)
              coords.push_back(indexFromFloat(b, l, args[0], data->getDimSize(i), wrap));
            else
              coords.push_back(linalg::IndexOp::create(b, l, (i > *axis && !keep) ? i - 1 : i));
          }
          return tensor::ExtractOp::create(b, l, source, coords);
        });
    rewriter.replaceOp(op, result);
    return success();
  }
};

/// SequenceMask: steps t >= length[b] become `value`.
struct SequenceMaskLowering : OpConversionPattern<SequenceMaskOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SequenceMaskOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    Value lengths = adaptor.getSequenceLength();
    if (!op.getUseSequenceLength() || !lengths) {
      rewriter.replaceOp(op, adaptor.getData());
      return success();
    }
    int64_t timeAxis = op.getAxis(), batchAxis = timeAxis == 0 ? 1 : 0;
    double value = op.getValue().convertToDouble();
    Type elt = type->getElementType();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type,
        {fullOperand(adaptor.getData()), axisOperand(lengths, batchAxis)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          // Lengths of any dtype, truncated as static_cast<index_t>.
          Value t = linalg::IndexOp::create(b, l, timeAxis);
          Value valid = arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, t,
                                              buildIndexFromScalar(b, l, args[1]));
          return arith::SelectOp::create(b, l, valid, args[0],
                                         buildFloat(b, l, elt, value));
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// gather_nd, scatter_nd
//===----------------------------------------------------------------------===//

/// The flat position in dims[0..M) addressed by column `y` of the (M, Y)
/// index tensor. Negative indices wrap once, as gather_nd's
/// (index + X) % X; out-of-range ones are clamped (MXNet raises for
/// gather_nd and has undefined behaviour for scatter_nd).
Value flatPosition(OpBuilder &b, Location l, Value indices, Value y,
                   ArrayRef<int64_t> dims, bool wrapNegative) {
  Value flat = arith::ConstantIndexOp::create(b, l, 0);
  for (auto [j, extent] : llvm::enumerate(dims)) {
    Value row = arith::ConstantIndexOp::create(b, l, j);
    Value v = tensor::ExtractOp::create(b, l, indices, ValueRange{row, y});
    Value i;
    if (wrapNegative) {
      Value size = arith::ConstantIndexOp::create(b, l, extent);
      Value shifted =
          isa<FloatType>(v.getType())
              ? arith::AddFOp::create(b, l, v, buildFloat(b, l, v.getType(), extent))
                    .getResult()
              : arith::AddIOp::create(
                    b, l, v,
                    arith::ConstantOp::create(b, l, b.getIntegerAttr(v.getType(), extent)))
                    .getResult();
      i = arith::RemSIOp::create(b, l, buildIndexFromScalar(b, l, shifted), size);
    } else {
      i = buildIndexFromScalar(b, l, v);
    }
    i = buildClampIndex(b, l, i, 0, extent - 1);
    Value size = arith::ConstantIndexOp::create(b, l, extent);
    flat = arith::AddIOp::create(b, l, arith::MulIOp::create(b, l, flat, size), i);
  }
  return flat;
}

struct GatherNDLowering : OpConversionPattern<GatherNDOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GatherNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> indicesType =
        getStaticType(rewriter, op, adaptor.getIndices());
    FailureOr<RankedTensorType> outType =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(indicesType) || failed(outType))
      return failure();
    Location loc = op.getLoc();
    int64_t m = indicesType->getDimSize(0);
    int64_t positions = computeProduct(indicesType->getShape().drop_front());
    ArrayRef<int64_t> indexed = dataType->getShape().take_front(m);
    int64_t rest = computeProduct(dataType->getShape().drop_front(m));
    Value indices = buildReshape(rewriter, loc, adaptor.getIndices(), {m, positions});
    Value data = buildReshape(rewriter, loc, adaptor.getData(), {computeProduct(indexed), rest});
    Value out = buildGather(
        rewriter, loc,
        RankedTensorType::get({positions, rest}, outType->getElementType()), data,
        [&](OpBuilder &b, Location l, ValueRange at) -> SmallVector<Value> {
          return {flatPosition(b, l, indices, at[0], indexed, /*wrapNegative=*/true),
                  at[1]};
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, out, outType->getShape()));
    return success();
  }
};

/// scatter_nd: zeros, then a loop writing each data row at its position,
/// in order (the last of duplicate positions wins).
struct ScatterNDLowering : OpConversionPattern<ScatterNDOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(ScatterNDOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> indicesType =
        getStaticType(rewriter, op, adaptor.getIndices());
    FailureOr<RankedTensorType> outType =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(indicesType) || failed(outType) ||
        failed(getStaticType(rewriter, op, adaptor.getData())))
      return failure();
    Location loc = op.getLoc();
    Type elt = outType->getElementType();
    int64_t m = indicesType->getDimSize(0);
    int64_t positions = computeProduct(indicesType->getShape().drop_front());
    ArrayRef<int64_t> indexed = outType->getShape().take_front(m);
    int64_t rest = computeProduct(outType->getShape().drop_front(m));
    Value indices = buildReshape(rewriter, loc, adaptor.getIndices(), {m, positions});
    Value data = buildReshape(rewriter, loc, adaptor.getData(), {positions, rest});
    auto flatType = RankedTensorType::get({outType->getNumElements()}, elt);
    Value zero = arith::ConstantOp::create(rewriter, loc, rewriter.getZeroAttr(elt));
    Value init = linalg::FillOp::create(rewriter, loc, zero,
                                        buildEmpty(rewriter, loc, flatType))
                     .getResult(0);
    Value c0 = arith::ConstantIndexOp::create(rewriter, loc, 0);
    Value c1 = arith::ConstantIndexOp::create(rewriter, loc, 1);
    Value numPositions = arith::ConstantIndexOp::create(rewriter, loc, positions);
    Value restSize = arith::ConstantIndexOp::create(rewriter, loc, rest);
    auto outer = scf::ForOp::create(
        rewriter, loc, c0, numPositions, c1, ValueRange{init},
        [&](OpBuilder &b, Location l, Value y, ValueRange acc) {
          Value base = arith::MulIOp::create(
              b, l, flatPosition(b, l, indices, y, indexed, /*wrapNegative=*/false),
              restSize);
          auto inner = scf::ForOp::create(
              b, l, c0, restSize, c1, acc,
              [&](OpBuilder &ib, Location il, Value r, ValueRange acc2) {
                Value v = tensor::ExtractOp::create(ib, il, data, ValueRange{y, r});
                Value at = arith::AddIOp::create(ib, il, base, r);
                Value next = tensor::InsertOp::create(ib, il, v, acc2[0], ValueRange{at});
                scf::YieldOp::create(ib, il, next);
              });
          scf::YieldOp::create(b, l, inner.getResults());
        });
    rewriter.replaceOp(op, buildReshape(rewriter, loc, outer.getResult(0),
                                        outType->getShape()));
    return success();
  }
};

//===----------------------------------------------------------------------===//
// diag, SequenceLast, SequenceReverse
//===----------------------------------------------------------------------===//

struct DiagLowering : OpConversionPattern<DiagOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(DiagOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType))
      return failure();
    Location loc = op.getLoc();
    int64_t k = op.getK(), rank = dataType->getRank();
    Value data = adaptor.getData();
    if (rank == 1) {
      // out[i][j] = j - i == k ? v[min(i, j)] : 0.
      int64_t n = dataType->getDimSize(0);
      Type elt = outType->getElementType();
      Value out = buildMappedElementwise(
          rewriter, loc, *outType, {}, {},
          [&](OpBuilder &b, Location l, ValueRange) -> Value {
            Value i = linalg::IndexOp::create(b, l, 0);
            Value j = linalg::IndexOp::create(b, l, 1);
            Value offset = arith::SubIOp::create(b, l, j, i);
            Value onDiagonal = arith::CmpIOp::create(
                b, l, arith::CmpIPredicate::eq, offset,
                arith::ConstantIndexOp::create(b, l, k));
            Value at = buildClampIndex(b, l, arith::MinSIOp::create(b, l, i, j), 0,
                                       n - 1);
            Value v = tensor::ExtractOp::create(b, l, data, ValueRange{at});
            Value zero = arith::ConstantOp::create(b, l, b.getZeroAttr(elt));
            return arith::SelectOp::create(b, l, onDiagonal, v, zero);
          });
      rewriter.replaceOp(op, out);
      return success();
    }
    int64_t axis1 = op.getAxis1() < 0 ? op.getAxis1() + rank : op.getAxis1();
    int64_t axis2 = op.getAxis2() < 0 ? op.getAxis2() + rank : op.getAxis2();
    Value out = buildGather(
        rewriter, loc, *outType, data,
        [&](OpBuilder &b, Location l, ValueRange at) -> SmallVector<Value> {
          // The other axes in order, then the position along the diagonal.
          Value i = at.back();
          SmallVector<Value> source;
          for (int64_t d = 0, next = 0; d < rank; ++d) {
            if (d == axis1 || d == axis2) {
              int64_t shift = d == axis1 ? std::max<int64_t>(0, -k)
                                         : std::max<int64_t>(0, k);
              source.push_back(arith::AddIOp::create(
                  b, l, i, arith::ConstantIndexOp::create(b, l, shift)));
            } else {
              source.push_back(at[next++]);
            }
          }
          return source;
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

/// The (truncated) length of sequence `batchIndex`, clamped to [lo, steps].
Value sequenceLength(OpBuilder &b, Location l, Value lengths, Value batchIndex,
                     int64_t steps, int64_t lo) {
  if (!lengths)
    return arith::ConstantIndexOp::create(b, l, steps);
  Value v = tensor::ExtractOp::create(b, l, lengths, ValueRange{batchIndex});
  return buildClampIndex(b, l, buildIndexFromScalar(b, l, v), lo, steps);
}

struct SequenceLastLowering : OpConversionPattern<SequenceLastOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SequenceLastOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(dataType) || failed(outType))
      return failure();
    int64_t timeAxis = op.getAxis();
    int64_t steps = dataType->getDimSize(timeAxis);
    Value lengths = op.getUseSequenceLength() ? adaptor.getSequenceLength() : Value();
    Value out = buildGather(
        rewriter, op.getLoc(), *outType, adaptor.getData(),
        [&](OpBuilder &b, Location l, ValueRange at) -> SmallVector<Value> {
          // Output (B, rest...): the step length - 1 of batch at[0].
          Value t = arith::SubIOp::create(
              b, l, sequenceLength(b, l, lengths, at[0], steps, 1),
              arith::ConstantIndexOp::create(b, l, 1));
          SmallVector<Value> source(at.begin(), at.end());
          source.insert(source.begin() + timeAxis, t);
          return source;
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct SequenceReverseLowering : OpConversionPattern<SequenceReverseOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(SequenceReverseOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticType(rewriter, op, op.getOutput());
    if (failed(type))
      return failure();
    int64_t steps = type->getDimSize(0);
    Value lengths = op.getUseSequenceLength() ? adaptor.getSequenceLength() : Value();
    Value out = buildGather(
        rewriter, op.getLoc(), *type, adaptor.getData(),
        [&](OpBuilder &b, Location l, ValueRange at) -> SmallVector<Value> {
          // (T, B, ...): steps t < L_b come from L_b - 1 - t, the rest stay.
          Value length = sequenceLength(b, l, lengths, at[1], steps, 0);
          Value t = at[0];
          Value inPrefix =
              arith::CmpIOp::create(b, l, arith::CmpIPredicate::slt, t, length);
          Value mirrored = arith::SubIOp::create(
              b, l, arith::SubIOp::create(b, l, length, t),
              arith::ConstantIndexOp::create(b, l, 1));
          SmallVector<Value> source(at.begin(), at.end());
          source[0] = arith::SelectOp::create(b, l, inPrefix, mirrored, t);
          return source;
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

} // namespace

void symc::populateIndexingPatterns(RewritePatternSet &patterns) {
  patterns.add<EmbeddingLowering, OneHotLowering, TakeLowering, PickLowering,
               SequenceMaskLowering, GatherNDLowering, ScatterNDLowering,
               DiagLowering, SequenceLastLowering, SequenceReverseLowering>(
      patterns.getContext());
}
