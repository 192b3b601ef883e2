//===- Translations.cpp - mlir-translate registrations for MXNet JSON -----===//

#include "symc/Import/MXNetJson.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void symc::registerMXNetJsonTranslations() {
  TranslateToMLIRRegistration importJson(
      "import-mxnet-json", "MXNet Symbol JSON to the sym dialect",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *ctx) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        OwningOpRef<ModuleOp> module =
            importMXNetJson(buffer->getBuffer(), buffer->getBufferIdentifier(), ctx);
        return OwningOpRef<Operation *>(module.release());
      });
  TranslateFromMLIRRegistration exportJson(
      "export-mxnet-json", "the sym dialect to MXNet Symbol JSON",
      [](Operation *op, llvm::raw_ostream &os) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("export-mxnet-json expects a module");
        return exportMXNetJson(module, os);
      },
      [](DialectRegistry &registry) {
        registry.insert<sym::SymDialect, func::FuncDialect>();
      });
}
