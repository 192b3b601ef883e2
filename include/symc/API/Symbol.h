//===- Symbol.h - MXNet's mx.sym API in C++ -----------------------*- C++ -*-===//
//
// symc::Symbol mirrors Python's mxnet.symbol.Symbol (MXNet 1.9.1): the same
// graph (nnvm's nodes, entries and variable versions), the same automatic
// names, attributes, JSON text and inference results, backed by symc's
// importer, inference passes and JIT.
//
// Operators take Python-like argument lists: positional symbols, then
// keyword arguments as {"key", value} pairs, e.g.
//
//   Symbol fc = op::FullyConnected({data, {"num_hidden", 128}, {"name", "fc1"}});
//   Symbol y = fc.reshape({{"shape", {-1, 4, 32}}}) * 2 + 1;
//
// Values are kept as the strings Python's str() gives (10 -> "10",
// 1e-5 -> "1e-05", {3, 3} -> "(3, 3)", true -> "True"), which is what MXNet
// stores and writes. Errors throw symc::MXNetError with MXNet's message.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_API_SYMBOL_H
#define SYMC_API_SYMBOL_H

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

namespace symc {

class Arg;
class Executor;
class NDArray;
class Symbol;

/// A Python-like argument list: positional symbols and {"key", value} pairs.
using Args = std::vector<Arg>;
/// String attributes (a node's attribute dictionary).
using Attrs = std::map<std::string, std::string>;
/// A shape as MXNet's Python API returns it (unknown dims are 0 in partial
/// results, as MXNet's legacy shape semantics report them).
using Shape = std::vector<int64_t>;

/// What MXNet raises as MXNetError (and Python as TypeError/ValueError for
/// bad arguments): the message is MXNet's where MXNet has one.
class MXNetError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

namespace detail {
struct Node;
/// nnvm's NodeEntry: output `index` of `node`; `version` is the variable's
/// version when the entry was made (bumped by ops that mutate it).
struct NodeEntry {
  std::shared_ptr<Node> node;
  uint32_t index = 0;
  uint32_t version = 0;
};
} // namespace detail

/// The device of MXNet's Context; symc evaluates on the host CPU.
struct Context {
  std::string deviceType = "cpu";
  int deviceId = 0;
  static Context cpu(int id = 0) { return {"cpu", id}; }
};

/// infer_shape's (arg_shapes, out_shapes, aux_shapes); `complete` is false
/// when infer_shape returned (None, None, None).
struct ShapeInference {
  std::vector<Shape> arg_shapes, out_shapes, aux_shapes;
  bool complete = true;
  /// MXNet's warning when infer_shape could not decide every argument.
  std::string warning;
};
/// infer_type's (arg_types, out_types, aux_types): numpy dtype names, or
/// nullopt for None (unknown).
struct TypeInference {
  std::vector<std::optional<std::string>> arg_types, out_types, aux_types;
  bool complete = true;
  std::string warning;
};

class Symbol {
public:
  /// An empty symbol (no outputs); operators reject it.
  Symbol() = default;

  //===--- Introspection -------------------------------------------------===//
  /// The node name, or nullopt for a group of several nodes.
  std::optional<std::string> name() const;
  std::vector<std::string> list_arguments() const;
  std::vector<std::string> list_outputs() const;
  std::vector<std::string> list_auxiliary_states() const;
  std::vector<std::string> list_inputs() const;
  /// The attribute `key` of a non-grouped symbol (hidden keys such as
  /// `lr_mult` also find `__lr_mult__`).
  std::optional<std::string> attr(const std::string &key) const;
  /// The node's own attributes (list_attr()).
  Attrs list_attr() const;
  /// Every node's attributes by node name (attr_dict()).
  std::map<std::string, Attrs> attr_dict() const;
  /// Sets attributes on a non-grouped symbol (_set_attr(**kwargs)). Symbols
  /// share nodes as Python's handles do: every symbol built on this one sees
  /// the change (copy() first to avoid that).
  void _set_attr(const Attrs &attrs);
  Symbol get_internals() const;
  /// The inputs of the output nodes; nullopt where Python returns None.
  std::optional<Symbol> get_children() const;
  /// The input variables as a group (MXNet 2.0's get_inputs).
  Symbol get_inputs() const;
  /// nnvm's Symbol::Print text.
  std::string debug_str() const;
  /// Whether an op's output shape depends on data (MXNet 2.0's query).
  bool has_dynamic_shape_op() const;
  /// "<Symbol fc1>" / "<Symbol group [a, b]>".
  std::string repr() const;

