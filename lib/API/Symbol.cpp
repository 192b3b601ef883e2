//===- Symbol.cpp - building and inspecting symbols as MXNet does ---------===//
//
// Op creation follows Python's generated op functions (register.py) and the
// C API's MXSymbolCreateAtomicSymbol; composition follows nnvm's
// Symbol::Compose (missing inputs become variables named <node>_<input>
// carrying a copy of the node's attributes, mutated inputs bump variable
// versions); introspection follows nnvm's Symbol methods.
//
//===----------------------------------------------------------------------===//

#include "Graph.h"
#include "symc/Dialect/DType.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <cstring>
#include <tuple>
#include <cmath>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

using namespace llvm;

namespace symc {
using namespace detail;

namespace {

bool isHiddenKeyName(StringRef key) {
  return llvm::is_contained(getHiddenAttrKeys(), key);
}

/// How the C API stores a user's attribute key: a hidden key becomes
/// `__key__` (MXSymbolCreateAtomicSymbol also renames `lr_mult...`, i.e.
/// `byPrefix`; MXSymbolSetAttr only the exact key); `..._lr_mult` is a
/// deprecated spelling and an error in both.
std::string storedAttrKey(const std::string &key, const std::string &value,
                          bool byPrefix) {
  for (StringRef hidden : getHiddenAttrKeys()) {
    size_t pos = key.rfind(hidden.str());
    if (pos == 0 && (byPrefix || key.size() == hidden.size()))
      return "__" + key + "__";
    if (pos != std::string::npos && pos != 0 && pos + hidden.size() == key.size())
      fail("setting variable attributes with " + key +
           " is deprecated. please instead use\nw = Variable(" + hidden + "=" +
           value + ")\nsym = YourSymbolName(" + key.substr(0, pos - 1) + "=w)");
  }
  return key;
}

/// numpy's dtype(...).name for the spellings users write.
std::string numpyDTypeName(const std::string &name) {
  static const std::pair<const char *, const char *> kAliases[] = {
      {"float", "float64"}, {"double", "float64"}, {"single", "float32"},
      {"half", "float16"},  {"int", "int64"},      {"long", "int64"},
      {"f4", "float32"},    {"f8", "float64"},     {"f2", "float16"},
      {"i4", "int32"},      {"i8", "int64"},       {"u1", "uint8"},
      {"i1", "int8"},       {"bool_", "bool"}};
  for (const auto &[alias, canonical] : kAliases)
    if (name == alias)
      return canonical;
  return name;
}

/// Whether the op's input count is its num_args (key_var_num_args): Python
/// then takes the inputs as *args.
bool isVariadic(const OpSchema &schema) {
  AttrStrings one, two;
  one["num_args"] = "1";
  two["num_args"] = "2";
  return schema.inputNames(one).size() != schema.inputNames(two).size();
}

std::string defaultVarName(const std::string &node, const std::string &input) {
  return node.empty() ? input : node + "_" + input;
}

/// nnvm's UpdateNodeVersion.
void updateNodeVersion(Node &node) {
  for (NodeEntry &e : node.inputs)
    if (e.node && e.node->isVariable())
      e.version = e.node->version;
  for (unsigned i : node.mutableInputs()) {
    NodeEntry &e = node.inputs[i];
    if (!e.node->isVariable())
      fail("Mutation target can only be Variable: input " + Twine(i) + " of " +
           node.name + " is " + e.node->name);
    e.version = ++e.node->version;
  }
}

/// FSetInputVarAttrOnCompose: the initializers MXNet suggests for the
/// variables of some inputs.
void setInputVarAttrsOnCompose(Node &node) {
  auto initFor = [&](unsigned index) -> const char * {
    StringRef op = node.op;
    if (op == "BatchNorm")
      return index == 3 ? "[\"zero\", {}]" : index == 4 ? "[\"one\", {}]" : nullptr;
    if (op == "LeakyReLU" && index == 1)
      return "[\"Constant\", {\"value\": 0.25}]";
    if (op == "UpSampling" && index == 1)
      return "[\"bilinear\", {}]";
    return nullptr;
  };
  for (unsigned i = 0; i < node.inputs.size(); ++i) {
    Node &input = *node.inputs[i].node;
    if (!input.isVariable() || input.attrs.count("__init__"))
      continue;
    if (const char *init = initFor(i))
      input.attrs["__init__"] = init;
  }
}

[[noreturn]] void keywordMismatch(const std::vector<std::string> &given,
                                  const std::vector<std::string> &candidates) {
  std::unordered_set<std::string> known(candidates.begin(), candidates.end());
  std::string list = "\nCandidate arguments:\n";
  for (size_t i = 0; i < candidates.size(); ++i)
    list += "\t[" + std::to_string(i) + "]" + candidates[i] + "\n";
  for (const std::string &key : given)
    if (!known.count(key))
      fail("Symbol.Compose: Keyword argument name " + key + " not found." + list);
  fail("Symbol.Compose: keyword arguments do not match." + list);
}

const NodeEntry &singleOutput(const Symbol &s, const Twine &what) {
  if (s.getOutputs().size() != 1)
    fail(what + " is a group of " + Twine(s.getOutputs().size()) +
         " outputs, a single output is required");
  return s.getOutputs()[0];
}

/// nnvm's Compose of a freshly created op node.
void composeAtomic(Node &node, const std::vector<Symbol> &args,
                   const std::vector<std::pair<std::string, Symbol>> &kwargs) {
  std::vector<std::string> names = node.inputNames();
  if (args.size() > names.size())
    fail("Incorrect number of arguments for " + node.op + ", requires " +
         Twine(names.size()) + ", provided " + Twine(args.size()));
  node.inputs.resize(names.size());
  for (size_t i = 0; i < args.size(); ++i)
    node.inputs[i] = singleOutput(args[i], "Argument " + Twine(i));
  size_t matched = 0;
  for (size_t i = args.size(); i < names.size(); ++i) {
    auto it = std::find_if(kwargs.begin(), kwargs.end(),
                           [&](const auto &kv) { return kv.first == names[i]; });
    if (it != kwargs.end()) {
      node.inputs[i] = singleOutput(it->second, "Keyword argument " + it->first);
      ++matched;
      continue;
    }
    NodePtr var = makeVariable(defaultVarName(node.name, names[i]));
    var->attrs = node.attrs; // nnvm copies the parent's attributes
    node.inputs[i] = NodeEntry{var, 0, 0};
  }
  if (matched != kwargs.size()) {
    std::vector<std::string> keys;
    for (const auto &kv : kwargs)
      keys.push_back(kv.first);
    keywordMismatch(keys, std::vector<std::string>(names.begin() + args.size(),
                                                   names.end()));
  }
  updateNodeVersion(node);
  setInputVarAttrsOnCompose(node);
}

/// Checks the values of the attributes symc models (MXNet's ParamParser
/// rejects them at creation); unmodelled keys are kept verbatim, as the
/// importer keeps them.
void checkAttrValues(const Node &node) {
  for (const auto &[key, value] : node.attrs) {
    const AttrSpec *spec = nullptr;
    for (const AttrSpec &s : node.schema->attrs)
      if (s.name == key)
        spec = &s;
    if (!spec || StringRef(value).trim() == "None")
      continue;
    bool ok = true;
    int64_t i;
    double d;
    switch (spec->kind) {
    case AttrKind::Int:
      ok = !StringRef(value).trim().getAsInteger(10, i);
      break;
    case AttrKind::Float:
      ok = !StringRef(value).trim().getAsDouble(d) ||
           StringRef(value).trim().lower() == "inf" ||
           StringRef(value).trim().lower() == "-inf";
      break;
    case AttrKind::Bool:
      ok = parseBoolString(value).has_value();
      break;
    case AttrKind::Tuple:
      ok = parseIntTuple(value).has_value();
      break;
    case AttrKind::OptionalTuple:
      ok = parseIntTuple(value, /*allowNone=*/true).has_value();
      break;
    case AttrKind::FloatTuple:
      ok = parseFloatTuple(value).has_value();
      break;
    default:
      break;
    }
    if (!ok)
      fail("Invalid Parameter format for " + key + " expect " +
           (spec->kind == AttrKind::Int     ? "int"
            : spec->kind == AttrKind::Float ? "float"
            : spec->kind == AttrKind::Bool  ? "boolean"
                                            : "tuple") +
           " but value='" + value + "', in operator " + node.op + "(name=\"" +
           node.name + "\", " + key + "=\"" + value + "\")");
  }
}

Symbol visibleOutputsOf(const NodePtr &node) {
  std::vector<NodeEntry> outs;
  for (unsigned i = 0, e = node->numVisibleOutputs(); i < e; ++i)
    outs.push_back(NodeEntry{node, i, 0});
  return Symbol(std::move(outs));
}

enum class InputKind { All, ReadOnlyArgs, AuxiliaryStates };

/// nnvm's ListInputs.
std::vector<NodePtr> listInputs(const std::vector<NodeEntry> &outputs,
                                InputKind kind) {
  std::vector<NodePtr> vars;
  std::unordered_set<Node *> mutated;
  dfsVisit(outputs, [&](const NodePtr &n) {
    if (n->isVariable())
      vars.push_back(n);
    else
      for (unsigned i : n->mutableInputs())
        mutated.insert(n->inputs[i].node.get());
  });
  if (kind == InputKind::All)
    return vars;
  std::vector<NodePtr> selected;
  for (const NodePtr &v : vars)
    if (mutated.count(v.get()) == (kind == InputKind::AuxiliaryStates ? 1u : 0u))
      selected.push_back(v);
  return selected;
}

std::vector<std::string> namesOf(const std::vector<NodePtr> &nodes) {
  std::vector<std::string> names;
  for (const NodePtr &n : nodes)
    names.push_back(n->name);
  return names;
}

/// The single node of a non-grouped symbol (all outputs of one node).
Node *soleNode(const std::vector<NodeEntry> &outputs) {
  if (outputs.empty())
    return nullptr;
  Node *node = outputs[0].node.get();
  for (const NodeEntry &e : outputs)
    if (e.node.get() != node)
      return nullptr;
  return node;
}

} // namespace

//===----------------------------------------------------------------------===//
// Scopes
//===----------------------------------------------------------------------===//

namespace {
thread_local NameManager *currentNameManager = nullptr;
thread_local AttrScope *currentAttrScope = nullptr;
} // namespace

/// Removes `scope` from the chain of current scopes of this thread that
/// starts at `current` (scopes normally end innermost first; one ending out
/// of order is unlinked so that no freed scope stays reachable).
template <typename Scope>
void unlinkScope(Scope *&current, Scope *scope, const char *what) {
  if (current == scope) {
    current = scope->previous;
    return;
  }
  for (Scope *s = current; s; s = s->previous)
    if (s->previous == scope) {
      s->previous = scope->previous;
      return;
    }
  std::fprintf(stderr, "symc: a %s was destroyed on a thread it is not active on\n",
               what);
  std::abort();
}

NameManager::NameManager() : previous(currentNameManager) {
  currentNameManager = this;
}
NameManager::~NameManager() { unlinkScope(currentNameManager, this, "NameManager"); }

std::string NameManager::get(const std::optional<std::string> &name,
                             const std::string &hint) {
  if (name && !name->empty())
    return *name;
  int &counter = counters[hint];
  return hint + std::to_string(counter++);
}

NameManager &NameManager::current() {
  if (!currentNameManager) {
    // The thread's default manager; it makes itself current.
    static thread_local NameManager defaultManager;
    (void)defaultManager;
  }
  return *currentNameManager;
}

std::string Prefix::get(const std::optional<std::string> &name,
                        const std::string &hint) {
  return prefix + NameManager::get(name, hint);
}

AttrScope::AttrScope(Attrs own) : previous(currentAttrScope) {
  // Entering a scope merges the enclosing scope's attributes (inner wins).
  if (previous)
    attrs = previous->attrs;
  for (auto &[k, v] : own)
    attrs[k] = v;
  currentAttrScope = this;
}
AttrScope::~AttrScope() { unlinkScope(currentAttrScope, this, "AttrScope"); }
AttrScope *AttrScope::current() { return currentAttrScope; }

Attrs AttrScope::get(const Attrs &given) const {
  Attrs merged = attrs;
  for (const auto &[k, v] : given)
    merged[k] = v;
  return merged;
}

static Attrs scopedAttrs(const Attrs &given) {
  return AttrScope::current() ? AttrScope::current()->get(given) : given;
}

//===----------------------------------------------------------------------===//
// Creation
//===----------------------------------------------------------------------===//

bool op::isSupported(const std::string &opName) {
  return lookupOpSchema(resolveOpAlias(opName)) != nullptr;
}

Symbol op::invoke(const std::string &opName, const std::string &functionName,
                  const Args &args) {
  StringRef canonical = resolveOpAlias(opName);
  const OpSchema *schema = lookupOpSchema(canonical);
  if (!schema)
    fail("Operator " + opName + " is not supported by symc (see docs/ops.md "
         "for the operators it compiles)");
  bool variadic = isVariadic(*schema);

  std::vector<Symbol> positional;
  std::vector<std::pair<std::string, Symbol>> symbolKwargs;
  std::map<std::string, std::string> keys;
  std::optional<std::string> name;
  Attrs attr;
  auto addSymbolKwarg = [&](const std::string &key, const Symbol &s) {
    for (const auto &kv : symbolKwargs)
      if (kv.first == key)
        fail(functionName + "() got multiple values for argument '" + key + "'");
    symbolKwargs.push_back({key, s});
  };
  // _np* names are numpy operators: they take and give numpy symbols, as
  // legacy operators take and give legacy ones (_verify_*_symbol).
  bool numpyOp = StringRef(opName).starts_with("_np");
  for (const Arg &arg : args) {
    const Value &v = arg.getValue();
    if (v.getKind() == Value::Kind::Symbol && v.getSymbol().isNumpySymbol() != numpyOp)
      fail("Operator `" + canonical + "` registered in backend is known as `" +
           functionName + "` in Python. " +
           (numpyOp ? "This is a numpy operator which can only accept MXNet "
                      "numpy ndarrays, while received a legacy ndarray. Please "
                      "call `as_np_ndarray()` upon the legacy ndarray to "
                      "convert it to an MXNet numpy ndarray, and then feed the "
                      "converted array to this operator."
                    : "This is a legacy operator which can only accept legacy "
                      "ndarrays, while received an MXNet numpy ndarray. Please "
                      "call `as_nd_ndarray()` upon the numpy ndarray to convert "
                      "it to a legacy ndarray, and then feed the converted "
                      "array to this operator."));
    if (arg.isPositional()) {
      positional.push_back(v.getSymbol());
      continue;
    }
    const std::string &key = arg.getKey();
    if (key == "name") {
      if (v.getKind() != Value::Kind::None)
        name = v.str();
    } else if (key == "attr") {
      if (v.getKind() == Value::Kind::Attrs)
        attr = v.getAttrs();
      else if (v.getKind() != Value::Kind::None)
        fail(functionName + "(): attr must be a dictionary of strings");
    } else if (key == "out") {
      // NDArray-only output argument: ignored by symbols, as in Python.
    } else if (v.getKind() == Value::Kind::Symbol) {
      addSymbolKwarg(key, v.getSymbol());
    } else if (v.getKind() == Value::Kind::Attrs) {
      fail(functionName + "(): argument '" + key + "' cannot be a dictionary");
    } else {
      keys[key] = key == "dtype" ? numpyDTypeName(v.str()) : v.str();
    }
  }
  // Python's signature names the inputs: positional symbols bind to them
  // in order (variadic ops take them as *args instead).
  if (!variadic) {
    AttrStrings given;
    for (const auto &[k, v] : keys)
      given[k] = v;
    SmallVector<std::string> signature = schema->inputNames(given);
    if (positional.size() > signature.size())
      fail(functionName + "() takes at most " + Twine(signature.size()) +
           " positional symbol arguments (" + join(signature, ", ") + "), " +
           Twine(positional.size()) + " given");
    for (size_t i = 0; i < positional.size(); ++i)
      addSymbolKwarg(signature[i], positional[i]);
    positional.clear();
  } else if (!positional.empty() && !symbolKwargs.empty()) {
    fail("Operators with variable length input can only accept input Symbols "
         "either as positional or keyword arguments, not both");
  }
  for (const auto &[k, v] : scopedAttrs(attr))
    keys[k] = v;
  std::string nodeName = NameManager::current().get(name, StringRef(functionName).lower());
  if (variadic && !keys.count("num_args"))
    keys["num_args"] = std::to_string(positional.size() + symbolKwargs.size());

  auto node = std::make_shared<Node>();
  node->op = canonical.str();
  node->schema = schema;
  for (const auto &[k, v] : keys)
    node->attrs.insert({storedAttrKey(k, v, /*byPrefix=*/true), v});
  node->name = nodeName;
  checkAttrValues(*node);
  composeAtomic(*node, positional, symbolKwargs);
  Symbol result = visibleOutputsOf(node);
  return numpyOp ? result.as_np_ndarray() : result;
}

Symbol var(const std::string &name, const Args &kwargs) {
  Attrs attr;
  std::map<std::string, std::string> hidden;
  for (const Arg &arg : kwargs) {
    if (arg.isPositional())
      fail("var() takes its options as keyword arguments");
    const std::string &key = arg.getKey();
    const Value &v = arg.getValue();
    if (v.getKind() == Value::Kind::None)
      continue;
    if (key == "attr") {
      if (v.getKind() != Value::Kind::Attrs)
        fail("var(): attr must be a dictionary of strings");
      attr = v.getAttrs();
    } else if (key == "shape") {
      hidden["__shape__"] = v.str();
    } else if (key == "lr_mult") {
      hidden["__lr_mult__"] = v.str();
    } else if (key == "wd_mult") {
      hidden["__wd_mult__"] = v.str();
    } else if (key == "dtype") {
      const DTypeInfo *dtype = lookupDTypeByName(numpyDTypeName(v.str()));
      if (!dtype)
        fail("var(): data type '" + v.str() + "' not understood");
      hidden["__dtype__"] = std::to_string(dtype->flag);
    } else if (key == "init") {
      hidden["__init__"] = v.str();
    } else if (key == "stype") {
      static const std::pair<const char *, const char *> kStypes[] = {
          {"undefined", "-1"}, {"default", "0"}, {"row_sparse", "1"}, {"csr", "2"}};
      auto it = llvm::find_if(kStypes, [&](auto &p) { return v.str() == p.first; });
      if (it == std::end(kStypes))
        fail("var(): unknown storage type '" + v.str() + "'");
      hidden["__storage_type__"] = it->second;
    } else if (StringRef(key).starts_with("__") && StringRef(key).ends_with("__")) {
      hidden[key] = v.str();
    } else {
      fail("Attribute name=" + key + " is not supported. Additional attributes "
           "must start and end with double underscores, e.g, __yourattr__");
    }
  }
  Attrs all = scopedAttrs(attr);
  for (const auto &[k, v] : hidden)
    all[k] = v;
  Symbol s(std::vector<NodeEntry>{NodeEntry{makeVariable(name), 0, 0}});
  s._set_attr(all);
  return s;
}

Symbol Group(const std::vector<Symbol> &symbols) {
  if (symbols.empty())
    fail("Expected a list of symbols as input");
  std::vector<NodeEntry> outputs;
  for (const Symbol &s : symbols) {
    if (s.getOutputs().empty())
      fail("Group: an empty symbol cannot be grouped");
    outputs.insert(outputs.end(), s.getOutputs().begin(), s.getOutputs().end());
  }
  return Symbol(std::move(outputs));
}

static std::string dtypeOrFloat32(const Args &kwargs) {
  for (const Arg &a : kwargs)
    if (!a.isPositional() && a.getKey() == "dtype" &&
        a.getValue().getKind() != Value::Kind::None)
      return a.getValue().str();
  return "float32";
}

static Args withoutKey(const Args &kwargs, StringRef key) {
  Args rest;
  for (const Arg &a : kwargs)
    if (a.isPositional() || a.getKey() != key)
      rest.push_back(a);
  return rest;
}

static Args concat(Args a, const Args &b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

/// The keyword `key` of `kwargs`, or `dflt`.
static Value keywordOr(const Args &kwargs, StringRef key, Value dflt) {
  for (const Arg &a : kwargs)
    if (!a.isPositional() && a.getKey() == key)
      return a.getValue();
  return dflt;
}

Symbol zeros(const Shape &shape, const Args &kwargs) {
  return op::invoke("_zeros", concat({{"shape", shape}, {"dtype", dtypeOrFloat32(kwargs)}},
                                     withoutKey(kwargs, "dtype")));
}

Symbol ones(const Shape &shape, const Args &kwargs) {
  return op::invoke("_ones", concat({{"shape", shape}, {"dtype", dtypeOrFloat32(kwargs)}},
                                    withoutKey(kwargs, "dtype")));
}

Symbol full(const Shape &shape, double val, const Args &kwargs) {
  return op::invoke("_full", concat({{"shape", shape},
                                     {"dtype", dtypeOrFloat32(kwargs)},
                                     {"value", val}},
                                    withoutKey(kwargs, "dtype")));
}

/// Fails unless every keyword of `kwargs` is one of `allowed`.
static void checkKeywords(const Args &kwargs, ArrayRef<StringRef> allowed,
                          StringRef function) {
  for (const Arg &a : kwargs)
    if (a.isPositional() || !llvm::is_contained(allowed, StringRef(a.getKey())))
      fail(function + "() got an unexpected argument" +
           (a.isPositional() ? Twine(" (positional)")
                             : Twine(" '") + a.getKey() + "'") +
           "; it takes " + join(allowed, ", ") + " as keywords");
}

Symbol arange(const Value &start, const Args &kwargs) {
  checkKeywords(kwargs, {"stop", "step", "repeat", "infer_range", "name", "dtype"},
                "arange");
  return op::invoke("_arange",
                    {{"start", start},
                     {"stop", keywordOr(kwargs, "stop", nullptr)},
                     {"step", keywordOr(kwargs, "step", 1.0)},
                     {"repeat", keywordOr(kwargs, "repeat", 1)},
                     {"infer_range", keywordOr(kwargs, "infer_range", false)},
                     {"name", keywordOr(kwargs, "name", nullptr)},
                     {"dtype", dtypeOrFloat32(kwargs)}});
}

Symbol linspace(const Value &start, const Value &stop, int64_t num,
                const Args &kwargs) {
  checkKeywords(kwargs, {"endpoint", "name", "dtype"}, "linspace");
  return op::invoke("_linspace",
                    {{"start", start},
                     {"stop", stop},
                     {"num", num},
                     {"endpoint", keywordOr(kwargs, "endpoint", true)},
                     {"name", keywordOr(kwargs, "name", nullptr)},
                     {"dtype", dtypeOrFloat32(kwargs)}});
}

Symbol eye(int64_t N, const Args &kwargs) {
  return op::invoke("_eye", concat({{"N", N},
                                    {"M", keywordOr(kwargs, "M", 0)},
                                    {"k", keywordOr(kwargs, "k", 0)},
                                    {"dtype", dtypeOrFloat32(kwargs)}},
                                   withoutKey(withoutKey(withoutKey(kwargs, "M"), "k"),
                                              "dtype")));
}

Symbol histogram(const Symbol &a, const Args &kwargs) {
  Value bins = keywordOr(kwargs, "bins", 10);
  Args rest = withoutKey(withoutKey(kwargs, "bins"), "range");
  if (bins.getKind() == Value::Kind::Symbol)
    return op::invoke("_histogram", concat({{"data", a}, {"bins", bins}}, rest));
  Value range = keywordOr(kwargs, "range", nullptr);
  if (range.getKind() == Value::Kind::None)
    fail("null range is not supported in symbol mode");
  return op::invoke("_histogram",
                    concat({{"data", a}, {"bin_cnt", bins}, {"range", range}}, rest));
}

Symbol split_v2(const Symbol &ary, const Args &kwargs) {
  Value sections = keywordOr(kwargs, "sections", nullptr);
  Value indices = keywordOr(kwargs, "indices", nullptr);
  if ((sections.getKind() == Value::Kind::None) ==
      (indices.getKind() == Value::Kind::None))
    fail("split_v2: give either sections (an int) or indices (a tuple of ints)");
  // Python passes [0] + list(indices), printed as a list.
  std::string indexList = "[]";
  if (indices.getKind() != Value::Kind::None) {
    std::optional<SmallVector<int64_t>> parsed = parseIntTuple(indices.str());
    if (!parsed)
      fail("indices_or_sections must either int or tuple of ints");
    indexList = "[0";
    for (int64_t i : *parsed)
      indexList += ", " + std::to_string(i);
    indexList += "]";
  }
  return op::invoke("_split_v2",
                    {ary,
                     {"indices", indexList},
                     {"axis", keywordOr(kwargs, "axis", 0)},
                     {"squeeze_axis", keywordOr(kwargs, "squeeze_axis", false)},
                     {"sections", sections.getKind() == Value::Kind::None
                                      ? Value(0)
                                      : sections}});
}

/// The functions that take symbols or numbers (maximum, pow, ...).
static Symbol symbolOrScalar(const Operand &left, const Operand &right,
                             const char *binary, const char *scalar,
                             const char *reverseScalar, const char *what) {
  if (left.isSymbol() && right.isSymbol())
    return op::invoke(binary, {left.getSymbol(), right.getSymbol()});
  if (left.isSymbol())
    return op::invoke(scalar, {left.getSymbol(), {"scalar", right.getNumber()}});
  if (right.isSymbol())
    return op::invoke(reverseScalar, {right.getSymbol(), {"scalar", left.getNumber()}});
  fail(Twine(what) + ": at least one operand must be a Symbol (two numbers are "
                     "Python arithmetic, not a graph)");
}

Symbol maximum(const Operand &l, const Operand &r) {
  return symbolOrScalar(l, r, "_Maximum", "_MaximumScalar", "_MaximumScalar",
                        "maximum");
}
Symbol minimum(const Operand &l, const Operand &r) {
  return symbolOrScalar(l, r, "_Minimum", "_MinimumScalar", "_MinimumScalar",
                        "minimum");
}
Symbol hypot(const Operand &l, const Operand &r) {
  return symbolOrScalar(l, r, "_Hypot", "_HypotScalar", "_HypotScalar", "hypot");
}
Symbol pow(const Operand &base, const Operand &exp) {
  return symbolOrScalar(base, exp, "_Power", "_PowerScalar", "_RPowerScalar",
                        "pow");
}



//===----------------------------------------------------------------------===//
// Operators
//===----------------------------------------------------------------------===//

/// The ops of a Python operator: legacy symbols use the first pair, numpy
/// symbols (as_np_ndarray) the _npi_ pair, as mx.sym.np's _Symbol does.
struct OperatorOps {
  const char *binary, *scalar, *npBinary, *npScalar;
};

static Symbol binaryOperator(const Symbol &a, const Operand &b,
                             const OperatorOps &ops) {
  bool numpy = a.isNumpySymbol() || (b.isSymbol() && b.getSymbol().isNumpySymbol());
  if (b.isSymbol())
    return op::invoke(numpy ? ops.npBinary : ops.binary, {a, b.getSymbol()});
  return op::invoke(numpy ? ops.npScalar : ops.scalar, {a, {"scalar", b.getNumber()}});
}

Symbol operator+(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_Plus", "_PlusScalar", "_npi_add", "_npi_add_scalar"});
}
Symbol operator-(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_Minus", "_MinusScalar", "_npi_subtract",
                               "_npi_subtract_scalar"});
}
Symbol operator*(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_Mul", "_MulScalar", "_npi_multiply",
                               "_npi_multiply_scalar"});
}
Symbol operator/(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_Div", "_DivScalar", "_npi_true_divide",
                               "_npi_true_divide_scalar"});
}
Symbol operator%(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_Mod", "_ModScalar", "_npi_mod", "_npi_mod_scalar"});
}
Symbol operator==(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_equal", "_equal_scalar", "_npi_equal",
                               "_npi_equal_scalar"});
}
Symbol operator!=(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_not_equal", "_not_equal_scalar", "_npi_not_equal",
                               "_npi_not_equal_scalar"});
}
Symbol operator<(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_lesser", "_lesser_scalar", "_npi_less",
                               "_npi_less_scalar"});
}
Symbol operator<=(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_lesser_equal", "_lesser_equal_scalar",
                               "_npi_less_equal", "_npi_less_equal_scalar"});
}
Symbol operator>(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_greater", "_greater_scalar", "_npi_greater",
                               "_npi_greater_scalar"});
}
Symbol operator>=(const Symbol &a, const Operand &b) {
  return binaryOperator(a, b, {"_greater_equal", "_greater_equal_scalar",
                               "_npi_greater_equal", "_npi_greater_equal_scalar"});
}
Symbol operator-(const Symbol &a) { return a * -1.0; }

