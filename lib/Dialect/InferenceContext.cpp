//===- InferenceContext.cpp - MXNet's shape and dtype assignment rules ----===//

#include "symc/Dialect/InferenceContext.h"
#include "symc/Dialect/DType.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Location.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace symc::sym {

PartialShape PartialShape::fromType(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked)
    return PartialShape();
  SmallVector<int64_t> dims;
  for (int64_t d : ranked.getShape())
    dims.push_back(ShapedType::isDynamic(d) ? kUnknownDim : d);
  return PartialShape(dims);
}

bool PartialShape::isComplete() const {
  return hasRank() && llvm::none_of(*dims, [](int64_t d) { return d < 0; });
}

int64_t PartialShape::numUnknown() const {
  if (!hasRank())
    return 1;
  return llvm::count_if(*dims, [](int64_t d) { return d < 0; });
}

int64_t PartialShape::numElements() const {
  if (!isComplete())
    return kUnknownDim;
  int64_t n = 1;
  for (int64_t d : *dims)
    n = multiplyDims(n, d);
  return n;
}

std::optional<PartialShape> PartialShape::merge(const PartialShape &a,
                                                const PartialShape &b) {
  if (!a.hasRank())
    return b;
  if (!b.hasRank())
    return a;
  if (a.rank() != b.rank())
    return std::nullopt;
  PartialShape result = a;
  for (int64_t i = 0, e = a.rank(); i < e; ++i) {
    if (b[i] == kUnknownDim)
      continue;
    if (a[i] != kUnknownDim && a[i] != b[i])
      return std::nullopt;
    result[i] = b[i];
  }
  return result;
}

std::string PartialShape::str(bool tuple) const {
  if (!hasRank())
    return tuple ? "None" : "[]";
  std::string s;
  llvm::raw_string_ostream os(s);
  os << (tuple ? '(' : '[');
  llvm::interleave(*dims, os, ",");
  if (tuple && rank() == 1)
    os << ',';
  os << (tuple ? ')' : ']');
  return s;
}

Type PartialShape::toTensorType(Type elementType) const {
  if (!hasRank())
    return UnrankedTensorType::get(elementType);
  SmallVector<int64_t> shape;
  for (int64_t d : *dims)
    shape.push_back(d == kUnknownDim ? ShapedType::kDynamic : d);
  return RankedTensorType::get(shape, elementType);
}

std::optional<int64_t> normalizeAxis(int64_t axis, int64_t rank) {
  if (axis < -rank || axis >= rank)
    return std::nullopt;
  return axis < 0 ? axis + rank : axis;
}

SmallVector<int64_t> tupleOrDefault(ArrayRef<int64_t> values, size_t rank,
                                    int64_t dflt) {
  return values.empty() ? SmallVector<int64_t>(rank, dflt)
                        : SmallVector<int64_t>(values);
}

int64_t multiplyDims(int64_t a, int64_t b) {
  int64_t product;
  if (a < 0 || b < 0 || llvm::MulOverflow(a, b, product))
    return PartialShape::kUnknownDim;
  return product;
}

std::string getNodeName(Operation *op) {
  Location loc = op->getLoc();
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (!fused.getLocations().empty())
      loc = fused.getLocations().front();
  if (auto name = dyn_cast<NameLoc>(loc))
    return name.getName().str();
  return op->getName().getStringRef().str();
}

//===----------------------------------------------------------------------===//
// ShapeInferenceContext
//===----------------------------------------------------------------------===//

InFlightDiagnostic ShapeInferenceContext::emitError(const Twine &msg) const {
  return op->emitError() << "Error in operator " << getNodeName(op) << ": "
                         << msg;
}

LogicalResult ShapeInferenceContext::assign(PartialShape &slot,
                                            const PartialShape &shape) {
  std::optional<PartialShape> merged = PartialShape::merge(slot, shape);
  if (!merged)
    return emitError("Shape inconsistent, Provided = " + slot.str() +
                     ", inferred shape=" + shape.str(/*tuple=*/true));
  slot = std::move(*merged);
  return success();
}

