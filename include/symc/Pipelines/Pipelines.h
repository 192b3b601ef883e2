//===- Pipelines.h - symc's named pass pipelines ------------------*- C++ -*-===//

#ifndef SYMC_PIPELINES_PIPELINES_H
#define SYMC_PIPELINES_PIPELINES_H

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace symc {

/// Where compiled code runs.
enum class Target { CPU, CUDA };

/// Choices of the code generator.
enum class BatchSplit {
  Never,
  /// Where the model moves many bytes per FLOP (chooseSampleSplit).
  WhenMemoryBound,
  /// Wherever the ops allow it (to test the split).
  Always,
};

struct CodegenOptions {
  Target target = Target::CPU;
  /// Time every kernel (symc-profile-kernels; sym-run --profile).
  bool profile = false;
  /// Print MLIR's pass timing, a tree of the lowering's passes, to stderr
  /// once the model is compiled (sym-run/sym-compile --timing).
  bool passTiming = false;
  /// Distribute matmuls and convolutions over threads (OpenMP; the count
  /// is the OpenMP runtime's, see CompiledModel::setThreads).
  bool parallel = false;
  /// CPU: 3x3 stride-1 convolutions as Winograd F(4x4 or 2x2, 3x3) where the
  /// schedule finds it pays (symc-cpu-schedule's `winograd`); false keeps
  /// the direct schedule, whose sums round as MXNet's do.
  bool winograd = true;

  /// Arguments of @main (by MXNet name) whose values do not change from
  /// run to run (the weights). On the CPU, what depends only on them is
  /// computed once, in a prepare function (symc-hoist-invariant-computations);
  /// for CUDA the caller passes them in GPU memory, uploaded once, and runs
  /// do not copy them (symc-gpu-stage-arguments).
  std::vector<std::string> constantArguments;
  /// CPU JIT: whether a model whose other arguments hold a batch on axis 0
  /// and whose ops keep the samples apart is compiled for one sample and
  /// run once per sample (SampleSplit.h).
  BatchSplit splitBatch = BatchSplit::Never;
  /// CPU JIT, where the batch runs one sample at a time: arguments (by
  /// name) that every sample of a run shares but that may change between
  /// runs (the C++ API's bound weights). What depends only on them (and on
  /// constantArguments) is computed once per run, before the samples,
  /// rather than in each sample's.
  std::vector<std::string> perRunConstantArguments;
  /// CUDA: run the kernels as host loops instead (symc-gpu-launch-to-loops),
  /// to test the GPU mapping where there is no GPU.
  bool emulateGPU = false;
  /// CUDA: the GPU architecture the kernels are compiled for.
  std::string gpuChip = "sm_90";
  /// CUDA: the kernels' form in the module: "isa" (PTX, compiled by the
  /// driver when the module loads), "bin" (a cubin from ptxas) or "fatbin".
  std::string gpuFormat = "isa";
  /// CUDA: the toolkit whose libdevice (and ptxas, for bin/fatbin) the
  /// kernels need; empty for $CUDA_HOME, else /usr/local/cuda.
  std::string cudaToolkit;
};

/// sym -> linalg on tensors: shape and dtype inference, then the lowering.
void buildSymToLinalgPipeline(mlir::OpPassManager &pm);
/// linalg on tensors -> LLVM dialect: fusion, bufferization with results as
/// caller-owned out-params, loops, and the LLVM conversions.
void buildLinalgToLLVMPipeline(mlir::OpPassManager &pm,
                               const CodegenOptions &options = {});
/// The two above, in order.
void buildSymToLLVMPipeline(mlir::OpPassManager &pm,
                            const CodegenOptions &options = {});

/// linalg on tensors -> LLVM dialect with CUDA kernels: bufferization as
/// on the CPU, the caller's buffers staged in GPU memory, every parallel
/// loop nest a kernel, NVVM for the kernels and gpu-to-llvm's calls of the
/// mgpu* runtime (Runtime/CudaRuntime.h) for the host; the kernels end up
/// as a gpu.binary (CodegenOptions::gpuFormat).
void buildLinalgToNVVMPipeline(mlir::OpPassManager &pm,
                               const CodegenOptions &options = {});
/// buildSymToLinalgPipeline, then buildLinalgToNVVMPipeline.
void buildSymToNVVMPipeline(mlir::OpPassManager &pm,
                            const CodegenOptions &options = {});
/// The linalg half of the pipeline for options.target.
void buildLinalgToTargetPipeline(mlir::OpPassManager &pm,
                                 const CodegenOptions &options);
/// The pipeline for options.target.
void buildSymToTargetPipeline(mlir::OpPassManager &pm,
                              const CodegenOptions &options);

/// The CUDA toolkit that options name ($CUDA_HOME, else /usr/local/cuda,
/// when options.cudaToolkit is empty).
std::string getCudaToolkitPath(const CodegenOptions &options);

/// Everything the pipelines need in a context: the sym dialect, the
/// upstream dialects, their interface models (bufferization, ...) and the
/// LLVM IR translations.
void registerCodegenDialects(mlir::DialectRegistry &registry);

/// The body of a tool that compiles models (sym-run, sym-compile): a
/// context with the codegen dialects whose diagnostics go to stderr, then
/// `run`; an error is printed as "<tool>: error: ..." and gives exit code 1.
int runCodegenTool(llvm::StringRef toolName,
                   llvm::function_ref<llvm::Error(mlir::MLIRContext &)> run);

/// Removes --threads[=]N (or -threads N) from argv into `threads`, before
/// LLVM's parser sees it (libLLVM registers an option of that name
/// itself); false, after printing "<tool>: error: ...", on a malformed
/// value.
bool takeThreadsOption(llvm::StringRef toolName, int &argc, char **argv,
                       unsigned &threads);

/// The help of the tools' --timing option (CodegenOptions::passTiming),
/// which also names the MLIR options registerPassManagerCommandLine adds.
inline constexpr const char *kPassTimingHelp =
    "print MLIR's pass timing, a tree of the compiler's passes (stderr); "
    "MLIR's pass-manager options work too: --mlir-print-ir-after=PASS, "
    "--mlir-print-ir-before=PASS, --mlir-pass-statistics, --mlir-print-debuginfo";

/// The tools' --split-batch=auto|always|never (CodegenOptions::splitBatch),
/// registered in `category` on the first call; default auto.
llvm::cl::opt<BatchSplit> &registerSplitBatchOption(llvm::cl::OptionCategory &category);

/// MLIR's pass-manager options for a tool that compiles models without
/// being mlir-opt (sym-run, sym-compile): --mlir-print-ir-after=PASS,
/// --mlir-pass-statistics, ..., with every pass of the pipelines known by
/// name, and the printer's (--mlir-print-debuginfo, ...). The compiler
/// applies them to each pipeline it runs.
void registerPassManagerCommandLine();

/// Registers --sym-to-linalg, --linalg-to-llvm-cpu, --sym-to-llvm,
/// --linalg-to-nvvm and --sym-to-nvvm.
void registerPipelines();

} // namespace symc

#endif
