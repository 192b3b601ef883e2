// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd-tile=2 tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608" | FileCheck %s
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd-tile=2 tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608 parallel=true cores=2" | FileCheck %s --check-prefix=PARALLEL
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608" | FileCheck %s --check-prefix=DIRECT

// A 3x3 stride-1 convolution of 32 channels and filters (whole vectors of
// 8 with a 4 x 16 register tile) with a bias, as Winograd F(2x2, 3x3):
// the filters transformed (G g G^T) by a generic over the weights and
// packed once, for all 16 tile positions, outside the loops; the input
// transform reads each tile's 4 x 4 patch of channel vectors and writes
// its 16 transformed vectors as one 16 x 8 vector (into a slice of that
// shape); one register-tiled matmul per position, its accumulator filled in
// the loop; the output transform reads a tile's 16 products and writes its
// 2 x 2 outputs, each plus the bias, as one 2 x 2 x 8 vector.
// CHECK-LABEL: func @winograd
// CHECK: linalg.transpose {{.*}} permutation = [2, 3, 1, 0]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]
// CHECK: tensor.collapse_shape {{.*}} into tensor<16x32x32xf32>
// CHECK: scf.for {{.*}} -> (tensor<16x2x32x16xf32>)
// CHECK: scf.for {{.*}} to %c4 step %c1 {{.*}} -> (tensor<16x1x4x4x32xf32>)
// CHECK:   scf.for {{.*}} to %c4 step %c1
// CHECK:     scf.for {{.*}} to %c32 step %c8
// CHECK-COUNT-16: vector.transfer_read {{.*}} : tensor<1x10x10x32xf32>, vector<8xf32>
// CHECK: tensor.extract_slice {{.*}} [16, 1, 1, 1, 8] [1, 1, 1, 1, 1] : tensor<16x1x4x4x32xf32> to tensor<16x8xf32>
// CHECK: vector.transfer_write {{.*}} : vector<16x8xf32>, tensor<16x8xf32>
// CHECK: tensor.insert_slice {{.*}} [16, 1, 1, 1, 8] [1, 1, 1, 1, 1] : tensor<16x8xf32> into tensor<16x1x4x4x32xf32>
// CHECK: scf.for {{.*}} to %c16 step %c1 {{.*}} -> (tensor<16x16x32xf32>)
// CHECK:   linalg.fill {{.*}} -> tensor<16x32xf32>
// CHECK:   vector.fma {{.*}} : vector<16xf32>
// CHECK: scf.for {{.*}} to %c4 step %c1 {{.*}} -> (tensor<1x8x8x32xf32>)
// CHECK-COUNT-16: vector.transfer_read {{.*}} : tensor<16x1x4x4x32xf32>, vector<8xf32>
// CHECK: vector.transfer_read %{{.*}} : tensor<32xf32>, vector<8xf32>
// CHECK: vector.transfer_write {{.*}} : vector<2x2x8xf32>, tensor<2x2x8xf32>
// CHECK: tensor.insert_slice {{.*}} : tensor<2x2x8xf32> into tensor<1x8x8x32xf32>
// CHECK-NOT: linalg.conv_2d
// CHECK: return
// Its one block of 16 tiles (fewer than kMinBlockTiles in two) is not
// shared: with threads, they share its transforms' 4 tile rows and its 16
// matmuls, each on one thread (the filters still packed once, before).
// PARALLEL-LABEL: func @winograd
// PARALLEL: tensor.expand_shape {{.*}} into tensor<16x1x2x32x16xf32>
// PARALLEL: scf.forall (%{{.*}}) in (4) shared_outs(%{{.*}}) -> (tensor<16x1x4x4x32xf32>)
// PARALLEL: scf.forall (%{{.*}}) in (16) shared_outs(%{{.*}}) -> (tensor<16x16x32xf32>)
// PARALLEL-NOT: scf.forall
// PARALLEL:   vector.fma
// PARALLEL: scf.forall (%{{.*}}) in (4) shared_outs(%{{.*}}) -> (tensor<1x8x8x32xf32>)
// DIRECT-LABEL: func @winograd
// DIRECT-NOT: vector<8xf32>
// DIRECT: vector.fma
func.func @winograd(%x: tensor<1x32x10x10xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}, %b: tensor<32xf32>) -> tensor<1x32x8x8xf32> {
  %e = tensor.empty() : tensor<1x32x8x8xf32>
  %init = linalg.broadcast ins(%b : tensor<32xf32>) outs(%e : tensor<1x32x8x8xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x10x10xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %r : tensor<1x32x8x8xf32>
}

// -----

// A 16x16 output, 8 x 8 tiles: with threads, they share two blocks of 4
// tile rows (32 tiles each), each block's matmuls on its thread.
// PARALLEL-LABEL: func @winograd_blocks
// PARALLEL: scf.forall (%{{.*}}) in (2) shared_outs(%{{.*}}) -> (tensor<1x16x16x32xf32>)
// PARALLEL:   scf.for {{.*}} -> (tensor<16x1x4x8x32xf32>)
// PARALLEL:   scf.for {{.*}} to %c16 step %c1
// PARALLEL-NOT: scf.forall
// PARALLEL:   vector.fma
// PARALLEL: scf.forall.in_parallel
func.func @winograd_blocks(%x: tensor<1x32x18x18xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}) -> tensor<1x32x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x32x16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x18x18xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<1x32x16x16xf32>) -> tensor<1x32x16x16xf32>
  return %r : tensor<1x32x16x16xf32>
}

