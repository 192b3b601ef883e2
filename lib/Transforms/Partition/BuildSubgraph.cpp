//===- BuildSubgraph.cpp - MXNet's BuildSubgraph over the sym dialect -----===//
//
// Follows src/operator/subgraph/build_subgraph.cc of MXNet 1.9.1 step by
// step, so that a backend's rules give the partition MXNet gives:
//   1. node ids are nnvm's (post-order DFS from the heads) and every input
//      slot gets its TopSortEntries position;
//   2. each unlabelled node, in id order, that the selector Selects seeds a
//      breadth-first growth through SelectInput / SelectOutput;
//   3. a grown set that an outside path leaves and re-enters (a cycle once
//      the set is one node) excludes its node with the largest id and grows
//      again, as LabelSubgraph does, including its bounded ancestor search;
//   4. Filter prunes the set; 5. each set becomes one node whose inputs are
//      one per use (or per value with dedup_subgraph) named
//      `<output name><k>`, and whose outputs are one per outside use, both
//      in TopSortEntries order.
// The sets are outlined into sym.subgraph ops; the function is then
// re-sorted topologically, which fails only if a partition made a cycle.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Partition.h"

#include "symc/Dialect/SymDialect.h"
#include "symc/Import/OpSchema.h"

#include "mlir/Analysis/TopologicalSortUtils.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Debug.h"

#include <algorithm>
#include <deque>
#include <map>

#define DEBUG_TYPE "sym-partition"

using namespace mlir;

namespace symc::partition {

SubgraphSelector::~SubgraphSelector() = default;
SubgraphProperty::~SubgraphProperty() = default;

LogicalResult SubgraphProperty::prePartition(func::FuncOp func,
                                             const Options &options) {
  if (auto it = options.find("dedup_subgraph"); it != options.end()) {
    std::optional<bool> value = parseBoolOption(it->second);
    if (!value)
      return emitError(func.getLoc())
             << "optimize_for: option dedup_subgraph must be True or False, "
                "got '"
             << it->second << "'";
    dedupSubgraph = *value;
  }
  return success();
}

std::optional<SubgraphNodeSpec>
SubgraphProperty::createSubgraphNode(ArrayRef<Node *>, unsigned) const {
  return std::nullopt;
}

std::string Node::opName() const {
  if (isVariable())
    return "null";
  if (auto generic = dyn_cast<sym::GenericOp>(op))
    return generic.getOpName().str();
  if (auto subgraph = dyn_cast<sym::SubgraphOp>(op))
    return subgraph.getOpName().str();
  return op->getName().stripDialect().str();
}

/// A variable's name: a function argument's `sym.name`, or a subgraph
/// input's entry of `input_names`.
static std::string variableName(BlockArgument arg) {
  Operation *owner = arg.getOwner()->getParentOp();
  if (auto subgraph = dyn_cast<sym::SubgraphOp>(owner))
    return cast<StringAttr>(subgraph.getInputNames()[arg.getArgNumber()]).str();
  auto func = cast<func::FuncOp>(owner);
  auto name = func.getArgAttrOfType<StringAttr>(arg.getArgNumber(),
                                                sym::kArgNameAttr);
  return name ? name.str() : "arg" + std::to_string(arg.getArgNumber());
}

std::string Node::name() const {
  return isVariable() ? variableName(variable) : sym::getNodeName(op);
}

namespace {

std::string outputNameOf(Value v);

/// The name of a _CachedOp's output `index` within it: its subgraph's
/// output name, except that a head repeating an earlier one is a `_copy`
/// node `<source node>_copy<k>` (CachedOp's CreateForwardGraph).
std::string cachedOpOutputName(sym::SubgraphOp op, unsigned index) {
  ValueRange heads = op.getYield().getValues();
  Value head = heads[index];
  auto earlier = llvm::count(heads.take_front(index), head);
  if (earlier == 0)
    return outputNameOf(head);
  std::string source = isa<BlockArgument>(head)
                           ? variableName(cast<BlockArgument>(head))
                           : sym::getNodeName(head.getDefiningOp());
  return source + "_copy" + std::to_string(earlier - 1) + "_output";
}

/// MXNet's ListOutputNames for one value: a variable's name, else
/// `<node>_output`, `<node>_output<i>` or the op's named output; a
/// `_CachedOp` names its outputs `<node>_<its subgraph's output name>`
/// (its FListOutputNames).
std::string outputNameOf(Value v) {
  if (auto arg = dyn_cast<BlockArgument>(v))
    return variableName(arg);
  Operation *op = v.getDefiningOp();
  unsigned index = cast<OpResult>(v).getResultNumber();
  if (auto subgraph = dyn_cast<sym::SubgraphOp>(op);
      subgraph && subgraph.getOpName() == "_CachedOp")
    return sym::getNodeName(op) + "_" + cachedOpOutputName(subgraph, index);
  const OpSchema *schema = nullptr;
  if (isa<sym::SymDialect>(op->getDialect()) &&
      !isa<sym::GenericOp, sym::SubgraphOp>(op))
    schema = lookupOpSchema(op->getName().stripDialect());
  return getOutputName(schema, sym::getNodeName(op), op->getNumResults(),
                       index);
}

/// The function as nnvm's IndexedGraph sees it, with BiDirectedNode links.
class IndexedGraph {
public:
  explicit IndexedGraph(func::FuncOp func);

