//===- Pipelines.cpp - symc's named pass pipelines ------------------------===//
//
// The CPU part follows the sequence measured in docs/toolchain.md.
//
//===----------------------------------------------------------------------===//

#include "symc/Pipelines/Pipelines.h"

#include "symc/Conversion/Passes.h"
#include "symc/Transforms/Passes.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/AsmState.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/GPU/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

#include <cstdlib>

using namespace mlir;

namespace symc {

void buildSymToLinalgPipeline(OpPassManager &pm) {
  pm.addNestedPass<func::FuncOp>(createSymInferShapes());
  pm.addNestedPass<func::FuncOp>(createSymInferTypes());
  // Each subgraph node (optimize_for's partitions) compiles as a function.
  pm.addPass(createSymOutlineSubgraphs());
  pm.addPass(createConvertSymToLinalg());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

namespace {

/// Tensors to buffers, the same for every target: one-shot bufferization
/// with results as caller-owned out-params, deallocation, and strided
/// copies as loops (copying rows in vectors with `vectorRows`, on the CPU).
void addBufferizationPasses(OpPassManager &pm, bool vectorRows) {
  // Results become caller-owned out-params: the runtime hands in the
  // output buffers, and no allocation escapes a call.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // The RNN time loop carries freshly computed states across iterations.
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  // An op whose result is inserted into a larger tensor (Concat's pieces)
  // computes into that tensor's slice instead of a buffer of its own that
  // is then copied.
  pm.addNestedPass<func::FuncOp>(createSymDuplicateSharedFills());
  pm.addNestedPass<func::FuncOp>(createSymReadThroughInserts());
  pm.addPass(bufferization::createEmptyTensorEliminationPass());
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
  // Tiled loops pass their output buffer through iter_args; folded away,
  // a result is its allocation again, which buffer-results-to-out-params
  // replaces by the caller's buffer instead of copying into it.
  pm.addPass(createCanonicalizerPass());
  pm.addNestedPass<func::FuncOp>(createSymDistinctResults());
  bufferization::BufferResultsToOutParamsPassOptions outParams;
  outParams.hoistStaticAllocs = true;
  outParams.modifyPublicFunctions = true;
  pm.addPass(bufferization::createBufferResultsToOutParamsPass(outParams));
  // CSE before canonicalization folds the subview self-copies that
  // bufferizing tiled code leaves (they would become memrefCopy calls).
  pm.addPass(createCSEPass());
  pm.addPass(createCanonicalizerPass());
  bufferization::buildBufferDeallocationPipeline(pm);
  pm.addPass(createConvertBufferizationToMemRefPass());
  SymStridedCopiesToLoopsOptions copies;
  copies.vectorRows = vectorRows;
  pm.addNestedPass<func::FuncOp>(createSymStridedCopiesToLoops(copies));
}

/// Math to the LLVM dialect: LLVM's intrinsics, else libm calls, one per
/// element of a vector (extracted with vector ops, which vector-to-llvm
/// lowers afterwards).
void addMathToLLVMPasses(OpPassManager &pm) {
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
}

/// Memrefs, arith, index, ub, control flow and functions to the LLVM
/// dialect, on the host. Allocations go through symc's runtime allocator
/// (Runtime/Allocator.h), which keeps freed intermediate buffers for the
/// next run.
void addStandardToLLVMPasses(OpPassManager &pm) {
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  OpPassManager &functions = pm.nest<func::FuncOp>();
  functions.addPass(createArithToLLVMConversionPass());
  functions.addPass(createConvertIndexToLLVMPass());
  functions.addPass(createUBToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
}

/// Loops, vectors and everything else of a host function to the LLVM
/// dialect.
void addCPULoweringPasses(OpPassManager &pm, const CodegenOptions &options) {
  // full-unroll: no llvm.alloca inside loops (toolchain.md).
  VectorTransferToSCFOptions vectorToSCF;
  vectorToSCF.unroll = true;
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(vectorToSCF));
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  // Each function is a sequence of kernels (loop nests, calls) here.
  if (options.profile)
    pm.addPass(createSymProfileKernels());
  pm.addPass(createSymOutlineKernels());
  // From here on, the passes that can run function by function do, on
  // every core (the kernels are many small functions: ResNet-18's ~100).
  OpPassManager &kernels = pm.nest<func::FuncOp>();
  // lower-affine after expand-strided-metadata, which creates affine.apply.
  kernels.addPass(memref::createExpandStridedMetadataPass());
  kernels.addPass(createLowerAffinePass());
  kernels.addPass(createSCFToControlFlowPass());
  // erf, tanh, exp, log, ... as arithmetic that LLVM vectorizes (all of
  // MLIR's approximations), before vector-to-llvm lowers what they create.
  kernels.addPass(createSymApproximateMath());
  kernels.addPass(createConvertMathToLLVMPass());
  // What is left of math: libm calls, declared in the module.
  pm.addPass(createConvertMathToLibmPass());
  // Reductions (a row's sum in one vector) as trees, not in order.
  ConvertVectorToLLVMPassOptions vectorToLLVM;
  vectorToLLVM.reassociateFPReductions = true;
  pm.addNestedPass<func::FuncOp>(createConvertVectorToLLVMPass(vectorToLLVM));
  addStandardToLLVMPasses(pm);
  if (options.parallel)
    pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

} // namespace

void buildLinalgToLLVMPipeline(OpPassManager &pm, const CodegenOptions &options) {
  // Register-tiled, vectorized matmuls (the rest lowers to loops below);
  // before elementwise fusion, which would fold their operands' transposes
  // and broadcasts into generics that the schedule does not match.
  SymCPUScheduleOptions schedule;
  schedule.parallel = options.parallel;
  schedule.winograd = options.winograd;
  pm.addPass(createSymCPUSchedule(schedule));
  // Before CSE merges the fills of same-shaped accumulators.
  pm.addNestedPass<func::FuncOp>(createSymForwardFills());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  // The weights' re-layouts (filter transposes, paddings) run once, in a
  // prepare function, not in every run.
  pm.addPass(createSymHoistInvariantComputations());
  pm.addNestedPass<func::FuncOp>(createSymFuseElementwise());
  pm.addNestedPass<func::FuncOp>(createSymFuseConvEpilogues());
  if (options.parallel) {
    // Before the fills become loops that bufferization would copy from
    // (one filled buffer shared by every convolution of a shape).
    pm.addNestedPass<func::FuncOp>(createSymDuplicateSharedFills());
    pm.addNestedPass<func::FuncOp>(createSymCPUParallelize());
  }
  pm.addNestedPass<func::FuncOp>(createSymCPUVectorizeElementwise());

  addBufferizationPasses(pm, /*vectorRows=*/true);
  pm.addNestedPass<func::FuncOp>(createSymFreeBuffersEarly());
  pm.addPass(createSymPrefetchNextBlock());
  // Threads: scf.forall -> scf.parallel -> OpenMP; the canonicalization
  // merges the blocks that memref.alloca_scope would refuse (toolchain.md).
  if (options.parallel) {
    pm.addPass(createForallToParallelLoopPass());
    pm.addPass(createConvertSCFToOpenMPPass());
    pm.addPass(createCanonicalizerPass());
  }

  addCPULoweringPasses(pm, options);
}

void buildSymToLLVMPipeline(OpPassManager &pm, const CodegenOptions &options) {
  buildSymToLinalgPipeline(pm);
  buildLinalgToLLVMPipeline(pm, options);
}

std::string getCudaToolkitPath(const CodegenOptions &options) {
  if (!options.cudaToolkit.empty())
    return options.cudaToolkit;
  if (const char *home = std::getenv("CUDA_HOME"); home && *home)
    return home;
  return "/usr/local/cuda";
}

namespace {

/// The kernels (gpu.module bodies) to NVVM and the LLVM dialect.
void addKernelLoweringPasses(OpPassManager &pm, const CodegenOptions &options) {
  GpuNVVMAttachTargetOptions target;
  target.chip = options.gpuChip;
  // PTX ISA 8.0: the first with sm_90 (toolchain.md).
  target.features = "+ptx80";
  target.optLevel = 3;
  pm.addPass(createGpuNVVMAttachTarget(target));
  OpPassManager &kernels = pm.nest<gpu::GPUModuleOp>();
  ConvertGpuOpsToNVVMOpsOptions toNVVM;
  toNVVM.indexBitwidth = 64;
  kernels.addPass(createConvertGpuOpsToNVVMOps(toNVVM));
  kernels.addPass(createCanonicalizerPass());
  kernels.addPass(createCSEPass());
  kernels.addPass(createReconcileUnrealizedCastsPass());
}

/// The host code around the kernels to the LLVM dialect; gpu-to-llvm turns
/// launches, allocations and copies into calls of the mgpu* runtime.
void addHostLoweringPasses(OpPassManager &pm) {
  pm.addPass(createConvertNVVMToLLVMPass());
  addMathToLLVMPasses(pm);
  addStandardToLLVMPasses(pm);
  pm.addPass(createGpuToLLVMConversionPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

} // namespace

void buildLinalgToNVVMPipeline(OpPassManager &pm, const CodegenOptions &options) {
  // A padding's whole fill is one GPU kernel; its border, four or more
  // (launches that may cost more than the writes they save: not measured).
  SymFuseElementwiseOptions fusion;
  fusion.borderFills = false;
  pm.addNestedPass<func::FuncOp>(createSymFuseElementwise(fusion));
  addBufferizationPasses(pm, /*vectorRows=*/false);

  // Matmuls and convolutions become shared-memory tiled kernels; every
  // other linalg op a parallel loop nest, and every outermost one a kernel.
  // The caller's buffers are copied to GPU memory around them.
  pm.addNestedPass<func::FuncOp>(createSymGPUTileContractions());
  pm.addNestedPass<func::FuncOp>(
      createSymStridedCopiesToLoops(SymStridedCopiesToLoopsOptions{/*contiguous=*/true}));
  pm.addNestedPass<func::FuncOp>(createSymGPUOuterParallelDims());
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToParallelLoopsPass());
  pm.addNestedPass<func::FuncOp>(createSymGPUStageArguments());
  pm.addNestedPass<func::FuncOp>(createSymGPUMapParallelLoops());
  pm.addNestedPass<func::FuncOp>(createSymGPUMemory());
  if (options.emulateGPU) {
    pm.addNestedPass<func::FuncOp>(createSymGPULaunchToLoops());
    addCPULoweringPasses(pm, CodegenOptions());
    return;
  }
  // erf only: the other functions become libdevice calls (__nv_expf,
  // ...), which the GPU runs at full speed.
  SymApproximateMathOptions erfOnly;
  erfOnly.functions = {"erf"};
  pm.addNestedPass<func::FuncOp>(createSymApproximateMath(erfOnly));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addPass(createGpuLaunchSinkIndexComputationsPass());
  pm.addPass(createGpuKernelOutliningPass());
  pm.addPass(createSymGPUMergeKernelModules());
  // Consecutive launches queue on one stream; the host waits only before
  // it touches memory itself (a copy, a runtime call, a host loop).
  pm.addNestedPass<func::FuncOp>(createGpuAsyncRegionPass());
  pm.addNestedPass<func::FuncOp>(createSymGPUSynchronousManagedAllocs());

  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  addKernelLoweringPasses(pm, options);
  addHostLoweringPasses(pm);
  pm.addPass(createSymGPUUploadConstants());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  if (!options.gpuFormat.empty()) {
    GpuModuleToBinaryPassOptions binary;
    binary.compilationTarget = options.gpuFormat;
    binary.toolkitPath = getCudaToolkitPath(options);
    pm.addPass(createGpuModuleToBinaryPass(binary));
  }
}

void buildSymToNVVMPipeline(OpPassManager &pm, const CodegenOptions &options) {
  buildSymToLinalgPipeline(pm);
  buildLinalgToNVVMPipeline(pm, options);
}

void buildLinalgToTargetPipeline(OpPassManager &pm, const CodegenOptions &options) {
  if (options.target == Target::CUDA)
    buildLinalgToNVVMPipeline(pm, options);
  else
    buildLinalgToLLVMPipeline(pm, options);
}

void buildSymToTargetPipeline(OpPassManager &pm, const CodegenOptions &options) {
  buildSymToLinalgPipeline(pm);
  buildLinalgToTargetPipeline(pm, options);
}

void registerCodegenDialects(DialectRegistry &registry) {
  registry.insert<sym::SymDialect>();
  registerAllDialects(registry);
  registerAllExtensions(registry);
  registerAllToLLVMIRTranslations(registry);
}

int runCodegenTool(StringRef toolName,
                   function_ref<llvm::Error(MLIRContext &)> run) {
  DialectRegistry registry;
  registerCodegenDialects(registry);
  MLIRContext ctx(registry);
  ctx.printOpOnDiagnostic(false); // a model is too large to print in an error
  llvm::SourceMgr sourceMgr;
  SourceMgrDiagnosticHandler handler(sourceMgr, &ctx, llvm::errs());
  if (llvm::Error err = run(ctx)) {
    llvm::WithColor::error(llvm::errs(), toolName) << llvm::toString(std::move(err))
                                                   << "\n";
    return 1;
  }
  return 0;
}

bool takeThreadsOption(StringRef toolName, int &argc, char **argv, unsigned &threads) {
  int out = 1;
  for (int i = 1; i < argc; ++i) {
    StringRef arg = argv[i];
    StringRef name = arg.ltrim('-');
    if (!arg.starts_with("-") || !(name == "threads" || name.starts_with("threads="))) {
      argv[out++] = argv[i];
      continue;
    }
    StringRef value = name.consume_front("threads=") ? name
                      : i + 1 < argc                  ? StringRef(argv[++i])
                                                      : StringRef();
    if (value.getAsInteger(10, threads)) {
      llvm::WithColor::error(llvm::errs(), toolName)
          << "--threads expects a number, got '" << value << "'\n";
      return false;
    }
  }
  argc = out;
  return true;
}

namespace {
/// The options of --linalg-to-nvvm and --sym-to-nvvm.
struct CPUPipelineOptions : public PassPipelineOptions<CPUPipelineOptions> {
  Option<bool> parallel{*this, "parallel",
                        llvm::cl::desc("share the work among threads (OpenMP)"),
                        llvm::cl::init(false)};

  CodegenOptions codegen() const {
    CodegenOptions options;
    options.parallel = parallel;
    return options;
  }
};

struct NVVMPipelineOptions : public PassPipelineOptions<NVVMPipelineOptions> {
  Option<std::string> chip{*this, "chip", llvm::cl::desc("GPU architecture"),
                           llvm::cl::init("sm_90")};
  Option<std::string> format{
      *this, "format",
      llvm::cl::desc("kernels as isa (PTX), bin (cubin) or fatbin; empty: "
                     "leave the gpu.module in the NVVM dialect"),
      llvm::cl::init("isa")};
  Option<std::string> toolkit{
      *this, "toolkit",
      llvm::cl::desc("CUDA toolkit (libdevice, ptxas); default $CUDA_HOME "
                     "or /usr/local/cuda")};

  CodegenOptions codegen() const {
    CodegenOptions options;
    options.target = Target::CUDA;
    options.gpuChip = chip;
    options.gpuFormat = format;
    options.cudaToolkit = toolkit;
    return options;
  }
};
} // namespace

void registerPipelines() {
  PassPipelineRegistration<>("sym-to-linalg",
                             "Infer shapes and dtypes, lower sym to linalg",
                             buildSymToLinalgPipeline);
  PassPipelineRegistration<CPUPipelineOptions>(
      "linalg-to-llvm-cpu", "Bufferize linalg on tensors and lower to LLVM",
      [](OpPassManager &pm, const CPUPipelineOptions &options) {
        buildLinalgToLLVMPipeline(pm, options.codegen());
      });
  PassPipelineRegistration<CPUPipelineOptions>(
      "sym-to-llvm", "The whole CPU pipeline",
      [](OpPassManager &pm, const CPUPipelineOptions &options) {
        buildSymToLLVMPipeline(pm, options.codegen());
      });
  PassPipelineRegistration<NVVMPipelineOptions>(
      "linalg-to-nvvm",
      "Bufferize linalg on tensors and lower to CUDA kernels and host LLVM",
      [](OpPassManager &pm, const NVVMPipelineOptions &options) {
        buildLinalgToNVVMPipeline(pm, options.codegen());
      });
  PassPipelineRegistration<NVVMPipelineOptions>(
      "sym-to-nvvm", "The whole CUDA pipeline",
      [](OpPassManager &pm, const NVVMPipelineOptions &options) {
        buildSymToNVVMPipeline(pm, options.codegen());
      });
}

llvm::cl::opt<BatchSplit> &registerSplitBatchOption(llvm::cl::OptionCategory &category) {
  static llvm::cl::opt<BatchSplit> option(
      "split-batch",
      llvm::cl::desc("run a batch one sample at a time (the model compiled for "
                     "one), where its ops keep the samples apart (CPU)"),
      llvm::cl::values(
          clEnumValN(BatchSplit::WhenMemoryBound, "auto",
                     "where the model also moves many bytes per FLOP (default)"),
          clEnumValN(BatchSplit::Always, "always", "wherever the ops allow it"),
          clEnumValN(BatchSplit::Never, "never", "the whole batch in one run")),
      llvm::cl::init(BatchSplit::WhenMemoryBound), llvm::cl::cat(category));
  return option;
}

void registerPassManagerCommandLine() {
  // The passes first: the options' pass-name parsers list the registered
  // passes when they are constructed.
  registerAllPasses();
  registerSymTransformsPasses();
  registerSymConversionPasses();
  registerPassManagerCLOptions();
  // How the dumps print: --mlir-print-debuginfo (each op's MXNet node),
  // --mlir-elide-elementsattrs-if-larger=N (the embedded weights).
  registerAsmPrinterCLOptions();
}

} // namespace symc
