//===- JsonExporter.cpp - sym dialect -> MXNet Symbol JSON ----------------===//
//
// Writes nnvm's JSONGraph layout (nodes in DFS post-order from the heads,
// arg_nodes, node_row_ptr, heads, mxnet_version) with each op's typed
// attributes printed back as MXNet attribute strings and the verbatim
// `mxnet.attrs` merged in.
//
//===----------------------------------------------------------------------===//

#include "symc/Import/MXNetJson.h"

#include "symc/Dialect/SymDialect.h"
#include "symc/Import/OpSchema.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

using namespace mlir;
using ordered_json = nlohmann::ordered_json;

namespace symc {
namespace {

/// MXNET_VERSION of 1.9.1, which the exported files claim.
constexpr int64_t kExportVersion = 10901;

/// The variables of a graph: the arguments of @main, or of a subgraph's
/// body, with their names and attribute strings.
struct GraphVariables {
  std::function<std::string(unsigned)> name;
  std::function<DictionaryAttr(unsigned)> attrs;

  static GraphVariables of(func::FuncOp func) {
    return {[func](unsigned i) mutable {
              auto name = func.getArgAttrOfType<StringAttr>(i, sym::kArgNameAttr);
              return name ? name.str() : "arg" + std::to_string(i);
            },
            [func](unsigned i) mutable {
              return func.getArgAttrOfType<DictionaryAttr>(i, sym::kMXNetAttrsName);
            }};
  }
  static GraphVariables of(sym::SubgraphOp op) {
    return {[op](unsigned i) mutable {
              return cast<StringAttr>(op.getInputNames()[i]).str();
            },
            [op](unsigned i) mutable {
              std::optional<ArrayAttr> attrs = op.getInputAttrs();
              return attrs ? cast<DictionaryAttr>((*attrs)[i]) : DictionaryAttr();
            }};
  }
};

/// Writes one graph (nnvm's JSONGraph of a Symbol); nested subgraphs are
/// written by nested exporters.
class Exporter {
public:
  Exporter(ValueRange heads, GraphVariables variables)
      : heads(heads), variables(std::move(variables)) {}
  /// The graph's nodes, arg_nodes, node_row_ptr and heads.
  FailureOr<ordered_json> run();

private:
  LogicalResult visit(Value root);
  int64_t addVariable(BlockArgument arg);
  LogicalResult addOp(Operation *op);
  std::map<std::string, std::string> attrStrings(Operation *op);
  ordered_json entryOf(Value v);

