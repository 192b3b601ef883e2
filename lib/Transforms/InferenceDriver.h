//===- InferenceDriver.h - MXNet's InferAttr fixpoint -------------*- C++ -*-===//
//
// The sweep loop shared by sym-infer-shapes and sym-infer-types: alternate
// forward and backward passes over the function body, calling each op's
// rule on the current values, until the number of unknowns stops falling.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_TRANSFORMS_INFERENCEDRIVER_H
#define SYMC_LIB_TRANSFORMS_INFERENCEDRIVER_H

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

namespace symc {

/// How a lattice value (a PartialShape or a dtype) is read from a type,
/// counted, and run through one op's rule.
template <typename T>
struct InferenceTraits;

/// The function's arguments by their `sym.name`.
llvm::StringMap<unsigned> getArgumentIndicesByName(mlir::func::FuncOp func);

/// Parses `name=value` (or `name:value`) items of a pass option, naming the
/// argument in errors.
llvm::LogicalResult
parseNamedOptions(mlir::func::FuncOp func, llvm::ArrayRef<std::string> items,
                  llvm::function_ref<llvm::LogicalResult(
                      unsigned argIndex, llvm::StringRef value)> callback);

/// Updates the function type from its entry block and return operands.
void updateFunctionSignature(mlir::func::FuncOp func);

/// Lists the `sym.name` of arguments whose value is still unknown.
std::string listUnknownArguments(mlir::func::FuncOp func,
                                 llvm::function_ref<bool(mlir::Value)> isUnknown);

/// Every tensor value of the function: arguments, results, and the
/// arguments of subgraph bodies.
void forEachTensorValue(mlir::func::FuncOp func,
                        llvm::function_ref<void(mlir::Value)> callback);

/// The ops a sweep visits, in order: the function's ops with an inference
/// rule, and each sym.subgraph before and after the ops of its body (the
/// subgraph's own step ties its operands and results to its body).
llvm::SmallVector<mlir::Operation *> collectSweepOps(mlir::Block &body);

/// A subgraph is transparent to inference: operand i and body argument i
/// are one value, and so are result j and yielded value j.
template <typename T>
llvm::LogicalResult tieSubgraph(sym::SubgraphOp op,
                                llvm::DenseMap<mlir::Value, T> &state) {
  using Traits = InferenceTraits<T>;
  for (auto [outer, inner] :
       llvm::zip(op.getInputs(), op.getBodyBlock().getArguments()))
    if (failed(Traits::unify(op, outer, inner, state)))
      return llvm::failure();
  for (auto [outer, inner] :
       llvm::zip(op.getResults(), op.getYield().getValues()))
    if (failed(Traits::unify(op, outer, inner, state)))
      return llvm::failure();
  return llvm::success();
}

/// Runs the sweeps; `state` holds every value's current lattice value.
template <typename T>
llvm::LogicalResult runInferenceSweeps(mlir::func::FuncOp func,
                                       llvm::DenseMap<mlir::Value, T> &state) {
  using Traits = InferenceTraits<T>;
  llvm::SmallVector<mlir::Operation *> ops =
      collectSweepOps(func.getBody().front());
  auto countUnknown = [&] {
    int64_t n = 0;
    for (auto &it : state)
      n += Traits::numUnknown(it.second);
    return n;
  };
  auto visit = [&](mlir::Operation *op) -> llvm::LogicalResult {
    if (auto subgraph = llvm::dyn_cast<sym::SubgraphOp>(op))
      return tieSubgraph<T>(subgraph, state);
    typename Traits::Context ctx = Traits::makeContext(op, state);
    if (failed(Traits::infer(op, ctx)))
      return llvm::failure();
    return Traits::store(op, ctx, state);
  };
  int64_t unknown = countUnknown();
  for (int iter = 0;; ++iter) {
    bool forward = iter % 2 == 0;
    for (size_t i = 0; i < ops.size(); ++i)
      if (failed(visit(ops[forward ? i : ops.size() - 1 - i])))
        return llvm::failure();
    int64_t now = countUnknown();
    // A forward and a backward sweep without progress end the loop.
    if (now == 0 || (now == unknown && !forward))
      break;
    if (!forward)
      unknown = now;
  }
  return llvm::success();
}

} // namespace symc

#endif // SYMC_LIB_TRANSFORMS_INFERENCEDRIVER_H
