//===- Matmul.cpp - the matmul schedule --------------------------------===//
//
// Static f32 matmuls run as in GotoBLAS/BLIS. Per depth block of kc, B is
// packed in column panels of a register tile's width ([k/kc][n/rn][kc][rn])
// and A in row tiles ([k/kc][m/rm][rm][kc]), both padded with zeros to
// whole tiles, so that every register tile streams contiguous memory:
// strided, the rows of a 1024-wide operand fall 4 KiB apart, into a few L1
// sets, and the 1024 matmul ran at 0.68x OpenBLAS on an AVX-512 Xeon (0.9
// packed). The loops, built here, are row blocks (the threads' share),
// depth blocks, column panels (a panel's depth block stays in L1) and
// register rows; the transform script then tiles each register tile's
// depth loop to 1, vectorizes it to FMA outer products and keeps the
// accumulator in registers. Extents the tiles do not divide end in
// smaller tiles (a last panel, a row block's last rows, a shorter last
// depth block) that write straight into the result, computing nothing
// twice and nothing over padding: with the result padded to whole tiles
// and copied back, the 777 matmul ran at 0.88-0.91x OpenBLAS, now
// 0.95-0.97x. Batched matmuls first become loops of matmuls (shared by
// threads where the batch splits evenly among them); a matmul takes fewer
// rows per register tile where that avoids a large partial tile
// (matmulRegisterTile); matmuls with fewer rows than a register tile loop
// (i, k, j), a row of B at a time.
//
//===----------------------------------------------------------------------===//

#include "Layout.h"
#include "Schedules.h"

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/Interfaces/LoopLikeInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <set>
#include <tuple>

using namespace mlir;

namespace symc::cpu {
namespace {

/// Whether `threads` share a batch of `batch` matmuls (each on one thread)
/// rather than each matmul's tiles: where the batch splits evenly among
/// them (the last round idle for at most a twentieth of the time). One
/// parallel region rather than one a matmul: Winograd's 16 matmuls of
/// SqueezeNet's 13x13 layers (49 x 48 x 192, about 2 us each on a thread)
/// each started and joined the threads.
bool threadsShareBatch(int64_t batch, int64_t threads) {
  int64_t rounds = llvm::divideCeil(batch, threads);
  return threads > 1 && batch >= threads && double(rounds * threads) <= 1.05 * double(batch);
}

/// Batched matmuls (batch_dot) with static f32 shapes become a loop over
/// the batch of 2-D linalg.matmul on rank-reducing slices, which the matmul
/// schedule then tiles and vectorizes like any other: an scf.forall where
/// threads share the batch (threadsShareBatch; not already in one).
void splitBatchMatmuls(ModuleOp module, int64_t threads) {
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
    Value lhs = op.getDpsInputs()[0], rhs = op.getDpsInputs()[1], init = op.getDpsInits()[0];
    // A filled accumulator is filled a matrix at a time, in the loop, so
    // that symc-forward-fills starts each matmul's tiles from the fill in
    // registers (filled whole before the loop, Winograd's 600 KB of
    // SqueezeNet's 13x13 layers took a fifth of their time).
    auto fill = init.getDefiningOp<linalg::FillOp>();
    if (fill)
      init = fill.getDpsInits()[0];
    ArrayRef<int64_t> shape = cast<RankedTensorType>(init.getType()).getShape();
    auto matrixOf = [](OpBuilder &nb, Location l, Value batched, Value index) {
      ArrayRef<int64_t> dims = cast<RankedTensorType>(batched.getType()).getShape();
      return sliceOf(nb, l, batched, {index, nb.getIndexAttr(0), nb.getIndexAttr(0)},
                     {1, dims[1], dims[2]}, /*rank=*/2);
    };
    bool parallel =
        threadsShareBatch(shape[0], threads) && !op->getParentOfType<scf::ForallOp>();
    Value result = loopOverSlices(
        b, op.getLoc(), shape[0], init,
        {b.getIndexAttr(1), b.getIndexAttr(shape[1]), b.getIndexAttr(shape[2])}, parallel,
        [&](OpBuilder &nb, Location l, Value index,
            Value whole) -> std::pair<Value, SmallVector<OpFoldResult>> {
          Value acc = matrixOf(nb, l, whole, index);
          if (fill)
            acc = linalg::FillOp::create(nb, l, fill.value(), ValueRange{acc}).getResult(0);
          Value product = linalg::MatmulOp::create(
                              nb, l, TypeRange{acc.getType()},
                              ValueRange{matrixOf(nb, l, lhs, index), matrixOf(nb, l, rhs, index)},
                              ValueRange{acc})
                              .getResult(0);
          return {product, {index, nb.getIndexAttr(0), nb.getIndexAttr(0)}};
        });
    op->replaceAllUsesWith(ValueRange{result});
    op->erase();
  }
}

/// The loop structure of one packed matmul: the accumulator's extents `m`
/// x `n` (the result's own, or padded: the rows to whole register tiles
/// where row blocks cannot split them exactly, the columns to whole shares
/// of column groups), the depth `k`, `rows` rows per row block (a divisor
/// of `m`, whose last register tile may be partial), `depth` per depth
/// block (the last may be shorter), the column panels split into
/// `columnGroups` (threads' shares when there are too few row blocks), and
/// whether threads share the outermost loop.
struct MatmulBlocking {
  int64_t m = 0, n = 0, k = 0;
  int64_t rows = 0, depth = 0, columnGroups = 1;
  bool parallel = false;

