//===- Convolution.cpp - the direct convolution schedule ---------------===//
//
// The direct channel-last convolution of docs/toolchain.md: NCHW
// convolutions become NHWC/HWCF ones between (padded) transposes and are
// computed one output row and one register tile of columns x filters at a
// time, decomposed into vectorized 1-D convolutions.
//
//===----------------------------------------------------------------------===//

#include "Layout.h"
#include "Schedules.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "llvm/Support/FormatVariadic.h"

#include <array>
#include <map>
#include <numeric>
#include <optional>
#include <tuple>

using namespace mlir;

namespace symc::cpu {
namespace {

/// The register tile of a channel-last convolution: `columns` output
/// columns by `filters` output channels, over an output padded (with zero
/// columns and zero filters, sliced off afterwards) to `paddedWidth` by
/// `paddedFilters`. The host tile (rm x rn) and the kernel width set the
/// accumulator budget (accumulatorBudget).
struct ConvTile {
  int64_t columns = 0, filters = 0;
  int64_t paddedWidth = 0, paddedFilters = 0;
};

int64_t roundUp(int64_t value, int64_t multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

/// The accumulator vectors a register tile of `filters` filters may hold
/// for a kernel `kw` columns wide: the host tile's (rm * rn / lanes),
/// measured not to spill in matmuls and 3x3 convolutions, except on
/// AVX-512 (16 lanes, 32 vector registers), where the register file is
/// what bounds them:
/// - a 1x1 kernel's FMAs take their input broadcast from memory, so the
///   registers hold only the accumulators and the tile's one or two filter
///   vectors: 28 accumulators fit. SqueezeNet's conv10 (512 -> 1000
///   channels at 13x13) went from 13 x 16 tiles to 13 x 32, a weight load
///   per 26 FMAs rather than per 13: 10.3 -> 8.8 ms at batch 8 on one core.
/// - a wider kernel's tile holds its weights for all kw columns, and LLVM
///   keeps the broadcast inputs in registers across them (about 4 live):
///   ResNet's 7x7 conv0 spilled 14 vectors per step with 16 accumulators
///   beside its 14 weight vectors; with 14 accumulators (7 x 32) it does
///   not, and runs 8% faster. 3x3 layers with more than 16 spilled too
///   (SqueezeNet's, up to twice as slow).
/// AVX2 hosts keep the host tile (not measured otherwise).
int64_t accumulatorBudget(int64_t kw, int64_t filters, int64_t rm, int64_t rn) {
  int64_t lanes = rn / 2; // the host tiles are two vectors wide
  int64_t hostBudget = rm * rn / lanes;
  if (lanes != 16)
    return hostBudget;
  if (kw == 1)
    return 28;
  constexpr int64_t kRegisters = 32, kLiveBroadcasts = 4;
  // At least one column, whatever it spills.
  return std::clamp(kRegisters - kw * (filters / lanes) - kLiveBroadcasts, filters / lanes,
                    hostBudget);
}

/// The independent accumulators that keep both FMA units busy: their
/// latency (4 cycles on Skylake and later) times their number (2). A 3x32
/// tile (6 accumulators) ran SqueezeNet's 27-wide 3x3 layers 8-20% slower
/// than the 9x16 tiles this makes the model prefer.
constexpr double kFmaChains = 8;

/// The cost of the input's broadcast per output vector of a tile of
/// `filters` filters: a broadcast instruction shared by its filter vectors
/// (lanes / filters), except in a one-column kernel's tile of one vector on
/// a host issuing one vector FMA a cycle: there LLVM folds each broadcast,
/// used once, into its FMA as a memory operand, which the load ports, half idle
/// at that rate, read for free. On Zen 4 with AVX-512, whose broadcast
/// instructions take an FMA pipe's slot (LLVM's model of it agrees),
/// SqueezeNet's conv10 (1x1, 512 -> 1000 channels at 13x13) ran 10% faster
/// in 13 x 16 tiles than in 13 x 32 on one core.
double broadcastCost(int64_t kw, int64_t filters, int64_t lanes, int64_t fmasPerCycle) {
  if (kw == 1 && filters == lanes && fmasPerCycle == 1)
    return 0;
  return double(lanes) / double(filters);
}

/// Of the tiles with rn or rn / 2 filters (the count padded to them) and,
/// for the columns, the largest divisor of the width within the
/// accumulator budget or the width padded to the budget's columns, the
/// cheapest under a simple model: per output vector, one FMA (or more,
/// where too few accumulators leave its latency exposed), the weights'
/// loads shared by c columns (2 / c) and the input's broadcast
/// (broadcastCost). A 13-wide output pads to 16 rather than run one column
/// at a time; on AVX-512, 7 and 14 take 7 columns.
ConvTile convRegisterTile(int64_t width, int64_t numFilters, RegisterTile host, int64_t kw) {
  int64_t rm = host.rows, rn = host.columns;
  int64_t lanes = rn / 2;
  std::optional<ConvTile> best;
  double bestCost = 0;
  for (int64_t filters : {rn, lanes}) {
    int64_t budget = accumulatorBudget(kw, filters, rm, rn);
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
      // A padded output costs 10% more: its columns are sliced off by a
      // pass of their own, or by the activation after it, which then
      // cannot run on the register tiles (symc-fuse-conv-epilogues).
      // Fewer accumulators than FMAs in flight leave the FMA units idle
      // for the latency: each FMA then costs kFmaChains / accumulators.
      double accumulators = double(columns * filters / lanes);
      double fma = std::max(1.0, kFmaChains / accumulators);
      double cost = double(paddedWidth) * double(paddedFilters / lanes) *
                    (fma + 2.0 / double(columns) +
                     broadcastCost(kw, filters, lanes, host.fmasPerCycle)) *
                    (paddedWidth != width ? 1.1 : 1.0);
      if (!best || cost < bestCost) {
        best = ConvTile{columns, filters, paddedWidth, paddedFilters};
        bestCost = cost;
      }
    }
  }
  return *best;
}

/// A convolution schedule: its register tile and which of the kernel-row
/// and channel loops run more than once (bit 0: kernel rows, bit 1:
/// channels): only those are hoisted from (a one-trip loop folds away, and
/// its handle with it).
struct ConvSchedule {
  ConvTile tile;
  int64_t loops = 0;
  /// What threads share (scf.forall): nothing, row blocks, output rows,
  /// filter tiles.
  enum class Distribution { None, Blocks, Rows, Filters } distribution = Distribution::None;
  /// Input channels per block (0: all at once); see channelBlock.
  int64_t channelBlock = 0;
  /// The outermost tiles: one image at a time (when there are several) and
  /// `rowBlock` output rows of it (0: all rows); see rowBlock.
  bool imageTiles = false;
  int64_t rowBlock = 0;
  bool operator<(const ConvSchedule &o) const {
    return std::tie(tile.columns, tile.filters, loops, distribution, channelBlock,
                    imageTiles, rowBlock) <
           std::tie(o.tile.columns, o.tile.filters, o.loops, o.distribution,
                    o.channelBlock, o.imageTiles, o.rowBlock);
  }
};

/// Input channels per block, so that a filter tile's weights for one block
/// (kh x kw x block x filters floats) fill at most `budgetBytes` (a part
/// of the L1 data cache, see rewriteConvolutionsChannelLast) and stay in L1
/// while the register tile sweeps the output rows. Without
/// blocking, ResNet's 512 x 512 3x3 layers stream a 590 KB filter tile
/// from L3 for each of their 7 rows: 105 GFLOP/s on one AVX-512 core,
/// against 200 with 16-channel blocks (18 KB) and 146 with 128-channel
/// blocks (147 KB, in L2). 0 when all channels fit; else the
/// largest divisor of the channel count that fits (a divisor, so that
/// every block has the static shape the vectorizer needs).
int64_t channelBlock(int64_t channels, int64_t kh, int64_t kw, int64_t filters,
                     int64_t budgetBytes) {
  int64_t bytesPerChannel = kh * kw * filters * 4;
  int64_t fit = budgetBytes / bytesPerChannel;
  if (channels <= fit)
    return 0;
  for (int64_t block = fit; block >= 8; --block)
    if (channels % block == 0)
      return block;
  return 0;
}

/// The geometry the outermost blocking weighs: bytes of all weights, of
/// one input row (all channels) and of one output row of one filter tile;
/// the filter tiles and channel blocks that re-read the input and the
/// accumulators.
struct ConvTraffic {
  int64_t images, rows, strideH, kh;
  int64_t weightBytes, inputRowBytes, outputRowBytes;
  int64_t filterTiles, channelBlocks;
};

/// The cost of reading `bytes` again from beyond L2: 1 from L3, where the
/// data they belong to (`workingSet` bytes) fits half of it, else 2 from
/// memory (about half L3's bandwidth for one core).
double rereadCost(double bytes, int64_t workingSet, int64_t l3Bytes) {
  return bytes * (workingSet <= l3Bytes / 2 ? 1.0 : 2.0);
}

/// The outermost blocking, one image at a time (`imageTiles`) and `rows`
/// output rows of it (0: all), that moves the fewest bytes into L2, under a
/// simple model. Within a block, the filter tiles iterate outside the
/// channel blocks, so:
/// - the block's input is read once per filter tile, from L2 after the
///   first time when it fits half of it;
/// - a filter tile's accumulators for the block are read and written once
///   per channel block, staying in L2 when they fit half of it beside one
///   channel block's input;
/// - the weights are read once per block unless they fit half of L2;
/// - the accumulators are zero-filled an image at a time or all at once.
/// Bytes from beyond L2 count once from L3 and twice from memory
/// (rereadCost). Without blocking, VGG's 64-channel layers at batch 8
/// streamed the whole batch's input from memory for every filter tile and
/// channel block (60 GFLOP/s on one core); with blocks of a few rows
/// everywhere, its 512-channel layers streamed their 9.4 MB of weights once
/// per block instead. Its 512-channel layers at 28x28 and batch 8 take one
/// image at a time (184 -> 150 ms on one AVX-512 core, 128 with packed
/// filter tiles): the batch's 803 KB of accumulators per filter tile went
/// to L3 for each of 16 channel blocks.
std::pair<bool, int64_t> outerBlocking(const ConvTraffic &t, int64_t l2Bytes,
                                       int64_t l3Bytes) {
  int64_t inputBytes = t.images * ((t.rows - 1) * t.strideH + t.kh) * t.inputRowBytes;
  auto traffic = [&](bool imageTiles, int64_t rows) {
    int64_t blockRows = rows ? rows : t.rows;
    int64_t blockImages = imageTiles ? 1 : t.images;
    int64_t blocks = (t.images / blockImages) * (t.rows / blockRows);
    int64_t blockInput =
        blockImages * ((blockRows - 1) * t.strideH + t.kh) * t.inputRowBytes;
    int64_t blockOutput = blockImages * blockRows * t.outputRowBytes;
    int64_t inputReads = blockInput <= l2Bytes / 2 ? 1 : t.filterTiles;
    double input = rereadCost(double(blocks) * double(blockInput), inputBytes, l3Bytes) +
                   rereadCost(double(blocks) * double(blockInput) * double(inputReads - 1),
                              blockInput, l3Bytes);
    int64_t accumulatorReads =
        blockOutput + blockInput / t.channelBlocks <= l2Bytes / 2 ? 1 : t.channelBlocks;
    double output = rereadCost(2.0 * double(blocks) * double(t.filterTiles) *
                                   double(blockOutput) * double(accumulatorReads),
                               blockOutput, l3Bytes);
    double weights = rereadCost(double(t.weightBytes) *
                                    double(t.weightBytes <= l2Bytes / 2 ? 1 : blocks),
                                t.weightBytes, l3Bytes);
    // The accumulators' zero fill: a block at a time where the blocks loop
    // around packed filter tiles (convPerBlock), else all at once before
    // the convolution.
    int64_t outputBytes = t.images * t.rows * t.outputRowBytes * t.filterTiles;
    bool fillPerBlock = (imageTiles || rows != 0) && t.filterTiles > 1;
    double fill = rereadCost(double(outputBytes),
                             fillPerBlock ? outputBytes / blocks : outputBytes, l3Bytes);
    return input + output + weights + fill;
  };
  std::pair<bool, int64_t> best = {false, 0};
  double bestTraffic = traffic(false, 0);
  for (bool imageTiles : {false, true}) {
    if (imageTiles && t.images == 1)
      continue;
    for (int64_t rows = 0; rows < t.rows; ++rows) {
      if (rows != 0 && t.rows % rows != 0)
        continue;
      double bytes = traffic(imageTiles, rows);
      // Strictly fewer bytes: at a tie, the fewer and larger blocks.
      if (bytes < bestTraffic * 0.99) {
        best = {imageTiles, rows};
        bestTraffic = bytes;
      }
    }
  }
  return best;
}

/// The outermost blocking of a 1x1 convolution, a matmul of the pixels by
/// the weights: one image at a time and, in it, blocks of whole rows (at
/// least one) of at most 256 output pixels (the matmul schedule's row
/// blocks) whose input, which every filter tile re-reads from L2, fills at
/// most a sixteenth of L2. Measured against the traffic model's blocks on
/// one AVX-512 core (2 MB L2) at batch 8, with SSD-MobileNet's layers:
/// - 128 channels at 128x128: 2 rows of one image (256 pixels, 128 KB)
///   took 22% less time than 1 row of all 8 images (512 KB); 1 or 4 rows
///   of one image, 14% less;
/// - 512 channels at 32x32: 2 or 4 rows (64 or 128 pixels) took 8% less
///   than 1 row of all 8 images or 8 rows of one (256 pixels, 512 KB).
std::pair<bool, int64_t> pointwiseBlocking(int64_t images, int64_t rows, int64_t columns,
                                           int64_t channels, int64_t l2Bytes) {
  int64_t pixels = std::min<int64_t>(256, l2Bytes / 16 / (4 * channels));
  int64_t blockRows = 1;
  for (int64_t r = pixels / columns; r > 1; --r)
    if (rows % r == 0) {
      blockRows = r;
      break;
    }
  return {images > 1, blockRows >= rows ? 0 : blockRows};
}

/// Row blocks (of one image each) when there are enough of them for the
/// `threads` (two each at least), then filter tiles (each thread streams
/// only its own weights), else output rows; nothing shared by one thread
/// or for a convolution of fewer than `minParallelFlops`: at about 150
/// GFLOP/s per core, sharing 2 MFLOP saves less than the few microseconds
/// that starting the threads costs (the MNIST CNN at batch 1 ran 0.024 ms
/// on two threads and 0.016 ms on one; with this bound, 0.016 on two).
ConvSchedule::Distribution convDistribution(const ConvTile &tile, int64_t blocks,
                                            int64_t threads, double flops,
                                            double minParallelFlops) {
  if (threads < 2 || flops < minParallelFlops)
    return ConvSchedule::Distribution::None;
  if (blocks >= 2 * threads)
    return ConvSchedule::Distribution::Blocks;
  return tile.paddedFilters / tile.filters >= 2 * threads
             ? ConvSchedule::Distribution::Filters
             : ConvSchedule::Distribution::Rows;
}

/// The most output rows per block, a divisor of `rows` and at most
/// `maxRows`, that still give each of `threads` threads two blocks; 0 for
/// none.
int64_t rowsPerThreadBlock(int64_t rows, int64_t threads, int64_t maxRows) {
  for (int64_t blockRows = std::min(maxRows, rows / (2 * threads)); blockRows >= 1;
       --blockRows)
    if (rows % blockRows == 0)
      return blockRows;
  return 0;
}

/// The groups of filter tiles that threads sharing `blocks` blocks also
/// share: a group per thread where the blocks do not split evenly among
/// the threads (their last round would leave threads idle for more than a
/// twentieth of the time) and the filter tiles do, so that the threads
/// share blocks x groups evenly; else one. A group re-reads its block's
/// input, which the filter tiles re-read anyway. VGG16-reduced's
/// 512-channel 14x14 layers at batch 8 run in 7 blocks of 2 rows: on two
/// AVX-512 cores, 4 and 3 blocks took 23.3-25.1 ms a layer, 7 and 7 halves
/// 21.7-21.9 (the model: 753-775 -> 713-727 ms; ResNet-18, whose stride-2
/// layers of stages 3 and 4 run in 7 blocks too, 92-96 -> 87 ms).
int64_t filterGroupsFor(int64_t blocks, int64_t filterTiles, int64_t threads) {
  int64_t rounds = llvm::divideCeil(blocks, threads);
  bool uneven = double(rounds * threads) > 1.05 * double(blocks);
  return uneven && filterTiles % threads == 0 ? threads : 1;
}

/// The direct channel-last convolution schedule of docs/toolchain.md: one
/// output row, `columns` columns and `filters` filters per register tile,
/// the kernel row tiled to 1 so that the op decomposes into 1-D
/// convolutions. Convolutions carry the schedule's `id`. The loop over a
/// row's register tiles prefetches each next tile's accumulators
/// (symc-prefetch-next-block), which channel blocks after the first read
/// from L2 (ResNet-18 at batch 8 on one core: 1-3% in three interleaved
/// runs).
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
  std::string target = llvm::formatv("%cv{0}", variant);
  bool blocked = schedule.imageTiles || schedule.rowBlock > 0;
  if (blocked && (schedule.distribution == ConvSchedule::Distribution::Blocks ||
                  schedule.distribution == ConvSchedule::Distribution::None)) {
    // Images and row blocks outermost, shared among threads or in order.
    std::string sizes = llvm::formatv("{0}, {1}", schedule.imageTiles ? 1 : 0,
                                      schedule.rowBlock);
    if (schedule.distribution == ConvSchedule::Distribution::Blocks)
      distribute = llvm::formatv(R"(
    %cvk{0}, %cvkf{0} = transform.structured.tile_using_forall %cv{0}
        tile_sizes [{1}] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                                 variant, sizes)
                       .str();
    else
      distribute = llvm::formatv(R"(
    %cvk{0}, %cvkl{0}:{2} = transform.structured.tile_using_for %cv{0}
        tile_sizes [{1}] : (!transform.any_op) -> (!transform.any_op{3})
)",
                                 variant, sizes,
                                 int(schedule.imageTiles) + int(schedule.rowBlock > 0),
                                 schedule.imageTiles && schedule.rowBlock > 0
                                     ? ", !transform.any_op, !transform.any_op"
                                     : ", !transform.any_op")
                       .str();
    target = llvm::formatv("%cvk{0}", variant);
  } else if (schedule.distribution != ConvSchedule::Distribution::None) {
    target = llvm::formatv("%cvp{0}", variant);
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
  }
  // Channel blocks inside filter tiles (with filter tiles already split
  // among threads, inside those): both loops outside the rows.
  if (schedule.channelBlock > 0) {
    bool filtersTiled = schedule.distribution == ConvSchedule::Distribution::Filters;
    distribute += llvm::formatv(R"(
    %cvb{0}, %cvbl{0}:{3} = transform.structured.tile_using_for {1}
        tile_sizes [0, 0, 0, {2}, 0, 0, {4}]
        : (!transform.any_op) -> (!transform.any_op{5})
    transform.annotate %cvbl{0}#{6} "{7}" : !transform.any_op
)",
                                variant, target, filtersTiled ? 0 : rn,
                                filtersTiled ? 1 : 2, schedule.channelBlock,
                                filtersTiled ? ", !transform.any_op"
                                             : ", !transform.any_op, !transform.any_op",
                                filtersTiled ? 0 : 1, kPrefetchNextBlockAttr)
                      .str();
    target = llvm::formatv("%cvb{0}", variant);
  }
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
{6}
{3}    transform.annotate %cl{2}#3 "{7}" : !transform.any_op
)",
                       rm, rn, variant, hoists, distribute, target,
                       kLowerContractionsToFMA, kPrefetchNextAccumulatorAttr)
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
  SmallVector<int64_t> strides = computeStrides(type.getShape());
  if (Value folded = relayoutConstant(
          b, loc, source, shape, [&](ArrayRef<int64_t> index) -> std::optional<int64_t> {
            int64_t offset = 0;
            for (auto [i, p] : llvm::enumerate(perm)) {
              if (index[i] >= type.getDimSize(p))
                return std::nullopt;
              offset += index[i] * strides[p];
            }
            return offset;
          }))
    return folded;
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