Symbol detail::reverseScalarOp(const char *opName, const Value &a, const Symbol &b) {
  return op::invoke(opName, {b, {"scalar", a}});
}

//===----------------------------------------------------------------------===//
// Introspection
//===----------------------------------------------------------------------===//

std::optional<std::string> Symbol::name() const {
  if (Node *node = soleNode(outputs))
    return node->name;
  return std::nullopt;
}

std::vector<std::string> Symbol::list_arguments() const {
  return namesOf(listInputs(outputs, InputKind::ReadOnlyArgs));
}
std::vector<std::string> Symbol::list_auxiliary_states() const {
  return namesOf(listInputs(outputs, InputKind::AuxiliaryStates));
}
std::vector<std::string> Symbol::list_inputs() const {
  return namesOf(listInputs(outputs, InputKind::All));
}

std::vector<std::string> Symbol::list_outputs() const {
  std::vector<std::string> names;
  for (const NodeEntry &e : outputs)
    names.push_back(e.node->outputName(e.index));
  return names;
}

std::optional<std::string> Symbol::attr(const std::string &key) const {
  Node *node = soleNode(outputs);
  if (!node)
    return std::nullopt;
  if (key == "name")
    return node->name;
  if (auto it = node->attrs.find(key); it != node->attrs.end())
    return it->second;
  if (isHiddenKeyName(key))
    if (auto it = node->attrs.find("__" + key + "__"); it != node->attrs.end())
      return it->second;
  return std::nullopt;
}

