//===- sym-compile.cpp - compile an MXNet model ahead of time -------------===//
//
//   sym-compile model-symbol.json --params model-0000.params \
//       --input data=1x3x224x224 --name resnet18 --emit=so -o resnet18.so
//
// Writes an object file or shared library with the C ABI of
// symc_runtime.h, plus <name>.h and symc_runtime.h next to it; or the
// lowered module as MLIR (--emit=mlir) or LLVM IR (--emit=llvm). The weights
// are baked in as read-only data. The artifact needs no LLVM, MLIR or
// Python at run time; with --threads other than 1, it runs parallel code
// and needs LLVM's OpenMP runtime (libomp), which a shared library links.
//
//===----------------------------------------------------------------------===//

#include "symc/Conversion/Passes.h"
#include "symc/Execution/AOTCompiler.h"
#include "symc/Execution/CompiledModel.h"
#include "symc/Execution/SampleSplit.h"
#include "symc/Import/MXNetJson.h"
#include "symc/Import/HostArray.h"
#include "symc/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "symc/Dialect/SymDialect.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace llvm;
using namespace symc;

namespace {
cl::OptionCategory category("sym-compile options");
cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                               cl::desc("<model-symbol.json>"), cl::cat(category));
cl::opt<std::string> paramsPath("params", cl::desc("the model's .params file"),
                                cl::value_desc("file"), cl::cat(category));
cl::list<std::string> inputs("input", cl::desc("an input and its shape"),
                             cl::value_desc("name=1x3x224x224"), cl::cat(category));
cl::list<std::string> dtypes("dtype",
                             cl::desc("an input's dtype (default float32)"),
                             cl::value_desc("name=float32"), cl::cat(category));
enum class Emit { Object, Shared, MLIR, LLVM, PTX };
cl::opt<Emit> emit("emit", cl::desc("what to write"), cl::init(Emit::Shared),
                   cl::values(clEnumValN(Emit::Object, "obj", "an object file"),
                              clEnumValN(Emit::Shared, "so", "a shared library"),
                              clEnumValN(Emit::MLIR, "mlir",
                                         "the module lowered to the LLVM dialect"),
                              clEnumValN(Emit::LLVM, "llvm", "LLVM IR"),
                              clEnumValN(Emit::PTX, "ptx",
                                         "the GPU kernels' PTX (--target=cuda)")),
                   cl::cat(category));
