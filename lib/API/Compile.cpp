//===- Compile.cpp - inference and evaluation through the compiler --------===//
//
// A symbol reaches the compiler as the JSON MXNet would save: it is
// imported into the sym dialect, where sym-infer-shapes / sym-infer-types
// give MXNet's inference, and the CPU pipeline and JIT give evaluation.
// Diagnostics become MXNetError messages.
//
//===----------------------------------------------------------------------===//

#include "symc/API/Executor.h"

#include "Bridge.h"
#include "Graph.h"
#include "symc/Conversion/Passes.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Execution/CompiledModel.h"
#include "symc/Import/MXNetJson.h"
#include "symc/Pipelines/Pipelines.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"

#include <cstring>
#include <list>
#include <mutex>

using namespace llvm;
using namespace mlir;

namespace symc {
using detail::DiagnosticCollector;
using detail::fail;
using detail::ImportedSymbol;
using detail::importSymbol;

namespace {

/// Python's warning lists at most 10 arguments, then "...".
void appendUnknownArgument(std::string &list, unsigned &count, const std::string &entry) {
  if (count < 10)
    list += "\n\t" + entry;
  else if (count == 10)
    list += "\n\t...";
  ++count;
}

/// "2x3", with 0 (MXNet's unknown) as "?"; nullopt for an unknown shape.
std::optional<std::string> shapeOption(const Shape &shape) {
  if (shape.empty())
    return std::nullopt; // () is an unknown shape in MXNet's legacy mode
  std::string text;
  for (size_t i = 0; i < shape.size(); ++i)
    text += (i ? "x" : "") + (shape[i] == 0 ? std::string("?")
                                            : std::to_string(shape[i]));
  return text;
}

/// A value type as infer_shape reports it: unknown dims 0, unknown rank ().
Shape reportedShape(Type type, bool &complete) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked) {
    complete = false;
    return {};
  }
  Shape shape;
  for (int64_t d : ranked.getShape()) {
    complete &= !ShapedType::isDynamic(d);
    shape.push_back(ShapedType::isDynamic(d) ? 0 : d);
  }
  return shape;
}

std::optional<std::string> reportedType(Type type, bool &complete) {
  auto tensor = dyn_cast<TensorType>(type);
  const DTypeInfo *info = tensor ? lookupDTypeByType(tensor.getElementType()) : nullptr;
  if (!info) {
    complete = false;
    return std::nullopt;
  }
  return info->name.str();
}

/// The MLIR types of the symbol's arguments, outputs and aux states after
/// running `pass` (inference) on its import.
struct InferredTypes {
  std::vector<std::string> argNames, auxNames;
  std::vector<Type> args, outs, aux;
};

template <typename MakePass>
InferredTypes runInference(const Symbol &symbol, MakePass makePass,
                           ImportedSymbol &imported) {
  DiagnosticCollector diags(*imported.ctx);
  PassManager pm(imported.ctx.get());
  pm.addNestedPass<func::FuncOp>(makePass());
  if (failed(pm.run(*imported.module)))
    diags.fail("inference failed");
  func::FuncOp main = imported.main();
  StringMap<Type> byName;
  for (unsigned i = 0; i < main.getNumArguments(); ++i)
    byName[getArgumentName(main, i)] = main.getArgument(i).getType();
  InferredTypes types;
  types.argNames = symbol.list_arguments();
  types.auxNames = symbol.list_auxiliary_states();
  for (const std::string &n : types.argNames)
    types.args.push_back(byName.lookup(n));
  for (const std::string &n : types.auxNames)
    types.aux.push_back(byName.lookup(n));
  auto ret = cast<func::ReturnOp>(main.getBody().front().getTerminator());
  for (mlir::Value v : ret.getOperands())
    types.outs.push_back(v.getType());
  return types;
}

std::map<std::string, Shape> positionalShapes(const Symbol &s,
                                              const std::vector<Shape> &args) {
  std::vector<std::string> names = s.list_arguments();
  if (args.size() > names.size())
    fail("infer_shape: " + Twine(args.size()) + " shapes given for " +
         Twine(names.size()) + " arguments");
  std::map<std::string, Shape> kwargs;
  for (size_t i = 0; i < args.size(); ++i)
    kwargs[names[i]] = args[i];
  return kwargs;
}

