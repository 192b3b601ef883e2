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
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/WithColor.h"
#include "mlir/Conversion/VectorToSCF/VectorToSCF.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Dialect/Bufferization/Pipelines/Passes.h"
#include "mlir/Dialect/Bufferization/Transforms/Passes.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/Transforms/Passes.h"
#include "mlir/Dialect/SCF/Transforms/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"

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

void buildLinalgToLLVMPipeline(OpPassManager &pm, const CodegenOptions &options) {
  // Register-tiled, vectorized matmuls (the rest lowers to loops below);
  // before elementwise fusion, which would fold their operands' transposes
  // and broadcasts into generics that the schedule does not match.
  SymCPUScheduleOptions schedule;
  schedule.parallel = options.parallel;
  pm.addPass(createSymCPUSchedule(schedule));
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
  pm.addNestedPass<func::FuncOp>(createSymFuseElementwise());

  // Results become caller-owned out-params: the runtime hands in the
  // output buffers, and no allocation escapes a call.
  bufferization::OneShotBufferizePassOptions bufferize;
  bufferize.bufferizeFunctionBoundaries = true;
  // The RNN time loop carries freshly computed states across iterations.
  bufferize.allowReturnAllocsFromLoops = true;
  bufferize.functionBoundaryTypeConversion =
      bufferization::LayoutMapOption::IdentityLayoutMap;
  pm.addPass(bufferization::createOneShotBufferizePass(bufferize));
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
  pm.addNestedPass<func::FuncOp>(createSymStridedCopiesToLoops());
  // Threads: scf.forall -> scf.parallel -> OpenMP; the canonicalization
  // merges the blocks that memref.alloca_scope would refuse (toolchain.md).
  if (options.parallel) {
    pm.addPass(createForallToParallelLoopPass());
    pm.addPass(createConvertSCFToOpenMPPass());
    pm.addPass(createCanonicalizerPass());
  }

  // full-unroll: no llvm.alloca inside loops (toolchain.md).
  VectorTransferToSCFOptions vectorToSCF;
  vectorToSCF.unroll = true;
  pm.addNestedPass<func::FuncOp>(createConvertVectorToSCFPass(vectorToSCF));
  pm.addNestedPass<func::FuncOp>(createConvertLinalgToLoopsPass());
  // Each function is a sequence of kernels (loop nests, calls) here.
  if (options.profile)
    pm.addPass(createSymProfileKernels());
  // lower-affine after expand-strided-metadata, which creates affine.apply.
  pm.addPass(memref::createExpandStridedMetadataPass());
  pm.addPass(createLowerAffinePass());
  pm.addPass(createSCFToControlFlowPass());
  pm.addPass(createConvertVectorToLLVMPass());
  pm.addNestedPass<func::FuncOp>(createSymApproximateErf());
  pm.addPass(createConvertMathToLLVMPass());
  pm.addPass(createConvertMathToLibmPass());
  // Allocations go through symc's runtime allocator (Runtime/Allocator.h),
  // which keeps freed intermediate buffers for the next run.
  FinalizeMemRefToLLVMConversionPassOptions memrefToLLVM;
  memrefToLLVM.useGenericFunctions = true;
  pm.addPass(createFinalizeMemRefToLLVMConversionPass(memrefToLLVM));
  pm.addPass(createArithToLLVMConversionPass());
  pm.addPass(createConvertIndexToLLVMPass());
  pm.addPass(createUBToLLVMConversionPass());
  pm.addPass(createConvertControlFlowToLLVMPass());
  pm.addPass(createConvertFuncToLLVMPass());
  if (options.parallel)
    pm.addPass(createConvertOpenMPToLLVMPass());
  pm.addPass(createReconcileUnrealizedCastsPass());
}

void buildSymToLLVMPipeline(OpPassManager &pm, const CodegenOptions &options) {
  buildSymToLinalgPipeline(pm);
  buildLinalgToLLVMPipeline(pm, options);
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

void registerPipelines() {
  PassPipelineRegistration<>("sym-to-linalg",
                             "Infer shapes and dtypes, lower sym to linalg",
                             buildSymToLinalgPipeline);
  PassPipelineRegistration<>(
      "linalg-to-llvm-cpu", "Bufferize linalg on tensors and lower to LLVM",
      [](OpPassManager &pm) { buildLinalgToLLVMPipeline(pm); });
  PassPipelineRegistration<>(
      "sym-to-llvm", "The whole CPU pipeline",
      [](OpPassManager &pm) { buildSymToLLVMPipeline(pm); });
}

} // namespace symc
