//===- CompiledModel.cpp - JIT compilation and invocation of sym models ---===//

#include "symc/Execution/CompiledModel.h"
#include "symc/Execution/AOTCompiler.h"
#include "symc/Execution/ModelJIT.h"
#include "symc/Execution/SampleSplit.h"

#include <thread>

#include "symc/Dialect/SymDialect.h"
#include "symc/Pipelines/Pipelines.h"
#include "symc/Runtime/CudaRuntime.h"
#include "symc/Runtime/Allocator.h"
#include "symc/Runtime/Kernels.h"
#include "symc/Runtime/Profile.h"
#include "symc/Transforms/FlopCount.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/Timing.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/TargetSelect.h"
#include <mutex>

using namespace mlir;

// libomp's (omp.h is clang's, not on the include path of every compiler).
extern "C" void omp_set_num_threads(int threads);
extern "C" int omp_get_max_threads(void);
using symc::sym::PartialShape;

namespace symc {
namespace {

llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// Runs `pm` on `module`, turning diagnostics into an llvm::Error.
llvm::Error runPasses(PassManager &pm, ModuleOp module) {
  std::string messages;
  ScopedDiagnosticHandler handler(module.getContext(), [&](Diagnostic &diag) {
    if (diag.getSeverity() != DiagnosticSeverity::Error)
      return success();
    std::string text;
    llvm::raw_string_ostream os(text);
    os << diag;
    for (Diagnostic &note : diag.getNotes())
      os << "\n  note: " << note;
    if (!messages.empty())
      messages += "\n";
    messages += text;
    return success();
  });
  // The pass-manager options of MLIR that a tool registered
  // (--mlir-print-ir-after=PASS, --mlir-pass-statistics, ...; see
  // registerPassManagerCLOptions) apply to every pipeline it runs; where
  // none are registered this does nothing.
  (void)applyPassManagerCLOptions(pm);
  if (failed(pm.run(module)))
    return makeError(messages.empty() ? "compilation failed" : messages);
  return llvm::Error::success();
}

func::FuncOp getMain(ModuleOp module) {
  return module.lookupSymbol<func::FuncOp>("main");
}

StringRef argName(func::FuncOp func, unsigned i) {
  return getArgumentName(func, i);
}

/// 1 TiB: far beyond any model, far below where sizes overflow.
constexpr uint64_t kMaxTensorBytes = uint64_t(1) << 40;

llvm::Expected<TensorSignature> signatureOf(Type type, StringRef name) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  const DTypeInfo *dtype =
      ranked ? lookupDTypeByType(ranked.getElementType()) : nullptr;
  if (!ranked || !ranked.hasStaticShape() || !dtype)
    return makeError("'" + name + "' has no static shape and dtype after "
                     "inference");
  // Buffers of this model are host arrays: their size must be representable.
  std::optional<uint64_t> bytes = getByteSize(ranked.getShape(), *dtype);
  if (!bytes || *bytes > kMaxTensorBytes)
    return makeError("'" + name + "' is too large (" +
                     PartialShape(ranked.getShape()).str() + " " + dtype->name +
                     ")");
  TensorSignature sig;
  sig.name = name.str();
  sig.dtype = dtype;
  sig.shape.assign(ranked.getShape().begin(), ranked.getShape().end());
  return sig;
}

/// The memref descriptor of a dense row-major buffer: {allocated, aligned,
/// offset, sizes[rank], strides[rank]}, all 8-byte fields.
SmallVector<int64_t> makeDescriptor(const void *data, ArrayRef<int64_t> shape) {
  SmallVector<int64_t> desc = {reinterpret_cast<int64_t>(data),
                               reinterpret_cast<int64_t>(data), 0};
  llvm::append_range(desc, shape);
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = (int64_t)shape.size() - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  llvm::append_range(desc, strides);
  return desc;
}

/// The kernels of lib/Runtime, which lowered ops call, for the JIT to
/// resolve (AOT artifacts link them instead).
llvm::StringMap<void *> runtimeKernels() {
  llvm::StringMap<void *> symbols;
#define SYMC_RUNTIME_SYMBOL(fn) symbols[#fn] = reinterpret_cast<void *>(&fn);
  SYMC_RUNTIME_SYMBOL(_mlir_ciface_symc_multibox_detection_f32)
  SYMC_RUNTIME_SYMBOL(_mlir_ciface_symc_box_nms_f32)
  SYMC_RUNTIME_SYMBOL(_mlir_ciface_symc_topk_f32)
  SYMC_RUNTIME_SYMBOL(_mlir_ciface_symc_histogram_uniform_f32)
  SYMC_RUNTIME_SYMBOL(_mlir_ciface_symc_histogram_f32)
  SYMC_RUNTIME_SYMBOL(memrefCopy)
  SYMC_RUNTIME_SYMBOL(symc_profile_enter)
  SYMC_RUNTIME_SYMBOL(symc_profile_exit)
  SYMC_RUNTIME_SYMBOL(_mlir_memref_to_llvm_alloc)
  SYMC_RUNTIME_SYMBOL(_mlir_memref_to_llvm_aligned_alloc)
  SYMC_RUNTIME_SYMBOL(_mlir_memref_to_llvm_free)
  SYMC_RUNTIME_SYMBOL(symc_lgamma_f32)
  SYMC_RUNTIME_SYMBOL(symc_lgamma_f64)
  SYMC_RUNTIME_SYMBOL(symc_erfinv_f32)
  SYMC_RUNTIME_SYMBOL(symc_erfinv_f64)
  // The GPU runtime (CUDA target).
  SYMC_RUNTIME_SYMBOL(symcGpuConstant)
  SYMC_RUNTIME_SYMBOL(mgpuModuleLoad)
  SYMC_RUNTIME_SYMBOL(mgpuModuleLoadJIT)
  SYMC_RUNTIME_SYMBOL(mgpuModuleUnload)
  SYMC_RUNTIME_SYMBOL(mgpuModuleGetFunction)
  SYMC_RUNTIME_SYMBOL(mgpuLaunchKernel)
  SYMC_RUNTIME_SYMBOL(mgpuStreamCreate)
  SYMC_RUNTIME_SYMBOL(mgpuStreamDestroy)
  SYMC_RUNTIME_SYMBOL(mgpuStreamSynchronize)
  SYMC_RUNTIME_SYMBOL(mgpuStreamWaitEvent)
  SYMC_RUNTIME_SYMBOL(mgpuEventCreate)
  SYMC_RUNTIME_SYMBOL(mgpuEventDestroy)
  SYMC_RUNTIME_SYMBOL(mgpuEventSynchronize)
  SYMC_RUNTIME_SYMBOL(mgpuEventRecord)
  SYMC_RUNTIME_SYMBOL(mgpuMemAlloc)
  SYMC_RUNTIME_SYMBOL(mgpuMemFree)
  SYMC_RUNTIME_SYMBOL(mgpuMemcpy)
  SYMC_RUNTIME_SYMBOL(mgpuMemset32)
  SYMC_RUNTIME_SYMBOL(mgpuMemset16)
#undef SYMC_RUNTIME_SYMBOL
  return symbols;
}

} // namespace

