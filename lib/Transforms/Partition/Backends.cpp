//===- Backends.cpp - the backend registry and the built-in backends ------===//
//
//   default, default_v2  MXNet's _CachedOp partitioner: ContainOpSelector
//                        over the `op_names` option
//                        (default_subgraph_property[_v2].cc).
//   custom               lib_api.h's supportedOps colouring: each supported
//                        node has a subgraph id (-1: any subgraph); growth
//                        joins nodes of the same id or of id -1
//                        (partitioner/custom_subgraph_property.h).
//   symc                 every op symc compiles; each subgraph runs as one
//                        compiled function (symc-outline-subgraphs).
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Partition.h"

#include "symc/Dialect/SymDialect.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

#include <map>
#include <mutex>

using namespace mlir;

namespace symc::partition {

//===----------------------------------------------------------------------===//
// Option parsing
//===----------------------------------------------------------------------===//

std::vector<std::string> parseNameList(StringRef text) {
  text = text.trim();
  if ((text.starts_with("[") && text.ends_with("]")) ||
      (text.starts_with("(") && text.ends_with(")")) ||
      (text.starts_with("{") && text.ends_with("}")))
    text = text.drop_front().drop_back();
  SmallVector<StringRef> parts;
  text.split(parts, [&] {
    // "a|b" lets a list sit inside a comma-separated pass option.
    return text.contains('|') ? '|' : ',';
  }());
  std::vector<std::string> names;
  for (StringRef part : parts) {
    part = part.trim().trim("'\"").trim();
    if (!part.empty())
      names.push_back(part.str());
  }
  return names;
}

std::optional<bool> parseBoolOption(StringRef text) {
  text = text.trim();
  if (text == "True" || text == "true" || text == "1")
    return true;
  if (text == "False" || text == "false" || text == "0")
    return false;
  return std::nullopt;
}

FailureOr<Options> parseOptions(ArrayRef<std::string> items, Location loc) {
  Options options;
  for (StringRef item : items) {
    auto [key, value] = item.split('=');
    key = key.trim();
    if (key.empty() || !item.contains('='))
      return emitError(loc) << "optimize_for: option '" << item
                            << "' is not of the form key=value";
    options[key] = value.trim().str();
  }
  return options;
}

/// Refuses options the property does not read (a typo would otherwise be
/// ignored silently).
static LogicalResult checkKnownOptions(func::FuncOp func, StringRef backend,
                                       const Options &options,
                                       ArrayRef<StringRef> known) {
  for (const auto &it : options)
    if (!llvm::is_contained(known, it.getKey()))
      return emitError(func.getLoc())
             << "optimize_for: backend '" << backend
             << "' has no option '" << it.getKey() << "' (it takes: "
             << llvm::join(known, ", ") << ")";
  return success();
}

static FailureOr<int64_t> parseCountOption(func::FuncOp func, StringRef key,
                                           StringRef text) {
  int64_t value;
  if (text.trim().getAsInteger(10, value) || value < 0)
    return emitError(func.getLoc())
           << "optimize_for: option " << key
           << " must be a non-negative integer, got '" << text << "'";
  return value;
}

//===----------------------------------------------------------------------===//
// The registry
//===----------------------------------------------------------------------===//

namespace {
struct Registry {
  std::mutex mutex;
  std::map<std::string, SubgraphBackend> backends;
};
void registerBuiltinBackends(Registry &registry);

Registry &getRegistry() {
  static Registry *registry = [] {
    auto *r = new Registry;
    registerBuiltinBackends(*r);
    return r;
  }();
  return *registry;
}
} // namespace

void registerSubgraphBackend(SubgraphBackend backend) {
  Registry &registry = getRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  std::string name = backend.name;
  registry.backends[name] = std::move(backend);
}

const SubgraphBackend *lookupSubgraphBackend(StringRef name) {
  Registry &registry = getRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  auto it = registry.backends.find(name.str());
  return it == registry.backends.end() ? nullptr : &it->second;
}

std::vector<std::string> getSubgraphBackendNames() {
  Registry &registry = getRegistry();
  std::lock_guard<std::mutex> lock(registry.mutex);
  std::vector<std::string> names;
  for (const auto &it : registry.backends)
    names.push_back(it.first);
  return names;
}

//===----------------------------------------------------------------------===//
// default / default_v2
//===----------------------------------------------------------------------===//

namespace {

/// ContainOpSelector: ops whose MXNet name is in a set.
class ContainOpSelector : public SubgraphSelector {
public:
  explicit ContainOpSelector(const llvm::StringSet<> &opNames)
      : opNames(opNames) {}
  bool select(const Node &seed) override { return contains(seed); }
  bool selectInput(const Node &, const Node &input) override {
    return contains(input);
  }
  bool selectOutput(const Node &, const Node &output) override {
    return contains(output);
  }

private:
  bool contains(const Node &n) const {
    return !n.isVariable() && opNames.contains(n.opName());
  }
  const llvm::StringSet<> &opNames;
};

class DefaultProperty : public SubgraphProperty {
public:
  explicit DefaultProperty(StringRef backend) : backend(backend.str()) {}

