//===- AOTCompiler.h - models as object files and shared libraries -*- C++ -*-===//
//
// Ahead-of-time compilation (sym-compile): the weights become read-only
// constants of the module, the CPU pipeline lowers it to LLVM, an LLVM
// TargetMachine emits an object file, and a generated C wrapper gives it the
// C ABI of symc_runtime.h. The artifact needs no LLVM, MLIR or Python.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_EXECUTION_AOTCOMPILER_H
#define SYMC_EXECUTION_AOTCOMPILER_H

#include "symc/Execution/CompiledModel.h"
#include "symc/Import/HostArray.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class TargetMachine;
} // namespace llvm

namespace symc {

/// Replaces the arguments of an inferred `@main` that have a value in
/// `values` (keyed by argument name), and the training labels, by
/// constants: the function then takes only the model's inputs.
llvm::Error embedArguments(mlir::ModuleOp module,
                           const llvm::StringMap<HostArray> &values);

struct TargetOptions {
  /// An LLVM CPU name (skylake-avx512, znver3, ...); empty for the host's,
  /// with the host's features.
  std::string cpu;
};

/// A target machine for `target` (the host's CPU and features when it names
/// none), position-independent (objects may go into a .so).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetOptions &target);

/// Translates a module in the LLVM dialect to LLVM IR, optimized at O3 for
/// the target.
llvm::Expected<std::unique_ptr<llvm::Module>>
translateToLLVMIR(mlir::ModuleOp module, llvm::LLVMContext &context,
                  const TargetOptions &target);

/// LLVM's O3 pipeline with `machine`'s cost models, as AOT artifacts are
/// optimized.
llvm::Error optimizeForAOT(llvm::Module &module, llvm::TargetMachine &machine);

/// The LLVM-dialect `module` as position-independent object files, optimized
/// as translateToLLVMIR does and compiled on every core (ParallelCodegen.h):
/// together they define what the module does.
llvm::Expected<std::vector<std::unique_ptr<llvm::MemoryBuffer>>>
compileObjectFiles(mlir::ModuleOp module, const TargetOptions &target);

/// What the generated C sources provide.
struct WrapperOptions {
  /// Arguments marked isWeight come from a .params file given to create
  /// (else every argument is an input).
  bool externalWeights = false;
  /// Also MXNet's c_predict_api (MXPredCreate, ...) over the same model.
  bool cPredictAPI = false;
  /// The entry runs CUDA kernels: a run checks the GPU first and reports
  /// the kernels' errors (Runtime/CudaRuntime.h).
  bool cuda = false;
};

/// The PTX of the kernels of a module lowered for CUDA with the "isa"
/// format: one text per kernel binary, concatenated.
llvm::Expected<std::string> getKernelPTX(mlir::ModuleOp module);

/// The generated header <name>.h: the C ABI of the model (create, run,
/// error_message, destroy) and its inputs' and outputs' names, dtypes and
/// shapes.
std::string generateModelHeader(llvm::StringRef name,
                                const ModelSignature &signature,
                                const WrapperOptions &options);

/// The generated C wrapper that implements the header's functions over the
/// compiled entry `_mlir_ciface_<name>_main`, checking every tensor.
std::string generateModelWrapper(llvm::StringRef name,
                                 const ModelSignature &signature,
                                 const WrapperOptions &options);

/// The texts of symc_runtime.h, which generated headers include, of the
/// runtime's Params.h and of the c_predict_api.h that drop-in artifacts
/// implement.
llvm::StringRef getRuntimeHeader();
llvm::StringRef getParamsHeader();
llvm::StringRef getPredictAPIHeader();

} // namespace symc

#endif