int64_t TensorSignature::numElements() const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

llvm::Error inferModelSignature(ModuleOp module,
                                const llvm::StringMap<ArgumentInfo> &given,
                                bool allowMissing) {
  func::FuncOp func = getMain(module);
  if (!func)
    return makeError("the module has no @main");
  // Values are bound by name: two arguments of one name would silently
  // share a value (MXNet's Module refuses such graphs too).
  llvm::StringMap<unsigned> indices;
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i)
    if (!indices.try_emplace(argName(func, i), i).second)
      return makeError("the model has two arguments named '" + argName(func, i) +
                       "' (arguments are bound by name: they would share one "
                       "value)");
  for (const auto &entry : given)
    if (!indices.count(entry.getKey()))
      return makeError("'" + entry.getKey() +
                       "' is not an argument of the model");

  Block &body = func.getBody().front();
  std::vector<std::string> missing;
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    BlockArgument arg = body.getArgument(i);
    auto it = given.find(argName(func, i));
    if (it == given.end()) {
      if (!allowMissing && !isOnlyUsedAsLabel(arg) && !arg.use_empty())
        missing.push_back(argName(func, i).str());
      continue;
    }
    const ArgumentInfo &info = it->second;
    auto type = cast<TensorType>(arg.getType());
    Type elt = info.dtype ? getMLIRType(func.getContext(), *info.dtype)
                          : type.getElementType();
    arg.setType(info.hasShape ? Type(RankedTensorType::get(info.shape, elt))
                              : type.clone(elt));
  }
  if (!missing.empty()) {
    constexpr size_t kListed = 8;
    std::string names = llvm::join(
        llvm::ArrayRef(missing).take_front(kListed), ", ");
    if (missing.size() > kListed)
      names += " and " + std::to_string(missing.size() - kListed) + " more";
    return makeError("no value for " + llvm::Twine(missing.size()) +
                     " argument(s): " + names +
                     " (not in the params file; give inputs with --input or "
                     "--shape)");
  }
  func.setFunctionType(FunctionType::get(func.getContext(),
                                         body.getArgumentTypes(),
                                         func.getResultTypes()));
  PassManager pm(module.getContext());
  pm.addNestedPass<func::FuncOp>(createSymInferShapes());
  pm.addNestedPass<func::FuncOp>(createSymInferTypes());
  return runPasses(pm, module);
}

