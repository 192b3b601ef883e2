//===- Utils.h - builders shared by the sym-to-linalg patterns ----*- C++ -*-===//
//
// Elementwise generics with per-axis operands, reshapes between static
// shapes, fills, broadcasts and reductions, so that each op lowering states
// only what is particular to it.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_CONVERSION_SYMTOLINALG_UTILS_H
#define SYMC_LIB_CONVERSION_SYMTOLINALG_UTILS_H

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/Transforms/DialectConversion.h"

namespace symc {

using BodyBuilder =
    llvm::function_ref<mlir::Value(mlir::OpBuilder &, mlir::Location,
                                   mlir::ValueRange)>;

/// An operand of an elementwise generic: the value and, per operand axis,
/// the result axis that indexes it (all of them for a same-shape operand,
/// {1} for a per-channel one), or kBroadcastAxis for a size-1 axis that is
/// broadcast (always index 0).
struct ElementwiseOperand {
  static constexpr int64_t kBroadcastAxis = -1;
  mlir::Value value;
  llvm::SmallVector<int64_t> axes;
};

/// A same-shape operand of a result of rank `rank`.
ElementwiseOperand fullOperand(mlir::Value value);
/// A 1-D operand indexed by result axis `axis`.
ElementwiseOperand axisOperand(mlir::Value value, int64_t axis);
/// An operand broadcast numpy-style to `resultType` (right-aligned axes,
/// size-1 axes repeated).
ElementwiseOperand broadcastOperand(mlir::Value value,
                                   mlir::RankedTensorType resultType);

/// A parallel linalg.generic producing `resultType`; `body` maps the scalar
/// operands to the result scalar.
mlir::Value buildElementwise(mlir::OpBuilder &b, mlir::Location loc,
                             mlir::RankedTensorType resultType,
                             llvm::ArrayRef<ElementwiseOperand> operands,
                             BodyBuilder body);

/// A parallel linalg.generic producing `resultType` from `inputs` read
/// through `inputMaps` (one per input, over the result's iteration space).
mlir::Value buildMappedElementwise(mlir::OpBuilder &b, mlir::Location loc,
                                   mlir::RankedTensorType resultType,
                                   mlir::ValueRange inputs,
                                   llvm::ArrayRef<mlir::AffineMap> inputMaps,
                                   BodyBuilder body);

/// tensor.empty of a static type.
mlir::Value buildEmpty(mlir::OpBuilder &b, mlir::Location loc,
                       mlir::RankedTensorType type);
/// A tensor of `type` filled with `value`.
mlir::Value buildFilled(mlir::OpBuilder &b, mlir::Location loc,
                        mlir::RankedTensorType type, double value);
/// A scalar float constant of type `type`.
mlir::Value buildFloat(mlir::OpBuilder &b, mlir::Location loc, mlir::Type type,
                       double value);
/// Reshape between static shapes of equal size (collapse to 1-D, expand).
mlir::Value buildReshape(mlir::OpBuilder &b, mlir::Location loc,
                         mlir::Value input, llvm::ArrayRef<int64_t> shape);
/// Broadcast `input` into `type`, mapping input axis i to result axis
/// `axes[i]`.
mlir::Value buildBroadcast(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value input, mlir::RankedTensorType type,
                           llvm::ArrayRef<int64_t> axes);
/// Zero-padding (or `padValue`) of `input` by `low`/`high` per axis.
mlir::Value buildPad(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
                     llvm::ArrayRef<int64_t> low, llvm::ArrayRef<int64_t> high,
                     double padValue);
/// Reduce `input` along `axes` (sorted) with `combine(element, accumulator)`,
/// starting from `init`; the result drops those axes.
mlir::Value buildReduction(mlir::OpBuilder &b, mlir::Location loc,
                           mlir::Value input, llvm::ArrayRef<int64_t> axes,
                           double init, BodyBuilder combine);

/// sum(x) / n over `axes` (sorted) of a float tensor; the axes are dropped.
mlir::Value buildMean(mlir::OpBuilder &b, mlir::Location loc, mlir::Value input,
                      llvm::ArrayRef<int64_t> axes);

/// A body that yields its first argument (a pure data movement).
mlir::Value passThrough(mlir::OpBuilder &, mlir::Location, mlir::ValueRange args);

/// Scalar formulas (MXNet's mshadow_op.h) on values of float type `type`,
/// for the bodies of elementwise generics.
struct ScalarMath {
  mlir::OpBuilder &b;
  mlir::Location loc;
  mlir::Type type;