/// MXSymbolListAttr*: hidden keys are listed under both spellings.
static void addListedAttr(Attrs &out, const std::string &key,
                          const std::string &value) {
  out[key] = value;
  StringRef k(key);
  if (k.starts_with("__") && k.ends_with("__") && k.size() > 4 &&
      isHiddenKeyName(k.drop_front(2).drop_back(2)))
    out[k.drop_front(2).drop_back(2).str()] = value;
}

Attrs Symbol::list_attr() const {
  Attrs out;
  if (outputs.empty())
    return out;
  for (const auto &[k, v] : outputs[0].node->attrs)
    addListedAttr(out, k, v);
  return out;
}

std::map<std::string, Attrs> Symbol::attr_dict() const {
  std::map<std::string, Attrs> out;
  dfsVisit(outputs, [&](const NodePtr &n) {
    for (const auto &[k, v] : n->attrs)
      addListedAttr(out[n->name], k, v);
  });
  return out;
}

void Symbol::_set_attr(const Attrs &attrs) {
  Node *node = soleNode(outputs);
  if (!node)
    fail("Symbol.SetAttrs only works for non-grouped symbol");
  for (const auto &[key, value] : attrs) {
    std::string k = storedAttrKey(key, value, /*byPrefix=*/false);
    if (k == "name")
      node->name = value;
    else
      node->attrs[k] = value;
  }
}

