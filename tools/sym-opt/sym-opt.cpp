//===- sym-opt.cpp - mlir-opt with the sym dialect and symc's passes ------===//

#include "symc/Conversion/Passes.h"
#include "symc/Dialect/SymDialect.h"
#include "symc/Pipelines/Pipelines.h"
#include "symc/Transforms/Passes.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/InitAllDialects.h"
#include "mlir/InitAllExtensions.h"
#include "mlir/InitAllPasses.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::registerAllPasses();
  symc::registerSymTransformsPasses();
  symc::registerSymConversionPasses();
  symc::registerPipelines();

  mlir::DialectRegistry registry;
  mlir::registerAllDialects(registry);
  mlir::registerAllExtensions(registry);
  registry.insert<symc::sym::SymDialect>();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "symc optimizer driver (sym dialect + all MLIR passes)\n",
      registry));
}
