//===- SymElementwiseOps.td - elementwise arithmetic ------*- tablegen -*-===//
//
// Same-shape binary ops (elemwise_*, _maximum, _minimum) and the ops with a
// scalar operand (_plus_scalar, _rminus_scalar, ...).
//
//===----------------------------------------------------------------------===//

#ifndef SYM_ELEMENTWISE_OPS
#define SYM_ELEMENTWISE_OPS

include "SymBase.td"

class Sym_BinaryOp<string mnemonic, string what> : Sym_SameShapeOp<mnemonic> {
  let summary = "elementwise " # what # " of two same-shape tensors";
  let description = [{ Source: src/operator/tensor/elemwise_binary_op_basic.cc. }];
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ElemwiseAddOp : Sym_BinaryOp<"elemwise_add", "lhs + rhs">;
def Sym_ElemwiseSubOp : Sym_BinaryOp<"elemwise_sub", "lhs - rhs">;
def Sym_ElemwiseMulOp : Sym_BinaryOp<"elemwise_mul", "lhs * rhs">;
def Sym_ElemwiseDivOp : Sym_BinaryOp<"elemwise_div", "lhs / rhs">;
def Sym_MaximumOp : Sym_BinaryOp<"_maximum", "max(lhs, rhs)">;
def Sym_MinimumOp : Sym_BinaryOp<"_minimum", "min(lhs, rhs)">;

class Sym_ScalarOp<string mnemonic, string what> : Sym_SameShapeOp<mnemonic> {
  let summary = "elementwise " # what;
  let description = [{
    Source: src/operator/tensor/elemwise_binary_scalar_op_basic.cc
    (NumpyBinaryScalarParam: scalar, is_int).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"1.0">:$scalar,
      Sym_DefaultBool<"true">:$is_int);
  let results = (outs Sym_Tensor:$output);
}

def Sym_PlusScalarOp : Sym_ScalarOp<"_plus_scalar", "data + scalar">;
def Sym_MinusScalarOp : Sym_ScalarOp<"_minus_scalar", "data - scalar">;
def Sym_RMinusScalarOp : Sym_ScalarOp<"_rminus_scalar", "scalar - data">;
def Sym_MulScalarOp : Sym_ScalarOp<"_mul_scalar", "data * scalar">;
def Sym_DivScalarOp : Sym_ScalarOp<"_div_scalar", "data / scalar">;
def Sym_RDivScalarOp : Sym_ScalarOp<"_rdiv_scalar", "scalar / data">;
def Sym_MaximumScalarOp : Sym_ScalarOp<"_maximum_scalar", "max(data, scalar)">;
def Sym_MinimumScalarOp : Sym_ScalarOp<"_minimum_scalar", "min(data, scalar)">;

#endif // SYM_ELEMENTWISE_OPS
