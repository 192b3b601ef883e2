//===- JsonIO.cpp - Symbol JSON exactly as MXNet writes it ----------------===//
//
// tojson must be byte-for-byte what MXNet 1.9.1 writes: nnvm's SaveJSON
// through dmlc::JSONWriter, whose layout rules are reproduced here (", "
// before a newline, two spaces per level, arrays of more than 10 plain
// values or of objects on one line each, maps of more than one entry
// likewise). fromjson reads every format generation into nodes.
//
//===----------------------------------------------------------------------===//

#include "Graph.h"
#include "symc/Import/MXNetGraph.h"

#include "llvm/ADT/StringExtras.h"

#include <sstream>
#include <unordered_map>

using namespace llvm;

namespace symc::detail {
namespace {

/// MXNET_VERSION of 1.9.1.
constexpr int kMXNetVersion = 10901;

/// dmlc::JSONWriter's layout.
class DmlcJsonWriter {
public:
  std::string str() const { return os.str(); }

  void beginObject(bool multiLine = true) { begin('{', multiLine); }
  void endObject() { end('}'); }
  void beginArray(bool multiLine) { begin('[', multiLine); }
  void endArray() { end(']'); }

  /// Starts the value of `key` in the current object.
  void key(StringRef key) {
    if (counters.back() > 0)
      os << ", ";
    separator();
    os << '"' << key.str() << "\": ";
    ++counters.back();
  }
  /// Starts the next item of the current array.
  void item() {
    if (counters.back() != 0)
      os << ", ";
    ++counters.back();
    separator();
  }
  void string(StringRef s) {
    os << '"';
    for (char c : s) {
      switch (c) {
      case '\r': os << "\\r"; break;
      case '\n': os << "\\n"; break;
      case '\\': os << "\\\\"; break;
      case '\t': os << "\\t"; break;
      case '"': os << "\\\""; break;
      default: os << c;
      }
    }
    os << '"';
  }
  void number(int64_t v) { os << v; }

  /// An array of plain values: one line unless it has more than 10.
  template <typename T, typename WriteItem>
  void plainArray(const std::vector<T> &items, WriteItem write) {
    beginArray(items.size() > 10);
    for (const T &v : items) {
      item();
      write(v);
    }
    endArray();
  }
  void stringMap(const Attrs &map) {
    beginObject(map.size() > 1);
    for (const auto &[k, v] : map) {
      key(k);
      string(v);
    }
    endObject();
  }

private:
  void begin(char open, bool multiLine) {
    os << open;
    multiLines.push_back(multiLine);
    counters.push_back(0);
  }
  void end(char close) {
    bool newline = multiLines.back();
    size_t count = counters.back();
    multiLines.pop_back();
    counters.pop_back();
    if (newline && count != 0)
      separator();
    os << close;
  }
  void separator() {
    if (multiLines.empty() || multiLines.back())
      os << '\n' << std::string(multiLines.size() * 2, ' ');
  }

