// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Reductions lower to linalg.fill of the identity plus a linalg.generic with
// reduction iterators.
// Static types are MXNet 1.9.1's inferred shapes and dtypes.

// CHECK-LABEL: func @sum_axis(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
func.func @sum_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.sum %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @sum_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @sum_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.sum %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @mean_axis(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: %[[N:.*]] = arith.constant 3.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[N]]
func.func @mean_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.mean %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @mean_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: %[[N:.*]] = arith.constant 8.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[N]]
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @mean_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.mean %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @prod_axis(
// CHECK: %[[INIT:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f32
func.func @prod_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.prod %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @prod_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.mulf %{{.*}}, %{{.*}} : f32
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @prod_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.prod %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @max_axis(
// CHECK: %[[INIT:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.cmpf ogt
// CHECK: arith.select
func.func @max_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.max %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @max_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.cmpf ogt
// CHECK: arith.select
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @max_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.max %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @min_axis(
// CHECK: %[[INIT:.*]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.cmpf olt
// CHECK: arith.select
func.func @min_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.min %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @min_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 0x7F800000 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.cmpf olt
// CHECK: arith.select
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @min_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.min %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @nansum_axis(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: ^bb0(%[[IN:[^:]*]]: f32, %[[OUT:[^:]*]]: f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[IN]], %[[IN]]
// CHECK: %[[SUM:.*]] = arith.addf %[[IN]], %[[OUT]]
// CHECK: arith.select %[[NAN]], %[[OUT]], %[[SUM]]
func.func @nansum_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.nansum %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @nansum_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.cmpf uno
// CHECK: arith.addf
// CHECK: arith.select
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @nansum_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.nansum %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @nanprod_axis(
// CHECK: %[[INIT:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: ^bb0(%[[IN:[^:]*]]: f32, %[[OUT:[^:]*]]: f32
// CHECK: %[[NAN:.*]] = arith.cmpf uno, %[[IN]], %[[IN]]
// CHECK: %[[P:.*]] = arith.mulf %[[IN]], %[[OUT]]
// CHECK: arith.select %[[NAN]], %[[OUT]], %[[P]]
func.func @nanprod_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.nanprod %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @nanprod_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.cmpf uno
// CHECK: arith.mulf
// CHECK: arith.select
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 3, 1] : tensor<3xf32> into tensor<1x3x1xf32>
func.func @nanprod_keepdims(%x: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
  %0 = sym.nanprod %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<1x3x1xf32>
  return %0 : tensor<1x3x1xf32>
}

// -----

// CHECK-LABEL: func @sum_all(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "reduction", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: tensor.expand_shape {{.*}} : tensor<f32> into tensor<1xf32>
func.func @sum_all(%x: tensor<2x3x4xf32>) -> tensor<1xf32> {
  %0 = sym.sum %x : (tensor<2x3x4xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// CHECK-LABEL: func @mean_exclude(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: arith.addf %{{.*}}, %{{.*}} : f32
// CHECK: %[[N:.*]] = arith.constant 8.000000e+00 : f32
// CHECK: arith.divf %{{.*}}, %[[N]]
func.func @mean_exclude(%x: tensor<2x3x4xf32>) -> tensor<3xf32> {
  %0 = sym.mean %x {axis = array<i64: 1>, exclude = true} : (tensor<2x3x4xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @norm_all(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "reduction"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[SQ:.*]] = arith.mulf %[[IN]], %[[IN]]
// CHECK: arith.addf %[[SQ]]
// CHECK: math.sqrt
// CHECK: tensor.expand_shape {{.*}} : tensor<f32> into tensor<1xf32>
func.func @norm_all(%x: tensor<3x4xf32>) -> tensor<1xf32> {
  %0 = sym.norm %x : (tensor<3x4xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// CHECK-LABEL: func @norm_l1_keepdims(
// CHECK: %[[INIT:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: %[[ACC:.*]] = linalg.fill ins(%[[INIT]] : f32)
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK-SAME: outs(%[[ACC]]
// CHECK: %[[ABS:.*]] = math.absf
// CHECK: arith.addf %[[ABS]]
// CHECK: tensor.expand_shape {{.*}} into tensor<2x1x4xf32>
func.func @norm_l1_keepdims(%x: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
  %0 = sym.norm %x {axis = array<i64: 1>, keepdims = true, ord = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x1x4xf32>
  return %0 : tensor<2x1x4xf32>
}

// -----

// CHECK-LABEL: func @argmax_axis(
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: linalg.fill ins(%[[NEGINF]]
// CHECK: %[[R:.*]]:2 = linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: %[[GT:.*]] = arith.cmpf ogt
// CHECK: %[[I:.*]] = linalg.index 1 : index
// CHECK: arith.sitofp
// CHECK: arith.select %[[GT]]
// CHECK: return %[[R]]#1 : tensor<2x4xf32>
func.func @argmax_axis(%x: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
  %0 = sym.argmax %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<2x4xf32>
  return %0 : tensor<2x4xf32>
}

// -----

// CHECK-LABEL: func @argmin_all(
// CHECK: tensor.collapse_shape {{.*}} into tensor<12xf32>
// CHECK: arith.constant 0x7F800000 : f32
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction"]
// CHECK: arith.cmpf olt
// CHECK: linalg.index 0 : index
// CHECK: arith.sitofp
// CHECK: tensor.expand_shape {{.*}} : tensor<f32> into tensor<1xf32>
func.func @argmin_all(%x: tensor<3x4xf32>) -> tensor<1xf32> {
  %0 = sym.argmin %x : (tensor<3x4xf32>) -> tensor<1xf32>
  return %0 : tensor<1xf32>
}

// -----

// CHECK-LABEL: func @argmax_channel(
// CHECK: arith.constant 0xFF800000 : f32
// CHECK: %[[R:.*]]:2 = linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: arith.cmpf ogt
// CHECK: linalg.index 1 : index
// CHECK: return %[[R]]#1 : tensor<3xf32>
func.func @argmax_channel(%x: tensor<3x5xf32>) -> tensor<3xf32> {
  %0 = sym.argmax_channel %x : (tensor<3x5xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}
