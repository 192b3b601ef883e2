//===- Indexing.cpp - Embedding, take, pick, one_hot, SequenceMask --------===//
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
    if (lengths.getType() != RankedTensorType::get(
                                 {type->getDimSize(op.getAxis() == 0 ? 1 : 0)},
                                 type->getElementType()))
      return rewriter.notifyMatchFailure(op, "sequence_length must be (B,) "
                                             "in the data's dtype");
    int64_t timeAxis = op.getAxis(), batchAxis = timeAxis == 0 ? 1 : 0;
    double value = op.getValue().convertToDouble();
    Type elt = type->getElementType();
    Value out = buildElementwise(
        rewriter, op.getLoc(), *type,
        {fullOperand(adaptor.getData()), axisOperand(lengths, batchAxis)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value t = linalg::IndexOp::create(b, l, timeAxis);
          Value tInt = arith::IndexCastOp::create(b, l, b.getI64Type(), t);
          Value tFloat = arith::SIToFPOp::create(b, l, elt, tInt);
          Value valid = arith::CmpFOp::create(b, l, arith::CmpFPredicate::OLT,
                                              tFloat, args[1]);
          return arith::SelectOp::create(b, l, valid, args[0],
                                         buildFloat(b, l, elt, value));
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

} // namespace

void symc::populateIndexingPatterns(RewritePatternSet &patterns) {
  patterns.add<EmbeddingLowering, OneHotLowering, TakeLowering, PickLowering,
               SequenceMaskLowering>(patterns.getContext());
}
