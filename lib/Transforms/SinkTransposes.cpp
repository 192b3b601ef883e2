//===- SinkTransposes.cpp - symc-sink-transposes ---------------------------===//
//
// The CPU schedule computes convolutions and poolings channel-last between
// transposes (NCHW -> NHWC before, back after). Between two such layers a
// model has only layout-agnostic ops: elementwise generics (bias, BatchNorm's
// scale and shift, activations, residual additions), spatial paddings and
// the channel concatenations of Concat. These patterns move each transpose
// below such ops, computing them in the transposed operand's layout, until
// it meets the next layer's opposite transpose and the two cancel: the
// activations stay channel-last from one layer to the next, and the
// transposes that remain sit where the model leaves the layout (Flatten,
// reductions, the outputs).
//
// A move never adds a pass over memory: an elementwise op moves only when
// every operand of its full size is a transpose of the same permutation
// (others would be read strided, which is the transpose it saves), and a
// concatenation only when every piece is.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMSINKTRANSPOSES
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// The transpose that produces `value` in full (a tensor-semantics
/// linalg.transpose), or null.
linalg::TransposeOp getTranspose(Value value) {
  auto transpose = value.getDefiningOp<linalg::TransposeOp>();
  return transpose && transpose.hasPureTensorSemantics() ? transpose : nullptr;
}

/// `shape` as it is before the transpose `perm`: the inverse permutation.
SmallVector<int64_t> untransposedShape(ArrayRef<int64_t> shape,
                                       ArrayRef<int64_t> perm) {
  return applyPermutation(shape, invertPermutationVector(perm));
}

/// An elementwise generic (every loop parallel, results written through
/// identity maps and not read) whose full-size operands are all transposes
/// of one permutation becomes the same generic over the transposes' sources,
/// followed by that transpose of its results. Broadcast operands are read
/// through their maps composed with the permutation.
struct SinkTransposeBelowElementwise : OpRewritePattern<linalg::GenericOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::GenericOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || op.getNumReductionLoops() != 0 ||
        !op.getBody()->getOps<linalg::IndexOp>().empty())
      return rewriter.notifyMatchFailure(op, "not elementwise");
    unsigned rank = op.getNumLoops();
    for (OpOperand &init : op.getDpsInitsMutable())
      if (!op.getMatchingIndexingMap(&init).isIdentity() ||
          op.payloadUsesValueFromOperand(&init))
        return rewriter.notifyMatchFailure(op, "results not written plainly");

    // The permutation: that of the first full-size transposed operand;
    // every full-size operand must be such a transpose.
    std::optional<SmallVector<int64_t>> perm;
    for (OpOperand *input : op.getDpsInputOperands()) {
      AffineMap map = op.getMatchingIndexingMap(input);
      if (map.getNumResults() != rank)
        continue; // a broadcast (or a scalar)
      linalg::TransposeOp transpose = getTranspose(input->get());
      if (!transpose || !map.isIdentity())
        return rewriter.notifyMatchFailure(op, "a full-size operand is not a transpose");
      ArrayRef<int64_t> p = transpose.getPermutation();
      if (perm && ArrayRef<int64_t>(*perm) != p)
        return rewriter.notifyMatchFailure(op, "transposes of different permutations");
      perm = llvm::to_vector(p);
    }
    if (!perm)
      return rewriter.notifyMatchFailure(op, "no transposed operand");

    // Loop i of the op is loop perm[i] of the new one.
    MLIRContext *ctx = op.getContext();
    SmallVector<AffineExpr> oldLoops;
    for (int64_t p : *perm)
      oldLoops.push_back(getAffineDimExpr(p, ctx));
    AffineMap substitution = AffineMap::get(rank, 0, oldLoops, ctx);

    Location loc = op.getLoc();
    SmallVector<Value> inputs;
    SmallVector<AffineMap> maps;
    for (OpOperand *input : op.getDpsInputOperands()) {
      AffineMap map = op.getMatchingIndexingMap(input);
      if (map.getNumResults() == rank) {
        inputs.push_back(getTranspose(input->get()).getInput());
        maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
      } else {
        inputs.push_back(input->get());
        maps.push_back(map.compose(substitution));
      }
    }
    SmallVector<Value> inits;
    SmallVector<Type> resultTypes;
    for (Value init : op.getDpsInits()) {
      auto type = cast<RankedTensorType>(init.getType());
      inits.push_back(tensor::EmptyOp::create(
          rewriter, loc, untransposedShape(type.getShape(), *perm),
          type.getElementType()));
      resultTypes.push_back(inits.back().getType());
      maps.push_back(AffineMap::getMultiDimIdentityMap(rank, ctx));
    }
    auto moved = linalg::GenericOp::create(rewriter, loc, resultTypes, inputs, inits,
                                           maps, op.getIteratorTypesArray());
    rewriter.inlineRegionBefore(op.getRegion(), moved.getRegion(),
                                moved.getRegion().begin());
    SmallVector<Value> results;
    for (Value result : moved.getResults())
      results.push_back(symc::createTranspose(rewriter, loc, result, *perm));
    rewriter.replaceOp(op, results);
    return success();
  }
};