Symbol Symbol::get_internals() const {
  std::vector<NodeEntry> all;
  dfsVisit(outputs, [&](const NodePtr &n) {
    if (n->isVariable()) {
      all.push_back(NodeEntry{n, 0, n->version});
      return;
    }
    for (unsigned i = 0, e = n->numVisibleOutputs(); i < e; ++i)
      all.push_back(NodeEntry{n, i, 0});
  });
  return Symbol(std::move(all));
}

std::optional<Symbol> Symbol::get_children() const {
  std::vector<NodeEntry> children;
  std::unordered_set<Node *> seen;
  for (const NodeEntry &e : outputs)
    if (seen.insert(e.node.get()).second)
      children.insert(children.end(), e.node->inputs.begin(), e.node->inputs.end());
  if (children.empty())
    return std::nullopt;
  return Symbol(std::move(children));
}

Symbol Symbol::get_inputs() const {
  std::vector<NodeEntry> inputs;
  for (const NodePtr &v : listInputs(outputs, InputKind::All))
    inputs.push_back(NodeEntry{v, 0, 0});
  return Symbol(std::move(inputs));
}

bool Symbol::has_dynamic_shape_op() const {
  // Ops whose output shape depends on the data (MXNet 2.0's list); symc
  // models none of them, but graphs loaded from JSON may hold them.
  static const char *kDynamic[] = {"_contrib_boolean_mask", "_npi_boolean_mask",
                                   "_npi_unique", "_npx_nonzero",
                                   "_contrib_dynamic_reshape"};
  bool dynamic = false;
  dfsVisit(outputs, [&](const NodePtr &n) {
    dynamic |= llvm::is_contained(kDynamic, StringRef(n->op));
  });
  return dynamic;
}

