//===- Matmul.cpp - the matmul schedule --------------------------------===//
//
// The matmul recipe of docs/toolchain.md: each static f32 linalg.matmul
// whose extents the register tile divides is tagged with its cache tile,
// and one sequence per distinct cache tile tiles, vectorizes (named
// contraction -> FMA outer products) and hoists the accumulator. Batched
// matmuls first become loops of matmuls.
//
//===----------------------------------------------------------------------===//

#include "Schedules.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>
#include <tuple>

using namespace mlir;

namespace symc::cpu {
namespace {

/// The largest of 128, 64, ... that divides `extent` and is a multiple of
/// `registerTile`; 0 if none.
int64_t cacheTile(int64_t extent, int64_t registerTile) {
  for (int64_t t = 128; t >= registerTile; t /= 2)
    if (extent % t == 0 && t % registerTile == 0)
      return t;
  return 0;
}

/// The transform sequence for matmuls tagged with cache tile (m, n, k).
/// With `parallel`, the cache tiles of m and n first become the iterations
/// of an scf.forall (threads), inside which the serial schedule runs.
std::string scheduleFor(int64_t m, int64_t n, int64_t k, int64_t rm, int64_t rn,
                        bool parallel) {
  std::string distribute =
      parallel ? llvm::formatv(R"(
    %mmp{0}_{1}_{2}, %mmf{0}_{1}_{2} = transform.structured.tile_using_forall %mm{0}_{1}_{2}
        tile_sizes [{0}, {1}] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                               m, n, k)
                     .str()
               : "";
  // The op the serial schedule tiles: the matched one, or its forall tile.
  std::string tiled =
      llvm::formatv(parallel ? "%mmp{0}_{1}_{2}" : "%mm{0}_{1}_{2}", m, n, k).str();
  return llvm::formatv(R"(
    %mm{0}_{1}_{2} = transform.structured.match ops{{["linalg.matmul"]}
        attributes {{symc.cache_tile = array<i64: {0}, {1}, {2}>} in %root
        : (!transform.any_op) -> !transform.any_op
{5}
    %c{0}_{1}_{2}, %cl{0}_{1}_{2}:3 = transform.structured.tile_using_for {6}
        tile_sizes [{0}, {1}, {2}]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %r{0}_{1}_{2}, %rl{0}_{1}_{2}:3 = transform.structured.tile_using_for %c{0}_{1}_{2}
        tile_sizes [{3}, {4}, 1]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    transform.structured.vectorize %r{0}_{1}_{2} {{create_named_contraction} : !transform.any_op
{7}
    transform.loop.hoist_loop_invariant_subsets %rl{0}_{1}_{2}#2 : !transform.any_op
)",
                       m, n, k, rm, rn, distribute, tiled, kLowerContractionsToFMA)
      .str();
}

/// Batched matmuls (batch_dot) with static f32 shapes become a loop over
/// the batch of 2-D linalg.matmul on rank-reducing slices, which the matmul
/// schedule then tiles and vectorizes like any other.
void splitBatchMatmuls(ModuleOp module) {
  SmallVector<linalg::BatchMatmulOp> ops;
  module.walk([&](linalg::BatchMatmulOp op) {
    auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
    if (out && out.hasStaticShape() && out.getElementType().isF32() &&
        !op.hasUserDefinedMaps() &&
        llvm::all_of(op.getDpsInputs(), [](Value v) {
          auto t = dyn_cast<RankedTensorType>(v.getType());
          return t && t.hasStaticShape();
        }))
      ops.push_back(op);
  });
  for (linalg::BatchMatmulOp op : ops) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    Value lhs = op.getDpsInputs()[0], rhs = op.getDpsInputs()[1],
          init = op.getDpsInits()[0];
    auto slice2D = [](OpBuilder &nb, Location l, Value v, Value index) {
      auto type = cast<RankedTensorType>(v.getType());
      auto sliceType = RankedTensorType::get(type.getShape().drop_front(),
                                             type.getElementType());
      SmallVector<OpFoldResult> offsets = {index, nb.getIndexAttr(0),
                                           nb.getIndexAttr(0)};
      SmallVector<OpFoldResult> sizes = {nb.getIndexAttr(1),
                                         nb.getIndexAttr(type.getDimSize(1)),
                                         nb.getIndexAttr(type.getDimSize(2))};
      SmallVector<OpFoldResult> strides(3, nb.getIndexAttr(1));
      return std::make_tuple(
          Value(tensor::ExtractSliceOp::create(nb, l, sliceType, v, offsets,
                                               sizes, strides)),
          offsets, sizes);
    };
    Value zero = arith::ConstantIndexOp::create(b, loc, 0);
    Value one = arith::ConstantIndexOp::create(b, loc, 1);
    Value batch = arith::ConstantIndexOp::create(
        b, loc, cast<RankedTensorType>(init.getType()).getDimSize(0));
    auto loop = scf::ForOp::create(
        b, loc, zero, batch, one, ValueRange{init},
        [&](OpBuilder &nb, Location l, Value index, ValueRange carried) {
          auto [a, unusedA, unusedB] = slice2D(nb, l, lhs, index);
          auto [bMat, unusedC, unusedD] = slice2D(nb, l, rhs, index);
          auto [acc, offsets, sizes] = slice2D(nb, l, carried[0], index);
          Value product =
              linalg::MatmulOp::create(nb, l, TypeRange{acc.getType()},
                                       ValueRange{a, bMat}, ValueRange{acc})
                  .getResult(0);
          SmallVector<OpFoldResult> strides(3, nb.getIndexAttr(1));
          Value updated = tensor::InsertSliceOp::create(
              nb, l, product, carried[0], offsets, sizes, strides);
          scf::YieldOp::create(nb, l, updated);
        });
    op->replaceAllUsesWith(loop.getResults());
    op->erase();
  }
}

/// `value` padded with zeros at the high end to `shape` (itself if equal).
Value padWithZeros(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(value.getType());
  if (type.getShape() == shape)
    return value;
  SmallVector<OpFoldResult> low(shape.size(), b.getIndexAttr(0)), high;
  for (auto [padded, extent] : llvm::zip(shape, type.getShape()))
    high.push_back(b.getIndexAttr(padded - extent));
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(type.getElementType()));
  return tensor::PadOp::create(b, loc, RankedTensorType::get(shape, type.getElementType()),
                               value, low, high, zero);
}

/// Static f32 matmuls whose extents the register tile does not divide (300,
/// 777) compute on operands padded with zeros to whole register tiles (k to
/// a multiple of 8), the result sliced back: a copy of each operand, O(n^2),
/// against a scheduled O(n^3) instead of plain loops at a fifth of the
/// speed. Not when the padding would add more than a quarter of the work,
/// nor for fewer rows than a register tile (a FullyConnected at batch 1,
/// which loops a row of B at a time).
void padRaggedMatmuls(ModuleOp module, int64_t rm, int64_t rn) {
  SmallVector<linalg::MatmulOp> ragged;
  module.walk([&](linalg::MatmulOp op) {
    auto lhs = dyn_cast<RankedTensorType>(op.getDpsInputs()[0].getType());
    auto rhs = dyn_cast<RankedTensorType>(op.getDpsInputs()[1].getType());
    auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
    if (!lhs || !rhs || !out || !lhs.hasStaticShape() || !rhs.hasStaticShape() ||
        !out.hasStaticShape() || !out.getElementType().isF32() ||
        op.hasUserDefinedMaps())
      return;
    int64_t m = out.getDimSize(0), n = out.getDimSize(1), k = lhs.getDimSize(1);
    if (m < rm || (m % rm == 0 && n % rn == 0 && k % 8 == 0))
      return;
    double work = double(m) * double(n) * double(k);
    double padded = double(llvm::alignTo(m, rm)) * double(llvm::alignTo(n, rn)) *
                    double(llvm::alignTo(k, 8));
    if (padded <= 1.25 * work)
      ragged.push_back(op);
  });
  for (linalg::MatmulOp op : ragged) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getDpsInits()[0].getType());
    int64_t m = out.getDimSize(0), n = out.getDimSize(1);
    int64_t k = cast<RankedTensorType>(op.getDpsInputs()[0].getType()).getDimSize(1);
    int64_t mp = llvm::alignTo(m, rm), np = llvm::alignTo(n, rn), kp = llvm::alignTo(k, 8);
    Value lhs = padWithZeros(b, loc, op.getDpsInputs()[0], {mp, kp});
    Value rhs = padWithZeros(b, loc, op.getDpsInputs()[1], {kp, np});
    Value init = padWithZeros(b, loc, op.getDpsInits()[0], {mp, np});
    Value product = linalg::MatmulOp::create(b, loc, TypeRange{init.getType()},
                                             ValueRange{lhs, rhs}, ValueRange{init})
                        .getResult(0);
    Value result = tensor::ExtractSliceOp::create(
        b, loc, out, product, ValueRange{}, ValueRange{}, ValueRange{},
        b.getDenseI64ArrayAttr({0, 0}), b.getDenseI64ArrayAttr({m, n}),
        b.getDenseI64ArrayAttr({1, 1}));
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
  }
}

} // namespace