cl::opt<std::string> outputPath("o", cl::desc("output file (default <name>.so, "
                                              ".o, .mlir, .ll or .ptx)"),
                                cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> modelName("name",
                               cl::desc("the C prefix of the model's functions "
                                        "(default: from the file name)"),
                               cl::value_desc("identifier"), cl::cat(category));
enum class Weights { Embed, External };
cl::opt<Weights> weights(
    "weights", cl::desc("where the weights live"), cl::init(Weights::Embed),
    cl::values(clEnumValN(Weights::Embed, "embed", "read-only data of the artifact"),
               clEnumValN(Weights::External, "external",
                          "read from a .params file when the model is created")),
    cl::cat(category));
cl::opt<bool> cPredictAPI(
    "c-predict-api",
    cl::desc("also implement MXNet's c_predict_api (MXPredCreate, ...) for "
             "this model; implies --weights=external"),
    cl::init(false), cl::cat(category));
cl::list<std::string> wrapperFlags(
    "wrapper-cflag", cl::desc("an extra flag for compiling the C wrapper "
                              "(e.g. -fsanitize=thread in tests)"),
    cl::Hidden, cl::cat(category));
cl::opt<Target> target("target", cl::desc("where the model runs"),
                       cl::init(Target::CPU),
                       cl::values(clEnumValN(Target::CPU, "cpu", "the host CPU"),
                                  clEnumValN(Target::CUDA, "cuda",
                                             "an NVIDIA GPU (kernels in PTX or "
                                             "cubin, run through the CUDA driver)")),
                       cl::cat(category));
cl::opt<std::string> gpuArch("gpu-arch",
                             cl::desc("the GPU architecture (--target=cuda)"),
                             cl::init("sm_90"), cl::value_desc("sm_80|sm_90|..."),
                             cl::cat(category));
cl::opt<std::string> gpuFormat(
    "gpu-format",
    cl::desc("the kernels in the artifact: isa (PTX, compiled by the driver "
             "at load), bin (cubin, by ptxas now) or fatbin"),
    cl::init("isa"), cl::cat(category));
cl::opt<std::string> cudaToolkit(
    "cuda-toolkit",
    cl::desc("the CUDA toolkit for libdevice and ptxas (default $CUDA_HOME, "
             "else /usr/local/cuda)"),
    cl::value_desc("dir"), cl::cat(category));
cl::opt<std::string> targetCPU("target-cpu",
                               cl::desc("an LLVM CPU name (default: the host's)"),
                               cl::cat(category));
cl::opt<BatchSplit> &splitBatch = registerSplitBatchOption(category);
cl::opt<bool> passTiming("timing", cl::desc(kPassTimingHelp), cl::init(false),
                         cl::cat(category));
cl::opt<bool> fillMissing(
    "fill-missing",
    cl::desc("give arguments without a value sym-run's deterministic weight "
             "fill (to try a model whose weights you do not have)"),
    cl::init(false), cl::cat(category));
/// --threads N (see takeThreadsOption): 1 (the default) compiles serial
/// code.
unsigned threads = 1;
constexpr const char *kThreadsHelp =
    "  --threads=<uint>             - 1 (default): serial code; otherwise "
    "parallel code on LLVM's OpenMP runtime (libomp), which a shared library "
    "links and an object file leaves to the final link (-lomp); the threads "
    "at run time: $OMP_NUM_THREADS, else one per core\n";
cl::opt<uint64_t> maxParamsBytes("max-params-bytes",
                                 cl::desc("refuse params files declaring more"),
                                 cl::init(kDefaultMaxParamsBytes), cl::cat(category));

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

Error fail(const Twine &msg) {
  return createStringError(inconvertibleErrorCode(), msg);
}

/// The default model name: the file name without -symbol.json, as a C
/// identifier.
std::string defaultName() {
  StringRef stem = sys::path::filename(modelPath);
  stem.consume_back(".json");
  stem.consume_back("-symbol");
  std::string name;
  for (char c : stem)
    name += isAlnum(c) ? c : '_';
  if (name.empty() || isDigit(name[0]))
    name = "model_" + name;
  return name;
}

bool isIdentifier(StringRef name) {
  return !name.empty() && !isDigit(name[0]) &&
         llvm::all_of(name, [](char c) { return isAlnum(c) || c == '_'; });
}

/// The arguments the caller describes: params (values) and inputs (shapes).
Error collectArguments(StringMap<HostArray> &values, StringMap<ArgumentInfo> &given) {
  if (!paramsPath.empty()) {
    auto params = loadParamsFile(paramsPath, maxParamsBytes);
    if (!params)
      return params.takeError();
    for (HostArray &array : *params) {
      std::string name = splitParamName(array.name).second.str();
      ArgumentInfo info{array.dtype, array.shape, /*hasShape=*/true};
      given[name] = info;
      values[name] = std::move(array);
    }
  }
  StringMap<const DTypeInfo *> inputDTypes;
  for (StringRef item : dtypes) {
    auto [name, dtype] = item.split('=');
    const DTypeInfo *info = lookupDTypeByName(dtype);
    if (name.empty() || !info)
      return fail("--dtype expects NAME=DTYPE (float32, int32, ...), got '" +
                  item + "'");
    inputDTypes[name] = info;
  }
  for (StringRef item : inputs) {
    auto [name, shape] = item.split('=');
    if (name.empty() || shape.empty())
      return fail("--input expects NAME=1x3x224x224, got '" + item + "'");
    ArgumentInfo info;
    auto parsed = parseShapeArgument(shape);
    if (!parsed)
      return fail("--input " + item + ": " + toString(parsed.takeError()));
    info.shape = std::move(*parsed);
    info.hasShape = true;
    auto it = inputDTypes.find(name);
    info.dtype = it != inputDTypes.end() ? it->second : lookupDTypeByName("float32");
    given[name] = info;
  }
  return Error::success();
}

/// Runs a program, failing with its command line when it fails.
Error runProgram(StringRef program, ArrayRef<std::string> args) {
  SmallVector<StringRef> argv = {program};
  for (const std::string &a : args)
    argv.push_back(a);
  std::string message;
  int rc = sys::ExecuteAndWait(program, argv, std::nullopt, {}, 0, 0, &message);
  if (rc != 0)
    return fail("'" + join(argv, " ") + "' failed" +
                (message.empty() ? "" : ": " + message));
  return Error::success();
}

/// Whether the artifact runs parallel code (OpenMP).
bool isParallel() { return threads != 1 && target == Target::CPU; }

/// The link of a shared library artifact.
std::vector<std::string> sharedLinkArgs(StringRef out, ArrayRef<std::string> objects) {
  std::vector<std::string> args = {"-shared", "-o", out.str()};
  llvm::append_range(args, objects);
  llvm::append_range(args, ArrayRef<std::string>{
                               SYMC_RUNTIME_LIBRARY, "-lm", "-ldl",
                               // The runtime's symbols stay private to the
                               // library: two models in one process never
                               // interpose.
                               "-Wl,--exclude-libs,ALL"});
  if (isParallel()) {
    args.push_back(SYMC_LIBOMP);
    args.push_back(("-Wl,-rpath," + sys::path::parent_path(SYMC_LIBOMP)).str());
  }
  return args;
}

/// A relocatable link of `objects` with the runtime kernels, for the final
/// link of the user's program.
std::vector<std::string> relocatableLinkArgs(StringRef out, ArrayRef<std::string> objects) {
  std::vector<std::string> args = {"-r", "-nostdlib", "-o", out.str()};
  llvm::append_range(args, objects);
  llvm::append_range(args, ArrayRef<std::string>{"-Wl,--whole-archive", SYMC_RUNTIME_LIBRARY,
                                                 "-Wl,--no-whole-archive"});
  return args;
}

/// The C/C++ compiler driver that builds and links the artifact.
std::string findCompiler(StringRef name) {
  std::string path = (Twine(SYMC_LLVM_TOOLS_DIR) + "/" + name).str();
  if (sys::fs::can_execute(path))
    return path;
  if (auto found = sys::findProgramByName(name))
    return *found;
  return name.str();
}

Error writeFile(StringRef path, StringRef text) {
  std::error_code ec;
  raw_fd_ostream os(path, ec);
  if (ec)
    return fail("cannot write '" + path + "': " + ec.message());
  os << text;
  os.close();
  if (os.has_error()) {
    std::string message = os.error().message();
    os.clear_error(); // else the stream's destructor aborts
    return fail("cannot write '" + path + "': " + message);
  }
  return Error::success();
}

/// Object file, header, wrapper, then the final .o (a relocatable link with
/// the runtime kernels) or .so.
Error writeArtifact(ArrayRef<std::unique_ptr<MemoryBuffer>> objects, StringRef name,
                    const ModelSignature &signature,
                    const WrapperOptions &wrapper, StringRef out) {
  SmallString<128> dir(sys::path::parent_path(out));
  if (dir.empty())
    dir = ".";
  SmallString<128> header(dir), runtimeHeader(dir);
  sys::path::append(header, name + ".h");
  sys::path::append(runtimeHeader, "symc_runtime.h");
  if (Error err = writeFile(header, generateModelHeader(name, signature, wrapper)))
    return err;
  if (Error err = writeFile(runtimeHeader, getRuntimeHeader()))
    return err;
  if (wrapper.cPredictAPI) {
    SmallString<128> predictHeader(dir);
    sys::path::append(predictHeader, "c_predict_api.h");
    if (Error err = writeFile(predictHeader, getPredictAPIHeader()))
      return err;
  }

  SmallString<128> tmpDir;
  if (std::error_code ec = sys::fs::createUniqueDirectory("sym-compile", tmpDir))
    return fail("cannot create a temporary directory: " + ec.message());
  llvm::scope_exit cleanup([&] { sys::fs::remove_directories(tmpDir); });
  std::vector<std::string> modelObjs;
  for (auto [i, object] : llvm::enumerate(objects)) {
    modelObjs.push_back((tmpDir + "/model" + Twine(i) + ".o").str());
    if (Error err = writeFile(modelObjs.back(), object->getBuffer()))
      return err;
  }
  std::string wrapperC = (tmpDir + "/wrapper.c").str();
  std::string wrapperObj = (tmpDir + "/wrapper.o").str();
  if (Error err = writeFile(wrapperC, generateModelWrapper(name, signature, wrapper)))
    return err;
  if (Error err = writeFile((tmpDir + "/symc_params.h").str(), getParamsHeader()))
    return err;
  std::string clang = findCompiler("clang");
  // gnu99: C99 plus __thread (c_predict_api's per-thread last error).
  std::vector<std::string> compileArgs = {"-c", "-O2", "-fPIC", "-std=gnu99",
                                         "-I", dir.str().str(), "-I",
                                         tmpDir.str().str(), wrapperC, "-o",
                                         wrapperObj};
  compileArgs.insert(compileArgs.end(), wrapperFlags.begin(), wrapperFlags.end());
  if (Error err = runProgram(clang, compileArgs))
    return err;
  std::vector<std::string> linkInputs = modelObjs;
  linkInputs.push_back(wrapperObj);
  // Written next to the output, then renamed: no partial artifact on failure.
  std::string partial = (out + ".partial").str();
  Error linked =
      emit == Emit::Shared
          ? runProgram(findCompiler("clang++"), sharedLinkArgs(partial, linkInputs))
          : runProgram(clang, relocatableLinkArgs(partial, linkInputs));
  if (linked) {
    sys::fs::remove(partial);
    return linked;
  }
  if (std::error_code ec = sys::fs::rename(partial, out))
    return fail("cannot write '" + out + "': " + ec.message());
  return Error::success();
}

Error compileModel(mlir::MLIRContext &ctx) {
  auto start = Clock::now();
  std::string name = modelName.empty() ? defaultName() : modelName.getValue();
  if (!isIdentifier(name))
    return fail("--name must be a C identifier, got '" + name + "'");
  WrapperOptions wrapper;
  wrapper.cPredictAPI = cPredictAPI;
  wrapper.externalWeights = weights == Weights::External || cPredictAPI;
  if (wrapper.externalWeights && paramsPath.empty())
    return fail("--weights=external needs --params (for the weights' shapes "
                "and dtypes)");
  if (wrapper.externalWeights && fillMissing)
    return fail("--fill-missing gives weights that no .params file holds; use "
                "--weights=embed");
  if (emit == Emit::PTX && (target != Target::CUDA || gpuFormat != "isa"))
    return fail("--emit=ptx needs --target=cuda and --gpu-format=isa");
  if (target == Target::CUDA) {
    std::string toolkit = cudaToolkit.empty() ? getCudaToolkitPath({}) : cudaToolkit.getValue();
    if (!sys::fs::exists(toolkit + "/nvvm/libdevice/libdevice.10.bc"))
      return fail("--target=cuda needs the CUDA toolkit's libdevice, not found in '" +
                  toolkit + "' (give --cuda-toolkit or $CUDA_HOME)");
  }
  std::string out = outputPath;
  if (out.empty()) {
    const char *extension[] = {".o", ".so", ".mlir", ".ll", ".ptx"};
    out = name + extension[static_cast<int>(emit.getValue())];
  }

  auto file = MemoryBuffer::getFile(modelPath, /*IsText=*/true);
  if (!file)
    return fail(modelPath + ": cannot read: " + file.getError().message());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      importMXNetJson((*file)->getBuffer(), modelPath, &ctx);
  if (!module)
    return fail("cannot import " + modelPath);
  if (failed(checkOperatorsSupported(*module)))
    return fail("cannot compile " + modelPath);
  StringMap<HostArray> values;
  StringMap<ArgumentInfo> given;
  if (Error err = collectArguments(values, given))
    return err;
  if (Error err = inferModelSignature(*module, given, fillMissing))
    return err;
  if (fillMissing) {
    auto main = module->lookupSymbol<mlir::func::FuncOp>("main");
    for (unsigned i = 0, e = main.getNumArguments(); i < e; ++i) {
      auto nameAttr = main.getArgAttrOfType<mlir::StringAttr>(i, sym::kArgNameAttr);
      auto type = dyn_cast<mlir::RankedTensorType>(main.getArgumentTypes()[i]);
      if (!nameAttr || given.count(nameAttr.getValue()) || !type ||
          !type.hasStaticShape() || !type.getElementType().isF32())
        continue;
      values[nameAttr.getValue()] =
          makeDeterministicFill(nameAttr.getValue(), type.getShape(), /*weight=*/true);
    }
  }
  // Before the weights become constants: the labels still hold the batch.
  std::vector<std::string> weightNames;
  for (const auto &entry : values)
    weightNames.push_back(entry.getKey().str());
  auto [oneSample, split] = compileForOneSample(
      *module, weightNames, target == Target::CPU ? splitBatch.getValue() : BatchSplit::Never);
  if (oneSample)
    module = std::move(oneSample);
  StringSet<> perSampleNames;
  if (split.samples > 1) {
    auto main = module->lookupSymbol<mlir::func::FuncOp>("main");
    for (unsigned i = 0, e = main.getNumArguments(); i < e; ++i)
      if (split.perSample[i])
        perSampleNames.insert(getArgumentName(main, i));
    // A label's fill holds the batch; embedArguments gives it the sample's
    // zeros instead (inference does not read it).
    for (const auto &name : perSampleNames)
      values.erase(name.getKey());
  }
  // Embedded weights become constants; external ones stay arguments that
  // the wrapper fills from the .params file. Labels are always constants.
  if (Error err = embedArguments(*module, wrapper.externalWeights
                                              ? StringMap<HostArray>()
                                              : values))
    return err;
  CodegenOptions codegen;
  codegen.target = target;
  codegen.parallel = isParallel();
  codegen.passTiming = passTiming;
  codegen.gpuChip = gpuArch;
  codegen.gpuFormat = gpuFormat;
  codegen.cudaToolkit = cudaToolkit;
  wrapper.cuda = target == Target::CUDA;
  // The wrapper uploads external weights once, at create.
  if (wrapper.cuda && wrapper.externalWeights)
    for (const auto &entry : values)
      codegen.constantArguments.push_back(entry.getKey().str());
  auto signature = lowerToLLVMDialect(*module, name + "_main", codegen);
  if (!signature)
    return signature.takeError();
  // The generated wrapper has no prepare call: constant arguments are only
  // passed for CUDA, whose pipeline does not hoist.
  if (!signature->prepare.empty())
    return fail("internal error: the model has a prepare step, which "
                "compiled artifacts do not run yet");
  for (TensorSignature &arg : signature->arguments)
    arg.isWeight = values.count(arg.name) != 0;
  // Embedding removed arguments: which of those left hold the batch, by name.
  SmallVector<bool> perSample;
  for (const TensorSignature &arg : signature->arguments)
    perSample.push_back(perSampleNames.contains(arg.name));
  widenToBatch(*signature, split.samples, perSample);
  if (wrapper.cPredictAPI &&
      llvm::none_of(signature->arguments,
                    [](const TensorSignature &t) { return !t.isWeight; }))
    return fail("--c-predict-api needs a model with at least one input");
  double lowerMs = msSince(start);

  if (emit == Emit::PTX) {
    auto ptx = getKernelPTX(*module);
    if (!ptx)
      return ptx.takeError();
    return writeFile(out, *ptx);
  }
  if (emit == Emit::MLIR) {
    std::string text;
    raw_string_ostream os(text);
    module->print(os);
    return writeFile(out, text);
  }
  if (emit == Emit::LLVM) {
    LLVMContext llvmContext;
    auto llvmModule = translateToLLVMIR(*module, llvmContext, TargetOptions{targetCPU});
    if (!llvmModule)
      return llvmModule.takeError();
    std::string text;
    raw_string_ostream os(text);
    (*llvmModule)->print(os, nullptr);
    return writeFile(out, text);
  }
  auto objects = compileObjectFiles(*module, TargetOptions{targetCPU});
  if (!objects)
    return objects.takeError();
  if (Error err = writeArtifact(*objects, name, *signature, wrapper, out))
    return err;
  uint64_t size = 0;
  sys::fs::file_size(out, size);
  size_t numWeights = wrapper.externalWeights
                          ? llvm::count_if(signature->arguments,
                                           [](const TensorSignature &t) { return t.isWeight; })
                          : 0;
  outs() << "wrote " << out << " (" << format("%.1f", size / 1024.0) << " KiB) and "
         << name << ".h: " << signature->arguments.size() - numWeights << " input(s), "
         << signature->results.size() << " output(s)";
  if (numWeights)
    outs() << ", " << numWeights << " weight(s) read from a .params file at create";
  outs() << format("; %.4g GFLOP per run", signature->floatOps / 1e9);
  if (signature->samples > 1)
    outs() << "; the batch of " << signature->samples << " runs one sample at a time";
  if (isParallel())
    outs() << (emit == Emit::Shared ? "; parallel (links libomp)"
                                    : "; parallel (link it with -lomp)");
  outs() << "; lowering "
         << format("%.0f", lowerMs) << " ms, total "
         << format("%.0f", msSince(start)) << " ms\n";
  return Error::success();
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  if (!takeThreadsOption("sym-compile", argc, argv, threads))
    return 1;
  registerPassManagerCommandLine();
  cl::HideUnrelatedOptions(category);
  std::string overview =
      std::string("sym-compile: compile an MXNet model into an object file or a "
                  "shared library with a C ABI (no LLVM, MLIR or Python needed to "
                  "run it)\n\n") +
      kThreadsHelp;
  cl::ParseCommandLineOptions(argc, argv, overview);
  return runCodegenTool("sym-compile", compileModel);
}