std::map<std::string, std::string>
positionalTypes(const Symbol &s, const std::vector<std::string> &args) {
  std::vector<std::string> names = s.list_arguments();
  if (args.size() > names.size())
    fail("infer_type: " + Twine(args.size()) + " types given for " +
         Twine(names.size()) + " arguments");
  std::map<std::string, std::string> kwargs;
  for (size_t i = 0; i < args.size(); ++i)
    if (!args[i].empty())
      kwargs[names[i]] = args[i];
  return kwargs;
}

void checkKnownInputs(const Symbol &s, const std::vector<std::string> &keys,
                      const char *what) {
  std::vector<std::string> inputs = s.list_inputs();
  for (const std::string &k : keys)
    if (!llvm::is_contained(inputs, k))
      fail(Twine(what) + ": '" + k + "' is not an input of the symbol");
}

/// infer_shape's or infer_type's three lists: `report` gives MXNet's value
/// of an inferred type and clears `known` when it is not fully known; an
/// unknown argument is listed as "name: <describe(value)>" for the warning.
template <typename T>
struct InferenceLists {
  std::vector<T> args, outs, aux;
  bool complete = true;
  std::string unknownArgs;
};

template <typename T, typename Report, typename Describe>
InferenceLists<T> collectLists(const InferredTypes &types, Report report,
                               Describe describe) {
  InferenceLists<T> lists;
  unsigned numUnknown = 0;
  for (size_t i = 0; i < types.args.size(); ++i) {
    bool known = true;
    lists.args.push_back(report(types.args[i], known));
    if (!known)
      appendUnknownArgument(lists.unknownArgs, numUnknown,
                            types.argNames[i] + ": " + describe(lists.args.back()));
    lists.complete &= known;
  }
  for (Type t : types.outs)
    lists.outs.push_back(report(t, lists.complete));
  for (Type t : types.aux)
    lists.aux.push_back(report(t, lists.complete));
  return lists;
}

/// Imports the symbol, runs the pass of `makePass` (partial inference; the
/// named inputs must be inputs of the symbol) and collects the lists while
/// the types' context is alive.
template <typename T, typename MakePass, typename Report, typename Describe>
InferenceLists<T> inferLists(const Symbol &s, const std::vector<std::string> &names,
                             const char *what, MakePass makePass, Report report,
                             Describe describe) {
  checkKnownInputs(s, names, what);
  ImportedSymbol imported = importSymbol(s.getOutputs());
  return collectLists<T>(runInference(s, makePass, imported), report, describe);
}

ShapeInference inferShapeImpl(const Symbol &s,
                              const std::map<std::string, Shape> &kwargs,
                              bool partial) {
  std::vector<std::string> options, names;
  for (const auto &[name, shape] : kwargs) {
    names.push_back(name);
    if (std::optional<std::string> text = shapeOption(shape))
      options.push_back(name + "=" + *text);
  }
  InferenceLists<Shape> lists = inferLists<Shape>(
      s, names, "infer_shape",
      [&] {
        SymInferShapesOptions opts;
        opts.inputShapes.assign(options.begin(), options.end());
        opts.partial = true;
        return createSymInferShapes(opts);
      },
      reportedShape, [](const Shape &shape) { return Value(shape).str(); });
  ShapeInference result;
  result.complete = lists.complete;
  if (!lists.complete && !partial) {
    result.warning = "Cannot decide shape for the following arguments (0s in "
                     "shape means unknown dimensions). Consider providing "
                     "them as input:" +
                     lists.unknownArgs;
    return result;
  }
  result.arg_shapes = std::move(lists.args);
  result.out_shapes = std::move(lists.outs);
  result.aux_shapes = std::move(lists.aux);
  return result;
}