std::string Symbol::debug_str() const {
  std::ostringstream os;
  // nnvm's Print shows a lone node without inputs on one line.
  if (outputs.size() == 1 && outputs[0].node->inputs.empty()) {
    const Node &n = *outputs[0].node;
    if (n.isVariable())
      os << "Variable:" << n.name << '\n';
    else
      os << "AtomicFunctor  Op:" << n.op << '\n';
    return os.str();
  }
  os << "Symbol Outputs:\n";
  for (size_t i = 0; i < outputs.size(); ++i)
    os << "\toutput[" << i << "]=" << outputs[i].node->name << '('
       << outputs[i].index << ")\n";
  dfsVisit(outputs, [&](const NodePtr &n) {
    if (n->isVariable()) {
      os << "Variable:" << n->name << '\n';
      return;
    }
    os << "--------------------\n";
    os << "Op:" << n->op << ", Name=" << n->name << '\n' << "Inputs:\n";
    for (size_t i = 0; i < n->inputs.size(); ++i) {
      const NodeEntry &e = n->inputs[i];
      os << "\targ[" << i << "]=" << e.node->name << '(' << e.index << ")";
      if (e.node->isVariable())
        os << " version=" << e.version;
      os << '\n';
    }
    if (!n->attrs.empty()) {
      os << "Attrs:\n";
      for (const auto &[k, v] : n->attrs)
        os << '\t' << k << '=' << v << '\n';
    }
    if (!n->controlDeps.empty()) {
      os << "Control deps:\n";
      for (size_t i = 0; i < n->controlDeps.size(); ++i)
        os << "\tcdep[" << i << "]=" << n->controlDeps[i]->name << '\n';
    }
  });
  return os.str();
}

