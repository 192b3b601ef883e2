//===- InferShapes.cpp - sym-infer-shapes ---------------------------------===//
//
// MXNet's infer_shape over a sym function: argument shapes come from the
// signature (e.g. `__shape__` hints, or sym-run's inputs and params) and
// from the `shapes` option; everything else from the ops' rules.
//
//===----------------------------------------------------------------------===//

#include "InferenceDriver.h"

#include "symc/Dialect/SymDialect.h"
#include "symc/Transforms/Passes.h"

using namespace mlir;
using namespace symc;
using symc::sym::PartialShape;

namespace symc {
#define GEN_PASS_DEF_SYMINFERSHAPES
#include "symc/Dialect/TransformsPasses.h.inc"

template <>
struct InferenceTraits<PartialShape> {
  using Interface = sym::SymInferInterface;
  using Context = sym::ShapeInferenceContext;
  using State = DenseMap<Value, PartialShape>;

  static int64_t numUnknown(const PartialShape &s) { return s.numUnknown(); }

  static Context makeContext(Operation *op, State &state) {
    SmallVector<PartialShape> ins, outs;
    for (Value v : op->getOperands())
      ins.push_back(state.lookup(v));
    for (Value v : op->getResults())
      outs.push_back(state.lookup(v));
    return Context(op, std::move(ins), std::move(outs));
  }
  static LogicalResult infer(Operation *op, Context &ctx) {
    return cast<Interface>(op).inferShapes(ctx);
  }
  /// Writes the refined shapes back; a value used as two operands that
  /// were given different shapes is an inconsistency.
  static LogicalResult store(Operation *op, Context &ctx, State &state) {
    for (auto [i, v, s] : llvm::enumerate(op->getOperands(), ctx.getInputs())) {
      if (ctx.isOverwritten(i)) {
        state[v] = s;
        continue;
      }
      std::optional<PartialShape> merged = PartialShape::merge(state[v], s);
      if (!merged)
        return ctx.emitError("Shape inconsistent, Provided = " +
                             state[v].str() + ", inferred shape=" +
                             s.str(/*tuple=*/true));
      state[v] = *merged;
    }
    for (auto [v, s] : llvm::zip(op->getResults(), ctx.getOutputs()))
      state[v] = s;
    return success();
  }
  static LogicalResult unify(Operation *op, Value a, Value b, State &state) {
    std::optional<PartialShape> merged = PartialShape::merge(state[a], state[b]);
    if (!merged)
      return op->emitError() << "Error in operator " << sym::getNodeName(op)
                             << ": Shape inconsistent, Provided = "
                             << state[a].str() << ", inferred shape="
                             << state[b].str(/*tuple=*/true);
    state[a] = state[b] = *merged;
    return success();
  }
};
} // namespace symc

namespace {
/// Parses "1x3x224x224" (an empty string is a scalar of rank 0).
std::optional<PartialShape> parseShape(StringRef text) {
  SmallVector<int64_t> dims;
  if (text.empty())
    return PartialShape(dims);
  SmallVector<StringRef> parts;
  text.split(parts, 'x');
  for (StringRef p : parts) {
    int64_t d;
    if (p == "?")
      d = PartialShape::kUnknownDim;
    else if (p.getAsInteger(10, d) || d < 0)
      return std::nullopt;
    dims.push_back(d);
  }
  return PartialShape(dims);
}

Type elementTypeOf(Value v) { return cast<TensorType>(v.getType()).getElementType(); }

struct SymInferShapesPass
    : public symc::impl::SymInferShapesBase<SymInferShapesPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    DenseMap<Value, PartialShape> state;
    forEachTensorValue(func, [&](Value v) {
      state[v] = PartialShape::fromType(v.getType());
    });

    if (failed(applyGivenShapes(func, state)) ||
        failed(runInferenceSweeps(func, state)))
      return signalPassFailure();
    writeBack(func, state);
    if (!partial && failed(checkComplete(func, state)))
      return signalPassFailure();
  }

  LogicalResult applyGivenShapes(func::FuncOp func,
                                 DenseMap<Value, PartialShape> &state) {
    return parseNamedOptions(func, inputShapes, [&](unsigned i, StringRef text) -> LogicalResult {
      std::optional<PartialShape> shape = parseShape(text);
      if (!shape)
        return emitError(func.getLoc()) << "invalid shape '" << text
                                << "' (expected e.g. 1x3x224x224)";
      BlockArgument arg = func.getArgument(i);
      std::optional<PartialShape> merged =
          PartialShape::merge(state[arg], *shape);
      if (!merged)
        return emitError(func.getLoc())
               << "argument " << i << " has shape " << state[arg].str()
               << ", given " << shape->str();
      state[arg] = *merged;
      return success();
    });
  }

  void writeBack(func::FuncOp func, DenseMap<Value, PartialShape> &state) {
    for (auto &[value, shape] : state)
      if (isa<TensorType>(value.getType()))
        value.setType(shape.toTensorType(elementTypeOf(value)));
    updateFunctionSignature(func);
  }

  LogicalResult checkComplete(func::FuncOp func,
                              DenseMap<Value, PartialShape> &state) {
    std::string args = listUnknownArguments(
        func, [&](Value v) { return !state[v].isComplete(); });
    if (!args.empty())
      return emitError(func.getLoc())
             << "infer_shape: cannot decide the shapes of: " << args
             << " (give them, e.g. sym-infer-shapes{shapes=NAME=1x3x224x224})";
    WalkResult walk = func.walk([&](Operation *op) {
      for (Value v : op->getResults())
        if (isa<TensorType>(v.getType()) && !state[v].isComplete()) {
          op->emitError() << "infer_shape: the output shape of operator "
                          << sym::getNodeName(op) << " stays unknown: "
                          << state[v].str();
          return WalkResult::interrupt();
        }
      return WalkResult::advance();
    });
    return failure(walk.wasInterrupted());
  }
};
} // namespace
