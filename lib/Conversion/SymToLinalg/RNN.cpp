//===- RNN.cpp - the fused RNN op (rnn_relu, rnn_tanh, lstm, gru) ---------===//
//
// Per layer and direction: the input projection of all time steps is one
// matmul (T*N, in) x (in, G*H); the recurrence is an scf.for over time whose
// tensors carry h (and c), each step one (N, H) x (H, G*H) matmul and the
// gate formulas of MXNet's rnn_impl.h as elementwise generics. The backward
// direction walks time in reverse and writes the upper half of the output
// features, as MXNet's bidirectional layout.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"
#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"

using namespace mlir;
using namespace symc;
using namespace symc::sym;

namespace {

/// The static sizes of one RNN op.
struct RNNDims {
  int64_t steps, batch, hidden, gates, directions, layers;
  int64_t gateWidth() const { return gates * hidden; }
};

/// A slice of the packed 1-D parameter vector, reshaped to `shape`.
Value sliceParameters(OpBuilder &b, Location loc, Value parameters,
                      int64_t offset, ArrayRef<int64_t> shape) {
  int64_t size = computeProduct(shape);
  Value flat = tensor::ExtractSliceOp::create(
      b, loc, parameters, ArrayRef<OpFoldResult>{b.getIndexAttr(offset)},
      ArrayRef<OpFoldResult>{b.getIndexAttr(size)},
      ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
  return buildReshape(b, loc, flat, shape);
}

/// lhs (M, K) times rhs^T for rhs (P, K), plus `bias` (P) on every row.
Value matmulTransposedPlusBias(OpBuilder &b, Location loc, Value lhs, Value rhs,
                               Value bias) {
  auto lhsType = cast<RankedTensorType>(lhs.getType());
  auto rhsType = cast<RankedTensorType>(rhs.getType());
  Type elt = lhsType.getElementType();
  int64_t m = lhsType.getDimSize(0), k = lhsType.getDimSize(1),
          p = rhsType.getDimSize(0);
  auto transposedType = RankedTensorType::get({k, p}, elt);
  Value transposed =
      linalg::TransposeOp::create(b, loc, rhs, buildEmpty(b, loc, transposedType),
                                  ArrayRef<int64_t>{1, 0})
          .getResult()[0];
  auto accType = RankedTensorType::get({m, p}, elt);
  Value acc = buildBroadcast(b, loc, bias, accType, {1});
  return linalg::MatmulOp::create(b, loc, TypeRange{accType},
                                  ValueRange{lhs, transposed}, ValueRange{acc})
      .getResult(0);
}

/// Columns [gate * H, (gate + 1) * H) of an (N, G*H) tensor.
Value gateSlice(OpBuilder &b, Location loc, Value gates, int64_t gate,
                const RNNDims &dims) {
  SmallVector<OpFoldResult> offsets = {b.getIndexAttr(0),
                                       b.getIndexAttr(gate * dims.hidden)};
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(dims.batch),
                                     b.getIndexAttr(dims.hidden)};
  SmallVector<OpFoldResult> strides(2, b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(b, loc, gates, offsets, sizes, strides);
}

/// The (N, H) slice `index` of an (L*D, N, H) state tensor.
Value stateSlice(OpBuilder &b, Location loc, Value states, int64_t index,
                 const RNNDims &dims, Type elt) {
  auto type = RankedTensorType::get({dims.batch, dims.hidden}, elt);
  SmallVector<OpFoldResult> offsets = {b.getIndexAttr(index), b.getIndexAttr(0),
                                       b.getIndexAttr(0)};
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1), b.getIndexAttr(dims.batch),
                                     b.getIndexAttr(dims.hidden)};
  SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
  return tensor::ExtractSliceOp::create(b, loc, type, states, offsets, sizes,
                                        strides);
}

/// Writes the (N, H) tensor `value` into `dest` (..., N, F) at the
/// leading index `index` and feature offset `feature`.
Value insertRow(OpBuilder &b, Location loc, Value value, Value dest,
                OpFoldResult index, int64_t feature, const RNNDims &dims) {
  SmallVector<OpFoldResult> offsets = {index, b.getIndexAttr(0),
                                       b.getIndexAttr(feature)};
  SmallVector<OpFoldResult> sizes = {b.getIndexAttr(1), b.getIndexAttr(dims.batch),
                                     b.getIndexAttr(dims.hidden)};
  SmallVector<OpFoldResult> strides(3, b.getIndexAttr(1));
  return tensor::InsertSliceOp::create(b, loc, value, dest, offsets, sizes,
                                       strides);
}

