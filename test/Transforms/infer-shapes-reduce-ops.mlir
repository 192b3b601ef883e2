// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Shape and dtype inference of the reductions and arg-reductions.
// Every expected shape and dtype is MXNet 1.9.1's infer_shape / infer_type
// for the same op, attributes and input shapes (arguments that MXNet infers,
// such as weights and labels, are checked too).

// CHECK-LABEL: func @sum_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @sum_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sum %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sum_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @sum_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sum %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mean_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @mean_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.mean %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mean_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @mean_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.mean %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @prod_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @prod_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.prod %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @prod_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @prod_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.prod %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @max_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @max_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.max %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @max_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @max_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.max %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @min_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @min_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.min %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @min_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @min_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.min %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @nansum_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @nansum_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.nansum %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @nansum_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @nansum_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.nansum %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @nanprod_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @nanprod_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.nanprod %x {axis = array<i64: 1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @nanprod_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1x3x1xf32> {
func.func @nanprod_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.nanprod %x {axis = array<i64: 0, 2>, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sum_all(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1xf32> {
func.func @sum_all(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sum %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mean_exclude(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<3xf32> {
func.func @mean_exclude(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.mean %x {axis = array<i64: 1>, exclude = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @max_negative_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3xf32> {
func.func @max_negative_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.max %x {axis = array<i64: -1>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @norm_all(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<1xf32> {
func.func @norm_all(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.norm %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @norm_l1_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x1x4xf32> {
func.func @norm_l1_keepdims(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.norm %x {axis = array<i64: 1>, keepdims = true, ord = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmax_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @argmax_axis(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.argmax %x {axis = 1 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmax_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x1xf32> {
func.func @argmax_keepdims(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.argmax %x {axis = -1 : i64, keepdims = true} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmin_all(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<1xf32> {
func.func @argmin_all(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.argmin %x : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmin_axis0(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<4xf32> {
func.func @argmin_axis0(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.argmin %x {axis = 0 : i64} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmax_channel(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x5xf32>) -> tensor<3xf32> {
func.func @argmax_channel(%x: tensor<3x5xf32>) -> tensor<*xf32> {
  %0 = sym.argmax_channel %x : (tensor<3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @norm_axes(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<3xf32> {
func.func @norm_axes(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.norm %x {axis = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sum_exclude_keep(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x1x1xf32> {
func.func @sum_exclude_keep(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.sum %x {axis = array<i64: 0>, exclude = true, keepdims = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmax_1d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5xf32>) -> tensor<1xf32> {
func.func @argmax_1d(%x: tensor<5xf32>) -> tensor<*xf32> {
  %0 = sym.argmax %x : (tensor<5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argmax_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xi32>) -> tensor<4xi32> {
func.func @argmax_int(%x: tensor<3x4xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.argmax %x {axis = 0 : i64} : (tensor<3x4xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @nansum_all_keep(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<1x1xf32> {
func.func @nansum_all_keep(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.nansum %x {keepdims = true} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @prod_exclude(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x4xf32> {
func.func @prod_exclude(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.prod %x {axis = array<i64: 0, 2>, exclude = true} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @min_all(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<1xf32> {
func.func @min_all(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.min %x : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @max_tuple_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<3xf32> {
func.func @max_tuple_neg(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.max %x {axis = array<i64: -1, 0>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @norm_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf16>) -> tensor<1xf16> {
func.func @norm_f16(%x: tensor<2x3xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym.norm %x : (tensor<2x3xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @mean_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xi32>) -> tensor<2xi32> {
func.func @mean_int(%x: tensor<2x3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.mean %x {axis = array<i64: 1>} : (tensor<2x3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}