std::string scheduleMatmuls(ModuleOp module, RegisterTile registerTile,
                            bool parallel) {
  int64_t rm = registerTile.rows, rn = registerTile.columns;
  splitBatchMatmuls(module);
  padRaggedMatmuls(module, rm, rn);
  std::map<std::tuple<int64_t, int64_t, int64_t>, int> tiles;
  bool anyRows = false;
  module.walk([&](linalg::MatmulOp op) {
    auto lhs = dyn_cast<RankedTensorType>(op.getDpsInputs()[0].getType());
    auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
    if (!lhs || !out || !lhs.hasStaticShape() || !out.hasStaticShape() ||
        !out.getElementType().isF32() || op.hasUserDefinedMaps())
      return;
    int64_t m = out.getDimSize(0), n = out.getDimSize(1), k = lhs.getDimSize(1);
    int64_t cm = cacheTile(m, rm), cn = cacheTile(n, rn), ck = cacheTile(k, 1);
    // The hoisted k loop must run more than once (else it folds away).
    if (!cm || !cn || ck < 2) {
      op->setAttr(kMatmulRowsAttr, UnitAttr::get(op.getContext()));
      anyRows = true;
      return;
    }
    op->setAttr(kMatmulTileAttr, Builder(op).getDenseI64ArrayAttr({cm, cn, ck}));
    tiles[{cm, cn, ck}] = 1;
  });
  std::string script;
  for (const auto &[tile, unused] : tiles)
    script += scheduleFor(std::get<0>(tile), std::get<1>(tile), std::get<2>(tile),
                          rm, rn, parallel);
  // The others (a FullyConnected at batch 1, ragged sizes) loop (i, k, j):
  // each step adds a row of B, read contiguously, to a row of C, which
  // LLVM vectorizes; in (i, j, k) order the k loop read B a column at a
  // time, one cache line per element (ResNet-18's classifier: 0.45 ms).
  if (anyRows)
    script += R"(
    %mmrows = transform.structured.match ops{["linalg.matmul"]}
        attributes {symc.matmul_rows} in %root : (!transform.any_op) -> !transform.any_op
    %mmrowsg = transform.structured.generalize %mmrows
        : (!transform.any_op) -> !transform.any_op
    %mmrowsi = transform.structured.interchange %mmrowsg
        iterator_interchange = [0, 2, 1] : (!transform.any_op) -> !transform.any_op
)";
  return script;
}

} // namespace symc::cpu
