//===- SymOps.td - all ops of the sym dialect -------------*- tablegen -*-===//
//
// Includes each op family and defines the generic `sym.operator`, which
// holds an MXNet op that symc does not model yet.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_OPS
#define SYM_OPS

include "SymBase.td"
include "SymNNOps.td"
include "SymTensorOps.td"
include "SymElementwiseOps.td"
include "SymReduceOps.td"
include "SymDetectionOps.td"

def Sym_GenericOp : Op<Sym_Dialect, "operator", [Pure]> {
  let summary = "an MXNet op that symc does not model";
  let description = [{
    Keeps the MXNet op name and its attribute strings verbatim, so that
    every model imports, infers what it can around it, and exports back
    unchanged. Lowering refuses it with a diagnostic naming the node and op.

    ```mlir
    %0 = sym.operator "WarpCTC"(%data, %label) {mxnet.attrs = {label_length = "10"}}
           : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
    ```
  }];
  let arguments = (ins StrAttr:$op_name, Variadic<Sym_Tensor>:$inputs);
  let results = (outs Variadic<Sym_Tensor>:$outputs);
  let assemblyFormat = [{
    $op_name `(` $inputs `)` attr-dict `:` functional-type($inputs, results)
  }];
}

#endif // SYM_OPS
