//===- ShapeInference.cpp - MXNet's FInferShape rules for sym ops ---------===//
//
// Each rule follows the MXNet 1.9 shape function named in the op's ODS
// description, including its backward refinements (batch size and strided
// extents from the output, Reshape's ReverseReshapeInferShape).
//
//===----------------------------------------------------------------------===//

#include "symc/Dialect/SymDialect.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir;
using namespace symc::sym;

namespace {
constexpr int64_t kUnknown = PartialShape::kUnknownDim;

/// `axis` normalized against `rank` (the shape's rank by default), or an
/// error "<what> <axis> is out of range for <shape>".
FailureOr<int64_t> resolveAxis(ShapeInferenceContext &ctx, StringRef what,
                               int64_t axis, const PartialShape &shape,
                               std::optional<int64_t> rank = std::nullopt) {
  if (std::optional<int64_t> normalized =
          normalizeAxis(axis, rank.value_or(shape.rank())))
    return *normalized;
  (void)ctx.emitError(what + " " + Twine(axis) + " is out of range for " +
                      shape.str());
  return failure();
}

int64_t mulDims(int64_t a, int64_t b) { return multiplyDims(a, b); }

/// Output extent of a convolution / pooling window along one axis.
int64_t windowOutput(int64_t in, int64_t kernel, int64_t stride, int64_t pad,
                     int64_t dilate, bool ceilMode) {
  if (in == kUnknown)
    return kUnknown;
  int64_t span = in + 2 * pad - (dilate * (kernel - 1) + 1);
  return 1 + (ceilMode ? llvm::divideCeil(span, stride) : span / stride);
}
} // namespace

//===----------------------------------------------------------------------===//
// NN ops
//===----------------------------------------------------------------------===//

LogicalResult FullyConnectedOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 1)
    return ctx.emitError("FullyConnected needs an input of rank >= 1");
  int64_t numHidden = getNumHidden();
  int64_t numInput = data[data.rank() - 1];
  if (getFlatten()) {
    numInput = 1;
    for (int64_t i = 1; i < data.rank(); ++i)
      numInput = mulDims(numInput, data[i]);
  }
  if (failed(ctx.assignInput(1, PartialShape({numHidden, numInput}))))
    return failure();
  if (getBias()) {
    // MXNet accepts a bias of shape (num_hidden,) or (num_hidden, 1).
    PartialShape bias = ctx.input(2);
    PartialShape want({numHidden});
    if (!PartialShape::merge(bias, want)) {
      want = PartialShape({numHidden, 1});
      if (!PartialShape::merge(bias, want))
        return ctx.emitError("Unexpected shape for bias " + bias.str());
    }
    if (failed(ctx.assignInput(2, want)))
      return failure();
  }
  PartialShape out = data;
  if (getFlatten())
    out = PartialShape({data[0], numHidden});
  else
    out[out.rank() - 1] = numHidden;
  if (failed(ctx.assignOutput(0, out)))
    return failure();
  // The batch size flows back from the output.
  data[0] = ctx.output(0)[0];
  return ctx.assignInput(0, data);
}

LogicalResult ConvolutionOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  size_t spatial = getKernel().size();
  if (data.rank() != (int64_t)spatial + 2) {
    static const char *const kLayouts[] = {"x", "y-x", "depth-y-x"};
    return ctx.emitError(
        "Check failed: dshp.ndim() == " + Twine(spatial + 2) + "U (" +
        Twine(data.rank()) + " vs. " + Twine(spatial + 2) +
        ") : Input data should be " + Twine(spatial + 2) + "D in batch-num_filter-" +
        (spatial >= 1 && spatial <= 3 ? kLayouts[spatial - 1] : "spatial"));
  }
  if (getLayout() && getLayout()->size() >= 2 && !getLayout()->starts_with("NC"))
    return ctx.emitError("layout " + *getLayout() +
                         " is not supported yet (only channel-first)");
  int64_t groups = getNumGroup(), filters = getNumFilter();
  if (data.isKnown(1) && data[1] % groups != 0)
    return ctx.emitError("input num_filter must divide group size");
  if (filters % groups != 0)
    return ctx.emitError("output num_filter must divide group size");
  SmallVector<int64_t> stride = getStrideOrDefault(), dilate = getDilateOrDefault(),
                       pad = getPadOrDefault();

  SmallVector<int64_t> weight = {filters, data.isKnown(1) ? data[1] / groups
                                                          : kUnknown};
  llvm::append_range(weight, getKernel());
  if (failed(ctx.assignInput(1, PartialShape(weight))))
    return failure();
  if (getBias() && failed(ctx.assignInput(2, PartialShape({filters}))))
    return failure();

  SmallVector<int64_t> out = {data[0], filters};
  for (size_t i = 0; i < spatial; ++i) {
    int64_t in = data[2 + i];
    int64_t dilatedKernel = dilate[i] * (getKernel()[i] - 1) + 1;
    if (in != kUnknown && dilatedKernel > in + 2 * pad[i])
      return ctx.emitError("kernel size exceed input");
    out.push_back(windowOutput(in, getKernel()[i], stride[i], pad[i],
                               dilate[i], /*ceilMode=*/false));
  }
  if (failed(ctx.assignOutput(0, PartialShape(out))))
    return failure();

  // Back-fill the batch size, and spatial extents where the stride is 1.
  const PartialShape &result = ctx.output(0);
  data[0] = result[0];
  for (size_t i = 0; i < spatial; ++i)
    if (stride[i] == 1 && result.isKnown(2 + i))
      data[2 + i] = result[2 + i] + dilate[i] * (getKernel()[i] - 1) - 2 * pad[i];
  return ctx.assignInput(0, data);
}

LogicalResult PoolingOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 3 || data.rank() > 5)
    return ctx.emitError("Pooling: Input data should be 3D in (batch, "
                         "channel, x) or 4D in (batch, channel, y, x) or 5D "
                         "in (batch, channel, d, y, x), got " + data.str());
  if (getLayout() && getLayout()->size() >= 2 && !getLayout()->starts_with("NC"))
    return ctx.emitError("layout " + *getLayout() +
                         " is not supported yet (only channel-first)");
  int64_t spatial = data.rank() - 2;
  PartialShape out = data;
  if (getGlobalPool()) {
    for (int64_t i = 0; i < spatial; ++i)
      out[2 + i] = 1;
    return ctx.assignOutput(0, out);
  }
  if ((int64_t)getKernel().size() != spatial)
    return ctx.emitError("kernel has " + Twine(getKernel().size()) +
                         " entries but the input has " + Twine(spatial) +
                         " spatial axes");
  SmallVector<int64_t> stride = tupleOrDefault(getStride(), spatial, 1);
  SmallVector<int64_t> pad = tupleOrDefault(getPad(), spatial, 0);
  PoolingConvention convention = getPoolingConvention();
  if (convention == PoolingConvention::same &&
      (spatial != 1 || llvm::any_of(pad, [](int64_t p) { return p != 0; })))
    return ctx.emitError("Pooling: pooling_convention 'same' is only "
                         "supported for 1-D pooling without pad");
  for (int64_t i = 0; i < spatial; ++i) {
    int64_t in = data[2 + i], kernel = getKernel()[i];
    if (in == kUnknown) {
      out[2 + i] = kUnknown;
      continue;
    }
    if (kernel > in + 2 * pad[i])
      return ctx.emitError("kernel size (" + Twine(kernel) +
                           ") exceeds input (" + Twine(in) + " padded to " +
                           Twine(in + 2 * pad[i]) + ")");
    if (convention == PoolingConvention::same)
      out[2 + i] = llvm::divideCeil(in, stride[i]);
    else
      out[2 + i] = windowOutput(in, kernel, stride[i], pad[i], 1,
                                convention == PoolingConvention::full);
  }
  return ctx.assignOutput(0, out);
}

LogicalResult ActivationOp::inferShapes(ShapeInferenceContext &ctx) {
  return ctx.inferSameShape();
}

LogicalResult LeakyReLUOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = PartialShape::merge(ctx.input(0), ctx.output(0))
                          .value_or(ctx.input(0));
  if (failed(ctx.assignOutput(0, data)) || failed(ctx.assignInput(0, data)))
    return failure();
  if (getMask() && failed(ctx.assignOutput(1, data)))
    return failure();
  if (!getGamma() || !data.hasRank())
    return success();
  if (data.rank() < 1)
    return ctx.emitError("LeakyReLU: prelu needs an input of rank >= 1");
  // MXNet fills an unknown gamma with (C,); a given (1,) gamma broadcasts.
  const PartialShape &gamma = ctx.input(1);
  if (gamma.hasRank() && gamma.rank() == 1 && gamma.isKnown(0) && gamma[0] == 1)
    return success();
  return ctx.assignInput(1, PartialShape({data.rank() == 1 ? 1 : data[1]}));
}

LogicalResult BatchNormOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  std::optional<int64_t> axis = normalizeAxis(getAxis(), data.rank());
  if (!axis)
    return ctx.emitError("axis " + Twine(getAxis()) + " is out of range for " +
                         data.str());
  // MXNet's BatchNormShape assigns the parameter shapes outright: a given
  // gamma of another size is replaced, not reported.
  PartialShape channel({data[*axis]});
  for (unsigned i = 1; i < 5; ++i)
    ctx.overwriteInput(i, channel);
  if (failed(ctx.assignOutput(0, data)) || failed(ctx.assignOutput(1, channel)) ||
      failed(ctx.assignOutput(2, channel)))
    return failure();
  return ctx.assignInput(0, ctx.output(0));
}

LogicalResult DropoutOp::inferShapes(ShapeInferenceContext &ctx) {
  return ctx.inferSameShape();
}

LogicalResult SoftmaxOutputOp::inferShapes(ShapeInferenceContext &ctx) {
  if (failed(ctx.assignOutput(0, ctx.input(0))) ||
      failed(ctx.assignInput(0, ctx.output(0))))
    return failure();
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < (getMultiOutput() ? 2 : 1))
    return ctx.emitError("SoftmaxOutput: the data needs rank >= " +
                         Twine(getMultiOutput() ? 2 : 1) + ", got " +
                         data.str());
  PartialShape label = ctx.input(1);
  if (getMultiOutput()) {
    // (N, C, d...) takes a label (N, d...), (N, 1, d...) or, by default,
    // (N, prod(d...)).
    SmallVector<int64_t> spatial = {data[0]}, withOne = {data[0], 1};
    int64_t rest = 1;
    for (int64_t i = 2; i < data.rank(); ++i) {
      spatial.push_back(data[i]);
      withOne.push_back(data[i]);
      rest = mulDims(rest, data[i]);
    }
    for (const PartialShape &form : {PartialShape(spatial), PartialShape(withOne)})
      if (label.isComplete() && PartialShape::merge(label, form) == label)
        return success();
    return ctx.assignInput(1, PartialShape({data[0], rest}));
  }
  // A label shaped like the data holds probabilities; otherwise it drops the
  // last axis.
  if (label.hasRank() && label.rank() == data.rank())
    return ctx.assignInput(1, data);
  return ctx.assignInput(1, PartialShape(data.getDims().drop_back()));
}

LogicalResult SoftmaxActivationOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  bool channel = getMode() == SoftmaxActivationMode::channel;
  if (data.hasRank() && data.rank() < (channel ? 3 : 1))
    return ctx.emitError("SoftmaxActivation: mode '" +
                         stringifySoftmaxActivationMode(getMode()) +
                         "' needs rank >= " + Twine(channel ? 3 : 1) +
                         ", got " + data.str());
  return ctx.inferSameShape();
}

template <typename OpTy>
static LogicalResult inferSoftmaxFamilyShape(OpTy op, ShapeInferenceContext &ctx) {
  if (failed(ctx.assignOutput(0, ctx.input(0))) ||
      failed(ctx.assignInput(0, ctx.output(0))))
    return failure();
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "softmax: axis", op.getAxis(), data);
  if (failed(axis))
    return failure();
  if (!op.getLength())
    return success();
  SmallVector<int64_t> dims(data.getDims());
  dims.erase(dims.begin() + *axis);
  return ctx.assignInput(1, PartialShape(dims));
}