  std::vector<std::unique_ptr<Node>> nodes;
  /// TopSortEntries: the position of each input slot and head.
  DenseMap<OpOperand *, size_t> entryOrder;

  /// The node defining `v`, or null for values of ops created after
  /// indexing (earlier subgraph nodes, which MXNet's graph does not index).
  Node *nodeOf(Value v) const {
    if (auto arg = dyn_cast<BlockArgument>(v))
      return byVariable.lookup(arg);
    return byOp.lookup(v.getDefiningOp());
  }

private:
  Node *addNode(Operation *op, BlockArgument variable);
  void linkNodes();
  void sortEntries(func::ReturnOp ret);

  DenseMap<Operation *, Node *> byOp;
  DenseMap<BlockArgument, Node *> byVariable;
};

IndexedGraph::IndexedGraph(func::FuncOp func) {
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  // DFSVisit: iterative post-order from each head, inputs in order.
  DenseSet<void *> visited;
  auto key = [](Value v) -> void * {
    if (auto arg = dyn_cast<BlockArgument>(v))
      return arg.getAsOpaquePointer();
    return v.getDefiningOp();
  };
  for (Value head : ret.getOperands()) {
    if (!visited.insert(key(head)).second)
      continue;
    SmallVector<std::pair<Value, unsigned>> stack = {{head, 0}};
    while (!stack.empty()) {
      auto &[value, next] = stack.back();
      Operation *op = value.getDefiningOp();
      if (op && next < op->getNumOperands()) {
        Value input = op->getOperand(next++);
        if (visited.insert(key(input)).second)
          stack.push_back({input, 0});
        continue;
      }
      addNode(op, op ? BlockArgument() : cast<BlockArgument>(value));
      stack.pop_back();
    }
  }
  linkNodes();
  sortEntries(ret);
}

Node *IndexedGraph::addNode(Operation *op, BlockArgument variable) {
  auto node = std::make_unique<Node>();
  node->id = nodes.size();
  node->op = op;
  node->variable = variable;
  if (op)
    byOp[op] = node.get();
  else
    byVariable[variable] = node.get();
  nodes.push_back(std::move(node));
  return nodes.back().get();
}

void IndexedGraph::linkNodes() {
  for (auto &node : nodes) {
    if (node->isVariable())
      continue;
    for (Value operand : node->op->getOperands()) {
      Node *input = nodeOf(operand);
      node->inputs.push_back(input);
      if (!llvm::is_contained(input->outputs, node.get()))
        input->outputs.push_back(node.get());
    }
  }
  // Consumers by id (MXNet iterates a hash map here; the grown set does
  // not depend on the order for MXNet's selectors).
  for (auto &node : nodes)
    llvm::sort(node->outputs,
               [](Node *a, Node *b) { return a->id < b->id; });
}

/// TopSortEntries: a slot is numbered when its source node is finished (or
/// at once if the source was finished before).
void IndexedGraph::sortEntries(func::ReturnOp ret) {
  DenseSet<Node *> visited;
  auto mark = [&](OpOperand *entry) {
    entryOrder.try_emplace(entry, entryOrder.size());
  };
  for (OpOperand &head : ret->getOpOperands()) {
    Node *root = nodeOf(head.get());
    if (!visited.insert(root).second) {
      mark(&head);
      continue;
    }
    SmallVector<std::tuple<Node *, unsigned, OpOperand *>> stack = {
        {root, 0, &head}};
    while (!stack.empty()) {
      auto &[node, next, entry] = stack.back();
      if (next == node->inputs.size()) {
        mark(entry);
        stack.pop_back();
        continue;
      }
      OpOperand *input = &node->op->getOpOperand(next++);
      Node *source = nodeOf(input->get());
      if (visited.insert(source).second)
        stack.push_back({source, 0, input});
      else
        mark(input);
    }
  }
}

//===----------------------------------------------------------------------===//
// Finding the subgraphs (FindSubgraphs, LabelSubgraph)
//===----------------------------------------------------------------------===//

class SubgraphFinder {
public:
  SubgraphFinder(IndexedGraph &graph, const SubgraphProperty &property)
      : graph(graph), property(property) {}

