//===- Winograd.cpp - 3x3 convolutions as Winograd F(m x m, 3x3) --------===//
//
// A 3x3 stride-1 convolution computes each m x m block of outputs from an
// (m + 2) x (m + 2) patch of its input with (m + 2)^2 products per channel
// pair instead of 9 m^2 (Lavin & Gray, "Fast Algorithms for Convolutional
// Neural Networks"):
//
//   Y = A^T [ (G g G^T) .* (B^T d B) ] A
//
// summed over the input channels. Over the channels, the elementwise
// product at each position of the tile is a matmul: the transformed inputs
// of all tiles (tiles x channels) by the transformed filters (channels x
// filters). So the convolution becomes
// - the filter transform (G g G^T), which depends only on the weights: at
//   compile time for constant weights, else in the prepare step;
// - the input transform (B^T d B), elementwise over the channels
//   (vectorized, one tile at a time), into a tiles x channels matrix per
//   position;
// - a matmul per position, which the matmul schedule packs, tiles and
//   vectorizes;
// - the output transform (A^T m A), with the bias added, into the m x m
//   blocks of the channel-last output.
// F(2x2, 3x3) (16 positions) does 2.25 times fewer multiplications than
// the direct schedule, F(4x4, 3x3) (36) 4 times, with more arithmetic in
// its transforms and several times the rounding error (variantFor).
//
//===----------------------------------------------------------------------===//

#include "Layout.h"
#include "Schedules.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"

using namespace mlir;

namespace symc::cpu {
namespace {

/// A Winograd algorithm F(m x m, 3 x 3): each tile of m x m outputs from
/// (m + 2) x (m + 2) inputs, by its matrices B^T (tile x tile), G (tile x
/// 3) and A^T (m x tile), row-major (Lavin & Gray).
struct Variant {
  int64_t outputs; // m
  ArrayRef<double> bT, g, aT;
  int64_t tile() const { return outputs + 2; }
  int64_t positions() const { return tile() * tile(); }
};

// F(2x2, 3x3), at the points 0, 1, -1.
constexpr double kBT2[] = {1, 0, -1, 0, 0, 1, 1, 0, 0, -1, 1, 0, 0, 1, 0, -1};
constexpr double kG2[] = {1, 0, 0, 0.5, 0.5, 0.5, 0.5, -0.5, 0.5, 0, 0, 1};
constexpr double kAT2[] = {1, 1, 1, 0, 0, 1, -1, -1};
// F(4x4, 3x3), at the points 0, -1, 1, 1/2, -2: in a float32 model of
// the golden conv_winograd_blocks case (64 channels, outputs up to 133),
// 1.7e-4 off float64, where the points 0, +-1, +-2 (Lavin & Gray's) were
// 4.2e-4 off and 0, +-1, +-1/2 4.5e-4 (the choice of Barabasz et al.,
// "Error analysis and improving the accuracy of Winograd convolution for
// deep neural networks").
constexpr double kBT4[] = {1, -1.5, -2,  1.5, 1, 0, 0, 1,    -2.5, 0.5,  1,   0,
                           0, -1,   0.5, 2.5, 1, 0, 0, -2,   -1,   2,    1,   0,
                           0, 0.5,  -1,  -0.5, 1, 0, 0, 1,   -1.5, -2,   1.5, 1};
constexpr double kG4[] = {1,          0,          0,         -1.0 / 3,  1.0 / 3,
                          -1.0 / 3,   1.0 / 3,    1.0 / 3,   1.0 / 3,   -16.0 / 15,
                          -8.0 / 15,  -4.0 / 15,  1.0 / 15,  -2.0 / 15, 4.0 / 15,
                          0,          0,          1};
constexpr double kAT4[] = {1, 1,  1, 1,     1,  0, 0, -1, 1, 0.5,   -2, 0,
                           0, 1,  1, 0.25,  4,  0, 0, -1, 1, 0.125, -8, 1};

const Variant kF2{2, kBT2, kG2, kAT2};
const Variant kF4{4, kBT4, kG4, kAT4};

/// `matrix` x for a column x: one value per row of the matrix (x.size()
/// columns), a term per nonzero coefficient: additions and subtractions
/// for +-1 (F(2x2, 3x3)'s are all), FMAs by constants for the others. A
/// row starts from a term of +1 where it has one.
SmallVector<Value> transform1D(OpBuilder &b, Location loc, ArrayRef<double> matrix,
                               ArrayRef<Value> x) {
  int64_t n = int64_t(x.size());
  assert(int64_t(matrix.size()) % n == 0 && "a matrix of x.size() columns");
  auto type = cast<VectorType>(x.front().getType());
  auto constant = [&](double c) -> Value {
    return arith::ConstantOp::create(b, loc, DenseElementsAttr::get(type, float(c)));
  };
  SmallVector<Value> result;
  for (int64_t r = 0, rows = int64_t(matrix.size()) / n; r < rows; ++r) {
    ArrayRef<double> row = matrix.slice(r * n, n);
    const double *one = llvm::find(row, 1.0);
    Value sum = one != row.end() ? x[one - row.begin()] : Value();
    for (int64_t j = 0; j < n; ++j) {
      double c = row[j];
      if (c == 0 || (one != row.end() && j == one - row.begin()))
        continue;
      if (!sum)
        sum = arith::MulFOp::create(b, loc, constant(c), x[j]);
      else if (c == 1)
        sum = arith::AddFOp::create(b, loc, sum, x[j]);
      else if (c == -1)
        sum = arith::SubFOp::create(b, loc, sum, x[j]);
      else
        sum = vector::FMAOp::create(b, loc, constant(c), x[j], sum);
    }
    assert(sum && "a transform matrix has no zero row");
    result.push_back(sum);
  }
  return result;
}

/// The separable 2-D transform M X M^T of a side x side tile (row-major)
/// by `matrix` (out x side): first down the columns, then along the rows;
/// out x out values.
SmallVector<Value> transform2D(OpBuilder &b, Location loc, ArrayRef<double> matrix,
                               ArrayRef<Value> tile, int64_t side) {
  SmallVector<SmallVector<Value>> columns;
  for (int64_t j = 0; j < side; ++j) {
    SmallVector<Value> column;
    for (int64_t i = 0; i < side; ++i)
      column.push_back(tile[i * side + j]);
    columns.push_back(transform1D(b, loc, matrix, column));
  }
  SmallVector<Value> result;
  for (size_t i = 0, out = columns.front().size(); i < out; ++i) {
    SmallVector<Value> row;
    for (int64_t j = 0; j < side; ++j)
      row.push_back(columns[j][i]);
    llvm::append_range(result, transform1D(b, loc, matrix, row));
  }
  return result;
}

Value emptyLike(OpBuilder &b, Location loc, ArrayRef<int64_t> shape) {
  return tensor::EmptyOp::create(b, loc, shape, b.getF32Type());
}

Value constantIndex(OpBuilder &b, Location loc, int64_t value) {
  return arith::ConstantIndexOp::create(b, loc, value);
}

/// A vector of `lanes` floats of `source` at `indices` (in bounds).
Value readVector(OpBuilder &b, Location loc, Value source, ValueRange indices, int64_t lanes) {
  auto type = VectorType::get({lanes}, b.getF32Type());
  Value padding = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0));
  return vector::TransferReadOp::create(b, loc, type, source, indices, padding,
                                        ArrayRef<bool>{true});
}