/// SoftmaxOpType: the output is `dtype` when given (the data keeps its own
/// dtype), else the data's; the lengths keep theirs.
template <typename OpTy>
static LogicalResult inferSoftmaxFamilyType(OpTy op, TypeInferenceContext &ctx) {
  if (std::optional<Type> dtype = op.getDtype()) {
    if (failed(ctx.assignOutput(0, *dtype)))
      return failure();
    return ctx.input(0) ? success() : ctx.assignInput(0, *dtype);
  }
  Type type = ctx.input(0) ? ctx.input(0) : ctx.output(0);
  if (!type)
    return success();
  if (failed(ctx.assignInput(0, type)))
    return failure();
  return ctx.assignOutput(0, type);
}

LogicalResult SoftmaxOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferSoftmaxFamilyShape(*this, ctx);
}
LogicalResult LogSoftmaxOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferSoftmaxFamilyShape(*this, ctx);
}
LogicalResult SoftminOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferSoftmaxFamilyShape(*this, ctx);
}
LogicalResult SoftmaxOp::inferTypes(TypeInferenceContext &ctx) {
  return inferSoftmaxFamilyType(*this, ctx);
}
LogicalResult LogSoftmaxOp::inferTypes(TypeInferenceContext &ctx) {
  return inferSoftmaxFamilyType(*this, ctx);
}
LogicalResult SoftminOp::inferTypes(TypeInferenceContext &ctx) {
  return inferSoftmaxFamilyType(*this, ctx);
}

/// RegressionOutputShape: output = data; an unknown label is (N,) for
/// (N, 1) data and the data's shape otherwise; a known one must agree in
/// its first axis and its size.
template <typename OpTy>
static LogicalResult inferRegressionShape(OpTy, ShapeInferenceContext &ctx) {
  if (failed(ctx.inferSameShapeOf(0, 0)))
    return failure();
  const PartialShape &data = ctx.input(0), &label = ctx.input(1);
  if (!data.hasRank())
    return success();
  if (!label.hasRank()) {
    if (data.rank() == 2 && data[1] == 1)
      return ctx.assignInput(1, PartialShape({data[0]}));
    return ctx.assignInput(1, data);
  }
  if (data.isComplete() && label.isComplete() &&
      (label.rank() == 0 || label[0] != data[0] ||
       label.numElements() != data.numElements()))
    return ctx.emitError("Shape inconsistent, Provided = " + label.str() +
                         ", inferred shape=" + data.str(true));
  return success();
}
LogicalResult LinearRegressionOutputOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferRegressionShape(*this, ctx);
}
LogicalResult MAERegressionOutputOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferRegressionShape(*this, ctx);
}
LogicalResult LogisticRegressionOutputOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferRegressionShape(*this, ctx);
}

//===----------------------------------------------------------------------===//
// Tensor ops
//===----------------------------------------------------------------------===//

LogicalResult FlattenOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 1)
    return ctx.emitError("Flatten needs an input of rank >= 1");
  int64_t rest = 1;
  for (int64_t i = 1; i < data.rank(); ++i)
    rest = mulDims(rest, data[i]);
  return ctx.assignOutput(0, PartialShape({data[0], rest}));
}

namespace {
/// MXNet's InferReshapeShape: applies the special codes of `spec` to `data`.
FailureOr<PartialShape> applyReshapeCodes(ShapeInferenceContext &ctx,
                                          ArrayRef<int64_t> spec,
                                          const PartialShape &data,
                                          bool reverse) {
  SmallVector<int64_t> src(data.getDims()), codes(spec);
  if (reverse) {
    std::reverse(src.begin(), src.end());
    std::reverse(codes.begin(), codes.end());
  }
  SmallVector<int64_t> out;
  size_t srcIdx = 0;
  int64_t inferIdx = -1;
  auto needSource = [&](size_t n) -> LogicalResult {
    if (srcIdx + n > src.size())
      return ctx.emitError("Reshape: shape " + PartialShape(spec).str(true) +
                           " uses more dimensions than the input " +
                           data.str(true) + " has");
    return success();
  };
  for (size_t i = 0; i < codes.size(); ++i) {
    int64_t code = codes[i];
    if (code == 0) {
      if (failed(needSource(1)))
        return failure();
      out.push_back(src[srcIdx++]);
    } else if (code == -1) {
      if (inferIdx >= 0)
        return ctx.emitError("Reshape: One and only one dim can be inferred");
      inferIdx = out.size();
      out.push_back(1);
      ++srcIdx;
    } else if (code == -2) {
      while (srcIdx < src.size())
        out.push_back(src[srcIdx++]);
    } else if (code == -3) {
      if (failed(needSource(2)))
        return failure();
      out.push_back(mulDims(src[srcIdx], src[srcIdx + 1]));
      srcIdx += 2;
    } else if (code == -4) {
      if (i + 2 >= codes.size())
        return ctx.emitError("Reshape: -4 must be followed by two dims");
      if (failed(needSource(1)))
        return failure();
      int64_t d0 = src[srcIdx++], d1 = codes[++i], d2 = codes[++i];
      if (d1 == -1 && d2 == -1)
        return ctx.emitError("Reshape: Split dims cannot both be -1.");
      if (d1 == -1 && d0 >= 0)
        d1 = d2 ? d0 / d2 : 0;
      if (d2 == -1 && d0 >= 0)
        d2 = d1 ? d0 / d1 : 0;
      if (d0 >= 0 && d1 * d2 != d0)
        return ctx.emitError("Reshape: Split dims " + Twine(d1) + ", " +
                             Twine(d2) + " do not divide original dim " +
                             Twine(d0));
      out.push_back(d1);
      out.push_back(d2);
    } else if (code > 0) {
      out.push_back(code);
      ++srcIdx;
    } else {
      return ctx.emitError("Reshape: invalid shape code " + Twine(code));
    }
  }
  if (inferIdx >= 0) {
    int64_t known = 1;
    for (int64_t d : out)
      known = mulDims(known, d);
    int64_t total = data.numElements();
    out[inferIdx] = (total == kUnknown || known == kUnknown || known == 0)
                        ? kUnknown
                        : total / known;
  }
  if (reverse)
    std::reverse(out.begin(), out.end());
  return PartialShape(out);
}

/// MXNet's ReverseReshapeInferShape: one unknown input dim from the output.
PartialShape reverseReshape(PartialShape in, const PartialShape &out) {
  if (!out.isComplete() || in.isComplete() || in.numUnknown() != 1)
    return in;
  int64_t known = 1;
  int64_t unknownAxis = 0;
  for (int64_t i = 0; i < in.rank(); ++i) {
    if (in.isKnown(i))
      known *= in[i];
    else
      unknownAxis = i;
  }
  if (known != 0)
    in[unknownAxis] = out.numElements() / known;
  return in;
}

/// The deprecated target_shape form: 0 marks the one dim to infer.
PartialShape applyTargetShape(ArrayRef<int64_t> target, const PartialShape &data,
                              bool keepHighest) {
  SmallVector<int64_t> out(target);
  if (keepHighest && !out.empty())
    out[0] = data[0];
  int64_t zeros = 0, inferIdx = 0, known = 1;
  for (size_t i = keepHighest ? 1 : 0; i < out.size(); ++i) {
    if (out[i] == 0) {
      ++zeros;
      inferIdx = i;
    }
  }
  for (size_t i = 0; i < out.size(); ++i)
    if (!(zeros == 1 && (int64_t)i == inferIdx))
      known = mulDims(known, out[i]);
  if (zeros == 1)
    out[inferIdx] = (data.isComplete() && known > 0 && known != kUnknown)
                        ? data.numElements() / known
                        : kUnknown;
  return PartialShape(out);
}
} // namespace

LogicalResult ReshapeOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  PartialShape out;
  if (!getShape().empty()) {
    FailureOr<PartialShape> shape =
        applyReshapeCodes(ctx, getShape(), data, getReverse());
    if (failed(shape))
      return failure();
    out = *shape;
  } else if (!getTargetShape().empty()) {
    out = applyTargetShape(getTargetShape(), data, getKeepHighest());
  } else {
    return ctx.assignInput(0, reverseReshape(data, ctx.output(0)));
  }
  // No size check: MXNet 1.9.1 compiles it out of ReshapeShape (#if 0),
  // so inference succeeds and the lowering reports the mismatch.
  data = reverseReshape(data, out);
  if (failed(ctx.assignOutput(0, out)))
    return failure();
  return ctx.assignInput(0, reverseReshape(data, ctx.output(0)));
}

LogicalResult TransposeOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0), out = ctx.output(0);
  int64_t rank = data.hasRank() ? data.rank() : out.rank();
  if (rank < 0)
    return success();
  SmallVector<int64_t> perm = getPermutation(rank);
  if ((int64_t)perm.size() != rank)
    return ctx.emitError("transpose: axes " + PartialShape(perm).str(true) +
                         " do not match an input of rank " + Twine(rank));
  PartialShape fwd = PartialShape::ofRank(rank), bwd = PartialShape::ofRank(rank);
  for (int64_t i = 0; i < rank; ++i) {
    if (perm[i] < 0 || perm[i] >= rank)
      return ctx.emitError("transpose: axis " + Twine(perm[i]) +
                           " is out of range");
    if (data.hasRank())
      fwd[i] = data[perm[i]];
    if (out.hasRank())
      bwd[perm[i]] = out[i];
  }
  if (failed(ctx.assignOutput(0, fwd)))
    return failure();
  return ctx.assignInput(0, bwd);
}

LogicalResult ConcatOp::inferShapes(ShapeInferenceContext &ctx) {
  // MXNet's ConcatShape, quirks included: the common shape (the concat
  // axis masked) is merged from the inputs and the output ignoring
  // conflicts, which are then reported input by input; the output extent
  // is the sum over the inputs of known rank (an input of unknown rank
  // does not make it unknown).
  PartialShape common;
  int64_t axis = -1, total = 0;
  bool unknownExtent = false;
  auto maskAxis = [&](PartialShape s) -> FailureOr<PartialShape> {
    FailureOr<int64_t> a = resolveAxis(ctx, "Concat: dim", getDim(), s);
    if (failed(a))
      return failure();
    axis = *a;
    s[axis] = kUnknown;
    return s;
  };
  for (const PartialShape &in : ctx.getInputs()) {
    if (!in.hasRank())
      continue;
    FailureOr<PartialShape> masked = maskAxis(in);
    if (failed(masked))
      return failure();
    unknownExtent |= in[axis] == kUnknown;
    total += in[axis] == kUnknown ? 0 : in[axis];
    if (std::optional<PartialShape> merged = PartialShape::merge(common, *masked))
      common = *merged;
  }
  if (ctx.output(0).hasRank()) {
    FailureOr<PartialShape> masked = maskAxis(ctx.output(0));
    if (failed(masked))
      return failure();
    if (std::optional<PartialShape> merged = PartialShape::merge(common, *masked))
      common = *merged;
  }
  if (!common.hasRank())
    return success();
  if (common.rank() == 0)
    return ctx.emitError("zero-dimensional arrays cannot be concatenated");
  for (unsigned i = 0; i < ctx.getNumInputs(); ++i) {
    if (!PartialShape::merge(ctx.input(i), common))
      return ctx.emitError("Check failed: shape_assign(&(*in_shape)[i], dshape): "
                           "Incompatible input shape: expected " +
                           common.str() + ", got " + ctx.input(i).str());
    if (failed(ctx.assignInput(i, common)))
      return failure();
  }
  if (!unknownExtent)
    common[axis] = total;
  if (!PartialShape::merge(ctx.output(0), common))
    return ctx.emitError("Check failed: shape_assign(&(*out_shape)[0], dshape): "
                         "Incompatible output shape: expected " +
                         common.str() + ", got " + ctx.output(0).str());
  return ctx.assignOutput(0, common);
}

