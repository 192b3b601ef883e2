// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="tile-m=8 tile-n=32 fmas-per-cycle=2 l1-bytes=49152 l2-bytes=2097152 l3-bytes=33554432" | FileCheck %s
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="tile-m=8 tile-n=32 fmas-per-cycle=1 l1-bytes=49152 l2-bytes=2097152 l3-bytes=33554432" | FileCheck %s --check-prefix=ONE-FMA

// Register tiles with the AVX-512 host tile (8 x 32: 16 lanes, 32 vector
// registers). A 1x1 convolution's FMAs take their input broadcast from
// memory, so its tiles may hold 28 accumulators: a 13-wide output (as
// SqueezeNet's conv10) takes 13 columns by 32 filters. On a host issuing
// one vector FMA a cycle (Zen 4's AVX-512), 13 by 16: each broadcast, used
// by one filter vector, folds into its FMA.
// CHECK-LABEL: func @pointwise_width_13
// CHECK: vector.transfer_read {{.*}} : tensor<1x13x1xf32>, vector<1x13x1xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<1x1x32xf32>, vector<1x1x32xf32>
// CHECK: scf.yield {{.*}} : vector<1x13x32xf32>
// ONE-FMA-LABEL: func @pointwise_width_13
// ONE-FMA-NOT: vector<1x13x32xf32>
// ONE-FMA: scf.yield {{.*}} : vector<1x13x16xf32>
func.func @pointwise_width_13(%x: tensor<1x64x13x13xf32>, %w: tensor<64x64x1x1xf32>, %init: tensor<1x64x13x13xf32>) -> tensor<1x64x13x13xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x13x13xf32>, tensor<64x64x1x1xf32>) outs(%init : tensor<1x64x13x13xf32>) -> tensor<1x64x13x13xf32>
  return %r : tensor<1x64x13x13xf32>
}

// -----

// A 3x3 kernel keeps the host tile's 16 accumulators (LLVM holds the
// broadcast inputs in registers across the kernel's columns, and more
// accumulators spilled): 13 columns by 16 filters.
// CHECK-LABEL: func @conv3x3_width_13
// ONE-FMA-LABEL: func @conv3x3_width_13
// CHECK-NOT: vector<1x13x32xf32>
// CHECK: scf.yield {{.*}} : vector<1x13x16xf32>
func.func @conv3x3_width_13(%x: tensor<1x64x15x15xf32>, %w: tensor<64x64x3x3xf32>, %init: tensor<1x64x13x13xf32>) -> tensor<1x64x13x13xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x15x15xf32>, tensor<64x64x3x3xf32>) outs(%init : tensor<1x64x13x13xf32>) -> tensor<1x64x13x13xf32>
  return %r : tensor<1x64x13x13xf32>
}

// -----

// A 7x7 kernel (ResNet's conv0) holds 14 weight vectors for a tile of 32
// filters: 14 accumulators leave room for the broadcast inputs, and a
// 56-wide row takes 7 columns (with 16 accumulators, 8 spilled).
// CHECK-LABEL: func @conv7x7_stride2
// CHECK-NOT: vector<1x8x32xf32>
// CHECK: scf.yield {{.*}} : vector<1x7x32xf32>
func.func @conv7x7_stride2(%x: tensor<1x3x7x117xf32>, %w: tensor<64x3x7x7xf32>, %init: tensor<1x64x1x56xf32>) -> tensor<1x64x1x56xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<1x3x7x117xf32>, tensor<64x3x7x7xf32>) outs(%init : tensor<1x64x1x56xf32>) -> tensor<1x64x1x56xf32>
  return %r : tensor<1x64x1x56xf32>
}

// -----

// A 27-wide 3x3 layer (SqueezeNet's fire4 and fire5): of 32 filters, only
// 3 columns divide the width within 16 accumulators, and 6 accumulators
// leave the FMAs' latency exposed; 9 columns of 16 filters keep 9 chains.
// CHECK-LABEL: func @conv3x3_width_27
// CHECK-NOT: vector<1x3x32xf32>
// CHECK: scf.yield {{.*}} : vector<1x9x16xf32>
func.func @conv3x3_width_27(%x: tensor<1x32x3x29xf32>, %w: tensor<128x32x3x3xf32>, %init: tensor<1x128x1x27xf32>) -> tensor<1x128x1x27xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x3x29xf32>, tensor<128x32x3x3xf32>) outs(%init : tensor<1x128x1x27xf32>) -> tensor<1x128x1x27xf32>
  return %r : tensor<1x128x1x27xf32>
}

// -----

// A matmul of 49 rows (Winograd's at 13x13) would leave the host tile's
// 8 rows a partial tile of one row: it takes 7 x 32 tiles, 7 of them
// exactly.
// CHECK-LABEL: func @matmul_49_rows
// CHECK-NOT: tensor<56x64xf32>
// CHECK: scf.for {{.*}} to %c7 step %c1 {{.*}} -> (tensor<49x32xf32>)
// CHECK: scf.yield {{.*}} : vector<7x32xf32>
func.func @matmul_49_rows(%a: tensor<49x64xf32>, %b: tensor<64x64xf32>, %c: tensor<49x64xf32>) -> tensor<49x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<49x64xf32>, tensor<64x64xf32>) outs(%c : tensor<49x64xf32>) -> tensor<49x64xf32>
  return %r : tensor<49x64xf32>
}

// -----

// 196 rows leave a partial tile of 4 rows, a fiftieth of the work: the
// host tile stays (7 rows would divide them).
// CHECK-LABEL: func @matmul_196_rows
// CHECK: scf.yield {{.*}} : vector<8x32xf32>
// CHECK-NOT: vector<7x32xf32>
func.func @matmul_196_rows(%a: tensor<196x64xf32>, %b: tensor<64x64xf32>, %c: tensor<196x64xf32>) -> tensor<196x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<196x64xf32>, tensor<64x64xf32>) outs(%c : tensor<196x64xf32>) -> tensor<196x64xf32>
  return %r : tensor<196x64xf32>
}
