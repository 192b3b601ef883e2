//===- FlopCount.h - the arithmetic a model does per run ----------*- C++ -*-===//

#ifndef SYMC_TRANSFORMS_FLOPCOUNT_H
#define SYMC_TRANSFORMS_FLOPCOUNT_H

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>

namespace symc {

/// The floating-point operations of one run of a module lowered to linalg
/// (on tensors): for each linalg op, its iteration points times the float
/// arithmetic ops of its body (a fused multiply-add counts 2, so a matmul
/// or convolution counts 2 per multiply-accumulate, the usual FLOP count).
/// Ops with dynamic extents are not counted.
uint64_t countFloatOps(mlir::ModuleOp module);

} // namespace symc

#endif // SYMC_TRANSFORMS_FLOPCOUNT_H
