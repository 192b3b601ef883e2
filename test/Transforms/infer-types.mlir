// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-types))' | FileCheck %s

// Dtypes flow from a known input to weights and outputs; Cast sets its own.
// CHECK-LABEL: func @flow
// CHECK-SAME: %{{.*}}: tensor<*xf32>, %{{.*}}: tensor<*xf32>) -> tensor<*xf16>
func.func @flow(%x: tensor<*xf32>, %w: tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown> {
  %0 = sym.FullyConnected %x, %w {num_hidden = 2 : i64, no_bias = true} : (tensor<*xf32>, tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  %1 = sym.Cast %0 {dtype = f16} : (tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  return %1 : tensor<*x!sym.unknown>
}

