//===- Normalization.cpp - LayerNorm, InstanceNorm, L2Normalization -------===//
//
// Statistics over some axes (buildMean / buildReduction), then one
// elementwise generic that normalizes with them.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

struct LayerNormLowering : OpConversionPattern<LayerNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LayerNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type))
      return failure();
    std::optional<int64_t> axis = normalizeAxis(op.getAxis(), type->getRank());
    if (!axis)
      return rewriter.notifyMatchFailure(op, "axis out of range");
    Location loc = op.getLoc();
    Type elt = type->getElementType();
    double eps = op.getEps().convertToDouble();
    SmallVector<int64_t> others;
    for (int64_t i = 0; i < type->getRank(); ++i)
      if (i != *axis)
        others.push_back(i);
    Value data = adaptor.getData();
    Value mean = buildMean(rewriter, loc, data, {*axis});
    Value centered = buildElementwise(
        rewriter, loc, *type, {fullOperand(data), {mean, others}},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::SubFOp::create(b, l, args[0], args[1]);
        });
    Value squares = buildElementwise(
        rewriter, loc, *type, {fullOperand(centered)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], args[0]);
        });
    Value var = buildMean(rewriter, loc, squares, {*axis});
    Value std = buildElementwise(
        rewriter, loc, cast<RankedTensorType>(var.getType()), {fullOperand(var)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return math::SqrtOp::create(
              b, l, arith::AddFOp::create(b, l, args[0], buildFloat(b, l, elt, eps)));
        });
    Value out = buildElementwise(
        rewriter, loc, *type,
        {fullOperand(centered), {std, others}, axisOperand(adaptor.getGamma(), *axis),
         axisOperand(adaptor.getBeta(), *axis)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value normed = arith::DivFOp::create(b, l, args[0], args[1]);
          return arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, normed, args[2]), args[3]);
        });
    auto statsType = cast<RankedTensorType>(op.getMean().getType());
    rewriter.replaceOp(op, {out, buildReshape(rewriter, loc, mean, statsType.getShape()),
                            buildReshape(rewriter, loc, std, statsType.getShape())});
    return success();
  }
};

struct InstanceNormLowering : OpConversionPattern<InstanceNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(InstanceNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type) || type->getRank() < 3)
      return rewriter.notifyMatchFailure(op, "needs static rank >= 3 data");
    Location loc = op.getLoc();
    SmallVector<int64_t> spatial;
    for (int64_t i = 2; i < type->getRank(); ++i)
      spatial.push_back(i);
    SmallVector<int64_t> batchChannel = {0, 1};
    Value data = adaptor.getData();
    Value mean = buildMean(rewriter, loc, data, spatial);
    Value centered = buildElementwise(
        rewriter, loc, *type, {fullOperand(data), {mean, batchChannel}},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::SubFOp::create(b, l, args[0], args[1]);
        });
    Value squares = buildElementwise(
        rewriter, loc, *type, {fullOperand(centered)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], args[0]);
        });
    Value var = buildMean(rewriter, loc, squares, spatial);
    double eps = op.getEps().convertToDouble();
    Value out = buildElementwise(
        rewriter, loc, *type,
        {fullOperand(centered), {var, batchChannel}, axisOperand(adaptor.getGamma(), 1),
         axisOperand(adaptor.getBeta(), 1)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value denom = math::SqrtOp::create(
              b, l, arith::AddFOp::create(b, l, args[1],
                                          buildFloat(b, l, args[1].getType(), eps)));
          Value normed = arith::DivFOp::create(b, l, args[0], denom);
          return arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, normed, args[2]), args[3]);
        });
    rewriter.replaceOp(op, out);
    return success();
  }
};

struct L2NormalizationLowering : OpConversionPattern<L2NormalizationOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(L2NormalizationOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type) || type->getRank() < 2)
      return rewriter.notifyMatchFailure(op, "needs static rank >= 2 data");
    Location loc = op.getLoc();
    StringRef mode = op.getMode();
    SmallVector<int64_t> reduced, kept;
    for (int64_t i = 0; i < type->getRank(); ++i) {
      bool reduce = mode == "instance" ? i > 0 : mode == "channel" ? i == 1 : i > 1;
      (reduce ? reduced : kept).push_back(i);
    }
    Value data = adaptor.getData();
    Value squares = buildElementwise(
        rewriter, loc, *type, {fullOperand(data)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], args[0]);
        });
    Value sum = buildReduction(rewriter, loc, squares, reduced, 0.0,
                               [](OpBuilder &b, Location l, ValueRange args) -> Value {
                                 return arith::AddFOp::create(b, l, args[0], args[1]);
                               });
    double eps = op.getEps().convertToDouble();
    Value norm = buildElementwise(
        rewriter, loc, cast<RankedTensorType>(sum.getType()), {fullOperand(sum)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return math::SqrtOp::create(
              b, l, arith::AddFOp::create(b, l, args[0],
                                          buildFloat(b, l, args[0].getType(), eps)));
        });
    Value out = buildElementwise(
        rewriter, loc, *type, {fullOperand(data), {norm, kept}},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::DivFOp::create(b, l, args[0], args[1]);
        });
    auto normType = cast<RankedTensorType>(op.getNorm().getType());
    rewriter.replaceOp(op, {out, buildReshape(rewriter, loc, norm, normType.getShape())});
    return success();
  }
};