std::string Symbol::repr() const {
  if (std::optional<std::string> n = name())
    return "<Symbol " + *n + ">";
  std::string names;
  for (size_t i = 0; i < outputs.size(); ++i)
    names += (i ? ", " : "") + outputs[i].node->name;
  return "<Symbol group [" + names + "]>";
}

Symbol::Symbol(std::vector<detail::NodeEntry> outs) : outputs(std::move(outs)) {
  for (const NodeEntry &e : outputs)
    if (!e.node)
      fail("a symbol output without a node");
}

Symbol Symbol::outputAt(int64_t index) const {
  if (index < 0 || size_t(index) >= outputs.size())
    throw std::out_of_range("Symbol index " + std::to_string(index) +
                            " out of range (" + std::to_string(outputs.size()) +
                            " outputs)");
  Symbol s({outputs[index]});
  s.numpySemantics = numpySemantics;
  return s;
}

Symbol Symbol::operator[](const std::string &outputName) const {
  std::vector<std::string> names = list_outputs();
  std::optional<size_t> found;
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] != outputName)
      continue;
    if (found)
      fail("There are multiple outputs with name \"" + outputName + "\"");
    found = i;
  }
  if (!found)
    fail("Cannot find output that matches name \"" + outputName + "\"");
  return (*this)[*found];
}

