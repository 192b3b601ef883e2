//===- Passes.h - passes over the sym dialect ---------------------*- C++ -*-===//

#ifndef SYMC_TRANSFORMS_PASSES_H
#define SYMC_TRANSFORMS_PASSES_H

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Pass/Pass.h"

namespace symc {

/// Marks an argument of a public function that the caller passes in GPU
/// memory already: symc-gpu-stage-arguments leaves it alone (and drops
/// the mark).
inline constexpr llvm::StringLiteral kDeviceResidentAttr = "symc.device_resident";

/// Marks an argument of a public function whose value does not change from
/// run to run (a weight): symc-hoist-invariant-computations computes what
/// depends only on such arguments once (and drops the mark).
inline constexpr llvm::StringLiteral kInvariantAttr = "symc.invariant";
/// The module attribute in which symc-hoist-invariant-computations records
/// its prepare function: {function, arguments (indices in the entry),
/// types (of the prepared values, the entry's trailing arguments)}.
inline constexpr llvm::StringLiteral kPrepareAttr = "symc.prepare";

/// Makes `func` an entry that C calls through `_mlir_ciface_<name>` (its
/// descriptors passed by pointer) and only so: the function with expanded
/// descriptors gets internal linkage, so that LLVM inlines it into the
/// wrapper rather than pass every descriptor field through one call. An
/// entry with a hundred memref arguments made that call's instruction
/// selection quadratic: 0.8 s of ResNet-18's compile time.
void setCInterfaceEntry(mlir::func::FuncOp func);

/// `value` transposed by a linalg.transpose (into a tensor.empty): result
/// dimension i is dimension perm[i] of `value`.
mlir::Value createTranspose(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                            llvm::ArrayRef<int64_t> perm);

/// `empty` (of `shape`) with only its border around the interior at `low`
/// of `interior` sizes filled with `value`, each border element once: the
/// interior is left to the padded value's producer.
mlir::Value fillBorder(mlir::OpBuilder &b, mlir::Location loc, mlir::Value value,
                       mlir::Value empty, llvm::ArrayRef<int64_t> shape,
                       llvm::ArrayRef<int64_t> low, llvm::ArrayRef<int64_t> interior);

/// The width of the host's vector registers: 512 bits with AVX-512, else
/// 256 (AVX2).
int64_t getHostVectorBits();

/// The patterns of symc-sink-transposes.
void populateSinkTransposesPatterns(mlir::RewritePatternSet &patterns);
/// Applies them (and tensor.empty's canonicalizations) under `root`.
mlir::LogicalResult sinkTransposes(mlir::Operation *root);

#define GEN_PASS_DECL
#include "symc/Dialect/TransformsPasses.h.inc"

#define GEN_PASS_REGISTRATION
#include "symc/Dialect/TransformsPasses.h.inc"

} // namespace symc

#endif // SYMC_TRANSFORMS_PASSES_H
