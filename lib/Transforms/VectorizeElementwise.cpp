//===- VectorizeElementwise.cpp - symc-cpu-vectorize-elementwise ----------===//
//
// Elementwise generics (BatchNorm's scale and shift, activations, residual
// additions, unrolled poolings) left to LLVM's loop vectorizer run their
// innermost loop over the channels of an NHWC tensor: 64 to 512 elements,
// entered once per pixel, each time behind runtime alias checks between
// every pair of operands and with a scalar remainder. ResNet-18's first
// BatchNorm+ReLU (64 x 112 x 112) took 0.39 ms so. Tiled to one vector
// row of the innermost dimension and vectorized here, the loop body is
// straight vector code.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/Analysis/SliceAnalysis.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/SCF/Transforms/TileUsingInterface.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Dialect/Vector/Transforms/LoweringPatterns.h"
#include "mlir/Dialect/Vector/Transforms/VectorRewritePatterns.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMCPUVECTORIZEELEMENTWISE
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Whether every operand reads the innermost loop contiguously (as its last
/// index, and only there) or not at all (a broadcast along it).
bool innermostLoopIsContiguous(linalg::GenericOp op) {
  unsigned innermost = op.getNumLoops() - 1;
  for (AffineMap map : op.getIndexingMapsArray()) {
    for (auto [i, expr] : llvm::enumerate(map.getResults())) {
      bool isLast = i + 1 == map.getNumResults();
      if (isLast && expr == getAffineDimExpr(innermost, op.getContext()))
        continue;
      if (expr.isFunctionOfDim(innermost))
        return false;
    }
  }
  return true;
}

/// The vector tile of the innermost loop: `lanes` times 4, 2 or 1,
/// whichever first divides its extent, else the whole extent when it is
/// under four vectors (the 10 channels of a small convolution: one
/// vector<10xf32>, which LLVM widens, rather than scalar code); 0 for
/// other extents and dynamic ones. (The outer loops may be dynamic, as in
/// the uneven chunks that symc-cpu-parallelize gives threads: their tiles
/// are single elements.)
int64_t innermostTile(linalg::GenericOp op, int64_t lanes) {
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  if (ranges.empty() || ShapedType::isDynamic(ranges.back()))
    return 0;
  for (int64_t unroll : {4, 2, 1})
    if (ranges.back() % (lanes * unroll) == 0)
      return lanes * unroll;
  return ranges.back() < 4 * lanes ? ranges.back() : 0;
}

/// Whether `op`'s body neither depends on the loop indices nor gathers
/// from a tensor (bodies the vectorizer would turn into gathers).
bool readsOnlyItsOperands(linalg::GenericOp op) {
  return !op.getBody()
              ->walk([](Operation *nested) {
                return isa<linalg::IndexOp, tensor::ExtractOp>(nested)
                           ? WalkResult::interrupt()
                           : WalkResult::advance();
              })
              .wasInterrupted();
}

/// Elementwise: on tensors, every loop parallel, and no index-dependent or
/// gathering body (readsOnlyItsOperands).
bool isElementwise(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumReductionLoops() != 0 ||
      op.getNumLoops() == 0)
    return false;
  return readsOnlyItsOperands(op);
}

/// The most elements of a row that an innermost reduction takes into one
/// vector (64 AVX-512 registers' worth, split by LLVM).
constexpr int64_t kMaxReductionRow = 1024;

/// A reduction along the innermost loop alone, on tensors: every other
/// loop parallel, a static innermost extent of at most kMaxReductionRow, no
/// index-dependent or gathering body, and one result combined by a single
/// add, mul, max or min of floats (softmax's max and sum, LayerNorm's
/// mean). Left to the loop lowering, its accumulator went through memory
/// at every element, which LLVM could not vectorize: BERT-QA's softmax
/// over 12 x 384 x 384 scores took 3 ms, mostly its two reductions.
bool isInnermostReduction(linalg::GenericOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumReductionLoops() != 1 ||
      op.getNumDpsInits() != 1 || op.getNumLoops() == 0)
    return false;
  SmallVector<utils::IteratorType> iterators = op.getIteratorTypesArray();
  if (iterators.back() != utils::IteratorType::reduction)
    return false;
  SmallVector<int64_t> ranges = op.getStaticLoopRanges();
  if (ShapedType::isDynamic(ranges.back()) || ranges.back() > kMaxReductionRow ||
      !getElementTypeOrSelf(op.getDpsInits()[0].getType()).isF32())
    return false;
  SmallVector<Operation *> combiners;
  if (!matchReduction(op.getRegionOutputArgs(), 0, combiners) || combiners.size() != 1 ||
      !isa<arith::AddFOp, arith::MulFOp, arith::MaxNumFOp, arith::MinNumFOp,
           arith::MaximumFOp, arith::MinimumFOp>(combiners.front()))
    return false;
  return readsOnlyItsOperands(op);
}

