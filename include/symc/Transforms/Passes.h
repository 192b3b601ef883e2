//===- Passes.h - passes over the sym dialect ---------------------*- C++ -*-===//

#ifndef SYMC_TRANSFORMS_PASSES_H
#define SYMC_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/Pass.h"

namespace symc {

/// Marks an argument of a public function that the caller passes in GPU
/// memory already: symc-gpu-stage-arguments leaves it alone (and drops
/// the mark).
inline constexpr llvm::StringLiteral kDeviceResidentAttr = "symc.device_resident";

#define GEN_PASS_DECL
#include "symc/Dialect/TransformsPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "symc/Dialect/TransformsPasses.h.inc"

} // namespace symc

#endif // SYMC_TRANSFORMS_PASSES_H
