// RUN: sym-opt %s -split-input-file -mlir-print-debuginfo -mlir-print-local-scope \
// RUN:   --sym-partition="backend=default options=op_names=[exp|sin|elemwise_add|elemwise_mul]" \
// RUN:   | FileCheck %s
// RUN: sym-opt %s -split-input-file -mlir-print-debuginfo -mlir-print-local-scope \
// RUN:   --sym-partition="backend=default options=op_names=[exp|sin|elemwise_add|elemwise_mul],dedup_subgraph=True" \
// RUN:   | FileCheck %s --check-prefix=DEDUP

// Select seeds at `a` (the first selected node in nnvm order); the growth
// reaches `c` through SelectOutput and `b` through SelectInput. The relu
// is not selected and stays outside, consuming output 0.
// CHECK-LABEL: func @grow_both_ways
// CHECK: %[[SG:.*]]:2 = sym.subgraph "_CachedOp"(%arg0, %arg1) {input_names = ["x0", "y0"]}
// CHECK-NEXT: ^bb0(%[[X:.*]]: tensor<4xf32> loc("x0"), %[[Y:.*]]: tensor<4xf32> loc("y0")):
// CHECK-NEXT: %[[A:.*]] = sym.exp %[[X]] {{.*}} loc("a")
// CHECK-NEXT: %[[B:.*]] = sym.sin %[[Y]] {{.*}} loc("b")
// CHECK-NEXT: %[[C:.*]] = sym.elemwise_add %[[A]], %[[B]] {{.*}} loc("c")
// CHECK-NEXT: sym.yield %[[C]], %[[C]]
// CHECK-NEXT: } loc("_CachedOp0")
// CHECK: sym.Activation %[[SG]]#0
// CHECK: return %{{.*}}, %[[SG]]#1
func.func @grow_both_ways(%x: tensor<4xf32> {sym.name = "x"}, %y: tensor<4xf32> {sym.name = "y"})
    -> (tensor<4xf32>, tensor<4xf32>) {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  %b = sym.sin %y : (tensor<4xf32>) -> tensor<4xf32> loc("b")
  %c = sym.elemwise_add %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("c")
  %r = sym.Activation %c {act_type = #sym.act_type<relu>} : (tensor<4xf32>) -> tensor<4xf32> loc("r")
  return %r, %c : tensor<4xf32>, tensor<4xf32>
}

// -----

// The cycle retry: {a, s, d} would be left through `r` and re-entered at
// `d`, so the node with the largest id (`d`) is excluded and the growth
// from `a` retried; `d` then seeds a subgraph of its own, fed by the first.
// CHECK-LABEL: func @cycle_excludes_largest_id
// CHECK: %[[S0:.*]]:2 = sym.subgraph "_CachedOp"(%arg0) {input_names = ["x0"]}
// CHECK: loc("a")
// CHECK: loc("s")
// CHECK: } loc("_CachedOp0")
// CHECK: %[[R:.*]] = sym.Activation %[[S0]]#0
// CHECK: sym.subgraph "_CachedOp"(%[[R]], %[[S0]]#1) {input_names = ["r_output0", "_CachedOp0_s_output0"]}
// CHECK: loc("d")
// CHECK: } loc("_CachedOp1")
func.func @cycle_excludes_largest_id(%x: tensor<4xf32> {sym.name = "x"}) -> tensor<4xf32> {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  %r = sym.Activation %a {act_type = #sym.act_type<relu>} : (tensor<4xf32>) -> tensor<4xf32> loc("r")
  %s = sym.sin %a : (tensor<4xf32>) -> tensor<4xf32> loc("s")
  %d = sym.elemwise_add %r, %s : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("d")
  return %d : tensor<4xf32>
}

// -----

// One input variable per use (`x0`, `x1`, `x2`), and with dedup_subgraph
// one per value.
// CHECK-LABEL: func @repeated_input
// CHECK: sym.subgraph "_CachedOp"(%arg0, %arg0, %arg0) {input_names = ["x0", "x1", "x2"]}
// DEDUP-LABEL: func @repeated_input
// DEDUP: sym.subgraph "_CachedOp"(%arg0) {input_names = ["x0"]}
func.func @repeated_input(%x: tensor<4xf32> {sym.name = "x"}) -> tensor<4xf32> {
  %m = sym.elemwise_mul %x, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("m")
  %a = sym.elemwise_add %m, %x : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("a")
  return %a : tensor<4xf32>
}

// -----

// Heads and outside uses each get an output, in TopSortEntries order;
// dedup_subgraph merges neighbouring outputs of one value.
// CHECK-LABEL: func @outputs_per_use
// CHECK: %[[S:.*]]:3 = sym.subgraph
// CHECK: sym.yield %[[E:.*]], %[[E]], %{{.*}} :
// CHECK: return %{{.*}}, %[[S]]#1, %{{.*}}
// DEDUP-LABEL: func @outputs_per_use
// DEDUP: %[[S:.*]]:2 = sym.subgraph
// DEDUP: return %{{.*}}, %[[S]]#0, %{{.*}}
func.func @outputs_per_use(%x: tensor<4xf32> {sym.name = "x"}) -> (tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  %e = sym.elemwise_add %a, %a : (tensor<4xf32>, tensor<4xf32>) -> tensor<4xf32> loc("e")
  %t = sym.tanh %e : (tensor<4xf32>) -> tensor<4xf32> loc("t")
  %u = sym.cos %a : (tensor<4xf32>) -> tensor<4xf32> loc("u")
  return %t, %e, %u : tensor<4xf32>, tensor<4xf32>, tensor<4xf32>
}
