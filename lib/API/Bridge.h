//===- Bridge.h - a symbol's way into the compiler -----------------*- C++ -*-===//
//
// The API reaches the compiler through the JSON MXNet would save: a symbol
// is imported into the sym dialect in a context of its own, and the
// diagnostics of what runs there become MXNetError messages.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_API_BRIDGE_H
#define SYMC_LIB_API_BRIDGE_H

#include "Graph.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/OwningOpRef.h"

namespace symc::detail {

/// Collects the error diagnostics of a context and turns them into an
/// MXNetError.
class DiagnosticCollector {
public:
  explicit DiagnosticCollector(mlir::MLIRContext &ctx);
  /// Throws the collected messages, or `fallback` when there are none.
  [[noreturn]] void fail(const llvm::Twine &fallback) const;

private:
  std::string messages;
  mlir::ScopedDiagnosticHandler handler;
};

/// A symbol imported into its own context.
struct ImportedSymbol {
  std::unique_ptr<mlir::MLIRContext> ctx;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  mlir::func::FuncOp main() {
    return module->lookupSymbol<mlir::func::FuncOp>("main");
  }
};

/// Imports the graph of `outputs`; throws on what the importer refuses.
ImportedSymbol importSymbol(const std::vector<NodeEntry> &outputs);

} // namespace symc::detail

#endif // SYMC_LIB_API_BRIDGE_H