  size_t size() const { return outputs.size(); }
  /// sym[i] and sym["fc1_output"].
  /// Output `index` (any integer type; out of range throws std::out_of_range,
  /// Python's IndexError).
  template <typename I, std::enable_if_t<std::is_integral_v<I>, int> = 0>
  Symbol operator[](I index) const {
    if constexpr (std::is_signed_v<I>)
      return outputAt(int64_t(index));
    else
      return outputAt(index > uint64_t(INT64_MAX) ? -1 : int64_t(index));
  }
  Symbol operator[](const std::string &outputName) const;
  Symbol operator[](const char *outputName) const {
    return (*this)[std::string(outputName)];
  }
  Symbol outputAt(int64_t index) const;
  /// Iteration over the outputs, each a Symbol.
  std::vector<Symbol> outputsAsSymbols() const;

  /// __copy__ / __deepcopy__: a copy of the whole graph.
  Symbol copy() const;
  Symbol deepcopy() const { return copy(); }
  /// Composition by call (net(data=other), net(x, y), name=...): a copy of
  /// this graph with the named or positional arguments replaced.
  Symbol operator()(const Args &args) const;

  /// Switch between the legacy and the numpy-semantics view.
  Symbol as_nd_ndarray() const;
  Symbol as_np_ndarray() const;
  bool isNumpySymbol() const { return numpySemantics; }

  //===--- Inference -----------------------------------------------------===//
  /// Shapes by argument name (keyword form) ...
  /// (The no-argument forms use only what the graph's `__shape__` and
  /// `__dtype__` attributes say.)
  ShapeInference infer_shape() const { return infer_shape(std::map<std::string, Shape>{}); }
  ShapeInference infer_shape_partial() const {
    return infer_shape_partial(std::map<std::string, Shape>{});
  }
  TypeInference infer_type() const {
    return infer_type(std::map<std::string, std::string>{});
  }
  TypeInference infer_type_partial() const {
    return infer_type_partial(std::map<std::string, std::string>{});
  }
  ShapeInference infer_shape(const std::map<std::string, Shape> &kwargs) const;
  ShapeInference
  infer_shape_partial(const std::map<std::string, Shape> &kwargs) const;
  /// ... or in list_arguments() order (positional form).
  ShapeInference infer_shape(const std::vector<Shape> &args) const;
  ShapeInference infer_shape_partial(const std::vector<Shape> &args) const;
  TypeInference infer_type(const std::map<std::string, std::string> &kwargs) const;
  TypeInference
  infer_type_partial(const std::map<std::string, std::string> &kwargs) const;
  TypeInference infer_type(const std::vector<std::string> &args) const;
  TypeInference infer_type_partial(const std::vector<std::string> &args) const;

  //===--- Serialization -------------------------------------------------===//
  std::string tojson(bool remove_amp_cast = true) const;
  void save(const std::string &fname, bool remove_amp_cast = true) const;

