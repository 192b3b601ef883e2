//===- JsonImporter.cpp - MXNet Symbol JSON -> sym dialect ----------------===//
//
// Follows nnvm's JSONGraph loader and MXNet's LoadLegacyJSON pass: nodes
// are read (attributes from `attrs`, `attr` or `param`), legacy graphs get
// their missing auxiliary inputs as `<node>_<arg>` variables, the graph is
// ordered by a DFS from the heads (MXNet's DFSVisit, so arguments come out
// in list_inputs order), and each node becomes one op located at its name.
//
//===----------------------------------------------------------------------===//

#include "symc/Import/MXNetJson.h"

#include "symc/Dialect/DType.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Import/MXNetGraph.h"
#include "symc/Import/OpSchema.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"


using namespace mlir;

namespace symc {
namespace {

using JsonNode = MXNetGraph::Node;
using EntryRef = MXNetGraph::Entry;

/// MXNet attribute strings as a dictionary of strings.
DictionaryAttr stringDict(OpBuilder &b, const AttrStrings &attrs) {
  SmallVector<NamedAttribute> items;
  for (const auto &entry : attrs)
    items.push_back(
        b.getNamedAttr(entry.getKey(), b.getStringAttr(entry.getValue())));
  return b.getDictionaryAttr(items);
}

class Importer {
public:
  Importer(MLIRContext *ctx, StringRef fileName)
      : ctx(ctx), fileName(fileName),
        fileLoc(FileLineColLoc::get(ctx, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> run(StringRef text);

private:
  OwningOpRef<ModuleOp> buildModule(ArrayRef<int64_t> order);
  FailureOr<Type> variableType(const JsonNode &node);
  LogicalResult checkInputCounts(const MXNetGraph &g, ArrayRef<int64_t> order);
  llvm::DenseSet<int64_t> findAuxVariables(const MXNetGraph &g,
                                           ArrayRef<int64_t> order);
  FailureOr<SmallVector<Value>> buildNodes(OpBuilder &b, const MXNetGraph &g,
                                           ArrayRef<int64_t> order,
                                           DenseMap<int64_t, Value> values);
  Operation *buildOp(OpBuilder &b, const JsonNode &node, ValueRange operands);
  Operation *buildSubgraphOp(OpBuilder &b, const JsonNode &node,
                             ValueRange operands);
  std::string outputName(const JsonNode &node, int64_t index) const;

  InFlightDiagnostic error() { return emitError(fileLoc); }
  InFlightDiagnostic nodeError(const MXNetGraph &g, size_t id) {
    const JsonNode &n = g.nodes[id];
    return emitError(nodeLoc(n))
           << "node " << id << " ('" << n.name << "', op " << n.op << "): ";
  }
  /// The node's name: diagnostics print it as loc("name"), which is what
  /// identifies a node in a Symbol file (the JSON has no useful lines).
  Location nodeLoc(const JsonNode &n) {
    return NameLoc::get(StringAttr::get(ctx, n.name));
  }

  MLIRContext *ctx;
  StringRef fileName;
  Location fileLoc;
  MXNetGraph graph;
  std::vector<JsonNode> &nodes = graph.nodes;
};

//===----------------------------------------------------------------------===//
// Building the module
//===----------------------------------------------------------------------===//

FailureOr<Type> Importer::variableType(const JsonNode &node) {
  Type elt = sym::UnknownType::get(ctx);
  if (auto it = node.attrs.find("__dtype__"); it != node.attrs.end()) {
    int64_t flag = 0;
    const DTypeInfo *info = nullptr;
    bool parsed = !StringRef(it->second).trim().getAsInteger(10, flag);
    if (parsed)
      info = lookupDTypeByFlag(flag);
    if (parsed && flag == -1)
      info = nullptr; // MXNet's "unknown"
    else if (!info)
      return emitError(nodeLoc(node))
             << "variable '" << node.name << "': invalid __dtype__ '"
             << it->second << "'";
    if (info)
      elt = getMLIRType(ctx, *info);
  }
  auto it = node.attrs.find("__shape__");
  if (it == node.attrs.end())
    return Type(UnrankedTensorType::get(elt));
  std::optional<SmallVector<int64_t>> dims = parseIntTuple(it->second);
  if (!dims)
    return emitError(nodeLoc(node)) << "variable '" << node.name
                                    << "': invalid __shape__ '" << it->second
                                    << "'";
  // Legacy semantics: 0 is an unknown dim, an empty shape an unknown shape.
  if (!graph.npShape && dims->empty())
    return Type(UnrankedTensorType::get(elt));
  SmallVector<int64_t> shape;
  for (int64_t d : *dims) {
    bool unknown = graph.npShape ? d < 0 : d == 0;
    if (!unknown && d < 0)
      return emitError(nodeLoc(node)) << "variable '" << node.name
                                      << "': negative dimension in __shape__ '"
                                      << it->second << "'";
    shape.push_back(unknown ? ShapedType::kDynamic : d);
  }
  return Type(RankedTensorType::get(shape, elt));
}

std::string Importer::outputName(const JsonNode &node, int64_t index) const {
  if (node.op == "null")
    return node.name;
  // _CachedOp's FListOutputNames: its subgraph's output names, where a
  // head repeating an earlier one is a `_copy` node (CreateForwardGraph).
  if (node.op == "_CachedOp" && node.subgraphs.size() == 1) {
    const MXNetGraph &sub = node.subgraphs.front();
    const EntryRef &head = sub.heads[index];
    auto earlier = llvm::count_if(
        ArrayRef(sub.heads).take_front(index), [&](const EntryRef &e) {
          return e.node == head.node && e.index == head.index;
        });
    if (earlier)
      return node.name + "_" + sub.nodes[head.node].name + "_copy" +
             std::to_string(earlier - 1) + "_output";
    return node.name + "_" + outputName(sub.nodes[head.node], head.index);
  }
  return getOutputName(node.schema, node.name, node.numOutputs, index);
}

Operation *Importer::buildOp(OpBuilder &b, const JsonNode &node,
                             ValueRange operands) {
  if (!node.subgraphs.empty())
    return buildSubgraphOp(b, node, operands);
  Location loc = nodeLoc(node);
  Type unknown = UnrankedTensorType::get(sym::UnknownType::get(ctx));
  SmallVector<Type> resultTypes(node.numOutputs, unknown);
  SmallVector<NamedAttribute> attrs, extras;
  OperationState state(loc, node.schema ? "sym." + node.op : "sym.operator");
  if (!node.schema)
    attrs.push_back(b.getNamedAttr("op_name", b.getStringAttr(node.op)));

  for (const auto &entry : node.attrs) {
    StringRef key = entry.getKey(), text = entry.getValue();
    const AttrSpec *spec = nullptr;
    if (node.schema)
      for (const AttrSpec &s : node.schema->attrs)
        if (s.name == key)
          spec = &s;
    // Unmodelled attributes and "None" (an unset optional) stay verbatim.
    if (!spec || text.trim() == "None") {
      extras.push_back(b.getNamedAttr(key, b.getStringAttr(text)));
      continue;
    }
    std::optional<Attribute> attr = parseAttrString(ctx, *spec, text);
    if (!attr) {
      emitError(loc) << "node '" << node.name << "' (op " << node.op
                     << "): invalid value '" << text << "' for attribute '"
                     << key << "'";
      return nullptr;
    }
    attrs.push_back(b.getNamedAttr(key, *attr));
  }
  if (!extras.empty()) // DictionaryAttr sorts them
    attrs.push_back(
        b.getNamedAttr(sym::kMXNetAttrsName, b.getDictionaryAttr(extras)));
  state.addOperands(operands);
  state.addTypes(resultTypes);
  state.addAttributes(attrs);
  return b.create(state);
}

/// A node with `attrs.subgraphs` (optimize_for's partitions) becomes a
/// sym.subgraph whose region is the nested Symbol: input i of the node
/// feeds the subgraph's i-th variable in DFS order, as _CachedOp binds them.
Operation *Importer::buildSubgraphOp(OpBuilder &b, const JsonNode &node,
                                     ValueRange operands) {
  Location loc = nodeLoc(node);
  // Control flow binds its subgraphs' inputs through index lists in its
  // attributes, not as a subgraph node does.
  static constexpr StringLiteral kControlFlowOps[] = {"_foreach",
                                                      "_while_loop", "_cond"};
  if (llvm::is_contained(kControlFlowOps, node.op))
    return emitError(loc) << "node '" << node.name << "' (op " << node.op
                          << "): control-flow ops are not supported",
           nullptr;
  if (node.subgraphs.size() != 1 || node.schema)
    return emitError(loc) << "node '" << node.name << "' (op " << node.op
                          << ") has " << node.subgraphs.size()
                          << " subgraphs: only subgraph nodes with one "
                             "(optimize_for's partitions) are supported",
           nullptr;
  const MXNetGraph &sub = node.subgraphs.front();
  llvm::Expected<SmallVector<int64_t>> order = sub.orderFromHeads();
  if (!order) {
    emitError(loc) << "subgraph of node '" << node.name
                   << "': " << toString(order.takeError());
    return nullptr;
  }
  SmallVector<int64_t> vars;
  for (int64_t id : *order)
    if (sub.nodes[id].op == "null")
      vars.push_back(id);
  if (vars.size() != operands.size() || sub.heads.size() != node.numOutputs) {
    emitError(loc) << "node '" << node.name << "' (op " << node.op << ") has "
                   << operands.size() << " inputs and " << node.numOutputs
                   << " outputs but its subgraph has " << vars.size()
                   << " inputs and " << sub.heads.size() << " outputs";
    return nullptr;
  }
  if (failed(checkInputCounts(sub, *order)))
    return nullptr;

  Type unknown = UnrankedTensorType::get(sym::UnknownType::get(ctx));
  SmallVector<Attribute> names, varAttrs;
  bool anyVarAttrs = false;
  for (int64_t id : vars) {
    names.push_back(b.getStringAttr(sub.nodes[id].name));
    varAttrs.push_back(stringDict(b, sub.nodes[id].attrs));
    anyVarAttrs |= !sub.nodes[id].attrs.empty();
  }
  auto op = sym::SubgraphOp::create(
      b, loc, SmallVector<Type>(node.numOutputs, unknown),
      b.getStringAttr(node.op), operands, b.getArrayAttr(names),
      anyVarAttrs ? b.getArrayAttr(varAttrs) : ArrayAttr());
  if (!node.attrs.empty())
    op->setAttr(sym::kMXNetAttrsName, stringDict(b, node.attrs));

  OpBuilder::InsertionGuard guard(b);
  Block *body = b.createBlock(&op.getBody());
  DenseMap<int64_t, Value> values;
  for (int64_t id : vars)
    values[id] = body->addArgument(unknown, nodeLoc(sub.nodes[id]));
  FailureOr<SmallVector<Value>> heads = buildNodes(b, sub, *order, values);
  if (failed(heads))
    return nullptr;
  sym::YieldOp::create(b, loc, *heads);
  return op;
}

/// The number of inputs of every modelled op matches its schema.
LogicalResult Importer::checkInputCounts(const MXNetGraph &g,
                                         ArrayRef<int64_t> order) {
  for (int64_t id : order) {
    const JsonNode &n = g.nodes[id];
    if (!n.schema)
      continue;
    SmallVector<std::string> names = n.schema->inputNames(n.attrs);
    if (names.size() == n.inputs.size())
      continue;
    constexpr size_t kListed = 8;
    std::string listed = llvm::join(ArrayRef(names).take_front(kListed), ", ");
    if (names.size() > kListed)
      listed += ", ...";
    return nodeError(g, id) << "has " << n.inputs.size()
                            << " inputs but expects " << names.size() << " ("
                            << listed << ")";
  }
  return success();
}

/// Which variables are auxiliary states: decided by the consuming op's
/// mutable inputs, never by name; a subgraph node mutates the inputs that
/// feed its subgraph's auxiliary states (as _CachedOp's FMutateInputs).
llvm::DenseSet<int64_t> Importer::findAuxVariables(const MXNetGraph &g,
                                                   ArrayRef<int64_t> order) {
  llvm::DenseSet<int64_t> aux;
  for (int64_t id : order) {
    const JsonNode &n = g.nodes[id];
    SmallVector<unsigned> mutated;
    if (n.schema) {
      mutated.assign(n.schema->auxInputs.begin(), n.schema->auxInputs.end());
    } else if (n.subgraphs.size() == 1) {
      const MXNetGraph &sub = n.subgraphs.front();
      llvm::Expected<SmallVector<int64_t>> subOrder = sub.orderFromHeads();
      if (!subOrder) {
        llvm::consumeError(subOrder.takeError());
        continue;
      }
      llvm::DenseSet<int64_t> subAux = findAuxVariables(sub, *subOrder);
      unsigned input = 0;
      for (int64_t subId : *subOrder) {
        if (sub.nodes[subId].op != "null")
          continue;
        if (subAux.contains(subId))
          mutated.push_back(input);
        ++input;
      }
    }
    for (unsigned i : mutated)
      if (i < n.inputs.size() && g.nodes[n.inputs[i].node].op == "null")
        aux.insert(n.inputs[i].node);
  }
  return aux;
}

FailureOr<SmallVector<Value>>
Importer::buildNodes(OpBuilder &b, const MXNetGraph &g, ArrayRef<int64_t> order,
                     DenseMap<int64_t, Value> values) {
  DenseMap<int64_t, Operation *> built;
  auto valueOf = [&](const EntryRef &ref) -> Value {
    if (g.nodes[ref.node].op == "null")
      return values.lookup(ref.node);
    return built.lookup(ref.node)->getResult(ref.index);
  };
  for (int64_t id : order) {
    const JsonNode &n = g.nodes[id];
    if (n.op == "null")
      continue;
    SmallVector<Value> operands;
    for (const EntryRef &ref : n.inputs)
      operands.push_back(valueOf(ref));
    Operation *op = buildOp(b, n, operands);
    if (!op)
      return failure();
    built[id] = op;
  }
  SmallVector<Value> heads;
  for (const EntryRef &head : g.heads)
    heads.push_back(valueOf(head));
  return heads;
}

OwningOpRef<ModuleOp> Importer::buildModule(ArrayRef<int64_t> order) {
  if (failed(checkInputCounts(graph, order)))
    return nullptr;
  llvm::DenseSet<int64_t> auxVars = findAuxVariables(graph, order);

  OpBuilder b(ctx);
  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  SmallVector<Type> argTypes;
  SmallVector<int64_t> varIds;
  for (int64_t id : order) {
    if (nodes[id].op != "null")
      continue;
    FailureOr<Type> type = variableType(nodes[id]);
    if (failed(type))
      return nullptr;
    argTypes.push_back(*type);
    varIds.push_back(id);
  }
  auto func = func::FuncOp::create(b, fileLoc, "main",
                                   b.getFunctionType(argTypes, {}));
  module->push_back(func);
  Block *entry = func.addEntryBlock();
  b.setInsertionPointToStart(entry);

  DenseMap<int64_t, Value> varValues;
  for (auto [i, id] : llvm::enumerate(varIds)) {
    const JsonNode &n = nodes[id];
    entry->getArgument(i).setLoc(nodeLoc(n));
    varValues[id] = entry->getArgument(i);
    func.setArgAttr(i, sym::kArgNameAttr, b.getStringAttr(n.name));
    if (auxVars.contains(id))
      func.setArgAttr(i, sym::kArgAuxAttr, b.getUnitAttr());
    if (!n.attrs.empty())
      func.setArgAttr(i, sym::kMXNetAttrsName, stringDict(b, n.attrs));
  }
  FailureOr<SmallVector<Value>> results =
      buildNodes(b, graph, order, std::move(varValues));
  if (failed(results))
    return nullptr;

  SmallVector<Attribute> resultNames;
  for (const EntryRef &head : graph.heads)
    resultNames.push_back(b.getDictionaryAttr(b.getNamedAttr(
        sym::kArgNameAttr,
        b.getStringAttr(outputName(nodes[head.node], head.index)))));
  func::ReturnOp::create(b, fileLoc, *results);
  func.setFunctionType(
      b.getFunctionType(argTypes, ValueRange(*results).getTypes()));
  func.setAllResultAttrs(resultNames);
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp> Importer::run(StringRef text) {
  llvm::Expected<MXNetGraph> read = readMXNetGraph(text);
  if (!read) {
    error() << toString(read.takeError());
    return nullptr;
  }
  graph = std::move(*read);
  llvm::Expected<SmallVector<int64_t>> order = graph.orderFromHeads();
  if (!order) {
    error() << toString(order.takeError());
    return nullptr;
  }
  return buildModule(*order);
}

} // namespace

OwningOpRef<ModuleOp> importMXNetJson(StringRef text, StringRef fileName,
                                      MLIRContext *ctx) {
  ctx->loadDialect<sym::SymDialect, func::FuncDialect>();
  return Importer(ctx, fileName).run(text);
}

} // namespace symc
