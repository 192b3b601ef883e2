//===- SymElementwiseOps.td - elementwise arithmetic ------*- tablegen -*-===//
//
// Unary math, same-shape binary ops (elemwise_*, _maximum, _power, _equal,
// ...), numpy-style broadcasting binary ops (broadcast_*), and the ops with
// a scalar operand (_plus_scalar, _rminus_scalar, _greater_scalar, ...).
// Comparisons and logical ops return 1 or 0 in the input dtype, as MXNet.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_ELEMENTWISE_OPS
#define SYM_ELEMENTWISE_OPS

include "SymBase.td"

class Sym_BinaryOp<string mnemonic, string what>
    : Sym_SameShapeOp<mnemonic, [Sym_PerElement]> {
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

class Sym_ScalarOp<string mnemonic, string what>
    : Sym_SameShapeOp<mnemonic, [Sym_PerElement]> {
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

class Sym_UnaryOp<string mnemonic, string what>
    : Sym_SameShapeOp<mnemonic, [Sym_PerElement]> {
  let summary = "elementwise " # what;
  let description = [{
    Source: src/operator/tensor/elemwise_unary_op_{basic,trig,logexp,pow}.cc,
    formula from mshadow_op.h.
  }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
}

def Sym_AbsOp : Sym_UnaryOp<"abs", "|x|">;
def Sym_SignOp : Sym_UnaryOp<"sign", "sign(x)">;
def Sym_CeilOp : Sym_UnaryOp<"ceil", "ceil(x)">;
def Sym_FloorOp : Sym_UnaryOp<"floor", "floor(x)">;
def Sym_RoundOp : Sym_UnaryOp<"round", "round half away from zero">;
def Sym_RintOp : Sym_UnaryOp<"rint", "round to nearest, ties toward -inf">;
def Sym_FixOp : Sym_UnaryOp<"fix", "round toward zero">;
def Sym_TruncOp : Sym_UnaryOp<"trunc", "truncate toward zero">;
def Sym_SqrtOp : Sym_UnaryOp<"sqrt", "sqrt(x)">;
def Sym_RsqrtOp : Sym_UnaryOp<"rsqrt", "1/sqrt(x)">;
def Sym_CbrtOp : Sym_UnaryOp<"cbrt", "cbrt(x)">;
def Sym_RcbrtOp : Sym_UnaryOp<"rcbrt", "1/cbrt(x)">;
def Sym_ExpOp : Sym_UnaryOp<"exp", "exp(x)">;
def Sym_Expm1Op : Sym_UnaryOp<"expm1", "exp(x) - 1">;
def Sym_LogOp : Sym_UnaryOp<"log", "ln(x)">;
def Sym_Log10Op : Sym_UnaryOp<"log10", "log10(x)">;
def Sym_Log2Op : Sym_UnaryOp<"log2", "log2(x)">;
def Sym_Log1pOp : Sym_UnaryOp<"log1p", "ln(1 + x)">;
def Sym_SinOp : Sym_UnaryOp<"sin", "sin(x)">;
def Sym_CosOp : Sym_UnaryOp<"cos", "cos(x)">;
def Sym_TanOp : Sym_UnaryOp<"tan", "tan(x)">;
def Sym_ArcsinOp : Sym_UnaryOp<"arcsin", "asin(x)">;
def Sym_ArccosOp : Sym_UnaryOp<"arccos", "acos(x)">;
def Sym_ArctanOp : Sym_UnaryOp<"arctan", "atan(x)">;
def Sym_SinhOp : Sym_UnaryOp<"sinh", "sinh(x)">;
def Sym_CoshOp : Sym_UnaryOp<"cosh", "cosh(x)">;
def Sym_TanhOp : Sym_UnaryOp<"tanh", "tanh(x)">;
def Sym_ArcsinhOp : Sym_UnaryOp<"arcsinh", "asinh(x)">;
def Sym_ArccoshOp : Sym_UnaryOp<"arccosh", "acosh(x)">;
def Sym_ArctanhOp : Sym_UnaryOp<"arctanh", "atanh(x)">;
def Sym_DegreesOp : Sym_UnaryOp<"degrees", "x * 180 / pi">;
def Sym_RadiansOp : Sym_UnaryOp<"radians", "x * pi / 180">;
def Sym_SquareOp : Sym_UnaryOp<"square", "x * x">;
def Sym_ReciprocalOp : Sym_UnaryOp<"reciprocal", "1 / x">;
def Sym_NegativeOp : Sym_UnaryOp<"negative", "-x">;
def Sym_ErfOp : Sym_UnaryOp<"erf", "erf(x)">;
def Sym_ErfinvOp : Sym_UnaryOp<"erfinv", "erf^-1(x) (Cephes, in double)">;
def Sym_GammaOp : Sym_UnaryOp<"gamma", "tgamma(x)">;
def Sym_GammalnOp : Sym_UnaryOp<"gammaln", "lgamma(x)">;
def Sym_SigmoidOp : Sym_UnaryOp<"sigmoid", "1 / (1 + exp(-x))">;
def Sym_ReluOp : Sym_UnaryOp<"relu", "max(x, 0)">;
def Sym_SoftsignOp : Sym_UnaryOp<"softsign", "x / (1 + |x|)">;
// log_sigmoid and mish are MXNet 2.0 ops (not in 1.9.1).
def Sym_LogSigmoidOp : Sym_UnaryOp<"log_sigmoid", "log(sigmoid(x))">;
def Sym_MishOp : Sym_UnaryOp<"mish", "x * tanh(softrelu(x))">;
def Sym_LogicalNotOp : Sym_UnaryOp<"logical_not", "x == 0 ? 1 : 0">;
def Sym_CopyOp : Sym_UnaryOp<"_copy", "x (identity)">;
def Sym_BlockGradOp : Sym_UnaryOp<"BlockGrad", "x (stops gradients; identity at inference)">;
def Sym_MakeLossOp : Sym_UnaryOp<"make_loss", "x (a loss head; identity at inference)">;

def Sym_LegacyMakeLossOp : Sym_SameShapeOp<"MakeLoss"> {
  let summary = "a loss head (the legacy op): identity at inference";
  let description = [{ Source: src/operator/make_loss.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"1.0">:$grad_scale,
      Sym_DefaultF64<"0.0">:$valid_thresh,
      DefaultValuedAttr<StrAttr, "\"null\"">:$normalization);
  let results = (outs Sym_Tensor:$output);
}

def Sym_HardSigmoidOp : Sym_SameShapeOp<"hard_sigmoid"> {
  let summary = "max(0, min(1, alpha * x + beta))";
  let description = [{ Source: src/operator/tensor/elemwise_unary_op_basic.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"0.2">:$alpha,
      Sym_DefaultF64<"0.5">:$beta);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ElemwiseModOp : Sym_BinaryOp<"_mod", "lhs mod rhs (sign of rhs)">;
def Sym_ElemwisePowerOp : Sym_BinaryOp<"_power", "lhs ^ rhs">;
def Sym_ElemwiseHypotOp : Sym_BinaryOp<"_hypot", "sqrt(lhs^2 + rhs^2)">;
def Sym_ElemwiseEqualOp : Sym_BinaryOp<"_equal", "lhs == rhs">;
def Sym_ElemwiseNotEqualOp : Sym_BinaryOp<"_not_equal", "lhs != rhs">;
def Sym_ElemwiseGreaterOp : Sym_BinaryOp<"_greater", "lhs > rhs">;
def Sym_ElemwiseGreaterEqualOp : Sym_BinaryOp<"_greater_equal", "lhs >= rhs">;
def Sym_ElemwiseLesserOp : Sym_BinaryOp<"_lesser", "lhs < rhs">;
def Sym_ElemwiseLesserEqualOp : Sym_BinaryOp<"_lesser_equal", "lhs <= rhs">;
def Sym_ElemwiseLogicalAndOp : Sym_BinaryOp<"_logical_and", "lhs && rhs">;
def Sym_ElemwiseLogicalOrOp : Sym_BinaryOp<"_logical_or", "lhs || rhs">;
def Sym_ElemwiseLogicalXorOp : Sym_BinaryOp<"_logical_xor", "lhs xor rhs">;

class Sym_BroadcastOp<string mnemonic, string what> : Sym_Op<mnemonic> {
  let summary = "broadcasting " # what;
  let description = [{
    Numpy-style broadcasting: the shorter shape is padded with 1s on the
    left, and each axis must match or be 1 on one side.
    Source: src/operator/tensor/elemwise_binary_broadcast_op_basic.cc
    (BinaryBroadcastShape in elemwise_binary_broadcast_op.h).
  }];
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs);
  let results = (outs Sym_Tensor:$output);
}

def Sym_BroadcastAddOp : Sym_BroadcastOp<"broadcast_add", "lhs + rhs">;
def Sym_BroadcastSubOp : Sym_BroadcastOp<"broadcast_sub", "lhs - rhs">;
def Sym_BroadcastMulOp : Sym_BroadcastOp<"broadcast_mul", "lhs * rhs">;
def Sym_BroadcastDivOp : Sym_BroadcastOp<"broadcast_div", "lhs / rhs">;
def Sym_BroadcastModOp : Sym_BroadcastOp<"broadcast_mod", "lhs mod rhs (sign of rhs)">;
def Sym_BroadcastPowerOp : Sym_BroadcastOp<"broadcast_power", "lhs ^ rhs">;
def Sym_BroadcastMaximumOp : Sym_BroadcastOp<"broadcast_maximum", "max(lhs, rhs)">;
def Sym_BroadcastMinimumOp : Sym_BroadcastOp<"broadcast_minimum", "min(lhs, rhs)">;
def Sym_BroadcastHypotOp : Sym_BroadcastOp<"broadcast_hypot", "sqrt(lhs^2 + rhs^2)">;
def Sym_BroadcastEqualOp : Sym_BroadcastOp<"broadcast_equal", "lhs == rhs">;
def Sym_BroadcastNotEqualOp : Sym_BroadcastOp<"broadcast_not_equal", "lhs != rhs">;
def Sym_BroadcastGreaterOp : Sym_BroadcastOp<"broadcast_greater", "lhs > rhs">;
def Sym_BroadcastGreaterEqualOp : Sym_BroadcastOp<"broadcast_greater_equal", "lhs >= rhs">;
def Sym_BroadcastLesserOp : Sym_BroadcastOp<"broadcast_lesser", "lhs < rhs">;
def Sym_BroadcastLesserEqualOp : Sym_BroadcastOp<"broadcast_lesser_equal", "lhs <= rhs">;
def Sym_BroadcastLogicalAndOp : Sym_BroadcastOp<"broadcast_logical_and", "lhs && rhs">;
def Sym_BroadcastLogicalOrOp : Sym_BroadcastOp<"broadcast_logical_or", "lhs || rhs">;
def Sym_BroadcastLogicalXorOp : Sym_BroadcastOp<"broadcast_logical_xor", "lhs xor rhs">;

def Sym_PowerScalarOp : Sym_ScalarOp<"_power_scalar", "data ^ scalar">;
def Sym_RPowerScalarOp : Sym_ScalarOp<"_rpower_scalar", "scalar ^ data">;
def Sym_ModScalarOp : Sym_ScalarOp<"_mod_scalar", "data mod scalar">;
def Sym_RModScalarOp : Sym_ScalarOp<"_rmod_scalar", "scalar mod data">;
def Sym_HypotScalarOp : Sym_ScalarOp<"_hypot_scalar", "hypot(data, scalar)">;
def Sym_EqualScalarOp : Sym_ScalarOp<"_equal_scalar", "data == scalar">;
def Sym_NotEqualScalarOp : Sym_ScalarOp<"_not_equal_scalar", "data != scalar">;
def Sym_GreaterScalarOp : Sym_ScalarOp<"_greater_scalar", "data > scalar">;
def Sym_GreaterEqualScalarOp : Sym_ScalarOp<"_greater_equal_scalar", "data >= scalar">;
def Sym_LesserScalarOp : Sym_ScalarOp<"_lesser_scalar", "data < scalar">;
def Sym_LesserEqualScalarOp : Sym_ScalarOp<"_lesser_equal_scalar", "data <= scalar">;
def Sym_LogicalAndScalarOp : Sym_ScalarOp<"_logical_and_scalar", "data && scalar">;
def Sym_LogicalOrScalarOp : Sym_ScalarOp<"_logical_or_scalar", "data || scalar">;
def Sym_LogicalXorScalarOp : Sym_ScalarOp<"_logical_xor_scalar", "data xor scalar">;

def Sym_SmoothL1Op : Sym_SameShapeOp<"smooth_l1"> {
  let summary = "0.5 (s x)^2 if |x| < 1/s^2, else |x| - 0.5/s^2 (s = scalar)";
  let description = [{ Source: src/operator/tensor/elemwise_binary_scalar_op_extended.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"1.0">:$scalar,
      Sym_DefaultBool<"true">:$is_int);
  let results = (outs Sym_Tensor:$output);
}

def Sym_CastStorageOp : Sym_SameShapeOp<"cast_storage"> {
  let summary = "change the storage type; the identity for dense tensors";
  let description = [{ Source: src/operator/tensor/cast_storage.cc. }];
  let arguments = (ins Sym_Tensor:$data, StrAttr:$stype);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ClipOp : Sym_SameShapeOp<"clip"> {
  let summary = "x < a_min ? a_min : (x > a_max ? a_max : x)";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (ClipParam). }];
  let arguments = (ins Sym_Tensor:$data, F64Attr:$a_min, F64Attr:$a_max);
  let results = (outs Sym_Tensor:$output);
}

def Sym_WhereOp : Sym_Op<"where", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "condition != 0 ? x : y, elementwise or by rows";
  let description = [{
    The condition has x's shape, or is 1-D and selects whole rows (axis 0);
    its dtype is independent of x and y.
    Source: src/operator/tensor/control_flow_op.cc (WhereOpShape).
  }];
  let arguments = (ins Sym_Tensor:$condition, Sym_Tensor:$x, Sym_Tensor:$y);
  let results = (outs Sym_Tensor:$output);
}

def Sym_DivSqrtDimOp : Sym_SameShapeOp<"_contrib_div_sqrt_dim"> {
  let summary = "data / sqrt(data.shape[-1])";
  let description = [{ Source: src/operator/contrib/transformer.cc. }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
}

#endif // SYM_ELEMENTWISE_OPS