/// `value` collapsed with `reassociation` into `shape`.
Value collapse(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> shape,
               ArrayRef<ReassociationIndices> reassociation) {
  auto type = cast<RankedTensorType>(value.getType());
  return tensor::CollapseShapeOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), value, reassociation);
}

/// A convolution's accumulator `init`, channel-last and padded to `shape`
/// (n, rows, columns, channels), and the per-channel bias it broadcasts, if
/// it is one (else null). `init` is NCHW, or NGCHW with one channel per
/// group when `grouped` (a depthwise convolution's). With a bias the
/// accumulator starts at zero and the bias is added afterwards, an
/// elementwise op that fuses with the convolution's consumers; a padded
/// accumulator holding the bias would be copied into every run's output.
std::pair<Value, Value> channelLastInit(OpBuilder &b, Location loc, Value init,
                                        ArrayRef<int64_t> shape, bool grouped = false) {
  auto type = cast<RankedTensorType>(init.getType());
  Type elt = type.getElementType();
  auto filled = [&](Value value) {
    Value empty = tensor::EmptyOp::create(b, loc, shape, elt);
    return linalg::FillOp::create(b, loc, value, ValueRange{empty}).getResult(0);
  };
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    return {filled(fill.value()), nullptr};
  SmallVector<int64_t, 3> broadcastDims =
      grouped ? SmallVector<int64_t, 3>{0, 3, 4} : SmallVector<int64_t, 3>{0, 2, 3};
  if (auto broadcast = init.getDefiningOp<linalg::BroadcastOp>();
      broadcast && broadcast.getDimensions() == ArrayRef<int64_t>(broadcastDims)) {
    Value bias = broadcast.getInput();
    if (grouped)
      bias = collapse(b, loc, bias, {shape[3]}, {{0, 1}});
    Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(elt));
    return {filled(zero), bias};
  }
  if (grouped)
    init = collapse(b, loc, init,
                    {type.getDimSize(0), shape[3], type.getDimSize(3), type.getDimSize(4)},
                    {{0}, {1, 2}, {3}, {4}});
  return {transposePadded(b, loc, init, {0, 2, 3, 1}, shape), nullptr};
}

