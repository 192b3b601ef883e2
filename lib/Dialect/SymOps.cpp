//===- SymOps.cpp - verifiers and helpers of sym ops ----------------------===//
//
// Verifiers check what an MXNet parameter parser would reject (a bias given
// with no_bias, tuples of the wrong length, non-positive strides); shape
// rules live in ShapeInference.cpp.
//
//===----------------------------------------------------------------------===//

#include "symc/Dialect/SymDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/OpImplementation.h"

using namespace mlir;
using namespace symc::sym;

#define GET_OP_CLASSES
#include "symc/Dialect/SymOps.cpp.inc"

namespace {
/// An empty tuple or one with an entry per kernel axis, each >= `minValue`.
/// Window extents beyond this are certainly corrupt; the bound keeps shape
/// arithmetic far from overflow.
constexpr int64_t kMaxWindow = int64_t(1) << 31;

LogicalResult verifyWindowTuple(Operation *op, StringRef name,
                                ArrayRef<int64_t> values, size_t rank,
                                int64_t minValue) {
  if (!values.empty() && values.size() != rank)
    return op->emitOpError() << "'" << name << "' has " << values.size()
                             << " entries but the kernel has " << rank;
  for (int64_t v : values)
    if (v < minValue || v > kMaxWindow)
      return op->emitOpError()
             << "'" << name << "' entries must be in [" << minValue << ", "
             << kMaxWindow << "], got " << v;
  return success();
}

LogicalResult verifyOptionalBias(Operation *op, bool noBias, bool hasBias) {
  if (noBias && hasBias)
    return op->emitOpError("has a bias operand but no_bias is set");
  if (!noBias && !hasBias)
    return op->emitOpError("needs a bias operand unless no_bias is set");
  return success();
}

} // namespace

LogicalResult FullyConnectedOp::verify() {
  if (getNumHidden() < 1)
    return emitOpError("num_hidden must be positive, got ") << getNumHidden();
  return verifyOptionalBias(*this, getNoBias(), getBias() != nullptr);
}

LogicalResult ConvolutionOp::verify() {
  size_t rank = getKernel().size();
  if (rank < 1 || rank > 3)
    return emitOpError("kernel must have 1 to 3 entries, got ") << rank;
  if (failed(verifyWindowTuple(*this, "kernel", getKernel(), rank, 1)) ||
      failed(verifyWindowTuple(*this, "stride", getStride(), rank, 1)) ||
      failed(verifyWindowTuple(*this, "dilate", getDilate(), rank, 1)) ||
      failed(verifyWindowTuple(*this, "pad", getPad(), rank, 0)))
    return failure();
  if (getNumFilter() < 1)
    return emitOpError("num_filter must be positive, got ") << getNumFilter();
  if (getNumGroup() < 1)
    return emitOpError("num_group must be positive, got ") << getNumGroup();
  return verifyOptionalBias(*this, getNoBias(), getBias() != nullptr);
}

SmallVector<int64_t> ConvolutionOp::getStrideOrDefault() {
  return tupleOrDefault(getStride(), getKernel().size(), 1);
}
SmallVector<int64_t> ConvolutionOp::getDilateOrDefault() {
  return tupleOrDefault(getDilate(), getKernel().size(), 1);
}
SmallVector<int64_t> ConvolutionOp::getPadOrDefault() {
  return tupleOrDefault(getPad(), getKernel().size(), 0);
}

LogicalResult DeconvolutionOp::verify() {
  size_t rank = getKernel().size();
  if (rank < 1 || rank > 3)
    return emitOpError("kernel must have 1 to 3 entries, got ") << rank;
  if (failed(verifyWindowTuple(*this, "kernel", getKernel(), rank, 1)) ||
      failed(verifyWindowTuple(*this, "stride", getStride(), rank, 1)) ||
      failed(verifyWindowTuple(*this, "dilate", getDilate(), rank, 1)) ||
      failed(verifyWindowTuple(*this, "pad", getPad(), rank, 0)) ||
      failed(verifyWindowTuple(*this, "adj", getAdj(), rank, 0)) ||
      failed(verifyWindowTuple(*this, "target_shape", getTargetShape(), rank, 0)))
    return failure();
  if (getNumFilter() < 1 || getNumGroup() < 1)
    return emitOpError("num_filter and num_group must be positive");
  return verifyOptionalBias(*this, getNoBias(), getBias() != nullptr);
}

