// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// One stable softmax: max-reduce, exp of the shifted input, sum, the sum's
// reciprocal (one division per reduced row) and the product with it.

// CHECK-LABEL: func @softmax_axis1
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.addf
// CHECK: linalg.generic {{.*}}outs(%{{.*}} : tensor<2x4xf32>)
// CHECK:   arith.divf %cst{{.*}}, %{{.*}} : f32
// CHECK: linalg.generic {{.*}}outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK:   arith.mulf
func.func @softmax_axis1(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.softmax %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// SoftmaxOutput without multi_output normalizes the last axis (MXNet 1.9
// views the data as 2-D keeping the last axis); the label is unused.
// CHECK-LABEL: func @softmax_output
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "reduction"]
func.func @softmax_output(%x: tensor<2x3x2x2xf32>, %label: tensor<2x3x2xf32>) -> tensor<2x3x2x2xf32> {
  %0 = sym.SoftmaxOutput %x, %label : (tensor<2x3x2x2xf32>, tensor<2x3x2xf32>) -> tensor<2x3x2x2xf32>
  return %0 : tensor<2x3x2x2xf32>
}
