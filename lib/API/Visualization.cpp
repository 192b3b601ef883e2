//===- Visualization.cpp - mx.viz.print_summary and plot_network ----------===//
//
// Both follow python/mxnet/visualization.py over the symbol's JSON, line by
// line where MXNet's output is compared (print_summary), quirks included:
// `heads` is the set of the numbers in the first head entry, an input's
// "filter count" is its second dimension, parameters are counted for
// Convolution, FullyConnected, BatchNorm and Embedding only.
//
//===----------------------------------------------------------------------===//

#include "symc/API/Visualization.h"

#include "Graph.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

using json = nlohmann::json;

namespace symc::viz {
namespace {

/// _str2tuple: the digit runs of an attribute string.
std::vector<std::string> digitRuns(const std::string &text) {
  std::vector<std::string> runs;
  static const std::regex digits("\\d+");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), digits);
       it != std::sregex_iterator(); ++it)
    runs.push_back(it->str());
  return runs;
}

std::string joinX(const std::vector<std::string> &parts) {
  std::string s;
  for (size_t i = 0; i < parts.size(); ++i)
    s += (i ? "x" : "") + parts[i];
  return s;
}

std::string joinShape(const Shape &shape) {
  std::vector<std::string> parts;
  for (int64_t d : shape)
    parts.push_back(std::to_string(d));
  return joinX(parts);
}

/// Shape without its first (batch) dimension, as `shape[1:]`.
Shape dropBatch(const Shape &shape) {
  return shape.empty() ? Shape() : Shape(shape.begin() + 1, shape.end());
}

std::string attrOr(const json &node, const char *key, const std::string &dflt) {
  if (!node.contains("attrs") || !node["attrs"].contains(key))
    return dflt;
  return node["attrs"][key].get<std::string>();
}

std::string requiredAttr(const json &node, const char *key) {
  if (!node.contains("attrs") || !node["attrs"].contains(key))
    detail::fail("print_summary: node '" + node["name"].get<std::string>() +
                 "' has no attribute '" + key + "'");
  return node["attrs"][key].get<std::string>();
}

int64_t toInt(const std::string &s) {
  try {
    return std::stoll(s);
  } catch (...) {
    detail::fail("print_summary: '" + s + "' is not an integer");
  }
}

std::map<std::string, Shape> internalShapes(const Symbol &symbol,
                                            const std::map<std::string, Shape> &given) {
  Symbol internals = symbol.get_internals();
  ShapeInference inferred = internals.infer_shape(given);
  if (!inferred.complete)
    detail::fail("Input shape is incomplete");
  std::map<std::string, Shape> dict;
  std::vector<std::string> names = internals.list_outputs();
  for (size_t i = 0; i < names.size(); ++i)
    dict[names[i]] = inferred.out_shapes[i];
  return dict;
}

class SummaryPrinter {
public:
  SummaryPrinter(std::ostream &os, std::vector<int> positions)
      : os(os), positions(std::move(positions)) {}

  void row(const std::vector<std::string> &fields) {
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
      line += fields[i];
      line = line.substr(0, positions[i]);
      line += std::string(positions[i] - line.size(), ' ');
    }
    os << line << "\n";
  }
  void rule(char c, int length) { os << std::string(length, c) << "\n"; }

private:
  std::ostream &os;
  std::vector<int> positions;
};

} // namespace

