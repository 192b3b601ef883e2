//===- SymDialect.td - the sym dialect: MXNet Symbol graphs -*- tablegen -*-===//
//
// The dialect definition and its base classes. Ops are split by family into
// SymNNOps.td, SymTensorOps.td and SymElementwiseOps.td.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_DIALECT
#define SYM_DIALECT

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"

def Sym_Dialect : Dialect {
  let name = "sym";
  let cppNamespace = "::symc::sym";
  let summary = "Apache MXNet Symbol graphs";
  let description = [{
    One op per MXNet operator, named as MXNet's canonical registration
    (`sym.FullyConnected`, `sym.elemwise_add`, `sym._plus_scalar`). Operands
    and results are builtin tensors; an unknown dimension is `?`, an unknown
    shape is an unranked tensor and an unknown dtype is `!sym.unknown`.
    Attributes are typed and carry MXNet's defaults. Ops that symc does not
    model import as `sym.operator`, which keeps MXNet's op name and attribute
    strings so that every model imports and exports.
  }];
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let extraClassDeclaration = [{
    void registerTypes();
    void registerAttributes();
  }];
}

#endif // SYM_DIALECT