  //===--- Partitioning --------------------------------------------------===//
  /// optimize_for(backend, args, aux, **options): the graph partitioned by a
  /// subgraph backend (symc/Transforms/Partition.h: default, default_v2,
  /// custom, symc, or any registered one), each subgraph a node holding
  /// it. With args or aux (and not skip_infer), shapes and dtypes are
  /// inferred first from the arrays, then from shape_dict and type_dict,
  /// as MXOptimizeForBackend does; the arrays themselves are not changed.
  /// Options are keyword Args: {"op_names", "[Convolution, Activation]"},
  /// {"dedup_subgraph", true}.
  Symbol optimize_for(const std::string &backend,
                      const std::map<std::string, NDArray> &args = {},
                      const std::map<std::string, NDArray> &aux = {},
                      const Args &options = {},
                      const std::map<std::string, Shape> &shape_dict = {},
                      const std::map<std::string, std::string> &type_dict = {},
                      bool skip_infer = false) const;
  /// get_backend_symbol(backend): optimize_for with no options.
  Symbol get_backend_symbol(const std::string &backend) const;

  //===--- Evaluation ----------------------------------------------------===//
  /// eval(ctx, **kwargs): binds the given arrays and runs forward once.
  std::vector<NDArray> eval(const std::map<std::string, NDArray> &kwargs,
                            Context ctx = Context::cpu()) const;
  /// bind(ctx, args, aux_states): arrays by name.
  Executor bind(Context ctx, const std::map<std::string, NDArray> &args,
                const std::map<std::string, NDArray> &aux_states = {}) const;
  /// bind with arrays in list_arguments() / list_auxiliary_states() order.
  Executor bind(Context ctx, const std::vector<NDArray> &args,
                const std::vector<NDArray> &aux_states = {}) const;
  /// simple_bind(ctx, **shapes): allocates every argument (zeros).
  Executor simple_bind(Context ctx, const std::map<std::string, Shape> &shapes,
                       const std::map<std::string, std::string> &type_dict = {}) const;
  /// Not implemented in MXNet 1.9.1 either: throws.
  Symbol gradient(const std::vector<std::string> &wrt) const;

  //===--- Fluent methods (each delegates to the op of the same name) ----===//
#define SYMC_FLUENT_METHOD(NAME) Symbol NAME(const Args &args = {}) const;
#include "symc/API/FluentMethods.def"
#undef SYMC_FLUENT_METHOD
  /// astype(dtype) is Cast (named cast<N>).
  Symbol astype(const std::string &dtype) const;

  //===--- For the implementation ----------------------------------------===//
  /// The outputs must refer to nodes (never null).
  explicit Symbol(std::vector<detail::NodeEntry> outputs);
  const std::vector<detail::NodeEntry> &getOutputs() const { return outputs; }

private:
  std::vector<detail::NodeEntry> outputs;
  bool numpySemantics = false;
};

/// One keyword value, held as the text Python's str() would give it.
class Value {
public:
  enum class Kind { None, Text, Symbol, Attrs };

  Value(std::nullptr_t) : kind(Kind::None), text("None"), reprText("None") {}
  Value(bool v);
  template <typename T, std::enable_if_t<std::is_integral_v<T> &&
                                             !std::is_same_v<T, bool>,
                                         int> = 0>
  Value(T v) : Value(Kind::Text, std::to_string(v)) {}
  Value(double v);
  /// A float prints with the digits that identify it as a float (1e-5f is
  /// "1e-05", not the double it widens to).
  Value(float v);
  Value(const char *v);
  Value(std::string v);
  /// A tuple: {3, 3} -> "(3, 3)", {2} -> "(2,)", {0.5, nullptr} ->
  /// "(0.5, None)".
  Value(std::initializer_list<Value> items);
  Value(const std::vector<int64_t> &items);
  Value(const Symbol &s);
  Value(const Attrs &attrs);

  Kind getKind() const { return kind; }
  /// Python's str(value).
  const std::string &str() const { return text; }
  /// Python's repr(value) (how it prints inside a tuple).
  const std::string &repr() const { return reprText; }
  const Symbol &getSymbol() const { return *symbol; }
  const Attrs &getAttrs() const { return attrs; }

private:
  Value(Kind kind, std::string text)
      : kind(kind), text(text), reprText(std::move(text)) {}