  LogicalResult prePartition(func::FuncOp func,
                             const Options &options) override {
    if (failed(checkKnownOptions(func, backend, options,
                                 {"op_names", "dedup_subgraph"})) ||
        failed(SubgraphProperty::prePartition(func, options)))
      return failure();
    auto it = options.find("op_names");
    if (it == options.end())
      return emitError(func.getLoc())
             << "optimize_for: backend '" << backend
             << "' needs the option op_names (the ops its subgraphs "
                "contain, e.g. op_names=[FullyConnected,Activation])";
    for (const std::string &name : parseNameList(it->second))
      opNames.insert(name);
    return success();
  }
  std::unique_ptr<SubgraphSelector> createSelector() const override {
    return std::make_unique<ContainOpSelector>(opNames);
  }
  std::optional<SubgraphNodeSpec>
  createSubgraphNode(ArrayRef<Node *>, unsigned id) const override {
    return SubgraphNodeSpec{"_CachedOp", "_CachedOp" + std::to_string(id), {}};
  }

private:
  std::string backend;
  llvm::StringSet<> opNames;
};

//===----------------------------------------------------------------------===//
// custom: supportedOps colouring
//===----------------------------------------------------------------------===//

/// CustomContainOpSelector without a library selector: a node joins when
/// it is supported and has the current node's id, or the id -1 ("any").
class ColouringSelector : public SubgraphSelector {
public:
  explicit ColouringSelector(const llvm::StringMap<int> &ids) : ids(ids) {}
  bool select(const Node &seed) override { return ids.contains(seed.name()); }
  bool selectInput(const Node &current, const Node &input) override {
    return joins(current, input);
  }
  bool selectOutput(const Node &current, const Node &output) override {
    return joins(current, output);
  }

private:
  bool joins(const Node &current, const Node &next) const {
    auto it = ids.find(next.name());
    if (it == ids.end())
      return false;
    return it->second == -1 || ids.lookup(current.name()) == it->second;
  }
  const llvm::StringMap<int> &ids;
};

/// A partitioner in lib_api.h's style: `supportedOps` gives each node an id
/// (-2 unsupported, -1 any subgraph, k >= 0 subgraph k); nodes are named
/// `_op<N>` with the strategy's op.
class CustomProperty : public SubgraphProperty {
public:
  CustomProperty(std::string backend, std::string subgraphOp,
                 std::vector<std::string> optionNames,
                 SupportedOpsFn supportedOps)
      : backend(std::move(backend)), subgraphOp(std::move(subgraphOp)),
        optionNames(std::move(optionNames)),
        supportedOps(std::move(supportedOps)) {}