  int64_t depthBlocks() const { return llvm::divideCeil(k, depth); }
  /// The depth of the packed operands: whole depth blocks.
  int64_t paddedDepth() const { return depthBlocks() * depth; }
  int64_t lastDepth() const { return k - (depthBlocks() - 1) * depth; }
};

/// The depth block: a register tile's panel of B (depth x rn floats) fills
/// at most two thirds of L1, where it stays while the register rows sweep
/// it (on a 48 KiB L1 with 32-wide tiles, 256 deep; the 1024 matmul ran 6%
/// slower with half of L1). A divisor of `k` within a factor of two of that
/// bound, else `k` split evenly into as few blocks as fit (the last padded
/// with zeros).
int64_t depthBlock(int64_t k, int64_t rn, int64_t l1Bytes) {
  int64_t bound = std::max<int64_t>(8, l1Bytes * 2 / 3 / (4 * rn));
  if (k <= bound)
    return k;
  for (int64_t depth = bound; depth >= bound / 2; --depth)
    if (k % depth == 0)
      return depth;
  return llvm::divideCeil(k, llvm::divideCeil(k, bound));
}

/// The most rows of a row block: its block of A (rows x depth floats) fits
/// half of L2 and is re-read from there for every column panel; at most
/// 256 rows (B is re-read once per row block, which larger blocks would
/// not save much of).
int64_t rowBlockBound(int64_t rm, int64_t depth, int64_t l2Bytes) {
  return std::max(rm, std::min<int64_t>(256, l2Bytes / 2 / (4 * depth)));
}

/// The row block: the largest `step`-multiple divisor of `m` within
/// rowBlockBound for which `acceptable` holds; with `threads` sharing the
/// row blocks, as many blocks as threads at least, a multiple of them where
/// possible.
std::optional<int64_t> rowBlockOf(int64_t m, int64_t step, int64_t bound, int64_t threads,
                                  llvm::function_ref<bool(int64_t)> acceptable) {
  std::optional<int64_t> best;
  auto better = [&](int64_t rows, int64_t than) {
    bool even = (m / rows) % threads == 0, thanEven = (m / than) % threads == 0;
    return even != thanEven ? even : rows > than;
  };
  for (int64_t rows = step; rows <= std::min(bound, m); rows += step)
    if (m % rows == 0 && m / rows >= threads && acceptable(rows) &&
        (!best || better(rows, *best)))
      best = rows;
  return best;
}

/// Row blocks of whole register tiles in `m` rows (padded to whole tiles).
int64_t rowBlock(int64_t m, int64_t rm, int64_t depth, int64_t l2Bytes, int64_t threads) {
  return rowBlockOf(m, rm, rowBlockBound(rm, depth, l2Bytes), threads,
                    [](int64_t) { return true; })
      .value_or(rm);
}

/// Row blocks that split `m` rows exactly, each ending in a partial register
/// tile of `rows % rm` rows (at least half a tile, as those are nearly as
/// fast as whole ones), so that the accumulator needs no padding (its copy
/// back to the result took 4% of the 777 matmul's time). None where no
/// divisor of `m` gives such blocks.
std::optional<int64_t> exactRowBlock(int64_t m, int64_t rm, int64_t depth, int64_t l2Bytes,
                                     int64_t threads) {
  return rowBlockOf(m, 1, rowBlockBound(rm, depth, l2Bytes), threads, [&](int64_t rows) {
    return rows >= rm && (rows % rm == 0 || 2 * (rows % rm) >= rm);
  });
}

/// The blocking of an m x n x k matmul for register tile rm x rn, or none
/// when padding to whole tiles would add more than a quarter of the work
/// or there are fewer rows than a register tile (a FullyConnected at batch
/// 1, which loops a row of B at a time). Rows are split exactly where
/// `exactRows` allows it (A is then read or packed per row block).
std::optional<MatmulBlocking> blockingFor(int64_t m, int64_t n, int64_t k, int64_t rm,
                                          int64_t rn, int64_t l1Bytes, int64_t l2Bytes,
                                          int64_t threads, bool exactRows) {
  if (m < rm || k < 2)
    return std::nullopt;
  MatmulBlocking blocking;
  blocking.depth = depthBlock(k, rn, l1Bytes);
  blocking.k = k;
  // Too few row tiles for the threads: they share the column panels, the
  // columns padded to whole shares.
  bool shareColumns = threads > 1 && int64_t(llvm::divideCeil(m, rm)) < threads;
  blocking.n = shareColumns ? int64_t(llvm::alignTo(n, rn * threads)) : n;
  double work = double(m) * double(n) * double(k);
  if (double(llvm::alignTo(m, rm)) * double(llvm::alignTo(blocking.n, rn)) * double(k) >
      1.25 * work)
    return std::nullopt;
  std::optional<int64_t> exact;
  if (exactRows && !shareColumns && m % rm != 0)
    exact = exactRowBlock(m, rm, blocking.depth, l2Bytes, threads);
  blocking.m = exact ? m : llvm::alignTo(m, rm);
  blocking.rows = exact ? *exact
                        : rowBlock(blocking.m, rm, blocking.depth, l2Bytes,
                                   shareColumns ? 1 : threads);
  blocking.columnGroups = shareColumns ? threads : 1;
  blocking.parallel = threads > 1;
  return blocking;
}

/// The defining op of `value` as a transpose of its (2-D) input, if it is
/// one: FullyConnected multiplies by its weights transposed.
linalg::TransposeOp transposedFrom(Value value) {
  auto transpose = value.getDefiningOp<linalg::TransposeOp>();
  if (transpose && transpose.getPermutation() == ArrayRef<int64_t>{1, 0})
    return transpose;
  return nullptr;
}

/// How a packed operand lays out one dimension of its 2-D source: split
/// into tiles of `tile` elements (0: not split), padded with zeros to
/// `padded` elements.
struct PackedDim {
  int64_t tile = 0, padded = 0;
};

/// A run of indices along one dimension of a packed operand before its
/// permutation.
struct Range {
  int64_t offset = 0, size = 0;
};

/// A box of one source dimension: the source elements it copies
/// (`sourceOffset`, `sourceSize`) and its ranges in the split dimensions,
/// or padding, which it fills with zeros.
struct Piece {
  int64_t sourceOffset = 0, sourceSize = 0;
  SmallVector<Range, 2> ranges;
  bool padding = false;
};

/// The boxes of whole tiles, the partial tile and the padding of one
/// dimension of `extent` source elements.
SmallVector<Piece> piecesOf(int64_t extent, PackedDim dim) {
  SmallVector<Piece> pieces;
  if (!dim.tile) {
    pieces.push_back({0, extent, {{0, extent}}, false});
    if (dim.padded > extent)
      pieces.push_back({0, 0, {{extent, dim.padded - extent}}, true});
    return pieces;
  }
  int64_t whole = extent / dim.tile, rest = extent % dim.tile;
  int64_t tiles = llvm::divideCeil(extent, dim.tile), paddedTiles = dim.padded / dim.tile;
  if (whole)
    pieces.push_back({0, whole * dim.tile, {{0, whole}, {0, dim.tile}}, false});
  if (rest) {
    pieces.push_back({whole * dim.tile, rest, {{whole, 1}, {0, rest}}, false});
    pieces.push_back({0, 0, {{whole, 1}, {rest, dim.tile - rest}}, true});
  }
  if (paddedTiles > tiles)
    pieces.push_back({0, 0, {{tiles, paddedTiles - tiles}, {0, dim.tile}}, true});
  return pieces;
}

/// The index of the source element at `index` of a packed operand (the
/// source's `extents`, laid out by `dims` and `perm`), or none for padding.
std::optional<SmallVector<int64_t, 2>> sourceIndexOf(ArrayRef<int64_t> index,
                                                     ArrayRef<int64_t> extents,
                                                     ArrayRef<PackedDim> dims,
                                                     ArrayRef<int64_t> perm) {
  SmallVector<int64_t> expanded(index.size());
  for (auto [i, p] : llvm::enumerate(perm))
    expanded[p] = index[i];
  SmallVector<int64_t, 2> source;
  int64_t next = 0;
  for (auto [extent, dim] : llvm::zip(extents, dims)) {
    int64_t element = dim.tile ? expanded[next] * dim.tile + expanded[next + 1] : expanded[next];
    next += dim.tile ? 2 : 1;
    if (element >= extent)
      return std::nullopt;
    source.push_back(element);
  }
  return source;
}

/// A copy of `source` into `dest`, whose dimension i is source dimension
/// perm[i] (the last one the same), tagged for the transform script to
/// vectorize: whole rows (or the largest divisor of a row within 256
/// floats, when one is 16 or more), as many as fit 256 floats (16 AVX-512
/// registers), up to 8 at a time. Larger vectors cost LLVM seconds on
/// BERT's 72 matmuls and run no faster.
Value vectorizedCopy(OpBuilder &b, Location loc, Value source, Value dest,
                     ArrayRef<int64_t> perm) {
  // A generic rather than linalg.transpose, which sinkTransposes would move
  // (and merge) before the copies are vectorized.
  MLIRContext *ctx = b.getContext();
  int64_t rank = perm.size();
  AffineMap read = AffineMap::getPermutationMap(invertPermutationVector(perm), ctx);
  auto copy = linalg::GenericOp::create(
      b, loc, TypeRange{dest.getType()}, ValueRange{source}, ValueRange{dest},
      ArrayRef<AffineMap>{read, b.getMultiDimIdentityMap(rank)},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [](OpBuilder &nb, Location l, ValueRange args) { linalg::YieldOp::create(nb, l, args[0]); });
  ArrayRef<int64_t> shape = cast<RankedTensorType>(dest.getType()).getShape();
  int64_t row = shape.back(), rows = rank > 1 ? shape[rank - 2] : 1;
  int64_t rowTile = row;
  for (int64_t part = std::min<int64_t>(row, 256); part >= 16 && row > 256; --part)
    if (row % part == 0) {
      rowTile = part;
      break;
    }
  int64_t rowsPerCopy = 1;
  for (int64_t count : {8, 4, 2})
    if (rows % count == 0 && count * rowTile <= 256) {
      rowsPerCopy = count;
      break;
    }
  SmallVector<int64_t> tile(rank, 1);
  tile.back() = rowTile == row ? 0 : rowTile;
  if (rank > 1)
    tile[rank - 2] = rowsPerCopy;
  copy->setAttr(kMatmulPackAttr, b.getDenseI64ArrayAttr(tile));
  return copy.getResult(0);
}

/// `source` (2-D) packed for the register tiles: each dimension split and
/// padded per `dims`, the split dimensions then permuted by `perm` (result
/// dimension i is split dimension perm[i]), that is, the transpose of the
/// expansion of `source` padded with zeros. Built as one copy per box of
/// whole or partial tiles and one fill per box of padding, each element
/// written once (padding first, then packing, was three passes). Folded
/// at compile time when `source` is constant or the transpose of one.
Value packOperand(OpBuilder &b, Location loc, Value source, ArrayRef<PackedDim> dims,
                  ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(source.getType());
  Type elt = type.getElementType();
  ArrayRef<int64_t> extents = type.getShape();
  SmallVector<int64_t> expanded;
  for (PackedDim dim : dims) {
    if (dim.tile)
      expanded.push_back(dim.padded / dim.tile);
    expanded.push_back(dim.tile ? dim.tile : dim.padded);
  }
  SmallVector<int64_t> shape = applyPermutation(expanded, perm);
  auto offsetIn = [&](bool transposed) {
    return [&, transposed](ArrayRef<int64_t> index) -> std::optional<int64_t> {
      auto element = sourceIndexOf(index, extents, dims, perm);
      if (!element)
        return std::nullopt;
      return transposed ? (*element)[1] * extents[0] + (*element)[0]
                        : (*element)[0] * extents[1] + (*element)[1];
    };
  };
  if (Value folded = relayoutConstant(b, loc, source, shape, offsetIn(false)))
    return folded;
  if (linalg::TransposeOp transpose = transposedFrom(source))
    if (Value folded = relayoutConstant(b, loc, transpose.getInput(), shape, offsetIn(true)))
      return folded;
  Value packed = tensor::EmptyOp::create(b, loc, shape, elt);
  Value zero = arith::ConstantOp::create(b, loc, b.getZeroAttr(elt));
  MLIRContext *ctx = b.getContext();
  SmallVector<Piece> rows = piecesOf(extents[0], dims[0]),
                     columns = piecesOf(extents[1], dims[1]);
  for (const Piece &row : rows) {
    for (const Piece &column : columns) {
      SmallVector<Range> ranges(row.ranges.begin(), row.ranges.end());
      ranges.append(column.ranges.begin(), column.ranges.end());
      SmallVector<int64_t> offsets, sizes;
      for (int64_t p : perm) {
        offsets.push_back(ranges[p].offset);
        sizes.push_back(ranges[p].size);
      }
      Value box = sliceOf(b, loc, packed, getAsIndexOpFoldResult(ctx, offsets), sizes);
      Value filled;
      if (row.padding || column.padding) {
        filled = linalg::FillOp::create(b, loc, zero, box).getResult(0);
      } else {
        Value piece = sliceOf(b, loc, source,
                              getAsIndexOpFoldResult(ctx, {row.sourceOffset, column.sourceOffset}),
                              {row.sourceSize, column.sourceSize});
        SmallVector<ReassociationIndices> groups;
        int64_t next = 0;
        for (PackedDim dim : dims) {
          groups.push_back(dim.tile ? ReassociationIndices{next, next + 1}
                                    : ReassociationIndices{next});
          next += dim.tile ? 2 : 1;
        }
        SmallVector<int64_t> pieceShape =
            llvm::map_to_vector(ranges, [](Range r) { return r.size; });
        Value split = tensor::ExpandShapeOp::create(
            b, loc, RankedTensorType::get(pieceShape, elt), piece, groups);
        filled = vectorizedCopy(b, loc, split, box, perm);
      }
      packed = insertSlice(b, loc, filled, packed, getAsIndexOpFoldResult(ctx, offsets));
    }
  }
  return packed;
}

/// B (k x n) in column panels of rn columns per depth block,
/// packed[d, p, i, j] = B[d * depth + i, p * rn + j], zero past B's
/// extents (to `k` x `n`): a register tile's operand for a depth block is
/// then depth x rn contiguous floats, and the next panel's follows it.
Value packColumnPanels(OpBuilder &b, Location loc, Value rhs, int64_t k, int64_t n,
                       int64_t depth, int64_t rn) {
  return packOperand(b, loc, rhs, {{depth, k}, {rn, n}}, {0, 2, 1, 3});
}

/// A (m x k) in row tiles of rm rows per depth block, packed[d, t, i, j] =
/// A[t * rm + i, d * depth + j], zero past A's extents (to `m` x `k`): a
/// register tile's operand for a depth block is then rm x depth contiguous
/// floats, and the next row tile's follows it.
Value packRowTiles(OpBuilder &b, Location loc, Value lhs, int64_t m, int64_t k, int64_t rm,
                   int64_t depth) {
  return packOperand(b, loc, lhs, {{rm, m}, {depth, k}}, {2, 0, 1, 3});
}

/// How packedMatmul reads A's register tiles.
enum class LhsLayout {
  /// Packed whole before the loops (packRowTiles).
  PackedWhole,
  /// Each row block's depth block packed, padded to whole tiles, just
  /// before the block's panels sweep it, so that they re-read it from L2
  /// rather than from where a whole packed A was written long before (the
  /// 1024 matmul: 2-3% faster, interleaved with OpenBLAS; 10% in a C model
  /// of the loops).
  PackedPerBlock,
  /// A itself: with one depth block, a register tile's rows are already
  /// rm x k contiguous floats (packing A took a fifth of a pointwise
  /// convolution's time as a 131072 x 128 x 128 matmul).
  Direct,
};

struct MatmulLhs {
  Value value;
  LhsLayout layout;
};

/// Whether `value` is a constant or the transpose of one.
bool isConstantOrItsTranspose(Value value) {
  linalg::TransposeOp transpose = transposedFrom(value);
  return matchPattern(value, m_Constant()) ||
         (transpose && matchPattern(transpose.getInput(), m_Constant()));
}

/// Whether the rows of 2-D `value` lie one after the other in memory: it
/// is no slice, or one matrix of a batch (splitBatchMatmuls'), whose other
/// dimensions it takes whole.
bool rowsAreContiguous(Value value) {
  auto slice = value.getDefiningOp<tensor::ExtractSliceOp>();
  if (!slice)
    return true;
  ArrayRef<int64_t> sizes = slice.getStaticSizes();
  ArrayRef<int64_t> source = slice.getSourceType().getShape();
  int64_t dropped = int64_t(sizes.size()) - slice.getResultType().getRank();
  return slice.hasUnitStride() && llvm::all_of(sizes.take_front(dropped),
                                               [](int64_t s) { return s == 1; }) &&
         sizes.drop_front(dropped) == source.drop_front(dropped);
}

/// A as packedMatmul takes it for `blocking`: packed whole where it is
/// constant (then packed at compile time), padded with rows (a padded copy
/// and the packs of its blocks were two passes: the 777 matmul ran 2.5%
/// slower) or shared by column groups (which would each pack the same
/// blocks); itself where it is one depth block, unless it is a slice whose
/// rows may lie far apart; else packed per row block.
MatmulLhs lhsFor(OpBuilder &b, Location loc, Value lhs, const MatmulBlocking &blocking,
                 int64_t rm) {
  ArrayRef<int64_t> shape = cast<RankedTensorType>(lhs.getType()).getShape();
  if (isConstantOrItsTranspose(lhs) || blocking.columnGroups > 1 || shape[0] != blocking.m) {
    assert(blocking.rows % rm == 0 && "A packed whole holds whole register tiles");
    return {packRowTiles(b, loc, lhs, blocking.m, blocking.paddedDepth(), rm, blocking.depth),
            LhsLayout::PackedWhole};
  }
  if (blocking.depth == blocking.k && rowsAreContiguous(lhs))
    return {lhs, LhsLayout::Direct};
  return {lhs, LhsLayout::PackedPerBlock};
}

/// One slice of loopWithEdge: the slice `acc`, number `index` along the cut
/// dimension, where it is `extent` long, computed.
using EdgeSliceBody =
    llvm::function_ref<Value(OpBuilder &, Location, Value index, int64_t extent, Value acc)>;

/// `acc` cut along dimension `dim` into `count` slices of `size` and, where
/// `edge` is not zero, a last slice of `edge`, each computed by `body`: a
/// loop over the whole slices (tagged `loopAttr`, where given), then the
/// edge. The loop and the edge take disjoint views of `acc` and insert
/// them back, which symc-forward-fills follows.
Value loopWithEdge(OpBuilder &b, Location loc, Value acc, int64_t dim, int64_t count,
                   int64_t size, int64_t edge, StringRef loopAttr, EdgeSliceBody body) {
  auto type = cast<RankedTensorType>(acc.getType());
  auto offsetsAt = [&](OpBuilder &nb, OpFoldResult at) {
    SmallVector<OpFoldResult> offsets(type.getRank(), nb.getIndexAttr(0));
    offsets[dim] = at;
    return offsets;
  };
  auto shapeWith = [&](int64_t extent) {
    SmallVector<int64_t> shape(type.getShape());
    shape[dim] = extent;
    return shape;
  };
  auto wholeSlices = [&](Value whole) {
    SmallVector<int64_t> sliceShape = shapeWith(size);
    Value loop = loopOverSlices(
        b, loc, count, whole, getAsIndexOpFoldResult(b.getContext(), sliceShape),
        /*parallel=*/false,
        [&](OpBuilder &nb, Location l, Value index,
            Value carried) -> std::pair<Value, SmallVector<OpFoldResult>> {
          SmallVector<OpFoldResult> offsets = offsetsAt(nb, scaledIndex(nb, l, index, size));
          Value slice = sliceOf(nb, l, carried, offsets, sliceShape);
          return {body(nb, l, index, size, slice), offsets};
        });
    if (!loopAttr.empty())
      loop.getDefiningOp()->setAttr(loopAttr, b.getUnitAttr());
    return loop;
  };
  if (!edge)
    return wholeSlices(acc);
  Value result = acc;
  if (count) {
    SmallVector<OpFoldResult> origin = offsetsAt(b, b.getIndexAttr(0));
    Value view = sliceOf(b, loc, acc, origin, shapeWith(count * size));
    result = insertSlice(b, loc, wholeSlices(view), acc, origin);
  }
  SmallVector<OpFoldResult> edgeOffsets = offsetsAt(b, b.getIndexAttr(count * size));
  Value edgeAcc = sliceOf(b, loc, result, edgeOffsets, shapeWith(edge));
  Value index = arith::ConstantIndexOp::create(b, loc, count);
  return insertSlice(b, loc, body(b, loc, index, edge, edgeAcc), result, edgeOffsets);
}

/// The packed matmul of `lhs` (lhsFor) and `rhs` (packColumnPanels) into
/// `acc` (m x n of the blocking): row blocks and column groups (in an
/// scf.forall when threads share them), then depth blocks, column panels
/// and register rows, each iteration of the last one rm x depth x rn
/// linalg.matmul tagged as a register tile. A block's last panel and a
/// row block's last register tile may be partial (columns or rows the
/// accumulator has no padding for), computed by smaller tiles after the
/// loops over the whole ones; the last depth block may be shorter, then
/// run after the loop over the others (its tiles as deep as it is, not
/// over the packs' zeros). The first depth block runs apart, so that
/// symc-forward-fills can start its tiles from the accumulator's fill in
/// registers rather than from memory.
Value packedMatmul(OpBuilder &b, Location loc, MatmulLhs lhs, Value rhs, Value acc,
                   const MatmulBlocking &blocking, int64_t rm, int64_t rn) {
  MLIRContext *ctx = b.getContext();
  int64_t rows = blocking.rows, depth = blocking.depth;
  int64_t groups = blocking.columnGroups, groupColumns = blocking.n / groups;
  int64_t rowBlocks = blocking.m / rows;
  auto zero = [&](OpBuilder &nb) { return nb.getIndexAttr(0); };
  // A's rows of row block `rowBlock` for depth block `depthIndex`: as
  // [1, row tiles, rm, depth] (a slice of A packed whole, or the block
  // packed now), or A's own rows (rows x k).
  // A's rows of row block `rowBlock` for depth block `depthIndex`, the
  // first `extent` of its depth: as [1, row tiles, rm, extent] (a slice of
  // A packed whole, or the block packed now), or A's own rows.
  auto lhsBlock = [&](OpBuilder &nb, Location l, Value depthIndex, int64_t extent,
                      Value rowBlock) -> Value {
    switch (lhs.layout) {
    case LhsLayout::PackedWhole:
      return sliceOf(nb, l, lhs.value,
                     {depthIndex, scaledIndex(nb, l, rowBlock, rows / rm), zero(nb), zero(nb)},
                     {1, rows / rm, rm, extent});
    case LhsLayout::PackedPerBlock: {
      Value block = sliceOf(nb, l, lhs.value,
                            {scaledIndex(nb, l, rowBlock, rows), scaledIndex(nb, l, depthIndex, depth)},
                            {rows, extent});
      return packOperand(nb, l, block,
                         {{rm, int64_t(llvm::alignTo(rows, rm))}, {extent, extent}},
                         {2, 0, 1, 3});
    }
    case LhsLayout::Direct:
      return sliceOf(nb, l, lhs.value, {scaledIndex(nb, l, rowBlock, rows), zero(nb)},
                     {rows, extent});
    }
    llvm_unreachable("unknown LhsLayout");
  };
  // Register tile `row` of a block (tileRows x extent).
  auto lhsTile = [&](OpBuilder &nb, Location l, Value aBlock, Value row, int64_t tileRows,
                     int64_t extent) {
    if (lhs.layout == LhsLayout::Direct)
      return sliceOf(nb, l, aBlock, {scaledIndex(nb, l, row, rm), zero(nb)}, {tileRows, extent});
    return sliceOf(nb, l, aBlock, {zero(nb), row, zero(nb), zero(nb)},
                   {1, 1, tileRows, extent}, 2);
  };
  // A block's column panels for depth block `depthIndex` (`extent` deep):
  // in each, the register rows, each one register tile.
  auto sweepPanels = [&](OpBuilder &nb, Location l, Value depthIndex, int64_t extent,
                         Value rowBlock, Value firstPanel, Value blockAcc) {
    Value aBlock = lhsBlock(nb, l, depthIndex, extent, rowBlock);
    auto panelBody = [&](OpBuilder &pb, Location pl, Value panel, int64_t columns,
                         Value panelAcc) {
      Value panelIndex = firstPanel ? arith::AddIOp::create(pb, pl, firstPanel, panel) : panel;
      Value bPanel = sliceOf(pb, pl, rhs, {depthIndex, panelIndex, zero(pb), zero(pb)},
                             {1, 1, extent, columns}, 2);
      auto tileBody = [&](OpBuilder &rb, Location rl, Value row, int64_t tileRows,
                          Value tileAcc) -> Value {
        Value a = lhsTile(rb, rl, aBlock, row, tileRows, extent);
        auto kernel = linalg::MatmulOp::create(rb, rl, TypeRange{tileAcc.getType()},
                                               ValueRange{a, bPanel}, ValueRange{tileAcc});
        kernel->setAttr(kMatmulKernelAttr, rb.getUnitAttr());
        return kernel.getResult(0);
      };
      return loopWithEdge(pb, pl, panelAcc, /*dim=*/0, rows / rm, rm, rows % rm,
                          kPrefetchNextAccumulatorAttr, tileBody);
    };
    return loopWithEdge(nb, l, blockAcc, /*dim=*/1, groupColumns / rn, rn, groupColumns % rn,
                        /*loopAttr=*/{}, panelBody);
  };
  auto block = [&](OpBuilder &nb, Location l, Value index, Value whole)
      -> std::pair<Value, SmallVector<OpFoldResult>> {
    Value rowBlockIndex = index, group;
    if (groups > 1) {
      Value count = arith::ConstantIndexOp::create(nb, l, groups);
      rowBlockIndex = arith::DivUIOp::create(nb, l, index, count);
      group = arith::RemUIOp::create(nb, l, index, count);
    }
    SmallVector<OpFoldResult> offsets = {
        scaledIndex(nb, l, rowBlockIndex, rows),
        groups > 1 ? OpFoldResult(scaledIndex(nb, l, group, groupColumns)) : zero(nb)};
    Value firstPanel = groups > 1 ? scaledIndex(nb, l, group, groupColumns / rn) : Value();
    int64_t depthBlocks = blocking.depthBlocks(), lastDepth = blocking.lastDepth();
    int64_t wholeDepthBlocks = lastDepth == depth ? depthBlocks : depthBlocks - 1;
    Value c0 = arith::ConstantIndexOp::create(nb, l, 0);
    Value c1 = arith::ConstantIndexOp::create(nb, l, 1);
    Value blockAcc =
        sweepPanels(nb, l, c0, depthBlocks == 1 ? lastDepth : depth, rowBlockIndex, firstPanel,
                    sliceOf(nb, l, whole, offsets, {rows, groupColumns}));
    if (wholeDepthBlocks > 1) {
      Value upper = arith::ConstantIndexOp::create(nb, l, wholeDepthBlocks);
      blockAcc = scf::ForOp::create(
                     nb, l, c1, upper, c1, ValueRange{blockAcc},
                     [&](OpBuilder &db, Location dl, Value depthIndex, ValueRange carried) {
                       scf::YieldOp::create(db, dl,
                                            sweepPanels(db, dl, depthIndex, depth, rowBlockIndex,
                                                        firstPanel, carried[0]));
                     })
                     .getResult(0);
    }
    if (depthBlocks > 1 && lastDepth != depth) {
      Value last = arith::ConstantIndexOp::create(nb, l, depthBlocks - 1);
      blockAcc = sweepPanels(nb, l, last, lastDepth, rowBlockIndex, firstPanel, blockAcc);
    }
    return {blockAcc, offsets};
  };
  return loopOverSlices(b, loc, rowBlocks * groups, acc,
                        getAsIndexOpFoldResult(ctx, {rows, groupColumns}),
                        blocking.parallel && rowBlocks * groups > 1, block);
}

/// A matmul's B that is the transpose of constant weights (a
/// FullyConnected's) transposed now, at compile time: left to the run, the
/// transpose of ResNet-18's 2 MB classifier took 0.5 ms of each batch-1 run
/// of its AOT library (the JIT's prepare step does it once).
void foldConstantTransposedB(linalg::MatmulOp op) {
  OpOperand &rhs = op->getOpOperand(1);
  linalg::TransposeOp transpose = transposedFrom(rhs.get());
  if (!transpose)
    return;
  ArrayRef<int64_t> shape = cast<RankedTensorType>(rhs.get().getType()).getShape(); // k x n
  OpBuilder b(op);
  Value folded = relayoutConstant(b, op.getLoc(), transpose.getInput(), shape,
                                  [&](ArrayRef<int64_t> i) -> std::optional<int64_t> {
                                    return i[1] * shape[0] + i[0];
                                  });
  if (folded)
    rhs.set(folded);
}

/// Whether `value` depends only on constants and the weights (function
/// arguments marked symc.invariant), through ops without side effects:
/// what symc-hoist-invariant-computations computes once.
bool dependsOnlyOnWeights(Value value, DenseMap<Value, bool> &known) {
  if (auto it = known.find(value); it != known.end())
    return it->second;
  bool result = false;
  if (auto arg = dyn_cast<BlockArgument>(value)) {
    auto func = dyn_cast<func::FuncOp>(arg.getOwner()->getParentOp());
    result = func && func.getArgAttr(arg.getArgNumber(), kInvariantAttr);
  } else if (Operation *op = value.getDefiningOp(); isMemoryEffectFree(op)) {
    SetVector<Value> used(op->getOperands().begin(), op->getOperands().end());
    getUsedValuesDefinedAbove(op->getRegions(), used);
    result = llvm::all_of(used, [&](Value v) { return dependsOnlyOnWeights(v, known); });
  }
  known[value] = result;
  return result;
}

/// B's column panels (packColumnPanels, to `k` x `n` by depth blocks of
/// `depth`) for a matmul of splitBatchMatmuls' loop whose batched B
/// depends only on the weights (Winograd's transformed filters): packed
/// for the whole batch where B is computed, from where
/// symc-hoist-invariant-computations moves them to the prepare step (or
/// folded, for constants), and this iteration's panels sliced from them.
/// Packed in the loop, a 512-channel layer's 16 MB of B were copied in
/// every run. Where the depth blocks divide B's depth, the batch packed
/// as one matrix of batch * k rows is the stack of the matrices' packs,
/// one copy rather than one per matrix. Null for any other matmul.
Value hoistedColumnPanels(linalg::MatmulOp op, int64_t k, int64_t n, int64_t depth,
                          int64_t rn) {
  auto slice = op.getDpsInputs()[1].getDefiningOp<tensor::ExtractSliceOp>();
  auto loop = dyn_cast<LoopLikeOpInterface>(op->getParentOp());
  std::optional<Value> index = loop ? loop.getSingleInductionVar() : std::nullopt;
  if (!slice || !index || slice->getParentOp() != op->getParentOp() ||
      !loop.isDefinedOutsideOfLoop(slice.getSource()) ||
      slice.getMixedOffsets().front() != OpFoldResult(*index))
    return nullptr;
  ArrayRef<int64_t> batched = slice.getSourceType().getShape();
  DenseMap<Value, bool> known;
  if (batched.size() != 3 || k != batched[1] || k % depth != 0 || !rowsAreContiguous(slice) ||
      !dependsOnlyOnWeights(slice.getSource(), known))
    return nullptr;
  // Where B is computed, outside any loop the batch's loop is in (a
  // Winograd convolution's blocks).
  OpBuilder b(op->getContext());
  b.setInsertionPointAfterValue(slice.getSource());
  Location loc = op.getLoc();
  Type elt = slice.getSourceType().getElementType();
  Value rows = b.createOrFold<tensor::CollapseShapeOp>(
      loc, RankedTensorType::get({batched[0] * k, batched[2]}, elt), slice.getSource(),
      ArrayRef<ReassociationIndices>{{0, 1}, {2}});
  Value packed = packColumnPanels(b, loc, rows, batched[0] * k, n, depth, rn);
  // [batch * k / depth, panels, depth, rn] -> [batch, k / depth, ...].
  ArrayRef<int64_t> shape = cast<RankedTensorType>(packed.getType()).getShape();
  SmallVector<int64_t> perMatrix = {batched[0], k / depth};
  llvm::append_range(perMatrix, shape.drop_front());
  packed = b.createOrFold<tensor::ExpandShapeOp>(
      loc, RankedTensorType::get(perMatrix, elt), packed,
      ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}, {4}});
  SmallVector<int64_t> sliceShape = perMatrix;
  sliceShape.front() = 1;
  SmallVector<OpFoldResult> offsets(sliceShape.size(), b.getIndexAttr(0));
  offsets.front() = *index;
  OpBuilder inner(op);
  return sliceOf(inner, loc, packed, offsets, sliceShape, int64_t(shape.size()));
}