// -----

// Constant weights (an AOT artifact's) are transformed and packed at
// compile time: no generic over them is left. A 7x7 output takes 4 x 4
// tiles (an 8x8 output, sliced back), the input padded to 10x10 (the
// padding's rows and columns filled).
// CHECK-LABEL: func @winograd_constant_weights
// CHECK-NOT: linalg.generic
// CHECK: arith.constant dense<{{.*}}> : tensor<16x1x2x32x16xf32>
// CHECK: linalg.fill {{.*}} -> tensor<1x1x10x32xf32>
// CHECK: scf.for {{.*}} to %c16 step %c1
// CHECK: tensor.extract_slice {{.*}} [1, 7, 7, 32] [1, 1, 1, 1] : tensor<1x8x8x32xf32> to tensor<1x7x7x32xf32>
func.func @winograd_constant_weights(%x: tensor<1x32x9x9xf32>) -> tensor<1x32x7x7xf32> {
  %w = arith.constant dense<0.5> : tensor<32x32x3x3xf32>
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x32x7x7xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x9x9xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<1x32x7x7xf32>) -> tensor<1x32x7x7xf32>
  return %r : tensor<1x32x7x7xf32>
}

// -----

// Filters that are not whole vectors (36, with 8 lanes) are padded with
// zero filters to 40: the weights before their transform (transposed to
// (r, s, c, f) into the padded tensor's interior), the bias, the products
// and outputs; the output sliced back to 36 filters.
// CHECK-LABEL: func @winograd_padded_filters
// CHECK: tensor.empty() : tensor<3x3x32x40xf32>
// CHECK: linalg.transpose {{.*}} permutation = [2, 3, 1, 0]
// CHECK: tensor.insert_slice {{.*}} [3, 3, 32, 36] [1, 1, 1, 1] : tensor<3x3x32x36xf32> into tensor<3x3x32x40xf32>
// CHECK: tensor<4x4x32x40xf32>
// CHECK: tensor.pad %{{.*}} low[0] high[4]
// CHECK: } : tensor<36xf32> to tensor<40xf32>
// CHECK: scf.for {{.*}} to %c16 step %c1 {{.*}} -> (tensor<16x16x40xf32>)
// CHECK: scf.for {{.*}} -> (tensor<1x8x8x40xf32>)
// CHECK: tensor.extract_slice {{.*}} [1, 8, 8, 36] [1, 1, 1, 1] : tensor<1x8x8x40xf32> to tensor<1x8x8x36xf32>
// CHECK-NOT: linalg.conv_2d
func.func @winograd_padded_filters(%x: tensor<1x32x10x10xf32>, %w: tensor<36x32x3x3xf32> {symc.invariant}, %b: tensor<36xf32>) -> tensor<1x36x8x8xf32> {
  %e = tensor.empty() : tensor<1x36x8x8xf32>
  %init = linalg.broadcast ins(%b : tensor<36xf32>) outs(%e : tensor<1x36x8x8xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x10x10xf32>, tensor<36x32x3x3xf32>) outs(%init : tensor<1x36x8x8xf32>) -> tensor<1x36x8x8xf32>
  return %r : tensor<1x36x8x8xf32>
}

// -----

// Not for Winograd: stride 2, fewer than 32 channels, channels that are
// not whole vectors, an accumulator that is neither a fill of zero nor a
// bias. They keep the direct schedule.
// CHECK-LABEL: func @direct
// CHECK-NOT: vector<8xf32>
// CHECK: return
func.func @direct(%x: tensor<1x32x10x10xf32>, %w: tensor<32x32x3x3xf32>, %x16: tensor<1x16x10x10xf32>, %w16: tensor<32x16x3x3xf32>, %x36: tensor<1x36x10x10xf32>, %w36: tensor<32x36x3x3xf32>, %acc: tensor<1x32x8x8xf32>) -> (tensor<1x32x4x4xf32>, tensor<1x32x8x8xf32>, tensor<1x32x8x8xf32>, tensor<1x32x8x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %e4 = tensor.empty() : tensor<1x32x4x4xf32>
  %i4 = linalg.fill ins(%zero : f32) outs(%e4 : tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  %strided = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%x, %w : tensor<1x32x10x10xf32>, tensor<32x32x3x3xf32>) outs(%i4 : tensor<1x32x4x4xf32>) -> tensor<1x32x4x4xf32>
  %e = tensor.empty() : tensor<1x32x8x8xf32>
  %i = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %few = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x16, %w16 : tensor<1x16x10x10xf32>, tensor<32x16x3x3xf32>) outs(%i : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %ragged = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x36, %w36 : tensor<1x36x10x10xf32>, tensor<32x36x3x3xf32>) outs(%i : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %accumulated = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x10x10xf32>, tensor<32x32x3x3xf32>) outs(%acc : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %strided, %few, %ragged, %accumulated : tensor<1x32x4x4xf32>, tensor<1x32x8x8xf32>, tensor<1x32x8x8xf32>, tensor<1x32x8x8xf32>
}