LogicalResult ShapeInferenceContext::assignInput(unsigned i,
                                                 const PartialShape &shape) {
  return assign(inputs[i], shape);
}

LogicalResult ShapeInferenceContext::assignOutput(unsigned i,
                                                  const PartialShape &shape) {
  return assign(outputs[i], shape);
}

/// The failed check of MXNet's ElemwiseAttr, as MXNet words it.
static std::string elemwiseMismatch(Operation *op, unsigned index,
                                    StringRef side, StringRef expected,
                                    StringRef got) {
  return ("Check failed: assign(&dattr, vec.at(i)): Incompatible attr in node " +
          getNodeName(op) + " at " + Twine(index) + "-th " + side +
          ": expected " + expected + ", got " + got)
      .str();
}

LogicalResult ShapeInferenceContext::inferSameShape() {
  // MXNet's ElemwiseShape: one shape deduced from the inputs, then the
  // outputs, and written back to all of them.
  PartialShape common;
  for (auto [side, values] : {std::make_pair("input", &inputs),
                              std::make_pair("output", &outputs)}) {
    for (unsigned i = 0, e = values->size(); i < e; ++i) {
      const PartialShape &s = (*values)[i];
      std::optional<PartialShape> merged = PartialShape::merge(common, s);
      if (!merged)
        return emitError(elemwiseMismatch(op, i, side, common.str(), s.str()));
      common = std::move(*merged);
    }
  }
  for (PartialShape &s : inputs)
    s = common;
  for (PartialShape &s : outputs)
    s = common;
  return success();
}

LogicalResult ShapeInferenceContext::inferSameShapeOf(unsigned in,
                                                      unsigned out) {
  if (failed(assignOutput(out, inputs[in])))
    return failure();
  return assignInput(in, outputs[out]);
}

//===----------------------------------------------------------------------===//
// TypeInferenceContext
//===----------------------------------------------------------------------===//

static std::string dtypeName(Type type) {
  if (const DTypeInfo *info = lookupDTypeByType(type))
    return info->name.str();
  std::string s;
  llvm::raw_string_ostream os(s);
  os << type;
  return s;
}

InFlightDiagnostic TypeInferenceContext::emitError(const Twine &msg) const {
  return op->emitError() << "Error in operator " << getNodeName(op) << ": "
                         << msg;
}

LogicalResult TypeInferenceContext::assign(Type &slot, Type type,
                                           StringRef side, unsigned index) {
  if (!type)
    return success();
  if (slot && slot != type)
    return emitError("Incompatible attr in node " + getNodeName(op) + " at " +
                     Twine(index) + "-th " + side + ": expected " +
                     dtypeName(type) + ", got " + dtypeName(slot));
  slot = type;
  return success();
}

LogicalResult TypeInferenceContext::assignInput(unsigned i, Type type) {
  return assign(inputs[i], type, "input", i);
}

LogicalResult TypeInferenceContext::assignOutput(unsigned i, Type type) {
  return assign(outputs[i], type, "output", i);
}

LogicalResult TypeInferenceContext::inferSameType() {
  // MXNet's ElemwiseType: the first known dtype, outputs first; a
  // different one is ElemwiseAttr's failed check.
  Type common;
  for (Type t : llvm::concat<Type>(outputs, inputs))
    if (t && !common)
      common = t;
  for (auto [side, values] : {std::make_pair("output", &outputs),
                              std::make_pair("input", &inputs)}) {
    for (unsigned i = 0, e = values->size(); i < e; ++i) {
      Type &t = (*values)[i];
      if (t && t != common)
        return emitError(elemwiseMismatch(op, i, side, dtypeName(common),
                                          dtypeName(t)));
      t = common;
    }
  }
  return success();
}

} // namespace symc::sym