  /// Every accepted set with the selector that chose it, in seed order.
  void run(std::vector<std::vector<Node *>> &sets,
           std::vector<std::unique_ptr<SubgraphSelector>> &selectors);

private:
  bool labelSubgraph(SubgraphSelector &selector, int label, Node *seed,
                     std::vector<Node *> &members,
                     DenseSet<const Node *> &excluded);
  std::vector<Node *> preselect(SubgraphSelector &selector, int label,
                                Node *seed);
  bool isAncestor(const Node *ancestor, const Node *descendant,
                  const std::vector<Node *> &members) const;
  void resetLabels(std::vector<Node *> &members) {
    for (Node *n : members)
      n->label = -1;
    members.clear();
  }

  IndexedGraph &graph;
  const SubgraphProperty &property;
};

/// LabelSubgraph's ancestor search: a DFS over inputs that does not cross
/// the subgraph and, as in MXNet, gives up after as many pops as the graph
/// has nodes.
bool SubgraphFinder::isAncestor(const Node *ancestor, const Node *descendant,
                                const std::vector<Node *> &members) const {
  if (ancestor == descendant)
    return true;
  SmallPtrSet<const Node *, 16> inSubgraph(members.begin(), members.end());
  SmallVector<const Node *> stack = {descendant};
  size_t count = 0;
  while (!stack.empty() && count < graph.nodes.size()) {
    ++count;
    const Node *top = stack.pop_back_val();
    if (top == ancestor)
      return true;
    for (const Node *input : top->inputs)
      if (!inSubgraph.contains(input))
        stack.push_back(input);
  }
  return false;
}

bool SubgraphFinder::labelSubgraph(SubgraphSelector &selector, int label,
                                   Node *seed, std::vector<Node *> &members,
                                   DenseSet<const Node *> &excluded) {
  seed->label = label;
  std::deque<Node *> queue = {seed};
  // For each outside neighbour: the members it feeds (first) and the
  // members that feed it (second).
  std::map<const Node *, std::pair<std::vector<const Node *>,
                                   std::vector<const Node *>>>
      neighbours;
  auto selectable = [&](Node *n) {
    // Variables stay outside: a subgraph's inputs are its own variables.
    return n->label == -1 && !excluded.contains(n) && !n->isVariable();
  };
  while (!queue.empty()) {
    Node *current = queue.front();
    queue.pop_front();
    members.push_back(current);
    for (Node *input : current->inputs) {
      if (selectable(input) && selector.selectInput(*current, *input)) {
        input->label = label;
        queue.push_back(input);
      } else if (input->label == -1) {
        neighbours[input].first.push_back(current);
      }
    }
    for (Node *output : current->outputs) {
      if (selectable(output) && selector.selectOutput(*current, *output)) {
        output->label = label;
        queue.push_back(output);
      } else if (output->label == -1) {
        neighbours[output].second.push_back(current);
      }
    }
  }

  auto byId = [](const Node *a, const Node *b) { return a->id < b->id; };
  std::vector<const Node *> outside; // std::map keeps them by address
  for (auto &[node, links] : neighbours) {
    llvm::sort(links.first, byId);
    llvm::sort(links.second, byId);
    outside.push_back(node);
  }
  llvm::sort(outside, byId);

  int64_t excludedId = -1;
  for (size_t i = 0; i < outside.size(); ++i) {
    auto &[feeds, fedBy] = neighbours[outside[i]];
    if (!feeds.empty() && !fedBy.empty()) {
      // The neighbour both feeds and consumes the subgraph.
      excludedId = std::max({excludedId, feeds.back()->id, fedBy.back()->id});
    } else if (!fedBy.empty()) {
      // It consumes the subgraph; a later neighbour that feeds the
      // subgraph and descends from it closes a cycle.
      for (size_t j = i + 1; j < outside.size(); ++j) {
        auto &later = neighbours[outside[j]];
        if (!later.first.empty() && isAncestor(outside[i], outside[j], members))
          excludedId =
              std::max({excludedId, fedBy.back()->id, later.first.back()->id});
      }
    }
  }
  if (excludedId != -1) {
    excluded.insert(graph.nodes[excludedId].get());
    resetLabels(members);
    return false;
  }
  llvm::sort(members, byId);
  return true;
}

std::vector<Node *> SubgraphFinder::preselect(SubgraphSelector &selector,
                                              int label, Node *seed) {
  std::vector<Node *> members;
  DenseSet<const Node *> excluded;
  size_t numExcluded = 0;
  const size_t maxRetries = graph.nodes.size() * graph.nodes.size();
  bool success = false;
  for (size_t count = 0; !success && count < maxRetries; ++count) {
    success = labelSubgraph(selector, label, seed, members, excluded);
    if (success)
      break;
    // No node newly excluded: no subgraph from this seed is cycle-free.
    if (excluded.size() == numExcluded)
      break;
    numExcluded = excluded.size();
    LLVM_DEBUG(llvm::dbgs() << "Found a cycle when BFS from node "
                            << seed->name() << "; retrying\n");
    selector.reset();
  }
  if (!success) {
    // As MXNet: the seed alone is the subgraph.
    seed->label = label;
    members = {seed};
  }
  return members;
}

void SubgraphFinder::run(
    std::vector<std::vector<Node *>> &sets,
    std::vector<std::unique_ptr<SubgraphSelector>> &selectors) {
  for (auto &node : graph.nodes) {
    Node *seed = node.get();
    std::unique_ptr<SubgraphSelector> selector = property.createSelector();
    if (seed->label != -1 || seed->isVariable() || !selector->select(*seed))
      continue;
    int label = sets.size();
    std::vector<Node *> candidates = preselect(*selector, label, seed);
    std::vector<Node *> kept = selector->filter(candidates);
    for (Node *n : candidates)
      if (!llvm::is_contained(kept, n))
        n->label = -1;
    // Filter may only drop nodes.
    llvm::erase_if(kept, [&](Node *n) {
      return !llvm::is_contained(candidates, n);
    });
    if (kept.empty())
      continue;
    llvm::sort(kept, [](Node *a, Node *b) { return a->id < b->id; });
    sets.push_back(std::move(kept));
    selectors.push_back(std::move(selector));
  }
}

//===----------------------------------------------------------------------===//
// Outlining a set into a sym.subgraph (CreateSubgraphNode)
//===----------------------------------------------------------------------===//

class SubgraphOutliner {
public:
  SubgraphOutliner(IndexedGraph &graph, bool dedup)
      : graph(graph), dedup(dedup) {}
  void outline(ArrayRef<Node *> members, const SubgraphNodeSpec &spec);

private:
  void sortByEntryOrder(SmallVectorImpl<OpOperand *> &entries) {
    llvm::stable_sort(entries, [&](OpOperand *a, OpOperand *b) {
      return graph.entryOrder.lookup(a) < graph.entryOrder.lookup(b);
    });
  }

