//===- Partition.cpp - Symbol::optimize_for -------------------------------===//
//
// The symbol is imported, partitioned by sym-partition and rebuilt from the
// partitioned function: ops keep their original nodes (attributes exactly
// as they were), each sym.subgraph becomes a node holding its subgraph.
//
//===----------------------------------------------------------------------===//

#include "Bridge.h"
#include "symc/API/NDArray.h"
#include "symc/API/Symbol.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Execution/CompiledModel.h"

#include <set>

using namespace mlir;

namespace symc {
using detail::fail;
using detail::NodeEntry;
using detail::NodePtr;

namespace {

/// Rebuilds API nodes from a partitioned function.
class SymbolRebuilder {
public:
  explicit SymbolRebuilder(const std::vector<NodeEntry> &outputs);
  std::vector<NodeEntry> rebuild(func::FuncOp func);

private:
  std::vector<NodeEntry> rebuildBlock(Block &block, ValueRange heads);
  NodePtr rebuildSubgraphNode(sym::SubgraphOp op);
  NodePtr originalNode(const std::string &name, bool variable) const;

  std::map<std::string, NodePtr> opsByName, variablesByName;
  /// The version entries of the symbol give each variable (ops that
  /// mutate a variable see a later version).
  std::map<const detail::Node *, uint32_t> variableVersions;
  DenseMap<mlir::Value, NodeEntry> entries;
};

SymbolRebuilder::SymbolRebuilder(const std::vector<NodeEntry> &outputs) {
  std::set<std::string> repeated;
  detail::dfsVisit(outputs, [&](const NodePtr &n) {
    auto &byName = n->isVariable() ? variablesByName : opsByName;
    if (!byName.emplace(n->name, n).second)
      repeated.insert(n->name);
    for (const NodeEntry &e : n->inputs)
      if (e.node->isVariable())
        variableVersions[e.node.get()] =
            std::max(variableVersions[e.node.get()], e.version);
  });
  if (!repeated.empty())
    fail("optimize_for: node names must be unique to partition a symbol; '" +
         *repeated.begin() + "' names several nodes");
}

NodePtr SymbolRebuilder::originalNode(const std::string &name,
                                      bool variable) const {
  const auto &byName = variable ? variablesByName : opsByName;
  auto it = byName.find(name);
  if (it == byName.end())
    fail("optimize_for: the partitioned graph has a node '" + name +
         "' that the symbol does not have");
  return it->second;
}

NodePtr SymbolRebuilder::rebuildSubgraphNode(sym::SubgraphOp op) {
  auto node = std::make_shared<detail::Node>();
  node->op = op.getOpName().str();
  node->name = sym::getNodeName(op);
  if (auto attrs = op->getAttrOfType<DictionaryAttr>(sym::kMXNetAttrsName))
    for (NamedAttribute a : attrs)
      if (auto text = dyn_cast<StringAttr>(a.getValue()))
        node->attrs[a.getName().str()] = text.str();
  node->declaredOutputs = op.getNumResults();
  Block &body = op.getBodyBlock();
  for (auto [i, arg] : llvm::enumerate(body.getArguments())) {
    NodePtr var = detail::makeVariable(
        cast<StringAttr>(op.getInputNames()[i]).str());
    if (std::optional<ArrayAttr> attrs = op.getInputAttrs())
      for (NamedAttribute a : cast<DictionaryAttr>((*attrs)[i]))
        var->attrs[a.getName().str()] = cast<StringAttr>(a.getValue()).str();
    entries[arg] = NodeEntry{var, 0, 0};
  }
  node->subgraphs.push_back(rebuildBlock(body, op.getYield().getValues()));
  return node;
}

std::vector<NodeEntry> SymbolRebuilder::rebuildBlock(Block &block,
                                                     ValueRange heads) {
  for (Operation &op : block.without_terminator()) {
    NodePtr node;
    if (auto subgraph = dyn_cast<sym::SubgraphOp>(op))
      node = rebuildSubgraphNode(subgraph);
    else
      node = std::make_shared<detail::Node>(
          *originalNode(sym::getNodeName(&op), /*variable=*/false));
    node->inputs.clear();
    for (mlir::Value operand : op.getOperands())
      node->inputs.push_back(entries.lookup(operand));
    for (OpResult result : op.getResults())
      entries[result] = NodeEntry{node, result.getResultNumber(), 0};
  }
  std::vector<NodeEntry> outputs;
  for (mlir::Value head : heads)
    outputs.push_back(entries.lookup(head));
  return outputs;
}

std::vector<NodeEntry> SymbolRebuilder::rebuild(func::FuncOp func) {
  for (BlockArgument arg : func.getArguments()) {
    NodePtr var =
        originalNode(getArgumentName(func, arg.getArgNumber()).str(), true);
    entries[arg] = NodeEntry{var, 0, variableVersions[var.get()]};
  }
  Block &body = func.getBody().front();
  return rebuildBlock(body, body.getTerminator()->getOperands());
}

/// MXOptimizeForBackend's inference step, with the arrays' shapes and
/// dtypes (then the dicts') for the symbol's inputs.
void inferBeforePartitioning(const Symbol &s,
                             const std::map<std::string, NDArray> &args,
                             const std::map<std::string, NDArray> &aux,
                             std::map<std::string, Shape> shapes,
                             std::map<std::string, std::string> types) {
  std::vector<std::string> inputs = s.list_inputs();
  std::set<std::string> known(inputs.begin(), inputs.end());
  for (const auto *arrays : {&args, &aux})
    for (const auto &[name, array] : *arrays) {
      if (!known.count(name))
        continue; // as MXNet: arrays are matched to the inputs by name
      shapes[name] = array.shape();
      types[name] = array.dtype();
    }
  s.infer_shape_partial(shapes);
  s.infer_type_partial(types);
}

} // namespace

Symbol Symbol::optimize_for(const std::string &backend,
                            const std::map<std::string, NDArray> &args,
                            const std::map<std::string, NDArray> &aux,
                            const Args &options,
                            const std::map<std::string, Shape> &shape_dict,
                            const std::map<std::string, std::string> &type_dict,
                            bool skip_infer) const {
  if (outputs.empty())
    fail("optimize_for: the symbol is empty");
  std::vector<std::string> optionItems;
  for (const Arg &option : options) {
    if (option.isPositional())
      fail("optimize_for: options are keyword arguments ({\"name\", value})");
    optionItems.push_back(option.getKey() + "=" + option.getValue().str());
  }
  if (!skip_infer && (!args.empty() || !aux.empty()))
    inferBeforePartitioning(*this, args, aux, shape_dict, type_dict);

  detail::ImportedSymbol imported = detail::importSymbol(outputs);
  detail::DiagnosticCollector diags(*imported.ctx);
  llvm::Expected<unsigned> count =
      partitionModel(*imported.module, backend, optionItems);
  if (!count) {
    std::string message = llvm::toString(count.takeError());
    diags.fail("optimize_for: " + message);
  }
  Symbol partitioned(SymbolRebuilder(outputs).rebuild(imported.main()));
  partitioned.numpySemantics = numpySemantics;
  return partitioned;
}

Symbol Symbol::get_backend_symbol(const std::string &backend) const {
  return optimize_for(backend);
}

} // namespace symc