std::pair<int64_t, int64_t> DeconvolutionOp::getPadAndAdj(size_t axis,
                                                          int64_t in) {
  size_t rank = getKernel().size();
  SmallVector<int64_t> stride = tupleOrDefault(getStride(), rank, 1);
  SmallVector<int64_t> dilate = tupleOrDefault(getDilate(), rank, 1);
  SmallVector<int64_t> pad = tupleOrDefault(getPad(), rank, 0);
  SmallVector<int64_t> adj = tupleOrDefault(getAdj(), rank, 0);
  bool useTarget = llvm::any_of(getTargetShape(), [](int64_t t) { return t != 0; });
  if (!useTarget)
    return {pad[axis], adj[axis]};
  int64_t dilatedKernel = dilate[axis] * (getKernel()[axis] - 1) + 1;
  int64_t total = stride[axis] * (in - 1) + dilatedKernel - getTargetShape()[axis];
  int64_t a = total % 2;
  return {(total + 1) / 2, a};
}

LogicalResult PoolingOp::verify() {
  size_t rank = getKernel().size();
  if (!getGlobalPool() && (rank < 1 || rank > 3))
    return emitOpError("kernel must have 1 to 3 entries unless global_pool, "
                       "got ")
           << rank;
  if (failed(verifyWindowTuple(*this, "kernel", getKernel(), rank, 1)))
    return failure();
  if (!getGlobalPool() &&
      (failed(verifyWindowTuple(*this, "stride", getStride(), rank, 1)) ||
       failed(verifyWindowTuple(*this, "pad", getPad(), rank, 0))))
    return failure();
  if (getPoolType() == PoolType::lp && !getPValue())
    return emitOpError("pool_type 'lp' needs p_value");
  return success();
}

LogicalResult LeakyReLUOp::verify() {
  bool isPrelu = getActType() == LeakyActType::prelu;
  if (isPrelu != (getGamma() != nullptr))
    return emitOpError(isPrelu ? "act_type 'prelu' needs a gamma operand"
                               : "only act_type 'prelu' takes a gamma operand");
  bool isRrelu = getActType() == LeakyActType::rrelu;
  if (isRrelu != (getMask() != nullptr))
    return emitOpError(isRrelu ? "act_type 'rrelu' has a mask result"
                               : "only act_type 'rrelu' has a mask result");
  return success();
}

template <typename OpTy>
static LogicalResult verifySoftmaxFamily(OpTy op) {
  if (op.getUseLength() != (op.getLength() != nullptr))
    return op.emitOpError("a length operand is given iff use_length is set");
  return success();
}
LogicalResult SoftmaxOp::verify() { return verifySoftmaxFamily(*this); }
LogicalResult LogSoftmaxOp::verify() { return verifySoftmaxFamily(*this); }
LogicalResult SoftminOp::verify() { return verifySoftmaxFamily(*this); }

LogicalResult ConcatOp::verify() {
  if (getNumArgs() != (int64_t)getData().size())
    return emitOpError("num_args is ")
           << getNumArgs() << " but " << getData().size()
           << " inputs are given";
  if (getData().empty())
    return emitOpError("needs at least one input");
  return success();
}

LogicalResult SliceChannelOp::verify() {
  if (getNumOutputs() < 1)
    return emitOpError("num_outputs must be positive, got ")
           << getNumOutputs();
  if (getNumOutputs() != (int64_t)getOutputs().size())
    return emitOpError("num_outputs is ")
           << getNumOutputs() << " but the op has " << getOutputs().size()
           << " results";
  return success();
}

SmallVector<int64_t> TransposeOp::getPermutation(int64_t rank) {
  if (!getAxes().empty())
    return SmallVector<int64_t>(getAxes());
  SmallVector<int64_t> perm;
  for (int64_t i = rank - 1; i >= 0; --i)
    perm.push_back(i);
  return perm;
}

//===----------------------------------------------------------------------===//
// RNN
//===----------------------------------------------------------------------===//

int64_t RNNOp::getNumGates() {
  switch (getMode()) {
  case RNNMode::lstm:
    return 4;
  case RNNMode::gru:
    return 3;
  default:
    return 1;
  }
}

Value RNNOp::getStateCell() {
  return getMode() == RNNMode::lstm ? getOptionalInputs()[0] : Value();
}

Value RNNOp::getSequenceLength() {
  return getUseSequenceLength() ? getOptionalInputs().back() : Value();
}

int64_t RNNOp::getParameterSize(int64_t inputSize) {
  int64_t hidden = getStateSize(), directions = getNumDirections();
  int64_t gatesTimesDirections = getNumGates() * hidden * directions;
  // Each layer: W_i2h (G*H x in), W_h2h (G*H x H) and two biases, per
  // direction; layers after the first read D*H features.
  int64_t first = (inputSize + hidden + 2) * gatesTimesDirections;
  int64_t other = (hidden * directions + hidden + 2) * gatesTimesDirections;
  return first + (getNumLayers() - 1) * other;
}