void print_summary(const Symbol &symbol,
                   const std::optional<std::map<std::string, Shape>> &shape,
                   std::ostream &os, int line_length, std::vector<double> positions) {
  bool showShape = shape.has_value();
  std::map<std::string, Shape> shapeDict;
  if (showShape)
    shapeDict = internalShapes(symbol, *shape);
  json conf = json::parse(symbol.tojson());
  const json &nodes = conf["nodes"];
  std::set<int64_t> heads;
  for (const json &v : conf["heads"][0])
    heads.insert(v.get<int64_t>());
  if (positions.size() != 4 || line_length < 1)
    detail::fail("print_summary: positions needs 4 entries and line_length must be positive");
  std::vector<int> columns;
  for (double p : positions) {
    int column = positions.back() <= 1 ? int(line_length * p) : int(p);
    if (column < 0 || (!columns.empty() && column < columns.back()))
      detail::fail("print_summary: positions must be increasing and non-negative");
    columns.push_back(column);
  }

  SummaryPrinter printer(os, columns);
  printer.rule('_', line_length);
  printer.row({"Layer (type)", "Output Shape", "Param #", "Previous Layer"});
  printer.rule('=', line_length);

  auto shapeKey = [](const json &node) {
    std::string name = node["name"].get<std::string>();
    return node["op"] != "null" ? name + "_output" : name;
  };
  auto printLayer = [&](const json &node, const Shape &outShape) -> int64_t {
    std::string op = node["op"].get<std::string>();
    std::vector<std::string> previous;
    int64_t preFilter = 0;
    if (op != "null") {
      for (const json &item : node["inputs"]) {
        int64_t id = item[0].get<int64_t>();
        const json &input = nodes[id];
        if (input["op"] == "null" && !heads.count(id))
          continue;
        previous.push_back(input["name"].get<std::string>());
        if (!showShape)
          continue;
        auto it = shapeDict.find(shapeKey(input));
        if (it == shapeDict.end())
          continue;
        Shape rest = dropBatch(it->second);
        if (rest.empty())
          detail::fail("print_summary: input '" + previous.back() +
                       "' has no second dimension (IndexError in MXNet)");
        preFilter += rest[0];
      }
    }
    int64_t params = 0;
    if (op == "Convolution") {
      int64_t numFilter = toInt(requiredAttr(node, "num_filter"));
      params = preFilter * numFilter / toInt(attrOr(node, "num_group", "1"));
      for (const std::string &k : digitRuns(requiredAttr(node, "kernel")))
        params *= toInt(k);
      if (attrOr(node, "no_bias", "") != "True")
        params += numFilter;
    } else if (op == "FullyConnected") {
      int64_t hidden = toInt(requiredAttr(node, "num_hidden"));
      params = attrOr(node, "no_bias", "") == "True" ? preFilter * hidden
                                                      : (preFilter + 1) * hidden;
    } else if (op == "BatchNorm") {
      if (showShape) {
        auto it = shapeDict.find(node["name"].get<std::string>() + "_output");
        if (it == shapeDict.end() || it->second.size() < 2)
          detail::fail("print_summary: no channel count for BatchNorm '" +
                       node["name"].get<std::string>() + "'");
        params = it->second[1] * 2;
      }
    } else if (op == "Embedding") {
      params = toInt(requiredAttr(node, "input_dim")) *
               toInt(requiredAttr(node, "output_dim"));
    }
    printer.row({node["name"].get<std::string>() + "(" + op + ")", joinShape(outShape),
                 std::to_string(params), previous.empty() ? "" : previous[0]});
    for (size_t i = 1; i < previous.size(); ++i)
      printer.row({"", "", "", previous[i]});
    return params;
  };

  int64_t total = 0;
  for (size_t i = 0; i < nodes.size(); ++i) {
    const json &node = nodes[i];
    if (node["op"] == "null" && i > 0)
      continue;
    Shape outShape;
    if ((node["op"] != "null" || heads.count(i)) && showShape)
      if (auto it = shapeDict.find(shapeKey(node)); it != shapeDict.end())
        outShape = dropBatch(it->second);
    total += printLayer(node, outShape);
    printer.rule(i == nodes.size() - 1 ? '=' : '_', line_length);
  }
  os << "Total params: " << total << "\n";
  printer.rule('_', line_length);
}

//===----------------------------------------------------------------------===//
// plot_network
//===----------------------------------------------------------------------===//

namespace {

std::string dotQuote(const std::string &s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      q += '\\';
    if (c == '\n') {
      q += "\\n";
      continue;
    }
    q += c;
  }
  return q + "\"";
}

std::string dotAttrs(const std::string &label, const Attrs &attrs) {
  std::string s = "[label=" + dotQuote(label);
  for (const auto &[k, v] : attrs)
    s += " " + k + "=" + dotQuote(v);
  return s + "]";
}

bool looksLikeWeight(const std::string &name) {
  for (const char *suffix : {"_weight", "_bias", "_beta", "_gamma", "_moving_var",
                             "_moving_mean", "_running_var", "_running_mean"})
    if (llvm::StringRef(name).ends_with(suffix))
      return true;
  return false;
}

/// The label and fill colour MXNet gives an op node.
std::pair<std::string, std::string> nodeStyle(const json &node) {
  static const char *cm[] = {"#8dd3c7", "#fb8072", "#ffffb3", "#bebada",
                             "#80b1d3", "#fdb462", "#b3de69", "#fccde5"};
  std::string op = node["op"].get<std::string>();
  std::string name = node["name"].get<std::string>();
  auto strideOf = [&] {
    std::string stride = attrOr(node, "stride", "");
    return stride.empty() ? std::string("1") : joinX(digitRuns(stride));
  };
  if (op == "Convolution")
    return {"Convolution\n" + joinX(digitRuns(attrOr(node, "kernel", ""))) + "/" +
                strideOf() + ", " + attrOr(node, "num_filter", ""),
            cm[1]};
  if (op == "FullyConnected")
    return {"FullyConnected\n" + attrOr(node, "num_hidden", ""), cm[1]};
  if (op == "BatchNorm")
    return {name, cm[3]};
  if (op == "Activation")
    return {"Activation\n" + attrOr(node, "act_type", ""), cm[2]};
  if (op == "LeakyReLU")
    return {"LeakyReLU\n" + attrOr(node, "act_type", "Leaky"), cm[2]};
  if (op == "Pooling") {
    std::string kernel = attrOr(node, "kernel", "");
    return {"Pooling\n" + attrOr(node, "pool_type", "") + ", " +
                (kernel.empty() ? "[]" : joinX(digitRuns(kernel))) + "/" + strideOf(),
            cm[4]};
  }
  if (op == "Concat" || op == "Flatten" || op == "Reshape")
    return {name, cm[5]};
  if (op == "Softmax")
    return {name, cm[6]};
  if (op == "Custom")
    return {attrOr(node, "op_type", name), cm[7]};
  return {name, cm[7]};
}

} // namespace

