// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Activations are single elementwise generics with MXNet's formulas.

// CHECK-LABEL: func @relu
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:.*]]: f32,
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %{{.*}} : f32
// CHECK: arith.select %[[GT]], %[[IN]], %{{.*}} : f32
func.func @relu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = sym.Activation %x {act_type = #sym.act_type<relu>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// softrelu switches to the identity above 20, as mshadow_op::softrelu.
// CHECK-LABEL: func @softrelu
// CHECK: arith.constant 2.000000e+01 : f32
// CHECK: math.exp
// CHECK: math.log1p
func.func @softrelu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = sym.Activation %x {act_type = #sym.act_type<softrelu>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// prelu reads gamma along axis 1.
// CHECK: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func @prelu
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[CHANNEL]], #{{.*}}]
func.func @prelu(%x: tensor<2x3x4xf32>, %g: tensor<3xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.LeakyReLU %x, %g {act_type = #sym.leaky_act_type<prelu>} : (tensor<2x3x4xf32>, tensor<3xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// gelu is the erf form of MXNet 1.9.
// CHECK-LABEL: func @gelu
// CHECK: math.erf
func.func @gelu(%x: tensor<4xf32>) -> tensor<4xf32> {
  %0 = sym.LeakyReLU %x {act_type = #sym.leaky_act_type<gelu>} : (tensor<4xf32>) -> tensor<4xf32>
  return %0 : tensor<4xf32>
}