  IndexedGraph &graph;
  bool dedup;
};

void SubgraphOutliner::outline(ArrayRef<Node *> members,
                               const SubgraphNodeSpec &spec) {
  SmallPtrSet<Operation *, 16> inside;
  for (Node *n : members)
    inside.insert(n->op);

  // FindInputEntries / FindOutputEntries.
  SmallVector<OpOperand *> inputs, outputs;
  for (Node *n : members)
    for (OpOperand &operand : n->op->getOpOperands())
      if (!inside.contains(operand.get().getDefiningOp()))
        inputs.push_back(&operand);
  for (Node *n : members)
    for (Value result : n->op->getResults())
      for (OpOperand &use : result.getUses())
        if (!inside.contains(use.getOwner()))
          outputs.push_back(&use);
  sortByEntryOrder(inputs);
  sortByEntryOrder(outputs);

  // CutGraphInputs: a variable per use (`<name>0`, `<name>1`, ...), or per
  // name with dedup_subgraph.
  SmallVector<Value> operands;
  SmallVector<Attribute> inputNames;
  SmallVector<unsigned> argOfInput; // block argument of each input entry
  SmallVector<OpOperand *> operandEntries;
  llvm::StringMap<unsigned> uses, firstArg;
  Builder b(members.front()->op->getContext());
  for (OpOperand *entry : inputs) {
    std::string name = outputNameOf(entry->get());
    auto [it, first] = uses.try_emplace(name, 0);
    if (!first)
      ++it->second;
    if (dedup && !first) {
      argOfInput.push_back(firstArg[name]);
      continue;
    }
    unsigned count = dedup ? 0 : it->second;
    firstArg.try_emplace(name, operands.size());
    argOfInput.push_back(operands.size());
    operands.push_back(entry->get());
    operandEntries.push_back(entry);
    inputNames.push_back(b.getStringAttr(name + std::to_string(count)));
  }

  // The subgraph's heads: one per outside use, or per value with dedup
  // (duplicates are neighbours in entry order).
  SmallVector<Value> heads;
  SmallVector<unsigned> headOfOutput;
  for (OpOperand *use : outputs) {
    if (!dedup || heads.empty() || heads.back() != use->get())
      heads.push_back(use->get());
    headOfOutput.push_back(heads.size() - 1);
  }

  // Build the node after the last member; the caller re-sorts the block.
  Operation *last = members.back()->op;
  for (Node *n : members)
    if (last->isBeforeInBlock(n->op))
      last = n->op;
  OpBuilder builder(last->getContext());
  builder.setInsertionPointAfter(last);
  Location loc = NameLoc::get(builder.getStringAttr(spec.nodeName));
  auto op = sym::SubgraphOp::create(
      builder, loc, ValueRange(heads).getTypes(),
      builder.getStringAttr(spec.opName), operands,
      builder.getArrayAttr(inputNames), ArrayAttr());
  if (!spec.attrs.empty()) {
    SmallVector<NamedAttribute> attrs;
    for (const auto &it : spec.attrs)
      attrs.push_back(builder.getNamedAttr(it.getKey(),
                                           builder.getStringAttr(it.getValue())));
    op->setAttr(sym::kMXNetAttrsName, builder.getDictionaryAttr(attrs));
  }
  Block *body = builder.createBlock(&op.getBody());
  for (auto [v, name] : llvm::zip(operands, inputNames))
    body->addArgument(v.getType(), NameLoc::get(cast<StringAttr>(name)));
  for (Node *n : members)
    n->op->moveBefore(body, body->end());
  builder.setInsertionPointToEnd(body);
  sym::YieldOp::create(builder, loc, heads);

  for (auto [entry, arg] : llvm::zip(inputs, argOfInput))
    entry->set(body->getArgument(arg));
  for (auto [use, head] : llvm::zip(outputs, headOfOutput))
    use->set(op.getResult(head));
  // The node's input slots take their entries' places in the order.
  for (auto [i, entry] : llvm::enumerate(operandEntries))
    graph.entryOrder[&op->getOpOperand(i)] = graph.entryOrder.lookup(entry);
}

} // namespace

//===----------------------------------------------------------------------===//
// The driver (BuildSubgraph, and MXOptimizeForBackend's property loop)
//===----------------------------------------------------------------------===//

static LogicalResult buildSubgraphs(func::FuncOp func, SubgraphProperty &property,
                                    StringRef backendName) {
  IndexedGraph graph(func);
  std::vector<std::vector<Node *>> sets;
  std::vector<std::unique_ptr<SubgraphSelector>> selectors;
  SubgraphFinder(graph, property).run(sets, selectors);

  SubgraphOutliner outliner(graph, property.dedupSubgraph);
  for (auto [id, members] : llvm::enumerate(sets)) {
    if (property.kind() == SubgraphProperty::Kind::Adjust) {
      property.adjustSubgraphNodes(members, id);
      continue;
    }
    if (std::optional<SubgraphNodeSpec> spec =
            property.createSubgraphNode(members, id))
      outliner.outline(members, *spec);
  }
  if (!sortTopologically(&func.getBody().front()))
    return emitError(func.getLoc())
           << "optimize_for: backend '" << backendName
           << "' made a partition with a cycle between a subgraph and the "
              "nodes around it (its selector grew a subgraph that an outside "
              "path leaves and re-enters)";
  return success();
}

LogicalResult partition(func::FuncOp func, const SubgraphBackend &backend,
                        const Options &options) {
  if (func.getBody().empty() ||
      !isa<func::ReturnOp>(func.getBody().front().getTerminator()))
    return emitError(func.getLoc())
           << "optimize_for: expected a graph function ending in return";
  for (const PropertyFactory &makeProperty : backend.properties) {
    std::unique_ptr<SubgraphProperty> property = makeProperty();
    if (failed(property->prePartition(func, options)) ||
        failed(buildSubgraphs(func, *property, backend.name)))
      return failure();
    property->postPartition(func);
  }
  return success();
}

} // namespace symc::partition