LogicalResult SliceChannelOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "SliceChannel: axis", getAxis(), data);
  if (failed(axis))
    return failure();
  int64_t n = getNumOutputs(), extent = data[*axis];
  if (extent != kUnknown && extent % n != 0)
    return ctx.emitError(
        "Check failed: dshape[real_axis] % param_.num_outputs == 0U (" +
        Twine(extent % n) + " vs. 0) : You are trying to split the " +
        Twine(*axis) + "-th axis of input tensor with shape " + data.str() +
        " into num_outputs=" + Twine(n) +
        " evenly sized chunks, but this is not possible because " + Twine(n) +
        " does not evenly divide " + Twine(extent));
  if (extent != kUnknown && getSqueezeAxis() && extent != n)
    return ctx.emitError("Check failed: ishape[real_axis] == param_.num_outputs (" +
                         Twine(extent) + " vs. " + Twine(n) +
                         ") : If squeeze axis is True, the size of the sliced "
                         "axis must be the same as num_outputs. Input shape=" +
                         data.str() + ", axis=" + Twine(*axis) +
                         ", num_outputs=" + Twine(n) + ".");
  SmallVector<int64_t> part(data.getDims());
  part[*axis] = extent == kUnknown ? kUnknown : extent / n;
  if (getSqueezeAxis())
    part.erase(part.begin() + *axis);
  for (unsigned i = 0; i < ctx.getNumOutputs(); ++i)
    if (failed(ctx.assignOutput(i, PartialShape(part))))
      return failure();
  return success();
}

LogicalResult CastOp::inferShapes(ShapeInferenceContext &ctx) {
  return ctx.inferSameShape();
}
LogicalResult CastOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, getDtype());
}
LogicalResult AmpCastOp::inferShapes(ShapeInferenceContext &ctx) {
  return ctx.inferSameShape();
}
LogicalResult AmpCastOp::inferTypes(TypeInferenceContext &ctx) {
  // AMP casts floats only; other dtypes pass through.
  Type in = ctx.input(0);
  if (in && !isa<FloatType>(in))
    return ctx.assignOutput(0, in);
  return ctx.assignOutput(0, getDtype());
}

//===----------------------------------------------------------------------===//
// Broadcasting binary ops
//===----------------------------------------------------------------------===//

namespace {
/// MXNet's BinaryBroadcastShape: pad the shorter shape with leading 1s;
/// each axis must agree or be 1 on one side.
LogicalResult inferBroadcastShape(ShapeInferenceContext &ctx) {
  const PartialShape &lhs = ctx.input(0), &rhs = ctx.input(1);
  if (!lhs.hasRank() || !rhs.hasRank())
    return success();
  int64_t rank = std::max(lhs.rank(), rhs.rank());
  PartialShape out = PartialShape::ofRank(rank);
  for (int64_t i = 0; i < rank; ++i) {
    int64_t li = i - (rank - lhs.rank()), ri = i - (rank - rhs.rank());
    int64_t l = li >= 0 ? lhs[li] : 1, r = ri >= 0 ? rhs[ri] : 1;
    if (l == kUnknown || r == kUnknown)
      out[i] = (l == 1) ? r : (r == 1 ? l : kUnknown);
    else if (l == r || r == 1)
      out[i] = l;
    else if (l == 1)
      out[i] = r;
    else
      return ctx.emitError("Check failed: l == 1 || r == 1: operands could "
                           "not be broadcast together with shapes " +
                           lhs.str() + " " + rhs.str());
  }
  return ctx.assignOutput(0, out);
}
} // namespace

#define SYM_BROADCAST_SHAPE(OP)                                                \
  LogicalResult OP::inferShapes(ShapeInferenceContext &ctx) {                  \
    return inferBroadcastShape(ctx);                                           \
  }
SYM_BROADCAST_SHAPE(BroadcastAddOp)
SYM_BROADCAST_SHAPE(BroadcastSubOp)
SYM_BROADCAST_SHAPE(BroadcastMulOp)
SYM_BROADCAST_SHAPE(BroadcastDivOp)
SYM_BROADCAST_SHAPE(BroadcastModOp)
SYM_BROADCAST_SHAPE(BroadcastPowerOp)
SYM_BROADCAST_SHAPE(BroadcastMaximumOp)
SYM_BROADCAST_SHAPE(BroadcastMinimumOp)
SYM_BROADCAST_SHAPE(BroadcastHypotOp)
SYM_BROADCAST_SHAPE(BroadcastEqualOp)
SYM_BROADCAST_SHAPE(BroadcastNotEqualOp)
SYM_BROADCAST_SHAPE(BroadcastGreaterOp)
SYM_BROADCAST_SHAPE(BroadcastGreaterEqualOp)
SYM_BROADCAST_SHAPE(BroadcastLesserOp)
SYM_BROADCAST_SHAPE(BroadcastLesserEqualOp)
SYM_BROADCAST_SHAPE(BroadcastLogicalAndOp)
SYM_BROADCAST_SHAPE(BroadcastLogicalOrOp)
SYM_BROADCAST_SHAPE(BroadcastLogicalXorOp)
#undef SYM_BROADCAST_SHAPE

//===----------------------------------------------------------------------===//
// expand_dims, broadcast_axis, broadcast_to
//===----------------------------------------------------------------------===//

LogicalResult ExpandDimsOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "expand_dims: axis", getAxis(), data, data.rank() + 1);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims(data.getDims());
  dims.insert(dims.begin() + *axis, 1);
  return ctx.assignOutput(0, PartialShape(dims));
}

LogicalResult BroadcastAxisOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape out = ctx.input(0);
  if (!out.hasRank())
    return success();
  if (getAxis().size() != getSize().size())
    return ctx.emitError("broadcast_axis: axis and size must have the same "
                         "length");
  for (auto [axis, size] : llvm::zip(getAxis(), getSize())) {
    FailureOr<int64_t> a =
        resolveAxis(ctx, "broadcast_axis: axis", axis, out);
    if (failed(a))
      return failure();
    if (out.isKnown(*a) && out[*a] != 1)
      return ctx.emitError("broadcast_axis: axis " + Twine(*a) +
                           " must have size 1, got " + Twine(out[*a]));
    out[*a] = size;
  }
  return ctx.assignOutput(0, out);
}

LogicalResult BroadcastToOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  ArrayRef<int64_t> target = getShape();
  if ((int64_t)target.size() != data.rank())
    return ctx.emitError("broadcast_to: shape " + PartialShape(target).str(true) +
                         " must have the input's rank " + Twine(data.rank()));
  PartialShape out = data;
  for (int64_t i = 0; i < data.rank(); ++i) {
    if (target[i] == 0)
      continue;
    if (data.isKnown(i) && data[i] != 1 && data[i] != target[i])
      return ctx.emitError("broadcast_to: cannot broadcast " + data.str(true) +
                           " to " + PartialShape(target).str(true));
    out[i] = target[i];
  }
  return ctx.assignOutput(0, out);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

namespace {
/// ReduceAxesShape for any reduce op.
template <typename OpTy>
LogicalResult inferReduceShape(OpTy op, ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  std::optional<SmallVector<int64_t>> axes = op.getReducedAxes(data.rank());
  if (!axes)
    return ctx.emitError("axis " + PartialShape(op.getAxis()).str(true) +
                         " is out of range for " + data.str());
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < data.rank(); ++i) {
    if (!llvm::is_contained(*axes, i))
      dims.push_back(data[i]);
    else if (op.getKeepdims())
      dims.push_back(1);
  }
  if (dims.empty())
    dims.push_back(1); // MXNet 1.x has no rank-0 results
  return ctx.assignOutput(0, PartialShape(dims));
}

template <typename OpTy>
std::optional<SmallVector<int64_t>> reducedAxes(OpTy op, int64_t rank) {
  SmallVector<int64_t> listed;
  for (int64_t axis : op.getAxis()) {
    std::optional<int64_t> a = normalizeAxis(axis, rank);
    if (!a)
      return std::nullopt;
    listed.push_back(*a);
  }
  SmallVector<int64_t> axes;
  for (int64_t i = 0; i < rank; ++i) {
    bool isListed = llvm::is_contained(listed, i);
    // No axis means every axis (and, with exclude, none).
    bool reduce = op.getAxis().empty() ? !op.getExclude()
                                       : isListed != op.getExclude();
    if (reduce)
      axes.push_back(i);
  }
  return axes;
}
} // namespace

#define SYM_REDUCE_SHAPE(OP)                                                   \
  LogicalResult OP::inferShapes(ShapeInferenceContext &ctx) {                  \
    return inferReduceShape(*this, ctx);                                       \
  }                                                                            \
  std::optional<SmallVector<int64_t>> OP::getReducedAxes(int64_t rank) {       \
    return reducedAxes(*this, rank);                                           \
  }
SYM_REDUCE_SHAPE(SumOp)
SYM_REDUCE_SHAPE(MeanOp)
SYM_REDUCE_SHAPE(ProdOp)
SYM_REDUCE_SHAPE(MaxOp)
SYM_REDUCE_SHAPE(MinOp)
SYM_REDUCE_SHAPE(NansumOp)
SYM_REDUCE_SHAPE(NanprodOp)
#undef SYM_REDUCE_SHAPE

//===----------------------------------------------------------------------===//
// dot, batch_dot
//===----------------------------------------------------------------------===//

LogicalResult DotOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape lhs = ctx.input(0), rhs = ctx.input(1);
  if (!lhs.hasRank() || !rhs.hasRank())
    return success();
  if (lhs.rank() < 1 || rhs.rank() < 1)
    return ctx.emitError("dot needs inputs of rank >= 1");
  auto reversed = [](const PartialShape &s) {
    SmallVector<int64_t> dims(s.getDims().rbegin(), s.getDims().rend());
    return PartialShape(dims);
  };
  if (getTransposeA())
    lhs = reversed(lhs);
  if (getTransposeB())
    rhs = reversed(rhs);
  int64_t kl = lhs[lhs.rank() - 1], kr = rhs[0];
  if (kl != kUnknown && kr != kUnknown && kl != kr)
    return ctx.emitError("Check failed: L[!Ta].Size() == R[Tb].Size() (" +
                         Twine(kl) + " vs. " + Twine(kr) +
                         ") : dot shape error: " + ctx.input(0).str() + " X " +
                         ctx.input(1).str());
  SmallVector<int64_t> out(lhs.getDims().drop_back());
  llvm::append_range(out, rhs.getDims().drop_front());
  if (out.empty())
    out.push_back(1);
  return ctx.assignOutput(0, PartialShape(out));
}

LogicalResult BatchDotOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &lhs = ctx.input(0), &rhs = ctx.input(1);
  if (!lhs.hasRank() || !rhs.hasRank())
    return success();
  // (B..., M, K) x (B..., K, N), the leading batch axes equal.
  int64_t rank = lhs.rank();
  if (rank < 3 || rhs.rank() != rank)
    return ctx.emitError("batch_dot: lhs and rhs must have the same rank >= 3, "
                         "got " + lhs.str(true) + " and " + rhs.str(true));
  int64_t m = getTransposeA() ? lhs[rank - 1] : lhs[rank - 2];
  int64_t kl = getTransposeA() ? lhs[rank - 2] : lhs[rank - 1];
  int64_t kr = getTransposeB() ? rhs[rank - 1] : rhs[rank - 2];
  int64_t n = getTransposeB() ? rhs[rank - 2] : rhs[rank - 1];
  auto mismatch = [&](StringRef check, int64_t l, int64_t r, StringRef what) {
    return ctx.emitError("Check failed: " + check + " (" + Twine(l) + " vs. " +
                         Twine(r) + ") : batch_dot shape error " + what + ": " +
                         lhs.str() + " X " + rhs.str() + " trans_a=" +
                         Twine((int)getTransposeA()) +
                         " trans_b=" + Twine((int)getTransposeB()));
  };
  SmallVector<int64_t> out;
  for (int64_t i = 0; i < rank - 2; ++i) {
    if (lhs.isKnown(i) && rhs.isKnown(i) && lhs[i] != rhs[i])
      return mismatch("lshape[i] == rshape[i]", lhs[i], rhs[i],
                      "(the leading batch dimensions must be equal)");
    out.push_back(lhs.isKnown(i) ? lhs[i] : rhs[i]);
  }
  if (kl != kUnknown && kr != kUnknown && kl != kr)
    return mismatch("lshape_k == rshape_k", kl, kr, "(shape mismatch)");
  out.push_back(m);
  out.push_back(n);
  return ctx.assignOutput(0, PartialShape(out));
}