LogicalResult RNNOp::verify() {
  if (getStateSize() < 1 || getNumLayers() < 1)
    return emitOpError("state_size and num_layers must be positive, got ")
           << getStateSize() << " and " << getNumLayers();
  size_t expectedInputs = (getMode() == RNNMode::lstm ? 1 : 0) +
                          (getUseSequenceLength() ? 1 : 0);
  if (getOptionalInputs().size() != expectedInputs)
    return emitOpError("expects ")
           << 3 + expectedInputs << " inputs for mode "
           << stringifyRNNMode(getMode())
           << (getUseSequenceLength() ? " with use_sequence_length" : "")
           << ", got " << 3 + getOptionalInputs().size();
  size_t expectedOutputs =
      getStateOutputs() ? (getMode() == RNNMode::lstm ? 3 : 2) : 1;
  if (getOutputs().size() != expectedOutputs)
    return emitOpError("expects ")
           << expectedOutputs << " results, got " << getOutputs().size();
  return success();
}

//===----------------------------------------------------------------------===//
// Detection
//===----------------------------------------------------------------------===//

namespace {
LogicalResult verifyBoxFormat(Operation *op, StringRef name, StringRef value) {
  if (value != "corner" && value != "center")
    return op->emitOpError() << name << " must be corner or center, got '"
                             << value << "'";
  return success();
}
} // namespace

LogicalResult MultiBoxPriorOp::verify() {
  if (getSizes().empty() || getRatios().empty())
    return emitOpError("sizes and ratios must not be empty");
  if (getSteps().size() != 2 || getOffsets().size() != 2)
    return emitOpError("steps and offsets must have 2 entries (y, x)");
  if (getSteps()[0] * getSteps()[1] < 0)
    return emitOpError("Must specify both step_y and step_x");
  for (double offset : getOffsets())
    if (offset < 0 || offset > 1)
      return emitOpError("offsets must be in [0, 1], got ") << offset;
  return success();
}

LogicalResult MultiBoxDetectionOp::verify() {
  if (getVariances().size() != 4)
    return emitOpError("variances must have 4 entries, got ")
           << getVariances().size();
  return success();
}

LogicalResult BoxNMSOp::verify() {
  if (failed(verifyBoxFormat(*this, "in_format", getInFormat())) ||
      failed(verifyBoxFormat(*this, "out_format", getOutFormat())))
    return failure();
  if (getCoordStart() < 0 || getScoreIndex() < 0)
    return emitOpError("coord_start and score_index must be non-negative");
  if (getScoreIndex() >= getCoordStart() && getScoreIndex() < getCoordStart() + 4)
    return emitOpError("score_index must not be one of the coordinates");
  if (getIdIndex() >= 0 &&
      (getIdIndex() == getScoreIndex() ||
       (getIdIndex() >= getCoordStart() && getIdIndex() < getCoordStart() + 4)))
    return emitOpError("id_index must differ from score_index and the "
                       "coordinates");
  return success();
}

LogicalResult BoxIoUOp::verify() {
  return verifyBoxFormat(*this, "format", getFormat());
}

//===----------------------------------------------------------------------===//
// Ordering, _split_v2
//===----------------------------------------------------------------------===//

namespace {
std::optional<int64_t> sortAxis(Operation *op, std::optional<int64_t> axis) {
  if (isNoneAttr(op, "axis"))
    return std::nullopt;
  return axis.value_or(-1);
}
} // namespace

std::optional<int64_t> TopKOp::getSortAxis() {
  return sortAxis(*this, getAxis());
}
std::optional<int64_t> SortOp::getSortAxis() {
  return sortAxis(*this, getAxis());
}
std::optional<int64_t> ArgSortOp::getSortAxis() {
  return sortAxis(*this, getAxis());
}

LogicalResult TopKOp::verify() {
  StringRef ret = getRetTyp();
  if (ret != "value" && ret != "indices" && ret != "mask" && ret != "both")
    return emitOpError("ret_typ must be value, indices, mask or both, got '")
           << ret << "'";
  size_t expected = ret == "value" || ret == "both" ? 2 : 1;
  if (getOutputs().size() != expected)
    return emitOpError("ret_typ ") << ret << " has " << expected
                                   << " results, got " << getOutputs().size();
  return success();
}
LogicalResult SortOp::verify() { return success(); }

