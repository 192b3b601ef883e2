//===- Passes.h - conversions out of the sym dialect --------------*- C++ -*-===//

#ifndef SYMC_CONVERSION_PASSES_H
#define SYMC_CONVERSION_PASSES_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace symc {

#define GEN_PASS_DECL
#include "symc/Dialect/ConversionPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "symc/Dialect/ConversionPasses.h.inc"

/// Fails, with one diagnostic listing every op symc cannot lower and the
/// nodes that use it, when the module holds such ops.
mlir::LogicalResult checkOperatorsSupported(mlir::ModuleOp module);

} // namespace symc

#endif // SYMC_CONVERSION_PASSES_H