//===----------------------------------------------------------------------===//
// LayerNorm, Embedding
//===----------------------------------------------------------------------===//

LogicalResult LayerNormOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "LayerNorm: axis", getAxis(), data);
  if (failed(axis))
    return failure();
  PartialShape channel({data[*axis]}), stats = data;
  stats[*axis] = 1;
  if (failed(ctx.assignInput(1, channel)) || failed(ctx.assignInput(2, channel)) ||
      failed(ctx.assignOutput(0, data)) || failed(ctx.assignOutput(1, stats)))
    return failure();
  return ctx.assignOutput(2, stats);
}

LogicalResult EmbeddingOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getInputDim() < 1 || getOutputDim() < 1)
    return ctx.emitError("Embedding: input_dim and output_dim must be positive");
  if (failed(ctx.assignInput(1, PartialShape({getInputDim(), getOutputDim()}))))
    return failure();
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  SmallVector<int64_t> out(data.getDims());
  out.push_back(getOutputDim());
  return ctx.assignOutput(0, PartialShape(out));
}

LogicalResult EmbeddingOp::inferTypes(TypeInferenceContext &ctx) {
  // Indices keep their own dtype; the output has the weight's (dtype attr).
  // MXNet's Embedding: the weight and output take the dtype attribute
  // (float32 by default) unless the weight's is known.
  Type weight = ctx.input(1) ? ctx.input(1) : ctx.output(0);
  if (!weight)
    weight = getDtype() ? *getDtype() : Float32Type::get(getContext());
  if (failed(ctx.assignInput(1, weight)))
    return failure();
  return ctx.assignOutput(0, weight);
}

//===----------------------------------------------------------------------===//
// slice_axis, squeeze, stack
//===----------------------------------------------------------------------===//

LogicalResult SliceAxisOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape out = ctx.input(0);
  if (!out.hasRank())
    return success();
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "slice_axis: axis", getAxis(), out);
  if (failed(axis))
    return failure();
  int64_t dim = out[*axis];
  if (dim == kUnknown) {
    out[*axis] = kUnknown;
    return ctx.assignOutput(0, out);
  }
  int64_t begin = getBegin() < 0 ? getBegin() + dim : getBegin();
  int64_t end = getEnd() ? (*getEnd() < 0 ? *getEnd() + dim : *getEnd()) : dim;
  if (begin < 0 || end > dim || begin >= end)
    return ctx.emitError("slice_axis: invalid begin/end for axis " +
                         Twine(*axis) + " of " + out.str());
  out[*axis] = end - begin;
  return ctx.assignOutput(0, out);
}

LogicalResult SqueezeOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  SmallVector<int64_t> axes;
  for (int64_t axis : getAxis()) {
    std::optional<int64_t> a = normalizeAxis(axis, data.rank());
    if (!a)
      return ctx.emitError("squeeze: axis " + Twine(axis) + " is out of range");
    if (data.isKnown(*a) && data[*a] != 1)
      return ctx.emitError("squeeze: axis " + Twine(*a) +
                           " does not have size 1 in " + data.str());
    axes.push_back(*a);
  }
  SmallVector<int64_t> dims;
  for (int64_t i = 0; i < data.rank(); ++i) {
    bool drop = getAxis().empty() ? data[i] == 1 : llvm::is_contained(axes, i);
    if (!drop)
      dims.push_back(data[i]);
  }
  if (dims.empty())
    dims.push_back(1);
  return ctx.assignOutput(0, PartialShape(dims));
}

LogicalResult StackOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape common;
  for (const PartialShape &in : ctx.getInputs()) {
    std::optional<PartialShape> merged = PartialShape::merge(common, in);
    if (!merged)
      return ctx.emitError("stack: inputs must have the same shape, got " +
                           common.str() + " and " + in.str());
    common = *merged;
  }
  if (!common.hasRank())
    return success();
  for (unsigned i = 0; i < ctx.getNumInputs(); ++i)
    if (failed(ctx.assignInput(i, common)))
      return failure();
  std::optional<int64_t> axis = normalizeAxis(getAxis(), common.rank() + 1);
  if (!axis)
    return ctx.emitError("stack: axis " + Twine(getAxis()) + " is out of range");
  SmallVector<int64_t> dims(common.getDims());
  dims.insert(dims.begin() + *axis, ctx.getNumInputs());
  return ctx.assignOutput(0, PartialShape(dims));
}

//===----------------------------------------------------------------------===//
// Ops without inputs, SequenceMask
//===----------------------------------------------------------------------===//

namespace {
/// A shape attribute in legacy semantics: 0 is unknown.
PartialShape shapeFromAttr(ArrayRef<int64_t> dims) {
  SmallVector<int64_t> out;
  for (int64_t d : dims)
    out.push_back(d == 0 ? kUnknown : d);
  return PartialShape(out);
}

LogicalResult assignDType(TypeInferenceContext &ctx, std::optional<Type> dtype) {
  return ctx.assignOutput(
      0, dtype ? *dtype : Float32Type::get(ctx.getOp()->getContext()));
}
} // namespace

#define SYM_FILL_INFERENCE(OP)                                                 \
  LogicalResult OP::inferShapes(ShapeInferenceContext &ctx) {                  \
    if (llvm::any_of(getShape(), [](int64_t d) { return d < 0; }))             \
      return ctx.emitError("shape " + PartialShape(getShape()).str(true) +     \
                           " has a negative dimension");                       \
    return ctx.assignOutput(0, shapeFromAttr(getShape()));                     \
  }                                                                            \
  LogicalResult OP::inferTypes(TypeInferenceContext &ctx) {                    \
    return assignDType(ctx, getDtype());                                       \
  }
SYM_FILL_INFERENCE(ZerosOp)
SYM_FILL_INFERENCE(OnesOp)
SYM_FILL_INFERENCE(FullOp)
#undef SYM_FILL_INFERENCE

LogicalResult ArangeOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getInferRange())
    return success(); // the consumer decides; left unknown
  double start = getStart().convertToDouble(), step = getStep().convertToDouble();
  double stop = getStop() ? getStop()->convertToDouble() : start;
  if (!getStop())
    start = 0;
  if (step == 0 || getRepeat() < 1)
    return ctx.emitError("_arange: step must be non-zero and repeat positive");
  double count = std::ceil((stop - start) / step);
  if (!(count >= 0) || count > double(int64_t(1) << 40))
    return ctx.emitError("_arange: invalid range");
  return ctx.assignOutput(0, PartialShape({int64_t(count) * getRepeat()}));
}

LogicalResult ArangeOp::inferTypes(TypeInferenceContext &ctx) {
  return assignDType(ctx, getDtype());
}

LogicalResult SequenceMaskOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getAxis() != 0 && getAxis() != 1)
    return ctx.emitError("SequenceMask: axis must be 0 or 1");
  if (failed(ctx.inferSameShapeOf(0, 0)))
    return failure();
  const PartialShape &data = ctx.input(0);
  if (!getSequenceLength() || !data.hasRank())
    return success();
  if (data.rank() < 2)
    return ctx.emitError("SequenceMask needs data of rank >= 2");
  return ctx.assignInput(1, PartialShape({data[getAxis() == 0 ? 1 : 0]}));
}

//===----------------------------------------------------------------------===//
// SwapAxis, reverse, tile, repeat, reshape_like, broadcast_like
//===----------------------------------------------------------------------===//

LogicalResult SwapAxisOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape out = ctx.input(0);
  if (!out.hasRank())
    return success();
  std::optional<int64_t> a = normalizeAxis(getDim1(), out.rank());
  std::optional<int64_t> b = normalizeAxis(getDim2(), out.rank());
  if (!a || !b)
    return ctx.emitError("SwapAxis: dim1/dim2 out of range for " + out.str());
  std::swap(out[*a], out[*b]);
  return ctx.assignOutput(0, out);
}

LogicalResult ReverseOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (data.hasRank())
    for (int64_t axis : getAxis())
      if (!normalizeAxis(axis, data.rank()))
        return ctx.emitError("reverse: axis " + Twine(axis) +
                             " is out of range for " + data.str());
  return ctx.inferSameShapeOf(0, 0);
}

LogicalResult TileOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  ArrayRef<int64_t> reps = getReps();
  if (llvm::any_of(reps, [](int64_t r) { return r < 0; }))
    return ctx.emitError("tile: reps must be non-negative");
  int64_t rank = std::max<int64_t>(data.rank(), reps.size());
  SmallVector<int64_t> out;
  for (int64_t i = 0; i < rank; ++i) {
    int64_t di = i - (rank - data.rank()), ri = i - (rank - (int64_t)reps.size());
    out.push_back(mulDims(di >= 0 ? data[di] : 1, ri >= 0 ? reps[ri] : 1));
  }
  return ctx.assignOutput(0, PartialShape(out));
}

LogicalResult RepeatOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (getRepeats() < 0)
    return ctx.emitError("repeat: repeats must be non-negative");
  if (!getAxis())
    return ctx.assignOutput(0, PartialShape({mulDims(data.numElements(), getRepeats())}));
  std::optional<int64_t> axis = normalizeAxis(*getAxis(), data.rank());
  if (!axis)
    return ctx.emitError("repeat: axis out of range for " + data.str());
  data[*axis] = mulDims(data[*axis], getRepeats());
  return ctx.assignOutput(0, data);
}

namespace {
/// The lhs dtype for the output; rhs only lends its shape.
LogicalResult inferLhsType(TypeInferenceContext &ctx) {
  Type type = ctx.input(0) ? ctx.input(0) : ctx.output(0);
  if (!type)
    return success();
  if (failed(ctx.assignInput(0, type)))
    return failure();
  return ctx.assignOutput(0, type);
}

/// A [begin, end) range of axes given as optional, possibly negative ints
/// (None meaning the whole shape), or nullopt when out of range.
std::optional<std::pair<int64_t, int64_t>>
axisRange(std::optional<int64_t> begin, std::optional<int64_t> end, int64_t rank) {
  int64_t b = begin.value_or(0), e = end.value_or(rank);
  if (b < 0)
    b += rank;
  if (e < 0)
    e += rank;
  if (b < 0 || e > rank || b > e)
    return std::nullopt;
  return std::make_pair(b, e);
}
} // namespace

LogicalResult ReshapeLikeOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &lhs = ctx.input(0), &rhs = ctx.input(1);
  if (!lhs.hasRank() || !rhs.hasRank())
    return success();
  auto lhsRange = axisRange(getLhsBegin(), getLhsEnd(), lhs.rank());
  auto rhsRange = axisRange(getRhsBegin(), getRhsEnd(), rhs.rank());
  if (!lhsRange || !rhsRange)
    return ctx.emitError("reshape_like: begin/end out of range for " +
                         lhs.str(true) + " and " + rhs.str(true));
  SmallVector<int64_t> out(lhs.getDims().take_front(lhsRange->first));
  llvm::append_range(out, rhs.getDims().slice(rhsRange->first,
                                              rhsRange->second - rhsRange->first));
  llvm::append_range(out, lhs.getDims().drop_front(lhsRange->second));
  PartialShape result(out);
  if (lhs.isComplete() && result.isComplete() &&
      lhs.numElements() != result.numElements())
    return ctx.emitError("reshape_like: " + lhs.str(true) + " and " +
                         result.str(true) + " differ in size");
  return ctx.assignOutput(0, result);
}

LogicalResult ReshapeLikeOp::inferTypes(TypeInferenceContext &ctx) {
  return inferLhsType(ctx);
}

