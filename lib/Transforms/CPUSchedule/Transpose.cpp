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

using namespace mlir;

namespace symc::cpu {
namespace {

/// Tags each transpose that moves its last dimension with the index of its
/// block tile and returns the tiles. (The filter transposes of convolutions
/// otherwise read one element per cache line.)
std::vector<SmallVector<int64_t>> tagTransposes(ModuleOp module) {
  std::map<SmallVector<int64_t>, int64_t> ids;
  std::vector<SmallVector<int64_t>> tiles;
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
    SmallVector<int64_t> tile(rank, 1);
    tile[rank - 1] = blockOf(rank - 1);
    tile[readDim] = blockOf(readDim);
    auto [it, inserted] = ids.try_emplace(tile, tiles.size());
    if (inserted)
      tiles.push_back(tile);
    op->setAttr(kTransposeTileAttr, Builder(op).getI64IntegerAttr(it->second));
  });
  return tiles;
}

std::string transposeScheduleFor(ArrayRef<int64_t> tile, int64_t id) {
  std::string loops;
  for (size_t i = 0; i < tile.size(); ++i)
    loops += ", !transform.any_op";
  return llvm::formatv(R"(
    %tr{0} = transform.structured.match ops{{["linalg.transpose"]}
        attributes {{symc.transpose_tile = {0} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
    %trt{0}, %trl{0}:{1} = transform.structured.tile_using_for %tr{0}
        tile_sizes [{2}] : (!transform.any_op) -> (!transform.any_op{3})
)",
                       id, tile.size(),
                       llvm::join(llvm::map_range(tile, [](int64_t t) {
                                    return std::to_string(t);
                                  }),
                                  ", "),
                       loops)
      .str();
}

} // namespace

std::string scheduleTransposes(ModuleOp module) {
  std::string script;
  for (auto [id, tile] : llvm::enumerate(tagTransposes(module)))
    script += transposeScheduleFor(tile, id);
  return script;
}

} // namespace symc::cpu
