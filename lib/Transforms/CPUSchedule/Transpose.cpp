//===- Transpose.cpp - transposes in cache-line blocks -----------------===//
//
// Transposes run in blocks of 16 along the result's last dimension (its
// contiguous writes) and the result dimension that reads the source's
// last one (its contiguous reads), so that a block uses whole cache lines
// on both sides. A transpose of a zero padding writes into the padded
// result's interior instead, its border filled apart.
//
//===----------------------------------------------------------------------===//

#include "Schedules.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>
#include <tuple>

using namespace mlir;

namespace symc::cpu {
namespace {

/// Fewer elements than this run on one thread (the fork costs more); the
/// default of symc-cpu-parallelize's min-iterations.
constexpr int64_t kMinParallelElements = 65536;

/// A transpose's schedule: its block tile and, when threads share it, the
/// result dimension they split into `threads` chunks.
struct TransposeSchedule {
  SmallVector<int64_t> tile;
  int64_t sharedDim = -1, chunk = 0;
  bool operator<(const TransposeSchedule &o) const {
    return std::tie(tile, sharedDim, chunk) < std::tie(o.tile, o.sharedDim, o.chunk);
  }
};

/// The outermost result dimension that `threads` split evenly into whole
/// blocks of `tile`, for a large enough static result; -1 for none.
int64_t dimensionToShare(ShapedType result, ArrayRef<int64_t> tile, int64_t threads) {
  if (threads < 2 || !result.hasStaticShape() ||
      result.getNumElements() < kMinParallelElements)
    return -1;
  for (int64_t dim = 0; dim < result.getRank(); ++dim) {
    int64_t extent = result.getDimSize(dim);
    if (extent % threads == 0 && (extent / threads) % tile[dim] == 0)
      return dim;
  }
  return -1;
}

/// transpose(pad(x)) -> the transpose of x written into the interior of the
/// padded result, of which only the border is filled: one pass over the
/// data where the pad and the transpose were three (the whole padded
/// tensor filled, x copied into it, the copy transposed). An image input
/// going channel-last for a first convolution (3 channels, a column of
/// padding) also transposes in whole blocks this way: the padded width
/// (225 for SqueezeNet's conv1) left its last block partial, of dynamic
/// size. SqueezeNet at batch 8: 2.2 ms for the three passes over its
/// 4.8 MB input, 0.8 ms for the one.
void transposePadsInPlace(ModuleOp module) {
  SmallVector<linalg::TransposeOp> transposes;
  module.walk([&](linalg::TransposeOp op) { transposes.push_back(op); });
  for (linalg::TransposeOp op : transposes) {
    auto pad = op.getInput().getDefiningOp<tensor::PadOp>();
    if (!pad || !pad->hasOneUse() || !op.hasPureTensorSemantics())
      continue;
    Value padValue = pad.getConstantPaddingValue();
    RankedTensorType sourceType = pad.getSourceType();
    if (!padValue || !pad.getResultType().hasStaticShape() ||
        !sourceType.hasStaticShape() ||
        llvm::any_of(pad.getStaticLow(), ShapedType::isDynamic))
      continue;
    if (auto *def = padValue.getDefiningOp();
        def && !def->hasTrait<OpTrait::ConstantLike>())
      continue;
    ArrayRef<int64_t> perm = op.getPermutation();
    SmallVector<int64_t> shape = applyPermutation(pad.getResultType().getShape(), perm);
    SmallVector<int64_t> low = applyPermutation(pad.getStaticLow(), perm);
    SmallVector<int64_t> interior = applyPermutation(sourceType.getShape(), perm);
    OpBuilder b(op);
    Location loc = op.getLoc();
    Value empty = tensor::EmptyOp::create(b, loc, shape, sourceType.getElementType());
    Value padded = fillBorder(b, loc, padValue, empty, shape, low, interior);
    SmallVector<OpFoldResult> offsets = getAsIndexOpFoldResult(b.getContext(), low);
    SmallVector<OpFoldResult> sizes = getAsIndexOpFoldResult(b.getContext(), interior);
    SmallVector<OpFoldResult> strides(shape.size(), b.getIndexAttr(1));
    Value slot = tensor::ExtractSliceOp::create(b, loc, padded, offsets, sizes, strides);
    Value transposed =
        linalg::TransposeOp::create(b, loc, pad.getSource(), slot, perm).getResult()[0];
    Value result =
        tensor::InsertSliceOp::create(b, loc, transposed, padded, offsets, sizes, strides);
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
    pad->erase();
  }
}

/// Tags each transpose that moves its last dimension with the index of its
/// schedule and returns the schedules. (The filter transposes of
/// convolutions otherwise read one element per cache line.)
std::vector<TransposeSchedule> tagTransposes(ModuleOp module, int64_t threads) {
  std::map<TransposeSchedule, int64_t> ids;
  std::vector<TransposeSchedule> schedules;
  module.walk([&](linalg::TransposeOp op) {
    ArrayRef<int64_t> perm = op.getPermutation();
    int64_t rank = perm.size();
    int64_t readDim = llvm::find(perm, rank - 1) - perm.begin();
    if (rank < 2 || readDim == rank - 1)
      return;
    // Blocks of 16, the whole dimension when it is shorter (an image's 3
    // channels), else the largest divisor from 16 down to 4 (56 columns:
    // 14): a partial block has dynamic sizes, which stay scalar.
    auto resultType = cast<ShapedType>(op.getInit().getType());
    auto blockOf = [&](int64_t dim) -> int64_t {
      int64_t extent = resultType.getDimSize(dim);
      if (ShapedType::isDynamic(extent))
        return 16;
      if (extent <= 16)
        return extent;
      for (int64_t block = 16; block >= 4; --block)
        if (extent % block == 0)
          return block;
      return 16;
    };
    TransposeSchedule schedule;
    schedule.tile.assign(rank, 1);
    schedule.tile[rank - 1] = blockOf(rank - 1);
    schedule.tile[readDim] = blockOf(readDim);
    schedule.sharedDim = dimensionToShare(resultType, schedule.tile, threads);
    if (schedule.sharedDim >= 0)
      schedule.chunk = resultType.getDimSize(schedule.sharedDim) / threads;
    auto [it, inserted] = ids.try_emplace(schedule, schedules.size());
    if (inserted)
      schedules.push_back(schedule);
    op->setAttr(kTransposeTileAttr, Builder(op).getI64IntegerAttr(it->second));
  });
  return schedules;
}

std::string transposeScheduleFor(const TransposeSchedule &schedule, int64_t id) {
  ArrayRef<int64_t> tile = schedule.tile;
  std::string loops;
  for (size_t i = 0; i < tile.size(); ++i)
    loops += ", !transform.any_op";
  std::string target = llvm::formatv("%tr{0}", id);
  std::string share;
  if (schedule.sharedDim >= 0) {
    SmallVector<int64_t> chunks(tile.size(), 0);
    chunks[schedule.sharedDim] = schedule.chunk;
    share = llvm::formatv(R"(
    %trp{0}, %trf{0} = transform.structured.tile_using_forall %tr{0}
        tile_sizes [{1}] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                          id,
                          llvm::join(llvm::map_range(chunks,
                                                     [](int64_t t) { return std::to_string(t); }),
                                     ", "))
                .str();
    target = llvm::formatv("%trp{0}", id);
  }
  return llvm::formatv(R"(
    %tr{0} = transform.structured.match ops{{["linalg.transpose"]}
        attributes {{symc.transpose_tile = {0} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
{4}
    %trt{0}, %trl{0}:{1} = transform.structured.tile_using_for {5}
        tile_sizes [{2}] : (!transform.any_op) -> (!transform.any_op{3})
)",
                       id, tile.size(),
                       llvm::join(llvm::map_range(tile, [](int64_t t) {
                                    return std::to_string(t);
                                  }),
                                  ", "),
                       loops, share, target)
      .str();
}

} // namespace

std::string scheduleTransposes(ModuleOp module, int64_t threads) {
  transposePadsInPlace(module);
  std::string script;
  for (auto [id, schedule] : llvm::enumerate(tagTransposes(module, threads)))
    script += transposeScheduleFor(schedule, id);
  return script;
}

} // namespace symc::cpu