/// `vectors` (of one type, row-major in `stackShape`) written into `dest` at
/// `offsets`: the stack (stackShape x the vectors' shape) along dest's
/// dimensions `dims` (ascending), 1 along the others. One write of a whole
/// tile, where a write per vector would give bufferization's analysis a
/// long chain of tensors to compare (ResNet-18: 0.46 -> 0.15-0.26 s); vector-to-scf
/// unrolls it back into the vectors' writes. The write goes through a
/// rank-reduced slice of the stack's shape, so that its map is the identity
/// (vector patterns rewrite other maps with unit dimensions, back and forth).
Value writeVectors(OpBuilder &b, Location loc, ArrayRef<Value> vectors,
                   ArrayRef<int64_t> stackShape, Value dest, ArrayRef<Value> offsets,
                   ArrayRef<int64_t> dims) {
  auto vectorType = cast<VectorType>(vectors.front().getType());
  SmallVector<int64_t> shape(stackShape);
  llvm::append_range(shape, vectorType.getShape());
  assert(shape.size() == dims.size() && "a destination dimension per stack dimension");
  auto type = VectorType::get(shape, vectorType.getElementType());
  Value stack = arith::ConstantOp::create(b, loc, DenseElementsAttr::get(type, 0.0f));
  SmallVector<int64_t> strides = computeSuffixProduct(stackShape);
  for (auto [i, v] : llvm::enumerate(vectors))
    stack = vector::InsertOp::create(b, loc, v, stack, delinearize(int64_t(i), strides));

  auto destType = cast<RankedTensorType>(dest.getType());
  SmallVector<OpFoldResult> sizes(destType.getRank(), b.getIndexAttr(1));
  for (auto [dim, size] : llvm::zip_equal(dims, shape))
    sizes[dim] = b.getIndexAttr(size);
  SmallVector<OpFoldResult> unitStrides(destType.getRank(), b.getIndexAttr(1));
  SmallVector<OpFoldResult> at = getAsOpFoldResult(offsets);
  auto sliceType = RankedTensorType::get(shape, destType.getElementType());
  Value slice =
      tensor::ExtractSliceOp::create(b, loc, sliceType, dest, at, sizes, unitStrides);
  Value zero = constantIndex(b, loc, 0);
  Value written = vector::TransferWriteOp::create(b, loc, stack, slice,
                                                  SmallVector<Value>(shape.size(), zero),
                                                  SmallVector<bool>(shape.size(), true))
                      .getResult();
  return tensor::InsertSliceOp::create(b, loc, written, dest, at, sizes, unitStrides);
}

/// One vector of one tile: the tile's image, row and column in the block,
/// where it lies in `acc` (its image and row there), and its channel.
struct TileVector {
  Value image, row, column, channel;
  Value accImage, accRow;
};
using TileStep = function_ref<Value(OpBuilder &, Location, const TileVector &, Value acc)>;

