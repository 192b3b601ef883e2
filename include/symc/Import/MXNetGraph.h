//===- MXNetGraph.h - Symbol JSON read as MXNet loads it ----------*- C++ -*-===//
//
// The reader shared by the MLIR importer and the mx.sym API: nnvm's
// JSONGraph loader (every format generation: attributes from `attrs`,
// `attr` or `param`) followed by MXNet's LoadLegacyJSON upgrades (hidden
// keys, the auxiliary inputs files before 0.9 omit), with every reference,
// count and type checked. No MLIR: nodes, attribute strings and entries.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_IMPORT_MXNETGRAPH_H
#define SYMC_IMPORT_MXNETGRAPH_H

#include "symc/Import/OpSchema.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace symc {

struct MXNetGraph;

struct MXNetGraph {
  /// Output `index` of node `node`; `version` is a variable's version.
  struct Entry {
    int64_t node = 0;
    int64_t index = 0;
    int64_t version = 0;
  };
  struct Node {
    std::string op; // canonical op name, or "null" for a variable
    std::string name;
    AttrStrings attrs;
    llvm::SmallVector<Entry> inputs;
    llvm::SmallVector<int64_t> controlDeps;
    const OpSchema *schema = nullptr; // null for variables and unmodelled ops
    /// FNumOutputs for modelled ops; for others, as many as are referenced.
    unsigned numOutputs = 1;
    /// `attrs.subgraphs`: the Symbols a subgraph node (`_CachedOp`, a
    /// partitioner's fused op) runs; input i of the node feeds the i-th
    /// variable of the subgraph in DFS order.
    std::vector<MXNetGraph> subgraphs;
  };

  std::vector<Node> nodes;
  llvm::SmallVector<Entry> heads;
  /// mxnet_version (800 when absent, as MXNet assumes) and is_np_shape.
  int64_t version = 800;
  bool npShape = false;

  /// The nodes reachable from the heads in post-order DFS (MXNet's
  /// DFSVisit: arguments come out in list_inputs order); iterative, and an
  /// error on a cycle.
  llvm::Expected<llvm::SmallVector<int64_t>> orderFromHeads() const;
};

/// Parses and upgrades Symbol JSON text; errors name the offending node.
llvm::Expected<MXNetGraph> readMXNetGraph(llvm::StringRef text);

} // namespace symc

#endif // SYMC_IMPORT_MXNETGRAPH_H