/// nchw[n, c, h, w] + bias[c].
Value addPerChannel(OpBuilder &b, Location loc, Value nchw, Value bias) {
  auto type = cast<RankedTensorType>(nchw.getType());
  MLIRContext *ctx = b.getContext();
  AffineMap identity = AffineMap::getMultiDimIdentityMap(4, ctx);
  AffineMap channel = AffineMap::get(4, 0, {getAffineDimExpr(1, ctx)}, ctx);
  Value empty = tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
  SmallVector<utils::IteratorType> parallel(4, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{type}, ValueRange{nchw, bias}, ValueRange{empty},
             ArrayRef<AffineMap>{identity, channel, identity}, parallel,
             [](OpBuilder &nb, Location nloc, ValueRange args) {
               linalg::YieldOp::create(nb, nloc,
                                       Value(arith::AddFOp::create(nb, nloc, args[0], args[1])));
             })
      .getResult(0);
}

/// FCHW weights as filter tiles of blocks of `channelBlock` input channels
/// (0: all in one): tiles[t, b, i, j, c, r] = w[t * filters + r,
/// b * channelBlock + c, i, j], zero past the last filter. A tile's weights
/// for a channel block are then one contiguous run of kh * kw * block *
/// filters floats, which the register tile sweeps from L1 and the hardware
/// prefetcher streams. With the channels inside the kernel taps ([t, i, j,
/// c, r]), a block's kh * kw runs of block * filters floats lay a multiple
/// of 4 KB apart for 128, 256 or 512 channels, all in the same L1 sets: 9
/// runs of a 3x3 kernel, more than an 8-way L1 holds (no difference
/// measured on one Zen 4 core, where L2 serves them in time: a 256-channel
/// 3x3 layer at 56x56 ran at 92 GFLOP/s either way).
Value packFilterTiles(OpBuilder &b, Location loc, Value fchw, int64_t filters, int64_t tiles,
                      int64_t channelBlock) {
  auto type = cast<RankedTensorType>(fchw.getType());
  ArrayRef<int64_t> shape = type.getShape(); // F, C, kh, kw
  int64_t block = channelBlock ? channelBlock : shape[1];
  Type elt = type.getElementType();
  SmallVector<int64_t> packedShape = {tiles,    shape[1] / block, shape[2],
                                      shape[3], block,            filters};
  if (Value folded = relayoutConstant(
          b, loc, fchw, packedShape, [&](ArrayRef<int64_t> i) -> std::optional<int64_t> {
            int64_t filter = i[0] * filters + i[5];
            if (filter >= shape[0])
              return std::nullopt;
            int64_t channel = i[1] * block + i[4];
            return ((filter * shape[1] + channel) * shape[2] + i[2]) * shape[3] + i[3];
          }))
    return folded;
  Value empty = tensor::EmptyOp::create(b, loc, packedShape, elt);
  SmallVector<utils::IteratorType> parallel(6, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{empty.getType()}, ValueRange{}, ValueRange{empty},
             ArrayRef<AffineMap>{b.getMultiDimIdentityMap(6)}, parallel,
             [&](OpBuilder &nb, Location l, ValueRange) {
               auto index = [&](int64_t dim) -> Value {
                 return linalg::IndexOp::create(nb, l, dim);
               };
               // index(first) * size + index(within)
               auto flat = [&](int64_t first, int64_t size, int64_t within) -> Value {
                 return arith::AddIOp::create(
                     nb, l,
                     arith::MulIOp::create(nb, l, index(first),
                                           arith::ConstantIndexOp::create(nb, l, size)),
                     index(within));
               };
               Value filter = flat(0, filters, 5);
               Value channel = flat(1, block, 4);
               Value count = arith::ConstantIndexOp::create(nb, l, shape[0]);
               Value inside =
                   arith::CmpIOp::create(nb, l, arith::CmpIPredicate::ult, filter, count);
               // Clamped, so that the read stays in bounds; the select drops it.
               Value last = arith::ConstantIndexOp::create(nb, l, shape[0] - 1);
               Value clamped = arith::MinUIOp::create(nb, l, filter, last);
               Value value = tensor::ExtractOp::create(
                   nb, l, fchw, ValueRange{clamped, channel, index(2), index(3)});
               Value zero = arith::ConstantOp::create(nb, l, nb.getZeroAttr(elt));
               linalg::YieldOp::create(
                   nb, l, Value(arith::SelectOp::create(nb, l, inside, value, zero)));
             })
      .getResult(0);
}

/// Fewer products with padding rows than this are not worth a convolution
/// per run of rows (ResNet-18's 512-channel 7x7 layers skip 11M).
constexpr double kMinSkippedRowProducts = 1 << 22;

/// A run of output rows [rowBegin, rowEnd) whose kernel rows [kernelBegin,
/// kernelEnd) read real input, the others only the zero padding.
struct RowPiece {
  int64_t rowBegin, rowEnd, kernelBegin, kernelEnd;
};

/// The output rows of a convolution grouped into runs that read real input
/// with the same kernel rows, for `outRows` rows `stride` apart, `kernelRows`
/// rows `dilation` apart, and an input of `inputRows` real rows after
/// `padTop` rows of zeros. Products with padding rows are skipped only
/// where they are at least 4% of the work, as on 14x14 and smaller maps: a
/// 3x3 kernel padded by 1 over 7 rows reads padding in 2 of its 21 row
/// taps, and oneDNN skips them too; and only where they are at least
/// kMinSkippedRowProducts of the `products` (SSD-MobileNet's heads on 2x2
/// to 8x8 maps took a second more to compile and ran slower in pieces);
/// else one piece of all rows.
SmallVector<RowPiece> rowPieces(int64_t outRows, int64_t kernelRows, int64_t stride,
                                int64_t dilation, int64_t padTop, int64_t inputRows,
                                double products) {
  SmallVector<RowPiece> pieces;
  int64_t useful = 0;
  for (int64_t row = 0; row < outRows; ++row) {
    int64_t first = kernelRows, last = 0; // the kernel rows reading real input
    for (int64_t k = 0; k < kernelRows; ++k) {
      int64_t at = row * stride + k * dilation - padTop;
      if (at >= 0 && at < inputRows) {
        first = std::min(first, k);
        last = k + 1;
      }
    }
    if (first >= last)
      first = last = 0; // no real rows: nothing to add to the accumulator
    useful += last - first;
    if (!pieces.empty() && pieces.back().kernelBegin == first &&
        pieces.back().kernelEnd == last)
      pieces.back().rowEnd = row + 1;
    else
      pieces.push_back({row, row + 1, first, last});
  }
  double skipped = 1.0 - double(useful) / double(outRows * kernelRows);
  if (skipped < 0.04 || skipped * products < kMinSkippedRowProducts)
    return {{0, outRows, 0, kernelRows}};
  return pieces;
}