std::vector<Symbol> Symbol::outputsAsSymbols() const {
  std::vector<Symbol> out;
  for (size_t i = 0; i < outputs.size(); ++i)
    out.push_back((*this)[i]);
  return out;
}

Symbol Symbol::copy() const {
  std::unordered_map<Node *, NodePtr> copies;
  for (const NodePtr &n : topoOrder(outputs)) {
    auto c = std::make_shared<Node>(*n);
    for (NodeEntry &e : c->inputs)
      e.node = copies.at(e.node.get());
    for (NodePtr &d : c->controlDeps)
      d = copies.at(d.get());
    copies[n.get()] = c;
  }
  std::vector<NodeEntry> outs = outputs;
  for (NodeEntry &e : outs)
    e.node = copies.at(e.node.get());
  Symbol s(std::move(outs));
  s.numpySemantics = numpySemantics;
  return s;
}

Symbol Symbol::operator()(const Args &args) const {
  Symbol s = copy();
  std::vector<const NodeEntry *> positional;
  std::map<std::string, const NodeEntry *> keyword;
  std::optional<std::string> name;
  for (const Arg &a : args) {
    const Value &v = a.getValue();
    if (!a.isPositional() && a.getKey() == "name") {
      if (v.getKind() != Value::Kind::None && !v.str().empty())
        name = v.str();
      continue;
    }
    if (v.getKind() != Value::Kind::Symbol)
      fail("Compose expect `Symbol` as arguments");
    const NodeEntry &e = singleOutput(v.getSymbol(), a.isPositional()
                                                         ? Twine("Argument")
                                                         : Twine(a.getKey()));
    if (a.isPositional())
      positional.push_back(&e);
    else
      keyword[a.getKey()] = &e;
  }
  if (!positional.empty() && !keyword.empty())
    fail("compose only accept input Symbols either as positional or keyword "
         "arguments, not both");
  // nnvm composes a whole graph by keyword only.
  if (!positional.empty())
    fail("General composition only support kwargs for now");
  if (s.outputs.size() == 1 && s.outputs[0].node->isVariable() &&
      (!keyword.empty() || !positional.empty()))
    fail("Variable cannot be composed");
  if (name && !s.outputs.empty())
    s.outputs[0].node->name = *name;

  // nnvm's general composition: variables take the keyword arguments of
  // their name.
  std::unordered_map<Node *, const NodeEntry *> replace;
  std::set<std::string> matched;
  for (const NodePtr &v : listInputs(s.outputs, InputKind::All))
    if (auto it = keyword.find(v->name); it != keyword.end()) {
      replace[v.get()] = it->second;
      matched.insert(it->first);
    }
  if (matched.size() != keyword.size()) {
    std::vector<std::string> keys;
    for (const auto &kv : keyword)
      keys.push_back(kv.first);
    keywordMismatch(keys, s.list_inputs());
  }
  for (const NodePtr &n : topoOrder(s.outputs)) {
    bool replaced = false;
    for (NodeEntry &e : n->inputs)
      if (e.node->isVariable())
        if (auto it = replace.find(e.node.get()); it != replace.end()) {
          e = *it->second;
          replaced = true;
        }
    if (replaced)
      updateNodeVersion(*n);
  }
  return s;
}