/// Loops over the `images` x `rows` x `columns` tiles of a block and the
/// vectors of `lanes` of their `channels`, carrying `init`; `step`
/// computes one vector of one tile. With `rowShape`, the block is one
/// image whose tile rows threads share: each computes the slice of `init`
/// of `rowShape` at the offsets `rowOffsets` gives.
Value forEachTileVector(
    OpBuilder &b, Location loc, Value init, int64_t images, int64_t rows, int64_t columns,
    int64_t channels, int64_t lanes, TileStep step, ArrayRef<int64_t> rowShape = {},
    function_ref<SmallVector<OpFoldResult>(OpBuilder &, Location, Value)> rowOffsets = {}) {
  auto overRow = [&](OpBuilder &rb, Location rl, Value image, Value row, Value perRow,
                     Value accImage, Value accRow) {
    return forEach(
        rb, rl, columns, 1, perRow, [&](OpBuilder &tb, Location tl, Value column, Value perTile) {
          return forEach(
              tb, tl, channels, lanes, perTile,
              [&](OpBuilder &cb, Location cl, Value channel, Value acc) {
                return step(cb, cl, {image, row, column, channel, accImage, accRow}, acc);
              });
        });
  };
  if (!rowShape.empty()) {
    assert(images == 1 && "threads share the rows of one image");
    return loopOverSlices(b, loc, rows, init, getAsIndexOpFoldResult(b.getContext(), rowShape),
                          /*parallel=*/true,
                          [&](OpBuilder &rb, Location rl, Value row,
                              Value whole) -> std::pair<Value, SmallVector<OpFoldResult>> {
                            SmallVector<OpFoldResult> offsets = rowOffsets(rb, rl, row);
                            Value zero = constantIndex(rb, rl, 0);
                            Value slice = sliceOf(rb, rl, whole, offsets, rowShape);
                            return {overRow(rb, rl, zero, row, slice, zero, zero), offsets};
                          });
  }
  return forEach(b, loc, images, 1, init,
                 [&](OpBuilder &ib, Location il, Value image, Value perImage) {
                   return forEach(ib, il, rows, 1, perImage,
                                  [&](OpBuilder &rb, Location rl, Value row, Value perRow) {
                                    return overRow(rb, rl, image, row, perRow, image, row);
                                  });
                 });
}

/// A block of tiles: `images` whole images, or `rows` tile rows of one.
struct TileBlock {
  int64_t images = 1, rows = 1;
};

/// The transformed inputs of a block of `block` x `columns` tiles, (tile
/// positions, tiles, channels), from image `firstImage` and tile row
/// `firstRow` on, in the padded channel-last input `nhwc`, `lanes`
/// channels at a time (with `parallel`, threads sharing the tile rows).
/// Each step reads a tile's patch of vectors (6 x 6 for F(4x4, 3x3)) and
/// writes its transformed vectors, one per position.
Value transformInputs(OpBuilder &b, Location loc, const Variant &variant, Value nhwc,
                      Value firstImage, Value firstRow, TileBlock block, int64_t columns,
                      int64_t lanes, bool parallel) {
  int64_t c = cast<RankedTensorType>(nhwc.getType()).getDimSize(3);
  int64_t positions = variant.positions();
  Value init = emptyLike(b, loc, {positions, block.images, block.rows, columns, c});
  auto step = [&](OpBuilder &cb, Location cl, const TileVector &at, Value acc) {
    Value inputImage = arith::AddIOp::create(cb, cl, firstImage, at.image);
    Value inputRow = arith::AddIOp::create(cb, cl, firstRow, at.row);
    SmallVector<Value> patch;
    for (int64_t i = 0; i < variant.tile(); ++i)
      for (int64_t j = 0; j < variant.tile(); ++j)
        patch.push_back(readVector(cb, cl, nhwc,
                                   {inputImage, scaledIndex(cb, cl, inputRow, variant.outputs, i),
                                    scaledIndex(cb, cl, at.column, variant.outputs, j), at.channel},
                                   lanes));
    SmallVector<Value> transformed = transform2D(cb, cl, variant.bT, patch, variant.tile());
    return writeVectors(cb, cl, transformed, {positions}, acc,
                        {constantIndex(cb, cl, 0), at.accImage, at.accRow, at.column, at.channel},
                        /*dims=*/{0, 4});
  };
  Value tiles =
      parallel
          ? forEachTileVector(b, loc, init, block.images, block.rows, columns, c, lanes, step,
                              {positions, 1, 1, columns, c},
                              [](OpBuilder &rb, Location, Value row) -> SmallVector<OpFoldResult> {
                                return {rb.getIndexAttr(0), rb.getIndexAttr(0), row,
                                        rb.getIndexAttr(0), rb.getIndexAttr(0)};
                              })
          : forEachTileVector(b, loc, init, block.images, block.rows, columns, c, lanes, step);
  return tensor::CollapseShapeOp::create(
      b, loc,
      RankedTensorType::get({positions, block.images * block.rows * columns, c}, b.getF32Type()),
      tiles, ArrayRef<ReassociationIndices>{{0}, {1, 2, 3}, {4}});
}

/// The elementwise ops that follow a convolution (BatchNorm's scale and
/// shift, a residual sum, an activation), computed on the output
/// transform's vectors: each a linalg.generic whose block arguments are
/// the previous result (the convolution's, first) and other tensors, read
/// at the same positions (NHWC, of the output's shape) or channels.
struct Epilogue {
  /// What an input of a stage reads: the previous result (null), an NHWC
  /// tensor, or a vector of one value per channel.
  struct Input {
    Value tensor;
    bool perChannel = false;
  };
  struct Stage {
    linalg::GenericOp op;
    SmallVector<Input> inputs;
  };
  SmallVector<Stage> stages;
};

