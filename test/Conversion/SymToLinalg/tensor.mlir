// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s

// CHECK-LABEL: func @concat
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x5xf32>
// CHECK: %[[A:.*]] = tensor.insert_slice %{{.*}} into %[[E]][0, 0] [2, 2] [1, 1]
// CHECK: tensor.insert_slice %{{.*}} into %[[A]][0, 2] [2, 3] [1, 1]
func.func @concat(%x: tensor<2x2xf32>, %y: tensor<2x3xf32>) -> tensor<2x5xf32> {
  %0 = sym.Concat %x, %y {num_args = 2 : i64} : (tensor<2x2xf32>, tensor<2x3xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// CHECK-LABEL: func @split_squeeze
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 0] [2, 1, 3] [1, 1, 1]
// CHECK: tensor.extract_slice %{{.*}}[0, 1, 0] [2, 1, 3] [1, 1, 1]
// CHECK: return {{.*}} : tensor<2x3xf32>, tensor<2x3xf32>
func.func @split_squeeze(%x: tensor<2x2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
  %0:2 = sym.SliceChannel %x {num_outputs = 2 : i64, squeeze_axis = true} : (tensor<2x2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>)
  return %0#0, %0#1 : tensor<2x3xf32>, tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @transpose
// CHECK: linalg.transpose {{.*}} permutation = [2, 1, 0]
func.func @transpose(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  %0 = sym.transpose %x : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}
