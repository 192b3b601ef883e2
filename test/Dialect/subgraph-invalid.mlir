// RUN: sym-opt %s -split-input-file -verify-diagnostics

func.func @arg_count(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'sym.subgraph' op has 1 inputs but its body has 2 arguments}}
  %0 = sym.subgraph "_CachedOp"(%x) {input_names = ["x0"]} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>, %b: tensor<4xf32>):
    sym.yield %a : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @names(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'sym.subgraph' op has 1 inputs but 2 input_names}}
  %0 = sym.subgraph "_CachedOp"(%x) {input_names = ["x0", "x1"]} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    sym.yield %a : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @results(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-error @+1 {{'sym.subgraph' op has 1 results but yields 2 values}}
  %0 = sym.subgraph "_CachedOp"(%x) {input_names = ["x0"]} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    sym.yield %a, %a : tensor<4xf32>, tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}

// -----

func.func @isolated(%x: tensor<4xf32>) -> tensor<4xf32> {
  // expected-note @+1 {{required by region isolation constraints}}
  %0 = sym.subgraph "_CachedOp"(%x) {input_names = ["x0"]} : (tensor<4xf32>) -> tensor<4xf32> {
  ^bb0(%a: tensor<4xf32>):
    // expected-error @+1 {{using value defined outside the region}}
    %e = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32>
    sym.yield %e : tensor<4xf32>
  }
  return %0 : tensor<4xf32>
}
