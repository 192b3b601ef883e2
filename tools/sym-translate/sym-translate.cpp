//===- sym-translate.cpp - MXNet Symbol JSON <-> sym dialect --------------===//

#include "symc/Import/MXNetJson.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  symc::registerMXNetJsonTranslations();
  return mlir::failed(mlir::mlirTranslateMain(
      argc, argv, "symc translation driver (MXNet Symbol JSON <-> sym)"));
}