std::string plot_network(const Symbol &symbol, const std::string &title,
                         const std::optional<std::map<std::string, Shape>> &shape,
                         const std::optional<std::map<std::string, std::string>> &dtype,
                         const Attrs &node_attrs, bool hide_weights) {
  std::map<std::string, Shape> shapeDict;
  if (shape)
    shapeDict = internalShapes(symbol, *shape);
  std::map<std::string, std::string> typeDict;
  if (dtype) {
    Symbol internals = symbol.get_internals();
    TypeInference types = internals.infer_type(*dtype);
    if (!types.complete)
      detail::fail("Input type is incomplete");
    std::vector<std::string> names = internals.list_outputs();
    for (size_t i = 0; i < names.size(); ++i)
      typeDict[names[i]] = *types.out_types[i];
  }
  json conf = json::parse(symbol.tojson());
  const json &nodes = conf["nodes"];
  Attrs baseAttrs = {{"shape", "box"}, {"fixedsize", "true"}, {"width", "1.3"},
                     {"height", "0.8034"}, {"style", "filled"}};
  for (const auto &[k, v] : node_attrs)
    baseAttrs[k] = v;

  std::string dot = "digraph " + dotQuote(title) + " {\n";
  std::set<std::string> hidden;
  for (const json &node : nodes) {
    std::string name = node["name"].get<std::string>();
    Attrs attrs = baseAttrs;
    std::string label = name;
    if (node["op"] == "null") {
      if (looksLikeWeight(name)) {
        if (hide_weights)
          hidden.insert(name);
        continue;
      }
      attrs["shape"] = "oval";
      attrs["fillcolor"] = "#8dd3c7";
    } else {
      auto [opLabel, color] = nodeStyle(node);
      label = opLabel;
      attrs["fillcolor"] = color;
    }
    dot += "\t" + dotQuote(name) + " " + dotAttrs(label, attrs) + "\n";
  }
  for (const json &node : nodes) {
    if (node["op"] == "null")
      continue;
    json inputs = node["inputs"];
    if (node["op"] == "_contrib_BilinearResize2D" && !inputs.empty())
      inputs = json::array({inputs[0]});
    for (const json &item : inputs) {
      const json &input = nodes[item[0].get<int64_t>()];
      std::string inputName = input["name"].get<std::string>();
      if (hidden.count(inputName))
        continue;
      std::string key = inputName;
      if (input["op"] != "null") {
        key += "_output";
        std::string n = attrOr(input, "num_outputs", "");
        if (!n.empty())
          key += std::to_string(toInt(n) - 1);
      }
      std::string edgeLabel;
      auto lookup = [&](const auto &dict) -> const auto & {
        auto it = dict.find(key);
        if (it == dict.end())
          detail::fail("plot_network: no output named '" + key + "' (KeyError)");
        return it->second;
      };
      if (shape)
        edgeLabel = joinShape(dropBatch(lookup(shapeDict)));
      if (dtype)
        edgeLabel += "(" + lookup(typeDict) + ")";
      dot += "\t" + dotQuote(node["name"].get<std::string>()) + " -> " +
             dotQuote(inputName) + " " +
             dotAttrs(edgeLabel, {{"arrowtail", "open"}, {"dir", "back"}}) + "\n";
    }
  }
  return dot + "}\n";
}

void registerDotTranslation() {
  mlir::TranslateRegistration toDot(
      "mxnet-json-to-dot",
      "MXNet Symbol JSON to a Graphviz graph (mx.viz.plot_network)",
      [](const std::shared_ptr<llvm::SourceMgr> &sourceMgr, llvm::raw_ostream &os,
         mlir::MLIRContext *ctx) -> mlir::LogicalResult {
        const llvm::MemoryBuffer *buffer =
            sourceMgr->getMemoryBuffer(sourceMgr->getMainFileID());
        try {
          Symbol symbol(detail::readJson(buffer->getBuffer().str(),
                                         buffer->getBufferIdentifier().str()));
          os << plot_network(symbol);
          return mlir::success();
        } catch (const MXNetError &e) {
          return mlir::emitError(mlir::UnknownLoc::get(ctx)) << e.what();
        }
      });
}

} // namespace symc::viz