/// `op`'s body applied to vectors: the block arguments' values `args`,
/// each op of the body (arith or math, elementwise: isVectorizableEpilogue
/// admits no other) on vectors, scalar constants and captured scalars
/// broadcast.
Value applyToVectors(OpBuilder &b, Location loc, linalg::GenericOp op, ArrayRef<Value> args) {
  Block &body = op.getRegion().front();
  auto vectorType = cast<VectorType>(args.front().getType());
  IRMapping map;
  for (auto [arg, value] : llvm::zip(body.getArguments(), args))
    map.map(arg, value);
  auto vectorOf = [&](Value scalar) -> Value {
    if (Value mapped = map.lookupOrNull(scalar))
      return mapped;
    return vector::BroadcastOp::create(
        b, loc, VectorType::get(vectorType.getShape(), scalar.getType()), scalar);
  };
  for (Operation &inner : body.without_terminator()) {
    if (auto constant = dyn_cast<arith::ConstantOp>(inner)) {
      map.map(constant.getResult(),
              vectorOf(arith::ConstantOp::create(b, loc, constant.getValue())));
      continue;
    }
    assert(inner.hasTrait<OpTrait::Elementwise>() && inner.getNumRegions() == 0 &&
           "isVectorizableEpilogue admits elementwise ops only");
    OperationState state(loc, inner.getName());
    for (Value operand : inner.getOperands())
      state.addOperands(vectorOf(operand));
    for (Type type : inner.getResultTypes())
      state.addTypes(VectorType::get(vectorType.getShape(), type));
    state.addAttributes(inner.getAttrs());
    Operation *vectorized = b.create(state);
    map.map(inner.getResults(), vectorized->getResults());
  }
  return map.lookup(body.getTerminator()->getOperand(0));
}

/// `value`, one vector of the convolution's output at `indices` (NHWC, in
/// the whole output), through `epilogue`'s stages.
Value applyEpilogue(OpBuilder &b, Location loc, const Epilogue &epilogue, Value value,
                    ValueRange indices) {
  for (const Epilogue::Stage &stage : epilogue.stages) {
    int64_t lanes = cast<VectorType>(value.getType()).getDimSize(0);
    SmallVector<Value> args;
    for (const Epilogue::Input &input : stage.inputs)
      args.push_back(!input.tensor      ? value
                     : input.perChannel ? readVector(b, loc, input.tensor, {indices.back()}, lanes)
                                        : readVector(b, loc, input.tensor, indices, lanes));
    value = applyToVectors(b, loc, stage.op, args);
  }
  return value;
}

/// The block's channel-last outputs (images, m * rows, m * columns,
/// filters), written into `init` (the block's slice of the whole output,
/// so that they are computed in place), from its positions' products
/// (positions, tiles, filters), plus `bias` per filter if any, through
/// `epilogue` (the block's first image and tile row in the whole output
/// `firstImage` and `firstRow`), `lanes` filters at a time (with
/// `parallel`, threads sharing the tile rows). Each step reads a tile's
/// vectors of products, one per position, and writes its m x m block of
/// outputs.
Value transformOutputs(OpBuilder &b, Location loc, const Variant &variant, Value products, Value bias,
                       const Epilogue &epilogue, Value init, Value firstImage, Value firstRow,
                       TileBlock block, int64_t columns, int64_t lanes, bool parallel) {
  int64_t f = cast<RankedTensorType>(products.getType()).getDimSize(2);
  int64_t positions = variant.positions(), m = variant.outputs;
  products = tensor::ExpandShapeOp::create(
      b, loc,
      RankedTensorType::get({positions, block.images, block.rows, columns, f}, b.getF32Type()),
      products, ArrayRef<ReassociationIndices>{{0}, {1, 2, 3}, {4}});
  auto step = [&](OpBuilder &cb, Location cl, const TileVector &at, Value acc) {
    SmallVector<Value> tile;
    for (int64_t p = 0; p < positions; ++p)
      tile.push_back(readVector(cb, cl, products,
                                {constantIndex(cb, cl, p), at.image, at.row, at.column, at.channel},
                                lanes));
    SmallVector<Value> outputs = transform2D(cb, cl, variant.aT, tile, variant.tile());
    Value perFilter = bias ? readVector(cb, cl, bias, {at.channel}, lanes) : Value();
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < m; ++j) {
        Value &v = outputs[i * m + j];
        if (perFilter)
          v = arith::AddFOp::create(cb, cl, v, perFilter);
        if (!epilogue.stages.empty()) {
          Value image = arith::AddIOp::create(cb, cl, firstImage, at.image);
          Value row = arith::AddIOp::create(cb, cl, firstRow, at.row);
          v = applyEpilogue(cb, cl, epilogue, v,
                            {image, scaledIndex(cb, cl, row, m, i),
                             scaledIndex(cb, cl, at.column, m, j), at.channel});
        }
      }
    return writeVectors(cb, cl, outputs, {m, m}, acc,
                        {at.accImage, scaledIndex(cb, cl, at.accRow, m, 0),
                         scaledIndex(cb, cl, at.column, m, 0), at.channel},
                        /*dims=*/{1, 2, 3});
  };
  if (!parallel)
    return forEachTileVector(b, loc, init, block.images, block.rows, columns, f, lanes, step);
  return forEachTileVector(b, loc, init, block.images, block.rows, columns, f, lanes, step,
                           {1, m, m * columns, f},
                           [&](OpBuilder &rb, Location l, Value row) -> SmallVector<OpFoldResult> {
                             return {rb.getIndexAttr(0), scaledIndex(rb, l, row, m, 0),
                                     rb.getIndexAttr(0), rb.getIndexAttr(0)};
                           });
}