  LogicalResult prePartition(func::FuncOp func,
                             const Options &options) override;
  std::unique_ptr<SubgraphSelector> createSelector() const override {
    return std::make_unique<ColouringSelector>(ids);
  }
  std::optional<SubgraphNodeSpec>
  createSubgraphNode(ArrayRef<Node *>, unsigned id) const override {
    return SubgraphNodeSpec{subgraphOp, "_op" + std::to_string(id), {}};
  }

private:
  std::string backend, subgraphOp;
  std::vector<std::string> optionNames;
  SupportedOpsFn supportedOps;
  llvm::StringMap<int> ids; // by node name, supported nodes only
};

LogicalResult CustomProperty::prePartition(func::FuncOp func,
                                           const Options &options) {
  std::vector<StringRef> known(optionNames.begin(), optionNames.end());
  known.push_back("dedup_subgraph");
  if (failed(checkKnownOptions(func, backend, options, known)) ||
      failed(SubgraphProperty::prePartition(func, options)))
    return failure();
  // The ops in graph order (variables get ids too, as in MXNet's JSON).
  std::vector<Node> nodes;
  func.getBody().front().walk([&](Operation *op) {
    if (op->getParentOp() == func.getOperation() && !isa<func::ReturnOp>(op))
      nodes.push_back(Node{0, op});
  });
  std::vector<Node *> pointers;
  for (Node &n : nodes)
    pointers.push_back(&n);
  std::vector<int> colours(nodes.size(), -2);
  if (failed(supportedOps(func, pointers, colours, options)))
    return failure();
  for (auto [n, colour] : llvm::zip(nodes, colours))
    if (colour != -2)
      ids[n.name()] = colour;
  return success();
}

/// The `custom` backend's supportedOps: `supported_ops` lists op names
/// (id -1), `subgraph_ids` gives nodes explicit ids ("name:k,...").
LogicalResult optionColouring(func::FuncOp func, ArrayRef<Node *> nodes,
                              std::vector<int> &ids, const Options &options) {
  llvm::StringSet<> ops;
  if (auto it = options.find("supported_ops"); it != options.end())
    for (const std::string &op : parseNameList(it->second))
      ops.insert(op);
  llvm::StringMap<int> explicitIds;
  if (auto it = options.find("subgraph_ids"); it != options.end()) {
    for (const std::string &item : parseNameList(it->second)) {
      auto [name, id] = StringRef(item).rsplit(':');
      int value;
      if (id.trim().getAsInteger(10, value) || value < -1)
        return emitError(func.getLoc())
               << "optimize_for: subgraph_ids entry '" << item
               << "' is not name:id with id >= -1";
      explicitIds[name.trim()] = value;
    }
  }
  for (auto [i, n] : llvm::enumerate(nodes)) {
    if (auto it = explicitIds.find(n->name()); it != explicitIds.end())
      ids[i] = it->second;
    else if (ops.contains(n->opName()))
      ids[i] = -1;
  }
  return success();
}

//===----------------------------------------------------------------------===//
// symc: everything symc compiles
//===----------------------------------------------------------------------===//

/// Ops symc lowers itself: every modelled sym op (not sym.operator, which
/// holds an op symc does not model, and not nested subgraph nodes).
bool isCompiledBySymc(const Node &n) {
  return !n.isVariable() && isa<sym::SymDialect>(n.op->getDialect()) &&
         !isa<sym::GenericOp, sym::SubgraphOp>(n.op);
}

class SymcSelector : public SubgraphSelector {
public:
  explicit SymcSelector(const llvm::StringSet<> &excluded, int64_t minSize)
      : excluded(excluded), minSize(minSize) {}
  bool select(const Node &seed) override { return accepts(seed); }
  bool selectInput(const Node &, const Node &input) override {
    return accepts(input);
  }
  bool selectOutput(const Node &, const Node &output) override {
    return accepts(output);
  }
  std::vector<Node *> filter(const std::vector<Node *> &candidates) override {
    if ((int64_t)candidates.size() < minSize)
      return {};
    return candidates;
  }

private:
  bool accepts(const Node &n) const {
    return isCompiledBySymc(n) && !excluded.contains(n.opName());
  }
  const llvm::StringSet<> &excluded;
  int64_t minSize;
};

class SymcProperty : public SubgraphProperty {
public:
  LogicalResult prePartition(func::FuncOp func,
                             const Options &options) override {
    if (failed(checkKnownOptions(
            func, "symc", options,
            {"exclude_ops", "min_subgraph_size", "dedup_subgraph"})) ||
        failed(SubgraphProperty::prePartition(func, options)))
      return failure();
    if (auto it = options.find("exclude_ops"); it != options.end())
      for (const std::string &name : parseNameList(it->second))
        excluded.insert(name);
    if (auto it = options.find("min_subgraph_size"); it != options.end()) {
      FailureOr<int64_t> size =
          parseCountOption(func, "min_subgraph_size", it->second);
      if (failed(size))
        return failure();
      minSize = *size;
    }
    return success();
  }
  std::unique_ptr<SubgraphSelector> createSelector() const override {
    return std::make_unique<SymcSelector>(excluded, minSize);
  }
  std::optional<SubgraphNodeSpec>
  createSubgraphNode(ArrayRef<Node *>, unsigned id) const override {
    return SubgraphNodeSpec{
        "_symc_subgraph", "_symc_subgraph" + std::to_string(id), {}};
  }

private:
  llvm::StringSet<> excluded;
  int64_t minSize = 1;
};

} // namespace

PropertyFactory makeSupportedOpsProperty(std::string backend,
                                         std::string subgraphOp,
                                         std::vector<std::string> optionNames,
                                         SupportedOpsFn supportedOps) {
  return [=] {
    return std::make_unique<CustomProperty>(backend, subgraphOp, optionNames,
                                            supportedOps);
  };
}

namespace {
void registerBuiltinBackends(Registry &registry) {
  for (StringRef name : {"default", "default_v2"})
    registry.backends[name.str()] = SubgraphBackend{
        name.str(),
        "MXNet's _CachedOp partitioner: subgraphs of the ops in op_names",
        {[name] { return std::make_unique<DefaultProperty>(name); }}};
  registry.backends["custom"] = SubgraphBackend{
      "custom",
      "lib_api.h supportedOps colouring: supported_ops (id -1) and "
      "subgraph_ids (name:k)",
      {makeSupportedOpsProperty("custom", "_custom_subgraph_op",
                                {"supported_ops", "subgraph_ids"},
                                optionColouring)}};
  registry.backends["symc"] = SubgraphBackend{
      "symc",
      "every op symc compiles; each subgraph runs as one compiled function",
      {[] { return std::make_unique<SymcProperty>(); }}};
}

} // namespace
} // namespace symc::partition