StringRef getArgumentName(func::FuncOp func, unsigned i) {
  if (auto name = func.getArgAttrOfType<StringAttr>(i, sym::kArgNameAttr))
    return name.getValue();
  return "";
}

bool isOnlyUsedAsWeight(Value arg) {
  return !arg.use_empty() && llvm::all_of(arg.getUses(), [](OpOperand &use) {
    return use.getOperandNumber() > 0 &&
           use.getOwner()->hasTrait<sym::OpTrait::WeightsAfterData>();
  });
}

bool isOnlyUsedAsLabel(Value arg) {
  return !arg.use_empty() && llvm::all_of(arg.getUses(), [](OpOperand &use) {
    Operation *user = use.getOwner();
    // Into a subgraph: what its body does with the value.
    if (auto subgraph = dyn_cast<sym::SubgraphOp>(user))
      return isOnlyUsedAsLabel(
          subgraph.getBodyBlock().getArgument(use.getOperandNumber()));
    return isa<sym::SoftmaxOutputOp, sym::LinearRegressionOutputOp,
               sym::MAERegressionOutputOp, sym::LogisticRegressionOutputOp>(
               user) &&
           use.getOperandNumber() == 1;
  });
}

llvm::Expected<unsigned> partitionModel(ModuleOp module, StringRef backend,
                                        ArrayRef<std::string> options) {
  PassManager pm(module.getContext());
  SymPartitionOptions partitionOptions;
  partitionOptions.backend = backend.str();
  partitionOptions.backendOptions.assign(options.begin(), options.end());
  pm.addNestedPass<func::FuncOp>(createSymPartition(partitionOptions));
  if (llvm::Error err = runPasses(pm, module))
    return std::move(err);
  func::FuncOp func = getMain(module);
  if (!func)
    return makeError("the module has no @main");
  auto subgraphs = func.getBody().front().getOps<sym::SubgraphOp>();
  return (unsigned)std::distance(subgraphs.begin(), subgraphs.end());
}

void initializeNativeTarget() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
}

CompiledModel::~CompiledModel() = default;

void CompiledModel::setThreads(unsigned threads) {
  omp_set_num_threads(threads ? int(threads)
                              : int(std::max(1u, std::thread::hardware_concurrency())));
}

unsigned CompiledModel::getThreads() { return unsigned(std::max(1, omp_get_max_threads())); }

llvm::Expected<ModelSignature> lowerToLLVMDialect(ModuleOp module,
                                                  StringRef entryName,
                                                  const CodegenOptions &options) {
  func::FuncOp func = getMain(module);
  if (!func)
    return makeError("the module has no @main");
  ModelSignature signature;
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    auto sig = signatureOf(func.getArgumentTypes()[i], argName(func, i));
    if (!sig)
      return sig.takeError();
    sig->isAux = func.getArgAttr(i, sym::kArgAuxAttr) != nullptr;
    sig->isLabel = isOnlyUsedAsLabel(func.getArgument(i));
    signature.arguments.push_back(std::move(*sig));
  }
  for (unsigned i = 0, e = func.getNumResults(); i < e; ++i) {
    auto name = func.getResultAttrOfType<StringAttr>(i, sym::kArgNameAttr);
    auto sig = signatureOf(func.getResultTypes()[i],
                           name ? name.getValue() : "output" + std::to_string(i));
    if (!sig)
      return sig.takeError();
    signature.results.push_back(std::move(*sig));
  }

  MLIRContext *ctx = module.getContext();
  // The names are in the signature now; the LLVM translation would warn
  // about argument attributes it does not know.
  func.removeArgAttrsAttr();
  func.removeResAttrsAttr();
  for (auto [i, arg] : llvm::enumerate(signature.arguments))
    if (llvm::is_contained(options.constantArguments, arg.name))
      func.setArgAttr(i,
                      options.target == Target::CUDA ? kDeviceResidentAttr : kInvariantAttr,
                      UnitAttr::get(ctx));
  func.setSymName(entryName);
  setCInterfaceEntry(func);
  // In two halves, to count the arithmetic on linalg in between; one
  // timing report for both, printed when `timing` goes out of scope.
  DefaultTimingManager timing;
  timing.setEnabled(options.passTiming);
  timing.setDisplayMode(DefaultTimingManager::DisplayMode::Tree);
  TimingScope compileTime = timing.getRootScope();
  PassManager toLinalg(ctx);
  buildSymToLinalgPipeline(toLinalg);
  if (options.passTiming)
    toLinalg.enableTiming(compileTime);
  if (llvm::Error err = runPasses(toLinalg, module))
    return std::move(err);
  signature.floatOps = countFloatOps(module);
  PassManager toTarget(ctx);
  buildLinalgToTargetPipeline(toTarget, options);
  if (options.passTiming)
    toTarget.enableTiming(compileTime);
  if (llvm::Error err = runPasses(toTarget, module))
    return std::move(err);
  if (auto prepare = module->getAttrOfType<DictionaryAttr>(kPrepareAttr)) {
    signature.prepare.function = cast<StringAttr>(prepare.get("function")).str();
    signature.prepare.arguments =
        llvm::to_vector(cast<DenseI64ArrayAttr>(prepare.get("arguments")).asArrayRef());
    for (auto [i, type] : llvm::enumerate(cast<ArrayAttr>(prepare.get("types")))) {
      auto prepared = signatureOf(cast<TypeAttr>(type).getValue(),
                                  "prepared" + std::to_string(i));
      if (!prepared)
        return prepared.takeError();
      signature.prepare.results.push_back(std::move(*prepared));
    }
    module->removeAttr(kPrepareAttr);
  }
  if (auto kernels = module->getAttrOfType<ArrayAttr>("symc.profile_kernels"))
    for (Attribute kernel : kernels)
      signature.kernels.push_back(cast<StringAttr>(kernel).str());
  return signature;
}

