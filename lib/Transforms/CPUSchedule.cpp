//===- CPUSchedule.cpp - symc-cpu-schedule ---------------------------------===//
//
// The matmul recipe of docs/toolchain.md as a transform-dialect script,
// built for the matmuls of the module: each eligible linalg.matmul is tagged
// with its cache tile, and one sequence per distinct cache tile tiles,
// vectorizes (named contraction -> FMA outer products) and hoists the
// accumulator. Register tiles follow the host's vector width.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/Dialect/Transform/Transforms/TransformInterpreterUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/TargetParser/Host.h"

#include <map>
#include <optional>
#include <thread>
#include <tuple>

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMCPUSCHEDULE
#include "symc/Dialect/TransformsPasses.h.inc"

namespace {

constexpr llvm::StringLiteral kTileAttr = "symc.cache_tile";

/// The register tile (rows, columns) the host's vector registers hold
/// without spilling: 8 x 32 with 32 zmm registers, else 4 x 16 (16 ymm).
std::pair<int64_t, int64_t> hostRegisterTile() {
  llvm::StringMap<bool> features = llvm::sys::getHostCPUFeatures();
  if (features.lookup("avx512f"))
    return {8, 32};
  return {4, 16};
}

/// The register tile of a channel-last convolution: `columns` output
/// columns by `filters` output channels, over an output padded (with zero
/// columns and zero filters, sliced off afterwards) to `paddedWidth` by
/// `paddedFilters`. The host tile (rm x rn) sets the accumulator budget
/// (rm * rn / lanes vector registers, measured not to spill).
struct ConvTile {
  int64_t columns = 0, filters = 0;
  int64_t paddedWidth = 0, paddedFilters = 0;
};

int64_t roundUp(int64_t value, int64_t multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

/// Of the tiles with rn or rn / 2 filters (the count padded to them) and,
/// for the columns, the largest divisor of the width within the budget or
/// the width padded to the budget's columns, the cheapest under a simple
/// model: per output vector, one FMA, the weights' loads shared by c
/// columns (2 / c) and the input's broadcast by the filter vectors
/// (lanes / filters). A 13-wide output pads to 16 rather than run one
/// column at a time; on AVX-512, 7 and 14 take 7 columns.
ConvTile convRegisterTile(int64_t width, int64_t numFilters, int64_t rm,
                          int64_t rn) {
  int64_t lanes = rn / 2; // the host tiles are two vectors wide
  int64_t budget = rm * rn / lanes;
  std::optional<ConvTile> best;
  double bestCost = 0;
  for (int64_t filters : {rn, lanes}) {
    int64_t paddedFilters = roundUp(numFilters, filters);
    int64_t maxColumns = budget * lanes / filters;
    int64_t divisor = 1;
    for (int64_t c = std::min(maxColumns, width); c > 1; --c)
      if (width % c == 0) {
        divisor = c;
        break;
      }
    for (auto [columns, paddedWidth] :
         {std::pair{divisor, width},
          std::pair{maxColumns, roundUp(width, maxColumns)}}) {
      double cost = double(paddedWidth) * double(paddedFilters / lanes) *
                    (1.0 + 2.0 / double(columns) + double(lanes) / double(filters));
      if (!best || cost < bestCost) {
        best = ConvTile{columns, filters, paddedWidth, paddedFilters};
        bestCost = cost;
      }
    }
  }
  return *best;
}

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
    transform.apply_patterns to %f {{
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
      transform.apply_patterns.vector.transfer_permutation_patterns
      transform.apply_patterns.vector.lower_outerproduct
      transform.apply_patterns.canonicalization
    } : !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %rl{0}_{1}_{2}#2 : !transform.any_op
)",
                       m, n, k, rm, rn, distribute, tiled)
      .str();
}

constexpr llvm::StringLiteral kConvAttr = "symc.conv_schedule";

/// A convolution schedule: its register tile and which of the kernel-row
/// and channel loops run more than once (bit 0: kernel rows, bit 1:
/// channels): only those are hoisted from (a one-trip loop folds away, and
/// its handle with it).
struct ConvSchedule {
  ConvTile tile;
  int64_t loops = 0;
  /// What threads share (scf.forall): nothing, output rows, filter tiles.
  enum class Distribution { None, Rows, Filters } distribution = Distribution::None;
  bool operator<(const ConvSchedule &o) const {
    return std::tie(tile.columns, tile.filters, loops, distribution) <
           std::tie(o.tile.columns, o.tile.filters, o.loops, o.distribution);
  }
};