Symbol Symbol::as_nd_ndarray() const {
  Symbol s = *this;
  s.numpySemantics = false;
  return s;
}

Symbol Symbol::as_np_ndarray() const {
  Symbol s = *this;
  s.numpySemantics = true;
  return s;
}

Symbol Symbol::gradient(const std::vector<std::string> &) const {
  fail("gradient is not implemented: MXNet 1.9.1's Symbol.gradient raises "
       "NotImplementedForSymbol too");
}

/// A fluent method: op `name` with this symbol first. Python's diag and
/// squeeze always pass their default (k=0, axis=None), which MXNet then
/// records as attributes.
static Symbol fluent(const char *name, const Symbol &self, const Args &args) {
  struct Default {
    StringRef method, key;
    const char *value;
  };
  static const Default kDefaults[] = {{"diag", "k", "0"}, {"squeeze", "axis", "None"}};
  Args all = concat({self}, args);
  for (const Default &d : kDefaults)
    if (d.method == name && !llvm::any_of(args, [&](const Arg &a) {
          return !a.isPositional() && a.getKey() == d.key;
        }))
      all.push_back({d.key.str(), d.value});
  return op::invoke(name, all);
}

#define SYMC_FLUENT_METHOD(NAME)                                               \
  Symbol Symbol::NAME(const Args &args) const {                                \
    return fluent(#NAME, *this, args);                                         \
  }
#include "symc/API/FluentMethods.def"
#undef SYMC_FLUENT_METHOD

Symbol Symbol::astype(const std::string &dtype) const {
  return op::invoke("cast", {*this, {"dtype", dtype}});
}

} // namespace symc
