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
// accumulator in registers. Batched matmuls first become loops of
// matmuls; matmuls with fewer rows than a register tile loop (i, k, j), a
// row of B at a time.
//
//===----------------------------------------------------------------------===//

#include "Layout.h"
#include "Schedules.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <set>
#include <tuple>

using namespace mlir;

namespace symc::cpu {
namespace {

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

/// The loop structure of one packed matmul: extents padded to whole
/// register tiles and depth blocks, `rows` rows of A per row block,
/// `depth` per depth block, the column panels split into `columnGroups`
/// (threads' shares when there are too few row blocks), and whether
/// threads share the outermost loop.
struct MatmulBlocking {
  int64_t m = 0, n = 0, k = 0;
  int64_t rows = 0, depth = 0, columnGroups = 1;
  bool parallel = false;
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

/// The row block: a multiple of `rm` that divides `m`, whose A block
/// (rows x depth floats) fits half of L2 and is re-read from there for
/// every column panel; at most 256 rows (B is re-read once per row block,
/// which larger blocks would not save much of). With `threads` sharing the
/// row blocks, as many blocks as threads at least, a multiple of them
/// where possible.
int64_t rowBlock(int64_t m, int64_t rm, int64_t depth, int64_t l2Bytes, int64_t threads) {
  int64_t bound = std::max(rm, std::min<int64_t>(256, l2Bytes / 2 / (4 * depth)));
  int64_t best = rm;
  auto better = [&](int64_t rows, int64_t than) {
    bool even = (m / rows) % threads == 0, thanEven = (m / than) % threads == 0;
    return even != thanEven ? even : rows > than;
  };
  for (int64_t rows = rm; rows <= std::min(bound, m); rows += rm)
    if (m % rows == 0 && m / rows >= threads && better(rows, best))
      best = rows;
  return best;
}

/// The blocking of an m x n x k matmul for register tile rm x rn, or none
/// when padding to whole tiles would add more than a quarter of the work
/// or there are fewer rows than a register tile (a FullyConnected at batch
/// 1, which loops a row of B at a time).
std::optional<MatmulBlocking> blockingFor(int64_t m, int64_t n, int64_t k, int64_t rm,
                                          int64_t rn, int64_t l1Bytes, int64_t l2Bytes,
                                          int64_t threads) {
  if (m < rm || k < 2)
    return std::nullopt;
  MatmulBlocking blocking;
  blocking.m = llvm::alignTo(m, rm);
  blocking.depth = depthBlock(k, rn, l1Bytes);
  blocking.k = llvm::alignTo(k, blocking.depth);
  // Too few row tiles for the threads: they share the column panels, the
  // columns padded to whole shares.
  bool shareColumns = threads > 1 && blocking.m / rm < threads;
  blocking.n = llvm::alignTo(n, shareColumns ? rn * threads : rn);
  double work = double(m) * double(n) * double(k);
  if (double(blocking.m) * double(blocking.n) * double(blocking.k) > 1.25 * work)
    return std::nullopt;
  blocking.rows = rowBlock(blocking.m, rm, blocking.depth, l2Bytes,
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
      packed = tensor::InsertSliceOp::create(
          b, loc, filled, packed, getAsIndexOpFoldResult(ctx, offsets),
          getAsIndexOpFoldResult(ctx, sizes), SmallVector<OpFoldResult>(sizes.size(), b.getIndexAttr(1)));
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
/// floats, and the next row tile's follows it. With one depth block and no
/// padding, that is A's own row-major layout: A is only reshaped, unless it
/// is a slice, whose rows may lie far apart. (The copy took a fifth of a
/// pointwise convolution's time as a 131072 x 128 x 128 matmul.)
Value packRowTiles(OpBuilder &b, Location loc, Value lhs, int64_t m, int64_t k, int64_t rm,
                   int64_t depth) {
  auto type = cast<RankedTensorType>(lhs.getType());
  if (depth == k && type.getDimSize(0) == m && type.getDimSize(1) == k &&
      !lhs.getDefiningOp<tensor::ExtractSliceOp>())
    return tensor::ExpandShapeOp::create(
        b, loc, RankedTensorType::get({1, m / rm, rm, k}, type.getElementType()), lhs,
        ArrayRef<ReassociationIndices>{{0, 1, 2}, {3}});
  return packOperand(b, loc, lhs, {{rm, m}, {depth, k}}, {2, 0, 1, 3});
}

/// A matmul's A as packedMatmul reads it: packed whole (packRowTiles), or
/// as it is (m x k of the blocking), each row block's depth blocks packed
/// just before the block's panels sweep it.
struct MatmulLhs {
  Value value;
  bool packedWhole = true;
};

/// A as packedMatmul takes it for `blocking`: packed whole where it is
/// constant (then packed at compile time), not cut into depth blocks (its
/// rows are then already contiguous), padded (a padded copy and the packs
/// of its blocks were two passes: the 777 matmul ran 2.5% slower) or
/// shared by column groups (which would each pack the same blocks); else
/// as it is, each block packed when it is used.
MatmulLhs lhsFor(OpBuilder &b, Location loc, Value lhs, const MatmulBlocking &blocking,
                 int64_t rm) {
  ArrayRef<int64_t> shape = cast<RankedTensorType>(lhs.getType()).getShape();
  linalg::TransposeOp transpose = transposedFrom(lhs);
  bool constant = matchPattern(lhs, m_Constant()) ||
                  (transpose && matchPattern(transpose.getInput(), m_Constant()));
  if (constant || blocking.depth == blocking.k || blocking.columnGroups > 1 ||
      shape[0] != blocking.m || shape[1] != blocking.k)
    return {packRowTiles(b, loc, lhs, blocking.m, blocking.k, rm, blocking.depth), true};
  return {lhs, false};
}

/// `index * factor`, or `index` itself for a factor of 1.
Value scaled(OpBuilder &b, Location loc, Value index, int64_t factor) {
  if (factor == 1)
    return index;
  return arith::MulIOp::create(b, loc, index, arith::ConstantIndexOp::create(b, loc, factor));
}

/// The packed matmul of `lhs` and `rhs` (packColumnPanels) into `acc` (m x
/// n of the blocking): row blocks and column groups (in an scf.forall when
/// threads share them), then depth blocks, column panels and register
/// rows, each iteration of the last one rm x depth x rn linalg.matmul
/// tagged as a register tile. The first depth block runs apart, so that
/// symc-forward-fills can start its tiles from the accumulator's fill in
/// registers rather than from memory.
Value packedMatmul(OpBuilder &b, Location loc, MatmulLhs lhs, Value rhs, Value acc,
                   const MatmulBlocking &blocking, int64_t rm, int64_t rn) {
  MLIRContext *ctx = b.getContext();
  int64_t rows = blocking.rows, depth = blocking.depth;
  int64_t groups = blocking.columnGroups, groupColumns = blocking.n / groups;
  int64_t rowBlocks = blocking.m / rows;
  auto zero = [&](OpBuilder &nb) { return nb.getIndexAttr(0); };
  // A's register rows of a row block for depth block `depthIndex`, as
  // [1, rows / rm, rm, depth]: a slice of A packed whole, or the block
  // packed now, so that the panels re-read it from L2 rather than from
  // where the whole packed A was written long before (the 1024 matmul:
  // 2-3% faster, interleaved with OpenBLAS; 10% in a C model of the loops).
  auto lhsBlock = [&](OpBuilder &nb, Location l, Value depthIndex, Value firstRowTile) {
    if (lhs.packedWhole)
      return sliceOf(nb, l, lhs.value, {depthIndex, firstRowTile, zero(nb), zero(nb)},
                     {1, rows / rm, rm, depth});
    Value block = sliceOf(nb, l, lhs.value,
                          {scaled(nb, l, firstRowTile, rm), scaled(nb, l, depthIndex, depth)},
                          {rows, depth});
    return packOperand(nb, l, block, {{rm, rows}, {depth, depth}}, {2, 0, 1, 3});
  };
  // A block's column panels for depth block `depthIndex`: in each, the
  // register rows, each one register tile.
  auto sweepPanels = [&](OpBuilder &nb, Location l, Value depthIndex, Value firstRowTile,
                         Value firstPanel, Value blockAcc) {
    Value aBlock = lhsBlock(nb, l, depthIndex, firstRowTile);
    auto panelBody = [&](OpBuilder &pb, Location pl, Value panel, Value whole)
        -> std::pair<Value, SmallVector<OpFoldResult>> {
      SmallVector<OpFoldResult> panelOffsets = {zero(pb), scaled(pb, pl, panel, rn)};
      Value panelAcc = sliceOf(pb, pl, whole, panelOffsets, {rows, rn});
      Value panelIndex = firstPanel ? arith::AddIOp::create(pb, pl, firstPanel, panel) : panel;
      Value bPanel = sliceOf(pb, pl, rhs, {depthIndex, panelIndex, zero(pb), zero(pb)},
                             {1, 1, depth, rn}, 2);
      auto rowBody = [&](OpBuilder &rb, Location rl, Value row, Value whole)
          -> std::pair<Value, SmallVector<OpFoldResult>> {
        SmallVector<OpFoldResult> tileOffsets = {scaled(rb, rl, row, rm), zero(rb)};
        Value tileAcc = sliceOf(rb, rl, whole, tileOffsets, {rm, rn});
        Value a = sliceOf(rb, rl, aBlock, {zero(rb), row, zero(rb), zero(rb)}, {1, 1, rm, depth},
                          2);
        auto kernel = linalg::MatmulOp::create(rb, rl, TypeRange{tileAcc.getType()},
                                               ValueRange{a, bPanel}, ValueRange{tileAcc});
        kernel->setAttr(kMatmulKernelAttr, rb.getUnitAttr());
        return {kernel.getResult(0), tileOffsets};
      };
      Value updated = loopOverSlices(pb, pl, rows / rm, panelAcc,
                                     getAsIndexOpFoldResult(ctx, {rm, rn}),
                                     /*parallel=*/false, rowBody);
      updated.getDefiningOp()->setAttr(kPrefetchNextAccumulatorAttr, pb.getUnitAttr());
      return {updated, panelOffsets};
    };
    return loopOverSlices(nb, l, groupColumns / rn, blockAcc,
                          getAsIndexOpFoldResult(ctx, {rows, rn}), /*parallel=*/false,
                          panelBody);
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
        scaled(nb, l, rowBlockIndex, rows),
        groups > 1 ? OpFoldResult(scaled(nb, l, group, groupColumns)) : zero(nb)};
    Value firstRowTile = scaled(nb, l, rowBlockIndex, rows / rm);
    Value firstPanel = groups > 1 ? scaled(nb, l, group, groupColumns / rn) : Value();
    Value c0 = arith::ConstantIndexOp::create(nb, l, 0);
    Value c1 = arith::ConstantIndexOp::create(nb, l, 1);
    Value blockAcc = sweepPanels(nb, l, c0, firstRowTile, firstPanel,
                                 sliceOf(nb, l, whole, offsets, {rows, groupColumns}));
    Value depthBlocks = arith::ConstantIndexOp::create(nb, l, blocking.k / depth);
    auto depthLoop = scf::ForOp::create(
        nb, l, c1, depthBlocks, c1, ValueRange{blockAcc},
        [&](OpBuilder &db, Location dl, Value depthIndex, ValueRange carried) {
          scf::YieldOp::create(
              db, dl, sweepPanels(db, dl, depthIndex, firstRowTile, firstPanel, carried[0]));
        });
    return {depthLoop.getResult(0), offsets};
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

/// Rewrites each static f32 matmul with a blocking into packed operands
/// and packedMatmul's loops (on operands padded with zeros, the result
/// sliced back); tags the others to loop (i, k, j). Whether any were
/// tagged so.
bool packMatmuls(ModuleOp module, int64_t rm, int64_t rn, int64_t l1Bytes, int64_t l2Bytes,
                 int64_t threads) {
  SmallVector<std::pair<linalg::MatmulOp, MatmulBlocking>> packed;
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
    if (std::optional<MatmulBlocking> blocking =
            blockingFor(m, n, k, rm, rn, l1Bytes, l2Bytes, threads)) {
      packed.push_back({op, *blocking});
      return;
    }
    op->setAttr(kMatmulRowsAttr, UnitAttr::get(op.getContext()));
    rowMatmuls.push_back(op);
  });
  for (linalg::MatmulOp op : rowMatmuls)
    foldConstantTransposedB(op);
  for (auto &[op, blocking] : packed) {
    OpBuilder b(op);
    Location loc = op.getLoc();
    auto out = cast<RankedTensorType>(op.getDpsInits()[0].getType());
    int64_t m = out.getDimSize(0), n = out.getDimSize(1);
    MatmulLhs lhs = lhsFor(b, loc, op.getDpsInputs()[0], blocking, rm);
    Value rhs = packColumnPanels(b, loc, op.getDpsInputs()[1], blocking.k, blocking.n,
                                 blocking.depth, rn);
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

std::string scheduleMatmuls(ModuleOp module, RegisterTile registerTile, int64_t l1Bytes,
                            int64_t l2Bytes, int64_t threads) {
  splitBatchMatmuls(module);
  bool anyRows = packMatmuls(module, registerTile.rows, registerTile.columns, l1Bytes,
                             l2Bytes, threads);
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
