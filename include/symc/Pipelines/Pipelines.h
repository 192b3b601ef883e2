//===- Pipelines.h - symc's named pass pipelines ------------------*- C++ -*-===//

#ifndef SYMC_PIPELINES_PIPELINES_H
#define SYMC_PIPELINES_PIPELINES_H

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/Error.h"

namespace symc {

/// Choices of the CPU code generator.
struct CodegenOptions {
  /// Time every kernel (symc-profile-kernels; sym-run --profile).
  bool profile = false;
  /// Distribute matmuls and convolutions over threads (OpenMP; the count
  /// is the OpenMP runtime's, see CompiledModel::setThreads).
  bool parallel = false;
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

/// Everything the pipelines need in a context: the sym dialect, the
/// upstream dialects, their interface models (bufferization, ...) and the
/// LLVM IR translations.
void registerCodegenDialects(mlir::DialectRegistry &registry);

/// The body of a tool that compiles models (sym-run, sym-compile): a
/// context with the codegen dialects whose diagnostics go to stderr, then
/// `run`; an error is printed as "<tool>: error: ..." and gives exit code 1.
int runCodegenTool(llvm::StringRef toolName,
                   llvm::function_ref<llvm::Error(mlir::MLIRContext &)> run);

/// Registers --sym-to-linalg, --linalg-to-llvm-cpu and --sym-to-llvm.
void registerPipelines();

} // namespace symc

#endif
