// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes))' | FileCheck %s
// MXNet's infer_shape: forward rules, weights from the data shape, and the
// backward refinements (batch size from outputs, Reshape backward, labels).

// Weight and bias shapes come from the data shape, as in simple_bind.
// CHECK-LABEL: func @fc_weights
// CHECK-SAME: tensor<2x3x4xf32>, %{{.*}}: tensor<5x12xf32>, %{{.*}}: tensor<5xf32>) -> tensor<2x5xf32>
func.func @fc_weights(%x: tensor<2x3x4xf32>, %w: tensor<*xf32>, %b: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.FullyConnected %x, %w, %b {num_hidden = 5 : i64} : (tensor<2x3x4xf32>, tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @conv_pool_chain
// CHECK-SAME: tensor<1x3x32x32xf32>, %{{.*}}: tensor<8x3x3x3xf32>, %{{.*}}: tensor<8xf32>) -> tensor<1x8x8x8xf32>
// CHECK: sym.Convolution {{.*}} -> tensor<1x8x16x16xf32>
func.func @conv_pool_chain(%x: tensor<1x3x32x32xf32>, %w: tensor<*xf32>, %b: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.Convolution %x, %w, %b {kernel = array<i64: 3, 3>, stride = array<i64: 2, 2>, pad = array<i64: 1, 1>, num_filter = 8 : i64} : (tensor<1x3x32x32xf32>, tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  %1 = sym.Pooling %0 {kernel = array<i64: 3, 3>, stride = array<i64: 2, 2>, pool_type = #sym.pool_type<max>, pooling_convention = #sym.pooling_convention<full>} : (tensor<*xf32>) -> tensor<*xf32>
  return %1 : tensor<*xf32>
}

// -----

// Reshape codes, forward; the label of SoftmaxOutput drops the last axis.
// CHECK-LABEL: func @reshape_and_label
// CHECK-SAME: %{{.*}}: tensor<2x3x4x5xf32>, %{{.*}}: tensor<2x4xf32>) -> tensor<2x4x15xf32>
// CHECK: sym.Reshape {{.*}} -> tensor<2x4x15xf32>
func.func @reshape_and_label(%x: tensor<2x3x4x5xf32>, %label: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.transpose %x {axes = array<i64: 0, 2, 1, 3>} : (tensor<2x3x4x5xf32>) -> tensor<*xf32>
  %1 = sym.Reshape %0 {shape = array<i64: 0, 0, -3>} : (tensor<*xf32>) -> tensor<*xf32>
  %2 = sym.SoftmaxOutput %1, %label {preserve_shape = true} : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %2 : tensor<*xf32>
}

// -----

// MXNet's example: (10, 5, 4) with (-1, 0) gives (40, 5); reversed, (50, 4).
// CHECK-LABEL: func @reshape_reverse
// CHECK-SAME: -> (tensor<40x5xf32>, tensor<50x4xf32>)
func.func @reshape_reverse(%x: tensor<10x5x4xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0 = sym.Reshape %x {shape = array<i64: -1, 0>} : (tensor<10x5x4xf32>) -> tensor<*xf32>
  %1 = sym.Reshape %x {shape = array<i64: -1, 0>, reverse = true} : (tensor<10x5x4xf32>) -> tensor<*xf32>
  return %0, %1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// Backward: a known output fills the one unknown input dimension.
// CHECK-LABEL: func @reshape_backward
// CHECK-SAME: %{{.*}}: tensor<6x4xf32>) -> tensor<24xf32>
func.func @reshape_backward(%x: tensor<?x4xf32>) -> tensor<24xf32> {
  %0 = sym.Reshape %x {shape = array<i64: -1>} : (tensor<?x4xf32>) -> tensor<24xf32>
  return %0 : tensor<24xf32>
}


// -----

// Deconvolution with target_shape: the output takes the target extents.
// CHECK-LABEL: func @deconv_target_shape
// CHECK-SAME: %{{.*}}: tensor<2x2x4x4xf32>) -> tensor<1x2x8x10xf32>
func.func @deconv_target_shape(%x: tensor<1x2x4x5xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.Deconvolution %x, %w {kernel = array<i64: 4, 4>, stride = array<i64: 2, 2>, target_shape = array<i64: 8, 10>, num_filter = 2 : i64} : (tensor<1x2x4x5xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