namespace {

/// Prepared weights start on a cache line, as the AOT library's constants
/// do: at std::vector's 16-byte alignment every 64-byte vector load of a
/// packed filter tile split two lines (ResNet-18 at batch 1 on one core:
/// 24.7-25.1 -> 23.6-24.3 ms; SqueezeNet at batch 8, 1% faster).
constexpr size_t kPreparedAlignment = 64;

/// The first kPreparedAlignment-aligned byte of `buffer` (allocated that
/// much larger).
const char *alignedStart(const std::vector<char> &buffer) {
  auto address = reinterpret_cast<uintptr_t>(buffer.data());
  return buffer.data() + (-address & (kPreparedAlignment - 1));
}

/// Calls `entry`, a C-interface function, with a pointer to each of
/// `descriptors` (ModelJIT's packed convention: a pointer to each argument).
llvm::Error callWithDescriptors(const ModelJIT &engine, StringRef entry,
                                MutableArrayRef<SmallVector<int64_t>> descriptors) {
  SmallVector<void *> pointers, packed;
  for (SmallVector<int64_t> &descriptor : descriptors)
    pointers.push_back(descriptor.data());
  for (void *&pointer : pointers)
    packed.push_back(&pointer);
  return engine.invokePacked(entry, packed);
}

} // namespace

llvm::Expected<std::unique_ptr<CompiledModel>>
CompiledModel::compile(ModuleOp module, const CodegenOptions &options) {
  // The per-run constants are shared by the samples, like the constants.
  std::vector<std::string> shared = options.constantArguments;
  llvm::append_range(shared, options.perRunConstantArguments);
  auto [oneSample, split] = compileForOneSample(
      module, shared, options.target == Target::CPU ? options.splitBatch : BatchSplit::Never);
  if (oneSample)
    module = *oneSample;
  // Hoisted into the prepare step only where several samples share them;
  // in one run they stay arguments like the others.
  CodegenOptions codegen = options;
  bool prepareEachRun = split.samples > 1 && !options.perRunConstantArguments.empty();
  if (prepareEachRun)
    codegen.constantArguments = std::move(shared);
  auto signature = lowerToLLVMDialect(module, "main", codegen);
  if (!signature)
    return signature.takeError();
  widenToBatch(*signature, split.samples, split.perSample);
  std::unique_ptr<CompiledModel> model(new CompiledModel());
  model->usesGPU = codegen.target == Target::CUDA && !codegen.emulateGPU;
  for (const TensorSignature &arg : signature->arguments)
    model->deviceResident.push_back(
        codegen.target == Target::CUDA &&
        llvm::is_contained(codegen.constantArguments, arg.name));
  model->signature = std::move(*signature);
  model->prepareEachRun = prepareEachRun;

  ModelJIT::Options jit;
  jit.entryPoints.push_back("_mlir_ciface_main");
  const PrepareStep &prepare = model->signature.prepare;
  if (!prepare.empty())
    jit.entryPoints.push_back("_mlir_ciface_" + prepare.function);
  jit.runtimeSymbols = runtimeKernels();
  auto engine = ModelJIT::create(module, jit);
  if (!engine)
    return engine.takeError();
  model->engine = std::move(*engine);
  return model;
}