/// The share of a convolution's row taps that `pieces` skip as padding
/// (0 for one piece of all kernel rows).
double paddingShare(ArrayRef<RowPiece> pieces, int64_t outRows, int64_t kernelRows) {
  int64_t useful = 0;
  for (const RowPiece &piece : pieces)
    useful += (piece.rowEnd - piece.rowBegin) * (piece.kernelEnd - piece.kernelBegin);
  return 1.0 - double(useful) / double(outRows * kernelRows);
}

/// Below this share of padding products, a convolution in row blocks
/// computes them, so that its filter tiles can be packed (about 15% faster
/// on VGG's 14x14 layers); a dilated one skips more (VGG's fc6: 29%).
constexpr double kMaxPaddingForPacking = 0.1;

/// The zero rows (top, bottom) that `nchw` was padded with: those of a
/// tensor.pad by zero with static amounts, else none.
std::pair<int64_t, int64_t> zeroRowPadding(Value nchw) {
  auto pad = nchw.getDefiningOp<tensor::PadOp>();
  if (!pad || !matchPattern(pad.getConstantPaddingValue(), m_AnyZeroFloat()))
    return {0, 0};
  int64_t top = pad.getStaticLow()[2], bottom = pad.getStaticHigh()[2];
  if (ShapedType::isDynamic(top) || ShapedType::isDynamic(bottom))
    return {0, 0};
  return {top, bottom};
}

/// The channel-last convolution (tagged with schedule `id`) of `input`
/// (NHWC) and `filter` (HWCF) into `acc`: one convolution per row piece, of
/// just the input and kernel rows that it reads real input with.
Value convolveRowPieces(OpBuilder &b, Location loc, Value input, Value filter, Value acc,
                        ArrayRef<RowPiece> pieces, linalg::Conv2DNchwFchwOp op,
                        IntegerAttr id) {
  int64_t stride = op.getStrides().getValues<int64_t>()[0];
  int64_t dilation = op.getDilations().getValues<int64_t>()[0];
  // `source` with its dimension `dim` sliced to [offset, offset + size).
  auto sliceDim = [&](Value source, int64_t dim, int64_t offset, int64_t size) -> Value {
    auto type = cast<RankedTensorType>(source.getType());
    if (offset == 0 && size == type.getDimSize(dim))
      return source;
    SmallVector<int64_t> offsets(type.getRank(), 0), sizes(type.getShape());
    offsets[dim] = offset;
    sizes[dim] = size;
    return sliceOf(b, loc, source, getAsIndexOpFoldResult(b.getContext(), offsets), sizes);
  };
  for (const RowPiece &piece : pieces) {
    int64_t rows = piece.rowEnd - piece.rowBegin;
    int64_t kernelRows = piece.kernelEnd - piece.kernelBegin;
    if (kernelRows == 0)
      continue;
    Value pieceInput = sliceDim(input, 1, piece.rowBegin * stride + piece.kernelBegin * dilation,
                                (rows - 1) * stride + (kernelRows - 1) * dilation + 1);
    Value pieceFilter = sliceDim(filter, 0, piece.kernelBegin, kernelRows);
    Value pieceAcc = sliceDim(acc, 1, piece.rowBegin, rows);
    auto conv = linalg::Conv2DNhwcHwcfOp::create(
        b, loc, TypeRange{pieceAcc.getType()}, ValueRange{pieceInput, pieceFilter},
        ValueRange{pieceAcc}, op.getStridesAttr(), op.getDilationsAttr());
    conv->setAttr(kConvScheduleAttr, id);
    if (pieceAcc == acc) {
      acc = conv.getResult(0);
      continue;
    }
    auto accType = cast<RankedTensorType>(acc.getType());
    SmallVector<int64_t> offsets(accType.getRank(), 0), strides(accType.getRank(), 1);
    offsets[1] = piece.rowBegin;
    acc = tensor::InsertSliceOp::create(
        b, loc, conv.getResult(0), acc, ValueRange{}, ValueRange{}, ValueRange{},
        b.getDenseI64ArrayAttr(offsets),
        b.getDenseI64ArrayAttr(cast<RankedTensorType>(pieceAcc.getType()).getShape()),
        b.getDenseI64ArrayAttr(strides));
  }
  return acc;
}

/// The fewest ways of the L1 data caches of current x86 cores (Zen 4 and
/// older Intel cores: 8; Golden Cove: 12), all with 64 sets of 64-byte
/// lines.
constexpr int64_t kL1Ways = 8, kL1Sets = 64, kLineBytes = 64;

/// Whether the input pixels that a sweep of one output row reads in a
/// channel block, `pixels` of them (kernel rows x input columns)
/// `pixelBytes` apart (all channels), would fall into so few L1 sets that
/// they cannot stay in L1 for the next output rows, which read all but one
/// of those kernel rows again: pixels a multiple of 4 KB apart share one
/// set, 256 bytes apart (64 channels) a sixteenth of them. A block's part
/// of a pixel is read whole, so that each of its lines (one for 8 or 16
/// channels, 8 for fc7's 128) shares sets with the same line of the other
/// pixels alike.
bool pixelsShareL1Sets(int64_t pixels, int64_t pixelBytes) {
  if (pixelBytes % kLineBytes != 0)
    return false;
  int64_t lineStride = pixelBytes / kLineBytes;
  int64_t sets = kL1Sets / std::gcd(lineStride, kL1Sets);
  return llvm::divideCeil(pixels, std::min(pixels, sets)) > kL1Ways;
}

/// An NHWC input as blocks of `channelBlock` channels, the blocks
/// outermost: packed[b, n, h, w, c] = input[n, h, w, b * channelBlock + c].
/// A block's pixels then lie channelBlock floats apart instead of all
/// channels, in every L1 set (see pixelsShareL1Sets). Measured on one Zen 4
/// core (32 KB 8-way L1):
/// - VGG16-reduced's fc7 (1x1, 1024 -> 1024 at 14x14), whose 14 columns
///   4 KB apart thrashed one set, went from 5.7-6.2 to 4.7-5.1 ms;
/// - ResNet-18's 64-channel 3x3 layers at 56x56 and batch 8 (174 pixels of
///   three input rows in 16 sets) spent 5% less time in their FMA loop and
///   3.5% packing: ResNet-18 at batch 8, eight interleaved runs of each,
///   median 274 -> 267 ms.
/// Packed once per block of the outer blocking, before its filter tiles
/// sweep it.
Value packInputChannelBlocks(OpBuilder &b, Location loc, Value input, int64_t channelBlock) {
  auto type = cast<RankedTensorType>(input.getType());
  ArrayRef<int64_t> s = type.getShape();
  int64_t blocks = s[3] / channelBlock;
  // The channels split into [blocks, channelBlock], then the blocks moved
  // outermost by a permutation, which symc-cpu-vectorize-elementwise copies
  // a channel block (one vector) at a time.
  Value split = tensor::ExpandShapeOp::create(
      b, loc, RankedTensorType::get({s[0], s[1], s[2], blocks, channelBlock}, type.getElementType()),
      input, ArrayRef<ReassociationIndices>{{0}, {1}, {2}, {3, 4}});
  SmallVector<int64_t> packedShape = {blocks, s[0], s[1], s[2], channelBlock};
  MLIRContext *ctx = b.getContext();
  auto write = AffineMap::getPermutationMap(ArrayRef<unsigned>{3, 0, 1, 2, 4}, ctx);
  Value empty = tensor::EmptyOp::create(b, loc, packedShape, type.getElementType());
  SmallVector<utils::IteratorType> parallel(5, utils::IteratorType::parallel);
  return linalg::GenericOp::create(
             b, loc, TypeRange{empty.getType()}, ValueRange{split}, ValueRange{empty},
             ArrayRef<AffineMap>{b.getMultiDimIdentityMap(5), write}, parallel,
             [](OpBuilder &nb, Location l, ValueRange args) {
               linalg::YieldOp::create(nb, l, args[0]);
             })
      .getResult(0);
}

/// convolveRowPieces over blocks of `channelBlock` input channels of
/// `input`, NHWC or packed (packInputChannelBlocks), and of `filter`, HWCF
/// or a packed tile (packFilterTiles): the first and the last apart, those
/// between in an scf.for marked for symc-prefetch-next-block (the next
/// block's weights and input channels come from L2 while this block
/// computes its rows).
Value convolveChannelBlocks(OpBuilder &b, Location loc, Value input, Value filter,
                            Value acc, ArrayRef<RowPiece> pieces, int64_t channelBlock,
                            linalg::Conv2DNchwFchwOp op, IntegerAttr id) {
  auto inType = cast<RankedTensorType>(input.getType());
  auto filterType = cast<RankedTensorType>(filter.getType());
  // `source`'s block of channels (dimension `dim`) from `first`.
  auto block = [&](OpBuilder &nb, Location l, Value source, RankedTensorType type,
                   int64_t dim, Value first) -> Value {
    SmallVector<OpFoldResult> offsets(type.getRank(), nb.getIndexAttr(0));
    offsets[dim] = first;
    SmallVector<int64_t> shape(type.getShape());
    shape[dim] = channelBlock;
    return sliceOf(nb, l, source, offsets, shape);
  };
  // Channel block `first / channelBlock` of a packed operand (channel
  // blocks outermost), whole.
  auto packedBlock = [&](OpBuilder &nb, Location l, Value source, RankedTensorType type,
                         Value first) -> Value {
    SmallVector<OpFoldResult> offsets(type.getRank(), nb.getIndexAttr(0));
    offsets[0] =
        arith::DivUIOp::create(nb, l, first, arith::ConstantIndexOp::create(nb, l, channelBlock))
            .getResult();
    SmallVector<int64_t> shape(type.getShape());
    shape[0] = 1;
    return sliceOf(nb, l, source, offsets, shape, /*rank=*/4);
  };
  // The block of channels from `first` convolved into `into`: NHWC and
  // HWCF sliced, or blocks of packed ones (packInputChannelBlocks,
  // packFilterTiles).
  auto convolveBlock = [&](OpBuilder &nb, Location l, Value first, Value into) {
    Value inputBlock = inType.getRank() == 4 ? block(nb, l, input, inType, 3, first)
                                             : packedBlock(nb, l, input, inType, first);
    Value filterBlock = filterType.getRank() == 4
                            ? block(nb, l, filter, filterType, 2, first)
                            : packedBlock(nb, l, filter, filterType, first);
    return convolveRowPieces(nb, l, inputBlock, filterBlock, into, pieces, op, id);
  };
  // The first block apart: its convolution starts from the accumulator's
  // fill, which symc-forward-fills then reads as a constant instead of
  // from memory (and drops, when nothing else reads it).
  acc = convolveBlock(b, loc, arith::ConstantIndexOp::create(b, loc, 0), acc);
  // The convolution's input channels (FCHW), whichever layout the
  // operands have here.
  int64_t channels = cast<RankedTensorType>(op.getDpsInputs()[1].getType()).getDimSize(1);
  if (channels > 2 * channelBlock) {
    Value step = arith::ConstantIndexOp::create(b, loc, channelBlock);
    Value end = arith::ConstantIndexOp::create(b, loc, channels - channelBlock);
    auto loop = scf::ForOp::create(
        b, loc, step, end, step, ValueRange{acc},
        [&](OpBuilder &nb, Location l, Value first, ValueRange carried) {
          scf::YieldOp::create(nb, l, convolveBlock(nb, l, first, carried[0]));
        });
    loop->setAttr(kPrefetchNextBlockAttr, b.getUnitAttr());
    acc = loop.getResult(0);
  }
  // The last block apart too: its tiles are final, so that
  // symc-fuse-conv-epilogues can apply the epilogue (BatchNorm, ReLU, a
  // residual addition) to them in registers. In the loop, it ran as a pass
  // of its own (ResNet-18 at batch 8: 6 ms of 175).
  return convolveBlock(b, loc, arith::ConstantIndexOp::create(b, loc, channels - channelBlock),
                       acc);
}