  Kind kind;
  std::string text, reprText;
  std::shared_ptr<Symbol> symbol;
  Attrs attrs;
};

/// A positional symbol or a {"key", value} keyword argument.
class Arg {
public:
  Arg(const Symbol &s) : value(s) {}
  Arg(std::string key, Value value) : key(std::move(key)), value(std::move(value)) {}

  bool isPositional() const { return !key.has_value(); }
  const std::string &getKey() const { return *key; }
  const Value &getValue() const { return value; }

private:
  std::optional<std::string> key;
  Value value;
};

//===--- Naming and attribute scopes -------------------------------------===//

/// MXNet's NameManager: names nodes `<hint><counter>` when no name is given.
/// Constructing one makes it current for this thread until it is destroyed,
/// as Python's `with mx.name.NameManager():` (counters start again at 0).
class NameManager {
public:
  NameManager();
  virtual ~NameManager();
  NameManager(const NameManager &) = delete;
  NameManager &operator=(const NameManager &) = delete;
  /// Scopes live on the stack, like Python's `with`.
  static void *operator new(size_t) = delete;

  /// The name to use: `name` if given, else hint + counter.
  virtual std::string get(const std::optional<std::string> &name,
                          const std::string &hint);
  /// The current manager of this thread (a default one if none is active).
  static NameManager &current();

private:
  template <typename Scope>
  friend void unlinkScope(Scope *&, Scope *, const char *);
  std::map<std::string, int> counters;
  NameManager *previous;
};

/// mx.name.Prefix: every name (given or generated) gets `prefix` in front.
class Prefix : public NameManager {
public:
  explicit Prefix(std::string prefix) : prefix(std::move(prefix)) {}
  std::string get(const std::optional<std::string> &name,
                  const std::string &hint) override;

private:
  std::string prefix;
};

/// mx.AttrScope: attributes given to every symbol created while it is
/// alive (nested scopes merge, inner wins).
class AttrScope {
public:
  explicit AttrScope(Attrs attrs);
  ~AttrScope();
  AttrScope(const AttrScope &) = delete;
  AttrScope &operator=(const AttrScope &) = delete;
  static void *operator new(size_t) = delete;

  /// The scope's attributes updated with `attrs`.
  Attrs get(const Attrs &attrs) const;
  static AttrScope *current();

private:
  template <typename Scope>
  friend void unlinkScope(Scope *&, Scope *, const char *);
  Attrs attrs;
  AttrScope *previous;
};

//===--- Creation ---------------------------------------------------------===//

/// mx.sym.var / Variable(name, attr=, shape=, lr_mult=, wd_mult=, dtype=,
/// init=, stype=, __hidden__=...).
Symbol var(const std::string &name, const Args &kwargs = {});
inline Symbol Variable(const std::string &name, const Args &kwargs = {}) {
  return var(name, kwargs);
}
Symbol Group(const std::vector<Symbol> &symbols);
/// Reads Symbol JSON (every format generation MXNet reads).
Symbol fromjson(const std::string &json);
Symbol load(const std::string &fname);

Symbol zeros(const Shape &shape, const Args &kwargs = {});
Symbol ones(const Shape &shape, const Args &kwargs = {});
Symbol full(const Shape &shape, double val, const Args &kwargs = {});
/// arange(start, stop=None, step=1.0, repeat=1, infer_range=False, name=None,
/// dtype=None): pass stop, step, ... as keywords.
Symbol arange(const Value &start, const Args &kwargs = {});
Symbol linspace(const Value &start, const Value &stop, int64_t num,
                const Args &kwargs = {});
Symbol eye(int64_t N, const Args &kwargs = {});
/// histogram(a, bins=10, range=None): bins as an int (with range) or a
/// symbol of bin edges.
Symbol histogram(const Symbol &a, const Args &kwargs = {});
Symbol split_v2(const Symbol &ary, const Args &kwargs = {});

/// A symbol or a Python number, for the functions that take either.
class Operand {
public:
  Operand(const Symbol &s) : symbol(s) {}
  template <typename T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>
  Operand(T v) : number(Value(v)) {}