/// pad(transpose(x)) -> transpose(pad(x)), the padding permuted; the
/// padding value must not depend on the position.
struct SinkTransposeBelowPad : OpRewritePattern<tensor::PadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::PadOp op,
                                PatternRewriter &rewriter) const override {
    linalg::TransposeOp transpose = getTranspose(op.getSource());
    Value padding = op.getConstantPaddingValue();
    if (!transpose || !padding)
      return rewriter.notifyMatchFailure(op, "not a constant pad of a transpose");
    ArrayRef<int64_t> perm = transpose.getPermutation();
    SmallVector<int64_t> inverse = invertPermutationVector(perm);
    SmallVector<OpFoldResult> low = applyPermutation(op.getMixedLowPad(), inverse);
    SmallVector<OpFoldResult> high = applyPermutation(op.getMixedHighPad(), inverse);
    RankedTensorType type = op.getResultType();
    auto paddedType = RankedTensorType::get(
        untransposedShape(type.getShape(), perm), type.getElementType());
    Value padded = tensor::PadOp::create(rewriter, op.getLoc(), paddedType,
                                         transpose.getInput(), low, high, padding,
                                         op.getNofold());
    rewriter.replaceOp(op, symc::createTranspose(rewriter, op.getLoc(), padded, perm));
    return success();
  }
};

/// pad(pad(x)) -> pad(x), when both pad with the same constant (a
/// convolution's spatial padding and its register tile's extra columns).
struct MergeConsecutivePads : OpRewritePattern<tensor::PadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(tensor::PadOp op,
                                PatternRewriter &rewriter) const override {
    auto inner = op.getSource().getDefiningOp<tensor::PadOp>();
    if (!inner || op.getNofold() || inner.getNofold())
      return rewriter.notifyMatchFailure(op, "not two foldable pads");
    Value outerValue = op.getConstantPaddingValue();
    Value innerValue = inner.getConstantPaddingValue();
    if (!outerValue || !innerValue)
      return rewriter.notifyMatchFailure(op, "padding not constant");
    Attribute outerConst, innerConst;
    if (outerValue != innerValue &&
        (!matchPattern(outerValue, m_Constant(&outerConst)) ||
         !matchPattern(innerValue, m_Constant(&innerConst)) || outerConst != innerConst))
      return rewriter.notifyMatchFailure(op, "different padding values");
    auto isDynamic = [](ArrayRef<int64_t> values) {
      return llvm::any_of(values, ShapedType::isDynamic);
    };
    if (isDynamic(op.getStaticLow()) || isDynamic(op.getStaticHigh()) ||
        isDynamic(inner.getStaticLow()) || isDynamic(inner.getStaticHigh()))
      return rewriter.notifyMatchFailure(op, "dynamic padding");
    SmallVector<int64_t> low, high;
    for (auto [a, b] : llvm::zip(op.getStaticLow(), inner.getStaticLow()))
      low.push_back(a + b);
    for (auto [a, b] : llvm::zip(op.getStaticHigh(), inner.getStaticHigh()))
      high.push_back(a + b);
    auto toAttrs = [&](ArrayRef<int64_t> values) {
      return llvm::to_vector(llvm::map_range(values, [&](int64_t v) -> OpFoldResult {
        return rewriter.getIndexAttr(v);
      }));
    };
    Value merged = tensor::PadOp::create(rewriter, op.getLoc(), op.getResultType(),
                                         inner.getSource(), toAttrs(low), toAttrs(high),
                                         outerValue);
    rewriter.replaceOp(op, merged);
    return success();
  }
};

/// transpose(transpose(x, p), q) -> transpose(x, p o q), or x itself.
struct ComposeTransposes : OpRewritePattern<linalg::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    linalg::TransposeOp inner = getTranspose(op.getInput());
    if (!inner || !op.hasPureTensorSemantics())
      return rewriter.notifyMatchFailure(op, "not a transpose of a transpose");
    // Result dim i is op's input dim q[i], which is x's dim p[q[i]].
    SmallVector<int64_t> composed =
        applyPermutation(inner.getPermutation(), op.getPermutation());
    if (isIdentityPermutation(composed)) {
      rewriter.replaceOp(op, inner.getInput());
      return success();
    }
    rewriter.replaceOpWithNewOp<linalg::TransposeOp>(op, inner.getInput(), op.getInit(),
                                                     composed);
    return success();
  }
};

