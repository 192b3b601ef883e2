//===- sym-opt.cpp - mlir-opt with the sym dialect and symc's passes ------===//

#include "symc/Conversion/Passes.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Import/OpSchema.h"
#include "symc/Pipelines/Pipelines.h"
#include "symc/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <string>
#include <vector>

/// Prints the MXNet op names symc models, one per line, sorted:
/// `name<TAB>canonical name<TAB>sym op` (name == canonical unless an alias).
/// The list comes from the ops ODS registers in the sym dialect, so it cannot
/// drift from what the importer accepts.
static int listMXNetOps(mlir::DialectRegistry &registry) {
  mlir::MLIRContext ctx(registry);
  ctx.loadDialect<symc::sym::SymDialect>();
  std::vector<std::string> lines;
  llvm::StringSet<> modelled;
  for (mlir::RegisteredOperationName op : ctx.getRegisteredOperations()) {
    // MXNet ops have an inference rule; sym.operator, sym.subgraph and
    // sym.yield are graph structure.
    if (op.getDialectNamespace() != "sym" ||
        !op.hasInterface<symc::sym::SymInferInterface>())
      continue;
    llvm::StringRef name = op.getStringRef().drop_front(4); // "sym."
    modelled.insert(name);
    lines.push_back((name + "\t" + name + "\t" + op.getStringRef()).str());
  }
  for (const auto &[alias, canonical] : symc::getOpAliases()) {
    if (!modelled.contains(canonical))
      continue;
    lines.push_back(
        (alias + "\t" + canonical + "\tsym." + canonical).str());
  }
  std::sort(lines.begin(), lines.end());
  for (const std::string &line : lines)
    llvm::outs() << line << "\n";
  return 0;
}

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  symc::registerSymTransformsPasses();
  symc::registerSymConversionPasses();
  symc::registerPipelines();

  mlir::DialectRegistry registry;
  // With the LLVM IR translations: gpu-module-to-binary translates kernels.
  symc::registerCodegenDialects(registry);
  for (int i = 1; i < argc; ++i)
    if (llvm::StringRef(argv[i]) == "--list-mxnet-ops")
      return listMXNetOps(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "symc optimizer driver (sym dialect + all MLIR passes)\n"
      "  --list-mxnet-ops: print the MXNet op names symc models and exit\n",
      registry));
}