/// Filter tiles when there are enough of them for the cores (each thread
/// then streams only its own weights), else output rows.
ConvSchedule::Distribution convDistribution(const ConvTile &tile, bool parallel) {
  if (!parallel)
    return ConvSchedule::Distribution::None;
  int64_t cores = std::max(1u, std::thread::hardware_concurrency());
  return tile.paddedFilters / tile.filters >= 2 * cores
             ? ConvSchedule::Distribution::Filters
             : ConvSchedule::Distribution::Rows;
}

/// The direct channel-last convolution schedule of docs/toolchain.md: one
/// output row, `columns` columns and `filters` filters per register tile,
/// the kernel row tiled to 1 so that the op decomposes into 1-D
/// convolutions. Convolutions carry the schedule's `id`.
std::string convScheduleFor(const ConvSchedule &schedule, int64_t id) {
  int64_t rm = schedule.tile.columns, rn = schedule.tile.filters;
  int64_t variant = id;
  bool hoistKH = schedule.loops & 1, hoistC = schedule.loops & 2;
  std::string hoists;
  if (hoistC)
    hoists += llvm::formatv(
        "    transform.loop.hoist_loop_invariant_subsets %cl{0}#5 : !transform.any_op\n",
        variant);
  if (hoistKH)
    hoists += llvm::formatv(
        "    transform.loop.hoist_loop_invariant_subsets %cl{0}#4 : !transform.any_op\n",
        variant);
  std::string distribute;
  if (schedule.distribution != ConvSchedule::Distribution::None)
    distribute = llvm::formatv(R"(
    %cvp{0}, %cvf{0} = transform.structured.tile_using_forall %cv{0}
        tile_sizes [{1}] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                               variant,
                               schedule.distribution ==
                                       ConvSchedule::Distribution::Rows
                                   ? "0, 1"
                                   : llvm::formatv("0, 0, 0, {0}", rn).str())
                     .str();
  return llvm::formatv(R"(
    %cv{2} = transform.structured.match ops{{["linalg.conv_2d_nhwc_hwcf"]}
        attributes {{symc.conv_schedule = {2} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
{4}
    %ct{2}, %cl{2}:6 = transform.structured.tile_using_for {5}
        tile_sizes [1, 1, {0}, {1}, 1, 0, 1] interchange = [0, 3, 1, 2, 4, 5, 6]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %cd{2} = transform.structured.decompose %ct{2} : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %cd{2} : !transform.any_op
    transform.apply_patterns to %f {{
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
      transform.apply_patterns.vector.transfer_permutation_patterns
      transform.apply_patterns.vector.lower_outerproduct
      transform.apply_patterns.canonicalization
    } : !transform.any_op
{3})",
                       rm, rn, variant, hoists, distribute,
                       llvm::formatv(distribute.empty() ? "%cv{0}" : "%cvp{0}",
                                     variant)
                           .str())
      .str();
}

/// `source` with its dimensions permuted (result dim i is source dim
/// perm[i]) into `shape`, which may exceed the permuted source at the high
/// end: the extra elements are zeros. One linalg op either way (a padded
/// transpose reads the source through tensor.extract), so padding costs no
/// extra pass over memory.
Value transposePadded(OpBuilder &b, Location loc, Value source,
                      ArrayRef<int64_t> perm, ArrayRef<int64_t> shape) {
  auto type = cast<RankedTensorType>(source.getType());
  Type elt = type.getElementType();
  Value empty = tensor::EmptyOp::create(b, loc, shape, elt);
  bool padded = false;
  for (auto [i, p] : llvm::enumerate(perm))
    padded |= shape[i] != type.getDimSize(p);
  if (!padded)
    return linalg::TransposeOp::create(b, loc, source, empty, perm).getResult()[0];
  SmallVector<AffineMap> maps = {b.getMultiDimIdentityMap(shape.size())};
  SmallVector<utils::IteratorType> iterators(shape.size(),
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{empty.getType()}, ValueRange{}, ValueRange{empty}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange) {
        SmallVector<Value> indices(perm.size());
        Value inside;
        for (auto [i, p] : llvm::enumerate(perm)) {
          Value index = linalg::IndexOp::create(nb, nloc, i);
          indices[p] = index;
          if (shape[i] == type.getDimSize(p))
            continue;
          Value bound = arith::ConstantIndexOp::create(nb, nloc, type.getDimSize(p));
          Value in = arith::CmpIOp::create(nb, nloc, arith::CmpIPredicate::ult,
                                           index, bound);
          inside = inside ? arith::AndIOp::create(nb, nloc, inside, in) : in;
          // Clamped, so that the read stays in bounds; the select drops it.
          Value last = arith::ConstantIndexOp::create(nb, nloc, type.getDimSize(p) - 1);
          indices[p] = arith::MinUIOp::create(nb, nloc, index, last);
        }
        Value value = tensor::ExtractOp::create(nb, nloc, source, indices);
        Value zero = arith::ConstantOp::create(nb, nloc, nb.getZeroAttr(elt));
        Value result = arith::SelectOp::create(nb, nloc, inside, value, zero);
        linalg::YieldOp::create(nb, nloc, result);
      });
  return generic.getResult(0);
}

/// NCHW/FCHW convolutions become channel-last ones between transposes (the
/// filter transposes are constants when the weights are): the vectorizer
/// works on the innermost (channel) axis, where NCHW would transpose the
/// accumulator at every step. The output is padded to the register tile
/// (convRegisterTile) and sliced back. Returns the schedules used, each
/// convolution tagged with its schedule's index.
std::vector<ConvSchedule> rewriteConvolutionsChannelLast(ModuleOp module,
                                                         int64_t rm, int64_t rn,
                                                         bool parallel) {
  SmallVector<linalg::Conv2DNchwFchwOp> convs;
  module.walk([&](linalg::Conv2DNchwFchwOp op) { convs.push_back(op); });
  std::map<ConvSchedule, int64_t> ids;
  std::vector<ConvSchedule> schedules;
  for (linalg::Conv2DNchwFchwOp op : convs) {
    auto in = dyn_cast<RankedTensorType>(op.getDpsInputs()[0].getType());
    auto filter = dyn_cast<RankedTensorType>(op.getDpsInputs()[1].getType());
    auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
    if (!in || !filter || !out || !in.hasStaticShape() ||
        !filter.hasStaticShape() || !out.hasStaticShape() ||
        !out.getElementType().isF32())
      continue;
    int64_t n = out.getDimSize(0), f = out.getDimSize(1), oh = out.getDimSize(2),
            ow = out.getDimSize(3);
    int64_t c = filter.getDimSize(1), kh = filter.getDimSize(2),
            kw = filter.getDimSize(3);
    ConvTile tile = convRegisterTile(ow, f, rm, rn);
    int64_t strideW = op.getStrides().getValues<int64_t>()[1];
    int64_t dilationW = op.getDilations().getValues<int64_t>()[1];
    // The input columns the padded output reads.
    int64_t inW = std::max(in.getDimSize(3),
                           (tile.paddedWidth - 1) * strideW + (kw - 1) * dilationW + 1);

    OpBuilder b(op);
    Location loc = op.getLoc();
    Value input = transposePadded(b, loc, op.getDpsInputs()[0], {0, 2, 3, 1},
                                  {n, in.getDimSize(2), inW, c});
    Value weights = transposePadded(b, loc, op.getDpsInputs()[1], {2, 3, 1, 0},
                                    {kh, kw, c, tile.paddedFilters});
    Value init = transposePadded(b, loc, op.getDpsInits()[0], {0, 2, 3, 1},
                                 {n, oh, tile.paddedWidth, tile.paddedFilters});
    auto conv = linalg::Conv2DNhwcHwcfOp::create(
        b, loc, TypeRange{init.getType()}, ValueRange{input, weights},
        ValueRange{init}, op.getStridesAttr(), op.getDilationsAttr());
    Value result = conv.getResult(0);
    if (tile.paddedWidth != ow || tile.paddedFilters != f)
      result = tensor::ExtractSliceOp::create(
          b, loc, RankedTensorType::get({n, oh, ow, f}, out.getElementType()),
          result, ValueRange{}, ValueRange{}, ValueRange{},
          b.getDenseI64ArrayAttr({0, 0, 0, 0}),
          b.getDenseI64ArrayAttr({n, oh, ow, f}),
          b.getDenseI64ArrayAttr({1, 1, 1, 1}));
    ConvSchedule schedule{tile, (kh > 1 ? 1 : 0) | (c > 1 ? 2 : 0),
                          convDistribution(tile, parallel)};
    auto [it, inserted] = ids.try_emplace(schedule, schedules.size());
    if (inserted)
      schedules.push_back(schedule);
    conv->setAttr(kConvAttr, b.getI64IntegerAttr(it->second));
    op->replaceAllUsesWith(
        ValueRange{transposePadded(b, loc, result, {0, 3, 1, 2}, {n, f, oh, ow})});
    op->erase();
  }
  return schedules;
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

constexpr llvm::StringLiteral kTransposeAttr = "symc.transpose_tile";

/// Transposes run in blocks of 16 along the result's last dimension (its
/// contiguous writes) and the result dimension that reads the source's
/// last one (its contiguous reads), so that a block uses whole cache lines
/// on both sides; the weight transposes of convolutions otherwise read one
/// element per cache line. Tags each transpose with its tile's index and
/// returns the tiles.
std::vector<SmallVector<int64_t>> tagTransposes(ModuleOp module) {
  std::map<SmallVector<int64_t>, int64_t> ids;
  std::vector<SmallVector<int64_t>> tiles;
  module.walk([&](linalg::TransposeOp op) {
    ArrayRef<int64_t> perm = op.getPermutation();
    int64_t rank = perm.size();
    int64_t readDim = llvm::find(perm, rank - 1) - perm.begin();
    if (rank < 2 || readDim == rank - 1)
      return;
    SmallVector<int64_t> tile(rank, 1);
    tile[rank - 1] = tile[readDim] = 16;
    auto [it, inserted] = ids.try_emplace(tile, tiles.size());
    if (inserted)
      tiles.push_back(tile);
    op->setAttr(kTransposeAttr, Builder(op).getI64IntegerAttr(it->second));
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

struct CPUSchedulePass : impl::SymCPUScheduleBase<CPUSchedulePass> {
  using SymCPUScheduleBase::SymCPUScheduleBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto [hostM, hostN] = hostRegisterTile();
    int64_t rm = registerTileM ? int64_t(registerTileM) : hostM;
    int64_t rn = registerTileN ? int64_t(registerTileN) : hostN;
    splitBatchMatmuls(module);
    std::map<std::tuple<int64_t, int64_t, int64_t>, int> tiles;
    module.walk([&](linalg::MatmulOp op) {
      auto lhs = dyn_cast<RankedTensorType>(op.getDpsInputs()[0].getType());
      auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
      if (!lhs || !out || !lhs.hasStaticShape() || !out.hasStaticShape() ||
          !out.getElementType().isF32() || op.hasUserDefinedMaps()) {
        return;
      }
      int64_t m = out.getDimSize(0), n = out.getDimSize(1), k = lhs.getDimSize(1);
      int64_t cm = cacheTile(m, rm), cn = cacheTile(n, rn), ck = cacheTile(k, 1);
      // The hoisted k loop must run more than once (else it folds away).
      if (!cm || !cn || ck < 2)
        return;
      Builder b(op);
      op->setAttr(kTileAttr, b.getDenseI64ArrayAttr({cm, cn, ck}));
      tiles[{cm, cn, ck}] = 1;
    });
    std::vector<ConvSchedule> convs =
        rewriteConvolutionsChannelLast(module, rm, rn, parallel);
    std::vector<SmallVector<int64_t>> transposes = tagTransposes(module);
    if (tiles.empty() && convs.empty() && transposes.empty())
      return;

    std::string script = R"(
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op) {
    %f = transform.structured.match ops{["func.func"]} in %root
        : (!transform.any_op) -> !transform.any_op
)";
    for (const auto &[tile, unused] : tiles)
      script += scheduleFor(std::get<0>(tile), std::get<1>(tile), std::get<2>(tile),
                            rm, rn, parallel);
    for (auto [id, schedule] : llvm::enumerate(convs))
      script += convScheduleFor(schedule, id);
    for (auto [id, tile] : llvm::enumerate(transposes))
      script += transposeScheduleFor(tile, id);
    script += R"(
    transform.apply_patterns to %f { transform.apply_patterns.canonicalization } : !transform.any_op
    transform.yield
  }
}
)";
    OwningOpRef<ModuleOp> library =
        parseSourceString<ModuleOp>(script, ParserConfig(&getContext()));
    if (!library) {
      module.emitError("symc-cpu-schedule: invalid transform script");
      return signalPassFailure();
    }
    auto entry = library->lookupSymbol<transform::NamedSequenceOp>("__transform_main");
    if (failed(transform::applyTransformNamedSequence(
            module, entry, *library, transform::TransformOptions())))
      return signalPassFailure();
    module.walk([](linalg::LinalgOp op) {
      op->removeAttr(kTileAttr);
      op->removeAttr(kConvAttr);
      op->removeAttr(kTransposeAttr);
    });
  }
};

} // namespace
} // namespace symc
