//===- ModelJIT.h - LLVM-dialect modules JIT-compiled on every core -*- C++ -*-===//
//
// What MLIR's ExecutionEngine does for a model (translation to LLVM IR, the
// IR pipeline, code generation, runtime symbols, packed entry points), with
// the module cut into parts that compile on every core (ParallelCodegen.h)
// and that ORC's LLJIT links. The compile threads are symc's own: LLJIT's
// concurrent compilation (setNumCompileThreads) hung, now and then, in
// LLVM 22 as the JIT was destroyed.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_EXECUTION_MODELJIT_H
#define SYMC_EXECUTION_MODELJIT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>

namespace llvm {
class Module;
class TargetMachine;
namespace orc {
class LLJIT;
} // namespace orc
} // namespace llvm

namespace symc {

class ModelJIT {
public:
  struct Options {
    /// Functions of the module that invokePacked calls.
    llvm::SmallVector<std::string> entryPoints;
    /// Addresses of functions the module declares and the process provides
    /// without exporting them (the runtime kernels).
    llvm::StringMap<void *> runtimeSymbols;
    /// Concurrent compile threads; 0: one per core.
    unsigned threads = 0;
  };

  /// Compiles the LLVM-dialect `module` (left unchanged) for the host CPU
  /// and runs its initializers.
  static llvm::Expected<std::unique_ptr<ModelJIT>> create(mlir::ModuleOp module,
                                                          const Options &options);
  ~ModelJIT();

  /// Calls entry point `name` with ExecutionEngine's packed convention:
  /// `args[i]` points to the value of argument i.
  llvm::Error invokePacked(llvm::StringRef name, llvm::MutableArrayRef<void *> args) const;

private:
  ModelJIT() = default;
  /// A module that is not cut: compiled by LLJIT, whose IR platform also
  /// runs its global constructors.
  llvm::Error addModule(mlir::ModuleOp module);
  /// Parts compiled on `threads` threads, linked as object files.
  llvm::Error addObjects(llvm::MutableArrayRef<mlir::OwningOpRef<mlir::ModuleOp>> parts,
                         unsigned threads);

  std::unique_ptr<llvm::orc::LLJIT> jit;
  llvm::StringMap<void (*)(void **)> entries;
};

/// LLVM's O2 IR pipeline as the JIT runs it on `module` (see ModelJIT.cpp).
void optimizeForJIT(llvm::Module &module, llvm::TargetMachine *machine);

} // namespace symc

#endif // SYMC_EXECUTION_MODELJIT_H