/// The convolution of `input` (NHWC) into `init` (NHWC, the filters padded
/// to whole tiles) as a loop over the filter tiles of `tiles`
/// (packFilterTiles), an scf.forall when threads share them: each
/// iteration a channel-last convolution, tagged with schedule `id`, of one
/// packed tile into its slice of the output. A loop on one thread fetches
/// the next tile's weights and accumulators into L2 while this tile
/// computes (symc-prefetch-next-block): in a model, each layer's weights
/// come back from L3 or memory, and a tile's rows start on them at once.
/// SqueezeNet on one Zen 4 core, six interleaved runs of each: batch 1
/// 7.30 -> 6.98 ms (its 13x13 3x3 layers by 7-10%), batch 8 60.0 -> 57.5.
Value convOverFilterTiles(OpBuilder &b, Location loc, Value input, Value tiles, Value init,
                          ArrayRef<RowPiece> pieces, int64_t channelBlock, bool packInput,
                          linalg::Conv2DNchwFchwOp op, IntegerAttr id, bool parallel) {
  ArrayRef<int64_t> t = cast<RankedTensorType>(tiles.getType()).getShape();
  auto initType = cast<RankedTensorType>(init.getType());
  ArrayRef<int64_t> o = initType.getShape(); // N, OH, OW, F
  Type elt = initType.getElementType();
  auto outType = RankedTensorType::get({o[0], o[1], o[2], t[5]}, elt);
  MLIRContext *ctx = b.getContext();
  SmallVector<OpFoldResult> outSizes = getAsIndexOpFoldResult(ctx, outType.getShape());
  SmallVector<OpFoldResult> outStrides(4, b.getIndexAttr(1));
  Value packedInput =
      packInput ? packInputChannelBlocks(b, loc, input, channelBlock) : input;
  // The output offsets of tile `tile` and its convolution into `acc`.
  auto convolveTile = [&](OpBuilder &nb, Location l, Value tile, Value acc)
      -> std::pair<Value, SmallVector<OpFoldResult>> {
    SmallVector<OpFoldResult> filterOffsets(6, nb.getIndexAttr(0));
    filterOffsets[0] = tile;
    SmallVector<int64_t> filterShape(t);
    filterShape[0] = 1;
    // All channels in one block: the tile as HWCF.
    Value filter = sliceOf(nb, l, tiles, filterOffsets, filterShape,
                           /*rank=*/channelBlock ? 5 : 4);
    Value first = arith::MulIOp::create(nb, l, tile,
                                        arith::ConstantIndexOp::create(nb, l, t[5]));
    SmallVector<OpFoldResult> offsets = {nb.getIndexAttr(0), nb.getIndexAttr(0),
                                         nb.getIndexAttr(0), first};
    Value slice = tensor::ExtractSliceOp::create(nb, l, outType, acc, offsets, outSizes,
                                                 outStrides);
    if (channelBlock == 0)
      return {convolveRowPieces(nb, l, input, filter, slice, pieces, op, id), offsets};
    return {convolveChannelBlocks(nb, l, packedInput, filter, slice, pieces, channelBlock, op,
                                  id),
            offsets};
  };
  Value result = loopOverSlices(b, loc, t[0], init, outSizes, parallel, convolveTile);
  if (auto loop = result.getDefiningOp<scf::ForOp>())
    loop->setAttr(kPrefetchNextBlockAttr, b.getUnitAttr());
  return result;
}

