//===- MXNetGraph.cpp - Symbol JSON read and upgraded as MXNet does -------===//

#include "symc/Import/MXNetGraph.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <nlohmann/json.hpp>

using namespace llvm;
using json = nlohmann::json;

namespace symc {
namespace {

/// MXNET_MAKE_VERSION(0, 9, 0): files older than this lack auxiliary inputs.
constexpr int64_t kVersion0900 = 900;
/// Bound on num_args / num_outputs / output indices, far above any model.
constexpr int64_t kMaxCount = 100000;
/// Bound on the nesting of subgraphs (optimize_for makes one level; a few
/// backends in turn make a few), so hostile files cannot exhaust the stack.
constexpr unsigned kMaxSubgraphDepth = 16;

using Entry = MXNetGraph::Entry;
using Node = MXNetGraph::Node;

class GraphReader {
public:
  explicit GraphReader(unsigned depth = 0) : depth(depth) {}
  Expected<MXNetGraph> run(StringRef text);

private:
  Error fail(const Twine &msg) {
    return createStringError(inconvertibleErrorCode(), msg);
  }
  Error parseDocument(const json &doc);
  Error parseNode(const json &node, size_t id);
  Error parseEntry(const json &entry, const Twine &what, Entry &out);
  Error parseAttrObject(const json &obj, size_t id, AttrStrings &out);
  void upgradeHiddenKeys();
  void upgradeLegacyInputs();
  Error computeOutputCounts();
  Error parseSubgraphs(const json &list, Node &n);
  Expected<MXNetGraph> readNested(const json &doc);