/// The transformed filters, (tile positions, channels, filters):
/// U[p = tile i + j][c][f] = (G g G^T)[i][j] for g = fchw[f][c].
/// Computed now for constant weights (in double, rounded once), else by a
/// generic that symc-hoist-invariant-computations moves to the prepare
/// step.
Value transformFilters(OpBuilder &b, Location loc, const Variant &variant, Value fchw,
                       int64_t paddedF) {
  auto type = cast<RankedTensorType>(fchw.getType());
  int64_t f = type.getDimSize(0), c = type.getDimSize(1), side = variant.tile();
  auto resultType = RankedTensorType::get({variant.positions(), c, paddedF}, b.getF32Type());
  DenseElementsAttr weights;
  if (matchPattern(fchw, m_Constant(&weights)) && weights.getElementType().isF32()) {
    SmallVector<float> g(weights.getValues<float>());
    std::vector<float> u(variant.positions() * c * paddedF);
    for (int64_t fi = 0; fi < f; ++fi)
      for (int64_t ci = 0; ci < c; ++ci) {
        const float *k = &g[(fi * c + ci) * 9];
        for (int64_t i = 0; i < side; ++i)
          for (int64_t j = 0; j < side; ++j) {
            double sum = 0;
            for (int64_t r = 0; r < 3; ++r)
              for (int64_t s = 0; s < 3; ++s)
                sum += variant.g[i * 3 + r] * double(k[r * 3 + s]) * variant.g[j * 3 + s];
            u[((i * side + j) * c + ci) * paddedF + fi] = float(sum);
          }
      }
    return arith::ConstantOp::create(b, loc,
                                     DenseElementsAttr::get(resultType, ArrayRef<float>(u)));
  }
  SmallVector<float> gValues(variant.g.begin(), variant.g.end());
  auto gType = RankedTensorType::get({side, 3}, b.getF32Type());
  Value gMatrix =
      arith::ConstantOp::create(b, loc, DenseElementsAttr::get(gType, ArrayRef<float>(gValues)));
  // (c, i, j, r, s, f): U[i][j][c][f] += G[i][r] * g[r][s][c][f] * G[j][s],
  // the weights transposed to (r, s, c, f): the innermost loop runs along
  // the contiguous filters of both, which LLVM vectorizes, and a channel's
  // weights and transforms stay in L1 and L2 while its positions are
  // computed. (The prepare step of VGG16-reduced, where this runs as
  // loops, took 530 ms reading the weights along their filters, 9 x c
  // floats apart.)
  MLIRContext *ctx = b.getContext();
  auto map = [&](ArrayRef<unsigned> dims) {
    SmallVector<AffineExpr> exprs;
    for (unsigned d : dims)
      exprs.push_back(getAffineDimExpr(d, ctx));
    return AffineMap::get(6, 0, exprs, ctx);
  };
  Value rscf = createTranspose(b, loc, padHigh(b, loc, fchw, {paddedF - f, 0, 0, 0}), {2, 3, 1, 0});
  Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0));
  Value init = linalg::FillOp::create(b, loc, zero,
                                      ValueRange{emptyLike(b, loc, {side, side, c, paddedF})})
                   .getResult(0);
  using utils::IteratorType;
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{init.getType()}, ValueRange{gMatrix, rscf, gMatrix}, ValueRange{init},
      ArrayRef<AffineMap>{map({1, 3}), map({3, 4, 0, 5}), map({2, 4}), map({1, 2, 0, 5})},
      {IteratorType::parallel, IteratorType::parallel, IteratorType::parallel,
       IteratorType::reduction, IteratorType::reduction, IteratorType::parallel},
      [](OpBuilder &nb, Location nloc, ValueRange args) {
        Value product = arith::MulFOp::create(nb, nloc, args[0], args[1]);
        product = arith::MulFOp::create(nb, nloc, product, args[2]);
        linalg::YieldOp::create(nb, nloc, Value(arith::AddFOp::create(nb, nloc, args[3], product)));
      });
  return tensor::CollapseShapeOp::create(b, loc, resultType, generic.getResult(0),
                                         ArrayRef<ReassociationIndices>{{0, 1}, {2}, {3}});
}

/// The per-filter bias that a convolution's accumulator broadcasts (a
/// null value for a zero fill); nothing for any other accumulator.
std::optional<Value> biasOf(Value init) {
  if (auto fill = init.getDefiningOp<linalg::FillOp>())
    return matchPattern(fill.value(), m_AnyZeroFloat()) ? std::optional<Value>(Value())
                                                        : std::nullopt;
  if (auto broadcast = init.getDefiningOp<linalg::BroadcastOp>();
      broadcast && broadcast.getDimensions() == ArrayRef<int64_t>{0, 2, 3})
    return broadcast.getInput();
  return std::nullopt;
}

/// Whether `op` is what F(m x m, 3x3) computes: a 3x3 kernel, unit strides
/// and dilations, static f32 shapes.
bool isWinogradShaped(linalg::Conv2DNchwFchwOp op) {
  auto isStaticF32 = [](Value v) {
    auto type = dyn_cast<RankedTensorType>(v.getType());
    return type && type.hasStaticShape() && type.getElementType().isF32();
  };
  auto isOne = [](int64_t v) { return v == 1; };
  auto filter = dyn_cast<RankedTensorType>(op.getDpsInputs()[1].getType());
  return llvm::all_of(op->getOperands(), isStaticF32) && filter.getDimSize(2) == 3 &&
         filter.getDimSize(3) == 3 && llvm::all_of(op.getStrides().getValues<int64_t>(), isOne) &&
         llvm::all_of(op.getDilations().getValues<int64_t>(), isOne);
}