/// GroupNorm: statistics over (C/G, spatial) of the data viewed as
/// (N, G, C/G * spatial), then per-group gamma and beta.
struct GroupNormLowering : OpConversionPattern<GroupNormOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(GroupNormOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type) || type->getRank() < 3)
      return rewriter.notifyMatchFailure(op, "needs static rank >= 3 data");
    Location loc = op.getLoc();
    int64_t n = type->getDimSize(0), g = op.getNumGroups();
    auto groupedType = RankedTensorType::get(
        {n, g, type->getNumElements() / (n * g)}, type->getElementType());
    Value grouped = buildReshape(rewriter, loc, adaptor.getData(),
                                 groupedType.getShape());
    SmallVector<int64_t> batchGroup = {0, 1};
    Value mean = buildMean(rewriter, loc, grouped, {2});
    Value centered = buildElementwise(
        rewriter, loc, groupedType, {fullOperand(grouped), {mean, batchGroup}},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::SubFOp::create(b, l, args[0], args[1]);
        });
    Value squares = buildElementwise(
        rewriter, loc, groupedType, {fullOperand(centered)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], args[0]);
        });
    double eps = op.getEps().convertToDouble();
    Value std = buildElementwise(
        rewriter, loc, cast<RankedTensorType>(mean.getType()),
        {fullOperand(buildMean(rewriter, loc, squares, {2}))},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          return math::SqrtOp::create(
              b, l, arith::AddFOp::create(b, l, args[0],
                                          buildFloat(b, l, args[0].getType(), eps)));
        });
    Value out = buildElementwise(
        rewriter, loc, groupedType,
        {fullOperand(centered), {std, batchGroup},
         axisOperand(adaptor.getGamma(), 1), axisOperand(adaptor.getBeta(), 1)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value normed = arith::DivFOp::create(b, l, args[0], args[1]);
          return arith::AddFOp::create(
              b, l, arith::MulFOp::create(b, l, normed, args[2]), args[3]);
        });
    rewriter.replaceOp(op, {buildReshape(rewriter, loc, out, type->getShape()),
                            mean, std});
    return success();
  }
};

/// LRN: the squares summed over a window of nsize channels (zero-padded),
/// as a generic with the window as an extra reduction loop.
struct LRNLowering : OpConversionPattern<LRNOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(LRNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> type =
        getStaticFloatType(rewriter, op, adaptor.getData());
    if (failed(type) || type->getRank() != 4)
      return rewriter.notifyMatchFailure(op, "needs static 4-D data");
    Location loc = op.getLoc();
    int64_t size = op.getNsize(), half = size / 2;
    Value data = adaptor.getData();
    Value squares = buildElementwise(
        rewriter, loc, *type, {fullOperand(data)},
        [](OpBuilder &b, Location l, ValueRange args) -> Value {
          return arith::MulFOp::create(b, l, args[0], args[0]);
        });
    Value padded = buildPad(rewriter, loc, squares, {0, half, 0, 0},
                            {0, size - 1 - half, 0, 0}, 0.0);
    MLIRContext *ctx = getContext();
    AffineExpr n = getAffineDimExpr(0, ctx), c = getAffineDimExpr(1, ctx),
               h = getAffineDimExpr(2, ctx), w = getAffineDimExpr(3, ctx),
               k = getAffineDimExpr(4, ctx);
    SmallVector<AffineMap> maps = {AffineMap::get(5, 0, {n, c + k, h, w}, ctx),
                                   AffineMap::get(5, 0, {n, c, h, w}, ctx)};
    SmallVector<utils::IteratorType> iterators(4, utils::IteratorType::parallel);
    iterators.push_back(utils::IteratorType::reduction);
    // The window loop's extent comes from a (nsize,) shape-only operand.
    Value window = tensor::EmptyOp::create(rewriter, loc, ArrayRef<int64_t>{size},
                                           type->getElementType());
    maps.insert(maps.begin() + 1, AffineMap::get(5, 0, {k}, ctx));
    auto sum = linalg::GenericOp::create(
        rewriter, loc, TypeRange{*type}, ValueRange{padded, window},
        ValueRange{buildFilled(rewriter, loc, *type, 0.0)}, maps, iterators,
        [](OpBuilder &b, Location l, ValueRange args) {
          linalg::YieldOp::create(b, l, ValueRange{arith::AddFOp::create(
                                            b, l, args[0], args[2])});
        });
    double alpha = op.getAlpha().convertToDouble() / size;
    double beta = op.getBeta().convertToDouble(), knorm = op.getKnorm().convertToDouble();
    Value norm = buildElementwise(
        rewriter, loc, *type, {fullOperand(sum.getResult(0))},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Type elt = args[0].getType();
          return arith::AddFOp::create(
              b, l, buildFloat(b, l, elt, knorm),
              arith::MulFOp::create(b, l, args[0], buildFloat(b, l, elt, alpha)));
        });
    Value out = buildElementwise(
        rewriter, loc, *type, {fullOperand(data), fullOperand(norm)},
        [&](OpBuilder &b, Location l, ValueRange args) -> Value {
          Value scale = math::PowFOp::create(
              b, l, args[1], buildFloat(b, l, args[1].getType(), beta));
          return arith::DivFOp::create(b, l, args[0], scale);
        });
    rewriter.replaceOp(op, {out, norm});
    return success();
  }
};

} // namespace

void symc::populateNormalizationPatterns(RewritePatternSet &patterns) {
  patterns.add<LayerNormLowering, InstanceNormLowering, L2NormalizationLowering,
               GroupNormLowering, LRNLowering>(patterns.getContext());
}
