//===- Passes.h - passes over the sym dialect ---------------------*- C++ -*-===//

#ifndef SYMC_TRANSFORMS_PASSES_H
#define SYMC_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace symc {

#define GEN_PASS_DECL
#include "symc/Dialect/TransformsPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "symc/Dialect/TransformsPasses.h.inc"

} // namespace symc

#endif // SYMC_TRANSFORMS_PASSES_H