/// Whether Winograd pays for a convolution by `fchw` filters: channels
/// whole vectors of `lanes` (the transforms are vectorized over them), and
/// 32 or more channels and filters, so that the matmuls outweigh the
/// transforms' traffic. Filters that are not whole vectors are padded to
/// them with zero filters (paddedFilters): fewer than `lanes` extra
/// filters, at most half as many again as 32, against 2.25 (F(2x2, 3x3))
/// or 4 (F(4x4, 3x3)) times fewer multiplications.
bool worthWinograd(RankedTensorType fchw, int64_t lanes) {
  int64_t f = fchw.getDimSize(0), c = fchw.getDimSize(1);
  return c % lanes == 0 && c >= 32 && f >= 32;
}

/// The filters rounded up to whole vectors of `lanes`: what the transforms
/// and matmuls compute (SSD-MobileNet's class predictors have 84 and 126).
int64_t paddedFilters(int64_t f, int64_t lanes) { return int64_t(llvm::alignTo(f, lanes)); }

/// F(4x4, 3x3) where the output's sides are multiples of 4 (no tile over
/// padding), else F(2x2, 3x3). F(4x4, 3x3) computes 36 products per 16
/// outputs rather than 64, and its transforms move 36 vectors per 16
/// outputs rather than 64, for more arithmetic in each. It rounds more:
/// on the golden conv_winograd_blocks case (64 channels), 2.8e-4 off
/// float64 (2.1e-6 of the largest output) against F(2x2, 3x3)'s 4.8e-5
/// and the direct schedule's 1.2e-4.
const Variant &variantFor(RankedTensorType nchw) {
  return nchw.getDimSize(2) % kF4.outputs == 0 && nchw.getDimSize(3) % kF4.outputs == 0 ? kF4
                                                                                          : kF2;
}

/// The variant of `tileOutputs` outputs per side (2, 4), or 0: variantFor.
const Variant &variantFor(RankedTensorType nchw, int64_t tileOutputs) {
  assert((tileOutputs == 0 || tileOutputs == kF2.outputs || tileOutputs == kF4.outputs) &&
         "Winograd tiles of 2 or 4 outputs a side");
  if (tileOutputs == 0)
    return variantFor(nchw);
  return tileOutputs == kF4.outputs ? kF4 : kF2;
}

/// The fewest tiles of a block: its matmuls' rows, for at least four
/// register tiles of rows (fewer ran SqueezeNet's 13x13 layers, in blocks
/// of 7 tiles, 1.5 times slower than the direct schedule).
constexpr int64_t kMinBlockTiles = 32;

/// The geometry the block choice weighs: `images` images of `rows` x
/// `columns` tiles, `c` channels, `f` filters (paddedFilters); the caches;
/// the host's register tile; the threads.
struct WinogradShape {
  const Variant &variant;
  int64_t images, rows, columns, c, f;
  int64_t l2Bytes, l3Bytes;
  RegisterTile registerTile;
  int64_t threads;
};

/// The bytes a block moves beyond L2, under a simple model: its
/// transformed inputs and products (a tile's channels and filters at each
/// position) stay in L2 where they fit half of it, else are written to and
/// read back from L3 or memory; the transformed filters (positions x c x
/// f) are read once per block, unless they fit L2 beside them; what does
/// not fit half of L3 moves from memory and counts twice. (VGG16-reduced's
/// 224x224 layers at batch 8, their eight images' 400 MB in one block, ran
/// no faster than the direct schedule.) A block whose tiles are not whole
/// register tiles of its matmuls (matmulRegisterTile) copies its products
/// back once more.
double blockTraffic(const WinogradShape &shape, TileBlock block) {
  double l3Half = double(shape.l3Bytes) / 2;
  auto fromBeyondL2 = [&](double bytes) { return bytes * (bytes <= l3Half ? 1 : 2); };
  double tiles = double(block.images * block.rows * shape.columns);
  int64_t positions = shape.variant.positions();
  double perTile = double(positions * (shape.c + shape.f) * 4);
  double filters = double(positions * shape.c * shape.f * 4);
  double blocks = double(shape.images * shape.rows) / double(block.images * block.rows);
  bool fits = tiles * perTile <= double(shape.l2Bytes) / 2;
  double traffic = fits ? 0 : 2 * blocks * fromBeyondL2(tiles * perTile);
  if (tiles * perTile + filters > double(shape.l2Bytes))
    traffic += blocks * fromBeyondL2(filters);
  if (int64_t(tiles) % matmulRegisterTile(int64_t(tiles), shape.registerTile).rows != 0)
    traffic += blocks * tiles * double(positions * shape.f * 4);
  return traffic;
}