  ValueRange heads;
  GraphVariables variables;
  ordered_json nodes = ordered_json::array();
  std::vector<int64_t> argNodes;
  std::vector<int64_t> rowPtr = {0};
  DenseMap<Value, int64_t> argIds;
  DenseMap<Operation *, int64_t> opIds;
  llvm::StringMap<unsigned> nameCounters;
  std::string nameOf(Operation *op, StringRef opName);
};

/// The node name from the op's NameLoc; ops built without one are named
/// as MXNet's NameManager would (`convolution0`, `convolution1`, ...).
std::string Exporter::nameOf(Operation *op, StringRef opName) {
  if (isa<NameLoc>(op->getLoc()))
    return sym::getNodeName(op);
  std::string base = opName.lower();
  return base + std::to_string(nameCounters[base]++);
}


ordered_json Exporter::entryOf(Value v) {
  if (auto arg = dyn_cast<BlockArgument>(v))
    return ordered_json::array({argIds.lookup(v), 0, 0});
  auto result = cast<OpResult>(v);
  return ordered_json::array(
      {opIds.lookup(result.getOwner()), result.getResultNumber(), 0});
}

int64_t Exporter::addVariable(BlockArgument arg) {
  unsigned i = arg.getArgNumber();
  ordered_json node = {{"op", "null"}, {"name", variables.name(i)}};
  if (DictionaryAttr hidden = variables.attrs(i); hidden && !hidden.empty()) {
    ordered_json attrs = ordered_json::object();
    for (NamedAttribute a : hidden)
      if (auto s = dyn_cast<StringAttr>(a.getValue()))
        attrs[a.getName().str()] = s.str();
    node["attrs"] = attrs;
  }
  node["inputs"] = ordered_json::array();
  int64_t id = nodes.size();
  nodes.push_back(node);
  argNodes.push_back(id);
  rowPtr.push_back(rowPtr.back() + 1);
  argIds[arg] = id;
  return id;
}

std::map<std::string, std::string> Exporter::attrStrings(Operation *op) {
  std::map<std::string, std::string> attrs;
  if (auto extras = op->getAttrOfType<DictionaryAttr>(sym::kMXNetAttrsName))
    for (NamedAttribute a : extras)
      if (auto s = dyn_cast<StringAttr>(a.getValue()))
        attrs[a.getName().str()] = s.str();
  StringRef opName = op->getName().stripDialect();
  if (const OpSchema *schema = lookupOpSchema(opName))
    for (const AttrSpec &spec : schema->attrs)
      if (Attribute attr = op->getAttr(spec.name))
        attrs[spec.name.str()] = printAttrString(spec, attr);
  return attrs;
}

LogicalResult Exporter::addOp(Operation *op) {
  std::string opName = op->getName().stripDialect().str();
  auto subgraph = dyn_cast<sym::SubgraphOp>(op);
  if (auto generic = dyn_cast<sym::GenericOp>(op))
    opName = generic.getOpName().str();
  else if (subgraph)
    opName = subgraph.getOpName().str();
  else if (!isa<sym::SymDialect>(op->getDialect()))
    return op->emitError() << "cannot export '" << op->getName()
                           << "' to MXNet JSON: only sym ops are exportable";
  ordered_json node = {{"op", opName}, {"name", nameOf(op, opName)}};
  std::map<std::string, std::string> attrs = attrStrings(op);
  if (!attrs.empty())
    node["attrs"] = attrs;
  ordered_json inputs = ordered_json::array();
  for (Value operand : op->getOperands())
    inputs.push_back(entryOf(operand));
  node["inputs"] = inputs;
  if (subgraph) {
    FailureOr<ordered_json> nested =
        Exporter(subgraph.getYield().getValues(), GraphVariables::of(subgraph))
            .run();
    if (failed(nested))
      return failure();
    node["subgraphs"] = ordered_json::array({*nested});
  }
  int64_t id = nodes.size();
  nodes.push_back(node);
  rowPtr.push_back(rowPtr.back() + op->getNumResults());
  opIds[op] = id;
  return success();
}

/// Post-order DFS from `root`, iteratively, as MXNet's DFSVisit orders nodes.
LogicalResult Exporter::visit(Value root) {
  SmallVector<std::pair<Value, unsigned>> stack = {{root, 0}};
  while (!stack.empty()) {
    auto &[value, next] = stack.back();
    if (auto arg = dyn_cast<BlockArgument>(value)) {
      if (!argIds.contains(value))
        addVariable(arg);
      stack.pop_back();
      continue;
    }
    Operation *op = value.getDefiningOp();
    if (opIds.contains(op)) {
      stack.pop_back();
      continue;
    }
    if (next < op->getNumOperands()) {
      Value operand = op->getOperand(next++);
      stack.push_back({operand, 0});
      continue;
    }
    stack.pop_back();
    if (failed(addOp(op)))
      return failure();
  }
  return success();
}

FailureOr<ordered_json> Exporter::run() {
  for (Value v : heads)
    if (failed(visit(v)))
      return failure();
  ordered_json headEntries = ordered_json::array();
  for (Value v : heads)
    headEntries.push_back(entryOf(v));
  return ordered_json{{"nodes", nodes},
                      {"arg_nodes", argNodes},
                      {"node_row_ptr", rowPtr},
                      {"heads", headEntries}};
}

} // namespace

LogicalResult exportMXNetJson(ModuleOp module, raw_ostream &os) {
  auto func = module.lookupSymbol<func::FuncOp>("main");
  if (!func || func.isExternal())
    return emitError(module.getLoc(), "export-mxnet-json: no function @main to export");
  auto ret = cast<func::ReturnOp>(func.getBody().front().getTerminator());
  FailureOr<ordered_json> doc =
      Exporter(ret.getOperands(), GraphVariables::of(func)).run();
  if (failed(doc))
    return failure();
  (*doc)["attrs"] = {
      {"mxnet_version", ordered_json::array({"int", kExportVersion})}};
  // Names with invalid UTF-8 are written with U+FFFD rather than throwing.
  os << doc->dump(2, ' ', /*ensure_ascii=*/false,
                  nlohmann::json::error_handler_t::replace)
     << "\n";
  return success();
}

} // namespace symc
