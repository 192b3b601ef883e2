// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s

// CHECK-LABEL: func @rminus_scalar
// CHECK: linalg.generic
// CHECK: %[[S:.*]] = arith.constant 2.500000e+00 : f32
// CHECK: arith.subf %[[S]], %{{.*}} : f32
func.func @rminus_scalar(%x: tensor<3xf32>) -> tensor<3xf32> {
  %0 = sym._rminus_scalar %x {scalar = 2.5 : f64} : (tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @maximum
// CHECK: arith.cmpf ogt
// CHECK: arith.select
func.func @maximum(%x: tensor<3xf32>, %y: tensor<3xf32>) -> tensor<3xf32> {
  %0 = sym._maximum %x, %y : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @cast
// CHECK: arith.fptosi %{{.*}} : f32 to i32
func.func @cast(%x: tensor<3xf32>) -> tensor<3xi32> {
  %0 = sym.Cast %x {dtype = i32} : (tensor<3xf32>) -> tensor<3xi32>
  return %0 : tensor<3xi32>
}