/// The block of least traffic (blockTraffic) of at least kMinBlockTiles
/// tiles (or all), whole images or tile rows of one, dividing them
/// evenly; among those leaving a block for each of the threads, if any.
TileBlock chooseBlock(const WinogradShape &shape) {
  SmallVector<TileBlock> candidates;
  for (int64_t r = 1; r < shape.rows; ++r)
    if (shape.rows % r == 0)
      candidates.push_back({1, r});
  for (int64_t k = 1; k <= shape.images; ++k)
    if (shape.images % k == 0)
      candidates.push_back({k, shape.rows});
  int64_t total = shape.images * shape.rows * shape.columns;
  std::optional<TileBlock> best;
  double bestTraffic = 0;
  bool bestShared = false;
  for (TileBlock block : candidates) {
    int64_t tiles = block.images * block.rows * shape.columns;
    if (tiles < std::min(kMinBlockTiles, total))
      continue;
    bool shared = total / tiles >= shape.threads;
    double traffic = blockTraffic(shape, block);
    if (!best || (shared && !bestShared) || (shared == bestShared && traffic < bestTraffic)) {
      best = block;
      bestTraffic = traffic;
      bestShared = shared;
    }
  }
  return best ? *best : TileBlock{shape.images, shape.rows};
}

/// Whether `input` of elementwise `op` over NCHW tensors has one value per
/// channel: a 1-D tensor read along dimension 1.
bool isPerChannel(linalg::GenericOp op, OpOperand &input) {
  AffineMap map = op.getMatchingIndexingMap(&input);
  return map.getNumResults() == 1 && map.getResult(0) == getAffineDimExpr(1, op.getContext()) &&
         cast<ShapedType>(input.get().getType()).getRank() == 1;
}

/// Whether `op` can run on the output transform's vectors after `value`
/// (NCHW): an elementwise generic (all parallel, one result of `value`'s
/// type, its destination unread) of arith and math ops that reads `value`
/// and tensors of its type (identity maps) or per channel.
bool isVectorizableEpilogue(linalg::GenericOp op, Value value) {
  auto type = cast<RankedTensorType>(value.getType());
  if (op.getNumDpsInits() != 1 || op->getResult(0).getType() != type ||
      op.getNumParallelLoops() != op.getNumLoops() ||
      !op.getMatchingIndexingMap(op.getDpsInitOperand(0)).isIdentity() ||
      op.payloadUsesValueFromOperand(op.getDpsInitOperand(0)) ||
      !llvm::is_contained(op.getDpsInputs(), value))
    return false;
  for (OpOperand *input : op.getDpsInputOperands())
    if (!isPerChannel(op, *input) &&
        (input->get().getType() != type || !op.getMatchingIndexingMap(input).isIdentity()))
      return false;
  return llvm::all_of(op.getRegion().front().without_terminator(), [](Operation &inner) {
    return isa<arith::ConstantOp>(inner) ||
           (inner.hasTrait<OpTrait::Elementwise>() && inner.getNumRegions() == 0 &&
            llvm::all_of(inner.getOperandTypes(), [](Type t) { return t.isIntOrIndexOrFloat(); }));
  });
}

/// The elementwise ops that follow `conv` one after the other, each the
/// only user of the previous result; those that read other tensors than
/// per-channel ones only where the output needs no padding (`padded`). The
/// last of them is the end of the chain, whose result the rewrite
/// replaces.
SmallVector<linalg::GenericOp> epilogueChain(linalg::Conv2DNchwFchwOp conv, bool padded) {
  SmallVector<linalg::GenericOp> chain;
  Value value = conv->getResult(0);
  while (value.hasOneUse()) {
    auto next = dyn_cast<linalg::GenericOp>(*value.getUsers().begin());
    if (!next || !isVectorizableEpilogue(next, value) ||
        llvm::count(next.getDpsInputs(), value) != 1 ||
        (padded && llvm::any_of(next.getDpsInputOperands(), [&](OpOperand *input) {
           return input->get() != value && !isPerChannel(next, *input);
         })))
      break;
    chain.push_back(next);
    value = next->getResult(0);
  }
  return chain;
}

