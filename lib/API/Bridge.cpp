//===- Bridge.cpp - a symbol's way into the compiler ----------------------===//

#include "Bridge.h"

#include "symc/Import/MXNetJson.h"
#include "symc/Pipelines/Pipelines.h"

using namespace mlir;

namespace symc::detail {

DiagnosticCollector::DiagnosticCollector(MLIRContext &ctx)
    : handler(&ctx, [this](Diagnostic &d) {
        if (d.getSeverity() == DiagnosticSeverity::Error) {
          if (!messages.empty())
            messages += "\n";
          messages += d.str();
        }
        return success();
      }) {}

void DiagnosticCollector::fail(const llvm::Twine &fallback) const {
  detail::fail(messages.empty() ? fallback : llvm::Twine(messages));
}

ImportedSymbol importSymbol(const std::vector<NodeEntry> &outputs) {
  if (outputs.empty())
    fail("the symbol is empty");
  DialectRegistry registry;
  registerCodegenDialects(registry);
  ImportedSymbol imported;
  imported.ctx = std::make_unique<MLIRContext>(registry);
  imported.ctx->printOpOnDiagnostic(false);
  DiagnosticCollector diags(*imported.ctx);
  imported.module =
      importMXNetJson(writeJson(outputs), "<symbol>", imported.ctx.get());
  if (!imported.module)
    diags.fail("cannot import the symbol");
  return imported;
}

} // namespace symc::detail