LogicalResult BroadcastLikeOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &lhs = ctx.input(0), &rhs = ctx.input(1);
  if (!lhs.hasRank() || !rhs.hasRank())
    return success();
  ArrayRef<int64_t> lhsAxes = getLhsAxes(), rhsAxes = getRhsAxes();
  if (lhsAxes.empty() && rhsAxes.empty()) {
    if (lhs.rank() != rhs.rank())
      return ctx.emitError("broadcast_like: ranks differ: " + lhs.str(true) +
                           " and " + rhs.str(true));
    for (int64_t i = 0; i < lhs.rank(); ++i)
      if (lhs.isKnown(i) && rhs.isKnown(i) && lhs[i] != 1 && lhs[i] != rhs[i])
        return ctx.emitError("broadcast_like: cannot broadcast " +
                             lhs.str(true) + " to " + rhs.str(true));
    return ctx.assignOutput(0, rhs);
  }
  if (lhsAxes.size() != rhsAxes.size())
    return ctx.emitError("broadcast_like: lhs_axes and rhs_axes must have the "
                         "same length");
  PartialShape out = lhs;
  for (auto [l, r] : llvm::zip(lhsAxes, rhsAxes)) {
    std::optional<int64_t> la = normalizeAxis(l, lhs.rank());
    std::optional<int64_t> ra = normalizeAxis(r, rhs.rank());
    if (!la || !ra)
      return ctx.emitError("broadcast_like: axes out of range for " +
                           lhs.str(true) + " and " + rhs.str(true));
    if (lhs.isKnown(*la) && lhs[*la] != 1)
      return ctx.emitError("broadcast_like: lhs axis " + Twine(*la) +
                           " must have size 1, got " + lhs.str(true));
    out[*la] = rhs[*ra];
  }
  return ctx.assignOutput(0, out);
}

LogicalResult BroadcastLikeOp::inferTypes(TypeInferenceContext &ctx) {
  return inferLhsType(ctx);
}

//===----------------------------------------------------------------------===//
// argmax / argmin, InstanceNorm, L2Normalization
//===----------------------------------------------------------------------===//

namespace {
template <typename OpTy>
LogicalResult inferArgReduceShape(OpTy op, ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (!op.getAxis())
    return ctx.assignOutput(0, PartialShape({1}));
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "axis", *op.getAxis(), data);
  if (failed(axis))
    return failure();
  SmallVector<int64_t> dims(data.getDims());
  if (op.getKeepdims())
    dims[*axis] = 1;
  else
    dims.erase(dims.begin() + *axis);
  if (dims.empty())
    dims.push_back(1);
  return ctx.assignOutput(0, PartialShape(dims));
}
} // namespace

LogicalResult ArgmaxOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferArgReduceShape(*this, ctx);
}
LogicalResult ArgminOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferArgReduceShape(*this, ctx);
}
LogicalResult ArgmaxChannelOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferArgReduceShape(*this, ctx);
}

LogicalResult GroupNormOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 3)
    return ctx.emitError("GroupNorm needs data of rank >= 3, got " + data.str());
  int64_t groups = getNumGroups();
  if (groups < 1 || (data.isKnown(1) && data[1] % groups))
    return ctx.emitError("GroupNorm: num_groups must divide the channels");
  // MXNet 1.9's gamma and beta are per group.
  PartialShape channel({groups}), stats({data[0], groups});
  if (failed(ctx.assignInput(1, channel)) || failed(ctx.assignInput(2, channel)) ||
      failed(ctx.assignOutput(0, data)) || failed(ctx.assignOutput(1, stats)))
    return failure();
  return ctx.assignOutput(2, stats);
}

LogicalResult LRNOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (getNsize() < 1)
    return ctx.emitError("LRN: nsize must be positive");
  if (data.hasRank() && data.rank() != 4)
    return ctx.emitError("LRN needs 4-D data, got " + data.str());
  if (failed(ctx.assignOutput(0, data)))
    return failure();
  return ctx.assignOutput(1, data);
}

LogicalResult InstanceNormOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 3)
    return ctx.emitError("InstanceNorm needs data of rank >= 3, got " + data.str());
  PartialShape channel({data[1]});
  if (failed(ctx.assignInput(1, channel)) || failed(ctx.assignInput(2, channel)))
    return failure();
  return ctx.inferSameShapeOf(0, 0);
}

LogicalResult L2NormalizationOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (failed(ctx.assignOutput(0, data)) || !data.hasRank())
    return success();
  StringRef mode = getMode();
  SmallVector<int64_t> norm = {data[0]};
  if (mode == "channel") {
    for (int64_t i = 2; i < data.rank(); ++i)
      norm.push_back(data[i]);
  } else if (mode == "spatial") {
    if (data.rank() < 3)
      return ctx.emitError("L2Normalization: mode 'spatial' needs rank >= 3");
    norm.push_back(data[1]);
  } else if (mode != "instance") {
    return ctx.emitError("L2Normalization: unknown mode '" + mode + "'");
  }
  if (mode == "channel" && data.rank() < 2)
    return ctx.emitError("L2Normalization: mode 'channel' needs rank >= 2");
  return ctx.assignOutput(1, PartialShape(norm));
}

//===----------------------------------------------------------------------===//
// Pad, depth_to_space, space_to_depth, one_hot, take, pick
//===----------------------------------------------------------------------===//

LogicalResult PadOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape out = ctx.input(0);
  if (!out.hasRank())
    return success();
  ArrayRef<int64_t> width = getPadWidth();
  if (out.rank() < 4 || out.rank() > 5 || (int64_t)width.size() != 2 * out.rank())
    return ctx.emitError("Pad: needs 4-D or 5-D data and 2 * ndim pad_width, got " +
                         out.str() + " and " + PartialShape(width).str(true));
  if (width[0] || width[1] || width[2] || width[3])
    return ctx.emitError("Pad: the first two axes cannot be padded");
  for (int64_t i = 0; i < out.rank(); ++i) {
    if (width[2 * i] < 0 || width[2 * i + 1] < 0)
      return ctx.emitError("Pad: negative pad_width");
    if (out.isKnown(i))
      out[i] += width[2 * i] + width[2 * i + 1];
  }
  StringRef mode = getMode();
  if (mode != "constant" && mode != "edge" && mode != "reflect")
    return ctx.emitError("Pad: unknown mode '" + mode + "'");
  return ctx.assignOutput(0, out);
}

namespace {
LogicalResult inferBlockShape(ShapeInferenceContext &ctx, int64_t block,
                              bool toSpace) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() != 4 || block < 1)
    return ctx.emitError("needs 4-D data and block_size >= 1, got " + data.str());
  PartialShape out = data;
  int64_t b2 = block * block;
  if (toSpace) {
    if (data.isKnown(1) && data[1] % b2)
      return ctx.emitError("the channels must divide by block_size^2");
    out[1] = data.isKnown(1) ? data[1] / b2 : kUnknown;
    out[2] = mulDims(data[2], block);
    out[3] = mulDims(data[3], block);
  } else {
    for (int64_t i : {2, 3})
      if (data.isKnown(i) && data[i] % block)
        return ctx.emitError("height and width must divide by block_size");
    out[1] = mulDims(data[1], b2);
    out[2] = data.isKnown(2) ? data[2] / block : kUnknown;
    out[3] = data.isKnown(3) ? data[3] / block : kUnknown;
  }
  return ctx.assignOutput(0, out);
}
} // namespace

LogicalResult DepthToSpaceOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferBlockShape(ctx, getBlockSize(), /*toSpace=*/true);
}
LogicalResult SpaceToDepthOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferBlockShape(ctx, getBlockSize(), /*toSpace=*/false);
}

LogicalResult OneHotOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &indices = ctx.input(0);
  if (getDepth() < 1)
    return ctx.emitError("one_hot: depth must be positive");
  if (!indices.hasRank())
    return success();
  SmallVector<int64_t> out(indices.getDims());
  out.push_back(getDepth());
  return ctx.assignOutput(0, PartialShape(out));
}
LogicalResult OneHotOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, getDtype() ? *getDtype()
                                        : Float32Type::get(getContext()));
}

LogicalResult TakeOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &a = ctx.input(0), &indices = ctx.input(1);
  if (!a.hasRank() || !indices.hasRank())
    return success();
  std::optional<int64_t> axis = normalizeAxis(getAxis(), a.rank());
  if (!axis)
    return ctx.emitError("take: axis out of range for " + a.str());
  if (getMode() != "clip" && getMode() != "wrap")
    return ctx.emitError("take: mode '" + getMode() + "' is not supported");
  SmallVector<int64_t> out(a.getDims().take_front(*axis));
  llvm::append_range(out, indices.getDims());
  llvm::append_range(out, a.getDims().drop_front(*axis + 1));
  return ctx.assignOutput(0, PartialShape(out));
}
LogicalResult TakeOp::inferTypes(TypeInferenceContext &ctx) {
  if (failed(ctx.assignOutput(0, ctx.input(0))))
    return failure();
  return ctx.assignInput(0, ctx.output(0));
}

LogicalResult PickOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  std::optional<int64_t> axis = normalizeAxis(getAxis(), data.rank());
  if (!axis)
    return ctx.emitError("pick: axis out of range for " + data.str());
  if (getMode() != "clip" && getMode() != "wrap")
    return ctx.emitError("pick: mode '" + getMode() + "' is not supported");
  SmallVector<int64_t> index(data.getDims());
  if (getKeepdims())
    index[*axis] = 1;
  else
    index.erase(index.begin() + *axis);
  if (failed(ctx.assignInput(1, PartialShape(index))))
    return failure();
  return ctx.assignOutput(0, PartialShape(index));
}
LogicalResult PickOp::inferTypes(TypeInferenceContext &ctx) {
  // MXNet's PickOpType insists on a known index dtype.
  if (!ctx.input(1))
    return ctx.emitError("Check failed: (*in_attrs)[1] != -1 (-1 vs. -1) : "
                         "Index type must be set for pick operator");
  if (failed(ctx.assignOutput(0, ctx.input(0))))
    return failure();
  return ctx.assignInput(0, ctx.output(0));
}

//===----------------------------------------------------------------------===//
// norm, UpSampling, shape_array, size_array
//===----------------------------------------------------------------------===//

LogicalResult NormOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getOrd() != 1 && getOrd() != 2)
    return ctx.emitError("norm: only ord 1 and 2 are supported");
  return inferReduceShape(*this, ctx);
}
std::optional<SmallVector<int64_t>> NormOp::getReducedAxes(int64_t rank) {
  return reducedAxes(*this, rank);
}

LogicalResult UpSamplingOp::inferShapes(ShapeInferenceContext &ctx) {
  int64_t scale = getScale();
  const PartialShape &first = ctx.input(0);
  if (!first.hasRank())
    return success();
  if (first.rank() != 4)
    return ctx.emitError("UpSampling: Input data should be 4D in (batch, "
                         "channel, y, x), got " + first.str());
  PartialShape out = first;
  out[2] = mulDims(first[2], scale);
  out[3] = mulDims(first[3], scale);
  if (getSampleType() == "bilinear") {
    if (first.isKnown(1) && first[1] == 0)
      return ctx.emitError("UpSampling: bilinear needs channels, got " +
                           first.str());
    int64_t kernel = 2 * scale - scale % 2;
    if (failed(ctx.assignInput(1, PartialShape({first[1], 1, kernel, kernel}))))
      return failure();
    return ctx.assignOutput(0, out);
  }
  // nearest: every input scales to the first one's output extent.
  bool sum = getMultiInputMode() == "sum";
  int64_t channels = sum ? kUnknown : 0;
  for (unsigned i = 0; i < ctx.getNumInputs(); ++i) {
    const PartialShape &in = ctx.input(i);
    if (!in.hasRank())
      return success();
    if (in.rank() != 4)
      return ctx.emitError("UpSamplingNearest: Input data should be 4D in "
                           "(batch, channel, y, x)");
    if ((in.isKnown(2) && in[2] == 0) || (in.isKnown(3) && in[3] == 0))
      return ctx.emitError("UpSampling: an input has an empty spatial axis: " +
                           in.str());
    for (int64_t axis : {2, 3})
      if (in.isKnown(axis) && out.isKnown(axis) && out[axis] % in[axis] != 0)
        return ctx.emitError("UpSamplingNearest: input " +
                             StringRef(axis == 2 ? "height" : "width") + " of " +
                             Twine(in[axis]) + "does not divide output " +
                             (axis == 2 ? "height" : "width") + " of " +
                             Twine(out[axis]));
    if (sum) {
      if (channels != kUnknown && in.isKnown(1) && channels != in[1])
        return ctx.emitError("Number of channels must be the same when "
                             "multi_input_mode==sum");
      if (in.isKnown(1))
        channels = in[1];
    } else {
      channels = channels == kUnknown || !in.isKnown(1) ? kUnknown
                                                        : channels + in[1];
    }
  }
  out[1] = channels;
  return ctx.assignOutput(0, out);
}

