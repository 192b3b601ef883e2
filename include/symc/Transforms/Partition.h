//===- Partition.h - optimize_for's backends, properties, selectors -*- C++ -*-===//
//
// MXNet's subgraph API (src/operator/subgraph/subgraph_property.h) over the
// sym dialect. A backend is a name and an ordered list of properties; each
// property makes a selector that picks subgraphs (Select a seed, grow with
// SelectInput/SelectOutput, Filter the candidates) and says what node
// replaces a subgraph. The `sym-partition` pass runs MXNet's BuildSubgraph
// with them. Registering a backend is a call to registerSubgraphBackend;
// the pass needs no change.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_TRANSFORMS_PARTITION_H
#define SYMC_TRANSFORMS_PARTITION_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringMap.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace symc::partition {

/// A node of the graph being partitioned, as selectors see it: an op of
/// the function, or one of its arguments (a variable). Ids are nnvm's
/// IndexedGraph ids: a post-order DFS from the heads.
struct Node {
  int64_t id = 0;
  mlir::Operation *op = nullptr; // null for a variable
  mlir::BlockArgument variable;  // set for a variable
  /// The node feeding each input, in operand order.
  std::vector<Node *> inputs;
  /// The nodes consuming this node's outputs (each once, by id).
  std::vector<Node *> outputs;
  /// The subgraph this node belongs to, or -1.
  int label = -1;

  bool isVariable() const { return op == nullptr; }
  /// MXNet's op name ("null" for a variable).
  std::string opName() const;
  /// The node name (the op's NameLoc, the variable's `sym.name`).
  std::string name() const;
};

/// Options of one optimize_for call (its **kwargs), as strings.
using Options = llvm::StringMap<std::string>;

/// Decides which nodes form a subgraph; one selector grows one subgraph
/// (MXNet's SubgraphSelector, with V2's view of neighbours).
class SubgraphSelector {
public:
  virtual ~SubgraphSelector();
  /// Whether `seed` starts a subgraph.
  virtual bool select(const Node &seed) = 0;
  /// Whether the subgraph grows from `current` to its input `input`.
  virtual bool selectInput(const Node &current, const Node &input) = 0;
  /// Whether the subgraph grows from `current` to its consumer `output`.
  virtual bool selectOutput(const Node &current, const Node &output) = 0;
  /// The nodes kept of a grown candidate set (topologically sorted); by
  /// default all of them. Returning none drops the subgraph.
  virtual std::vector<Node *> filter(const std::vector<Node *> &candidates) {
    return candidates;
  }
  /// Called when growth restarts after a cycle excluded a node.
  virtual void reset() {}
};

/// The node that replaces a subgraph.
struct SubgraphNodeSpec {
  std::string opName;   // e.g. "_CachedOp"
  std::string nodeName; // e.g. "_CachedOp0"
  llvm::StringMap<std::string> attrs;
};

/// One partitioning step of a backend (MXNet's SubgraphProperty).
class SubgraphProperty {
public:
  enum class Kind { Create, Adjust };
  virtual ~SubgraphProperty();

  virtual Kind kind() const { return Kind::Create; }
  /// Reads this call's options (and may inspect the graph); an error names
  /// the bad option. Runs before the property partitions.
  virtual llvm::LogicalResult prePartition(mlir::func::FuncOp func,
                                           const Options &options);
  /// Runs after the property partitioned the graph.
  virtual void postPartition(mlir::func::FuncOp func) {}
  virtual std::unique_ptr<SubgraphSelector> createSelector() const = 0;
  /// The node for subgraph `id` made of `nodes`; std::nullopt rejects the
  /// subgraph (the graph is left as it was). Only for Kind::Create.
  virtual std::optional<SubgraphNodeSpec>
  createSubgraphNode(llvm::ArrayRef<Node *> nodes, unsigned id) const;
  /// Rewrites the nodes of subgraph `id` in place. Only for Kind::Adjust.
  virtual void adjustSubgraphNodes(llvm::ArrayRef<Node *> nodes, unsigned id) {}

  /// MXNet's dedup_subgraph: one subgraph input per distinct value, one
  /// output per distinct value (instead of one per use).
  bool dedupSubgraph = false;
};

using PropertyFactory = std::function<std::unique_ptr<SubgraphProperty>()>;

struct SubgraphBackend {
  std::string name;
  std::string description;
  /// Applied in order; each partitions the result of the previous one.
  std::vector<PropertyFactory> properties;
};

/// lib_api.h's supportedOps: sets ids[i] for nodes[i] (the function's ops
/// in order) to -2 (unsupported, the initial value), -1 (any subgraph) or
/// k >= 0 (subgraph k only).
using SupportedOpsFn = std::function<llvm::LogicalResult(
    mlir::func::FuncOp, llvm::ArrayRef<Node *> nodes, std::vector<int> &ids,
    const Options &)>;

/// A property in lib_api.h's partitioner style: nodes grow into subgraphs
/// of equal ids (or -1), named `_op<N>` with op `subgraphOp`; it accepts
/// the options `optionNames` and dedup_subgraph.
PropertyFactory makeSupportedOpsProperty(std::string backend,
                                         std::string subgraphOp,
                                         std::vector<std::string> optionNames,
                                         SupportedOpsFn supportedOps);

/// Adds (or replaces) a backend.
void registerSubgraphBackend(SubgraphBackend backend);
/// The backend registered under `name`, or null.
const SubgraphBackend *lookupSubgraphBackend(llvm::StringRef name);
/// Names of all registered backends, sorted.
std::vector<std::string> getSubgraphBackendNames();

/// Parses optimize_for options given as `key=value` items.
llvm::FailureOr<Options> parseOptions(llvm::ArrayRef<std::string> items,
                                      mlir::Location loc);

/// Partitions `func` with every property of `backend` in turn. On failure
/// (a diagnostic is emitted) the function may be left invalid.
llvm::LogicalResult partition(mlir::func::FuncOp func,
                              const SubgraphBackend &backend,
                              const Options &options);

/// Helpers for options shared by the built-in backends.
/// A set of names given as "a,b,c" or as a Python list "['a', 'b']".
std::vector<std::string> parseNameList(llvm::StringRef text);
/// "True"/"False" (also "1"/"0", "true"/"false").
std::optional<bool> parseBoolOption(llvm::StringRef text);

} // namespace symc::partition

#endif // SYMC_TRANSFORMS_PARTITION_H
