//===- SymOps.td - all ops of the sym dialect -------------*- tablegen -*-===//
//
// Includes each op family and defines the generic `sym.operator`, which
// holds an MXNet op that symc does not model yet, and `sym.subgraph`, a node
// that holds a partitioned subgraph (MXNet's `attrs.subgraphs`).
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

def Sym_SubgraphOp : Op<Sym_Dialect, "subgraph", [
    IsolatedFromAbove, RecursiveMemoryEffects, SingleBlock]> {
  let summary = "a node that runs a subgraph (optimize_for's partitions)";
  let description = [{
    MXNet's subgraph node: a node whose `attrs.subgraphs` holds a Symbol,
    as `optimize_for` creates them (`_CachedOp`, `_sg_mkldnn_conv`,
    `_TensorRT`, a custom partitioner's `_op<N>`) and as Symbol JSON writes
    them (a nested `"subgraphs"` list). `op_name` is the MXNet op, the
    location the node name. The region is the subgraph: its block arguments
    are the subgraph's input variables, named by `input_names` (operand i
    feeds argument i), and `sym.yield` gives its heads. Inference sees
    through it: operand i has the type of argument i, result j that of
    yielded value j.

    ```mlir
    %0:2 = sym.subgraph "_CachedOp"(%x, %w) {input_names = ["data0", "fc_weight0"]}
        : (tensor<*xf32>, tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
    ^bb0(%a: tensor<*xf32>, %b: tensor<*xf32>):
      %1 = sym.FullyConnected %a, %b {no_bias = true, num_hidden = 8 : i64} : ...
      sym.yield %1, %1 : tensor<*xf32>, tensor<*xf32>
    } loc("_CachedOp0")
    ```
  }];
  let arguments = (ins StrAttr:$op_name, Variadic<Sym_Tensor>:$inputs,
                       StrArrayAttr:$input_names,
                       OptionalAttr<DictArrayAttr>:$input_attrs);
  let results = (outs Variadic<Sym_Tensor>:$outputs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $op_name `(` $inputs `)` attr-dict `:` functional-type($inputs, results)
    $body
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    mlir::Block &getBodyBlock() { return getBody().front(); }
    YieldOp getYield();
  }];
}

def Sym_YieldOp : Op<Sym_Dialect, "yield", [
    Pure, Terminator, HasParent<"SubgraphOp">]> {
  let summary = "the heads of a subgraph";
  let arguments = (ins Variadic<Sym_Tensor>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

#endif // SYM_OPS