llvm::Error CompiledModel::run(ArrayRef<const void *> args,
                               ArrayRef<void *> outs) const {
  const auto &arguments = signature.arguments, &results = signature.results;
  const PrepareStep &prepare = signature.prepare;
  if (args.size() != arguments.size() || outs.size() != results.size())
    return makeError("the model takes " + llvm::Twine(arguments.size()) +
                     " arguments and " + llvm::Twine(results.size()) +
                     " results");
  if (usesGPU)
    if (const char *error = symcGpuBeginRun())
      return makeError(error);
  // The weights' share of the work: once, on the first run's arguments;
  // or at every run, once for all its samples.
  std::vector<std::vector<char>> ownPrepared;
  std::unique_lock<std::mutex> sharedPrepared(preparedMutex, std::defer_lock);
  const std::vector<std::vector<char>> *prepared = &preparedData;
  if (!prepare.empty() && prepareEachRun) {
    // The model's buffers where no other run uses them (fresh ones each run
    // would page-fault their way in).
    std::vector<std::vector<char>> *into = &ownPrepared;
    if (sharedPrepared.try_lock())
      into = &preparedData;
    if (llvm::Error err = runPrepare(args, *into))
      return err;
    prepared = into;
  } else if (!prepare.empty()) {
    std::call_once(prepareOnce, [&] {
      if (llvm::Error err = runPrepare(args, preparedData))
        prepareError = llvm::toString(std::move(err));
    });
    if (!prepareError.empty())
      return makeError(prepareError);
  }
  SmallVector<const void *> argData;
  for (auto [data, sig, resident] : llvm::zip(args, arguments, deviceResident))
    // Emulated kernels run on the host and read the caller's data directly.
    argData.push_back(resident && usesGPU ? symcGpuConstant(data, sig.byteSize()) : data);
  for (int64_t sample = 0; sample < signature.samples; ++sample)
    if (llvm::Error err = runSample(sample, argData, *prepared, outs))
      return err;
  if (usesGPU)
    if (const char *error = symcGpuEndRun())
      return makeError(error);
  return llvm::Error::success();
}

llvm::Error CompiledModel::runPrepare(ArrayRef<const void *> args,
                                      std::vector<std::vector<char>> &prepared) const {
  const PrepareStep &prepare = signature.prepare;
  SmallVector<SmallVector<int64_t>> descriptors;
  for (int64_t i : prepare.arguments)
    descriptors.push_back(makeDescriptor(args[i], signature.arguments[i].shape));
  if (prepared.empty())
    for (const TensorSignature &sig : prepare.results)
      prepared.emplace_back(sig.byteSize() + kPreparedAlignment);
  for (auto [data, sig] : llvm::zip(prepared, prepare.results))
    descriptors.push_back(makeDescriptor(alignedStart(data), sig.shape));
  return callWithDescriptors(*engine, "_mlir_ciface_" + prepare.function, descriptors);
}

llvm::Error CompiledModel::runSample(int64_t sample, ArrayRef<const void *> args,
                                     ArrayRef<std::vector<char>> prepared,
                                     ArrayRef<void *> outs) const {
  const auto &arguments = signature.arguments, &results = signature.results;
  const SmallVector<bool> &perSample = signature.perSample;
  int64_t samples = signature.samples;
  // Sample `sample` of a tensor that holds the batch (all of one that does
  // not): its address and shape.
  auto sliceOf = [&](const void *data, const TensorSignature &sig, bool perSample) {
    SmallVector<int64_t> shape(sig.shape);
    if (!perSample || samples == 1)
      return makeDescriptor(data, shape);
    shape[0] /= samples;
    int64_t bytes = sig.byteSize() / samples;
    return makeDescriptor(static_cast<const char *>(data) + sample * bytes, shape);
  };
  SmallVector<SmallVector<int64_t>> descriptors;
  for (auto [i, data] : llvm::enumerate(args))
    descriptors.push_back(
        sliceOf(data, arguments[i], !perSample.empty() && perSample[i]));
  for (auto [data, sig] : llvm::zip(prepared, signature.prepare.results))
    descriptors.push_back(makeDescriptor(alignedStart(data), sig.shape));
  for (auto [data, sig] : llvm::zip(outs, results))
    descriptors.push_back(sliceOf(data, sig, /*perSample=*/true));
  return callWithDescriptors(*engine, "_mlir_ciface_main", descriptors);
}

} // namespace symc