/// convOverFilterTiles for one block at a time: one image (`imageTiles`)
/// and `rows` output rows of it (0: all), in a loop over the blocks (an
/// scf.forall when threads share them), so that each block's accumulators
/// and input stay in L2 while the filter tiles and channel blocks sweep
/// them. Row blocks take all kernel rows (`pieces` has one piece). With
/// `filterGroups`, threads share each block's filter tiles too, in that
/// many groups (see filterGroupsFor).
Value convPerBlock(OpBuilder &b, Location loc, Value input, Value tiles, Value init,
                   ArrayRef<RowPiece> pieces, int64_t channelBlock, bool packInput,
                   linalg::Conv2DNchwFchwOp op, IntegerAttr id, bool parallelTiles,
                   bool parallelBlocks, bool imageTiles, int64_t rows, int64_t filterGroups) {
  auto inType = cast<RankedTensorType>(input.getType());
  auto initType = cast<RankedTensorType>(init.getType());
  int64_t images = initType.getDimSize(0), outRows = initType.getDimSize(1);
  int64_t blockImages = imageTiles ? 1 : images, blockRows = rows ? rows : outRows;
  int64_t rowBlocks = outRows / blockRows;
  auto tilesType = cast<RankedTensorType>(tiles.getType());
  int64_t groupTiles = tilesType.getDimSize(0) / filterGroups;
  int64_t groupFilters = groupTiles * tilesType.getDimSize(5);
  int64_t stride = op.getStrides().getValues<int64_t>()[0];
  int64_t dilation = op.getDilations().getValues<int64_t>()[0];
  int64_t kernelRows = tilesType.getDimSize(2);
  int64_t inRows = rows ? (rows - 1) * stride + (kernelRows - 1) * dilation + 1
                        : inType.getDimSize(1);
  MLIRContext *ctx = b.getContext();
  auto blockShape = [&](RankedTensorType type, int64_t blockRowsOf) {
    SmallVector<int64_t> shape(type.getShape());
    shape[0] = blockImages;
    shape[1] = blockRowsOf;
    return shape;
  };
  SmallVector<int64_t> outShape = blockShape(initType, blockRows);
  outShape[3] = groupFilters;
  SmallVector<OpFoldResult> outSizes = getAsIndexOpFoldResult(ctx, outShape);
  // A row block's rows all take the one piece's kernel rows.
  SmallVector<RowPiece> blockPieces(pieces);
  if (rows)
    blockPieces = {{0, blockRows, pieces.front().kernelBegin, pieces.front().kernelEnd}};
  // The block of `whole` (of `type`) with `blockRowsOf` rows at `offsets`.
  auto blockOf = [&](OpBuilder &nb, Location l, RankedTensorType type, Value whole,
                     ArrayRef<OpFoldResult> offsets, int64_t blockRowsOf) -> Value {
    return sliceOf(nb, l, whole, offsets, blockShape(type, blockRowsOf));
  };
  // An accumulator that starts filled is filled a block at a time, in the
  // loop, while the block's accumulators are in cache: filled whole
  // beforehand, a batch's would be written to memory and read back.
  auto fill = init.getDefiningOp<linalg::FillOp>();
  if (fill && !fill.getOutputs()[0].getDefiningOp<tensor::EmptyOp>())
    fill = nullptr;
  auto constant = [](OpBuilder &nb, Location l, int64_t c) {
    return arith::ConstantIndexOp::create(nb, l, c);
  };
  // The convolution of row block `rowBlock` (null when there is one) of
  // image `image` into `acc`'s slice (`acc` holding all images, or only
  // that one), and its offsets there; with filter groups, only group
  // `group`'s filters.
  auto convolveBlockAt = [&](OpBuilder &nb, Location l, OpFoldResult image, bool accIsImage,
                             Value rowBlock, Value acc, Value group = Value())
      -> std::pair<Value, SmallVector<OpFoldResult>> {
    OpFoldResult row = nb.getIndexAttr(0), inRow = nb.getIndexAttr(0);
    if (rowBlocks > 1) {
      row = arith::MulIOp::create(nb, l, rowBlock, constant(nb, l, blockRows)).getResult();
      inRow = arith::MulIOp::create(nb, l, rowBlock, constant(nb, l, blockRows * stride))
                  .getResult();
    }
    OpFoldResult accImage = accIsImage ? nb.getIndexAttr(0) : image;
    OpFoldResult firstFilter = nb.getIndexAttr(0);
    Value groupTileSlice = tiles;
    if (group) {
      firstFilter =
          arith::MulIOp::create(nb, l, group, constant(nb, l, groupFilters)).getResult();
      SmallVector<int64_t> groupShape(tilesType.getShape());
      groupShape[0] = groupTiles;
      SmallVector<OpFoldResult> tileOffsets(6, nb.getIndexAttr(0));
      tileOffsets[0] =
          arith::MulIOp::create(nb, l, group, constant(nb, l, groupTiles)).getResult();
      groupTileSlice = sliceOf(nb, l, tiles, tileOffsets, groupShape);
    }
    SmallVector<OpFoldResult> offsets = {accImage, row, nb.getIndexAttr(0), firstFilter};
    SmallVector<OpFoldResult> inOffsets = {image, inRow, nb.getIndexAttr(0), nb.getIndexAttr(0)};
    Value blockInit = sliceOf(nb, l, acc, offsets, outShape);
    if (fill)
      blockInit = linalg::FillOp::create(nb, l, fill.value(), ValueRange{blockInit}).getResult(0);
    Value result = convOverFilterTiles(nb, l, blockOf(nb, l, inType, input, inOffsets, inRows),
                                       groupTileSlice, blockInit, blockPieces, channelBlock,
                                       packInput, op, id, parallelTiles);
    return {result, offsets};
  };
  Value whole = fill ? fill.getOutputs()[0] : init;
  // Blocks and groups of filter tiles, shared among threads in one
  // two-dimensional scf.forall.
  if (filterGroups > 1) {
    assert(parallelBlocks && !(imageTiles && rowBlocks > 1) &&
           "filter groups share the blocks of one loop among threads");
    auto forall = scf::ForallOp::create(
        b, loc, getAsIndexOpFoldResult(ctx, {(images / blockImages) * rowBlocks, filterGroups}),
        ValueRange{whole}, std::nullopt);
    OpBuilder nb = OpBuilder::atBlockBegin(forall.getBody());
    Value index = forall.getInductionVar(0), group = forall.getInductionVar(1);
    Value acc = forall.getRegionIterArgs()[0];
    auto [result, offsets] =
        imageTiles ? convolveBlockAt(nb, loc, index, /*accIsImage=*/false, Value(), acc, group)
                   : convolveBlockAt(nb, loc, nb.getIndexAttr(0), /*accIsImage=*/false, index,
                                     acc, group);
    nb.setInsertionPointToEnd(&forall.getTerminator().getRegion().front());
    tensor::ParallelInsertSliceOp::create(nb, loc, result, acc, offsets, outSizes,
                                          SmallVector<OpFoldResult>(4, nb.getIndexAttr(1)));
    return forall.getResult(0);
  }
  // Image tiles of several row blocks: a loop over the images around one
  // over an image's row blocks, or, shared among threads, one
  // two-dimensional scf.forall, whose offsets symc-fuse-conv-epilogues and
  // symc-forward-fills can place (one loop over both, dividing its index,
  // was opaque to them: SSD-MobileNet's pointwise layers kept their
  // BatchNorm+ReLU apart).
  if (imageTiles && rowBlocks > 1 && parallelBlocks) {
    auto forall = scf::ForallOp::create(
        b, loc, getAsIndexOpFoldResult(ctx, {images, rowBlocks}), ValueRange{whole},
        std::nullopt);
    OpBuilder nb = OpBuilder::atBlockBegin(forall.getBody());
    auto [result, offsets] =
        convolveBlockAt(nb, loc, forall.getInductionVar(0), /*accIsImage=*/false,
                        forall.getInductionVar(1), forall.getRegionIterArgs()[0]);
    nb.setInsertionPointToEnd(&forall.getTerminator().getRegion().front());
    tensor::ParallelInsertSliceOp::create(nb, loc, result, forall.getRegionIterArgs()[0],
                                          offsets, outSizes,
                                          SmallVector<OpFoldResult>(4, nb.getIndexAttr(1)));
    return forall.getResult(0);
  }
  if (imageTiles && rowBlocks > 1) {
    SmallVector<int64_t> imageShape(initType.getShape());
    imageShape[0] = 1;
    auto convolveImage = [&](OpBuilder &nb, Location l, Value image, Value acc)
        -> std::pair<Value, SmallVector<OpFoldResult>> {
      SmallVector<OpFoldResult> offsets = {image, nb.getIndexAttr(0), nb.getIndexAttr(0),
                                           nb.getIndexAttr(0)};
      Value imageAcc = sliceOf(nb, l, acc, offsets, imageShape);
      Value result = loopOverSlices(
          nb, l, rowBlocks, imageAcc, outSizes, /*parallel=*/false,
          [&](OpBuilder &rb, Location rl, Value rowBlock, Value rowsAcc) {
            return convolveBlockAt(rb, rl, image, /*accIsImage=*/true, rowBlock, rowsAcc);
          });
      return {result, offsets};
    };
    return loopOverSlices(b, loc, images, whole, getAsIndexOpFoldResult(ctx, imageShape),
                          /*parallel=*/false, convolveImage);
  }
  // The convolution of block `index` (an image's or a row block's) into
  // `acc`'s slice, and its offsets.
  auto convolveBlock = [&](OpBuilder &nb, Location l, Value index, Value acc)
      -> std::pair<Value, SmallVector<OpFoldResult>> {
    if (imageTiles)
      return convolveBlockAt(nb, l, index, /*accIsImage=*/false, /*rowBlock=*/Value(), acc);
    return convolveBlockAt(nb, l, nb.getIndexAttr(0), /*accIsImage=*/false, index, acc);
  };
  return loopOverSlices(b, loc, (images / blockImages) * rowBlocks, whole, outSizes,
                        parallelBlocks, convolveBlock);
}

//===----------------------------------------------------------------------===//
// Taps that read only padding
//===----------------------------------------------------------------------===//

/// The outputs [first, first + count) of one spatial dimension at which
/// kernel tap `tap` reads real input rather than padding, for `outputs`
/// positions `stride` apart, taps `dilation` apart, and an input padded
/// with `low` elements in front of its `size` real ones (count 0: none).
/// The position read grows with the output, so these are one range.
std::pair<int64_t, int64_t> outputsReadingInput(int64_t tap, int64_t outputs, int64_t stride,
                                                int64_t dilation, int64_t low, int64_t size) {
  int64_t first = outputs, count = 0;
  for (int64_t o = 0; o < outputs; ++o) {
    int64_t at = o * stride + tap * dilation;
    if (at >= low && at < low + size) {
      first = std::min(first, o);
      ++count;
    }
  }
  return {first, count};
}

/// The part of a spatial dimension's output-tap products that read real
/// input.
double usefulFraction(int64_t outputs, int64_t kernel, int64_t stride, int64_t dilation,
                      int64_t low, int64_t size) {
  int64_t useful = 0;
  for (int64_t k = 0; k < kernel; ++k)
    useful += outputsReadingInput(k, outputs, stride, dilation, low, size).second;
  return double(useful) / double(outputs * kernel);
}

/// Fewer products with padding than this are not worth a convolution per
/// tap (SSD-MobileNet's 3x3 layers on 2x2 maps would compile to nine
/// pieces each for microseconds).
constexpr double kMinSkippedProducts = 1 << 25;