TypeInference inferTypeImpl(const Symbol &s,
                            const std::map<std::string, std::string> &kwargs,
                            bool partial) {
  std::vector<std::string> options, names;
  for (const auto &[name, dtype] : kwargs) {
    names.push_back(name);
    options.push_back(name + "=" + dtype);
  }
  using DType = std::optional<std::string>;
  InferenceLists<DType> lists = inferLists<DType>(
      s, names, "infer_type",
      [&] {
        SymInferTypesOptions opts;
        opts.inputTypes.assign(options.begin(), options.end());
        opts.partial = true;
        return createSymInferTypes(opts);
      },
      reportedType, [](const DType &) { return std::string("None"); });
  TypeInference result;
  result.complete = lists.complete;
  if (!lists.complete && !partial) {
    result.warning = "Cannot decide type for the following arguments. "
                     "Consider providing them as input:" +
                     lists.unknownArgs;
    return result;
  }
  result.arg_types = std::move(lists.args);
  result.out_types = std::move(lists.outs);
  result.aux_types = std::move(lists.aux);
  return result;
}

} // namespace

ShapeInference Symbol::infer_shape(const std::map<std::string, Shape> &kwargs) const {
  return inferShapeImpl(*this, kwargs, /*partial=*/false);
}
ShapeInference
Symbol::infer_shape_partial(const std::map<std::string, Shape> &kwargs) const {
  return inferShapeImpl(*this, kwargs, /*partial=*/true);
}
ShapeInference Symbol::infer_shape(const std::vector<Shape> &args) const {
  return inferShapeImpl(*this, positionalShapes(*this, args), false);
}
ShapeInference Symbol::infer_shape_partial(const std::vector<Shape> &args) const {
  return inferShapeImpl(*this, positionalShapes(*this, args), true);
}
TypeInference
Symbol::infer_type(const std::map<std::string, std::string> &kwargs) const {
  return inferTypeImpl(*this, kwargs, false);
}
TypeInference
Symbol::infer_type_partial(const std::map<std::string, std::string> &kwargs) const {
  return inferTypeImpl(*this, kwargs, true);
}
TypeInference Symbol::infer_type(const std::vector<std::string> &args) const {
  return inferTypeImpl(*this, positionalTypes(*this, args), false);
}
TypeInference
Symbol::infer_type_partial(const std::vector<std::string> &args) const {
  return inferTypeImpl(*this, positionalTypes(*this, args), true);
}

//===----------------------------------------------------------------------===//
// Executor
//===----------------------------------------------------------------------===//

struct Executor::Impl {
  Symbol symbol;
  std::vector<std::string> argNames, auxNames, outNames;
  std::vector<NDArray> args, aux, outs;
  /// Arguments and auxiliary states by name.
  std::map<std::string, NDArray *> inputsByName;

  /// Code compiled for one set of input shapes and dtypes, the most
  /// recently used first; at most kCacheSize are kept.
  struct Compiled {
    std::string key;
    std::unique_ptr<MLIRContext> ctx;
    std::unique_ptr<CompiledModel> model;
  };
  static constexpr size_t kCacheSize = 8;
  std::list<Compiled> cache;
  unsigned compilations = 0;
  /// forward() and copy_params_from() change the bound arrays: one at a
  /// time per executor.
  std::mutex mutex;

  void indexInputs();
  std::string signatureKey() const;
  Compiled compile();
  const Compiled &compiledForInputs();
  void run();
  NDArray *findInput(const std::string &name);
};

void Executor::Impl::indexInputs() {
  inputsByName.clear();
  for (size_t i = 0; i < argNames.size(); ++i)
    inputsByName[argNames[i]] = &args[i];
  for (size_t i = 0; i < auxNames.size(); ++i)
    inputsByName[auxNames[i]] = &aux[i];
}

std::string Executor::Impl::signatureKey() const {
  std::string key;
  auto add = [&](const std::vector<NDArray> &arrays) {
    for (const NDArray &a : arrays) {
      key += a.dtype() + "[";
      for (int64_t d : a.shape())
        key += std::to_string(d) + ",";
      key += "];";
    }
  };
  add(args);
  add(aux);
  return key;
}

