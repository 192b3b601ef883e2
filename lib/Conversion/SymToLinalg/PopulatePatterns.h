//===- PopulatePatterns.h - the sym-to-linalg pattern families ----*- C++ -*-===//
//
// One populate function per op family, each in its own file.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_CONVERSION_SYMTOLINALG_POPULATEPATTERNS_H
#define SYMC_LIB_CONVERSION_SYMTOLINALG_POPULATEPATTERNS_H

#include "mlir/IR/PatternMatch.h"

namespace symc {
/// FullyConnected, Convolution, Pooling, BatchNorm, Dropout.
void populateNNPatterns(mlir::RewritePatternSet &patterns);
/// Activation, LeakyReLU.
void populateActivationPatterns(mlir::RewritePatternSet &patterns);
/// softmax, SoftmaxOutput, SoftmaxActivation.
void populateSoftmaxPatterns(mlir::RewritePatternSet &patterns);
/// Unary math (abs ... trunc, erf, sigmoid, hard_sigmoid, identities).
void populateMathPatterns(mlir::RewritePatternSet &patterns);
/// elemwise_*, broadcast_*, comparisons, scalar ops, Cast.
void populateElementwisePatterns(mlir::RewritePatternSet &patterns);
/// sum/mean/prod/max/min/nansum/nanprod, dot, batch_dot, LayerNorm,
/// Embedding.
void populateReducePatterns(mlir::RewritePatternSet &patterns);
/// Flatten, Reshape, transpose, Concat, SliceChannel, expand_dims,
/// broadcast_axis/to, slice_axis, squeeze, stack.
void populateTensorPatterns(mlir::RewritePatternSet &patterns);
} // namespace symc

#endif
