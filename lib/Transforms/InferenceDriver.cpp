//===- InferenceDriver.cpp - helpers shared by the inference passes -------===//

#include "InferenceDriver.h"

#include "symc/Dialect/SymDialect.h"

using namespace mlir;

namespace symc {

llvm::StringMap<unsigned> getArgumentIndicesByName(func::FuncOp func) {
  llvm::StringMap<unsigned> indices;
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
    if (auto name = func.getArgAttrOfType<StringAttr>(i, sym::kArgNameAttr))
      indices[name.getValue()] = i;
  return indices;
}

LogicalResult parseNamedOptions(
    func::FuncOp func, ArrayRef<std::string> items,
    function_ref<LogicalResult(unsigned, StringRef)> callback) {
  llvm::StringMap<unsigned> indices = getArgumentIndicesByName(func);
  for (StringRef item : items) {
    size_t sep = item.find_first_of("=:");
    if (sep == StringRef::npos)
      return emitError(func.getLoc()) << "expected NAME=VALUE, got '" << item << "'";
    StringRef name = item.take_front(sep), value = item.drop_front(sep + 1);
    auto it = indices.find(name);
    if (it == indices.end())
      return emitError(func.getLoc()) << "no argument named '" << name << "'";
    if (failed(callback(it->second, value)))
      return failure();
  }
  return success();
}

void updateFunctionSignature(func::FuncOp func) {
  Block &entry = func.getBody().front();
  SmallVector<Type> results = llvm::to_vector(func.getResultTypes());
  if (auto ret = dyn_cast<func::ReturnOp>(entry.getTerminator()))
    results = llvm::to_vector(ret.getOperandTypes());
  func.setFunctionType(
      FunctionType::get(func.getContext(), entry.getArgumentTypes(), results));
}

std::string listUnknownArguments(func::FuncOp func,
                                 function_ref<bool(Value)> isUnknown) {
  std::string names;
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    if (!isUnknown(func.getArgument(i)))
      continue;
    auto name = func.getArgAttrOfType<StringAttr>(i, sym::kArgNameAttr);
    if (!names.empty())
      names += ", ";
    names += name ? name.getValue().str() : ("#" + std::to_string(i));
  }
  return names;
}

void forEachTensorValue(func::FuncOp func, function_ref<void(Value)> callback) {
  for (BlockArgument arg : func.getArguments())
    callback(arg);
  func.walk([&](Operation *op) {
    for (Value v : op->getResults())
      if (isa<TensorType>(v.getType()))
        callback(v);
    if (auto subgraph = dyn_cast<sym::SubgraphOp>(op))
      for (BlockArgument arg : subgraph.getBodyBlock().getArguments())
        callback(arg);
  });
}

SmallVector<Operation *> collectSweepOps(Block &body) {
  SmallVector<Operation *> ops;
  for (Operation &op : body) {
    if (auto subgraph = dyn_cast<sym::SubgraphOp>(op)) {
      ops.push_back(subgraph);
      ops.append(collectSweepOps(subgraph.getBodyBlock()));
      ops.push_back(subgraph);
    } else if (isa<sym::SymInferInterface>(op)) {
      ops.push_back(&op);
    }
  }
  return ops;
}

} // namespace symc