NDArray *Executor::Impl::findInput(const std::string &name) {
  auto it = inputsByName.find(name);
  return it == inputsByName.end() ? nullptr : it->second;
}

Executor::Impl::Compiled Executor::Impl::compile() {
  ImportedSymbol imported = importSymbol(symbol.getOutputs());
  DiagnosticCollector diags(*imported.ctx);
  if (failed(checkOperatorsSupported(*imported.module)))
    diags.fail("the symbol has operators symc cannot compile");
  StringMap<ArgumentInfo> given;
  auto describe = [&](const std::vector<std::string> &names,
                      const std::vector<NDArray> &arrays) {
    for (size_t i = 0; i < names.size(); ++i) {
      if (arrays[i].empty())
        continue;
      ArgumentInfo info;
      info.dtype = lookupDTypeByName(arrays[i].dtype());
      info.shape.assign(arrays[i].shape().begin(), arrays[i].shape().end());
      info.hasShape = true;
      given[names[i]] = info;
    }
  };
  describe(argNames, args);
  describe(auxNames, aux);
  // Every input needs an array, except training labels (SoftmaxOutput's),
  // which inference does not read.
  func::FuncOp main = imported.main();
  std::vector<std::string> missing;
  for (unsigned i = 0; i < main.getNumArguments(); ++i) {
    StringRef name = getArgumentName(main, i);
    if (!given.count(name) && !isOnlyUsedAsLabel(main.getArgument(i)))
      missing.push_back(name.str());
  }
  if (!missing.empty())
    fail("no value bound for argument" + Twine(missing.size() > 1 ? "s " : " ") +
         "'" + join(missing, "', '") + "'");
  if (Error err = inferModelSignature(*imported.module, given,
                                      /*allowMissing=*/true))
    fail(toString(std::move(err)));
  // Matmuls, convolutions and large ops use every thread the OpenMP
  // runtime has ($OMP_NUM_THREADS, else one per core); one compiles serial
  // code. A memory-bound batch runs one sample at a time, as in the tools;
  // the weights' share of the work then runs once per forward, not once
  // per sample (bound arrays may change between forwards).
  CodegenOptions codegen;
  codegen.parallel = CompiledModel::getThreads() > 1;
  codegen.splitBatch = BatchSplit::WhenMemoryBound;
  for (unsigned i = 0; i < main.getNumArguments(); ++i)
    if (isOnlyUsedAsWeight(main.getArgument(i)))
      codegen.perRunConstantArguments.push_back(getArgumentName(main, i).str());
  auto model = CompiledModel::compile(*imported.module, codegen);
  if (!model)
    fail(toString(model.takeError()));
  ++compilations;
  // The module is dropped; its context stays with the engine.
  return Compiled{signatureKey(), std::move(imported.ctx), std::move(*model)};
}

const Executor::Impl::Compiled &Executor::Impl::compiledForInputs() {
  std::string key = signatureKey();
  auto it = llvm::find_if(cache, [&](const Compiled &c) { return c.key == key; });
  if (it != cache.end()) {
    cache.splice(cache.begin(), cache, it);
  } else {
    cache.push_front(compile());
    if (cache.size() > kCacheSize)
      cache.pop_back();
  }
  return cache.front();
}

void Executor::Impl::run() {
  const CompiledModel &model = *compiledForInputs().model;
  std::vector<std::vector<char>> scratch;
  SmallVector<const void *> inputs;
  for (const TensorSignature &sig : model.getArguments()) {
    NDArray *a = findInput(sig.name);
    if (a && !a->empty()) {
      if (a->nbytes() != (size_t)sig.byteSize())
        fail("'" + sig.name + "' has " + Twine(a->nbytes()) +
             " bytes, the compiled graph needs " + Twine(sig.byteSize()));
      inputs.push_back(a->data());
      continue;
    }
    if (!sig.isLabel)
      fail("no value bound for argument '" + sig.name + "'");
    scratch.emplace_back(sig.byteSize(), 0); // labels are not read at inference
    inputs.push_back(scratch.back().data());
  }
  auto results = model.getResults();
  if (outs.size() != results.size())
    outs.assign(results.size(), NDArray());
  SmallVector<void *> outPtrs;
  for (size_t i = 0; i < results.size(); ++i) {
    Shape shape(results[i].shape.begin(), results[i].shape.end());
    std::string dtype = results[i].dtype->name.str();
    if (outs[i].empty() || outs[i].shape() != shape || outs[i].dtype() != dtype)
      outs[i] = NDArray::zeros(shape, dtype);
    outPtrs.push_back(outs[i].data());
  }
  if (Error err = model.run(inputs, outPtrs))
    fail(toString(std::move(err)));
}

