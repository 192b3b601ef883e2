//===- SymDialect.cpp - registration of the sym dialect -------------------===//

#include "symc/Dialect/SymDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace symc::sym;

#include "symc/Dialect/SymDialect.cpp.inc"
#include "symc/Dialect/SymEnums.cpp.inc"
#include "symc/Dialect/SymInterfaces.cpp.inc"

#define GET_TYPEDEF_CLASSES
#include "symc/Dialect/SymTypes.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "symc/Dialect/SymAttrs.cpp.inc"

void SymDialect::initialize() {
  registerTypes();
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "symc/Dialect/SymOps.cpp.inc"
      >();
}

void SymDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "symc/Dialect/SymTypes.cpp.inc"
      >();
}

void SymDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "symc/Dialect/SymAttrs.cpp.inc"
      >();
}
