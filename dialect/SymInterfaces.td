//===- SymInterfaces.td - shape and dtype inference of sym ops -*- tablegen -*-===//
//
// MXNet's FInferShape / FInferType: an op sees the shapes (dtypes) of its
// inputs *and* outputs and may refine either side, so that the inference
// passes can run forward and backward sweeps to a fixpoint.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_INTERFACES
#define SYM_INTERFACES

include "mlir/IR/OpBase.td"

def Sym_InferInterface : OpInterface<"SymInferInterface"> {
  let cppNamespace = "::symc::sym";
  let description = [{
    Bidirectional shape and dtype inference with MXNet's semantics. Each
    method reads the current (possibly partial) shapes or dtypes of the
    operands and results from the context and assigns what it can deduce to
    either side; an assignment that contradicts a known value fails with
    MXNet's "Shape inconsistent" / "Type inconsistent" diagnostic. The default
    implementations are MXNet's ElemwiseShape / ElemwiseType: every input and
    output has the same shape and dtype.
  }];
  let methods = [
    InterfaceMethod<"Refine operand and result shapes.",
      "::llvm::LogicalResult", "inferShapes",
      (ins "::symc::sym::ShapeInferenceContext &":$ctx), [{}], [{
        return ctx.inferSameShape();
      }]>,
    InterfaceMethod<"Refine operand and result dtypes.",
      "::llvm::LogicalResult", "inferTypes",
      (ins "::symc::sym::TypeInferenceContext &":$ctx), [{}], [{
        return ctx.inferSameType();
      }]>,
  ];
}

#endif // SYM_INTERFACES