const std::vector<NDArray> &
Executor::forward(bool is_train, const std::map<std::string, NDArray> &kwargs) {
  if (is_train)
    fail("forward(is_train=True): symc compiles inference graphs only");
  std::lock_guard<std::mutex> lock(impl->mutex);
  // Every name is checked before any array changes.
  for (const auto &[name, value] : kwargs) {
    if (!impl->findInput(name))
      fail("forward: '" + name + "' is not an argument of the symbol");
    if (value.empty())
      fail("forward: the array given for '" + name + "' is empty");
  }
  for (const auto &[name, value] : kwargs) {
    NDArray *slot = impl->findInput(name);
    if (!slot->empty() && slot->shape() == value.shape() &&
        slot->dtype() == value.dtype())
      std::memcpy(slot->data(), value.data(), value.nbytes());
    else
      *slot = value.copy();
  }
  impl->run();
  return impl->outs;
}

const std::vector<NDArray> &Executor::outputs() const { return impl->outs; }
const std::vector<NDArray> &Executor::arg_arrays() const { return impl->args; }
const std::vector<NDArray> &Executor::aux_arrays() const { return impl->aux; }
unsigned Executor::numCompilations() const {
  std::lock_guard<std::mutex> lock(impl->mutex);
  return impl->compilations;
}

int64_t Executor::runsPerForward() const {
  std::lock_guard<std::mutex> lock(impl->mutex);
  return impl->cache.empty() ? 0 : impl->cache.front().model->getRunsPerCall();
}

static std::map<std::string, NDArray> zipNames(const std::vector<std::string> &names,
                                               const std::vector<NDArray> &arrays) {
  std::map<std::string, NDArray> out;
  for (size_t i = 0; i < names.size() && i < arrays.size(); ++i)
    out[names[i]] = arrays[i];
  return out;
}

std::map<std::string, NDArray> Executor::arg_dict() const {
  return zipNames(impl->argNames, impl->args);
}
std::map<std::string, NDArray> Executor::aux_dict() const {
  return zipNames(impl->auxNames, impl->aux);
}
std::map<std::string, NDArray> Executor::output_dict() const {
  return zipNames(impl->outNames, impl->outs);
}

void Executor::copy_params_from(const std::map<std::string, NDArray> &arg_params,
                                const std::map<std::string, NDArray> &aux_params,
                                bool allow_extra_params) {
  std::lock_guard<std::mutex> lock(impl->mutex);
  // (slot, value) pairs, all checked before any is written.
  std::vector<std::pair<NDArray *, const NDArray *>> copies;
  auto plan = [&](const std::map<std::string, NDArray> &params,
                  const std::vector<std::string> &names, std::vector<NDArray> &arrays,
                  const char *kind) {
    for (const auto &[name, value] : params) {
      auto it = llvm::find(names, name);
      if (it == names.end()) {
        if (allow_extra_params)
          continue;
        fail("Find name \"" + name + "\" that is not in the " + kind);
      }
      if (value.empty())
        fail("copy_params_from: the array given for '" + name + "' is empty");
      NDArray &slot = arrays[it - names.begin()];
      if (!slot.empty() && slot.shape() != value.shape())
        fail("copy_params_from: shape of '" + name +
             "' does not match the bound array");
      copies.push_back({&slot, &value});
    }
  };
  plan(arg_params, impl->argNames, impl->args, "arguments");
  plan(aux_params, impl->auxNames, impl->aux, "auxiliary states");
  // As MXNet's astype(dst.dtype).copyto(dst): a bound array keeps its dtype.
  for (auto [slot, value] : copies) {
    if (slot->empty())
      *slot = value->copy();
    else
      value->copyTo(*slot);
  }
}

