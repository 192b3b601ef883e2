// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608" | FileCheck %s
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd-tile=2 tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608" | FileCheck %s --check-prefix=F2
// RUN: not sym-opt %s -split-input-file --symc-cpu-schedule="winograd-tile=3" 2>&1 | FileCheck %s --check-prefix=BAD

// An 8x8 output (sides multiples of 4) runs as F(4x4, 3x3): 2 x 2 tiles of
// 6 x 6 inputs, 36 positions. The filters transformed to 36 matrices; the
// input transform reads each tile's 6 x 6 patch of channel vectors (its
// constants other than +-1 as FMAs) and writes 36 vectors; 36 matmuls;
// the output transform reads 36 products and writes a 4 x 4 block.
// The patches start 4 rows and columns apart; B^T's -5/2 and A^T's -8 are
// among the transforms' constants (the points 0, -1, 1, 1/2, -2).
// CHECK-LABEL: func @winograd_f4
// CHECK-DAG: %[[B:.*]] = arith.constant dense<-2.500000e+00> : vector<8xf32>
// CHECK-DAG: %[[A:.*]] = arith.constant dense<-8.000000e+00> : vector<8xf32>
// CHECK: tensor.collapse_shape {{.*}} : tensor<6x6x32x32xf32> into tensor<36x32x32xf32>
// CHECK: scf.for {{.*}} -> (tensor<36x1x2x2x32xf32>)
// CHECK: arith.muli %{{.*}}, %c4 : index
// CHECK-COUNT-36: vector.transfer_read {{.*}} : tensor<1x10x10x32xf32>, vector<8xf32>
// CHECK: vector.fma %[[B]], {{.*}} : vector<8xf32>
// CHECK: vector.transfer_write {{.*}} : vector<36x8xf32>, tensor<36x8xf32>
// CHECK: tensor.insert_slice {{.*}} : tensor<36x8xf32> into tensor<36x1x2x2x32xf32>
// CHECK: scf.for {{.*}} to %c36 step %c1 {{.*}} -> (tensor<36x4x32xf32>)
// CHECK: scf.for {{.*}} -> (tensor<1x8x8x32xf32>)
// CHECK-COUNT-36: vector.transfer_read {{.*}} : tensor<36x1x2x2x32xf32>, vector<8xf32>
// CHECK: vector.fma %[[A]], {{.*}} : vector<8xf32>
// CHECK: vector.transfer_write {{.*}} : vector<4x4x8xf32>, tensor<4x4x8xf32>
// CHECK: tensor.insert_slice {{.*}} : tensor<4x4x8xf32> into tensor<1x8x8x32xf32>
// CHECK-NOT: linalg.conv_2d
// With winograd-tile=2, F(2x2, 3x3): 16 positions.
// F2-LABEL: func @winograd_f4
// F2: tensor.collapse_shape {{.*}} into tensor<16x32x32xf32>
// F2-NOT: vector.fma {{.*}} : vector<8xf32>
// F2: scf.for {{.*}} to %c16 step %c1
func.func @winograd_f4(%x: tensor<1x32x10x10xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}, %b: tensor<32xf32>) -> tensor<1x32x8x8xf32> {
  %e = tensor.empty() : tensor<1x32x8x8xf32>
  %init = linalg.broadcast ins(%b : tensor<32xf32>) outs(%e : tensor<1x32x8x8xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x10x10xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %r : tensor<1x32x8x8xf32>
}

// -----

// A 6x6 output is no multiple of 4: F(2x2, 3x3), 3 x 3 tiles exactly
// (F(4x4, 3x3) would compute an 8x8 output, 78% more).
// CHECK-LABEL: func @winograd_f2_sides
// CHECK: tensor.collapse_shape {{.*}} into tensor<16x32x32xf32>
// CHECK: scf.for {{.*}} to %c16 step %c1
// BAD: symc-cpu-schedule: winograd-tile must be 0, 2 or 4, not 3
func.func @winograd_f2_sides(%x: tensor<1x32x8x8xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}) -> tensor<1x32x6x6xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x32x6x6xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x6x6xf32>) -> tensor<1x32x6x6xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x8x8xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<1x32x6x6xf32>) -> tensor<1x32x6x6xf32>
  return %r : tensor<1x32x6x6xf32>
}
