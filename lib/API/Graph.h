//===- Graph.h - the nodes behind symc::Symbol ------------------*- C++ -*-===//
//
// nnvm's graph, as MXNet's Python API sees it: nodes own their attribute
// dictionary and their input entries; symbols are lists of output entries
// sharing nodes. The MXNet facts of each op come from OpSchema.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_API_GRAPH_H
#define SYMC_LIB_API_GRAPH_H

#include "symc/API/Symbol.h"
#include "symc/Import/OpSchema.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/Twine.h"

namespace symc::detail {

using NodePtr = std::shared_ptr<Node>;

struct Node {
  /// The MXNet op name as registered (what JSON's "op" holds); empty for a
  /// variable ("null" in JSON).
  std::string op;
  std::string name;
  /// nnvm's attrs.dict: op parameters and `__hidden__` keys.
  Attrs attrs;
  std::vector<NodeEntry> inputs;
  std::vector<NodePtr> controlDeps;
  /// A variable's version (nnvm's VariableParam::version).
  uint32_t version = 0;
  /// Null for variables and for ops symc does not model (loaded from JSON).
  const OpSchema *schema = nullptr;
  /// For ops without a schema: their output count as read from the JSON.
  unsigned declaredOutputs = 1;
  /// nnvm's attrs.subgraphs (each by its heads): the Symbols a subgraph
  /// node such as optimize_for's `_CachedOp` runs.
  std::vector<std::vector<NodeEntry>> subgraphs;

  Node() = default;
  Node(const Node &) = default;
  /// Frees chains of uniquely owned inputs iteratively (as nnvm's Node
  /// does): a deep graph must not overflow the stack when released.
  ~Node();

  bool isVariable() const { return op.empty(); }
  /// FNumOutputs, hidden outputs included.
  unsigned numOutputs() const;
  /// FNumVisibleOutputs.
  unsigned numVisibleOutputs() const;
  /// FListInputNames for the current attributes.
  std::vector<std::string> inputNames() const;
  /// FMutateInputs.
  std::vector<unsigned> mutableInputs() const;
  /// The list_outputs name of output `index`.
  std::string outputName(unsigned index) const;
  AttrStrings attrStrings() const;
};

NodePtr makeVariable(const std::string &name);

/// nnvm's DFSVisit: post-order over inputs then control dependencies, each
/// node once, heads in order. Iterative, so deep graphs cannot overflow the
/// stack.
void dfsVisit(const std::vector<NodeEntry> &heads,
              llvm::function_ref<void(const NodePtr &)> visit);

/// Every node of the graph reachable from `heads`, in DFS post-order.
std::vector<NodePtr> topoOrder(const std::vector<NodeEntry> &heads);

[[noreturn]] void fail(const llvm::Twine &message);

/// Python's repr of a float (shortest round trip: 1e-05, 0.001, 2.0).
std::string pythonFloatRepr(double value);

/// The graph as MXNet's SaveJSON writes it (dmlc::JSONWriter's layout).
std::string writeJson(const std::vector<NodeEntry> &heads);
/// Parses Symbol JSON into nodes; `what` names the source in errors.
std::vector<NodeEntry> readJson(const std::string &text, const std::string &what);

/// MXNet's RemoveAmpCast pass: amp_cast / amp_multicast nodes bypassed.
std::vector<NodeEntry> removeAmpCast(const std::vector<NodeEntry> &heads);

} // namespace symc::detail

#endif // SYMC_LIB_API_GRAPH_H