LogicalResult ShapeArrayOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  return ctx.assignOutput(0, PartialShape({data.rank()}));
}
LogicalResult ShapeArrayOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, IntegerType::get(getContext(), 64));
}
LogicalResult SizeArrayOp::inferShapes(ShapeInferenceContext &ctx) {
  return ctx.assignOutput(0, PartialShape({1}));
}
LogicalResult SizeArrayOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, IntegerType::get(getContext(), 64));
}

//===----------------------------------------------------------------------===//
// Deconvolution
//===----------------------------------------------------------------------===//

LogicalResult DeconvolutionOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape data = ctx.input(0);
  if (!data.hasRank())
    return success();
  size_t spatial = getKernel().size();
  if (data.rank() != (int64_t)spatial + 2)
    return ctx.emitError("Deconvolution: input data should be " +
                         Twine(spatial + 2) + "D, got " + data.str());
  if (getLayout() && getLayout()->size() >= 2 && !getLayout()->starts_with("NC"))
    return ctx.emitError("layout " + *getLayout() + " is not supported yet");
  int64_t groups = getNumGroup(), filters = getNumFilter();
  if (filters % groups)
    return ctx.emitError("Deconvolution: num_filter must divide by num_group");
  SmallVector<int64_t> weight = {data[1], filters / groups};
  llvm::append_range(weight, getKernel());
  if (failed(ctx.assignInput(1, PartialShape(weight))))
    return failure();
  if (getBias() && failed(ctx.assignInput(2, PartialShape({filters}))))
    return failure();
  SmallVector<int64_t> stride = tupleOrDefault(getStride(), spatial, 1);
  SmallVector<int64_t> dilate = tupleOrDefault(getDilate(), spatial, 1);
  SmallVector<int64_t> out = {data[0], filters};
  for (size_t i = 0; i < spatial; ++i) {
    int64_t in = data[2 + i];
    if (in == kUnknown) {
      out.push_back(kUnknown);
      continue;
    }
    auto [pad, adj] = getPadAndAdj(i, in);
    int64_t extent = stride[i] * (in - 1) + dilate[i] * (getKernel()[i] - 1) + 1 -
                     2 * pad + adj;
    if (extent < 1 || pad < 0)
      return ctx.emitError("Deconvolution: invalid output extent along axis " +
                           Twine(i + 2));
    out.push_back(extent);
  }
  return ctx.assignOutput(0, PartialShape(out));
}

//===----------------------------------------------------------------------===//
// slice
//===----------------------------------------------------------------------===//

std::optional<std::tuple<int64_t, int64_t, int64_t>>
SliceOp::getAxisRange(size_t axis, int64_t extent) {
  constexpr int64_t kNone = std::numeric_limits<int64_t>::min();
  auto entry = [](ArrayRef<int64_t> values, size_t i) {
    return i < values.size() ? values[i] : kNone;
  };
  int64_t step = entry(getStep(), axis);
  if (step == kNone)
    step = 1;
  if (step == 0)
    return std::nullopt;
  int64_t begin = entry(getBegin(), axis), end = entry(getEnd(), axis);
  // MXNet's GetIndexRange: defaults by direction, negatives from the end,
  // then clamping.
  if (begin == kNone)
    begin = step > 0 ? 0 : extent - 1;
  else if (begin < 0)
    begin += extent;
  if (end == kNone)
    end = step > 0 ? extent : -1;
  else if (end < 0)
    end += extent;
  if (step > 0) {
    begin = std::clamp<int64_t>(begin, 0, extent);
    end = std::clamp<int64_t>(end, 0, extent);
    if (begin >= end)
      return std::nullopt;
    return std::make_tuple(begin, step, llvm::divideCeil(end - begin, step));
  }
  begin = std::clamp<int64_t>(begin, -1, extent - 1);
  end = std::clamp<int64_t>(end, -1, extent - 1);
  if (begin <= end)
    return std::nullopt;
  return std::make_tuple(begin, step, llvm::divideCeil(begin - end, -step));
}

LogicalResult SliceOp::inferShapes(ShapeInferenceContext &ctx) {
  PartialShape out = ctx.input(0);
  if (!out.hasRank())
    return success();
  if (getBegin().size() != getEnd().size() ||
      (int64_t)getBegin().size() > out.rank() ||
      (!getStep().empty() && getStep().size() != getBegin().size()))
    return ctx.emitError("slice: begin, end and step must have one entry per "
                         "sliced axis, at most " + Twine(out.rank()));
  for (size_t i = 0; i < getBegin().size(); ++i) {
    if (!out.isKnown(i))
      continue;
    auto range = getAxisRange(i, out[i]);
    if (!range)
      return ctx.emitError("slice: empty or invalid range on axis " + Twine(i) +
                           " of " + out.str());
    out[i] = std::get<2>(*range);
  }
  return ctx.assignOutput(0, out);
}

//===----------------------------------------------------------------------===//
// RNN
//===----------------------------------------------------------------------===//

LogicalResult RNNOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getProjectionSize())
    return ctx.emitError("RNN: projection_size (LSTMP) is not supported");
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() != 3)
    return ctx.emitError("Input data should be rank-3 tensor of dim "
                         "[sequence length, batch size, input size]");
  int64_t hidden = getStateSize(), batch = data[1];
  int64_t layersTimesDirections = getNumLayers() * getNumDirections();
  PartialShape stateShape({layersTimesDirections, batch, hidden});
  if (failed(ctx.assignInput(2, stateShape)))
    return failure();
  unsigned next = 3;
  if (getMode() == RNNMode::lstm && failed(ctx.assignInput(next++, stateShape)))
    return failure();
  if (getUseSequenceLength() &&
      failed(ctx.assignInput(next, PartialShape({batch}))))
    return failure();
  if (data.isKnown(2) &&
      failed(ctx.assignInput(1, PartialShape({getParameterSize(data[2])}))))
    return failure();
  if (failed(ctx.assignOutput(
          0, PartialShape({data[0], batch, getNumDirections() * hidden}))))
    return failure();
  for (unsigned i = 1; i < ctx.getNumOutputs(); ++i)
    if (failed(ctx.assignOutput(i, stateShape)))
      return failure();
  return success();
}

LogicalResult RNNOp::inferTypes(TypeInferenceContext &ctx) {
  // Everything but the sequence lengths shares the data's dtype.
  unsigned numShared = ctx.getNumInputs() - (getUseSequenceLength() ? 1 : 0);
  Type dtype = ctx.input(0);
  for (unsigned i = 0; !dtype && i < numShared; ++i)
    dtype = ctx.input(i);
  if (!dtype)
    return success();
  for (unsigned i = 0; i < numShared; ++i)
    if (failed(ctx.assignInput(i, dtype)))
      return failure();
  for (unsigned i = 0; i < ctx.getNumOutputs(); ++i)
    if (failed(ctx.assignOutput(i, dtype)))
      return failure();
  return success();
}

//===----------------------------------------------------------------------===//
// Detection
//===----------------------------------------------------------------------===//

LogicalResult MultiBoxPriorOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 4)
    return ctx.emitError("Input data should be 4D: batch-channel-y-x, got " +
                         data.str());
  int64_t anchors = getSizes().size() + getRatios().size() - 1;
  int64_t positions = multiplyDims(data[2], data[3]);
  return ctx.assignOutput(
      0, PartialShape({1, multiplyDims(positions, anchors), 4}));
}

LogicalResult MultiBoxDetectionOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &cls = ctx.input(0), &loc = ctx.input(1),
                     &anchor = ctx.input(2);
  if ((cls.hasRank() && cls.rank() != 3) || (loc.hasRank() && loc.rank() != 2) ||
      (anchor.hasRank() && anchor.rank() != 3))
    return ctx.emitError("_contrib_MultiBoxDetection expects cls_prob (B, C, "
                         "N), loc_pred (B, N*4) and anchor (1, N, 4), got " +
                         cls.str() + ", " + loc.str() + ", " + anchor.str());
  if (!cls.hasRank() || !anchor.hasRank())
    return success();
  if (cls.isKnown(2) && anchor.isKnown(1) && cls[2] != anchor[1])
    return ctx.emitError("Number of anchors mismatch");
  if (anchor.isKnown(2) && anchor[2] != 4)
    return ctx.emitError("anchor boxes must have 4 coordinates");
  if (loc.hasRank() && loc.isKnown(1) && cls.isKnown(2) && cls[2] * 4 != loc[1])
    return ctx.emitError("# anchors mismatch with # loc");
  if (loc.hasRank() && loc.isKnown(0) && cls.isKnown(0) && loc[0] != cls[0])
    return ctx.emitError("_contrib_MultiBoxDetection: cls_prob and loc_pred "
                         "differ in batch size");
  if (anchor.isKnown(0) && anchor[0] != 1)
    return ctx.emitError("_contrib_MultiBoxDetection: anchor must be (1, N, 4)");
  int64_t numAnchors = cls.isKnown(2) ? cls[2] : anchor[1];
  return ctx.assignOutput(0, PartialShape({cls[0], numAnchors, 6}));
}

LogicalResult BoxNMSOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 2)
    return ctx.emitError("_contrib_box_nms needs data of rank >= 2, got " +
                         data.str());
  int64_t width = data[data.rank() - 1];
  int64_t needed = std::max({getScoreIndex(), getCoordStart() + 3,
                             getIdIndex()}) + 1;
  if (width != PartialShape::kUnknownDim && width < needed)
    return ctx.emitError("_contrib_box_nms: boxes of width " + Twine(width) +
                         " lack the score, coordinates or id indexed");
  SmallVector<int64_t> record(data.getDims());
  record.back() = 1;
  if (failed(ctx.assignOutput(0, data)))
    return failure();
  return ctx.assignOutput(1, PartialShape(record));
}

LogicalResult BoxIoUOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &lhs = ctx.input(0), &rhs = ctx.input(1);
  if (!lhs.hasRank() || !rhs.hasRank())
    return success();
  for (const PartialShape *side : {&lhs, &rhs})
    if (side->rank() < 2 ||
        (side->isKnown(side->rank() - 1) && (*side)[side->rank() - 1] != 4))
      return ctx.emitError("_contrib_box_iou needs boxes (..., 4), got " +
                           side->str());
  SmallVector<int64_t> out(lhs.getDims().drop_back());
  llvm::append_range(out, rhs.getDims().drop_back());
  return ctx.assignOutput(0, PartialShape(out));
}

//===----------------------------------------------------------------------===//
// Ordering: topk, sort, argsort
//===----------------------------------------------------------------------===//

namespace {
/// ParseTopKParam: the shape of the first k entries along the sort axis
/// (the flattened input when the axis is None); nullopt when unknown.
FailureOr<std::optional<PartialShape>>
orderedShape(ShapeInferenceContext &ctx, StringRef opName,
             std::optional<int64_t> axis, int64_t k) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return std::optional<PartialShape>();
  int64_t n;
  PartialShape target = data;
  if (!axis) {
    n = data.numElements();
    target = PartialShape({n});
  } else {
    std::optional<int64_t> normalized = normalizeAxis(*axis, data.rank());
    if (!normalized)
      return ctx.emitError(opName + ": Invalid axis! axis should be between 0 and " +
                           Twine(data.rank()) + ", found axis=" + Twine(*axis));
    axis = normalized;
    n = data[*axis];
  }
  if (n == kUnknown)
    return std::optional<PartialShape>(axis ? target : PartialShape::ofRank(1));
  if (k <= 0)
    k = n;
  if (k > n)
    return ctx.emitError(opName + ": k must be smaller than " + Twine(n) +
                         ", get k = " + Twine(k));
  target[axis ? *axis : 0] = k;
  return std::optional<PartialShape>(target);
}