/// Rewrites `op` (NCHW, 3x3, stride and dilation 1, static f32, its
/// accumulator a zero fill or a bias) as `shape.variant`, block by block of
/// tile rows (chooseBlock): the block's input transform, its matmuls (by
/// the filters transformed once), its output transform. Threads share the
/// blocks where there are enough, else each block's matmuls. Filters padded
/// to whole vectors (shape.f) are computed as zero filters and sliced off.
void rewriteAsWinograd(linalg::Conv2DNchwFchwOp op, Value bias, int64_t lanes,
                       WinogradShape shape) {
  auto in = cast<RankedTensorType>(op.getDpsInputs()[0].getType());
  int64_t n = shape.images, rows = shape.rows, columns = shape.columns, paddedF = shape.f;
  auto out = cast<RankedTensorType>(op.getDpsInits()[0].getType());
  int64_t f = out.getDimSize(1), oh = out.getDimSize(2), ow = out.getDimSize(3);
  TileBlock block = chooseBlock(shape);
  int64_t blocksPerImage = rows / block.rows, blocks = n / block.images * blocksPerImage;
  const Variant &variant = shape.variant;
  int64_t m = variant.outputs, positions = variant.positions();
  bool padded = m * rows != oh || m * columns != ow || paddedF != f;
  // The epilogue reads its per-channel operands a vector of filters at a
  // time: not beyond the filters.
  SmallVector<linalg::GenericOp> chain =
      paddedF == f ? epilogueChain(op, padded) : SmallVector<linalg::GenericOp>{};
  // Where the last op of the chain is: what its ops read is defined there
  // (a residual branch may be computed after the convolution).
  Operation *last = chain.empty() ? op.getOperation() : chain.back().getOperation();
  OpBuilder b(last);
  Location loc = op.getLoc();
  Epilogue epilogue;
  Value previous = op->getResult(0);
  for (linalg::GenericOp stage : chain) {
    Epilogue::Stage entry{stage, {}};
    for (OpOperand *input : stage.getDpsInputOperands()) {
      if (input->get() == previous)
        entry.inputs.push_back({});
      else if (isPerChannel(stage, *input))
        entry.inputs.push_back({input->get(), /*perChannel=*/true});
      else
        entry.inputs.push_back({createTranspose(b, loc, input->get(), {0, 2, 3, 1})});
    }
    epilogue.stages.push_back(std::move(entry));
    previous = stage->getResult(0);
  }
  // Channel-last, padded to whole tiles (symc-sink-transposes cancels the
  // transposes against the neighbours').
  Value input = createTranspose(b, loc, op.getDpsInputs()[0], {0, 2, 3, 1});
  input = padHigh(b, loc, input,
                  {0, m * rows + 2 - in.getDimSize(2), m * columns + 2 - in.getDimSize(3), 0});
  Value filters = transformFilters(b, loc, variant, op.getDpsInputs()[1], paddedF);
  if (bias)
    bias = padHigh(b, loc, bias, {paddedF - f});
  Value output = emptyLike(b, loc, {n, m * rows, m * columns, paddedF});
  SmallVector<int64_t> blockShape = {block.images, m * block.rows, m * columns, paddedF};
  MLIRContext *ctx = b.getContext();
  AffineExpr d = getAffineDimExpr(0, ctx);
  // Threads share the blocks, or, where there are too few, each block's
  // transforms (by tile rows) and matmuls.
  bool blocksShared = shape.threads > 1 && blocks >= shape.threads;
  bool rowsShared = shape.threads > 1 && !blocksShared && block.images == 1;
  Value result = loopOverSlices(
      b, loc, blocks, output, getAsIndexOpFoldResult(ctx, blockShape), blocksShared,
      [&](OpBuilder &nb, Location l, Value index,
          Value whole) -> std::pair<Value, SmallVector<OpFoldResult>> {
        auto apply = [&](AffineExpr e) {
          return affine::makeComposedAffineApply(nb, l, e, {OpFoldResult(index)}).getResult();
        };
        Value image = apply(d.floorDiv(blocksPerImage) * block.images);
        Value firstRow = apply((d % blocksPerImage) * block.rows);
        Value tiles =
            transformInputs(nb, l, variant, input, image, firstRow, block, columns, lanes, rowsShared);
        // The positions' matmuls, (tiles x channels) by (channels x
        // filters).
        int64_t tileCount = block.images * block.rows * columns;
        Value zero = arith::ConstantOp::create(nb, l, nb.getF32FloatAttr(0));
        Value acc = linalg::FillOp::create(nb, l, zero,
                                           ValueRange{emptyLike(nb, l, {positions, tileCount, paddedF})})
                        .getResult(0);
        Value products = linalg::BatchMatmulOp::create(nb, l, TypeRange{acc.getType()},
                                                       ValueRange{tiles, filters}, ValueRange{acc})
                             .getResult(0);
        SmallVector<OpFoldResult> offsets = {
            OpFoldResult(image),
            OpFoldResult(apply((d % blocksPerImage) * (m * block.rows))),
            nb.getIndexAttr(0), nb.getIndexAttr(0)};
        Value outputs = transformOutputs(nb, l, variant, products, bias, epilogue,
                                         sliceOf(nb, l, whole, offsets, blockShape), image,
                                         firstRow, block, columns, lanes, rowsShared);
        return {outputs, offsets};
      });
  if (padded)
    result =
        sliceOf(b, loc, result, SmallVector<OpFoldResult>(4, b.getIndexAttr(0)), {n, oh, ow, f});
  result = createTranspose(b, loc, result, {0, 3, 1, 2});
  last->getResult(0).replaceAllUsesWith(result);
  for (linalg::GenericOp stage : llvm::reverse(chain))
    stage->erase();
  op->erase();
}

} // namespace

void rewriteWinogradConvolutions(ModuleOp module, RegisterTile registerTile, int64_t l2Bytes,
                                 int64_t l3Bytes, int64_t threads, int64_t tileOutputs) {
  int64_t lanes = registerTile.columns / 2;
  SmallVector<std::pair<linalg::Conv2DNchwFchwOp, Value>> convs;
  module.walk([&](linalg::Conv2DNchwFchwOp op) {
    if (!isWinogradShaped(op) ||
        !worthWinograd(cast<RankedTensorType>(op.getDpsInputs()[1].getType()), lanes))
      return;
    if (std::optional<Value> bias = biasOf(op.getDpsInits()[0]))
      convs.push_back({op, *bias});
  });
  for (auto [op, bias] : convs) {
    auto out = cast<RankedTensorType>(op.getDpsInits()[0].getType());
    auto filter = cast<RankedTensorType>(op.getDpsInputs()[1].getType());
    const Variant &variant = variantFor(out, tileOutputs);
    WinogradShape shape{variant,
                        out.getDimSize(0),
                        int64_t(llvm::divideCeil(out.getDimSize(2), variant.outputs)),
                        int64_t(llvm::divideCeil(out.getDimSize(3), variant.outputs)),
                        filter.getDimSize(1),
                        paddedFilters(filter.getDimSize(0), lanes),
                        l2Bytes,
                        l3Bytes,
                        registerTile,
                        threads};
    rewriteAsWinograd(op, bias, lanes, shape);
  }
}

} // namespace symc::cpu