/// A convolution of a zero-padded input whose taps read only padding for a
/// large part of the output (VGG16-reduced's fc6: a 3x3 kernel dilated by
/// 6 over a 14x14 input padded by 6, where half the products are with
/// padding) becomes a sum over its taps: each tap a 1x1 convolution over
/// just the outputs where it reads real input, from the unpadded input,
/// accumulated into that box of the output. Each tap's weights are read
/// once, as in the whole convolution. Convolutions whose padding taps are
/// under a quarter of the work (a 3x3 kernel padded by 1) or few stay
/// whole.
void skipPaddingTaps(ModuleOp module) {
  SmallVector<linalg::Conv2DNchwFchwOp> convs;
  module.walk([&](linalg::Conv2DNchwFchwOp op) { convs.push_back(op); });
  for (linalg::Conv2DNchwFchwOp op : convs) {
    auto pad = op.getDpsInputs()[0].getDefiningOp<tensor::PadOp>();
    Value filter = op.getDpsInputs()[1];
    auto filterType = dyn_cast<RankedTensorType>(filter.getType());
    auto outType = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
    if (!pad || !matchPattern(pad.getConstantPaddingValue(), m_AnyZeroFloat()) ||
        !pad.getSourceType().hasStaticShape() || !filterType ||
        !filterType.hasStaticShape() || !outType || !outType.hasStaticShape())
      continue;
    ArrayRef<int64_t> low = pad.getStaticLow(), high = pad.getStaticHigh();
    if (llvm::is_contained(low, ShapedType::kDynamic) ||
        llvm::is_contained(high, ShapedType::kDynamic) || low[0] || low[1] || high[0] ||
        high[1])
      continue;
    ArrayRef<int64_t> in = pad.getSourceType().getShape(), out = outType.getShape(),
                      kernel = filterType.getShape();
    auto strides = op.getStrides().getValues<int64_t>();
    auto dilations = op.getDilations().getValues<int64_t>();
    auto rowsOf = [&](int64_t kh) {
      return outputsReadingInput(kh, out[2], strides[0], dilations[0], low[2], in[2]);
    };
    auto columnsOf = [&](int64_t kw) {
      return outputsReadingInput(kw, out[3], strides[1], dilations[1], low[3], in[3]);
    };
    double useful =
        usefulFraction(out[2], kernel[2], strides[0], dilations[0], low[2], in[2]) *
        usefulFraction(out[3], kernel[3], strides[1], dilations[1], low[3], in[3]);
    double products = double(outType.getNumElements()) * double(filterType.getNumElements() /
                                                                kernel[0]);
    if (useful > 0.75 || (1 - useful) * products < kMinSkippedProducts)
      continue;

    OpBuilder b(op);
    Location loc = op.getLoc();
    auto slice = [&](Value source, ArrayRef<int64_t> offsets,
                     ArrayRef<int64_t> sizes) -> Value {
      return sliceOf(b, loc, source, getAsIndexOpFoldResult(b.getContext(), offsets), sizes);
    };
    // The taps slice and accumulate channel-last (NHWC) views of the input
    // and the accumulator, each tap's NCHW convolution between transposes
    // that cancel against those of its channel-last rewrite
    // (symc-sink-transposes): sliced in NCHW, every tap transposed its
    // boxes of input and accumulator and back (VGG16-reduced's fc6 alone on
    // one Zen 4 core: 11.8-12.8 -> 11.2-11.8 ms).
    const SmallVector<int64_t> toNHWC = {0, 2, 3, 1}, toNCHW = {0, 3, 1, 2};
    Value input = createTranspose(b, loc, pad.getSource(), toNHWC);
    Value acc = createTranspose(b, loc, op.getDpsInits()[0], toNHWC);
    for (int64_t kh = 0; kh < kernel[2]; ++kh) {
      auto [row, rows] = rowsOf(kh);
      for (int64_t kw = 0; kw < kernel[3]; ++kw) {
        auto [column, columns] = columnsOf(kw);
        if (!rows || !columns)
          continue;
        // The real input that tap (kh, kw) reads for its box of outputs.
        Value tapInput = slice(input,
                               {0, row * strides[0] + kh * dilations[0] - low[2],
                                column * strides[1] + kw * dilations[1] - low[3], 0},
                               {in[0], (rows - 1) * strides[0] + 1,
                                (columns - 1) * strides[1] + 1, in[1]});
        Value tap = slice(filter, {0, 0, kh, kw}, {kernel[0], kernel[1], 1, 1});
        SmallVector<int64_t> offsets = {0, row, column, 0},
                             sizes = {out[0], rows, columns, out[1]};
        Value box = createTranspose(b, loc, slice(acc, offsets, sizes), toNCHW);
        Value sum = linalg::Conv2DNchwFchwOp::create(
                        b, loc, TypeRange{box.getType()},
                        ValueRange{createTranspose(b, loc, tapInput, toNCHW), tap},
                        ValueRange{box}, op.getStridesAttr(), op.getDilationsAttr())
                        .getResult(0);
        acc = tensor::InsertSliceOp::create(
            b, loc, createTranspose(b, loc, sum, toNHWC), acc, ValueRange{}, ValueRange{},
            ValueRange{}, b.getDenseI64ArrayAttr(offsets), b.getDenseI64ArrayAttr(sizes),
            b.getDenseI64ArrayAttr({1, 1, 1, 1}));
      }
    }
    acc = createTranspose(b, loc, acc, toNCHW);
    op->replaceAllUsesWith(ValueRange{acc});
    op->erase();
  }
}

/// NCHW/FCHW convolutions become channel-last ones between transposes (the
/// filter transposes are constants when the weights are): the vectorizer
/// works on the innermost (channel) axis, where NCHW would transpose the
/// accumulator at every step. The output is padded to the register tile
/// (convRegisterTile) and sliced back. Returns the schedules used, each
/// convolution tagged with its schedule's index.
/// The input, filter and output types of a convolution whose shapes are
/// all static and whose output is f32 (the schedules' precondition), else
/// nothing.
std::optional<std::array<RankedTensorType, 3>> staticF32Types(linalg::LinalgOp op) {
  auto in = dyn_cast<RankedTensorType>(op.getDpsInputs()[0].getType());
  auto filter = dyn_cast<RankedTensorType>(op.getDpsInputs()[1].getType());
  auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
  if (!in || !filter || !out || !in.hasStaticShape() || !filter.hasStaticShape() ||
      !out.hasStaticShape() || !out.getElementType().isF32())
    return std::nullopt;
  return std::array<RankedTensorType, 3>{in, filter, out};
}

std::vector<ConvSchedule> rewriteConvolutionsChannelLast(ModuleOp module,
                                                         RegisterTile host,
                                                         int64_t l1Bytes,
                                                         int64_t l2Bytes,
                                                         int64_t l3Bytes,
                                                         int64_t threads,
                                                         double minParallelFlops) {
  SmallVector<linalg::Conv2DNchwFchwOp> convs;
  module.walk([&](linalg::Conv2DNchwFchwOp op) { convs.push_back(op); });
  std::map<ConvSchedule, int64_t> ids;
  std::vector<ConvSchedule> schedules;
  for (linalg::Conv2DNchwFchwOp op : convs) {
    std::optional<std::array<RankedTensorType, 3>> types = staticF32Types(op);
    if (!types)
      continue;
    auto [in, filter, out] = *types;
    int64_t n = out.getDimSize(0), f = out.getDimSize(1), oh = out.getDimSize(2),
            ow = out.getDimSize(3);
    int64_t c = filter.getDimSize(1), kh = filter.getDimSize(2),
            kw = filter.getDimSize(3);
    int64_t strideW = op.getStrides().getValues<int64_t>()[1];
    int64_t dilationW = op.getDilations().getValues<int64_t>()[1];
    ConvTile tile = convRegisterTile(ow, f, host, kw);
    // The input columns the padded output reads.
    int64_t inW = std::max(in.getDimSize(3),
                           (tile.paddedWidth - 1) * strideW + (kw - 1) * dilationW + 1);

    auto [padTop, padBottom] = zeroRowPadding(op.getDpsInputs()[0]);
    OpBuilder b(op);
    Location loc = op.getLoc();
    // Plain transposes and pads around the convolution, which
    // symc-sink-transposes cancels against its neighbours' (the extra
    // columns merge with the model's padding).
    Value input = padHigh(b, loc, createTranspose(b, loc, op.getDpsInputs()[0], {0, 2, 3, 1}),
                          {0, 0, inW - in.getDimSize(3), 0});
    auto [init, bias] = channelLastInit(b, loc, op.getDpsInits()[0],
                                        {n, oh, tile.paddedWidth, tile.paddedFilters});
    // Layers with 128 channels or more take blocks of up to 4/5 of L1
    // (twice as many channels), measured on one AVX-512 core: VGG16-reduced's
    // 512-channel 3x3 layers at 28x28 went from 18.9 to 15.1 ms (the
    // traffic model then blocks their rows differently) and its batch 8
    // gained 1%, ResNet-18 did not change; 64-channel layers were slower
    // (VGG's at 224x224 by 7%) and keep half of L1.
    int64_t block = channelBlock(c, kh, kw, tile.filters, l1Bytes * (c >= 128 ? 4 : 2) / 5);
    int64_t strideH = op.getStrides().getValues<int64_t>()[0];
    int64_t filterTiles = tile.paddedFilters / tile.filters;
    ConvTraffic traffic{n,
                        oh,
                        strideH,
                        kh,
                        kh * kw * c * tile.paddedFilters * 4,
                        inW * c * 4,
                        tile.paddedWidth * tile.filters * 4,
                        filterTiles,
                        block ? c / block : 1};
    // 1x1 layers whose weights stay in L2 are blocked as matmuls; the
    // others (SqueezeNet's 2 MB conv10), as the traffic model says, which
    // reads their weights once per block.
    auto [imageTiles, rows] = kh == 1 && kw == 1 && traffic.weightBytes <= l2Bytes / 2
                                  ? pointwiseBlocking(n, oh, ow, c, l2Bytes)
                                  : outerBlocking(traffic, l2Bytes, l3Bytes);
    int64_t blocks = (imageTiles ? n : 1) * (rows ? oh / rows : 1);
    double products = double(n * oh * ow) * double(f * c * kh * kw);
    ConvSchedule::Distribution distribution =
        convDistribution(tile, blocks, threads, 2 * products, minParallelFlops);
    // Threads sharing output rows read weights that are not packed, and
    // run the channel blocks in one loop, the epilogue apart; where the
    // filter tiles can be packed, they share blocks of rows instead, no
    // larger than the traffic model's. Batch 1, two Zen 4 cores:
    // SqueezeNet's 3x3 layers at 55x55 (16 -> 64 channels, no blocks):
    // 0.295-0.310 ms and 0.039-0.045 for their ReLU apart -> 0.273-0.281 ms,
    // ReLU included; ResNet-18's 64-channel layers at 56x56 (two blocks of
    // 28 rows -> four of 14): 1.14-1.24 ms and 0.03-0.05 for the ReLU or
    // residual sum apart -> 1.05-1.10 ms, all included.
    if (distribution == ConvSchedule::Distribution::Rows && !imageTiles &&
        filterTiles > 1) {
      if (int64_t blockRows = rowsPerThreadBlock(oh, threads, rows ? rows : oh)) {
        rows = blockRows;
        blocks = oh / rows;
        distribution = ConvSchedule::Distribution::Blocks;
      }
    }
    SmallVector<RowPiece> pieces = rowPieces(
        oh, kh, strideH, op.getDilations().getValues<int64_t>()[0], padTop,
        in.getDimSize(2) - padTop - padBottom, products);
    // Filter tiles (threads if any sharing them) read their weights from
    // packed tiles, inside a loop over the blocks of images and rows, if
    // any (shared among threads when they share blocks). Sliced from HWCF,
    // a 512-channel 3x3 layer's weights for a block of 32 channels are 288
    // rows of 128 bytes 2 KB apart, which fall in 4 sets of a 64-set L1
    // (VGG's 28x28 layers in row blocks on a 48 KB-L1 Xeon: 23.7 ms, packed
    // 19.5).
    bool blocked = imageTiles || rows != 0;
    bool packable = filterTiles > 1 &&
                    (distribution == ConvSchedule::Distribution::None ||
                     distribution == ConvSchedule::Distribution::Filters ||
                     (blocked && distribution == ConvSchedule::Distribution::Blocks));
    // Row blocks take all kernel rows, the padding's too: packed weights
    // are worth more than a few products with padding rows (VGG's
    // 512-channel 14x14 layers at batch 8, in blocks of 2 rows: 44 ms in
    // pieces from HWCF weights, 38 packed with 4.8% more products).
    if (packable && rows != 0 && paddingShare(pieces, oh, kh) < kMaxPaddingForPacking)
      pieces = {{0, oh, 0, kh}};
    bool packed = packable && (rows == 0 || pieces.size() == 1);
    ConvSchedule schedule{tile,
                          (kh > 1 ? 1 : 0) | ((block ? block : c) > 1 ? 2 : 0),
                          packed ? ConvSchedule::Distribution::None : distribution,
                          packed ? 0 : block, // packed: an explicit loop
                          imageTiles && !packed,
                          packed ? 0 : rows};
    auto [it, inserted] = ids.try_emplace(schedule, schedules.size());
    if (inserted)
      schedules.push_back(schedule);
    IntegerAttr id = b.getI64IntegerAttr(it->second);
    Value result;
    if (packed) {
      Value tiles =
          packFilterTiles(b, loc, op.getDpsInputs()[1], tile.filters, filterTiles, block);
      bool parallelTiles = distribution == ConvSchedule::Distribution::Filters;
      bool parallelBlocks = distribution == ConvSchedule::Distribution::Blocks;
      bool packInput = block && pixelsShareL1Sets(kh * inW, c * 4);
      result = blocked
                   ? convPerBlock(b, loc, input, tiles, init, pieces, block, packInput, op, id,
                                  parallelTiles, parallelBlocks, imageTiles, rows,
                                  parallelBlocks && !(imageTiles && rows)
                                      ? filterGroupsFor(blocks, filterTiles, threads)
                                      : 1)
                   : convOverFilterTiles(b, loc, input, tiles, init, pieces, block, packInput,
                                         op, id, parallelTiles);
    } else {
      Value weights = transposePadded(b, loc, op.getDpsInputs()[1], {2, 3, 1, 0},
                                      {kh, kw, c, tile.paddedFilters});
      result = convolveRowPieces(b, loc, input, weights, init, pieces, op, id);
    }
    if (tile.paddedWidth != ow || tile.paddedFilters != f)
      result = tensor::ExtractSliceOp::create(
          b, loc, RankedTensorType::get({n, oh, ow, f}, out.getElementType()),
          result, ValueRange{}, ValueRange{}, ValueRange{},
          b.getDenseI64ArrayAttr({0, 0, 0, 0}),
          b.getDenseI64ArrayAttr({n, oh, ow, f}),
          b.getDenseI64ArrayAttr({1, 1, 1, 1}));
    result = createTranspose(b, loc, result, {0, 3, 1, 2});
    if (bias)
      result = addPerChannel(b, loc, result, bias);
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
  }
  return schedules;
}

