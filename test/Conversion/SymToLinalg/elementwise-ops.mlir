// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Binary, scalar and broadcasting ops lower to elementwise linalg.generic ops
// (broadcast through the indexing maps).
// Static types are MXNet 1.9.1's inferred shapes and dtypes.

// CHECK-LABEL: func @elemwise_add(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.addf %[[A]], %[[B]] : f32
func.func @elemwise_add(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.elemwise_add %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @elemwise_sub(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.subf %[[A]], %[[B]] : f32
func.func @elemwise_sub(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.elemwise_sub %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @elemwise_mul(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.mulf %[[A]], %[[B]] : f32
func.func @elemwise_mul(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.elemwise_mul %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @elemwise_div(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.divf %[[A]], %[[B]] : f32
func.func @elemwise_div(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.elemwise_div %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @minimum(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[LT:.*]] = arith.cmpf olt, %[[A]], %[[B]]
// CHECK: arith.select %[[LT]], %[[A]], %[[B]]
func.func @minimum(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._minimum %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @mod(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[R:.*]] = arith.remf %[[A]], %[[B]]
// CHECK: arith.xori
// CHECK: arith.addf %[[R]], %[[B]]
// CHECK: arith.select
func.func @mod(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._mod %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @power(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: math.powf %[[A]], %[[B]] : f32
func.func @power(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._power %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @hypot(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.mulf %[[A]], %[[A]]
// CHECK: arith.mulf %[[B]], %[[B]]
// CHECK: arith.addf
// CHECK: math.sqrt
func.func @hypot(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._hypot %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @equal(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[C:.*]] = arith.cmpf oeq, %[[A]], %[[B]] : f32
// CHECK: %[[T:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[F:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[C]], %[[T]], %[[F]] : f32
func.func @equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @not_equal(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[C:.*]] = arith.cmpf une, %[[A]], %[[B]] : f32
// CHECK: %[[T:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[F:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[C]], %[[T]], %[[F]] : f32
func.func @not_equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._not_equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @greater(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[C:.*]] = arith.cmpf ogt, %[[A]], %[[B]] : f32
// CHECK: %[[T:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[F:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[C]], %[[T]], %[[F]] : f32
func.func @greater(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._greater %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @greater_equal(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[C:.*]] = arith.cmpf oge, %[[A]], %[[B]] : f32
// CHECK: %[[T:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[F:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[C]], %[[T]], %[[F]] : f32
func.func @greater_equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._greater_equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @lesser(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[C:.*]] = arith.cmpf olt, %[[A]], %[[B]] : f32
// CHECK: %[[T:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[F:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[C]], %[[T]], %[[F]] : f32
func.func @lesser(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._lesser %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @lesser_equal(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: %[[C:.*]] = arith.cmpf ole, %[[A]], %[[B]] : f32
// CHECK: %[[T:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[F:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[C]], %[[T]], %[[F]] : f32
func.func @lesser_equal(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._lesser_equal %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_and(
// CHECK: linalg.generic
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.andi
// CHECK: arith.select
func.func @logical_and(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._logical_and %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_or(
// CHECK: linalg.generic
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.ori
// CHECK: arith.select
func.func @logical_or(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._logical_or %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_xor(
// CHECK: linalg.generic
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.xori
// CHECK: arith.select
func.func @logical_xor(%lhs: tensor<3x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._logical_xor %lhs, %rhs : (tensor<3x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @plus_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 7.500000e-01 : f32
// CHECK: arith.addf %[[IN]], %[[S]] : f32
func.func @plus_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._plus_scalar %x {scalar = 7.500000e-01 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @minus_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 7.500000e-01 : f32
// CHECK: arith.subf %[[IN]], %[[S]] : f32
func.func @minus_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._minus_scalar %x {scalar = 7.500000e-01 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @mul_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 3.000000e+00 : f32
// CHECK: arith.mulf %[[IN]], %[[S]] : f32
func.func @mul_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._mul_scalar %x {scalar = 3.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @div_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 4.000000e+00 : f32
// CHECK: arith.divf %[[IN]], %[[S]] : f32
func.func @div_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._div_scalar %x {scalar = 4.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @rdiv_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: arith.divf %[[S]], %[[IN]] : f32
func.func @rdiv_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._rdiv_scalar %x {scalar = 2.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @maximum_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 5.000000e-01 : f32
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[IN]], %[[S]]
// CHECK: arith.select %[[GT]], %[[IN]], %[[S]]
func.func @maximum_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._maximum_scalar %x {scalar = 5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @minimum_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant -5.000000e-01 : f32
// CHECK: %[[LT:.*]] = arith.cmpf olt, %[[IN]], %[[S]]
// CHECK: arith.select %[[LT]], %[[IN]], %[[S]]
func.func @minimum_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._minimum_scalar %x {scalar = -5.000000e-01 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @power_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 3.000000e+00 : f32
// CHECK: math.powf %[[IN]], %[[S]] : f32
func.func @power_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._power_scalar %x {scalar = 3.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @rpower_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: math.powf %[[S]], %[[IN]] : f32
func.func @rpower_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._rpower_scalar %x {scalar = 2.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @mod_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: arith.remf %[[IN]], %[[S]] : f32
// CHECK: arith.xori
// CHECK: arith.select
func.func @mod_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._mod_scalar %x {scalar = 1.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @rmod_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant -1.500000e+00 : f32
// CHECK: arith.remf %[[S]], %[[IN]] : f32
// CHECK: arith.xori
// CHECK: arith.select
func.func @rmod_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._rmod_scalar %x {scalar = -1.500000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @hypot_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 7.500000e-01 : f32
// CHECK: arith.mulf %[[IN]], %[[IN]]
// CHECK: arith.mulf %[[S]], %[[S]]
// CHECK: arith.addf
// CHECK: math.sqrt
func.func @hypot_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._hypot_scalar %x {scalar = 7.500000e-01 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @equal_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[C:.*]] = arith.cmpf oeq, %[[IN]], %[[S]] : f32
// CHECK: arith.select %[[C]]
func.func @equal_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._equal_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @not_equal_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[C:.*]] = arith.cmpf une, %[[IN]], %[[S]] : f32
// CHECK: arith.select %[[C]]
func.func @not_equal_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._not_equal_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @greater_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[C:.*]] = arith.cmpf ogt, %[[IN]], %[[S]] : f32
// CHECK: arith.select %[[C]]
func.func @greater_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._greater_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @greater_equal_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[C:.*]] = arith.cmpf oge, %[[IN]], %[[S]] : f32
// CHECK: arith.select %[[C]]
func.func @greater_equal_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._greater_equal_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @lesser_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[C:.*]] = arith.cmpf olt, %[[IN]], %[[S]] : f32
// CHECK: arith.select %[[C]]
func.func @lesser_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._lesser_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @lesser_equal_scalar(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[S:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[C:.*]] = arith.cmpf ole, %[[IN]], %[[S]] : f32
// CHECK: arith.select %[[C]]
func.func @lesser_equal_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._lesser_equal_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_and_scalar(
// CHECK: linalg.generic
// CHECK: arith.constant 1.000000e+00 : f32
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.andi
// CHECK: arith.select
func.func @logical_and_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._logical_and_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_or_scalar(
// CHECK: linalg.generic
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.ori
// CHECK: arith.select
func.func @logical_or_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._logical_or_scalar %x {scalar = 0.000000e+00 : f64} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK-LABEL: func @logical_xor_scalar(
// CHECK: linalg.generic
// CHECK: arith.constant 1.000000e+00 : f32
// CHECK: arith.cmpf une
// CHECK: arith.cmpf une
// CHECK: arith.xori
// CHECK: arith.select
func.func @logical_xor_scalar(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym._logical_xor_scalar %x : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_add(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.addf %[[A]], %[[B]]
func.func @broadcast_add(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_add %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_sub(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.subf %[[A]], %[[B]]
func.func @broadcast_sub(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_sub %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_mul(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.mulf %[[A]], %[[B]]
func.func @broadcast_mul(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_mul %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_div(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.divf %[[A]], %[[B]]
func.func @broadcast_div(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_div %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_mod(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.remf %[[A]], %[[B]]
// CHECK: arith.xori
func.func @broadcast_mod(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_mod %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_power(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: math.powf %[[A]], %[[B]]
func.func @broadcast_power(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_power %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_maximum(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf ogt, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_maximum(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_maximum %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_minimum(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf olt, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_minimum(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_minimum %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_hypot(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.mulf %[[A]], %[[A]]
// CHECK: arith.mulf %[[B]], %[[B]]
// CHECK: math.sqrt
func.func @broadcast_hypot(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_hypot %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_equal(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf oeq, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_not_equal(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf une, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_not_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_not_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_greater(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf ogt, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_greater(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_greater %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_greater_equal(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf oge, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_greater_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_greater_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_lesser(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf olt, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_lesser(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_lesser %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_lesser_equal(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf ole, %[[A]], %[[B]]
// CHECK: arith.select
func.func @broadcast_lesser_equal(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_lesser_equal %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_logical_and(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf une, %[[A]]
// CHECK: arith.cmpf une, %[[B]]
// CHECK: arith.andi
// CHECK: arith.select
func.func @broadcast_logical_and(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_logical_and %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_logical_or(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf une, %[[A]]
// CHECK: arith.cmpf une, %[[B]]
// CHECK: arith.ori
// CHECK: arith.select
func.func @broadcast_logical_or(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_logical_or %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[LHS:.*]] = affine_map<(d0, d1, d2) -> (d0, 0, d2)>
// CHECK: #[[RHS:.*]] = affine_map<(d0, d1, d2) -> (d1, 0)>
// CHECK: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1, d2)>
// CHECK-LABEL: func @broadcast_logical_xor(
// CHECK: linalg.generic {indexing_maps = [#[[LHS]], #[[RHS]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel"]}
// CHECK-SAME: ins(%{{.*}}, %{{.*}} : tensor<2x1x4xf32>, tensor<3x1xf32>) outs(%{{.*}} : tensor<2x3x4xf32>)
// CHECK: ^bb0(%[[A:[^:]*]]: f32, %[[B:[^:]*]]: f32
// CHECK: arith.cmpf une, %[[A]]
// CHECK: arith.cmpf une, %[[B]]
// CHECK: arith.xori
// CHECK: arith.select
func.func @broadcast_logical_xor(%lhs: tensor<2x1x4xf32>, %rhs: tensor<3x1xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.broadcast_logical_xor %lhs, %rhs : (tensor<2x1x4xf32>, tensor<3x1xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @where(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[C:[^:]*]]: f32, %[[X:[^:]*]]: f32, %[[Y:[^:]*]]: f32
// CHECK: %[[NZ:.*]] = arith.cmpf une, %[[C]]
// CHECK: arith.select %[[NZ]], %[[X]], %[[Y]] : f32
func.func @where(%cond: tensor<2x3xf32>, %x: tensor<2x3xf32>, %y: tensor<2x3xf32>) -> tensor<2x3xf32> {
  %0 = sym.where %cond, %x, %y : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}
