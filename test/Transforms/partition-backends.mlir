// RUN: sym-opt %s -split-input-file -mlir-print-local-scope -mlir-print-debuginfo \
// RUN:   --sym-partition="backend=symc options=min_subgraph_size=3" | FileCheck %s --check-prefix=FILTER
// RUN: sym-opt %s -split-input-file -mlir-print-local-scope -mlir-print-debuginfo \
// RUN:   --sym-partition="backend=symc options=exclude_ops=[Activation]" | FileCheck %s --check-prefix=EXCLUDE
// RUN: sym-opt %s -split-input-file -mlir-print-local-scope -mlir-print-debuginfo \
// RUN:   --sym-partition="backend=custom options=supported_ops=[exp|sin|tanh],subgraph_ids=[a:0|b:1]" \
// RUN:   | FileCheck %s --check-prefix=CUSTOM

// The symc backend selects every op symc compiles: not sym.operator (an op
// symc does not model). Filter drops the two-op subgraph before the
// unmodelled op when min_subgraph_size is 3; exclude_ops keeps the
// Activation out and splits the chain.
// FILTER-LABEL: func @chain
// FILTER: sym.exp {{.*}} loc("a")
// FILTER-NEXT: sym.sin {{.*}} loc("b")
// FILTER-NEXT: sym.operator "_contrib_Fancy"
// FILTER-NEXT: sym.subgraph "_symc_subgraph"
// FILTER: loc("c")
// FILTER: loc("d")
// FILTER: loc("e")
// FILTER: } loc("_symc_subgraph0")
// EXCLUDE-LABEL: func @chain
// EXCLUDE: sym.subgraph "_symc_subgraph"
// EXCLUDE: } loc("_symc_subgraph0")
// EXCLUDE: sym.operator "_contrib_Fancy"
// EXCLUDE: sym.subgraph "_symc_subgraph"
// EXCLUDE: } loc("_symc_subgraph1")
// EXCLUDE-NEXT: sym.Activation {{.*}} loc("d")
// EXCLUDE-NEXT: sym.subgraph "_symc_subgraph"
// EXCLUDE: } loc("_symc_subgraph2")
func.func @chain(%x: tensor<4xf32> {sym.name = "x"}) -> tensor<4xf32> {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  %b = sym.sin %a : (tensor<4xf32>) -> tensor<4xf32> loc("b")
  %f = sym.operator "_contrib_Fancy"(%b) : (tensor<4xf32>) -> tensor<4xf32> loc("fancy")
  %c = sym.cos %f : (tensor<4xf32>) -> tensor<4xf32> loc("c")
  %d = sym.Activation %c {act_type = #sym.act_type<relu>} : (tensor<4xf32>) -> tensor<4xf32> loc("d")
  %e = sym.tanh %d : (tensor<4xf32>) -> tensor<4xf32> loc("e")
  return %e : tensor<4xf32>
}

// -----

// The custom backend colours nodes as lib_api.h's supportedOps does: `a`
// has id 0, `b` id 1, the other supported ops -1 (any). Growth joins equal
// ids or -1, so `a` and `b` never share a subgraph; nodes are `_op<N>`.
// CUSTOM-LABEL: func @colours
// CUSTOM: sym.subgraph "_custom_subgraph_op"
// CUSTOM: loc("a")
// CUSTOM: loc("t")
// CUSTOM: } loc("_op0")
// CUSTOM: sym.subgraph "_custom_subgraph_op"
// CUSTOM: loc("b")
// CUSTOM: } loc("_op1")
func.func @colours(%x: tensor<4xf32> {sym.name = "x"}) -> tensor<4xf32> {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  %t = sym.tanh %a : (tensor<4xf32>) -> tensor<4xf32> loc("t")
  %b = sym.sin %t : (tensor<4xf32>) -> tensor<4xf32> loc("b")
  return %b : tensor<4xf32>
}
