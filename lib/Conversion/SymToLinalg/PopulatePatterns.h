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
/// sum/mean/prod/max/min/nansum/nanprod/norm, argmax/argmin, dot,
/// batch_dot.
void populateReducePatterns(mlir::RewritePatternSet &patterns);
/// LayerNorm, InstanceNorm, L2Normalization.
void populateNormalizationPatterns(mlir::RewritePatternSet &patterns);
/// Embedding, take, pick, one_hot, SequenceMask.
void populateIndexingPatterns(mlir::RewritePatternSet &patterns);
/// _zeros, _ones, _full, _arange, shape_array, size_array.
void populateInitPatterns(mlir::RewritePatternSet &patterns);
/// Flatten, Reshape, transpose, Concat, SliceChannel, expand_dims,
/// broadcast_axis/to, slice_axis, squeeze, stack.
void populateTensorPatterns(mlir::RewritePatternSet &patterns);
/// RNN (the fused multi-layer rnn_relu, rnn_tanh, lstm, gru).
void populateRNNPatterns(mlir::RewritePatternSet &patterns);
/// _contrib_MultiBoxPrior, _contrib_MultiBoxDetection, _contrib_box_nms,
/// _contrib_box_iou.
void populateDetectionPatterns(mlir::RewritePatternSet &patterns);
/// topk, sort, argsort (through the runtime's sort kernel).
void populateOrderingPatterns(mlir::RewritePatternSet &patterns);
} // namespace symc

#endif
