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
#include "symc/Import/OpSchema.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/StringExtras.h"

#include <nlohmann/json.hpp>

using namespace mlir;
using json = nlohmann::json;

namespace symc {
namespace {

/// MXNET_MAKE_VERSION(0, 9, 0): files older than this lack auxiliary inputs.
constexpr int64_t kVersion0900 = 900;
/// Bound on num_args / num_outputs, far above any real model.
constexpr int64_t kMaxCount = 100000;

struct EntryRef {
  int64_t node;
  int64_t index;
};

struct JsonNode {
  std::string op; // canonical name, or "null" for a variable
  std::string name;
  AttrStrings attrs;
  SmallVector<EntryRef> inputs;
  const OpSchema *schema = nullptr;
  unsigned numOutputs = 1;
};

class Importer {
public:
  Importer(MLIRContext *ctx, StringRef fileName)
      : ctx(ctx), fileName(fileName),
        fileLoc(FileLineColLoc::get(ctx, fileName, 0, 0)) {}

  OwningOpRef<ModuleOp> run(StringRef text);

private:
  LogicalResult parseDocument(const json &doc);
  LogicalResult parseNode(const json &node, size_t id);
  LogicalResult parseEntry(const json &entry, StringRef what, EntryRef &out);
  LogicalResult parseAttrObject(const json &obj, size_t id, AttrStrings &out);
  void upgradeHiddenKeys();
  LogicalResult upgradeLegacyInputs();
  LogicalResult computeOutputCounts();
  FailureOr<SmallVector<int64_t>> orderFromHeads();
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
  std::vector<JsonNode> nodes;
  SmallVector<EntryRef> heads;
  int64_t version = 800; // MXNet's assumption when mxnet_version is absent
  bool npShape = false;
};

//===----------------------------------------------------------------------===//
// Parsing and validation
//===----------------------------------------------------------------------===//

std::string describeType(const json &value) { return value.type_name(); }

LogicalResult Importer::parseEntry(const json &entry, StringRef what,
                                   EntryRef &out) {
  if (!entry.is_array() || entry.size() < 2 || entry.size() > 3)
    return error() << what << ": expected [node_id, output_index(, version)], "
                   << "got " << entry.dump();
  for (const json &v : entry)
    if (!v.is_number_integer())
      return error() << what << ": entries must be integers, got "
                     << entry.dump();
  out.node = entry[0].get<int64_t>();
  out.index = entry[1].get<int64_t>();
  if (out.node < 0 || out.node >= (int64_t)nodes.size())
    return error() << what << ": node id " << out.node
                   << " is out of range (the graph has " << nodes.size()
                   << " nodes)";
  if (out.index < 0)
    return error() << what << ": negative output index " << out.index;
  if (out.index >= kMaxCount)
    return error() << what << ": output index " << out.index
                   << " is out of range";
  return success();
}

LogicalResult Importer::parseAttrObject(const json &obj, size_t id,
                                        AttrStrings &out) {
  if (!obj.is_object())
    return error() << "node " << id << ": attributes must be an object, got "
                   << describeType(obj);
  for (const auto &[key, value] : obj.items()) {
    if (!value.is_string())
      return error() << "node " << id << ": attribute '" << key
                     << "' must be a string, got " << value.dump();
    out[key] = value.get<std::string>();
  }
  return success();
}

LogicalResult Importer::parseNode(const json &node, size_t id) {
  if (!node.is_object())
    return error() << "node " << id << " must be an object, got "
                   << describeType(node);
  JsonNode &n = nodes[id];
  for (const char *key : {"op", "name"}) {
    auto it = node.find(key);
    if (it == node.end() || !it->is_string())
      return error() << "node " << id << ": '" << key
                     << "' must be a string";
  }
  n.name = node["name"].get<std::string>();
  n.op = resolveOpAlias(node["op"].get<std::string>()).str();
  // `param` (pre-0.9) and `attr` (0.9-0.12) are read into the same map as
  // `attrs`, as nnvm's JSONNode::Load does.
  for (const char *key : {"param", "attr", "attrs"})
    if (auto it = node.find(key); it != node.end())
      if (failed(parseAttrObject(*it, id, n.attrs)))
        return failure();
  if (node.contains("subgraphs"))
    return error() << "node " << id << " ('" << n.name
                   << "'): nested subgraphs are not supported yet";
  auto inputs = node.find("inputs");
  if (inputs == node.end() || !inputs->is_array())
    return error() << "node " << id << " ('" << n.name
                   << "'): 'inputs' must be an array";
  for (const json &entry : *inputs) {
    EntryRef ref;
    if (failed(parseEntry(entry, "input of node '" + n.name + "'", ref)))
      return failure();
    n.inputs.push_back(ref);
  }
  if (n.op == "null" && !n.inputs.empty())
    return error() << "variable '" << n.name << "' must not have inputs";
  n.schema = lookupOpSchema(n.op);
  // Counts that size the op's inputs or outputs are checked before use.
  for (StringRef key : {"num_args", "num_outputs"}) {
    auto it = n.attrs.find(key);
    if (!n.schema || it == n.attrs.end())
      continue;
    int64_t count;
    if (StringRef(it->second).trim().getAsInteger(10, count) || count < 1 ||
        count > kMaxCount)
      return error() << "node '" << n.name << "' (op " << n.op << "): '" << key
                     << "' must be between 1 and " << kMaxCount << ", got '"
                     << it->second << "'";
  }
  return success();
}

LogicalResult Importer::parseDocument(const json &doc) {
  if (!doc.is_object())
    return error() << "expected a JSON object with 'nodes' and 'heads'";
  auto nodesIt = doc.find("nodes"), headsIt = doc.find("heads");
  if (nodesIt == doc.end() || !nodesIt->is_array())
    return error() << "'nodes' must be an array";
  if (headsIt == doc.end() || !headsIt->is_array())
    return error() << "'heads' must be an array";
  if (headsIt->empty())
    return error() << "'heads' is empty: the graph has no outputs";

  if (auto attrs = doc.find("attrs"); attrs != doc.end() && attrs->is_object()) {
    // Graph attributes are [type_tag, value] pairs.
    auto readInt = [&](const char *key) -> std::optional<int64_t> {
      auto it = attrs->find(key);
      if (it == attrs->end() || !it->is_array() || it->size() != 2 ||
          !(*it)[1].is_number_integer())
        return std::nullopt;
      return (*it)[1].get<int64_t>();
    };
    version = readInt("mxnet_version").value_or(version);
    npShape = readInt("is_np_shape").value_or(0) != 0;
  }

  nodes.resize(nodesIt->size());
  for (size_t i = 0; i < nodes.size(); ++i)
    if (failed(parseNode((*nodesIt)[i], i)))
      return failure();
  for (const json &head : *headsIt) {
    EntryRef ref;
    if (failed(parseEntry(head, "head", ref)))
      return failure();
    heads.push_back(ref);
  }
  return success();
}

/// UpgradeJSON_FixParsing: legacy hidden keys (`lr_mult`) become `__lr_mult__`,
/// and an op's `<input>_lr_mult` moves onto that input variable.
void Importer::upgradeHiddenKeys() {
  static const char *const kHiddenKeys[] = {"ctx_group", "lr_mult", "wd_mult",
                                            "force_mirroring", "mirror_stage"};
  for (JsonNode &n : nodes) {
    for (StringRef key : kHiddenKeys) {
      auto it = n.attrs.find(key);
      if (it == n.attrs.end())
        continue;
      n.attrs[("__" + key + "__").str()] = it->second;
      n.attrs.erase(key);
    }
    if (!n.schema)
      continue;
    SmallVector<std::string> inputNames = n.schema->inputNames(n.attrs);
    for (size_t i = 0; i < inputNames.size() && i < n.inputs.size(); ++i) {
      JsonNode &input = nodes[n.inputs[i].node];
      if (input.op != "null")
        continue;
      for (StringRef key : kHiddenKeys) {
        std::string opKey = inputNames[i] + "_" + key.str();
        auto it = n.attrs.find(opKey);
        if (it == n.attrs.end())
          continue;
        input.attrs[("__" + key + "__").str()] = it->second;
        n.attrs.erase(opKey);
      }
    }
  }
}

/// UpgradeJSON_000800_000900: before 0.9 the auxiliary states were not
/// stored; they become variables named `<node>_<arg>`. Only auxiliary
/// inputs are added: anything else missing is an error reported later.
LogicalResult Importer::upgradeLegacyInputs() {
  if (version >= kVersion0900)
    return success();
  size_t count = nodes.size();
  for (size_t id = 0; id < count; ++id) {
    const OpSchema *schema = nodes[id].schema;
    if (!schema || schema->auxInputs.empty())
      continue;
    SmallVector<std::string> names = schema->inputNames(nodes[id].attrs);
    for (size_t i = nodes[id].inputs.size(); i < names.size(); ++i) {
      if (!llvm::is_contained(schema->auxInputs, i))
        break;
      JsonNode var;
      var.op = "null";
      var.name = nodes[id].name + "_" + names[i];
      nodes.push_back(var);
      nodes[id].inputs.push_back({(int64_t)nodes.size() - 1, 0});
    }
  }
  return success();
}

LogicalResult Importer::computeOutputCounts() {
  for (JsonNode &n : nodes)
    if (n.schema)
      n.numOutputs = n.schema->numOutputs(n.attrs);
  // Ops symc does not model have as many outputs as are referenced.
  auto noteUse = [&](const EntryRef &ref) {
    JsonNode &src = nodes[ref.node];
    if (!src.schema && src.op != "null")
      src.numOutputs = std::max<unsigned>(src.numOutputs, ref.index + 1);
  };
  for (JsonNode &n : nodes)
    for (const EntryRef &ref : n.inputs)
      noteUse(ref);
  for (const EntryRef &ref : heads)
    noteUse(ref);
  auto check = [&](const EntryRef &ref, StringRef user) -> LogicalResult {
    const JsonNode &src = nodes[ref.node];
    if (ref.index < (int64_t)src.numOutputs)
      return success();
    return error() << user << " refers to output " << ref.index << " of node '"
                   << src.name << "' (op " << src.op << "), which has "
                   << src.numOutputs << " output(s)";
  };
  for (JsonNode &n : nodes)
    for (const EntryRef &ref : n.inputs)
      if (failed(check(ref, "node '" + n.name + "'")))
        return failure();
  for (const EntryRef &ref : heads)
    if (failed(check(ref, "a head")))
      return failure();
  return success();
}

/// Post-order DFS from the heads, iterative so that deep graphs cannot
/// exhaust the stack; a node met again while on the stack is a cycle.
FailureOr<SmallVector<int64_t>> Importer::orderFromHeads() {
  enum State : uint8_t { Unvisited, OnStack, Done };
  std::vector<State> state(nodes.size(), Unvisited);
  SmallVector<int64_t> order;
  for (const EntryRef &head : heads) {
    if (state[head.node] == Done)
      continue;
    SmallVector<std::pair<int64_t, size_t>> stack = {{head.node, 0}};
    state[head.node] = OnStack;
    while (!stack.empty()) {
      auto &[id, next] = stack.back();
      if (next < nodes[id].inputs.size()) {
        int64_t input = nodes[id].inputs[next++].node;
        if (state[input] == OnStack)
          return error() << "the graph has a cycle through node '"
                         << nodes[input].name << "'";
        if (state[input] == Unvisited) {
          state[input] = OnStack;
          stack.push_back({input, 0});
        }
        continue;
      }
      state[id] = Done;
      order.push_back(id);
      stack.pop_back();
    }
  }
  return order;
}

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
  if (!npShape && dims->empty())
    return Type(UnrankedTensorType::get(elt));
  SmallVector<int64_t> shape;
  for (int64_t d : *dims) {
    bool unknown = npShape ? d < 0 : d == 0;
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
  for (const EntryRef &head : heads) {
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
  json doc;
  try {
    // Comments are accepted (lit tests carry their RUN lines in them).
    doc = json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                      /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::exception &e) {
    error() << "invalid JSON: " << e.what();
    return nullptr;
  }
  if (failed(parseDocument(doc)))
    return nullptr;
  upgradeHiddenKeys();
  if (failed(upgradeLegacyInputs()) ||
      failed(computeOutputCounts()))
    return nullptr;
  FailureOr<SmallVector<int64_t>> order = orderFromHeads();
  if (failed(order))
    return nullptr;
  return buildModule(*order);
}

} // namespace

OwningOpRef<ModuleOp> importMXNetJson(StringRef text, StringRef fileName,
                                      MLIRContext *ctx) {
  ctx->loadDialect<sym::SymDialect, func::FuncDialect>();
  return Importer(ctx, fileName).run(text);
}

} // namespace symc