/// A transpose of a tensor.empty is any tensor of its result shape: its
/// init.
struct FoldTransposeOfEmpty : OpRewritePattern<linalg::TransposeOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(linalg::TransposeOp op,
                                PatternRewriter &rewriter) const override {
    if (!op.hasPureTensorSemantics() || !op.getInput().getDefiningOp<tensor::EmptyOp>())
      return rewriter.notifyMatchFailure(op, "not a transpose of an empty tensor");
    rewriter.replaceOp(op, op.getInit());
    return success();
  }
};

/// The pieces of a concatenation (Concat's lowering: insert_slices into a
/// tensor.empty, each into the previous): insert_slice(transpose(a, p),
/// transpose(d, p)) -> transpose(insert_slice(a, d), p), offsets and sizes
/// permuted. The first piece's destination is the empty tensor, taken in
/// the source layout; it moves only when every piece of the chain is a
/// transpose of the same permutation.
struct SinkTransposeBelowInsertSlice : OpRewritePattern<tensor::InsertSliceOp> {
  using OpRewritePattern::OpRewritePattern;

  /// Whether `op` and every insert_slice chained into its result insert
  /// transposes by `perm`.
  static bool chainInsertsTransposes(tensor::InsertSliceOp op, ArrayRef<int64_t> perm) {
    while (op) {
      linalg::TransposeOp transpose = getTranspose(op.getSource());
      if (!transpose || transpose.getPermutation() != perm)
        return false;
      if (!op->hasOneUse())
        return true;
      auto next = dyn_cast<tensor::InsertSliceOp>(*op->getUsers().begin());
      op = next && next.getDest() == op.getResult() ? next : nullptr;
    }
    return true;
  }

  LogicalResult matchAndRewrite(tensor::InsertSliceOp op,
                                PatternRewriter &rewriter) const override {
    linalg::TransposeOp source = getTranspose(op.getSource());
    if (!source || !op.hasUnitStride() ||
        op.getSourceType().getRank() != op.getDestType().getRank())
      return rewriter.notifyMatchFailure(op, "not a full-rank insert of a transpose");
    ArrayRef<int64_t> perm = source.getPermutation();
    Location loc = op.getLoc();
    Value dest;
    if (linalg::TransposeOp destTranspose = getTranspose(op.getDest());
        destTranspose && destTranspose.getPermutation() == perm) {
      dest = destTranspose.getInput();
    } else if (op.getDest().getDefiningOp<tensor::EmptyOp>() &&
               chainInsertsTransposes(op, perm)) {
      RankedTensorType type = op.getDestType();
      dest = tensor::EmptyOp::create(rewriter, loc,
                                     untransposedShape(type.getShape(), perm),
                                     type.getElementType());
    } else {
      return rewriter.notifyMatchFailure(op, "destination not in the same layout");
    }
    SmallVector<int64_t> inverse = invertPermutationVector(perm);
    Value inserted = tensor::InsertSliceOp::create(
        rewriter, loc, source.getInput(), dest,
        applyPermutation(op.getMixedOffsets(), inverse),
        applyPermutation(op.getMixedSizes(), inverse),
        applyPermutation(op.getMixedStrides(), inverse));
    rewriter.replaceOp(op, symc::createTranspose(rewriter, loc, inserted, perm));
    return success();
  }
};

struct SymSinkTransposesPass
    : symc::impl::SymSinkTransposesBase<SymSinkTransposesPass> {
  void runOnOperation() override {
    if (failed(symc::sinkTransposes(getOperation())))
      return signalPassFailure();
  }
};

} // namespace

namespace symc {

Value createTranspose(OpBuilder &b, Location loc, Value value, ArrayRef<int64_t> perm) {
  auto type = cast<RankedTensorType>(value.getType());
  Value init = tensor::EmptyOp::create(b, loc, applyPermutation(type.getShape(), perm),
                                       type.getElementType());
  return linalg::TransposeOp::create(b, loc, value, init, perm).getResult()[0];
}

void populateSinkTransposesPatterns(RewritePatternSet &patterns) {
  patterns.add<SinkTransposeBelowElementwise, SinkTransposeBelowPad,
               MergeConsecutivePads, ComposeTransposes, FoldTransposeOfEmpty,
               SinkTransposeBelowInsertSlice>(patterns.getContext());
}

LogicalResult sinkTransposes(Operation *root) {
  RewritePatternSet patterns(root->getContext());
  populateSinkTransposesPatterns(patterns);
  tensor::EmptyOp::getCanonicalizationPatterns(patterns, root->getContext());
  // Not converging within the driver's iterations only leaves transposes.
  (void)applyPatternsGreedily(root, std::move(patterns));
  return success();
}

} // namespace symc