// -----

// Small images in a batch: a block takes whole images (here all four, 16
// tiles), not a tile row of one (2 tiles, whose matmuls would have fewer
// rows than a register tile).
// CHECK-LABEL: func @winograd_images
// CHECK: scf.for {{.*}} -> (tensor<16x4x2x2x32xf32>)
// CHECK: scf.for {{.*}} to %c16 step %c1 {{.*}} -> (tensor<16x16x32xf32>)
func.func @winograd_images(%x: tensor<4x32x6x6xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}) -> tensor<4x32x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x32x4x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x32x4x4xf32>) -> tensor<4x32x4x4xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<4x32x6x6xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<4x32x4x4xf32>) -> tensor<4x32x4x4xf32>
  return %r : tensor<4x32x4x4xf32>
}

// -----

// Blocks whose data would not fit half of L3 (here the two images', 8 MB,
// with l3-bytes of 1 MB) count their traffic from memory twice: tile rows
// of one image whose data fits (4 rows, 512 KB) move fewer bytes than
// whole images, for all that they re-read the transformed filters.
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd-tile=2 tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=65536 l3-bytes=1048576" | FileCheck %s --check-prefix=MEMORY
// MEMORY-LABEL: func @winograd_memory_bound
// MEMORY: scf.for {{.*}} to %c16 step %c1 {{.*}} -> (tensor<2x64x64x32xf32>)
// MEMORY:   scf.for {{.*}} -> (tensor<16x1x4x32x32xf32>)
func.func @winograd_memory_bound(%x: tensor<2x32x66x66xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}) -> tensor<2x32x64x64xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x32x64x64xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x32x64x64xf32>) -> tensor<2x32x64x64xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<2x32x66x66xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<2x32x64x64xf32>) -> tensor<2x32x64x64xf32>
  return %r : tensor<2x32x64x64xf32>
}

// -----

// The elementwise ops after the convolution (BatchNorm's scale, a residual
// sum, then ReLU), each the only user of the one before, run on the output
// transform's vectors: the scale read per channel, the residual
// channel-last at each output's position; no pass of their own over the
// output.
// CHECK-LABEL: func @winograd_epilogue
// CHECK: scf.for {{.*}} -> (tensor<1x8x8x32xf32>)
// CHECK-COUNT-16: vector.transfer_read {{.*}} : tensor<16x1x4x4x32xf32>, vector<8xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<32xf32>, vector<8xf32>
// CHECK: arith.mulf {{.*}} : vector<8xf32>
// CHECK: vector.transfer_read {{.*}} : tensor<1x8x8x32xf32>, vector<8xf32>
// CHECK: arith.addf {{.*}} : vector<8xf32>
// CHECK: arith.maximumf {{.*}} : vector<8xf32>
// CHECK: vector.transfer_write {{.*}} : vector<2x2x8xf32>, tensor<2x2x8xf32>
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @winograd_epilogue(%x: tensor<1x32x10x10xf32>, %w: tensor<32x32x3x3xf32> {symc.invariant}, %scale: tensor<32xf32>, %residual: tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x32x8x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %conv = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x32x10x10xf32>, tensor<32x32x3x3xf32>) outs(%init : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %scaled = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d1)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%conv, %scale : tensor<1x32x8x8xf32>, tensor<32xf32>) outs(%e : tensor<1x32x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %m = arith.mulf %a, %b : f32
    linalg.yield %m : f32
  } -> tensor<1x32x8x8xf32>
  %sum = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%scaled, %residual : tensor<1x32x8x8xf32>, tensor<1x32x8x8xf32>) outs(%e : tensor<1x32x8x8xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<1x32x8x8xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>, affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%sum : tensor<1x32x8x8xf32>) outs(%e : tensor<1x32x8x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %c0 = arith.constant 0.0 : f32
    %r = arith.maximumf %a, %c0 : f32
    linalg.yield %r : f32
  } -> tensor<1x32x8x8xf32>
  return %relu : tensor<1x32x8x8xf32>
}
