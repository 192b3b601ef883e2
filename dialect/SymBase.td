//===- SymBase.td - types, enums and op base classes of sym -*- tablegen -*-===//
//
// The unknown dtype, the MXNet enumerations (act_type, pool_type, ...) and
// the Sym_Op base class that every op derives from.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_BASE
#define SYM_BASE

include "SymDialect.td"
include "SymInterfaces.td"
include "mlir/IR/EnumAttr.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

def Sym_UnknownType : TypeDef<Sym_Dialect, "Unknown"> {
  let mnemonic = "unknown";
  let summary = "an element type not inferred yet (MXNet dtype -1)";
}

def Sym_Tensor : AnyTypeOf<[AnyRankedTensor, AnyUnrankedTensor]>;

//===----------------------------------------------------------------------===//
// Enumerations, spelled as MXNet spells them in attribute strings.
//===----------------------------------------------------------------------===//

// I32EnumAttrCase values must be distinct: number the cases explicitly.
class Sym_Case<string s, int v> : I32EnumAttrCase<s, v>;

def Sym_ActTypeEnum : I32EnumAttr<"ActType", "Activation act_type", [
    Sym_Case<"relu", 0>, Sym_Case<"sigmoid", 1>, Sym_Case<"tanh", 2>,
    Sym_Case<"softrelu", 3>, Sym_Case<"softsign", 4>,
    Sym_Case<"log_sigmoid", 5>, Sym_Case<"mish", 6>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_ActTypeAttr : EnumAttr<Sym_Dialect, Sym_ActTypeEnum, "act_type"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_LeakyActTypeEnum : I32EnumAttr<"LeakyActType", "LeakyReLU act_type", [
    Sym_Case<"leaky", 0>, Sym_Case<"prelu", 1>, Sym_Case<"rrelu", 2>,
    Sym_Case<"elu", 3>, Sym_Case<"selu", 4>, Sym_Case<"gelu", 5>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_LeakyActTypeAttr
    : EnumAttr<Sym_Dialect, Sym_LeakyActTypeEnum, "leaky_act_type"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_PoolTypeEnum : I32EnumAttr<"PoolType", "Pooling pool_type", [
    Sym_Case<"max", 0>, Sym_Case<"avg", 1>, Sym_Case<"sum", 2>,
    Sym_Case<"lp", 3>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_PoolTypeAttr : EnumAttr<Sym_Dialect, Sym_PoolTypeEnum, "pool_type"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_PoolingConventionEnum
    : I32EnumAttr<"PoolingConvention", "Pooling pooling_convention", [
    Sym_Case<"valid", 0>, Sym_Case<"full", 1>, Sym_Case<"same", 2>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_PoolingConventionAttr
    : EnumAttr<Sym_Dialect, Sym_PoolingConventionEnum, "pooling_convention"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_SoftmaxActivationModeEnum
    : I32EnumAttr<"SoftmaxActivationMode", "SoftmaxActivation mode", [
    Sym_Case<"instance", 0>, Sym_Case<"channel", 1>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_SoftmaxActivationModeAttr : EnumAttr<Sym_Dialect,
    Sym_SoftmaxActivationModeEnum, "softmax_activation_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_SoftmaxNormalizationEnum
    : I32EnumAttr<"SoftmaxNormalization", "SoftmaxOutput normalization", [
    Sym_Case<"null", 0>, Sym_Case<"batch", 1>, Sym_Case<"valid", 2>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_SoftmaxNormalizationAttr : EnumAttr<Sym_Dialect,
    Sym_SoftmaxNormalizationEnum, "softmax_normalization"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_DropoutModeEnum : I32EnumAttr<"DropoutMode", "Dropout mode", [
    Sym_Case<"training", 0>, Sym_Case<"always", 1>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_DropoutModeAttr
    : EnumAttr<Sym_Dialect, Sym_DropoutModeEnum, "dropout_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

def Sym_RNNModeEnum : I32EnumAttr<"RNNMode", "RNN mode", [
    Sym_Case<"rnn_relu", 0>, Sym_Case<"rnn_tanh", 1>, Sym_Case<"lstm", 2>,
    Sym_Case<"gru", 3>]> {
  let cppNamespace = "::symc::sym";
  let genSpecializedAttr = 0;
}
def Sym_RNNModeAttr : EnumAttr<Sym_Dialect, Sym_RNNModeEnum, "rnn_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

//===----------------------------------------------------------------------===//
// Attribute shorthands with MXNet's defaults.
//===----------------------------------------------------------------------===//

// An i64 attribute read as int64_t (upstream I64Attr reads as uint64_t, which
// silently breaks negative axes).
def Sym_I64Attr : TypedSignlessIntegerAttrBase<I64, "int64_t",
    "64-bit signless integer attribute"> {
  let convertFromStorage = "$_self.getValue().getSExtValue()";
}

class Sym_DefaultBool<string v> : DefaultValuedAttr<BoolAttr, v>;
class Sym_DefaultI64<string v> : DefaultValuedAttr<Sym_I64Attr, v>;
class Sym_DefaultF64<string v> : DefaultValuedAttr<F64Attr, v>;
// A tuple such as `stride`; empty means "use the op's default".
def Sym_OptTuple : DefaultValuedAttr<DenseI64ArrayAttr, "{}">;

//===----------------------------------------------------------------------===//
// Op base classes
//===----------------------------------------------------------------------===//

// Every sym op is pure and infers shapes and dtypes through SymInferInterface.
// `mxnet.attrs` (a dictionary of strings, optional on any op) keeps the
// attributes that symc does not interpret (workspace, cudnn_tune, __lr_mult__)
// so that export writes them back.
class Sym_Op<string mnemonic, list<Trait> traits = []>
    : Op<Sym_Dialect, mnemonic,
         traits # [Pure, DeclareOpInterfaceMethods<Sym_InferInterface, ["inferShapes"]>]> {
  let assemblyFormat = [{
    operands attr-dict `:` functional-type(operands, results)
  }];
}

// Each element of the result is computed from the elements at the same
// index of the operands alone (all of the result's shape): a slice of the
// operands (one sample of a batch) gives the same slice of the result.
def Sym_PerElement : NativeOpTrait<"PerElement"> {
  let cppNamespace = "::symc::sym::OpTrait";
}

// A layer whose operands after the first (its data) are weights: a
// convolution's filter and bias, a BatchNorm's parameters and statistics,
// a PReLU's gamma. They are the same for every sample of a batch.
def Sym_WeightsAfterData : NativeOpTrait<"WeightsAfterData"> {
  let cppNamespace = "::symc::sym::OpTrait";
}

// An op whose inputs and single output share one shape and one dtype.
class Sym_SameShapeOp<string mnemonic, list<Trait> traits = []>
    : Op<Sym_Dialect, mnemonic,
         traits # [Pure, Sym_InferInterface]> {
  let assemblyFormat = [{
    operands attr-dict `:` functional-type(operands, results)
  }];
}

#endif // SYM_BASE