/// A 0-D transfer_read of a tensor (an operand broadcast along the
/// innermost loop: its tile is one element) as tensor.extract and a
/// broadcast, which folds into the broadcast to the vector that follows;
/// 0-D transfers have no lowering to LLVM.
struct ScalarTensorReadToExtract : OpRewritePattern<vector::TransferReadOp> {
  using OpRewritePattern::OpRewritePattern;

  LogicalResult matchAndRewrite(vector::TransferReadOp read,
                                PatternRewriter &rewriter) const override {
    if (read.getVectorType().getRank() != 0 || !isa<RankedTensorType>(read.getBase().getType()))
      return failure();
    Value element =
        tensor::ExtractOp::create(rewriter, read.getLoc(), read.getBase(), read.getIndices());
    rewriter.replaceOpWithNewOp<vector::BroadcastOp>(read, read.getVectorType(), element);
    return success();
  }
};

struct SymCPUVectorizeElementwisePass
    : symc::impl::SymCPUVectorizeElementwiseBase<SymCPUVectorizeElementwisePass> {
  using Base::Base;

  void runOnOperation() override {
    int64_t bits = vectorBits > 0 ? int64_t(vectorBits) : symc::getHostVectorBits();
    SmallVector<linalg::GenericOp> candidates;
    getOperation().walk([&](linalg::GenericOp op) {
      if ((isElementwise(op) || isInnermostReduction(op)) && innermostLoopIsContiguous(op))
        candidates.push_back(op);
    });
    IRRewriter rewriter(&getContext());
    for (linalg::GenericOp op : candidates) {
      // Lanes of the widest element the op touches (an index operand makes
      // `widest` exceed the register, which skips the op).
      unsigned widest = 0;
      for (Value operand : op->getOperands()) {
        Type element = getElementTypeOrSelf(operand.getType());
        widest = element.isIntOrFloat() ? std::max(widest, element.getIntOrFloatBitWidth())
                                        : bits + 1; // index: not vectorized here
      }
      if (widest == 0 || bits % widest != 0)
        continue;
      // A reduction takes its whole row in one vector, reduced once (the
      // horizontal step, per row, is a tree: vector-to-llvm reassociates
      // floating-point reductions).
      int64_t tile = op.getNumReductionLoops() ? op.getStaticLoopRanges().back()
                                               : innermostTile(op, bits / widest);
      if (tile == 0)
        continue;
      SmallVector<OpFoldResult> tiles(op.getNumLoops(), rewriter.getIndexAttr(1));
      tiles.back() = rewriter.getIndexAttr(tile);
      scf::SCFTilingOptions options;
      options.setTileSizes(tiles);
      rewriter.setInsertionPoint(op);
      FailureOr<scf::SCFTilingResult> tiled =
          scf::tileUsingSCF(rewriter, cast<TilingInterface>(op.getOperation()), options);
      if (failed(tiled)) {
        op->emitError("cannot tile this elementwise op for vectorization");
        return signalPassFailure();
      }
      rewriter.replaceOp(op, tiled->replacements);
      for (Operation *tiledOp : tiled->tiledOps) {
        rewriter.setInsertionPoint(tiledOp);
        FailureOr<linalg::VectorizationResult> vectorized =
            linalg::vectorize(rewriter, tiledOp);
        if (succeeded(vectorized))
          rewriter.replaceOp(tiledOp, vectorized->replacements);
      }
    }
    // The tiles' unit dimensions out of the vector types (1-D transfers),
    // one-trip loops folded, and an operand broadcast along the innermost
    // loop read as a scalar (its 0-D transfer has no LLVM lowering).
    RewritePatternSet patterns(&getContext());
    scf::ForOp::getCanonicalizationPatterns(patterns, &getContext());
    vector::populateCastAwayVectorLeadingOneDimPatterns(patterns);
    vector::populateVectorTransferDropUnitDimsPatterns(patterns);
    vector::populateVectorTransferPermutationMapLoweringPatterns(patterns);
    patterns.add<ScalarTensorReadToExtract>(&getContext());
    // A reduced row: vector.reduction, which vector-to-llvm lowers.
    vector::populateVectorMultiReductionLoweringPatterns(
        patterns, vector::VectorMultiReductionLowering::InnerReduction);
    vector::BroadcastOp::getCanonicalizationPatterns(patterns, &getContext());
    (void)applyPatternsGreedily(getOperation(), std::move(patterns));
  }
};

} // namespace