  mlir::Value c(double v) { return buildFloat(b, loc, type, v); }
  mlir::Value add(mlir::Value x, mlir::Value y) { return mlir::arith::AddFOp::create(b, loc, x, y); }
  mlir::Value sub(mlir::Value x, mlir::Value y) { return mlir::arith::SubFOp::create(b, loc, x, y); }
  mlir::Value mul(mlir::Value x, mlir::Value y) { return mlir::arith::MulFOp::create(b, loc, x, y); }
  mlir::Value div(mlir::Value x, mlir::Value y) { return mlir::arith::DivFOp::create(b, loc, x, y); }
  mlir::Value exp(mlir::Value x) { return mlir::math::ExpOp::create(b, loc, x); }
  mlir::Value gt(mlir::Value x, mlir::Value y) {
    return mlir::arith::CmpFOp::create(b, loc, mlir::arith::CmpFPredicate::OGT, x, y);
  }
  mlir::Value select(mlir::Value cond, mlir::Value x, mlir::Value y) {
    return mlir::arith::SelectOp::create(b, loc, cond, x, y);
  }
  /// x > 0 ? x : negative
  mlir::Value positiveOr(mlir::Value x, mlir::Value negative) {
    return select(gt(x, c(0.0)), x, negative);
  }

  mlir::Value relu(mlir::Value x) { return positiveOr(x, c(0.0)); }
  mlir::Value sigmoid(mlir::Value x) {
    return div(c(1.0), add(c(1.0), exp(mlir::arith::NegFOp::create(b, loc, x))));
  }
  /// MXNet's softrelu: x > 20 ? x : log1p(exp(x)).
  mlir::Value softrelu(mlir::Value x) {
    return select(gt(x, c(20.0)), x, mlir::math::Log1pOp::create(b, loc, exp(x)));
  }
  mlir::Value softsign(mlir::Value x) {
    return div(x, add(c(1.0), mlir::math::AbsFOp::create(b, loc, x)));
  }
  mlir::Value tanh(mlir::Value x) { return mlir::math::TanhOp::create(b, loc, x); }
  mlir::Value expm1(mlir::Value x) { return mlir::math::ExpM1Op::create(b, loc, x); }
};

/// A tensor of `resultType` whose element at output index I is
/// source[sourceIndex(I)]: a generic extracting at computed coordinates,
/// for gathers that affine maps cannot express. `sourceIndex` receives the
/// output indices (linalg.index) and returns index-typed coordinates.
mlir::Value buildGather(
    mlir::OpBuilder &b, mlir::Location loc, mlir::RankedTensorType resultType,
    mlir::Value source,
    llvm::function_ref<llvm::SmallVector<mlir::Value>(
        mlir::OpBuilder &, mlir::Location, mlir::ValueRange)>
        sourceIndex);

/// The index-typed value of a float or integer scalar, truncated toward
/// zero (MXNet's static_cast<index_t>).
mlir::Value buildIndexFromScalar(mlir::OpBuilder &b, mlir::Location loc,
                                 mlir::Value x);
/// min(max(i, lo), hi) on index values.
mlir::Value buildClampIndex(mlir::OpBuilder &b, mlir::Location loc,
                            mlir::Value i, int64_t lo, int64_t hi);

/// The geometry of a transposed convolution, per spatial axis.
struct TransposedConvGeometry {
  llvm::SmallVector<int64_t> kernel, stride, dilate, pad, adj;
  int64_t groups = 1;
};
/// MXNet's Deconvolution (N-D, grouped): data (N, G*C, x...) and weight
/// (G*C, F, k...), optional bias (G*F), to `outType`: a stride-1
/// convolution of the input spread by the stride and padded by
/// d (k - 1) - pad (+ adj at the end), with the weight flipped spatially
/// and its channel axes exchanged per group.
mlir::Value buildTransposedConvolution(mlir::OpBuilder &b, mlir::Location loc,
                                       mlir::Value data, mlir::Value weight,
                                       mlir::Value bias,
                                       mlir::RankedTensorType outType,
                                       const TransposedConvGeometry &geometry);

/// Declares the external function `name` of `type` in the module that
/// holds `op`, unless it is already there.
void declareFunction(mlir::OpBuilder &b, mlir::Operation *op,
                     llvm::StringRef name, mlir::FunctionType type);

/// Calls `kernel`, a C-interface function of lib/Runtime (Kernels.h) that
/// writes its output buffers (its first arguments) from the input tensors
/// and scalars that follow. Declares the kernel in the module on first use;
/// returns the outputs as tensors of `resultTypes`.
llvm::SmallVector<mlir::Value>
buildRuntimeCall(mlir::OpBuilder &b, mlir::Location loc, mlir::Operation *op,
                 llvm::StringRef kernel,
                 llvm::ArrayRef<mlir::RankedTensorType> resultTypes,
                 mlir::ValueRange inputs, mlir::ValueRange scalars);

/// The static ranked type of `value`, or a match failure.
llvm::FailureOr<mlir::RankedTensorType>
getStaticType(mlir::ConversionPatternRewriter &rewriter, mlir::Operation *op,
              mlir::Value value);

/// The static ranked type of `value`, or failure with a diagnostic naming
/// the op when it is not static or its dtype is not a float.
llvm::FailureOr<mlir::RankedTensorType>
getStaticFloatType(mlir::ConversionPatternRewriter &rewriter,
                   mlir::Operation *op, mlir::Value value);

} // namespace symc

#endif