Type dtypeOr(std::optional<Type> dtype, MLIRContext *ctx) {
  return dtype ? *dtype : Float32Type::get(ctx);
}
} // namespace

LogicalResult TopKOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getRetTyp() == "mask")
    return ctx.inferSameShapeOf(0, 0);
  FailureOr<std::optional<PartialShape>> shape =
      orderedShape(ctx, "topk", getSortAxis(), getK());
  if (failed(shape))
    return failure();
  if (*shape)
    for (unsigned i = 0; i < ctx.getNumOutputs(); ++i)
      if (failed(ctx.assignOutput(i, **shape)))
        return failure();
  return success();
}

LogicalResult TopKOp::inferTypes(TypeInferenceContext &ctx) {
  MLIRContext *mlirCtx = getContext();
  Type data = ctx.input(0);
  Type indices = dtypeOr(getDtype(), mlirCtx);
  StringRef ret = getRetTyp();
  if (ret == "indices")
    return ctx.assignOutput(0, indices);
  if (data && failed(ctx.assignOutput(0, data)))
    return failure();
  if (ret == "value") // the hidden positions are int32
    return ctx.assignOutput(1, IntegerType::get(mlirCtx, 32));
  if (ret == "both")
    return ctx.assignOutput(1, indices);
  return success();
}

LogicalResult SortOp::inferShapes(ShapeInferenceContext &ctx) {
  FailureOr<std::optional<PartialShape>> shape =
      orderedShape(ctx, "sort", getSortAxis(), 0);
  if (failed(shape) || !*shape)
    return failure(failed(shape));
  if (failed(ctx.assignOutput(0, **shape)))
    return failure();
  return ctx.assignOutput(1, **shape);
}

LogicalResult SortOp::inferTypes(TypeInferenceContext &ctx) {
  if (ctx.input(0) && failed(ctx.assignOutput(0, ctx.input(0))))
    return failure();
  return ctx.assignOutput(1, IntegerType::get(getContext(), 32));
}

LogicalResult HistogramOp::inferShapes(ShapeInferenceContext &ctx) {
  if (std::optional<int64_t> count = getBinCnt()) {
    if (failed(ctx.assignOutput(0, PartialShape({*count}))))
      return failure();
    return ctx.assignOutput(1, PartialShape({*count + 1}));
  }
  const PartialShape &edges = ctx.input(1);
  if (!edges.hasRank())
    return success();
  if (edges.rank() != 1)
    return ctx.emitError("Check failed: oshape.ndim() == 1U (" +
                         Twine(edges.rank()) +
                         " vs. 1) : bins argument should be an 1D vector");
  if (edges.isKnown(0) && edges[0] < 2)
    return ctx.emitError("Check failed: oshape.Size() >= 2U (" + Twine(edges[0]) +
                         " vs. 2) : number of bounds should be >= 2");
  int64_t bins = edges.isKnown(0) ? edges[0] - 1 : kUnknown;
  if (failed(ctx.assignOutput(0, PartialShape({bins}))))
    return failure();
  return ctx.assignOutput(1, edges);
}

LogicalResult HistogramOp::inferTypes(TypeInferenceContext &ctx) {
  if (failed(ctx.assignOutput(0, IntegerType::get(getContext(), 64))))
    return failure();
  return ctx.assignOutput(1, ctx.input(0));
}

LogicalResult ArgSortOp::inferShapes(ShapeInferenceContext &ctx) {
  FailureOr<std::optional<PartialShape>> shape =
      orderedShape(ctx, "argsort", getSortAxis(), 0);
  if (failed(shape) || !*shape)
    return failure(failed(shape));
  return ctx.assignOutput(0, **shape);
}

LogicalResult ArgSortOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, dtypeOr(getDtype(), getContext()));
}

//===----------------------------------------------------------------------===//
// gather_nd, scatter_nd, diag, _split_v2, slice_like, SequenceLast/Reverse
//===----------------------------------------------------------------------===//

namespace {
/// Output and data share the dtype; the indices keep theirs.
LogicalResult inferDataTypeOnly(TypeInferenceContext &ctx) {
  Type data = ctx.input(0) ? ctx.input(0) : ctx.output(0);
  if (!data)
    return success();
  if (failed(ctx.assignInput(0, data)))
    return failure();
  return ctx.assignOutput(0, data);
}
} // namespace

LogicalResult GatherNDOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0), &indices = ctx.input(1);
  if (!data.hasRank() || !indices.hasRank())
    return success();
  if (indices.rank() < 2)
    return ctx.emitError("gather_nd requires index tensor to have at least 2 "
                         "dimensions");
  int64_t m = indices[0];
  if (m == kUnknown)
    return success();
  if (m > data.rank())
    return ctx.emitError("Number of indices exceeds data dimension");
  if (m > 10)
    return ctx.emitError("gather_nd supports indexing along at most 10 "
                         "dimensions.");
  SmallVector<int64_t> out(indices.getDims().drop_front());
  llvm::append_range(out, data.getDims().drop_front(m));
  return ctx.assignOutput(0, PartialShape(out));
}

LogicalResult GatherNDOp::inferTypes(TypeInferenceContext &ctx) {
  return inferDataTypeOnly(ctx);
}

LogicalResult ScatterNDOp::inferShapes(ShapeInferenceContext &ctx) {
  if (llvm::any_of(getShape(), [](int64_t d) { return d < 0; }))
    return ctx.emitError("scatter_nd: shape " + PartialShape(getShape()).str(true) +
                         " has a negative dimension");
  PartialShape out(getShape());
  if (failed(ctx.assignOutput(0, out)))
    return failure();
  const PartialShape &data = ctx.input(0), &indices = ctx.input(1);
  if (!data.hasRank() || !indices.hasRank())
    return success();
  if (indices.rank() < 2)
    return ctx.emitError("scatter_nd requires index tensor to have at least 2 "
                         "dimensions");
  int64_t m = indices[0];
  if (m == kUnknown)
    return success();
  if (m > out.rank())
    return ctx.emitError("Number of indices exceeds output dimension in "
                         "operator scatter_nd");
  if (m > 10)
    return ctx.emitError("scatter_nd supports indexing along at most 10 "
                         "dimensions.");
  SmallVector<int64_t> expected(indices.getDims().drop_front());
  llvm::append_range(expected, out.getDims().drop_front(m));
  if (!PartialShape::merge(data, PartialShape(expected)))
    return ctx.emitError("Invalid data, indices, and output shape combination "
                         "for scatter_nd: " + data.str(true) + ", " +
                         indices.str(true) + ", " + out.str(true));
  return success();
}

LogicalResult ScatterNDOp::inferTypes(TypeInferenceContext &ctx) {
  return inferDataTypeOnly(ctx);
}

LogicalResult DiagOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  int64_t k = getK();
  if (data.rank() == 0)
    return ctx.emitError("diag: input must be at least 1-D");
  if (k > (int64_t(1) << 31) || k < -(int64_t(1) << 31))
    return ctx.emitError("diag: k = " + Twine(k) + " is out of range");
  if (data.rank() == 1) {
    int64_t n = data[0] == kUnknown ? kUnknown : data[0] + std::abs(k);
    return ctx.assignOutput(0, PartialShape({n, n}));
  }
  std::optional<int64_t> a1 = normalizeAxis(getAxis1(), data.rank());
  std::optional<int64_t> a2 = normalizeAxis(getAxis2(), data.rank());
  if (!a1 || !a2)
    return ctx.emitError("axis " + Twine(a1 ? getAxis2() : getAxis1()) +
                         " exceeds the input dimension of " + Twine(data.rank()));
  if (*a1 == *a2)
    return ctx.emitError("axis1 and axis2 cannot refer to the same axis " +
                         Twine(*a1));
  SmallVector<int64_t> out;
  for (int64_t i = 0; i < data.rank(); ++i)
    if (i != *a1 && i != *a2)
      out.push_back(data[i]);
  int64_t h = data[*a1], w = data[*a2];
  int64_t length = kUnknown;
  if (h != kUnknown && w != kUnknown) {
    if (k > 0)
      w -= k;
    else if (k < 0)
      h += k;
    length = std::min(h, w);
    if (length < 0)
      return ctx.emitError("Diagonal does not exist.");
  }
  out.push_back(length);
  return ctx.assignOutput(0, PartialShape(out));
}

LogicalResult SplitV2Op::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  FailureOr<int64_t> axis =
      resolveAxis(ctx, "_split_v2: axis", getAxis(), data);
  if (failed(axis))
    return failure();
  int64_t size = data[*axis];
  if (size == kUnknown)
    return success();
  SmallVector<std::pair<int64_t, int64_t>> ranges = getRanges(size);
  for (auto [i, range] : llvm::enumerate(ranges)) {
    auto [start, end] = range;
    if (start < 0)
      return ctx.emitError("_split_v2: negative start " + Twine(start) +
                           " for subarray " + Twine(i));
    if (start > end)
      return ctx.emitError("start " + Twine(start) + " is not less than end " +
                           Twine(end) + "for subarray " + Twine(i));
    if (end > size)
      return ctx.emitError("end " + Twine(end) +
                           " is no less than the size of the axis " +
                           Twine(size));
    SmallVector<int64_t> part(data.getDims());
    part[*axis] = end - start;
    if (getSqueezeAxis()) {
      if (end - start != 1)
        return ctx.emitError("expected axis size of 1 but got " +
                             Twine(end - start));
      part.erase(part.begin() + *axis);
    }
    if (failed(ctx.assignOutput(i, PartialShape(part))))
      return failure();
  }
  return success();
}

LogicalResult SliceLikeOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0), &like = ctx.input(1);
  if (!data.hasRank() || !like.hasRank())
    return success();
  PartialShape out = data;
  SmallVector<int64_t> axes(getAxes());
  if (axes.empty()) {
    if (data.rank() != like.rank())
      return ctx.emitError(
          "By default slice_axis performs slice on all axes, but ndim "
          "mismatch for inputs: " + Twine(data.rank()) + " vs. " +
          Twine(like.rank()));
    axes = llvm::to_vector(llvm::seq<int64_t>(0, data.rank()));
  }
  for (int64_t axis : axes) {
    std::optional<int64_t> a = normalizeAxis(axis, data.rank());
    if (!a || *a >= like.rank())
      return ctx.emitError("slice_like: axis " + Twine(axis) +
                           " is out of range for " + data.str() + " and " +
                           like.str());
    if (data[*a] != kUnknown && like[*a] != kUnknown && data[*a] < like[*a])
      return ctx.emitError("Slice axis " + Twine(*a) + " with size " +
                           Twine(like[*a]) + "exceeds limit of input with size " +
                           Twine(data[*a]));
    out[*a] = like[*a];
  }
  return ctx.assignOutput(0, out);
}

namespace {
/// The (B,) lengths input of SequenceLast / SequenceReverse.
LogicalResult assignSequenceLength(ShapeInferenceContext &ctx, int64_t batch,
                                   bool hasLengths) {
  if (!hasLengths)
    return success();
  return ctx.assignInput(1, PartialShape({batch}));
}
} // namespace

LogicalResult SequenceLastOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getAxis() != 0 && getAxis() != 1)
    return ctx.emitError("Current implementation expects axis to be 0 or 1.");
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() < 2)
    return ctx.emitError("The data array must be of rank 2 or greater.");
  int64_t batch = data[getAxis() == 0 ? 1 : 0];
  if (failed(assignSequenceLength(ctx, batch, getSequenceLength() != nullptr)))
    return failure();
  SmallVector<int64_t> out(data.getDims());
  out.erase(out.begin() + getAxis());
  return ctx.assignOutput(0, PartialShape(out));
}

