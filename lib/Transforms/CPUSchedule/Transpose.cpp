//===- Transpose.cpp - transposes in cache-line blocks -----------------===//
//
// Transposes run in blocks of 16 along the result's last dimension (its
// contiguous writes) and the result dimension that reads the source's
// last one (its contiguous reads), so that a block uses whole cache lines
// on both sides.
//
//===----------------------------------------------------------------------===//

#include "Schedules.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
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
    // Blocks of 16, or the whole dimension when it is shorter (an image's
    // 3 channels): a partial block would have dynamic sizes.
    auto resultType = cast<ShapedType>(op.getInit().getType());
    auto blockOf = [&](int64_t dim) {
      int64_t extent = resultType.getDimSize(dim);
      return ShapedType::isDynamic(extent) ? 16 : std::min<int64_t>(16, extent);
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
  std::string script;
  for (auto [id, schedule] : llvm::enumerate(tagTransposes(module, threads)))
    script += transposeScheduleFor(schedule, id);
  return script;
}

} // namespace symc::cpu