/// Rewrites each static f32 matmul with a blocking into packed operands
/// and packedMatmul's loops (on operands padded with zeros; where the
/// blocking pads the accumulator, the result sliced back); tags the others to loop (i, k, j). Whether any were
/// tagged so.
bool packMatmuls(ModuleOp module, RegisterTile host, int64_t l1Bytes, int64_t l2Bytes,
                 int64_t threads) {
  struct Packed {
    linalg::MatmulOp op;
    MatmulBlocking blocking;
    RegisterTile tile;
  };
  SmallVector<Packed> packed;
  SmallVector<linalg::MatmulOp> rowMatmuls;
  module.walk([&](linalg::MatmulOp op) {
    if (op->hasAttr(kMatmulKernelAttr))
      return;
    auto lhs = dyn_cast<RankedTensorType>(op.getDpsInputs()[0].getType());
    auto rhs = dyn_cast<RankedTensorType>(op.getDpsInputs()[1].getType());
    auto out = dyn_cast<RankedTensorType>(op.getDpsInits()[0].getType());
    if (!lhs || !rhs || !out || !lhs.hasStaticShape() || !rhs.hasStaticShape() ||
        !out.hasStaticShape() || !out.getElementType().isF32() || op.hasUserDefinedMaps())
      return;
    int64_t m = out.getDimSize(0), n = out.getDimSize(1), k = lhs.getDimSize(1);
    bool exactRows = !isConstantOrItsTranspose(op.getDpsInputs()[0]);
    // One already in a loop that threads share runs on its thread.
    int64_t opThreads = op->getParentOfType<scf::ForallOp>() ? 1 : threads;
    RegisterTile tile = matmulRegisterTile(m, host);
    if (std::optional<MatmulBlocking> blocking = blockingFor(
            m, n, k, tile.rows, tile.columns, l1Bytes, l2Bytes, opThreads, exactRows)) {
      packed.push_back({op, *blocking, tile});
      return;
    }
    op->setAttr(kMatmulRowsAttr, UnitAttr::get(op.getContext()));
    rowMatmuls.push_back(op);
  });
  for (linalg::MatmulOp op : rowMatmuls)
    foldConstantTransposedB(op);
  for (auto &[op, blocking, tile] : packed) {
    int64_t rm = tile.rows, rn = tile.columns;
    OpBuilder b(op);
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getDpsInits()[0].getType());
    int64_t m = out.getDimSize(0), n = out.getDimSize(1);
    MatmulLhs lhs = lhsFor(b, loc, op.getDpsInputs()[0], blocking, rm);
    Value rhs = hoistedColumnPanels(op, blocking.paddedDepth(), llvm::alignTo(blocking.n, rn),
                                    blocking.depth, rn);
    if (!rhs)
      rhs = packColumnPanels(b, loc, op.getDpsInputs()[1], blocking.paddedDepth(),
                             llvm::alignTo(blocking.n, rn), blocking.depth, rn);
    Value acc = padHigh(b, loc, op.getDpsInits()[0], {blocking.m - m, blocking.n - n});
    Value product = packedMatmul(b, loc, lhs, rhs, acc, blocking, rm, rn);
    if (blocking.m != m || blocking.n != n)
      product = sliceOf(b, loc, product, {b.getIndexAttr(0), b.getIndexAttr(0)}, {m, n});
    op->replaceAllUsesWith(ValueRange{product});
    op->erase();
  }
  return !rowMatmuls.empty();
}

} // namespace