  unsigned depth;
  MXNetGraph graph;
  /// node_row_ptr when it is consistent with the nodes (else empty).
  std::vector<int64_t> rowPtr;
};

Error GraphReader::parseEntry(const json &entry, const Twine &what, Entry &out) {
  if (!entry.is_array() || entry.size() < 2 || entry.size() > 3)
    return fail(what + ": expected [node_id, output_index(, version)], got " +
                entry.dump());
  for (const json &v : entry)
    if (!v.is_number_integer())
      return fail(what + ": entries must be integers, got " + entry.dump());
  out.node = entry[0].get<int64_t>();
  out.index = entry[1].get<int64_t>();
  out.version = entry.size() == 3 ? entry[2].get<int64_t>() : 0;
  if (out.node < 0 || out.node >= (int64_t)graph.nodes.size())
    return fail(what + ": node id " + Twine(out.node) +
                " is out of range (the graph has " + Twine(graph.nodes.size()) +
                " nodes)");
  if (out.index < 0)
    return fail(what + ": negative output index " + Twine(out.index));
  if (out.index >= kMaxCount)
    return fail(what + ": output index " + Twine(out.index) + " is out of range");
  if (out.version < 0 || out.version > UINT32_MAX)
    return fail(what + ": invalid version " + Twine(out.version));
  return Error::success();
}

Error GraphReader::parseAttrObject(const json &obj, size_t id, AttrStrings &out) {
  if (!obj.is_object())
    return fail("node " + Twine(id) + ": attributes must be an object, got " +
                obj.type_name());
  for (const auto &[key, value] : obj.items()) {
    if (!value.is_string())
      return fail("node " + Twine(id) + ": attribute '" + key +
                  "' must be a string, got " + value.dump());
    out[key] = value.get<std::string>();
  }
  return Error::success();
}

Error GraphReader::parseNode(const json &node, size_t id) {
  if (!node.is_object())
    return fail("node " + Twine(id) + " must be an object, got " + node.type_name());
  Node &n = graph.nodes[id];
  for (const char *key : {"op", "name"}) {
    auto it = node.find(key);
    if (it == node.end() || !it->is_string())
      return fail("node " + Twine(id) + ": '" + key + "' must be a string");
  }
  n.name = node["name"].get<std::string>();
  n.op = resolveOpAlias(node["op"].get<std::string>()).str();
  // `param` (pre-0.9) and `attr` (0.9-0.12) are read into the same map as
  // `attrs`, as nnvm's JSONNode::Load does.
  for (const char *key : {"param", "attr", "attrs"})
    if (auto it = node.find(key); it != node.end())
      if (Error err = parseAttrObject(*it, id, n.attrs))
        return err;
  if (auto it = node.find("subgraphs"); it != node.end())
    if (Error err = parseSubgraphs(*it, n))
      return err;
  auto inputs = node.find("inputs");
  if (inputs == node.end() || !inputs->is_array())
    return fail("node " + Twine(id) + " ('" + n.name +
                "'): 'inputs' must be an array");
  for (const json &e : *inputs) {
    Entry ref;
    if (Error err = parseEntry(e, "input of node '" + n.name + "'", ref))
      return err;
    n.inputs.push_back(ref);
  }
  if (auto deps = node.find("control_deps"); deps != node.end()) {
    if (!deps->is_array())
      return fail("node '" + n.name + "': 'control_deps' must be an array");
    for (const json &d : *deps) {
      if (!d.is_number_integer() || d.get<int64_t>() < 0 ||
          d.get<int64_t>() >= (int64_t)graph.nodes.size())
        return fail("node '" + n.name + "': control dependency " + d.dump() +
                    " is out of range");
      n.controlDeps.push_back(d.get<int64_t>());
    }
  }
  if (n.op == "null" && !n.inputs.empty())
    return fail("variable '" + n.name + "' must not have inputs");
  n.schema = lookupOpSchema(n.op);
  // Counts that size the op's inputs or outputs are checked before use.
  for (StringRef key : {"num_args", "num_outputs"}) {
    auto it = n.attrs.find(key);
    if (!n.schema || it == n.attrs.end())
      continue;
    int64_t count;
    if (StringRef(it->second).trim().getAsInteger(10, count) || count < 1 ||
        count > kMaxCount)
      return fail("node '" + n.name + "' (op " + n.op + "): '" + key +
                  "' must be between 1 and " + Twine(kMaxCount) + ", got '" +
                  it->second + "'");
  }
  return Error::success();
}

Error GraphReader::parseSubgraphs(const json &list, Node &n) {
  if (!list.is_array())
    return fail("node '" + n.name + "': 'subgraphs' must be an array");
  if (depth + 1 > kMaxSubgraphDepth)
    return fail("node '" + n.name + "': subgraphs are nested deeper than " +
                Twine(kMaxSubgraphDepth) + " levels");
  for (auto [i, doc] : llvm::enumerate(list)) {
    Expected<MXNetGraph> sub = readNested(doc);
    if (!sub)
      return fail("in subgraph " + Twine(i) + " of node '" + n.name + "': " +
                  toString(sub.takeError()));
    n.subgraphs.push_back(std::move(*sub));
  }
  return Error::success();
}

/// A nested Symbol has no graph attributes: it is read in its parent's
/// version and shape mode, and needs no legacy upgrades (subgraph nodes
/// appeared in 1.5).
Expected<MXNetGraph> GraphReader::readNested(const json &doc) {
  GraphReader nested(depth + 1);
  nested.graph.version = graph.version;
  nested.graph.npShape = graph.npShape;
  if (Error err = nested.parseDocument(doc))
    return std::move(err);
  nested.upgradeHiddenKeys();
  if (Error err = nested.computeOutputCounts())
    return std::move(err);
  return std::move(nested.graph);
}

Error GraphReader::parseDocument(const json &doc) {
  if (!doc.is_object())
    return fail("expected a JSON object with 'nodes' and 'heads'");
  auto nodesIt = doc.find("nodes"), headsIt = doc.find("heads");
  if (nodesIt == doc.end() || !nodesIt->is_array())
    return fail("'nodes' must be an array");
  if (headsIt == doc.end() || !headsIt->is_array())
    return fail("'heads' must be an array");
  if (headsIt->empty())
    return fail("'heads' is empty: the graph has no outputs");

  if (auto attrs = doc.find("attrs"); attrs != doc.end() && attrs->is_object()) {
    // Graph attributes are [type_tag, value] pairs.
    auto readInt = [&](const char *key) -> std::optional<int64_t> {
      auto it = attrs->find(key);
      if (it == attrs->end() || !it->is_array() || it->size() != 2 ||
          !(*it)[1].is_number_integer())
        return std::nullopt;
      return (*it)[1].get<int64_t>();
    };
    graph.version = readInt("mxnet_version").value_or(graph.version);
    graph.npShape = readInt("is_np_shape").value_or(0) != 0;
  }

  if (auto it = doc.find("node_row_ptr"); it != doc.end() && it->is_array() &&
                                          it->size() == nodesIt->size() + 1) {
    for (const json &v : *it) {
      if (!v.is_number_integer() || v.get<int64_t>() < 0 ||
          (!rowPtr.empty() && v.get<int64_t>() < rowPtr.back())) {
        rowPtr.clear();
        break;
      }
      rowPtr.push_back(v.get<int64_t>());
    }
  }
  graph.nodes.resize(nodesIt->size());
  for (size_t i = 0; i < graph.nodes.size(); ++i)
    if (Error err = parseNode((*nodesIt)[i], i))
      return err;
  for (const json &head : *headsIt) {
    Entry ref;
    if (Error err = parseEntry(head, "head", ref))
      return err;
    graph.heads.push_back(ref);
  }
  return Error::success();
}

/// UpgradeJSON_FixParsing: legacy hidden keys (`lr_mult`) become `__lr_mult__`,
/// and an op's `<input>_lr_mult` moves onto that input variable.
void GraphReader::upgradeHiddenKeys() {
  for (Node &n : graph.nodes) {
    for (StringRef key : getHiddenAttrKeys()) {
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
      Node &input = graph.nodes[n.inputs[i].node];
      if (input.op != "null")
        continue;
      for (StringRef key : getHiddenAttrKeys()) {
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
void GraphReader::upgradeLegacyInputs() {
  if (graph.version >= kVersion0900)
    return;
  size_t count = graph.nodes.size();
  for (size_t id = 0; id < count; ++id) {
    const OpSchema *schema = graph.nodes[id].schema;
    if (!schema || schema->auxInputs.empty())
      continue;
    SmallVector<std::string> names = schema->inputNames(graph.nodes[id].attrs);
    for (size_t i = graph.nodes[id].inputs.size(); i < names.size(); ++i) {
      if (!llvm::is_contained(schema->auxInputs, i))
        break;
      Node var;
      var.op = "null";
      var.name = graph.nodes[id].name + "_" + names[i];
      graph.nodes.push_back(var);
      graph.nodes[id].inputs.push_back({(int64_t)graph.nodes.size() - 1, 0, 0});
    }
  }
}

Error GraphReader::computeOutputCounts() {
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    Node &n = graph.nodes[i];
    if (n.schema)
      n.numOutputs = n.schema->numOutputs(n.attrs);
    else if (!n.subgraphs.empty())
      n.numOutputs = std::max<size_t>(1, n.subgraphs.front().heads.size());
    else if (n.op != "null" && i + 1 < rowPtr.size())
      n.numOutputs = (unsigned)std::clamp<int64_t>(rowPtr[i + 1] - rowPtr[i], 1, kMaxCount);
  }
  // Ops symc does not model have node_row_ptr's count of outputs, or at
  // least as many as are referenced.
  auto noteUse = [&](const Entry &ref) {
    Node &src = graph.nodes[ref.node];
    if (!src.schema && src.op != "null")
      src.numOutputs = std::max<unsigned>(src.numOutputs, ref.index + 1);
  };
  for (Node &n : graph.nodes)
    for (const Entry &ref : n.inputs)
      noteUse(ref);
  for (const Entry &ref : graph.heads)
    noteUse(ref);
  auto check = [&](const Entry &ref, const Twine &user) -> Error {
    const Node &src = graph.nodes[ref.node];
    if (ref.index < (int64_t)src.numOutputs)
      return Error::success();
    return fail(user + " refers to output " + Twine(ref.index) + " of node '" +
                src.name + "' (op " + src.op + "), which has " +
                Twine(src.numOutputs) + " output(s)");
  };
  for (Node &n : graph.nodes)
    for (const Entry &ref : n.inputs)
      if (Error err = check(ref, "node '" + n.name + "'"))
        return err;
  for (const Entry &ref : graph.heads)
    if (Error err = check(ref, "a head"))
      return err;
  return Error::success();
}

Expected<MXNetGraph> GraphReader::run(StringRef text) {
  json doc;
  try {
    // Comments are accepted (lit tests carry their RUN lines in them).
    doc = json::parse(text.begin(), text.end(), /*cb=*/nullptr,
                      /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::exception &e) {
    return fail(Twine("invalid JSON: ") + e.what());
  }
  if (Error err = parseDocument(doc))
    return std::move(err);
  upgradeHiddenKeys();
  upgradeLegacyInputs();
  if (Error err = computeOutputCounts())
    return std::move(err);
  return std::move(graph);
}

} // namespace

Expected<SmallVector<int64_t>> MXNetGraph::orderFromHeads() const {
  enum State : uint8_t { Unvisited, OnStack, Done };
  std::vector<State> state(nodes.size(), Unvisited);
  SmallVector<int64_t> order;
  auto edges = [&](int64_t id) {
    return nodes[id].inputs.size() + nodes[id].controlDeps.size();
  };
  auto edge = [&](int64_t id, size_t i) {
    return i < nodes[id].inputs.size()
               ? nodes[id].inputs[i].node
               : nodes[id].controlDeps[i - nodes[id].inputs.size()];
  };
  for (const Entry &head : heads) {
    if (state[head.node] == Done)
      continue;
    SmallVector<std::pair<int64_t, size_t>> stack = {{head.node, 0}};
    state[head.node] = OnStack;
    while (!stack.empty()) {
      auto &[id, next] = stack.back();
      if (next < edges(id)) {
        int64_t input = edge(id, next++);
        if (state[input] == OnStack)
          return createStringError(inconvertibleErrorCode(),
                                   "the graph has a cycle through node '" +
                                       nodes[input].name + "'");
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

Expected<MXNetGraph> readMXNetGraph(StringRef text) {
  return GraphReader().run(text);
}

} // namespace symc
