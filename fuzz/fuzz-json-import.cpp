//===- fuzz-json-import.cpp - the Symbol JSON importer under libFuzzer ----===//
//
// Any byte string: import it into the sym dialect (every error must be a
// diagnostic), verify what the importer built, run shape and dtype
// inference (partial, so unknowns are fine), verify again, and export back
// to JSON. The same bytes go through the mx.sym API's reader and writer.
// Nothing may crash, hang, leak or trip a sanitizer.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "symc/API/Symbol.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Import/MXNetJson.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace mlir;

namespace {

/// A context reused for a while (creating one per input is slow), then
/// replaced so that uniqued attributes do not pile up.
MLIRContext &context() {
  static std::unique_ptr<MLIRContext> ctx;
  static unsigned uses = 0;
  if (!ctx || ++uses % 512 == 0) {
    DialectRegistry registry;
    registry.insert<symc::sym::SymDialect, func::FuncDialect>();
    ctx = std::make_unique<MLIRContext>(registry, MLIRContext::Threading::DISABLED);
    ctx->loadAllAvailableDialects();
    ctx->printOpOnDiagnostic(false);
    ctx->getDiagEngine().registerHandler([](Diagnostic &) { return success(); });
  }
  return *ctx;
}

[[noreturn]] void bug(const char *what, ModuleOp module) {
  std::fprintf(stderr, "fuzz-json-import: %s\n", what);
  module.print(llvm::errs());
  std::abort();
}

void throughTheCompiler(llvm::StringRef text) {
  MLIRContext &ctx = context();
  OwningOpRef<ModuleOp> module = symc::importMXNetJson(text, "fuzz.json", &ctx);
  if (!module)
    return;
  if (failed(verify(*module)))
    bug("the importer built invalid IR", *module);
  PassManager pm(&ctx);
  symc::SymInferShapesOptions shapes;
  shapes.partial = true;
  symc::SymInferTypesOptions types;
  types.partial = true;
  pm.addNestedPass<func::FuncOp>(symc::createSymInferShapes(shapes));
  pm.addNestedPass<func::FuncOp>(symc::createSymInferTypes(types));
  if (succeeded(pm.run(*module)) && failed(verify(*module)))
    bug("inference left invalid IR", *module);
  std::string json;
  llvm::raw_string_ostream os(json);
  (void)symc::exportMXNetJson(*module, os);
}

void throughTheAPI(llvm::StringRef text) {
  try {
    symc::Symbol s = symc::fromjson(text.str());
    (void)s.tojson();
    (void)s.list_arguments();
    (void)s.list_outputs();
    (void)s.debug_str();
  } catch (const symc::MXNetError &) {
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text = symc::fuzz::asText(data, size);
  throughTheCompiler(text);
  throughTheAPI(text);
  return 0;
}
