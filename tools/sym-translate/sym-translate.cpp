//===- sym-translate.cpp - MXNet Symbol JSON <-> sym dialect, and DOT -----===//

#include "symc/API/Visualization.h"
#include "symc/Import/MXNetJson.h"

#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"

int main(int argc, char **argv) {
  symc::registerMXNetJsonTranslations();
  symc::viz::registerDotTranslation();
  return mlir::failed(mlir::mlirTranslateMain(
      argc, argv,
      "symc translation driver (MXNet Symbol JSON <-> sym, JSON -> DOT)"));
}