/// One time step of a cell: from the input projection `x` (N, G*H, input
/// bias included) and the recurrent projection `r` (N, G*H, its bias
/// included), the new h and, for LSTM, the new c (rnn_impl.h).
std::pair<Value, Value> buildCellStep(OpBuilder &b, Location loc, RNNMode mode,
                                      Value x, Value r, Value h, Value c,
                                      const RNNDims &dims) {
  auto type = cast<RankedTensorType>(h.getType());
  Type elt = type.getElementType();
  auto gate = [&](Value v, int64_t g) { return gateSlice(b, loc, v, g, dims); };
  auto elementwise = [&](ValueRange operands, auto formula) {
    SmallVector<ElementwiseOperand> ops;
    for (Value v : operands)
      ops.push_back(fullOperand(v));
    return buildElementwise(b, loc, type, ops,
                            [&](OpBuilder &nb, Location l, ValueRange a) {
                              ScalarMath m{nb, l, elt};
                              return formula(m, a);
                            });
  };
  switch (mode) {
  case RNNMode::rnn_relu:
  case RNNMode::rnn_tanh: {
    bool relu = mode == RNNMode::rnn_relu;
    Value next = elementwise({x, r}, [&](ScalarMath &m, ValueRange a) {
      Value sum = m.add(a[0], a[1]);
      return relu ? m.relu(sum) : m.tanh(sum);
    });
    return {next, Value()};
  }
  case RNNMode::lstm: {
    // Gates i, f, g, o: c' = f c + i g; h' = o tanh(c').
    Value cNext = elementwise(
        {gate(x, 0), gate(r, 0), gate(x, 1), gate(r, 1), gate(x, 2), gate(r, 2),
         c},
        [&](ScalarMath &m, ValueRange a) {
          Value i = m.sigmoid(m.add(a[0], a[1]));
          Value f = m.sigmoid(m.add(a[2], a[3]));
          Value g = m.tanh(m.add(a[4], a[5]));
          return m.add(m.mul(f, a[6]), m.mul(i, g));
        });
    Value hNext = elementwise(
        {gate(x, 3), gate(r, 3), cNext}, [&](ScalarMath &m, ValueRange a) {
          return m.mul(m.sigmoid(m.add(a[0], a[1])), m.tanh(a[2]));
        });
    return {hNext, cNext};
  }
  case RNNMode::gru: {
    // Gates r, z, n: n = tanh(x_n + r * (W_hn h + b_hn)); h' = (1-z) n + z h.
    Value next = elementwise(
        {gate(x, 0), gate(r, 0), gate(x, 1), gate(r, 1), gate(x, 2), gate(r, 2),
         h},
        [&](ScalarMath &m, ValueRange a) {
          Value reset = m.sigmoid(m.add(a[0], a[1]));
          Value update = m.sigmoid(m.add(a[2], a[3]));
          Value n = m.tanh(m.add(a[4], m.mul(reset, a[5])));
          return m.add(m.mul(m.sub(m.c(1.0), update), n), m.mul(update, a[6]));
        });
    return {next, Value()};
  }
  }
  llvm_unreachable("unknown RNN mode");
}

/// The weights of one layer and direction.
struct DirectionWeights {
  Value inputWeight, inputBias, hiddenWeight, hiddenBias;
};

/// Runs one direction of one layer over `input` (T, N, in): returns the
/// output tensor `output` (T, N, D*H) with this direction's features
/// written, and the final h and c.
struct DirectionResult {
  Value output, h, c;
};
DirectionResult buildDirection(OpBuilder &b, Location loc, RNNMode mode,
                               Value input, const DirectionWeights &w, Value h0,
                               Value c0, Value output, bool reverse,
                               const RNNDims &dims) {
  auto inputType = cast<RankedTensorType>(input.getType());
  int64_t inputSize = inputType.getDimSize(2);
  Value flat = buildReshape(b, loc, input, {dims.steps * dims.batch, inputSize});
  Value projected =
      matmulTransposedPlusBias(b, loc, flat, w.inputWeight, w.inputBias);
  projected =
      buildReshape(b, loc, projected, {dims.steps, dims.batch, dims.gateWidth()});

  SmallVector<Value> init = {output, h0};
  if (c0)
    init.push_back(c0);
  Value lb = arith::ConstantIndexOp::create(b, loc, 0);
  Value ub = arith::ConstantIndexOp::create(b, loc, dims.steps);
  Value one = arith::ConstantIndexOp::create(b, loc, 1);
  Value last = arith::ConstantIndexOp::create(b, loc, dims.steps - 1);
  int64_t feature = reverse ? dims.hidden : 0;
  auto loop = scf::ForOp::create(
      b, loc, lb, ub, one, init,
      [&](OpBuilder &nb, Location l, Value iv, ValueRange carried) {
        Value t = reverse ? arith::SubIOp::create(nb, l, last, iv).getResult() : iv;
        auto rowType = RankedTensorType::get({dims.batch, dims.gateWidth()},
                                             inputType.getElementType());
        SmallVector<OpFoldResult> offsets = {t, nb.getIndexAttr(0),
                                             nb.getIndexAttr(0)};
        SmallVector<OpFoldResult> sizes = {nb.getIndexAttr(1),
                                           nb.getIndexAttr(dims.batch),
                                           nb.getIndexAttr(dims.gateWidth())};
        SmallVector<OpFoldResult> strides(3, nb.getIndexAttr(1));
        Value x = tensor::ExtractSliceOp::create(nb, l, rowType, projected,
                                                 offsets, sizes, strides);
        Value r = matmulTransposedPlusBias(nb, l, carried[1], w.hiddenWeight,
                                           w.hiddenBias);
        auto [h, c] = buildCellStep(nb, l, mode, x, r, carried[1],
                                    c0 ? carried[2] : Value(), dims);
        Value out = insertRow(nb, l, h, carried[0], t, feature, dims);
        SmallVector<Value> yielded = {out, h};
        if (c)
          yielded.push_back(c);
        scf::YieldOp::create(nb, l, yielded);
      });
  return {loop.getResult(0), loop.getResult(1),
          c0 ? loop.getResult(2) : Value()};
}