//===----------------------------------------------------------------------===//
// bind / simple_bind / eval
//===----------------------------------------------------------------------===//

static std::shared_ptr<Executor::Impl> newExecutor(const Symbol &s) {
  auto impl = std::make_shared<Executor::Impl>();
  impl->symbol = s;
  impl->argNames = s.list_arguments();
  impl->auxNames = s.list_auxiliary_states();
  impl->outNames = s.list_outputs();
  impl->args.resize(impl->argNames.size());
  impl->aux.resize(impl->auxNames.size());
  impl->indexInputs();
  return impl;
}

Executor Symbol::bind(Context, const std::map<std::string, NDArray> &args,
                      const std::map<std::string, NDArray> &aux_states) const {
  auto impl = newExecutor(*this);
  for (const auto &[name, value] : args) {
    auto it = llvm::find(impl->argNames, name);
    if (it != impl->argNames.end()) {
      impl->args[it - impl->argNames.begin()] = value;
      continue;
    }
    // eval(**kwargs) passes auxiliary states with the arguments.
    auto aux = llvm::find(impl->auxNames, name);
    if (aux == impl->auxNames.end())
      fail("bind: '" + name + "' is not an argument of the symbol");
    impl->aux[aux - impl->auxNames.begin()] = value;
  }
  for (const auto &[name, value] : aux_states) {
    auto it = llvm::find(impl->auxNames, name);
    if (it == impl->auxNames.end())
      fail("bind: '" + name + "' is not an auxiliary state of the symbol");
    impl->aux[it - impl->auxNames.begin()] = value;
  }
  return Executor(impl);
}

Executor Symbol::bind(Context ctx, const std::vector<NDArray> &args,
                      const std::vector<NDArray> &aux_states) const {
  std::vector<std::string> argNames = list_arguments(), auxNames = list_auxiliary_states();
  if (args.size() != argNames.size())
    fail("bind: expected " + Twine(argNames.size()) + " argument arrays, got " +
         Twine(args.size()));
  if (!aux_states.empty() && aux_states.size() != auxNames.size())
    fail("bind: expected " + Twine(auxNames.size()) + " auxiliary arrays, got " +
         Twine(aux_states.size()));
  std::map<std::string, NDArray> named, aux;
  for (size_t i = 0; i < args.size(); ++i)
    named[argNames[i]] = args[i];
  for (size_t i = 0; i < aux_states.size(); ++i)
    aux[auxNames[i]] = aux_states[i];
  return bind(ctx, named, aux);
}

Executor Symbol::simple_bind(Context ctx, const std::map<std::string, Shape> &shapes,
                             const std::map<std::string, std::string> &type_dict) const {
  ShapeInference inferred = infer_shape(shapes);
  if (!inferred.complete)
    fail("simple_bind: " + inferred.warning);
  TypeInference types = infer_type_partial(type_dict);
  auto dtypeOf = [&](const std::vector<std::optional<std::string>> &t, size_t i) {
    return i < t.size() && t[i] ? *t[i] : std::string("float32");
  };
  std::vector<NDArray> args, aux;
  for (size_t i = 0; i < inferred.arg_shapes.size(); ++i)
    args.push_back(NDArray::zeros(inferred.arg_shapes[i], dtypeOf(types.arg_types, i)));
  for (size_t i = 0; i < inferred.aux_shapes.size(); ++i)
    aux.push_back(NDArray::zeros(inferred.aux_shapes[i], dtypeOf(types.aux_types, i)));
  return bind(ctx, args, aux);
}

std::vector<NDArray> Symbol::eval(const std::map<std::string, NDArray> &kwargs,
                                  Context ctx) const {
  Executor exe = bind(ctx, kwargs);
  return exe.forward();
}

} // namespace symc
