//===- InferTypes.cpp - sym-infer-types -----------------------------------===//
//
// MXNet's infer_type: dtypes from the signature (`__dtype__` hints, params)
// and the `types` option flow through each op's rule; `!sym.unknown` marks
// a dtype not known yet.
//
//===----------------------------------------------------------------------===//

#include "InferenceDriver.h"

#include "symc/Dialect/DType.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Transforms/Passes.h"

using namespace mlir;
using namespace symc;

namespace symc {
#define GEN_PASS_DEF_SYMINFERTYPES
#include "symc/Dialect/TransformsPasses.h.inc"

namespace {
/// The dtype of a tensor, or null while it is `!sym.unknown`.
Type knownElementType(Type type) {
  Type elt = cast<TensorType>(type).getElementType();
  return isa<sym::UnknownType>(elt) ? Type() : elt;
}
} // namespace

template <>
struct InferenceTraits<Type> {
  using Interface = sym::SymInferInterface;
  using Context = sym::TypeInferenceContext;
  using State = DenseMap<Value, Type>;

  static int64_t numUnknown(Type t) { return t ? 0 : 1; }

  static Context makeContext(Operation *op, State &state) {
    SmallVector<Type> ins, outs;
    for (Value v : op->getOperands())
      ins.push_back(state.lookup(v));
    for (Value v : op->getResults())
      outs.push_back(state.lookup(v));
    return Context(op, std::move(ins), std::move(outs));
  }
  static LogicalResult infer(Operation *op, Context &ctx) {
    return cast<Interface>(op).inferTypes(ctx);
  }
  static LogicalResult store(Operation *op, Context &ctx, State &state) {
    for (auto [i, pair] : llvm::enumerate(llvm::zip(op->getOperands(), ctx.getInputs()))) {
      auto [v, t] = pair;
      if (t && state[v] && state[v] != t)
        return ctx.assignInput(i, state[v]);
      if (t)
        state[v] = t;
    }
    for (auto [v, t] : llvm::zip(op->getResults(), ctx.getOutputs()))
      if (t)
        state[v] = t;
    return success();
  }
  static LogicalResult unify(Operation *op, Value a, Value b, State &state) {
    Type ta = state[a], tb = state[b];
    if (ta && tb && ta != tb)
      return op->emitError() << "Error in operator " << sym::getNodeName(op)
                             << ": Type inconsistent, Provided = " << ta
                             << ", inferred type = " << tb;
    state[a] = state[b] = ta ? ta : tb;
    return success();
  }
};
} // namespace symc

namespace {
Type withElementType(Type type, Type elt) {
  return cast<TensorType>(type).clone(elt);
}

struct SymInferTypesPass
    : public symc::impl::SymInferTypesBase<SymInferTypesPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    DenseMap<Value, Type> state;
    forEachTensorValue(func, [&](Value v) {
      state[v] = knownElementType(v.getType());
    });

    if (failed(applyGivenTypes(func, state)) ||
        failed(runInferenceSweeps(func, state)))
      return signalPassFailure();
    for (auto &[value, elt] : state)
      if (elt && isa<TensorType>(value.getType()))
        value.setType(withElementType(value.getType(), elt));
    updateFunctionSignature(func);
    if (partial)
      return;
    std::string args =
        listUnknownArguments(func, [&](Value v) { return !state[v]; });
    if (!args.empty()) {
      emitError(func.getLoc()) << "infer_type: cannot decide the dtypes of: " << args
                       << " (give them, e.g. sym-infer-types{types=NAME=float32})";
      signalPassFailure();
    }
  }

  LogicalResult applyGivenTypes(func::FuncOp func,
                                DenseMap<Value, Type> &state) {
    return parseNamedOptions(func, inputTypes, [&](unsigned i, StringRef name) -> LogicalResult {
      const DTypeInfo *info = lookupDTypeByName(name);
      if (!info)
        return emitError(func.getLoc()) << "unknown dtype '" << name << "'";
      Type given = getMLIRType(func.getContext(), *info);
      BlockArgument arg = func.getArgument(i);
      if (state[arg] && state[arg] != given)
        return emitError(func.getLoc()) << "argument " << i << " already has dtype "
                                << state[arg] << ", given " << name;
      state[arg] = given;
      return success();
    });
  }
};
} // namespace
