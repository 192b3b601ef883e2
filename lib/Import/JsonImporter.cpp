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

class Importer {
public:
  Importer(MLIRContext *ctx, StringRef fileName)
      : ctx(ctx), fileName(fileName),
        fileLoc(FileLineColLoc::get(ctx, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> run(StringRef text);

private:
  OwningOpRef<ModuleOp> buildModule(ArrayRef<int64_t> order);
  FailureOr<Type> variableType(const JsonNode &node);
  Operation *buildOp(OpBuilder &b, const JsonNode &node, ValueRange operands);
  std::string outputName(const JsonNode &node, int64_t index) const;

  InFlightDiagnostic error() { return emitError(fileLoc); }
  InFlightDiagnostic nodeError(size_t id) {
    const JsonNode &n = nodes[id];
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
  return getOutputName(node.schema, node.name, node.numOutputs, index);
}

Operation *Importer::buildOp(OpBuilder &b, const JsonNode &node,
                             ValueRange operands) {
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
  if (!extras.empty()) {
    llvm::sort(extras, [](const NamedAttribute &a, const NamedAttribute &b) {
      return a.getName().strref() < b.getName().strref();
    });
    attrs.push_back(
        b.getNamedAttr(sym::kMXNetAttrsName, b.getDictionaryAttr(extras)));
  }
  state.addOperands(operands);
  state.addTypes(resultTypes);
  state.addAttributes(attrs);
  return b.create(state);
}

OwningOpRef<ModuleOp> Importer::buildModule(ArrayRef<int64_t> order) {
  // Which variables are auxiliary states: decided by the consuming op's
  // mutable inputs, never by name.
  llvm::DenseSet<int64_t> auxVars;
  for (int64_t id : order) {
    const JsonNode &n = nodes[id];
    if (!n.schema)
      continue;
    SmallVector<std::string> names = n.schema->inputNames(n.attrs);
    if (names.size() != n.inputs.size()) {
      constexpr size_t kListed = 8;
      std::string listed =
          llvm::join(ArrayRef(names).take_front(kListed), ", ");
      if (names.size() > kListed)
        listed += ", ...";
      nodeError(id) << "has " << n.inputs.size() << " inputs but expects "
                    << names.size() << " (" << listed << ")";
      return nullptr;
    }
    for (unsigned i : n.schema->auxInputs)
      if (nodes[n.inputs[i].node].op == "null")
        auxVars.insert(n.inputs[i].node);
  }

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

  DenseMap<int64_t, Operation *> built;
  DenseMap<int64_t, Value> varValues;
  for (auto [i, id] : llvm::enumerate(varIds)) {
    const JsonNode &n = nodes[id];
    entry->getArgument(i).setLoc(nodeLoc(n));
    varValues[id] = entry->getArgument(i);
    func.setArgAttr(i, sym::kArgNameAttr, b.getStringAttr(n.name));
    if (auxVars.contains(id))
      func.setArgAttr(i, sym::kArgAuxAttr, b.getUnitAttr());
    if (!n.attrs.empty()) {
      SmallVector<NamedAttribute> hidden;
      for (const auto &entry : n.attrs)
        hidden.push_back(b.getNamedAttr(entry.getKey(),
                                        b.getStringAttr(entry.getValue())));
      llvm::sort(hidden, [](const NamedAttribute &x, const NamedAttribute &y) {
        return x.getName().strref() < y.getName().strref();
      });
      func.setArgAttr(i, sym::kMXNetAttrsName, b.getDictionaryAttr(hidden));
    }
  }
  auto valueOf = [&](const EntryRef &ref) -> Value {
    if (nodes[ref.node].op == "null")
      return varValues.lookup(ref.node);
    return built.lookup(ref.node)->getResult(ref.index);
  };

  for (int64_t id : order) {
    const JsonNode &n = nodes[id];
    if (n.op == "null")
      continue;
    SmallVector<Value> operands;
    for (const EntryRef &ref : n.inputs)
      operands.push_back(valueOf(ref));
    Operation *op = buildOp(b, n, operands);
    if (!op)
      return nullptr;
    built[id] = op;
  }

  SmallVector<Value> results;
  SmallVector<Attribute> resultNames;
  for (const EntryRef &head : graph.heads) {
    results.push_back(valueOf(head));
    resultNames.push_back(b.getDictionaryAttr(b.getNamedAttr(
        sym::kArgNameAttr,
        b.getStringAttr(outputName(nodes[head.node], head.index)))));
  }
  func::ReturnOp::create(b, fileLoc, results);
  func.setFunctionType(b.getFunctionType(argTypes, ValueRange(results).getTypes()));
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