LogicalResult SequenceReverseOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getAxis() != 0)
    return ctx.emitError("Current implementation expects axis to be 0.");
  const PartialShape &data = ctx.input(0);
  if (data.hasRank()) {
    if (data.rank() < 2)
      return ctx.emitError("The data array must be of rank 2 or greater.");
    if (failed(assignSequenceLength(ctx, data[1], getSequenceLength() != nullptr)))
      return failure();
  }
  return ctx.inferSameShapeOf(0, 0);
}

LogicalResult LinspaceOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getNum() < 0)
    return ctx.emitError("_linspace: num must be non-negative");
  return ctx.assignOutput(0, PartialShape({getNum()}));
}

LogicalResult LinspaceOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, dtypeOr(getDtype(), getContext()));
}

LogicalResult EyeOp::inferShapes(ShapeInferenceContext &ctx) {
  if (getN() < 0 || getM() < 0)
    return ctx.emitError("_eye: N and M must be non-negative");
  return ctx.assignOutput(0, PartialShape({getN(), getM() > 0 ? getM() : getN()}));
}

LogicalResult EyeOp::inferTypes(TypeInferenceContext &ctx) {
  return ctx.assignOutput(0, dtypeOr(getDtype(), getContext()));
}

//===----------------------------------------------------------------------===//
// Crop, BilinearResize2D, ROIPooling, ROIAlign
//===----------------------------------------------------------------------===//

LogicalResult CropOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() != 4)
    return ctx.emitError("Input data should be 4D in batch-num_filter-y-x");
  PartialShape out = data;
  if (ctx.getNumInputs() == 2) {
    const PartialShape &like = ctx.input(1);
    if (!like.hasRank())
      return success();
    if (like.rank() != 4)
      return ctx.emitError("Crop: crop_like should be 4D, got " + like.str());
    out[2] = like[2];
    out[3] = like[3];
  } else {
    ArrayRef<int64_t> hw = getHW();
    int64_t h = hw.size() > 0 ? hw[0] : 0, w = hw.size() > 1 ? hw[1] : 0;
    if (h < 1 || w < 1)
      return ctx.emitError("the crop height(h_w[0]) and width(h_w[1]) should "
                           "be larger than 1");
    if ((data.isKnown(2) && h > data[2]) || (data.isKnown(3) && w > data[3]))
      return ctx.emitError("the crop height(h_w[0]) and width(h_w[1]) should "
                           "be less than the input data's height and width");
    out[2] = h;
    out[3] = w;
  }
  if (data.isComplete() && out.isComplete()) {
    if (out[2] > data[2] || out[3] > data[3])
      return ctx.emitError("data_shape'height and width should be larger "
                           "than that of out_shape");
    auto [y, x] = getWindowOffset(data[2], data[3], out[2], out[3]);
    if (y < 0 || x < 0 || y > data[2] - out[2] || x > data[3] - out[3])
      return ctx.emitError("Crop: offset (" + Twine(y) + ", " + Twine(x) +
                           ") leaves the input");
  }
  return ctx.assignOutput(0, out);
}

LogicalResult BilinearResize2DOp::inferShapes(ShapeInferenceContext &ctx) {
  const PartialShape &data = ctx.input(0);
  if (!data.hasRank())
    return success();
  if (data.rank() != 4)
    return ctx.emitError("_contrib_BilinearResize2D: data should be 4D, got " +
                         data.str());
  PartialShape out = data;
  StringRef mode = getMode();
  int64_t h = data[2], w = data[3];
  // MXNet's scales are floats: sizes are float products truncated.
  float scaleH = getScaleHeight() ? float(getScaleHeight()->convertToDouble()) : 0;
  float scaleW = getScaleWidth() ? float(getScaleWidth()->convertToDouble()) : 0;
  auto known = [&](int64_t d) { return d != kUnknown; };
  // float -> int truncation as MXNet, -1 (invalid) when out of range.
  auto truncated = [](float v) -> int64_t {
    return v >= 0 && v < float(int64_t(1) << 31) ? int64_t(v) : -1;
  };
  if ((getScaleHeight() && !(scaleH > 0)) || (getScaleWidth() && !(scaleW > 0)))
    return ctx.emitError("_contrib_BilinearResize2D: scales must be positive");
  if (mode == "size") {
    // MXNet tests scale_height for both extents.
    if (getScaleHeight()) {
      if (!getScaleWidth())
        return ctx.emitError("_contrib_BilinearResize2D: scale_height needs "
                             "scale_width");
      out[2] = known(h) ? truncated(scaleH * float(h)) : kUnknown;
      out[3] = known(w) ? truncated(scaleW * float(w)) : kUnknown;
    } else {
      out[2] = getHeight();
      out[3] = getWidth();
    }
  } else if (mode == "like") {
    const PartialShape &like = ctx.input(1);
    if (!like.hasRank())
      return success();
    out[2] = like[2];
    out[3] = like[3];
  } else if (mode == "odd_scale") {
    if (!getScaleHeight() || !getScaleWidth())
      return ctx.emitError("_contrib_BilinearResize2D: odd_scale needs "
                           "scale_height and scale_width");
    auto oddScale = [&](int64_t d, float s) {
      return d % 2 == 0 ? truncated(float(d) * s) : truncated(float(d - 1) * s) + 1;
    };
    out[2] = known(h) ? oddScale(h, scaleH) : kUnknown;
    out[3] = known(w) ? oddScale(w, scaleW) : kUnknown;
  } else {
    bool even = mode.starts_with("to_even"), up = mode.ends_with("_up");
    auto adjust = [&](int64_t d) -> int64_t {
      if (!known(d) || (d % 2 == 0) == even)
        return d;
      return up ? d + 1 : d - 1;
    };
    out[2] = adjust(h);
    out[3] = adjust(w);
  }
  for (int64_t axis : {2, 3})
    if (out.isKnown(axis) && (out[axis] < 1 || out[axis] > (int64_t(1) << 31)))
      return ctx.emitError("_contrib_BilinearResize2D: the output extent " +
                           Twine(out[axis]) + " on axis " + Twine(axis) +
                           " is invalid (check height, width and the scales)");
  return ctx.assignOutput(0, out);
}

namespace {
/// The (R, C', PH, PW) output of the ROI ops; rois are (R, 5).
LogicalResult inferROIShapes(ShapeInferenceContext &ctx, StringRef opName,
                             ArrayRef<int64_t> pooled, int64_t channelDivisor) {
  if (pooled.size() != 2 || pooled[0] < 1 || pooled[1] < 1)
    return ctx.emitError(opName + ": pooled_size must have 2 positive entries");
  const PartialShape &data = ctx.input(0);
  if (data.hasRank() && data.rank() != 4)
    return ctx.emitError("data should be a 4D tensor");
  PartialShape rois = ctx.input(1);
  if (rois.hasRank() && (rois.rank() != 2 || (rois.isKnown(1) && rois[1] != 5)))
    return ctx.emitError("bbox should be a 2D tensor of shape [batch, 5]");
  if (!rois.hasRank() || !data.hasRank())
    return success();
  int64_t channels = data[1];
  if (channels != kUnknown && channelDivisor > 1) {
    if (channels % channelDivisor != 0)
      return ctx.emitError("Input channels should be divided by "
                           "pooled_size[0]*pooled_size[1]when "
                           "position_sensitive is true.");
    channels /= channelDivisor;
  }
  PartialShape out({rois[0], channels, pooled[0], pooled[1]});
  for (unsigned i = 0; i < ctx.getNumOutputs(); ++i)
    if (failed(ctx.assignOutput(i, out)))
      return failure();
  return success();
}
} // namespace

LogicalResult ROIPoolingOp::inferShapes(ShapeInferenceContext &ctx) {
  return inferROIShapes(ctx, "ROIPooling", getPooledSize(), 1);
}

LogicalResult ROIAlignOp::inferShapes(ShapeInferenceContext &ctx) {
  ArrayRef<int64_t> pooled = getPooledSize();
  int64_t divisor =
      getPositionSensitive() && pooled.size() == 2 ? pooled[0] * pooled[1] : 1;
  return inferROIShapes(ctx, "_contrib_ROIAlign", pooled, divisor);
}

//===----------------------------------------------------------------------===//
// where
//===----------------------------------------------------------------------===//

LogicalResult WhereOp::inferShapes(ShapeInferenceContext &ctx) {
  // x, y and the output share one shape; the condition has it too, or is
  // 1-D along its first axis.
  std::optional<PartialShape> shape =
      PartialShape::merge(ctx.input(1), ctx.input(2));
  if (shape)
    shape = PartialShape::merge(*shape, ctx.output(0));
  // As MXNet's WhereOpShape: x, y and the output that disagree are left
  // uninferred, not reported.
  if (!shape)
    return success();
  if (failed(ctx.assignInput(1, *shape)) || failed(ctx.assignInput(2, *shape)) ||
      failed(ctx.assignOutput(0, *shape)))
    return failure();
  const PartialShape &cond = ctx.input(0);
  if (!cond.hasRank() || !shape->hasRank() || cond.rank() == shape->rank())
    return ctx.assignInput(0, *shape);
  if (cond.rank() != 1)
    return ctx.emitError("condition array must be either have the same shape "
                         "as x or be a 1-D array");
  if (cond.isKnown(0) && shape->isKnown(0) && cond[0] != (*shape)[0])
    return ctx.emitError("condition array must be either have the same shape "
                         "as x or be a 1-D array whose size is the same as the "
                         "size of the first dimension of x");
  return success();
}

LogicalResult WhereOp::inferTypes(TypeInferenceContext &ctx) {
  Type type = ctx.input(1) ? ctx.input(1) : ctx.input(2);
  if (!type)
    type = ctx.output(0);
  if (!type)
    return success();
  if (failed(ctx.assignInput(1, type)) || failed(ctx.assignInput(2, type)))
    return failure();
  return ctx.assignOutput(0, type);
}

//===----------------------------------------------------------------------===//
// Ops whose second input keeps its own dtype
//===----------------------------------------------------------------------===//

namespace {
/// Data and output share a dtype; input 1 (lengths, a shape donor) keeps
/// its own, defaulting to the data's when unknown.
LogicalResult inferDataTypeWithFreeSecond(TypeInferenceContext &ctx) {
  Type type = ctx.input(0) ? ctx.input(0) : ctx.output(0);
  if (!type)
    return success();
  if (failed(ctx.assignInput(0, type)) || failed(ctx.assignOutput(0, type)))
    return failure();
  if (ctx.getNumInputs() > 1 && !ctx.input(1))
    return ctx.assignInput(1, type);
  return success();
}
} // namespace

LogicalResult SequenceMaskOp::inferTypes(TypeInferenceContext &ctx) {
  return inferDataTypeWithFreeSecond(ctx);
}
LogicalResult SequenceLastOp::inferTypes(TypeInferenceContext &ctx) {
  return inferDataTypeWithFreeSecond(ctx);
}
LogicalResult SequenceReverseOp::inferTypes(TypeInferenceContext &ctx) {
  return inferDataTypeWithFreeSecond(ctx);
}
LogicalResult SliceLikeOp::inferTypes(TypeInferenceContext &ctx) {
  return inferDataTypeWithFreeSecond(ctx);
}

LogicalResult BatchNormOp::inferTypes(TypeInferenceContext &ctx) {
  // BatchNormType: the parameters and statistics are in the data's
  // accumulation type (float32 for float16 / bfloat16 data).
  Type data = ctx.input(0);
  if (!data)
    return success();
  Type param = data;
  if (auto f = dyn_cast<FloatType>(data); f && f.getWidth() < 32)
    param = Float32Type::get(getContext());
  for (unsigned i = 1; i < ctx.getNumInputs(); ++i)
    if (failed(ctx.assignInput(i, param)))
      return failure();
  if (failed(ctx.assignOutput(0, data)))
    return failure();
  for (unsigned i = 1; i < ctx.getNumOutputs(); ++i)
    if (failed(ctx.assignOutput(i, param)))
      return failure();
  return success();
}