LogicalResult HistogramOp::verify() {
  // HistogramOpShape: bin_cnt and range both or neither, and the edges as
  // an input exactly when there is no bin_cnt.
  if (getBinCnt().has_value() != getRange().has_value())
    return emitOpError("cnt and range should both or neither specified");
  if (getBinCnt().has_value() == (getBins() != nullptr))
    return emitOpError(getBinCnt() ? "takes no bins input with bin_cnt"
                                   : "needs a bins input without bin_cnt");
  if (getBinCnt() && *getBinCnt() < 1)
    return emitOpError("bin_cnt must be positive, got ") << *getBinCnt();
  if (getRange()) {
    ArrayRef<double> range = *getRange();
    if (range.size() != 2 || !(range[0] <= range[1]))
      return emitOpError("range must be (min, max) with min <= max");
  }
  return success();
}
LogicalResult ArgSortOp::verify() { return success(); }

SmallVector<std::pair<int64_t, int64_t>> SplitV2Op::getRanges(int64_t size) {
  SmallVector<int64_t> starts;
  if (getSections() > 0) {
    // numpy.array_split: the first size % sections parts are one longer.
    int64_t base = size / getSections(), extra = size % getSections();
    for (int64_t i = 0, start = 0; i < getSections(); ++i) {
      starts.push_back(start);
      start += base + (i < extra ? 1 : 0);
    }
  } else {
    starts.assign(getIndices().begin(), getIndices().end());
  }
  SmallVector<std::pair<int64_t, int64_t>> ranges;
  for (size_t i = 0; i < starts.size(); ++i)
    ranges.push_back({starts[i], i + 1 < starts.size() ? starts[i + 1] : size});
  return ranges;
}

LogicalResult SplitV2Op::verify() {
  size_t expected =
      getSections() > 0 ? (size_t)getSections() : getIndices().size();
  if (expected == 0)
    return emitOpError("needs indices or sections > 0");
  if (getOutputs().size() != expected)
    return emitOpError("expects ") << expected << " results, got "
                                   << getOutputs().size();
  return success();
}

//===----------------------------------------------------------------------===//
// UpSampling, Crop, BilinearResize2D
//===----------------------------------------------------------------------===//

LogicalResult UpSamplingOp::verify() {
  if (getScale() < 1)
    return emitOpError("scale must be positive, got ") << getScale();
  StringRef type = getSampleType();
  if (type != "nearest" && type != "bilinear")
    return emitOpError("sample_type must be nearest or bilinear, got '")
           << type << "'";
  if (type == "bilinear" && getData().size() != 2)
    return emitOpError("bilinear takes data and weight, got ")
           << getData().size() << " inputs";
  if (type == "nearest" && (int64_t)getData().size() != getNumArgs())
    return emitOpError("num_args is ")
           << getNumArgs() << " but the op has " << getData().size()
           << " inputs";
  if (getMultiInputMode() != "concat" && getMultiInputMode() != "sum")
    return emitOpError("multi_input_mode must be concat or sum");
  return success();
}

std::pair<int64_t, int64_t> CropOp::getWindowOffset(int64_t H, int64_t W,
                                                    int64_t h, int64_t w) {
  if (getCenterCrop())
    return {(H - h) / 2, (W - w) / 2};
  ArrayRef<int64_t> offset = getOffset();
  return {offset.size() > 0 ? offset[0] : 0, offset.size() > 1 ? offset[1] : 0};
}

LogicalResult BilinearResize2DOp::verify() {
  static const char *const kModes[] = {"size",         "odd_scale",   "like",
                                       "to_even_down", "to_even_up",  "to_odd_down",
                                       "to_odd_up"};
  if (!llvm::is_contained(kModes, getMode()))
    return emitOpError("unknown mode '") << getMode() << "'";
  if ((getMode() == "like") != (getLike() != nullptr))
    return emitOpError("takes a `like` input exactly in mode like");
  return success();
}

//===----------------------------------------------------------------------===//
// sym.subgraph
//===----------------------------------------------------------------------===//

YieldOp SubgraphOp::getYield() {
  return cast<YieldOp>(getBodyBlock().getTerminator());
}

LogicalResult SubgraphOp::verify() {
  Block &body = getBodyBlock();
  size_t numInputs = getInputs().size();
  if (body.getNumArguments() != numInputs)
    return emitOpError() << "has " << numInputs << " inputs but its body has "
                         << body.getNumArguments() << " arguments";
  if (getInputNames().size() != numInputs)
    return emitOpError() << "has " << numInputs << " inputs but "
                         << getInputNames().size() << " input_names";
  if (auto attrs = getInputAttrs(); attrs && attrs->size() != numInputs)
    return emitOpError() << "has " << numInputs << " inputs but "
                         << attrs->size() << " input_attrs";
  if (body.empty() || !isa<YieldOp>(body.back()))
    return emitOpError() << "body must end in sym.yield";
  size_t numYielded = getYield().getValues().size();
  if (numYielded != getNumResults())
    return emitOpError() << "has " << getNumResults() << " results but yields "
                         << numYielded << " values";
  return success();
}
