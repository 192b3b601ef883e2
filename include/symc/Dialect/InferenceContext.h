//===- InferenceContext.h - MXNet-style partial shapes and dtypes -*- C++ -*-===//
//
// The state an op's SymInferInterface methods read and refine: the partial
// shapes (or dtypes) of its operands and results, with MXNet's assignment
// rule (unknown takes the new value; known must agree or it is an error).
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_DIALECT_INFERENCECONTEXT_H
#define SYMC_DIALECT_INFERENCECONTEXT_H

#include "mlir/IR/Operation.h"
#include "mlir/IR/Types.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace symc::sym {

/// MXNet's TShape in np-shape semantics: an unknown rank, or a rank whose
/// dimensions are each known (>= 0) or unknown (kUnknownDim).
class PartialShape {
public:
  static constexpr int64_t kUnknownDim = -1;

  PartialShape() = default; // unknown rank
  explicit PartialShape(llvm::ArrayRef<int64_t> dims)
      : dims(llvm::SmallVector<int64_t>(dims.begin(), dims.end())) {}
  static PartialShape ofRank(int64_t rank) {
    return PartialShape(llvm::SmallVector<int64_t>(rank, kUnknownDim));
  }
  /// The shape of a tensor type (unknown for anything else).
  static PartialShape fromType(mlir::Type type);

  bool hasRank() const { return dims.has_value(); }
  int64_t rank() const { return dims ? (int64_t)dims->size() : -1; }
  llvm::ArrayRef<int64_t> getDims() const { return *dims; }
  int64_t operator[](int64_t i) const { return (*dims)[i]; }
  int64_t &operator[](int64_t i) { return (*dims)[i]; }
  bool isKnown(int64_t i) const { return (*dims)[i] != kUnknownDim; }
  /// Known rank and every dimension known.
  bool isComplete() const;
  /// Unknown dims, an unknown rank counting as one (InferShapeAttr's count).
  int64_t numUnknown() const;
  /// Product of the dims, or kUnknownDim if any is unknown.
  int64_t numElements() const;

  /// The most precise shape consistent with both, or nullopt on conflict.
  static std::optional<PartialShape> merge(const PartialShape &a,
                                           const PartialShape &b);
  /// `[2,-1,3]` as MXNet prints a provided shape; `(2,-1,3)` when `tuple`.
  std::string str(bool tuple = false) const;
  /// The tensor type with this shape: ranked with `?` dims, or unranked.
  mlir::Type toTensorType(mlir::Type elementType) const;

  bool operator==(const PartialShape &o) const { return dims == o.dims; }

private:
  std::optional<llvm::SmallVector<int64_t>> dims;
};

/// Shapes of one op's operands and results during sym-infer-shapes.
class ShapeInferenceContext {
public:
  ShapeInferenceContext(mlir::Operation *op,
                        llvm::SmallVector<PartialShape> inputs,
                        llvm::SmallVector<PartialShape> outputs)
      : op(op), inputs(std::move(inputs)), outputs(std::move(outputs)) {}

  mlir::Operation *getOp() const { return op; }
  unsigned getNumInputs() const { return inputs.size(); }
  unsigned getNumOutputs() const { return outputs.size(); }
  const PartialShape &input(unsigned i) const { return inputs[i]; }
  const PartialShape &output(unsigned i) const { return outputs[i]; }
  llvm::ArrayRef<PartialShape> getInputs() const { return inputs; }
  llvm::ArrayRef<PartialShape> getOutputs() const { return outputs; }

  /// SHAPE_ASSIGN_CHECK: refine, or emit MXNet's "Shape inconsistent" error.
  llvm::LogicalResult assignInput(unsigned i, const PartialShape &shape);
  llvm::LogicalResult assignOutput(unsigned i, const PartialShape &shape);
  /// Replaces input `i` whatever it was (MXNet rules that write
  /// `in_shape->at(i) = ...` instead of SHAPE_ASSIGN_CHECK).
  void overwriteInput(unsigned i, const PartialShape &shape) {
    inputs[i] = shape;
    overwritten.resize(inputs.size());
    overwritten[i] = true;
  }
  bool isOverwritten(unsigned i) const {
    return i < overwritten.size() && overwritten[i];
  }
  /// ElemwiseShape: all inputs and outputs share one shape.
  llvm::LogicalResult inferSameShape();
  /// Input `in` and output `out` share one shape (both ways).
  llvm::LogicalResult inferSameShapeOf(unsigned in, unsigned out);
  /// "Error in operator <node>: <msg>", at the op's location.
  mlir::InFlightDiagnostic emitError(const llvm::Twine &msg) const;

private:
  llvm::LogicalResult assign(PartialShape &slot, const PartialShape &shape);

  mlir::Operation *op;
  llvm::SmallVector<PartialShape> inputs, outputs;
  llvm::SmallVector<bool> overwritten;
};

/// Dtypes of one op's operands and results during sym-infer-types; a null
/// Type means unknown.
class TypeInferenceContext {
public:
  TypeInferenceContext(mlir::Operation *op, llvm::SmallVector<mlir::Type> inputs,
                       llvm::SmallVector<mlir::Type> outputs)
      : op(op), inputs(std::move(inputs)), outputs(std::move(outputs)) {}

  mlir::Operation *getOp() const { return op; }
  unsigned getNumInputs() const { return inputs.size(); }
  unsigned getNumOutputs() const { return outputs.size(); }
  mlir::Type input(unsigned i) const { return inputs[i]; }
  mlir::Type output(unsigned i) const { return outputs[i]; }
  llvm::ArrayRef<mlir::Type> getInputs() const { return inputs; }
  llvm::ArrayRef<mlir::Type> getOutputs() const { return outputs; }

  llvm::LogicalResult assignInput(unsigned i, mlir::Type type);
  llvm::LogicalResult assignOutput(unsigned i, mlir::Type type);
  /// ElemwiseType: all inputs and outputs share one dtype.
  llvm::LogicalResult inferSameType();
  mlir::InFlightDiagnostic emitError(const llvm::Twine &msg) const;

private:
  llvm::LogicalResult assign(mlir::Type &slot, mlir::Type type,
                             llvm::StringRef side, unsigned index);

  mlir::Operation *op;
  llvm::SmallVector<mlir::Type> inputs, outputs;
};

/// The MXNet node name carried by an op's NameLoc (the op name if none).
std::string getNodeName(mlir::Operation *op);

/// A possibly negative axis of a rank-`rank` shape made non-negative;
/// nullopt when out of range.
std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank);

/// An MXNet window tuple (stride, pad, ...), or `rank` copies of `dflt`
/// when it is empty.
llvm::SmallVector<int64_t> tupleOrDefault(llvm::ArrayRef<int64_t> values,
                                          size_t rank, int64_t dflt);

/// a * b for dimensions: unknown if either is unknown or on overflow.
int64_t multiplyDims(int64_t a, int64_t b);

} // namespace symc::sym

#endif // SYMC_DIALECT_INFERENCECONTEXT_H
