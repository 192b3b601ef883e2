//===- CompiledModel.h - JIT-compiled sym models ------------------*- C++ -*-===//
//
// Takes an imported model, gives its arguments the shapes and dtypes of the
// values the caller has, runs inference and the CPU pipeline, JIT-compiles
// it for the host CPU on every core (ModelJIT.h), and runs it on host
// buffers.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_EXECUTION_COMPILEDMODEL_H
#define SYMC_EXECUTION_COMPILEDMODEL_H

#include "symc/Dialect/DType.h"
#include "symc/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <mutex>
#include <string>

namespace symc {
class ModelJIT;

/// One argument or result of the compiled `main`.
struct TensorSignature {
  std::string name;
  const DTypeInfo *dtype = nullptr;
  llvm::SmallVector<int64_t> shape;
  bool isAux = false;
  /// A training label (SoftmaxOutput's label): it needs no value.
  bool isLabel = false;
  /// A weight that a compiled model reads from its .params file at create.
  bool isWeight = false;

  int64_t numElements() const;
  int64_t byteSize() const { return numElements() * dtype->bytes; }
};

/// What depends only on the constant arguments, computed once by
/// `_mlir_ciface_<function>(entry arguments[arguments]..., results...)`;
/// the entry then takes `results` after its arguments. Empty when nothing
/// was hoisted.
struct PrepareStep {
  std::string function;
  llvm::SmallVector<int64_t> arguments;
  llvm::SmallVector<TensorSignature> results;
  bool empty() const { return function.empty(); }
};

/// The arguments and results of a model's entry, in call order.
struct ModelSignature {
  llvm::SmallVector<TensorSignature> arguments, results;
  /// With CodegenOptions::profile: kernel i's "<node name>\t<kind>".
  std::vector<std::string> kernels;
  /// Floating-point operations per run (symc/Transforms/FlopCount.h).
  uint64_t floatOps = 0;
  PrepareStep prepare;
  /// Runs of the entry per call: the batch, where the model was compiled
  /// for one sample (SampleSplit.h; `arguments` and `results` then have the
  /// batch's shapes), else 1.
  int64_t samples = 1;
  /// Per argument, with samples > 1: whether it holds the batch.
  llvm::SmallVector<bool> perSample;
};

/// What the caller knows of an argument before inference.
struct ArgumentInfo {
  const DTypeInfo *dtype = nullptr;  // null: infer it
  llvm::SmallVector<int64_t> shape;  // used when hasShape
  bool hasShape = false;
};

/// Registers the host's LLVM target and asm printer (once per process).
void initializeNativeTarget();

/// The MXNet name (`sym.name`) of argument `i` of an imported `@main`.
llvm::StringRef getArgumentName(mlir::func::FuncOp func, unsigned i);
/// Whether `arg` is only a training label (operand 1 of SoftmaxOutput and
/// the regression outputs): it needs no value at inference.
bool isOnlyUsedAsLabel(mlir::Value arg);
/// Whether every use of `arg` is a layer's weight (an operand after the
/// first of an op with the Sym_WeightsAfterData trait): the same for every
/// sample of a batch.
bool isOnlyUsedAsWeight(mlir::Value arg);

/// Partitions `@main` with a subgraph backend (MXNet's optimize_for, see
/// symc/Transforms/Partition.h); returns the number of subgraph nodes.
llvm::Expected<unsigned> partitionModel(mlir::ModuleOp module,
                                        llvm::StringRef backend,
                                        llvm::ArrayRef<std::string> options);

/// Gives the arguments of `@main` the given shapes and dtypes (by
/// `sym.name`) and runs shape and dtype inference. Names that are not
/// arguments are errors; so are arguments without a value (training labels
/// excepted) unless `allowMissing`, and anything left unknown.
llvm::Error inferModelSignature(mlir::ModuleOp module,
                                const llvm::StringMap<ArgumentInfo> &given,
                                bool allowMissing = false);

/// Reads the signature of an inferred module and lowers it with the CPU
/// pipeline to the LLVM dialect; `@main` becomes `@<entryName>` with a C
/// interface `_mlir_ciface_<entryName>(inputs..., outputs...)` taking one
/// memref descriptor per tensor. The module's context must hold the
/// dialects of registerCodegenDialects.
llvm::Expected<ModelSignature>
lowerToLLVMDialect(mlir::ModuleOp module, llvm::StringRef entryName,
                   const CodegenOptions &options = {});

class CompiledModel {
public:
  ~CompiledModel();