//===----------------------------------------------------------------------===//
// Depthwise convolutions
//===----------------------------------------------------------------------===//

/// The register tile of a channel-last depthwise convolution: `columns`
/// output columns by `channels` channels (whole vectors), with the rows
/// shared among threads when `parallel`.
struct DepthwiseSchedule {
  int64_t columns = 0, channels = 0;
  bool parallel = false;
  bool operator<(const DepthwiseSchedule &o) const {
    return std::tie(columns, channels, parallel) <
           std::tie(o.columns, o.channels, o.parallel);
  }
};

/// Up to four vectors of channels (the largest that divides them) and as
/// many columns (a divisor of the width) as 16 accumulator vectors allow.
std::optional<DepthwiseSchedule> depthwiseTile(int64_t channels, int64_t width,
                                               int64_t lanes, bool parallel) {
  if (channels % lanes != 0)
    return std::nullopt;
  int64_t vectors = 1;
  for (int64_t v : {4, 2})
    if (channels % (v * lanes) == 0) {
      vectors = v;
      break;
    }
  int64_t columns = 1;
  for (int64_t c = std::min<int64_t>(16 / vectors, width); c > 1; --c)
    if (width % c == 0) {
      columns = c;
      break;
    }
  return DepthwiseSchedule{columns, vectors * lanes, parallel};
}

/// Depthwise convolutions (linalg's grouped convolution with one channel
/// and one filter per group: MobileNet's) become channel-last
/// linalg.depthwise_conv_2d_nhwc_hwc between transposes, tagged with their
/// schedule; they ran as plain loops (SSD-MobileNet at a quarter of
/// MXNet's speed).
std::vector<DepthwiseSchedule> rewriteDepthwiseChannelLast(ModuleOp module, int64_t lanes,
                                                           bool parallel) {
  SmallVector<linalg::Conv2DNgchwGfchwOp> convs;
  module.walk([&](linalg::Conv2DNgchwGfchwOp op) { convs.push_back(op); });
  std::map<DepthwiseSchedule, int64_t> ids;
  std::vector<DepthwiseSchedule> schedules;
  for (linalg::Conv2DNgchwGfchwOp op : convs) {
    std::optional<std::array<RankedTensorType, 3>> types = staticF32Types(op);
    if (!types || (*types)[1].getDimSize(1) != 1 || (*types)[1].getDimSize(2) != 1)
      continue;
    auto [in, filter, out] = *types;
    int64_t n = out.getDimSize(0), g = out.getDimSize(1), oh = out.getDimSize(3),
            ow = out.getDimSize(4), kh = filter.getDimSize(3), kw = filter.getDimSize(4);
    std::optional<DepthwiseSchedule> schedule = depthwiseTile(g, ow, lanes, parallel);
    if (!schedule)
      continue;
    OpBuilder b(op);
    Location loc = op.getLoc();
    Value input = collapse(b, loc, op.getDpsInputs()[0],
                           {n, g, in.getDimSize(3), in.getDimSize(4)}, {{0}, {1, 2}, {3}, {4}});
    input = createTranspose(b, loc, input, {0, 2, 3, 1});
    Value weights = collapse(b, loc, op.getDpsInputs()[1], {g, kh, kw}, {{0, 1, 2}, {3}, {4}});
    weights = transposePadded(b, loc, weights, {1, 2, 0}, {kh, kw, g});
    auto [init, bias] =
        channelLastInit(b, loc, op.getDpsInits()[0], {n, oh, ow, g}, /*grouped=*/true);
    auto conv = linalg::DepthwiseConv2DNhwcHwcOp::create(
        b, loc, TypeRange{init.getType()}, ValueRange{input, weights}, ValueRange{init},
        op.getStridesAttr(), op.getDilationsAttr());
    auto [it, inserted] = ids.try_emplace(*schedule, schedules.size());
    if (inserted)
      schedules.push_back(*schedule);
    conv->setAttr(kDepthwiseScheduleAttr, b.getI64IntegerAttr(it->second));
    Value result = createTranspose(b, loc, conv.getResult(0), {0, 3, 1, 2});
    if (bias)
      result = addPerChannel(b, loc, result, bias);
    result = tensor::ExpandShapeOp::create(b, loc, out, result,
                                           ArrayRef<ReassociationIndices>{{0}, {1, 2}, {3}, {4}});
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
  }
  return schedules;
}

/// One output row, `columns` columns and `channels` channels per register
/// tile, the kernel row tiled to 1 so that the op decomposes into 1-D
/// depthwise convolutions, vectorized over the channels, the accumulators
/// kept in registers across the kernel rows. The hoisting needs the
/// transfers marked in bounds, which canonicalization does: without it the
/// accumulators went through memory on every kernel row, and neither the
/// accumulator's fill nor the epilogue (BatchNorm, ReLU) fused into the
/// tiles (SSD-MobileNet's depthwise layers ran at a quarter of the memory
/// bandwidth).
std::string depthwiseScheduleFor(const DepthwiseSchedule &schedule, int64_t id) {
  std::string target = llvm::formatv("%dw{0}", id);
  std::string distribute;
  if (schedule.parallel) {
    distribute = llvm::formatv(R"(
    %dwp{0}, %dwf{0} = transform.structured.tile_using_forall %dw{0}
        tile_sizes [0, 1] : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
)",
                               id)
                     .str();
    target = llvm::formatv("%dwp{0}", id);
  }
  return llvm::formatv(R"(
    %dw{0} = transform.structured.match ops{{["linalg.depthwise_conv_2d_nhwc_hwc"]}
        attributes {{symc.depthwise_schedule = {0} : i64} in %root
        : (!transform.any_op) -> !transform.any_op
{3}
    %dwt{0}, %dwl{0}:5 = transform.structured.tile_using_for {4}
        tile_sizes [1, 1, {1}, {2}, 1, 0]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op, !transform.any_op)
    %dwd{0} = transform.structured.decompose %dwt{0} : (!transform.any_op) -> !transform.any_op
    transform.structured.vectorize %dwd{0} : !transform.any_op
    transform.apply_patterns to %f {{ transform.apply_patterns.canonicalization } : !transform.any_op
    transform.loop.hoist_loop_invariant_subsets %dwl{0}#4 : !transform.any_op
)",
                       id, schedule.columns, schedule.channels, distribute, target)
      .str();
}

} // namespace

std::string scheduleConvolutions(ModuleOp module, RegisterTile registerTile,
                                 int64_t l1Bytes, int64_t l2Bytes, int64_t l3Bytes,
                                 int64_t threads, double minParallelFlops) {
  skipPaddingTaps(module);
  std::vector<ConvSchedule> schedules =
      rewriteConvolutionsChannelLast(module, registerTile, l1Bytes,
                                     l2Bytes, l3Bytes, threads, minParallelFlops);
  std::string script;
  for (auto [id, schedule] : llvm::enumerate(schedules))
    script += convScheduleFor(schedule, id);
  for (auto [id, schedule] :
       llvm::enumerate(rewriteDepthwiseChannelLast(module, registerTile.columns / 2, threads > 1)))
    script += depthwiseScheduleFor(schedule, id);
  return script;
}

} // namespace symc::cpu
