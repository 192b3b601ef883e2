// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(sym-infer-shapes{partial=true}))' | FileCheck %s
// infer_shape_partial: what can be known is filled in, the rest stays `?`.

// The weight's rows are known from num_hidden; the batch stays unknown.
// CHECK-LABEL: func @partial
// CHECK-SAME: %{{.*}}: tensor<?x7xf32>, %{{.*}}: tensor<3x7xf32>, %{{.*}}: tensor<3xf32>) -> tensor<?x3xf32>
func.func @partial(%x: tensor<?x7xf32>, %w: tensor<*xf32>, %b: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.FullyConnected %x, %w, %b {num_hidden = 3 : i64} : (tensor<?x7xf32>, tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
