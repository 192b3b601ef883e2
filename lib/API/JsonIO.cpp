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

#include "llvm/ADT/StringExtras.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

using namespace llvm;
using json = nlohmann::json;

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

} // namespace

std::string writeJson(const std::vector<NodeEntry> &heads) {
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

  DmlcJsonWriter w;
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

namespace {

class JsonReader {
public:
  explicit JsonReader(std::string what) : what(std::move(what)) {}
  std::vector<NodeEntry> read(const json &doc);

private:
  [[noreturn]] void error(const Twine &msg) const { fail(what + ": " + msg); }
  NodeEntry entry(const json &e, const Twine &context) const;
  void readNode(const json &node, size_t id, std::vector<int64_t> &rowPtr);

  std::string what;
  std::vector<NodePtr> nodes;
};

/// A value of an attribute object as MXNet keeps it: strings verbatim,
/// anything else as its JSON text.
std::string attrText(const json &v) {
  return v.is_string() ? v.get<std::string>() : v.dump();
}

NodeEntry JsonReader::entry(const json &e, const Twine &context) const {
  if (!e.is_array() || e.size() < 2 || e.size() > 3)
    error(context + " must be [node, index] or [node, index, version]");
  for (const json &v : e)
    if (!v.is_number_integer())
      error(context + " must hold integers");
  int64_t id = e[0].get<int64_t>(), index = e[1].get<int64_t>();
  int64_t version = e.size() == 3 ? e[2].get<int64_t>() : 0;
  if (id < 0 || id >= (int64_t)nodes.size())
    error(context + " refers to node " + Twine(id) +
          ", which is not an earlier node (" + Twine(nodes.size()) +
          " come before)");
  const Node &src = *nodes[id];
  if (index < 0 || index >= (int64_t)src.numOutputs())
    error(context + " refers to output " + Twine(index) + " of '" + src.name +
          "', which has " + Twine(src.numOutputs()) + " output(s)");
  if (version < 0 || version > UINT32_MAX)
    error(context + " has an invalid version " + Twine(version));
  return NodeEntry{nodes[id], (uint32_t)index, (uint32_t)version};
}

void JsonReader::readNode(const json &node, size_t id,
                          std::vector<int64_t> &rowPtr) {
  auto context = [&] { return "node " + std::to_string(id); };
  if (!node.is_object())
    error(context() + " is not an object");
  auto op = node.find("op"), name = node.find("name");
  if (op == node.end() || !op->is_string() || name == node.end() ||
      !name->is_string())
    error(context() + " needs string 'op' and 'name'");
  auto n = std::make_shared<Node>();
  n->name = name->get<std::string>();
  std::string opName = op->get<std::string>();
  if (opName != "null") {
    n->op = resolveOpAlias(opName).str();
    n->schema = lookupOpSchema(n->op);
  }
  // Format generations: `param` (< 0.9), `attr` (0.9 - 0.12), `attrs`.
  for (const char *key : {"param", "attr", "attrs"}) {
    auto it = node.find(key);
    if (it == node.end())
      continue;
    if (!it->is_object())
      error(context() + " ('" + n->name + "'): '" + key + "' must be an object");
    for (auto kv = it->begin(); kv != it->end(); ++kv)
      n->attrs[kv.key()] = attrText(kv.value());
  }
  auto inputs = node.find("inputs");
  if (inputs == node.end() || !inputs->is_array())
    error(context() + " ('" + n->name + "'): 'inputs' must be an array");
  for (const json &e : *inputs)
    n->inputs.push_back(entry(e, "input of node '" + n->name + "'"));
  if (n->isVariable() && !n->inputs.empty())
    error("variable '" + n->name + "' must not have inputs");
  if (auto deps = node.find("control_deps"); deps != node.end()) {
    if (!deps->is_array())
      error(context() + ": 'control_deps' must be an array");
    for (const json &d : *deps) {
      if (!d.is_number_integer() || d.get<int64_t>() < 0 ||
          d.get<int64_t>() >= (int64_t)nodes.size())
        error(context() + ": control dependency out of range");
      n->controlDeps.push_back(nodes[d.get<int64_t>()]);
    }
  }
  if (node.contains("subgraphs"))
    error(context() + " ('" + n->name + "'): nested subgraphs are not supported yet");
  if (!n->schema && !n->isVariable() && id + 1 < rowPtr.size())
    n->declaredOutputs = std::max<int64_t>(1, rowPtr[id + 1] - rowPtr[id]);
  nodes.push_back(n);
}

std::vector<NodeEntry> JsonReader::read(const json &doc) {
  if (!doc.is_object())
    error("expected a JSON object with 'nodes' and 'heads'");
  auto nodesIt = doc.find("nodes"), headsIt = doc.find("heads");
  if (nodesIt == doc.end() || !nodesIt->is_array())
    error("'nodes' must be an array");
  if (headsIt == doc.end() || !headsIt->is_array())
    error("'heads' must be an array");
  std::vector<int64_t> rowPtr;
  if (auto it = doc.find("node_row_ptr"); it != doc.end() && it->is_array())
    for (const json &v : *it)
      rowPtr.push_back(v.is_number_integer() ? v.get<int64_t>() : 0);
  for (size_t i = 0; i < nodesIt->size(); ++i)
    readNode((*nodesIt)[i], i, rowPtr);
  std::vector<NodeEntry> heads;
  for (const json &h : *headsIt)
    heads.push_back(entry(h, "head"));
  if (heads.empty())
    error("'heads' is empty: the graph has no outputs");
  return heads;
}

} // namespace

std::vector<NodeEntry> readJson(const std::string &text, const std::string &what) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception &e) {
    fail(what + ": invalid JSON: " + e.what());
  }
  return JsonReader(what).read(doc);
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
