//===- SymDialect.h - the sym dialect, its types, attributes and ops -*- C++ -*-===//

#ifndef SYMC_DIALECT_SYMDIALECT_H
#define SYMC_DIALECT_SYMDIALECT_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "symc/Dialect/InferenceContext.h"

#include "symc/Dialect/SymDialect.h.inc"
#include "symc/Dialect/SymEnums.h.inc"

#define GET_TYPEDEF_CLASSES
#include "symc/Dialect/SymTypes.h.inc"

#define GET_ATTRDEF_CLASSES
#include "symc/Dialect/SymAttrs.h.inc"

#include "symc/Dialect/SymInterfaces.h.inc"

namespace symc::sym::OpTrait {
/// Sym_PerElement: each result element comes from the operands' elements
/// at its index alone (the unary, scalar and same-shape binary ops).
template <typename ConcreteType>
class PerElement : public mlir::OpTrait::TraitBase<ConcreteType, PerElement> {};
/// Sym_WeightsAfterData: the operands after the first are the layer's
/// weights, the same for every sample (Convolution, FullyConnected,
/// BatchNorm, LeakyReLU's PReLU gamma).
template <typename ConcreteType>
class WeightsAfterData : public mlir::OpTrait::TraitBase<ConcreteType, WeightsAfterData> {};
} // namespace symc::sym::OpTrait

#define GET_OP_CLASSES
#include "symc/Dialect/SymOps.h.inc"

namespace symc::sym {
/// Name of the dictionary attribute that keeps MXNet attribute strings symc
/// does not interpret, on ops and (as an argument attribute) on variables.
inline constexpr llvm::StringLiteral kMXNetAttrsName = "mxnet.attrs";
/// Argument attributes of the imported function.
inline constexpr llvm::StringLiteral kArgNameAttr = "sym.name";
inline constexpr llvm::StringLiteral kArgAuxAttr = "sym.aux";

/// Whether MXNet attribute `name` of `op` was "None" (an optional<T> set to
/// none, which the importer keeps verbatim in mxnet.attrs).
inline bool isNoneAttr(mlir::Operation *op, llvm::StringRef name) {
  auto dict = op->getAttrOfType<mlir::DictionaryAttr>(kMXNetAttrsName);
  auto value = dict ? dict.getAs<mlir::StringAttr>(name) : nullptr;
  return value && value.getValue().trim() == "None";
}
} // namespace symc::sym

#endif // SYMC_DIALECT_SYMDIALECT_H
