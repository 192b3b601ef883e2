// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// FullyConnected, Convolution and Pooling lower to linalg's named ops with
// the bias as the accumulator's initial value.

// CHECK-LABEL: func @fully_connected
// CHECK-SAME: (%[[X:.*]]: tensor<2x3x4xf32>, %[[W:.*]]: tensor<5x12xf32>, %[[B:.*]]: tensor<5xf32>)
// CHECK: %[[FLAT:.*]] = tensor.collapse_shape %[[X]] {{\[\[}}0, 1, 2]] : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK: %[[LHS:.*]] = tensor.expand_shape %[[FLAT]] {{.*}} into tensor<2x12xf32>
// CHECK: %[[WT:.*]] = linalg.transpose ins(%[[W]] : tensor<5x12xf32>) {{.*}} permutation = [1, 0]
// CHECK: %[[ACC:.*]] = linalg.broadcast ins(%[[B]] : tensor<5xf32>) {{.*}} dimensions = [0]
// CHECK: linalg.matmul ins(%[[LHS]], %[[WT]] : tensor<2x12xf32>, tensor<12x5xf32>) outs(%[[ACC]] : tensor<2x5xf32>)
func.func @fully_connected(%x: tensor<2x3x4xf32>, %w: tensor<5x12xf32>, %b: tensor<5xf32>) -> tensor<2x5xf32> {
  %0 = sym.FullyConnected %x, %w, %b {num_hidden = 5 : i64} : (tensor<2x3x4xf32>, tensor<5x12xf32>, tensor<5xf32>) -> tensor<2x5xf32>
  return %0 : tensor<2x5xf32>
}

// -----

// CHECK-LABEL: func @convolution
// CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 1, 1] high[0, 0, 1, 1]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%[[PAD]], %{{.*}} : tensor<1x3x10x10xf32>, tensor<4x3x3x3xf32>)
func.func @convolution(%x: tensor<1x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>) -> tensor<1x4x4x4xf32> {
  %0 = sym.Convolution %x, %w, %b {kernel = array<i64: 3, 3>, stride = array<i64: 2, 2>, pad = array<i64: 1, 1>, num_filter = 4 : i64} : (tensor<1x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<1x4x4x4xf32>
  return %0 : tensor<1x4x4x4xf32>
}

// -----

// Groups become a grouped named op on (N, G, C/G, H, W).
// CHECK-LABEL: func @grouped_convolution
// CHECK: tensor.expand_shape {{.*}} into tensor<1x2x2x6x6xf32>
// CHECK: linalg.conv_2d_ngchw_gfchw {{.*}} outs(%{{.*}} : tensor<1x2x3x4x4xf32>)
// CHECK: tensor.collapse_shape {{.*}} into tensor<{{.*}}>
func.func @grouped_convolution(%x: tensor<1x4x6x6xf32>, %w: tensor<6x2x3x3xf32>) -> tensor<1x6x4x4xf32> {
  %0 = sym.Convolution %x, %w {kernel = array<i64: 3, 3>, num_filter = 6 : i64, num_group = 2 : i64, no_bias = true} : (tensor<1x4x6x6xf32>, tensor<6x2x3x3xf32>) -> tensor<1x6x4x4xf32>
  return %0 : tensor<1x6x4x4xf32>
}

// -----

// `full` pooling pads the far edge with -inf so the last window fits.
// CHECK-LABEL: func @max_pool_full
// CHECK: %[[NEGINF:.*]] = arith.constant 0xFF800000 : f32
// CHECK: tensor.pad %{{.*}} low[0, 0, 0, 0] high[0, 0, 1, 1]
// CHECK: linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @max_pool_full(%x: tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32> {
  %0 = sym.Pooling %x {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pool_type = #sym.pool_type<max>, pooling_convention = #sym.pooling_convention<full>} : (tensor<1x2x7x7xf32>) -> tensor<1x2x4x4xf32>
  return %0 : tensor<1x2x4x4xf32>
}

// -----

// avg divides each window sum by its size: smaller at padded edges when
// count_include_pad is false.
// CHECK-LABEL: func @avg_pool_exclude_pad
// CHECK: linalg.pooling_nchw_sum
// CHECK: %[[SIZES:.*]] = arith.constant dense<{{\[\[}}4.000000e+00, 6.000000e+00], [6.000000e+00, 9.000000e+00]]> : tensor<2x2xf32>
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[SIZES]] : tensor<1x1x2x2xf32>, tensor<2x2xf32>)
// CHECK: arith.divf
func.func @avg_pool_exclude_pad(%x: tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32> {
  %0 = sym.Pooling %x {kernel = array<i64: 3, 3>, stride = array<i64: 2, 2>, pad = array<i64: 1, 1>, pool_type = #sym.pool_type<avg>, count_include_pad = false} : (tensor<1x1x4x4xf32>) -> tensor<1x1x2x2xf32>
  return %0 : tensor<1x1x2x2xf32>
}

// -----

// Inference BatchNorm: per channel, scale = gamma / sqrt(var + eps) and
// shift = beta - mean * scale; per element only x * scale + shift. The
// mean and var results are the moving statistics.
// CHECK-LABEL: func @batch_norm
// CHECK-SAME: %[[GAMMA:[^:]*]]: tensor<3xf32>, %[[BETA:[^:]*]]: tensor<3xf32>, %[[MEAN:[^:]*]]: tensor<3xf32>, %[[VAR:[^:]*]]: tensor<3xf32>)
// CHECK: %[[SCALE:.*]] = linalg.generic {{.*}} ins(%[[GAMMA]], %[[VAR]] : tensor<3xf32>, tensor<3xf32>)
// CHECK:   math.sqrt
// CHECK:   arith.divf
// CHECK: %[[SHIFT:.*]] = linalg.generic {{.*}} ins(%[[BETA]], %[[MEAN]], %[[SCALE]] : tensor<3xf32>, tensor<3xf32>, tensor<3xf32>)
// CHECK:   arith.mulf
// CHECK:   arith.subf
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[CHANNEL:.*]], #[[CHANNEL]], #{{.*}}], {{.*}} ins(%{{.*}}, %[[SCALE]], %[[SHIFT]] :
// CHECK-NOT: math.sqrt
// CHECK:   arith.mulf
// CHECK:   arith.addf
// CHECK: return %{{.*}}, %[[MEAN]], %[[VAR]]
func.func @batch_norm(%x: tensor<2x3x4x4xf32>, %g: tensor<3xf32>, %b: tensor<3xf32>, %m: tensor<3xf32>, %v: tensor<3xf32>) -> (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>) {
  %0:3 = sym.BatchNorm %x, %g, %b, %m, %v : (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>) -> (tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>)
  return %0#0, %0#1, %0#2 : tensor<2x3x4x4xf32>, tensor<3xf32>, tensor<3xf32>
}

// -----

// Dropout is the identity at inference.
// CHECK-LABEL: func @dropout
// CHECK-SAME: (%[[X:.*]]: tensor<2x5xf32>)
// CHECK: return %[[X]]
func.func @dropout(%x: tensor<2x5xf32>) -> tensor<2x5xf32> {
  %0:2 = sym.Dropout %x : (tensor<2x5xf32>) -> (tensor<2x5xf32>, tensor<2x5xf32>)
  return %0#0 : tensor<2x5xf32>
}