  bool isSymbol() const { return !number.has_value(); }
  const Symbol &getSymbol() const { return symbol; }
  const Value &getNumber() const { return *number; }

private:
  Symbol symbol;
  std::optional<Value> number;
};

Symbol maximum(const Operand &left, const Operand &right);
Symbol minimum(const Operand &left, const Operand &right);
Symbol hypot(const Operand &left, const Operand &right);
Symbol pow(const Operand &base, const Operand &exp);
inline Symbol power(const Operand &base, const Operand &exp) {
  return pow(base, exp);
}
/// With two numbers these are plain arithmetic, as in Python. Templates, so
/// that an unqualified pow(2.0, 3.0) under `using namespace symc` still
/// means ::pow.
#define SYMC_NUMBER_FUNCTION(NAME, EXPR)                                       \
  template <typename L, typename R,                                            \
            std::enable_if_t<std::is_arithmetic_v<L> && std::is_arithmetic_v<R>, \
                             int> = 0>                                         \
  double NAME(L left, R right) {                                               \
    double l = double(left), r = double(right);                                \
    return EXPR;                                                               \
  }
SYMC_NUMBER_FUNCTION(maximum, l > r ? l : r)
SYMC_NUMBER_FUNCTION(minimum, l < r ? l : r)
SYMC_NUMBER_FUNCTION(hypot, std::hypot(l, r))
SYMC_NUMBER_FUNCTION(pow, std::pow(l, r))
#undef SYMC_NUMBER_FUNCTION

//===--- Operators ---------------------------------------------------------===//
// As Python's Symbol: with a symbol, elemwise_* / _equal / ...; with a
// number, the _*_scalar ops (the scalar written as Python writes it).

Symbol operator+(const Symbol &a, const Operand &b);
Symbol operator-(const Symbol &a, const Operand &b);
Symbol operator*(const Symbol &a, const Operand &b);
Symbol operator/(const Symbol &a, const Operand &b);
Symbol operator%(const Symbol &a, const Operand &b);
Symbol operator==(const Symbol &a, const Operand &b);
Symbol operator!=(const Symbol &a, const Operand &b);
Symbol operator<(const Symbol &a, const Operand &b);
Symbol operator<=(const Symbol &a, const Operand &b);
Symbol operator>(const Symbol &a, const Operand &b);
Symbol operator>=(const Symbol &a, const Operand &b);
namespace detail {
/// `b op a` for a number `a` on the left (__radd__, __rsub__, ...).
Symbol reverseScalarOp(const char *opName, const Value &a, const Symbol &b);
} // namespace detail
#define SYMC_REVERSE_OPERATOR(OP, NAME)                                        \
  template <typename T, std::enable_if_t<std::is_arithmetic_v<T>, int> = 0>    \
  Symbol operator OP(T a, const Symbol &b) {                                   \
    return detail::reverseScalarOp(NAME, Value(a), b);                         \
  }
SYMC_REVERSE_OPERATOR(+, "_PlusScalar")
SYMC_REVERSE_OPERATOR(-, "_RMinusScalar")
SYMC_REVERSE_OPERATOR(*, "_MulScalar")
SYMC_REVERSE_OPERATOR(/, "_RDivScalar")
SYMC_REVERSE_OPERATOR(%, "_RModScalar")
#undef SYMC_REVERSE_OPERATOR
Symbol operator-(const Symbol &a);

namespace op {
/// Creates op `opName` (an MXNet op name or alias) as the Python function
/// named `functionName` would (its lower-cased name is the naming hint).
Symbol invoke(const std::string &opName, const std::string &functionName,
              const Args &args);
inline Symbol invoke(const std::string &opName, const Args &args) {
  return invoke(opName, opName, args);
}
/// Whether symc models `opName` (an MXNet op name or alias).
bool isSupported(const std::string &opName);
} // namespace op

} // namespace symc

#endif // SYMC_API_SYMBOL_H
