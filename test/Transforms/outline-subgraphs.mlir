// RUN: sym-opt %s --symc-outline-subgraphs | FileCheck %s
// Each subgraph node becomes a private function named after the node and
// a call; two nodes of one name get distinct functions.
// CHECK-LABEL: func.func @main
// CHECK: %[[C:.*]]:2 = call @subgraph._CachedOp0(%arg0) : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
// CHECK: %[[D:.*]] = call @subgraph._CachedOp0_0(%[[C]]#1)
// CHECK: return %[[C]]#0, %[[D]]
// CHECK: func.func private @subgraph._CachedOp0(%[[X:.*]]: tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>)
// CHECK-NEXT: %[[E:.*]] = sym.exp %[[X]]
// CHECK-NEXT: %[[S:.*]] = sym.sin %[[E]]
// CHECK-NEXT: return %[[E]], %[[S]]
// CHECK: func.func private @subgraph._CachedOp0_0(
func.func @main(%x: tensor<4xf32> {sym.name = "x"}) -> (tensor<4xf32>, tensor<4xf32>) {
  %0:2 = sym.subgraph "_CachedOp"(%x) {input_names = ["x0"]} : (tensor<4xf32>) -> (tensor<4xf32>, tensor<4xf32>) {
  ^bb0(%a: tensor<4xf32>):
    %e = sym.exp %a : (tensor<4xf32>) -> tensor<4xf32>
    %s = sym.sin %e : (tensor<4xf32>) -> tensor<4xf32>
    sym.yield %e, %s : tensor<4xf32>, tensor<4xf32>
  } loc("_CachedOp0")
  %1 = sym.subgraph "_CachedOp"(%0#1) {input_names = ["y0"]} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%b: tensor<4xf32>):
    %c = sym.cos %b : (tensor<4xf32>) -> tensor<4xf32>
    sym.yield %c : tensor<4xf32>
  } loc("_CachedOp0")
  return %0#0, %1 : tensor<4xf32>, tensor<4xf32>
}