RegisterTile matmulRegisterTile(int64_t m, RegisterTile host) {
  constexpr int64_t kMinRows = 4;
  int64_t padding = int64_t(llvm::alignTo(m, host.rows)) - m;
  if (m < host.rows || padding * 16 <= m)
    return host;
  for (int64_t rows = host.rows - 1; rows >= kMinRows; --rows)
    if (m % rows == 0)
      return {rows, host.columns, host.fmasPerCycle};
  return host;
}

std::string scheduleMatmuls(ModuleOp module, RegisterTile registerTile, int64_t l1Bytes,
                            int64_t l2Bytes, int64_t threads) {
  splitBatchMatmuls(module, threads);
  bool anyRows = packMatmuls(module, registerTile, l1Bytes, l2Bytes, threads);
  std::string script;
  bool anyKernels = false;
  module.walk([&](linalg::MatmulOp op) { anyKernels |= op->hasAttr(kMatmulKernelAttr); });
  // The packs, tagged with the tiles that vectorize them into copies of
  // rows. (With unit extents but the last, a tile's copy would fold to
  // slices, which bufferize to scalar copies.)
  std::set<SmallVector<int64_t>> packTiles;
  module.walk([&](linalg::GenericOp op) {
    if (auto tile = op->getAttrOfType<DenseI64ArrayAttr>(kMatmulPackAttr))
      packTiles.insert(SmallVector<int64_t>(tile.asArrayRef()));
  });
  for (auto [id, tile] : llvm::enumerate(packTiles)) {
    std::string sizes = llvm::join(llvm::map_range(tile, [](int64_t t) { return std::to_string(t); }), ", ");
    int64_t loops = llvm::count_if(tile, [](int64_t t) { return t != 0; });
    std::string loopTypes;
    for (int64_t i = 0; i < loops; ++i)
      loopTypes += ", !transform.any_op";
    script += llvm::formatv(R"(
    %mp{0} = transform.structured.match ops{{["linalg.generic"]}
        attributes {{symc.matmul_pack = array<i64: {1}>} in %root : (!transform.any_op) -> !transform.any_op
    %mpt{0}, %mpl{0}:{2} = transform.structured.tile_using_for %mp{0} tile_sizes [{1}]
        : (!transform.any_op) -> (!transform.any_op{3})
    transform.structured.vectorize %mpt{0} : !transform.any_op
)",
                            id, sizes, loops, loopTypes)
                  .str();
  }
  // Each register tile: its depth loop tiled to 1, the rm x 1 x rn products
  // FMA outer products, the accumulator hoisted into registers.
  if (anyKernels)
    script += std::string(R"(
    %mk = transform.structured.match ops{["linalg.matmul"]}
        attributes {symc.matmul_kernel} in %root : (!transform.any_op) -> !transform.any_op
    %mkt, %mkl = transform.structured.tile_using_for %mk tile_sizes [0, 0, 1]
        : (!transform.any_op) -> (!transform.any_op, !transform.any_op)
    transform.structured.vectorize %mkt {create_named_contraction} : !transform.any_op
)") + kLowerContractionsToFMA.str() + R"(
    transform.loop.hoist_loop_invariant_subsets %mkl : !transform.any_op
)";
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
