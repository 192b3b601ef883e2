//===- Layout.cpp - re-layouts and loops over slices ------------------===//

#include "Layout.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"

#include <vector>

using namespace mlir;

namespace symc::cpu {

Value padHigh(OpBuilder &b, Location loc, Value source, ArrayRef<int64_t> high) {
  if (llvm::all_of(high, [](int64_t h) { return h == 0; }))
    return source;
  auto type = cast<RankedTensorType>(source.getType());
  SmallVector<int64_t> shape(type.getShape());
  for (auto [extent, h] : llvm::zip(shape, high))
    extent += h;
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
  SmallVector<OpFoldResult> lowPad(high.size(), b.getIndexAttr(0)), highPad;
  for (int64_t h : high)
    highPad.push_back(b.getIndexAttr(h));
  return tensor::PadOp::create(b, loc, RankedTensorType::get(shape, type.getElementType()),
                               source, lowPad, highPad, zero);
}

/// The constant that `source` is, or is a static unit-stride slice of
/// (skipPaddingTaps slices each tap's weights), and the offsets and sizes
/// of that slice (empty for the constant itself).
static DenseElementsAttr constantOrSliceOf(Value source, SmallVectorImpl<int64_t> &offsets,
                                           SmallVectorImpl<int64_t> &sizes) {
  DenseElementsAttr value;
  if (matchPattern(source, m_Constant(&value)))
    return value;
  auto slice = source.getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice || !slice.hasUnitStride() || !matchPattern(slice.getSource(), m_Constant(&value)) ||
      slice.getSourceType().getRank() != slice.getResultType().getRank() ||
      ShapedType::isDynamicShape(slice.getStaticOffsets()) ||
      !slice.getResultType().hasStaticShape())
    return nullptr;
  offsets.assign(slice.getStaticOffsets().begin(), slice.getStaticOffsets().end());
  sizes.assign(slice.getResultType().getShape().begin(), slice.getResultType().getShape().end());
  return value;
}

Value relayoutConstant(OpBuilder &b, Location loc, Value source, ArrayRef<int64_t> shape,
                       function_ref<std::optional<int64_t>(ArrayRef<int64_t>)> sourceOffset) {
  SmallVector<int64_t> sliceOffsets, sliceSizes;
  DenseElementsAttr value = constantOrSliceOf(source, sliceOffsets, sliceSizes);
  if (!value || !value.getElementType().isF32())
    return nullptr;
  ArrayRef<int64_t> wholeShape = cast<ShapedType>(value.getType()).getShape();
  // An offset into the slice as one into the whole constant.
  auto wholeOffset = [&](int64_t offset) {
    if (sliceSizes.empty())
      return offset;
    int64_t whole = 0, stride = 1;
    for (int64_t d = int64_t(sliceSizes.size()) - 1; d >= 0; --d) {
      whole += (offset % sliceSizes[d] + sliceOffsets[d]) * stride;
      offset /= sliceSizes[d];
      stride *= wholeShape[d];
    }
    return whole;
  };
  // Read in place: each of a sliced constant's slices would copy it whole.
  auto values = value.getValues<float>().begin();
  std::vector<float> result(size_t(ShapedType::getNumElements(shape)), 0.0f);
  SmallVector<int64_t> index(shape.size(), 0);
  for (float &element : result) {
    if (std::optional<int64_t> offset = sourceOffset(index))
      element = values[wholeOffset(*offset)];
    for (int64_t d = int64_t(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
  auto type = RankedTensorType::get(shape, b.getF32Type());
  return arith::ConstantOp::create(b, loc,
                                   DenseElementsAttr::get(type, ArrayRef<float>(result)));
}

Value sliceOf(OpBuilder &b, Location loc, Value source, ArrayRef<OpFoldResult> offsets,
              ArrayRef<int64_t> shape, int64_t rank) {
  auto type = cast<RankedTensorType>(source.getType());
  ArrayRef<int64_t> kept = shape;
  while (rank && int64_t(kept.size()) > rank && kept.front() == 1)
    kept = kept.drop_front();
  MLIRContext *ctx = b.getContext();
  return tensor::ExtractSliceOp::create(
      b, loc, RankedTensorType::get(kept, type.getElementType()), source, offsets,
      getAsIndexOpFoldResult(ctx, shape),
      SmallVector<OpFoldResult>(shape.size(), b.getIndexAttr(1)));
}

Value insertSlice(OpBuilder &b, Location loc, Value source, Value dest,
                  ArrayRef<OpFoldResult> offsets) {
  ArrayRef<int64_t> sizes = cast<RankedTensorType>(source.getType()).getShape();
  return tensor::InsertSliceOp::create(
      b, loc, source, dest, offsets, getAsIndexOpFoldResult(b.getContext(), sizes),
      SmallVector<OpFoldResult>(sizes.size(), b.getIndexAttr(1)));
}

Value scaledIndex(OpBuilder &b, Location loc, Value index, int64_t factor, int64_t offset) {
  Value result = index;
  if (factor != 1)
    result = arith::MulIOp::create(b, loc, result, arith::ConstantIndexOp::create(b, loc, factor));
  if (offset != 0)
    result = arith::AddIOp::create(b, loc, result, arith::ConstantIndexOp::create(b, loc, offset));
  return result;
}

Value forEach(OpBuilder &b, Location loc, int64_t extent, int64_t step, Value init,
              StepBody body) {
  auto index = [&](int64_t v) { return arith::ConstantIndexOp::create(b, loc, v); };
  auto loop = scf::ForOp::create(b, loc, index(0), index(extent), index(step), ValueRange{init},
                                 [&](OpBuilder &nb, Location l, Value i, ValueRange carried) {
                                   scf::YieldOp::create(nb, l, body(nb, l, i, carried[0]));
                                 });
  return loop.getResult(0);
}

Value loopOverSlices(OpBuilder &b, Location loc, int64_t count, Value init,
                     ArrayRef<OpFoldResult> sizes, bool parallel, SliceBody body) {
  SmallVector<OpFoldResult> unitStrides(sizes.size(), b.getIndexAttr(1));
  if (parallel) {
    auto forall = scf::ForallOp::create(b, loc, ArrayRef<OpFoldResult>{b.getIndexAttr(count)},
                                        ValueRange{init}, std::nullopt);
    OpBuilder nb = OpBuilder::atBlockBegin(forall.getBody());
    Value whole = forall.getRegionIterArgs()[0];
    auto [result, offsets] = body(nb, loc, forall.getInductionVar(0), whole);
    nb.setInsertionPointToEnd(&forall.getTerminator().getRegion().front());
    tensor::ParallelInsertSliceOp::create(nb, loc, result, whole, offsets, sizes,
                                          unitStrides);
    return forall.getResult(0);
  }
  return forEach(b, loc, count, 1, init,
                 [&](OpBuilder &nb, Location l, Value index, Value whole) -> Value {
                   auto [result, offsets] = body(nb, l, index, whole);
                   return tensor::InsertSliceOp::create(nb, l, result, whole, offsets, sizes,
                                                        unitStrides);
                 });
}

} // namespace symc::cpu