  std::ostringstream os;
  std::vector<bool> multiLines;
  std::vector<size_t> counters;
};

/// The output count MXNet's pip build (with oneDNN) gives a node, which
/// node_row_ptr records: oneDNN max pooling has a hidden workspace output,
/// and the legacy InstanceNorm keeps its mean and var.
unsigned savedNumOutputs(const Node &node) {
  if (node.op == "Pooling") {
    auto attr = [&](const char *k, const char *dflt) {
      auto it = node.attrs.find(k);
      return it == node.attrs.end() ? std::string(dflt)
                                    : StringRef(it->second).trim().str();
    };
    std::string poolType = attr("pool_type", "max");
    std::string layout = attr("layout", "None");
    std::optional<SmallVector<int64_t>> kernel = parseIntTuple(attr("kernel", "()"));
    size_t ndim = kernel ? kernel->size() : 0;
    bool onednn = ndim >= 1 && ndim <= 3 &&
                  (poolType == "max" || poolType == "avg") &&
                  (layout == "None" || layout == "NCW" || layout == "NCHW" ||
                   layout == "NCDHW");
    return onednn && poolType != "avg" ? 2 : 1;
  }
  if (node.op == "InstanceNorm")
    return 3;
  return node.numOutputs();
}

using Entry = std::array<int64_t, 3>;

/// nnvm's JSONGraph of one Symbol: nodes, arg_nodes, node_row_ptr and
/// heads (the caller closes the object, after the graph attributes of a
/// top-level graph); subgraph nodes nest their Symbols.
void writeGraph(DmlcJsonWriter &w, const std::vector<NodeEntry> &heads) {
  std::vector<NodePtr> nodes = topoOrder(heads);
  std::unordered_map<Node *, int64_t> ids;
  for (size_t i = 0; i < nodes.size(); ++i)
    ids[nodes[i].get()] = i;
  auto entryOf = [&](const NodeEntry &e) {
    return Entry{ids.at(e.node.get()), e.index, e.version};
  };
  auto writeEntry = [](DmlcJsonWriter &w) {
    return [&w](const Entry &e) {
      w.beginArray(false);
      for (int64_t v : e) {
        w.item();
        w.number(v);
      }
      w.endArray();
    };
  };

  w.beginObject();
  w.key("nodes");
  w.beginArray(true);
  std::vector<int64_t> argNodes, rowPtr = {0};
  for (const NodePtr &n : nodes) {
    w.item();
    w.beginObject();
    w.key("op");
    w.string(n->isVariable() ? "null" : n->op);
    w.key("name");
    w.string(n->name);
    if (!n->attrs.empty()) {
      w.key("attrs");
      w.stringMap(n->attrs);
    }
    std::vector<Entry> inputs;
    for (const NodeEntry &e : n->inputs)
      inputs.push_back(entryOf(e));
    w.key("inputs");
    w.plainArray(inputs, writeEntry(w));
    if (!n->controlDeps.empty()) {
      std::vector<int64_t> deps;
      for (const NodePtr &d : n->controlDeps)
        deps.push_back(ids.at(d.get()));
      w.key("control_deps");
      w.plainArray(deps, [&](int64_t v) { w.number(v); });
    }
    if (!n->subgraphs.empty()) {
      w.key("subgraphs");
      w.beginArray(true);
      for (const std::vector<NodeEntry> &subgraph : n->subgraphs) {
        w.item();
        writeGraph(w, subgraph);
        w.endObject();
      }
      w.endArray();
    }
    w.endObject();
    if (n->isVariable())
      argNodes.push_back(ids.at(n.get()));
    rowPtr.push_back(rowPtr.back() + savedNumOutputs(*n));
  }
  w.endArray();
  auto writeNumber = [&](int64_t v) { w.number(v); };
  w.key("arg_nodes");
  w.plainArray(argNodes, writeNumber);
  w.key("node_row_ptr");
  w.plainArray(rowPtr, writeNumber);
  std::vector<Entry> headEntries;
  for (const NodeEntry &e : heads)
    headEntries.push_back(entryOf(e));
  w.key("heads");
  w.plainArray(headEntries, writeEntry(w));
}

} // namespace

std::string writeJson(const std::vector<NodeEntry> &heads) {
  DmlcJsonWriter w;
  writeGraph(w, heads);
  w.key("attrs");
  w.beginObject(false);
  w.key("mxnet_version");
  w.beginArray(false);
  w.item();
  w.string("int");
  w.item();
  w.number(kMXNetVersion);
  w.endArray();
  w.endObject();
  w.endObject();
  return w.str();
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

/// The nodes of `graph` (and of its nested subgraphs) as API nodes.
static std::vector<NodeEntry> buildNodes(const MXNetGraph &graph,
                                         const std::string &what) {
  // Only what the heads reach is part of the symbol; ordering also rejects
  // cycles, which nnvm would loop on.
  llvm::Expected<llvm::SmallVector<int64_t>> order = graph.orderFromHeads();
  if (!order)
    fail(what + ": " + llvm::toString(order.takeError()));
  std::vector<NodePtr> nodes(graph.nodes.size());
  auto entryOf = [&](const MXNetGraph::Entry &e) {
    return NodeEntry{nodes[e.node], (uint32_t)e.index, (uint32_t)e.version};
  };
  for (int64_t id : *order) {
    const MXNetGraph::Node &src = graph.nodes[id];
    auto n = std::make_shared<Node>();
    n->name = src.name;
    if (src.op != "null") {
      n->op = src.op;
      n->schema = src.schema;
      n->declaredOutputs = src.numOutputs;
    }
    for (const auto &kv : src.attrs)
      n->attrs[kv.getKey().str()] = kv.getValue();
    for (const MXNetGraph::Entry &e : src.inputs)
      n->inputs.push_back(entryOf(e));
    for (int64_t d : src.controlDeps)
      n->controlDeps.push_back(nodes[d]);
    for (const MXNetGraph &subgraph : src.subgraphs)
      n->subgraphs.push_back(
          buildNodes(subgraph, what + ": subgraph of '" + src.name + "'"));
    nodes[id] = n;
  }
  std::vector<NodeEntry> heads;
  for (const MXNetGraph::Entry &e : graph.heads)
    heads.push_back(entryOf(e));
  return heads;
}

std::vector<NodeEntry> readJson(const std::string &text, const std::string &what) {
  llvm::Expected<MXNetGraph> graph = readMXNetGraph(text);
  if (!graph)
    fail(what + ": " + llvm::toString(graph.takeError()));
  return buildNodes(*graph, what);
}

} // namespace symc::detail

namespace symc {

std::string Symbol::tojson(bool remove_amp_cast) const {
  if (outputs.empty())
    detail::fail("tojson: the symbol is empty");
  if (!remove_amp_cast)
    return detail::writeJson(outputs);
  return detail::writeJson(detail::removeAmpCast(copy().getOutputs()));
}

void Symbol::save(const std::string &fname, bool remove_amp_cast) const {
  std::string text = tojson(remove_amp_cast);
  // Written whole to a temporary file and renamed: never a partial file.
  std::string tmp = fname + ".tmp";
  FILE *f = std::fopen(tmp.c_str(), "wb");
  if (!f)
    detail::fail("save: cannot write " + fname);
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok &= std::fclose(f) == 0;
  if (!ok || std::rename(tmp.c_str(), fname.c_str()) != 0) {
    std::remove(tmp.c_str());
    detail::fail("save: cannot write " + fname);
  }
}

Symbol fromjson(const std::string &text) {
  return Symbol(detail::readJson(text, "fromjson"));
}

Symbol load(const std::string &fname) {
  FILE *f = std::fopen(fname.c_str(), "rb");
  if (!f)
    detail::fail("load: cannot open " + fname);
  std::string text;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0)
    text.append(buf, n);
  std::fclose(f);
  return Symbol(detail::readJson(text, fname));
}

} // namespace symc