  /// Lowers an inferred module (see inferModelSignature) to LLVM and
  /// JIT-compiles it. The module is consumed; its context must hold the
  /// dialects of registerCodegenDialects.
  static llvm::Expected<std::unique_ptr<CompiledModel>>
  compile(mlir::ModuleOp module, const CodegenOptions &options = {});

  llvm::ArrayRef<TensorSignature> getArguments() const { return signature.arguments; }
  llvm::ArrayRef<TensorSignature> getResults() const { return signature.results; }
  /// With CodegenOptions::profile: kernel i's "<node name>\t<kind>" (its
  /// totals are symc_profile_nanoseconds(i) in Runtime/Profile.h).
  llvm::ArrayRef<std::string> getProfiledKernels() const { return signature.kernels; }
  /// Floating-point operations per run (symc/Transforms/FlopCount.h).
  uint64_t getFloatOps() const { return signature.floatOps; }
  /// Runs of the compiled code per call: the batch, where the model was
  /// compiled for one sample (CodegenOptions::splitBatch), else 1.
  int64_t getRunsPerCall() const { return signature.samples; }

  /// The threads that models compiled with CodegenOptions::parallel use
  /// (process-wide, the OpenMP runtime's setting); 0: one per core.
  static void setThreads(unsigned threads);
  /// The threads a parallel model uses now: setThreads' count, else
  /// $OMP_NUM_THREADS, else one per core.
  static unsigned getThreads();

  /// Runs the model. `args[i]` points to the dense C-ordered data of
  /// argument i, `outs[i]` to caller-owned storage for result i. Safe to
  /// call from several threads at once with distinct buffers. For CUDA,
  /// the CodegenOptions::constantArguments are uploaded on the first
  /// run that passes their address, and later runs use that copy: they must
  /// keep their address and contents.
  llvm::Error run(llvm::ArrayRef<const void *> args,
                  llvm::ArrayRef<void *> outs) const;

private:
  CompiledModel() = default;
  /// One run of the compiled main: sample `sample` of the batch, or all of
  /// it with samples == 1. `args` are the (device) addresses of run's.
  llvm::Error runSample(int64_t sample, llvm::ArrayRef<const void *> args,
                        llvm::ArrayRef<std::vector<char>> prepared,
                        llvm::ArrayRef<void *> outs) const;
  /// Calls the prepare function on `args` (run's), its results into
  /// `prepared` (allocated there if empty).
  llvm::Error runPrepare(llvm::ArrayRef<const void *> args,
                         std::vector<std::vector<char>> &prepared) const;

  std::unique_ptr<ModelJIT> engine;
  /// Compiled for CUDA: runs are bracketed by the GPU runtime's checks.
  bool usesGPU = false;
  /// Per argument: the caller's data is uploaded once (CUDA).
  llvm::SmallVector<bool> deviceResident;
  /// The entry's arguments and results (the batch's shapes), its prepare
  /// step and its runs per call.
  ModelSignature signature;
  /// signature.prepare runs once, on the first run, into `preparedData`; or
  /// at every run (`prepareEachRun`,
  /// CodegenOptions::perRunConstantArguments), into `preparedData` where no
  /// other run holds `preparedMutex`, else into buffers of its own.
  bool prepareEachRun = false;
  mutable std::once_flag prepareOnce;
  mutable std::mutex preparedMutex;
  mutable std::vector<std::vector<char>> preparedData;
  mutable std::string prepareError;
};

} // namespace symc

#endif