struct RNNLowering : OpConversionPattern<RNNOp> {
  using OpConversionPattern::OpConversionPattern;

  LogicalResult
  matchAndRewrite(RNNOp op, OpAdaptor adaptor,
                  ConversionPatternRewriter &rewriter) const override {
    FailureOr<RankedTensorType> dataType =
        getStaticFloatType(rewriter, op, adaptor.getData());
    FailureOr<RankedTensorType> outType =
        getStaticFloatType(rewriter, op, op.getOutputs()[0]);
    if (failed(dataType) || failed(outType))
      return failure();
    if (op.getUseSequenceLength() || op.getLstmStateClipMin() ||
        op.getLstmStateClipMax())
      return op.emitOpError("use_sequence_length and lstm_state_clip_* are "
                            "not supported by the lowering yet");
    Location loc = op.getLoc();
    Type elt = dataType->getElementType();
    RNNDims dims{dataType->getDimSize(0), dataType->getDimSize(1),
                 op.getStateSize(),       op.getNumGates(),
                 op.getNumDirections(),   op.getNumLayers()};
    RNNMode mode = op.getMode();
    Value parameters = adaptor.getParameters();
    Value states = adaptor.getState();
    Value cells = mode == RNNMode::lstm ? adaptor.getOptionalInputs()[0] : Value();

    // Weights come first, layer by layer and direction by direction; the
    // biases follow all of them in the same order.
    int64_t weightOffset = 0;
    int64_t biasOffset = op.getParameterSize(dataType->getDimSize(2)) -
                         2 * dims.layers * dims.directions * dims.gateWidth();
    auto stateType = RankedTensorType::get(
        {dims.layers * dims.directions, dims.batch, dims.hidden}, elt);
    Value finalH = buildEmpty(rewriter, loc, stateType);
    Value finalC = cells ? buildEmpty(rewriter, loc, stateType) : Value();
    Value layerInput = adaptor.getData();
    for (int64_t layer = 0; layer < dims.layers; ++layer) {
      int64_t inputSize =
          cast<RankedTensorType>(layerInput.getType()).getDimSize(2);
      auto layerOutType = RankedTensorType::get(
          {dims.steps, dims.batch, dims.directions * dims.hidden}, elt);
      Value layerOutput = buildEmpty(rewriter, loc, layerOutType);
      for (int64_t direction = 0; direction < dims.directions; ++direction) {
        DirectionWeights w;
        w.inputWeight = sliceParameters(rewriter, loc, parameters, weightOffset,
                                        {dims.gateWidth(), inputSize});
        weightOffset += dims.gateWidth() * inputSize;
        w.hiddenWeight = sliceParameters(rewriter, loc, parameters, weightOffset,
                                         {dims.gateWidth(), dims.hidden});
        weightOffset += dims.gateWidth() * dims.hidden;
        w.inputBias = sliceParameters(rewriter, loc, parameters, biasOffset,
                                      {dims.gateWidth()});
        biasOffset += dims.gateWidth();
        w.hiddenBias = sliceParameters(rewriter, loc, parameters, biasOffset,
                                       {dims.gateWidth()});
        biasOffset += dims.gateWidth();

        int64_t stateIndex = layer * dims.directions + direction;
        Value h0 = stateSlice(rewriter, loc, states, stateIndex, dims, elt);
        Value c0 = cells ? stateSlice(rewriter, loc, cells, stateIndex, dims, elt)
                         : Value();
        DirectionResult result =
            buildDirection(rewriter, loc, mode, layerInput, w, h0, c0,
                           layerOutput, /*reverse=*/direction == 1, dims);
        layerOutput = result.output;
        OpFoldResult index = rewriter.getIndexAttr(stateIndex);
        finalH = insertRow(rewriter, loc, result.h, finalH, index, 0, dims);
        if (cells)
          finalC = insertRow(rewriter, loc, result.c, finalC, index, 0, dims);
      }
      layerInput = layerOutput;
    }
    SmallVector<Value> results = {layerInput};
    if (op.getStateOutputs()) {
      results.push_back(finalH);
      if (cells)
        results.push_back(finalC);
    }
    rewriter.replaceOp(op, results);
    return success();
  }
};

} // namespace

void symc::populateRNNPatterns(RewritePatternSet &patterns) {
  patterns.add<RNNLowering>(patterns.getContext());
}
