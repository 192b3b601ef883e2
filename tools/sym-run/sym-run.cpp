//===- sym-run.cpp - JIT-compile and run an MXNet model -------------------===//
//
//   sym-run model-symbol.json --params model-0000.params \
//           --input data=image.npy --output prob.npy
//
// Inputs come from .npy files (shape and dtype from the file) or from
// --shape NAME=1x3x224x224 with a deterministic fill. Prints each output's
// shape and checksum and the compile and run times.
//
//===----------------------------------------------------------------------===//

#include "symc/Conversion/Passes.h"
#include "symc/Execution/CompiledModel.h"
#include "symc/Import/MXNetJson.h"
#include "symc/Import/HostArray.h"
#include "symc/Pipelines/Pipelines.h"
#include "symc/Runtime/Profile.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include "mlir/IR/Diagnostics.h"

#include <chrono>
#include <map>
#include <set>
#include <cmath>

using namespace llvm;
using namespace symc;

namespace {
cl::OptionCategory category("sym-run options");
cl::opt<std::string> modelPath(cl::Positional, cl::Required,
                               cl::desc("<model-symbol.json>"), cl::cat(category));
cl::opt<std::string> paramsPath("params", cl::desc("the model's .params file"),
                                cl::value_desc("file"), cl::cat(category));
cl::list<std::string> inputs("input", cl::desc("an input from a .npy file"),
                             cl::value_desc("name=file.npy"), cl::cat(category));
cl::list<std::string> shapes("shape",
                             cl::desc("an input of this shape, filled "
                                      "deterministically"),
                             cl::value_desc("name=1x3x224x224"), cl::cat(category));
cl::list<std::string> outputs("output",
                              cl::desc("write the i-th output to this .npy "
                                       "(repeat for several outputs)"),
                              cl::value_desc("file.npy"), cl::cat(category));
cl::opt<bool> fillMissing(
    "fill-missing",
    cl::desc("give arguments missing from the params file the deterministic "
             "fill of --shape (to try a model whose weights you do not have)"),
    cl::init(false), cl::cat(category));
cl::opt<unsigned> repeat("repeat",
                         cl::desc("run this many times after a warm-up run, "
                                  "report the median"),
                         cl::init(1), cl::cat(category));
cl::opt<std::string> optimizeFor(
    "optimize-for",
    cl::desc("partition the graph with this subgraph backend first, as "
             "MXNet's optimize_for (e.g. symc, default)"),
    cl::value_desc("backend"), cl::cat(category));
cl::list<std::string> optimizeOptions(
    "optimize-option", cl::desc("an option of --optimize-for's backend"),
    cl::value_desc("key=value"), cl::cat(category));
cl::opt<Target> target("target", cl::desc("where the model runs"),
                       cl::init(Target::CPU),
                       cl::values(clEnumValN(Target::CPU, "cpu", "the host CPU"),
                                  clEnumValN(Target::CUDA, "cuda",
                                             "an NVIDIA GPU, through the CUDA driver")),
                       cl::cat(category));
cl::opt<std::string> gpuArch("gpu-arch",
                             cl::desc("the GPU architecture (--target=cuda)"),
                             cl::init("sm_90"), cl::value_desc("sm_80|sm_90|..."),
                             cl::cat(category));
cl::opt<bool> emulateGPU(
    "emulate-gpu",
    cl::desc("with --target=cuda, run the kernels as host loops (tests the "
             "GPU mapping without a GPU)"),
    cl::init(false), cl::Hidden, cl::cat(category));
/// --threads N (see takeThreadsOption).
unsigned threads = 0;
cl::opt<BatchSplit> &splitBatch = registerSplitBatchOption(category);
cl::opt<bool> passTiming("timing", cl::desc(kPassTimingHelp), cl::init(false),
                         cl::cat(category));
cl::opt<bool> profile(
    "profile",
    cl::desc("time every kernel and print where the run time goes, by MXNet "
             "node"),
    cl::init(false), cl::cat(category));
cl::opt<unsigned> profileTop("profile-top",
                             cl::desc("--profile: how many nodes to list"),
                             cl::init(25), cl::cat(category));
cl::opt<bool> profileKernels(
    "profile-kernels",
    cl::desc("--profile, and also list every kernel in the order of the code, "
             "with its node (a node may run several: padding, packing, loops)"),
    cl::init(false), cl::cat(category));
cl::opt<bool> winograd(
    "winograd",
    cl::desc("CPU: compute 3x3 stride-1 convolutions with enough channels as "
             "Winograd F(4x4, 3x3) or F(2x2, 3x3), 4 or 2.25 times fewer multiplications "
             "(--winograd=false: the direct schedule)"),
    cl::init(true), cl::cat(category));
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

Expected<std::pair<StringRef, StringRef>> splitNamed(StringRef item,
                                                     StringRef flag) {
  auto [name, value] = item.split('=');
  if (name.empty() || value.empty())
    return fail("--" + flag + " expects NAME=VALUE, got '" + item + "'");
  return std::make_pair(name, value);
}

/// All values the model gets: params, then --input and --shape inputs.
Expected<StringMap<HostArray>> collectValues() {
  StringMap<HostArray> values;
  if (!paramsPath.empty()) {
    auto params = loadParamsFile(paramsPath, maxParamsBytes);
    if (!params)
      return params.takeError();
    for (HostArray &array : *params) {
      std::string name = splitParamName(array.name).second.str();
      values[name] = std::move(array);
    }
  }
  for (StringRef item : inputs) {
    auto named = splitNamed(item, "input");
    if (!named)
      return named.takeError();
    auto array = readNpyFile(named->second);
    if (!array)
      return array.takeError();
    values[named->first] = std::move(*array);
  }
  for (StringRef item : shapes) {
    auto named = splitNamed(item, "shape");
    if (!named)
      return named.takeError();
    auto parsed = parseShapeArgument(named->second);
    if (!parsed)
      return fail("--shape " + item + ": " + toString(parsed.takeError()));
    SmallVector<int64_t> dims = std::move(*parsed);
    std::optional<uint64_t> bytes =
        getByteSize(dims, *lookupDTypeByName("float32"));
    if (!bytes || *bytes > maxParamsBytes)
      return fail("--shape " + item + ": the input would exceed " +
                  Twine(maxParamsBytes) + " bytes (--max-params-bytes)");
    values[named->first] = makeDeterministicFill(named->first, dims, /*weight=*/false);
  }
  return values;
}

/// --profile's table: each node's kernels summed, the costliest first,
/// per run; with --profile-kernels, then each kernel in the order of the
/// code.
void printProfile(const CompiledModel &model, unsigned runs, double runMs) {
  struct NodeTime {
    double ms = 0;
    std::set<std::string> kinds;
  };
  std::map<std::string, NodeTime> nodes;
  double totalMs = 0;
  std::string kernelLines;
  raw_string_ostream kernelList(kernelLines);
  for (auto [id, kernel] : llvm::enumerate(model.getProfiledKernels())) {
    auto [node, kind] = StringRef(kernel).split('\t');
    double ms = symc_profile_nanoseconds(id) / 1e6 / runs;
    nodes[node.str()].ms += ms;
    nodes[node.str()].kinds.insert(kind.str());
    totalMs += ms;
    if (profileKernels)
      kernelList << format("  %5zu  %9.4f  ", id, ms) << node << "  (" << kind << ")\n";
  }
  std::vector<std::pair<std::string, NodeTime>> sorted(nodes.begin(), nodes.end());
  llvm::sort(sorted, [](const auto &a, const auto &b) { return a.second.ms > b.second.ms; });
  outs() << format("profile (ms per run; kernels %.3f of %.3f ms):\n", totalMs, runMs);
  for (const auto &[node, time] : ArrayRef(sorted).take_front(profileTop)) {
    outs() << format("  %9.3f  %5.1f%%  ", time.ms,
                     totalMs > 0 ? 100 * time.ms / totalMs : 0.0)
           << node << "  (";
    interleave(time.kinds, outs(), ", ");
    outs() << ")\n";
  }
  if (sorted.size() > profileTop)
    outs() << "  ... " << (sorted.size() - profileTop) << " more nodes\n";
  if (profileKernels)
    outs() << "kernels in code order (ms per run; those that prepare the weights, "
              "once, last):\n"
           << kernelLines;
}

void printSummary(const TensorSignature &sig, const HostArray &out) {
  outs() << "output " << sig.name << ": (";
  interleave(sig.shape, outs(), ", ");
  outs() << ") " << sig.dtype->name;
  if (sig.dtype->name == "float32") {
    const auto *v = reinterpret_cast<const float *>(out.data.data());
    double sum = 0, absSum = 0;
    for (int64_t i = 0, e = out.numElements(); i < e; ++i) {
      sum += v[i];
      absSum += std::fabs(v[i]);
    }
    outs() << format(" sum=%.6g mean|x|=%.6g", sum,
                     out.numElements() ? absSum / out.numElements() : 0.0);
  }
  outs() << "\n";
}

Error runModel(mlir::MLIRContext &ctx) {
  auto file = MemoryBuffer::getFile(modelPath, /*IsText=*/true);
  if (!file)
    return fail(modelPath + ": cannot read: " + file.getError().message());
  auto start = Clock::now();
  mlir::OwningOpRef<mlir::ModuleOp> module =
      importMXNetJson((*file)->getBuffer(), modelPath, &ctx);
  if (!module)
    return fail("cannot import " + modelPath);
  if (failed(checkOperatorsSupported(*module)))
    return fail("cannot compile " + modelPath);
  if (!optimizeFor.empty()) {
    Expected<unsigned> count =
        partitionModel(*module, optimizeFor, optimizeOptions);
    if (!count)
      return count.takeError();
    outs() << "optimize_for(" << optimizeFor << "): " << *count
           << " subgraph(s)\n";
  }
  auto values = collectValues();
  if (!values)
    return values.takeError();

  StringMap<ArgumentInfo> given;
  for (auto &entry : *values) {
    ArgumentInfo info;
    info.dtype = entry.second.dtype;
    info.shape = entry.second.shape;
    info.hasShape = true;
    given[entry.getKey()] = info;
  }
  if (Error err = inferModelSignature(*module, given, fillMissing))
    return err;
  CodegenOptions codegen;
  codegen.profile = profile;
  codegen.passTiming = passTiming;
  codegen.parallel = threads != 1 && target == Target::CPU;
  codegen.winograd = winograd;
  codegen.target = target;
  codegen.gpuChip = gpuArch;
  codegen.emulateGPU = emulateGPU;
  codegen.splitBatch = splitBatch;
  {
    // Everything but the inputs (weights, fills, labels) is constant: on
    // the CPU, their re-layouts run once; on a GPU, they are uploaded once.
    StringSet<> inputNames;
    for (StringRef item : inputs)
      inputNames.insert(item.split('=').first);
    for (StringRef item : shapes)
      inputNames.insert(item.split('=').first);
    auto main = module->lookupSymbol<mlir::func::FuncOp>("main");
    for (unsigned i = 0, e = main.getNumArguments(); i < e; ++i)
      if (!inputNames.contains(getArgumentName(main, i)))
        codegen.constantArguments.push_back(getArgumentName(main, i).str());
  }
  CompiledModel::setThreads(threads);
  auto model = CompiledModel::compile(*module, codegen);
  if (!model)
    return model.takeError();
  double compileMs = msSince(start);

  // Arguments in signature order; labels that need no value get zeros,
  // and with --fill-missing other missing arguments the deterministic fill.
  std::vector<std::vector<char>> scratch;
  SmallVector<const void *> args;
  for (const TensorSignature &sig : (*model)->getArguments()) {
    auto it = values->find(sig.name);
    if (it != values->end()) {
      if (it->second.data.size() != (size_t)sig.byteSize())
        return fail("'" + sig.name + "' has " + Twine(it->second.data.size()) +
                    " bytes, the model needs " + Twine(sig.byteSize()));
      args.push_back(it->second.data.data());
      continue;
    }
    if (fillMissing && sig.dtype->name == "float32" &&
        !sig.isLabel) {
      HostArray filled = makeDeterministicFill(sig.name, sig.shape, /*weight=*/true);
      scratch.push_back(std::move(filled.data));
    } else {
      scratch.emplace_back(sig.byteSize(), 0);
    }
    args.push_back(scratch.back().data());
  }
  SmallVector<HostArray> results;
  SmallVector<void *> outPtrs;
  for (const TensorSignature &sig : (*model)->getResults()) {
    HostArray &out = results.emplace_back();
    out.name = sig.name;
    out.dtype = sig.dtype;
    out.shape = sig.shape;
    out.data.resize(sig.byteSize());
  }
  for (HostArray &out : results)
    outPtrs.push_back(out.data.data());

  // With --repeat N > 1: one untimed warm-up run (first-touch page
  // faults, thread start-up), then the median of N timed runs.
  unsigned runs = std::max(1u, (unsigned)repeat);
  if (runs > 1) {
    if (Error err = (*model)->run(args, outPtrs))
      return err;
    symc_profile_reset();
  }
  std::vector<double> times;
  for (unsigned i = 0; i < runs; ++i) {
    auto runStart = Clock::now();
    if (Error err = (*model)->run(args, outPtrs))
      return err;
    times.push_back(msSince(runStart));
  }
  llvm::sort(times);
  double runMs = runs % 2 ? times[runs / 2]
                          : (times[runs / 2 - 1] + times[runs / 2]) / 2;

  for (auto [sig, out] : llvm::zip((*model)->getResults(), results))
    printSummary(sig, out);
  if (profile)
    printProfile(**model, runs, runMs);
  outs() << format("compile: %.1f ms, run: %.3f ms", compileMs, runMs);
  if (runs > 1)
    outs() << " (median of " << runs << " runs after a warm-up)";
  if (uint64_t flops = (*model)->getFloatOps())
    outs() << format("; %.4g GFLOP per run, %.4g GFLOP/s", flops / 1e9,
                     runMs > 0 ? flops / (runMs * 1e6) : 0.0);
  if (int64_t samples = (*model)->getRunsPerCall(); samples > 1)
    outs() << "; the batch of " << samples << " runs one sample at a time";
  outs() << "\n";
  if (outputs.size() > results.size())
    return fail("--output given " + Twine(outputs.size()) +
                " times but the model has " + Twine(results.size()) +
                " outputs");
  for (auto [path, out] : llvm::zip(outputs, results))
    if (Error err = writeNpyFile(path, out))
      return err;
  return Error::success();
}
} // namespace

int main(int argc, char **argv) {
  InitLLVM init(argc, argv);
  if (!takeThreadsOption("sym-run", argc, argv, threads))
    return 1;
  registerPassManagerCommandLine();
  cl::HideUnrelatedOptions(category);
  std::string overview =
      std::string("sym-run: JIT-compile an MXNet Symbol model and run it on "
                  "the CPU\n\n") +
      "  --threads=<uint>           - worker threads for matmuls and convolutions "
      "(OpenMP); 1 compiles serial code; default 0: one per core\n";
  cl::ParseCommandLineOptions(argc, argv, overview);
  if (profileKernels)
    profile = true;
  return runCodegenTool("sym-run", runModel);
}
