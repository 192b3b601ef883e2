//===- MXNetJson.h - MXNet Symbol JSON <-> sym dialect ------------*- C++ -*-===//
//
// Import reads every generation of the format (pre-0.9 `param` with
// two-element inputs, 0.9-0.12 `attr`, 1.x `attrs`), applies MXNet's legacy
// upgrades, and builds `func.func @main` whose arguments are the variables
// (auxiliary states marked `sym.aux`) and whose results are the heads.
// Export writes JSON that MXNet 1.9 loads.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_IMPORT_MXNETJSON_H
#define SYMC_IMPORT_MXNETJSON_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/raw_ostream.h"

namespace symc {

/// Parses Symbol JSON text; errors are emitted as diagnostics located at
/// `fileName` or at the offending node, and yield a null module.
mlir::OwningOpRef<mlir::ModuleOp> importMXNetJson(llvm::StringRef text,
                                                  llvm::StringRef fileName,
                                                  mlir::MLIRContext *ctx);

/// Writes `@main` of `module` as MXNet Symbol JSON.
mlir::LogicalResult exportMXNetJson(mlir::ModuleOp module,
                                    llvm::raw_ostream &os);

/// Registers --import-mxnet-json and --export-mxnet-json for mlir-translate
/// style drivers.
void registerMXNetJsonTranslations();

} // namespace symc

#endif
