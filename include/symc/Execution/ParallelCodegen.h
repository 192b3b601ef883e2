//===- ParallelCodegen.h - LLVM code generation on every core ------*- C++ -*-===//
//
// LLVM compiles one module on one thread: of ResNet-18's 4.5 s JIT compile,
// its IR pipeline and code generation took 2.9 s on one of two cores. Cut
// into parts that define disjoint shares of the functions, the module
// compiles on every core, and the parts' object files link back together
// (one JITDylib, or one shared library).
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_EXECUTION_PARALLELCODEGEN_H
#define SYMC_EXECUTION_PARALLELCODEGEN_H

#include "symc/Execution/AOTCompiler.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <vector>

namespace symc {

/// Parts per compile thread: a part's operation count only approximates
/// its compile time, and smaller parts let the threads even out.
constexpr unsigned kPartsPerCompileThread = 2;

/// Cuts the LLVM-dialect `module` into at most `maxParts` modules. Each
/// defines a share of the function definitions, balanced by their number of
/// operations (the heaviest first, each to the lightest part), and declares
/// every other function; part 0 also defines the globals, which the others
/// declare. Definitions of private or internal linkage become external with
/// hidden visibility, so that the parts resolve each other's symbols.
/// `module` is left unchanged.
///
/// A module with a top-level operation other than an LLVM function or a
/// global of private, internal or external linkage (a gpu.binary, global
/// constructors, a comdat) is not cut: the result is one copy of it.
llvm::SmallVector<mlir::OwningOpRef<mlir::ModuleOp>>
splitForParallelCodegen(mlir::ModuleOp module, unsigned maxParts);

/// The LLVM IR pipeline a part runs before code generation.
using IROptimizer =
    llvm::function_ref<llvm::Error(llvm::Module &, llvm::TargetMachine &)>;

/// One object file per part: the parts are translated to LLVM IR in turn,
/// each into an LLVMContext of its own, then optimized and compiled on
/// `threads` threads (0: one per core), each with a target machine of its
/// own. `optimize` must be safe to call from several threads at once.
llvm::Expected<std::vector<std::unique_ptr<llvm::MemoryBuffer>>>
compileParts(llvm::MutableArrayRef<mlir::OwningOpRef<mlir::ModuleOp>> parts,
             const TargetOptions &target, unsigned threads, IROptimizer optimize);

/// The compile threads that `threads` asks for: itself, or one per core.
unsigned resolveCompileThreads(unsigned threads);

} // namespace symc

#endif // SYMC_EXECUTION_PARALLELCODEGEN_H
