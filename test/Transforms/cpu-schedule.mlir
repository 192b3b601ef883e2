// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608" | FileCheck %s
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608 parallel=true cores=2 min-parallel-flops=0" | FileCheck %s --check-prefix=PARALLEL
// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=1048576 l3-bytes=8388608 parallel=true cores=2" | FileCheck %s --check-prefix=SMALL
// Matmuls packed as in GotoBLAS: A in row tiles per depth block
// ([k / depth, m / 4, 4, depth]) and B in column panels per depth block
// ([k / depth, n / 16, depth, 16]), each copied up to 256 floats at a time;
// then the column panels and, in each, the register rows: 4 x 16 tiles
// whose k loop carries the accumulator in vector registers and computes it
// with FMAs (the AVX2 tile; AVX-512 hosts use 8 x 32). Here the depth is
// one block and A is already laid out so: its register tiles are slices of
// A itself.
// CHECK-LABEL: func @matmul
// CHECK-NOT: tensor.empty() : tensor<1x16x4x128xf32>
// CHECK: tensor.empty() : tensor<1x4x128x16xf32>
// CHECK: vector.transfer_write {{.*}} : vector<1x1x8x16xf32>, tensor<1x1x8x16xf32>
// CHECK: scf.for {{.*}} to %c4 step %c1
// CHECK:   tensor.extract_slice %{{.*}}[0, %{{.*}}, 0, 0] [1, 1, 128, 16] [1, 1, 1, 1] : tensor<1x4x128x16xf32> to tensor<128x16xf32>
// CHECK:   scf.for {{.*}} to %c16 step %c1
// CHECK:     tensor.extract_slice %arg0[%{{.*}}, 0] [4, 128] [1, 1] : tensor<64x128xf32> to tensor<4x128xf32>
// CHECK:     vector.transfer_read {{.*}} : tensor<4x16xf32>, vector<4x16xf32>
// CHECK:     scf.for {{.*}} to %c128 step %c1 iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK-COUNT-4: vector.fma {{.*}} : vector<16xf32>
// CHECK-NOT: symc.matmul
// With parallel, threads share the blocks of rows: 2 of 32.
// PARALLEL-LABEL: func @matmul
// PARALLEL: scf.forall (%{{.*}}) in (2) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<64x64xf32>)
// PARALLEL:   tensor.extract_slice %{{.*}} [32, 64] [1, 1] : tensor<64x64xf32> to tensor<32x64xf32>
// PARALLEL:   vector.fma {{.*}} : vector<16xf32>
func.func @matmul(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// A depth too large for L1 (a 768 x 16 panel of B is 48 KiB) splits into
// blocks of 256; the first runs before the loop over the others, so that
// its tiles can start from the accumulator's fill (symc-forward-fills).
// B is packed whole; A's block of rows is packed for each depth block just
// before its panels sweep it (so that they re-read it from L2). The rows of
// register tiles are marked for symc-prefetch-next-block.
// CHECK-LABEL: func @matmul_depth_blocks
// CHECK: tensor.empty() : tensor<3x2x256x16xf32>
// CHECK-NOT: tensor<3x2x4x256xf32>
// CHECK: tensor.extract_slice %arg0[0, 0] [8, 256] [1, 1] : tensor<8x768xf32> to tensor<8x256xf32>
// CHECK: tensor.empty() : tensor<1x2x4x256xf32>
// CHECK: %[[FIRST:.*]] = scf.for {{.*}} to %c2 step %c1 iter_args(%{{.*}} = %arg2)
// CHECK:   tensor.extract_slice %{{.*}}[0, %{{.*}}, 0, 0] [1, 1, 256, 16]
// CHECK:   scf.for {{.*}} to %c256 step %c1 iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK:   } {symc.prefetch_next_accumulator}
// CHECK: scf.for %[[D:.*]] = %c1 to %c3 step %c1 iter_args(%{{.*}} = %[[FIRST]])
// CHECK:   %[[COLUMN:.*]] = arith.muli %[[D]], %c256
// CHECK:   tensor.extract_slice %arg0[0, %[[COLUMN]]] [8, 256] [1, 1] : tensor<8x768xf32> to tensor<8x256xf32>
// CHECK:   tensor.empty() : tensor<1x2x4x256xf32>
// CHECK:   tensor.extract_slice %{{.*}}[%[[D]], %{{.*}}, 0, 0] [1, 1, 256, 16]
func.func @matmul_depth_blocks(%a: tensor<8x768xf32>, %b: tensor<768x32xf32>, %c: tensor<8x32xf32>) -> tensor<8x32xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<8x768xf32>, tensor<768x32xf32>) outs(%c : tensor<8x32xf32>) -> tensor<8x32xf32>
  return %r : tensor<8x32xf32>
}

// -----

// Rows the register tile does not divide (14: 3 tiles and 2 rows) in one
// row block of 14, and a depth (701) that splits into blocks of 234, 234
// and 233: nothing is computed twice or over padding. A's block is packed
// per depth block, its last tile padded with zeros; the 3 whole register
// tiles loop and the last 2 rows are a 2 x 16 tile after them, written
// straight into the accumulator (not padded, nothing sliced back). The
// last depth block runs after the others (here one, its loop folded), its
// tiles 233 deep; B's pack pads it to 234.
// CHECK-LABEL: func @matmul_ragged_rows
// CHECK-NOT: tensor.pad
// CHECK: tensor.empty() : tensor<3x2x234x16xf32>
// CHECK-NOT: tensor<3x4x4x234xf32>
// CHECK: tensor.extract_slice %arg0[0, 0] [14, 234] [1, 1] : tensor<14x701xf32> to tensor<14x234xf32>
// CHECK: tensor.empty() : tensor<1x4x4x234xf32>
// CHECK: scf.for {{.*}} to %c2 step %c1 iter_args(%{{.*}} = %arg2)
// CHECK:   scf.for {{.*}} to %c3 step %c1 {{.*}} -> (tensor<12x16xf32>)
// CHECK:     scf.for {{.*}} to %c234 step %c1 iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK:   } {symc.prefetch_next_accumulator}
// CHECK:   scf.for {{.*}} to %c234 step %c1 iter_args({{.*}}) -> (vector<2x16xf32>)
// CHECK:   tensor.insert_slice %{{.*}}[12, 0] [2, 16] [1, 1] : tensor<2x16xf32> into tensor<14x16xf32>
// CHECK: tensor.extract_slice %arg0[0, 234] [14, 234] [1, 1] : tensor<14x701xf32> to tensor<14x234xf32>
// CHECK: scf.for {{.*}} to %c234 step %c1 iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK: tensor.extract_slice %arg0[0, 468] [14, 233] [1, 1] : tensor<14x701xf32> to tensor<14x233xf32>
// CHECK: tensor.empty() : tensor<1x4x4x233xf32>
// CHECK: tensor.extract_slice %{{.*}}[2, %{{.*}}, 0, 0] [1, 1, 233, 16] [1, 1, 1, 1] : tensor<3x2x234x16xf32> to tensor<233x16xf32>
// CHECK: scf.for {{.*}} to %c233 step %c1 iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK: scf.for {{.*}} to %c233 step %c1 iter_args({{.*}}) -> (vector<2x16xf32>)
// CHECK-NOT: tensor.extract_slice {{.*}} : tensor<16x32xf32> to tensor<14x32xf32>
// CHECK: return
func.func @matmul_ragged_rows(%a: tensor<14x701xf32>, %b: tensor<701x32xf32>, %c: tensor<14x32xf32>) -> tensor<14x32xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<14x701xf32>, tensor<701x32xf32>) outs(%c : tensor<14x32xf32>) -> tensor<14x32xf32>
  return %r : tensor<14x32xf32>
}

// -----

// Extents the register tile does not divide keep the loop lowering, in
// (i, k, j) order: a row of B at a time.
// CHECK-DAG: #[[A:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-DAG: #[[B:.*]] = affine_map<(d0, d1, d2) -> (d1, d2)>
// CHECK-DAG: #[[C:.*]] = affine_map<(d0, d1, d2) -> (d0, d2)>
// CHECK-LABEL: func @ragged
// CHECK: linalg.generic {indexing_maps = [#[[A]], #[[B]], #[[C]]], iterator_types = ["parallel", "reduction", "parallel"]}
// CHECK-NOT: vector.fma
// CHECK-NOT: symc.matmul_rows
func.func @ragged(%a: tensor<3x10xf32>, %b: tensor<10x5xf32>, %c: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<3x10xf32>, tensor<10x5xf32>) outs(%c : tensor<3x5xf32>) -> tensor<3x5xf32>
  return %r : tensor<3x5xf32>
}

// -----

// A FullyConnected at batch 1 with constant weights: its B, the weights
// transposed, is transposed at compile time (in the loop lowering's B, the
// transpose of W = [[1, 2, 3], [4, 5, 6]]), not at every run.
// CHECK-LABEL: func @fully_connected_constant
// CHECK-NOT: linalg.transpose
// CHECK: %[[WT:.*]] = arith.constant dense<{{\[}}[1.000000e+00, 4.000000e+00], [2.000000e+00, 5.000000e+00], [3.000000e+00, 6.000000e+00]]> : tensor<3x2xf32>
// CHECK: linalg.generic {{.*}} ins(%arg0, %[[WT]] : tensor<1x3xf32>, tensor<3x2xf32>)
func.func @fully_connected_constant(%x: tensor<1x3xf32>, %c: tensor<1x2xf32>) -> tensor<1x2xf32> {
  %w = arith.constant dense<[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]> : tensor<2x3xf32>
  %e = tensor.empty() : tensor<3x2xf32>
  %wt = linalg.transpose ins(%w : tensor<2x3xf32>) outs(%e : tensor<3x2xf32>) permutation = [1, 0]
  %r = linalg.matmul ins(%x, %wt : tensor<1x3xf32>, tensor<3x2xf32>) outs(%c : tensor<1x2xf32>) -> tensor<1x2xf32>
  return %r : tensor<1x2xf32>
}

// -----

// Ragged extents with at least a register tile of rows (the micro
// benchmark's 300 and 777): 30 rows are one row block, 7 register tiles
// and a last one of 2 rows; 60 columns, 3 panels of 16 and a last one of
// 12. B's pack copies the whole panels and the partial one and fills the
// padding with zeros; A is read as it is (one depth block). The partial
// tiles write straight into the accumulator, which has no padding.
// CHECK-LABEL: func @ragged_exact
// CHECK-NOT: tensor.pad
// CHECK: tensor.empty() : tensor<1x4x52x16xf32>
// CHECK: tensor.insert_slice %{{.*}}[0, 0, 0, 0] [1, 3, 52, 16]
// CHECK: tensor.insert_slice %{{.*}}[0, 3, 0, 0] [1, 1, 52, 12]
// CHECK: linalg.fill ins(%{{.*}}) outs(%{{.*}} : tensor<1x1x52x4xf32>)
// CHECK: tensor.extract_slice %arg2[0, 0] [30, 48] [1, 1] : tensor<30x60xf32> to tensor<30x48xf32>
// CHECK: scf.for {{.*}} to %c3 step %c1
// CHECK:   scf.for {{.*}} to %c7 step %c1
// CHECK:     vector.fma {{.*}} : vector<16xf32>
// CHECK:   } {symc.prefetch_next_accumulator}
// CHECK:   tensor.extract_slice %arg0[28, 0] [2, 52] [1, 1] : tensor<30x52xf32> to tensor<2x52xf32>
// CHECK:   scf.for {{.*}} iter_args({{.*}}) -> (vector<2x16xf32>)
// CHECK: tensor.insert_slice %{{.*}} into %arg2[0, 0] [30, 48] [1, 1]
// CHECK: tensor.extract_slice %{{.*}}[0, 48] [30, 12] [1, 1] : tensor<30x60xf32> to tensor<30x12xf32>
// CHECK: scf.for {{.*}} to %c7 step %c1
// CHECK:   vector.fma {{.*}} : vector<12xf32>
// CHECK: } {symc.prefetch_next_accumulator}
// CHECK: scf.for {{.*}} iter_args({{.*}}) -> (vector<2x12xf32>)
// CHECK: tensor.insert_slice %{{.*}}[0, 48] [30, 12] [1, 1] : tensor<30x12xf32> into tensor<30x60xf32>
// CHECK-NEXT: return
func.func @ragged_exact(%a: tensor<30x52xf32>, %b: tensor<52x60xf32>, %c: tensor<30x60xf32>) -> tensor<30x60xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<30x52xf32>, tensor<52x60xf32>) outs(%c : tensor<30x60xf32>) -> tensor<30x60xf32>
  return %r : tensor<30x60xf32>
}

// -----

// Rows that no row block splits into register tiles at least half full
// (29, a prime: its one block would end in a tile of 1 row) are padded to
// whole tiles: A is packed whole with its padding (7 tiles of 4, 1 row, 3
// of padding), the accumulator padded by 3 rows and the result sliced
// back. The columns still end in a partial panel.
// CHECK-LABEL: func @ragged_padded
// CHECK: %[[A:.*]] = tensor.empty() : tensor<1x8x4x52xf32>
// CHECK: %[[TILES:.*]] = scf.for {{.*}} to %c7 step %c1 {{.*}} -> (tensor<1x7x4x52xf32>)
// CHECK: tensor.insert_slice %[[TILES]] into %[[A]][0, 0, 0, 0] [1, 7, 4, 52]
// CHECK: tensor.insert_slice %{{.*}}[0, 7, 0, 0] [1, 1, 1, 52]
// CHECK: linalg.fill ins(%{{.*}}) outs(%{{.*}} : tensor<1x1x3x52xf32>)
// CHECK: tensor.insert_slice %{{.*}}[0, 7, 1, 0] [1, 1, 3, 52]
// CHECK: tensor.pad %arg2 low[0, 0] high[3, 0]
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: vector.fma {{.*}} : vector<12xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [29, 60] [1, 1] : tensor<32x60xf32> to tensor<29x60xf32>
func.func @ragged_padded(%a: tensor<29x52xf32>, %b: tensor<52x60xf32>, %c: tensor<29x60xf32>) -> tensor<29x60xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<29x52xf32>, tensor<52x60xf32>) outs(%c : tensor<29x60xf32>) -> tensor<29x60xf32>
  return %r : tensor<29x60xf32>
}
// -----

// An NCHW convolution whose output width and filters the register tile
// divides runs channel-last between transposes: one output row, 4 columns
// and 16 filters per tile, the kernel row tiled to 1 and decomposed into 1-D
// convolutions computed with FMAs. The filter loop is outermost, so that a
// filter tile's weights stay in cache across the rows.
// The weights are packed in filter tiles, [tile, channel block, kh, kw, c,
// 16] (zero past the last filter; one block of all 8 channels here), so
// that a tile's weights for a block stream contiguously; each
// iteration of the filter-tile loop convolves one. The loop over a row's
// register tiles is marked for symc-prefetch-next-block to prefetch each
// next tile's accumulators, and the filter-tile loop to prefetch the next
// filter tile's weights and accumulators into L2.
// CHECK-LABEL: func @conv
// CHECK: linalg.transpose {{.*}} permutation = [0, 2, 3, 1]
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x1x3x3x8x16xf32>)
// CHECK:   tensor.extract %arg1
// CHECK: scf.for %[[TILE:.*]] = %c0 to %c2 step %c1
// CHECK:   tensor.extract_slice %{{.*}}[%[[TILE]], 0, 0, 0, 0, 0] [1, 1, 3, 3, 8, 16] [1, 1, 1, 1, 1, 1] : tensor<2x1x3x3x8x16xf32> to tensor<3x3x8x16xf32>
// CHECK:   scf.for {{.*}} step %c4
// CHECK:   vector.fma {{.*}} : vector<16xf32>
// CHECK:   } {symc.prefetch_next_accumulator}
// CHECK: } {symc.prefetch_next_block}
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 1, 2]
// CHECK-NOT: symc.conv_schedule
// With parallel, two filter tiles are too few for the cores and one
// image's 8 rows are a single block: threads share blocks of 2 rows (an
// scf.forall over 4, two each), which sweep the packed filter tiles, rather
// than single rows, which would read the weights unpacked.
// By default, a convolution of fewer than 2 MFLOP (this one: 0.3) runs
// on one thread: starting the threads would cost more than they save.
// SMALL-LABEL: func @conv(
// SMALL-NOT: scf.forall
// SMALL-LABEL: func @conv_rows_blocked_for_threads(
// PARALLEL-LABEL: func @conv
// PARALLEL: linalg.generic {{.*}} outs(%{{.*}} : tensor<2x1x3x3x8x16xf32>)
// PARALLEL: scf.forall (%{{.*}}) in (4) shared_outs
// PARALLEL:   tensor.extract_slice %{{.*}} [1, 2, 8, 32] [1, 1, 1, 1] : tensor<1x8x8x32xf32> to tensor<1x2x8x32xf32>
// PARALLEL:   vector.fma {{.*}} : vector<16xf32>
// PARALLEL: scf.forall.in_parallel
func.func @conv(%x: tensor<1x8x10x10xf32>, %w: tensor<32x8x3x3xf32>, %init: tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x10x10xf32>, tensor<32x8x3x3xf32>) outs(%init : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %r : tensor<1x32x8x8xf32>
}

// -----

// Where the traffic model blocks the rows but leaves too few blocks for
// the threads (this one: two blocks of 28 rows), the threads share smaller
// row blocks (four of 14), still over packed filter tiles and an input
// packed in channel blocks, not the 56 single rows with unpacked weights.
// CHECK-LABEL: func @conv_rows_blocked_for_threads
// PARALLEL-LABEL: func @conv_rows_blocked_for_threads
// PARALLEL: scf.forall (%{{.*}}) in (4) shared_outs(%{{.*}}) -> (tensor<1x56x56x32xf32>)
// PARALLEL:   tensor.expand_shape {{.*}} into tensor<1x16x58x4x16xf32>
// PARALLEL:   vector.fma {{.*}} : vector<16xf32>
// PARALLEL: scf.forall.in_parallel
func.func @conv_rows_blocked_for_threads(%x: tensor<1x64x58x58xf32>, %w: tensor<32x64x3x3xf32>, %init: tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x58x58xf32>, tensor<32x64x3x3xf32>) outs(%init : tensor<1x32x56x56xf32>) -> tensor<1x32x56x56xf32>
  return %r : tensor<1x32x56x56xf32>
}

// -----

// 64 input channels of 3x3 weights for 16 filters are 36 KB, more than half
// of a 32 KB L1: the channels go in blocks of 16 (9 KB), a loop outside the
// rows, and the weights of a block stay in L1 while the rows are swept.
// CHECK-LABEL: func @conv_channel_blocks
// CHECK: scf.for %[[BLOCK:.*]] = %c0 to %c64 step %c16 iter_args(%{{.*}}) -> (tensor<1x8x8x16xf32>)
// CHECK:   tensor.extract_slice %{{.*}}[0, 0, 0, %[[BLOCK]]] [1, 10, 10, 16]
// CHECK:   tensor.extract_slice %{{.*}}[0, 0, %[[BLOCK]], 0] [3, 3, 16, 16]
// CHECK:   scf.for {{.*}} to %c8 step %c1
// CHECK:     scf.for {{.*}} to %c8 step %c4
// CHECK:       scf.for {{.*}} to %c16 step %c1
// CHECK:         vector.fma {{.*}} : vector<16xf32>
// With parallel, its one filter tile is not packed: threads share its 8
// output rows.
// PARALLEL-LABEL: func @conv_channel_blocks
// PARALLEL: scf.forall (%{{.*}}) in (8) shared_outs
// PARALLEL:   scf.for {{.*}} to %c64 step %c16
// PARALLEL:     vector.fma {{.*}} : vector<16xf32>
func.func @conv_channel_blocks(%x: tensor<1x64x10x10xf32>, %w: tensor<16x64x3x3xf32>, %init: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x10x10xf32>, tensor<16x64x3x3xf32>) outs(%init : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %r : tensor<1x16x8x8xf32>
}

// -----

// With 128 input channels or more, blocks may fill 4/5 of L1: 32 channels
// (18 KB) where half of L1 would allow only 16.
// CHECK-LABEL: func @conv_channel_blocks_wide
// CHECK: scf.for %[[BLOCK:.*]] = %c0 to %c128 step %c32 iter_args(%{{.*}}) -> (tensor<1x8x8x16xf32>)
// CHECK:   tensor.extract_slice %{{.*}}[0, 0, %[[BLOCK]], 0] [3, 3, 32, 16]
func.func @conv_channel_blocks_wide(%x: tensor<1x128x10x10xf32>, %w: tensor<16x128x3x3xf32>, %init: tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x128x10x10xf32>, tensor<16x128x3x3xf32>) outs(%init : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
  return %r : tensor<1x16x8x8xf32>
}

// -----

// A bias (the accumulator a broadcast of it) is added after the
// convolution, which accumulates from zero: an elementwise op that fuses
// with the consumers (here, moved channel-last above the output's
// transpose), instead of a padded accumulator copied every run.
// CHECK-DAG: #[[CHANNEL:.*]] = affine_map<(d0, d1, d2, d3) -> (d3)>
// CHECK-LABEL: func @conv_bias
// CHECK: %[[ZERO:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x8x8x32xf32>)
// CHECK: %[[CONV:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[ZERO]])
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[CHANNEL]], #{{.*}}], {{.*}} ins(%[[CONV]], %arg2 : tensor<1x8x8x32xf32>, tensor<32xf32>)
// CHECK:   arith.addf
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 1, 2]
func.func @conv_bias(%x: tensor<1x8x10x10xf32>, %w: tensor<32x8x3x3xf32>, %bias: tensor<32xf32>) -> tensor<1x32x8x8xf32> {
  %e = tensor.empty() : tensor<1x32x8x8xf32>
  %init = linalg.broadcast ins(%bias : tensor<32xf32>) outs(%e : tensor<1x32x8x8xf32>) dimensions = [0, 2, 3]
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x10x10xf32>, tensor<32x8x3x3xf32>) outs(%init : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  return %r : tensor<1x32x8x8xf32>
}

// -----

// A 1x1 convolution over one channel: the one-trip loops are not hoisted
// from (they fold away), the schedule still applies.
// CHECK-LABEL: func @conv_1x1_one_channel
// CHECK: vector.fma {{.*}} : vector<16xf32>
func.func @conv_1x1_one_channel(%x: tensor<1x1x4x8xf32>, %w: tensor<16x1x1x1xf32>, %init: tensor<1x16x4x8xf32>) -> tensor<1x16x4x8xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x1x4x8xf32>, tensor<16x1x1x1xf32>) outs(%init : tensor<1x16x4x8xf32>) -> tensor<1x16x4x8xf32>
  return %r : tensor<1x16x4x8xf32>
}

// -----

// A 13-wide output (SqueezeNet's last fire modules): no width tile of 2 to
// 4 divides it, so the output is padded to 16 columns (the input to 18:
// transposed into the interior of a tensor of which only the 3 extra
// columns are zero-filled; the init by a padded transpose that reads with
// tensor.extract), computed in 4 x 16 tiles and sliced back.
// (A 7-wide one takes 7 x 8 tiles instead: unpadded, its activation can
// run on the register tiles.)
// CHECK-LABEL: func @conv_width_13
// CHECK-NOT: tensor.pad
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x15x18x16xf32>
// CHECK: %[[COLUMNS:.*]] = tensor.extract_slice %[[EMPTY]][0, 0, 15, 0] [1, 15, 3, 16]
// CHECK: %[[ZEROS:.*]] = linalg.fill {{.*}} outs(%[[COLUMNS]] : tensor<1x15x3x16xf32>)
// CHECK: %[[BORDER:.*]] = tensor.insert_slice %[[ZEROS]] into %[[EMPTY]][0, 0, 15, 0] [1, 15, 3, 16]
// CHECK: %[[INTERIOR:.*]] = tensor.extract_slice %[[BORDER]][0, 0, 0, 0] [1, 15, 15, 16]
// CHECK: %[[ROWS:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[INTERIOR]])
// CHECK:   linalg.transpose ins(%{{.*}} : tensor<1x16x1x15xf32>) outs(%{{.*}} : tensor<1x1x15x16xf32>) permutation = [0, 2, 3, 1]
// CHECK: tensor.insert_slice %[[ROWS]] into %[[BORDER]][0, 0, 0, 0] [1, 15, 15, 16]
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<1x13x16x32xf32>)
// CHECK: tensor.extract
// CHECK: scf.for {{.*}} = %c0 to %c2 step %c1
// CHECK: scf.for {{.*}} step %c4
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: tensor.extract_slice {{.*}}[0, 0, 0, 0] [1, 13, 13, 32] [1, 1, 1, 1] : tensor<1x13x16x32xf32> to tensor<1x13x13x32xf32>
// CHECK-NOT: symc.conv_schedule
func.func @conv_width_13(%x: tensor<1x16x15x15xf32>, %w: tensor<32x16x3x3xf32>, %init: tensor<1x32x13x13xf32>) -> tensor<1x32x13x13xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x16x15x15xf32>, tensor<32x16x3x3xf32>) outs(%init : tensor<1x32x13x13xf32>) -> tensor<1x32x13x13xf32>
  return %r : tensor<1x32x13x13xf32>
}

// -----

// A filter count that no vector divides (SqueezeNet's 1000-class 1x1
// convolution): the filters pad to 1008 (63 tiles of 16) with zero
// weights, sliced off.
// CHECK-LABEL: func @conv_filters_1000
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<63x1x1x1x8x16xf32>)
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: tensor.extract_slice {{.*}} : tensor<1x4x4x1008xf32> to tensor<1x4x4x1000xf32>
func.func @conv_filters_1000(%x: tensor<1x8x4x4xf32>, %w: tensor<1000x8x1x1xf32>, %init: tensor<1x1000x4x4xf32>) -> tensor<1x1000x4x4xf32> {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x4x4xf32>, tensor<1000x8x1x1xf32>) outs(%init : tensor<1x1000x4x4xf32>) -> tensor<1x1000x4x4xf32>
  return %r : tensor<1x1000x4x4xf32>
}

// -----

// Two convolutions of different tiles in one module get a schedule each
// (4 x 16 and, for the 2-wide output, 2 x 8).
// CHECK-LABEL: func @two_schedules
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: vector.fma {{.*}} : vector<8xf32>
func.func @two_schedules(%x: tensor<1x8x10x10xf32>, %w: tensor<32x8x3x3xf32>, %init: tensor<1x32x8x8xf32>,
                         %x2: tensor<1x16x4x4xf32>, %w2: tensor<8x16x3x3xf32>, %init2: tensor<1x8x2x2xf32>)
    -> (tensor<1x32x8x8xf32>, tensor<1x8x2x2xf32>) {
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x8x10x10xf32>, tensor<32x8x3x3xf32>) outs(%init : tensor<1x32x8x8xf32>) -> tensor<1x32x8x8xf32>
  %r2 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x2, %w2 : tensor<1x16x4x4xf32>, tensor<8x16x3x3xf32>) outs(%init2 : tensor<1x8x2x2xf32>) -> tensor<1x8x2x2xf32>
  return %r, %r2 : tensor<1x32x8x8xf32>, tensor<1x8x2x2xf32>
}

// -----

// A transpose runs in blocks of 16 along the result's last dimension (here
// 64, in 4 steps) and along the one that reads the source's last (here 3
// wide, one step), so that both sides touch whole cache lines; a
// transpose that keeps the last dimension is left alone.
// CHECK-LABEL: func @transposes
// CHECK: scf.for {{.*}} to %c64 step %c16
// CHECK: linalg.transpose ins({{.*}} : tensor<16x1x1x3xf32>) {{.*}} permutation = [3, 2, 1, 0]
// CHECK: linalg.transpose ins(%arg1 : tensor<4x8x16xf32>) {{.*}} permutation = [1, 0, 2]
// CHECK-NOT: symc.transpose_tile
func.func @transposes(%w: tensor<64x32x3x3xf32>, %x: tensor<4x8x16xf32>)
    -> (tensor<3x3x32x64xf32>, tensor<8x4x16xf32>) {
  %e = tensor.empty() : tensor<3x3x32x64xf32>
  %t = linalg.transpose ins(%w : tensor<64x32x3x3xf32>) outs(%e : tensor<3x3x32x64xf32>) permutation = [3, 2, 1, 0]
  %e2 = tensor.empty() : tensor<8x4x16xf32>
  %t2 = linalg.transpose ins(%x : tensor<4x8x16xf32>) outs(%e2 : tensor<8x4x16xf32>) permutation = [1, 0, 2]
  return %t, %t2 : tensor<3x3x32x64xf32>, tensor<8x4x16xf32>
}

// -----

// A batched matmul (batch_dot) becomes a loop over the batch of 2-D
// matmuls on rank-reducing slices, scheduled like any matmul.
// CHECK-LABEL: func @batch_matmul
// CHECK: scf.for {{.*}} to %c3 step %c1
// CHECK: tensor.extract_slice {{.*}} : tensor<3x8x32xf32> to tensor<8x32xf32>
// CHECK: vector.fma {{.*}} : vector<16xf32>
// CHECK: tensor.insert_slice {{.*}} : tensor<8x16xf32> into tensor<3x8x16xf32>
// CHECK-NOT: linalg.batch_matmul
// Three matrices do not split evenly between two threads: they share
// each matmul's tiles (the matmul schedule's scf.forall in the loop).
// SMALL-LABEL: func @batch_matmul
// SMALL: scf.for {{.*}} to %c3 step %c1
// SMALL: scf.forall
func.func @batch_matmul(%a: tensor<3x8x32xf32>, %b: tensor<3x32x16xf32>, %c: tensor<3x8x16xf32>) -> tensor<3x8x16xf32> {
  %r = linalg.batch_matmul ins(%a, %b : tensor<3x8x32xf32>, tensor<3x32x16xf32>) outs(%c : tensor<3x8x16xf32>) -> tensor<3x8x16xf32>
  return %r : tensor<3x8x16xf32>
}

// -----

// Four do: the threads share the batch, each matmul on one thread (one
// parallel region rather than one per matmul).
// SMALL-LABEL: func @batch_matmul_shared
// SMALL: scf.forall (%[[I:.*]]) in (4) shared_outs(%[[ACC:.*]] = %{{.*}}) -> (tensor<4x8x16xf32>)
// SMALL:   tensor.extract_slice %[[ACC]][%[[I]], 0, 0] [1, 8, 16] [1, 1, 1] : tensor<4x8x16xf32> to tensor<8x16xf32>
// SMALL-NOT: scf.forall
// SMALL:   vector.fma {{.*}} : vector<16xf32>
// SMALL: scf.forall.in_parallel
// SMALL:   tensor.parallel_insert_slice %{{.*}} into %[[ACC]][%[[I]], 0, 0] [1, 8, 16] [1, 1, 1] : tensor<8x16xf32> into tensor<4x8x16xf32>
func.func @batch_matmul_shared(%a: tensor<4x8x32xf32>, %b: tensor<4x32x16xf32>, %c: tensor<4x8x16xf32>) -> tensor<4x8x16xf32> {
  %r = linalg.batch_matmul ins(%a, %b : tensor<4x8x32xf32>, tensor<4x32x16xf32>) outs(%c : tensor<4x8x16xf32>) -> tensor<4x8x16xf32>
  return %r : tensor<4x8x16xf32>
}

// -----

// Static poolings run channel-last between transposes. A small window
// with a constant init is unrolled: one strided view of the input per
// window position and an elementwise generic over (n, oh, ow, c) that
// combines them from the init value, as MXNet's `in > max` (a select).
// Otherwise (an init that is not a fill, or a window above 16 elements) a
// generic over (n, oh, ow, kh, kw, c), the channels innermost.
// CHECK-DAG: #[[WIN:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 * 2 + d3, d2 * 2 + d4, d5)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1, d2, d5)>
// CHECK-DAG: #[[BIG:.*]] = affine_map<(d0, d1, d2, d3, d4, d5) -> (d0, d1 + d3, d2 + d4, d5)>
// CHECK-LABEL: func @max_pool
// CHECK: %[[NEG:.*]] = arith.constant 0xFF800000 : f32
// CHECK: %[[NHWC:.*]] = scf.for {{.*}} -> (tensor<1x9x9x8xf32>)
// CHECK:   linalg.transpose {{.*}} permutation = [0, 2, 3, 1]
// CHECK: %[[FIRST:.*]] = tensor.extract_slice %[[NHWC]][0, 0, 0, 0] [1, 4, 4, 8] [1, 2, 2, 1]
// CHECK: %[[LAST:.*]] = tensor.extract_slice %[[NHWC]][0, 2, 2, 0] [1, 4, 4, 8] [1, 2, 2, 1]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%[[FIRST]], {{.*}}, %[[LAST]] : {{.*}}) outs(%{{.*}} : tensor<1x4x4x8xf32>)
// CHECK:   %[[GT:.*]] = arith.cmpf ogt, %{{.*}}, %[[NEG]]
// CHECK:   arith.select %[[GT]], %{{.*}}, %[[NEG]]
// CHECK-COUNT-8: arith.select
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 1, 2]
// CHECK-LABEL: func @sum_pool
// CHECK: linalg.generic {indexing_maps = [#[[WIN]], #{{.*}}, #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
// CHECK:   arith.addf
// CHECK-LABEL: func @max_pool_large_window
// CHECK: linalg.generic {indexing_maps = [#[[BIG]], #{{.*}}, #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "reduction", "reduction", "parallel"]}
// CHECK:   arith.cmpf ogt
// CHECK:   arith.select
func.func @max_pool(%in: tensor<1x8x9x9xf32>, %w: tensor<3x3xf32>) -> tensor<1x8x4x4xf32> {
  %neg = arith.constant 0xFF800000 : f32
  %empty = tensor.empty() : tensor<1x8x4x4xf32>
  %init = linalg.fill ins(%neg : f32) outs(%empty : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%in, %w : tensor<1x8x9x9xf32>, tensor<3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %r : tensor<1x8x4x4xf32>
}
func.func @sum_pool(%in: tensor<1x8x9x9xf32>, %init: tensor<1x8x4x4xf32>, %w: tensor<3x3xf32>) -> tensor<1x8x4x4xf32> {
  %r = linalg.pooling_nchw_sum {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%in, %w : tensor<1x8x9x9xf32>, tensor<3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %r : tensor<1x8x4x4xf32>
}
func.func @max_pool_large_window(%in: tensor<1x8x9x9xf32>, %w: tensor<5x5xf32>) -> tensor<1x8x5x5xf32> {
  %neg = arith.constant 0xFF800000 : f32
  %empty = tensor.empty() : tensor<1x8x5x5xf32>
  %init = linalg.fill ins(%neg : f32) outs(%empty : tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32>
  %r = linalg.pooling_nchw_max {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
    ins(%in, %w : tensor<1x8x9x9xf32>, tensor<5x5xf32>) outs(%init : tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32>
  return %r : tensor<1x8x5x5xf32>
}


// -----

// Constant weights (an AOT artifact's) are re-laid out now, not in every
// run: the packed filter tiles are a constant, the 4 padding filters zero.
// CHECK-LABEL: func @conv_constant_weights
// CHECK: arith.constant dense<{{.*}}1.000000e+00, 1.000000e+00, 1.000000e+00, 1.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00, 0.000000e+00]]]]]]> : tensor<3x1x1x1x1x8xf32>
// CHECK-NOT: tensor.extract %
func.func @conv_constant_weights(%x: tensor<1x1x4x16xf32>) -> tensor<1x20x4x16xf32> {
  %zero = arith.constant 0.0 : f32
  %w = arith.constant dense<1.0> : tensor<20x1x1x1xf32>
  %e = tensor.empty() : tensor<1x20x4x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x20x4x16xf32>) -> tensor<1x20x4x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x1x4x16xf32>, tensor<20x1x1x1xf32>) outs(%init : tensor<1x20x4x16xf32>) -> tensor<1x20x4x16xf32>
  return %r : tensor<1x20x4x16xf32>
}

// -----

// A transpose to channel-last of a 3-channel image moves blocks of 16
// columns by all 3 channels: static blocks (a block of 16 channels would
// be partial, of dynamic size).
// CHECK-LABEL: func @transpose_three_channels
// CHECK: scf.for {{.*}} = %c0 to %c32 step %c16
// CHECK:   tensor.extract_slice %{{.*}} [1, 3, 1, 16] [1, 1, 1, 1] : tensor<1x3x8x32xf32> to tensor<1x3x1x16xf32>
// CHECK:   linalg.transpose ins(%{{.*}} : tensor<1x3x1x16xf32>) outs(%{{.*}} : tensor<1x1x16x3xf32>)
func.func @transpose_three_channels(%x: tensor<1x3x8x32xf32>) -> tensor<1x8x32x3xf32> {
  %e = tensor.empty() : tensor<1x8x32x3xf32>
  %t = linalg.transpose ins(%x : tensor<1x3x8x32xf32>) outs(%e : tensor<1x8x32x3xf32>) permutation = [0, 2, 3, 1]
  return %t : tensor<1x8x32x3xf32>
}

// -----

// 56 columns (ResNet's first stage) take blocks of 14, the largest
// divisor up to 16: blocks of 16 would leave a partial one of dynamic size,
// which stays scalar.
// CHECK-LABEL: func @transpose_columns_in_divisor_blocks
// CHECK: scf.for {{.*}} = %c0 to %c56 step %c14
// CHECK:   scf.for {{.*}} = %c0 to %c64 step %c16
// CHECK:     linalg.transpose ins(%{{.*}} : tensor<1x16x1x14xf32>) outs(%{{.*}} : tensor<1x1x14x16xf32>)
func.func @transpose_columns_in_divisor_blocks(%x: tensor<1x64x2x56xf32>) -> tensor<1x2x56x64xf32> {
  %e = tensor.empty() : tensor<1x2x56x64xf32>
  %t = linalg.transpose ins(%x : tensor<1x64x2x56xf32>) outs(%e : tensor<1x2x56x64xf32>) permutation = [0, 2, 3, 1]
  return %t : tensor<1x2x56x64xf32>
}

// -----

// A depthwise convolution (one channel and one filter per group) runs
// channel-last as linalg.depthwise_conv_2d_nhwc_hwc between transposes,
// one output row of 8 columns by 16 channels at a time, decomposed into
// 1-D depthwise convolutions vectorized over the channels, the
// accumulators carried in registers across the kernel rows (read once
// before the loop, written once after it).
// CHECK-LABEL: func @depthwise
// CHECK: linalg.transpose {{.*}} permutation = [0, 2, 3, 1]
// CHECK: scf.for {{.*}} = %c0 to %c8 step %c1
// CHECK:   %[[ACC:.*]] = vector.transfer_read {{.*}} : tensor<1x8x16xf32>, vector<1x8x16xf32>
// CHECK:   %[[ROWS:.*]] = scf.for {{.*}} = %c0 to %c3 step %c1 iter_args(%{{.*}} = %[[ACC]]) -> (vector<1x8x16xf32>)
// CHECK-NOT: vector.transfer_write
// CHECK:     vector.fma {{.*}} : vector<1x8x16xf32>
// CHECK:   vector.transfer_write %[[ROWS]]
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 1, 2]
// CHECK: tensor.expand_shape {{.*}} into tensor<1x16x1x8x8xf32>
// CHECK-NOT: symc.depthwise_schedule
func.func @depthwise(%x: tensor<1x16x1x10x10xf32>, %w: tensor<16x1x1x3x3xf32>) -> tensor<1x16x1x8x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x16x1x8x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x16x1x8x8xf32>) -> tensor<1x16x1x8x8xf32>
  %r = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x16x1x10x10xf32>, tensor<16x1x1x3x3xf32>) outs(%init : tensor<1x16x1x8x8xf32>) -> tensor<1x16x1x8x8xf32>
  return %r : tensor<1x16x1x8x8xf32>
}

// -----

// A 3x3 kernel dilated by 6 over a 14x14 input padded by 6 (VGG16-reduced's
// fc6): half its 115M products are with padding. It becomes one 1x1
// convolution per tap over the outputs where that tap reads real input,
// each from the unpadded input: the corner tap (0, 0) only for outputs
// [6, 14) x [6, 14), from input [0, 8) x [0, 8); the centre tap for all.
// The taps slice the input transposed once (channel-last), not each its
// own box of it.
// CHECK-LABEL: func @conv_dilated_padding
// CHECK-NOT: tensor.pad %arg0 low[0, 0, 6, 6]
// CHECK: %[[INPUT:.*]] = scf.for {{.*}} -> (tensor<1x14x14x128xf32>)
// CHECK:   linalg.transpose ins(%{{.*}} : tensor<1x16x1x14xf32>) outs(%{{.*}} : tensor<1x1x14x16xf32>)
// CHECK: tensor.extract_slice %[[INPUT]][0, 0, 0, 0] [1, 8, 8, 128]
// CHECK: tensor.extract_slice %arg1[0, 0, 0, 0] [512, 128, 1, 1]
// CHECK: tensor.insert_slice {{.*}}[0, 0, 6, 6] [1, 512, 8, 8]
// CHECK: tensor.extract_slice %arg1[0, 0, 0, 1] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %arg1[0, 0, 0, 2] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %arg1[0, 0, 1, 0] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %arg1[0, 0, 1, 1] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %arg1[0, 0, 1, 2] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %arg1[0, 0, 2, 0] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %arg1[0, 0, 2, 1] [512, 128, 1, 1]
// CHECK: tensor.extract_slice %[[INPUT]][0, 6, 6, 0] [1, 8, 8, 128]
// CHECK: tensor.extract_slice %arg1[0, 0, 2, 2] [512, 128, 1, 1]
// CHECK-NOT: linalg.conv_2d_nchw_fchw
func.func @conv_dilated_padding(%x: tensor<1x128x14x14xf32>, %w: tensor<512x128x3x3xf32>) -> tensor<1x512x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 6, 6] high[0, 0, 6, 6] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x128x14x14xf32> to tensor<1x128x26x26xf32>
  %empty = tensor.empty() : tensor<1x512x14x14xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<6> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%padded, %w : tensor<1x128x26x26xf32>, tensor<512x128x3x3xf32>) outs(%init : tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32>
  return %r : tensor<1x512x14x14xf32>
}

// -----

// The same with constant weights (an AOT artifact's): each tap's filter
// tiles are packed now, from the tap's slice of the constant, not by a
// generic in every run (all ones here, so that the packed constants are
// splats that fold further into the FMAs).
// CHECK-LABEL: func @conv_dilated_padding_constant_weights
// CHECK-NOT: linalg.generic
// CHECK: return
func.func @conv_dilated_padding_constant_weights(%x: tensor<1x128x14x14xf32>) -> tensor<1x512x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %w = arith.constant dense<1.0> : tensor<512x128x3x3xf32>
  %padded = tensor.pad %x low[0, 0, 6, 6] high[0, 0, 6, 6] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x128x14x14xf32> to tensor<1x128x26x26xf32>
  %empty = tensor.empty() : tensor<1x512x14x14xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<6> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%padded, %w : tensor<1x128x26x26xf32>, tensor<512x128x3x3xf32>) outs(%init : tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32>
  return %r : tensor<1x512x14x14xf32>
}

// -----

// The same with 128 times fewer products (0.9M, half with padding): not worth nine
// pieces, it stays one convolution of the padded input.
// CHECK-LABEL: func @conv_dilated_padding_small
// CHECK: tensor.empty() : tensor<1x26x26x8xf32>
// CHECK: linalg.transpose ins(%{{.*}} : tensor<1x8x1x14xf32>) outs(%{{.*}} : tensor<1x1x14x8xf32>)
// CHECK-NOT: tensor.extract_slice %arg1
func.func @conv_dilated_padding_small(%x: tensor<1x8x14x14xf32>, %w: tensor<64x8x3x3xf32>) -> tensor<1x64x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 6, 6] high[0, 0, 6, 6] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x14x14xf32> to tensor<1x8x26x26xf32>
  %empty = tensor.empty() : tensor<1x64x14x14xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<6> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
      ins(%padded, %w : tensor<1x8x26x26xf32>, tensor<64x8x3x3xf32>) outs(%init : tensor<1x64x14x14xf32>) -> tensor<1x64x14x14xf32>
  return %r : tensor<1x64x14x14xf32>
}

// -----

// A 3x3 kernel padded by one row over 7 rows (of 8 columns) reads padding
// in 2 of its 21 row taps (10%, 6.3M products): per filter tile and block of 32 input
// channels (the first and the last block apart, those between in a loop
// marked for symc-prefetch-next-block), three convolutions, of the first
// row with kernel rows 1-2 (from padded input rows 1-2), of rows 1-5 with
// all kernel rows, and of the last row with kernel rows 0-1 (input rows
// 6-7).
// CHECK-LABEL: func @conv_padding_rows
// CHECK: %[[INTERIOR:.*]] = scf.for {{.*}} -> (tensor<1x7x8x256xf32>)
// CHECK: %[[INPUT:.*]] = tensor.insert_slice %[[INTERIOR]] into %{{.*}}[0, 1, 1, 0] [1, 7, 8, 256] {{.*}} into tensor<1x9x10x256xf32>
// CHECK: scf.for {{.*}} = %c0 to %c32 step %c1
// CHECK:   %[[TILE:.*]] = tensor.extract_slice %{{.*}}[%{{.*}}, 0, 0, 0, 0, 0] [1, 8, 3, 3, 32, 16]
// CHECK:   tensor.extract_slice %[[INPUT]][0, 0, 0, 0] [1, 9, 10, 32]
// CHECK:   tensor.extract_slice %[[TILE]][0, 0, 0, 0, 0] [1, 3, 3, 32, 16]
// CHECK:   scf.for %[[CB:.*]] = %c32 to %c224 step %c32
// CHECK:     %[[BLOCK:.*]] = tensor.extract_slice %[[INPUT]][0, 0, 0, %[[CB]]] [1, 9, 10, 32]
// CHECK:     %[[INDEX:.*]] = arith.divui %[[CB]], %c32
// CHECK:     %[[WEIGHTS:.*]] = tensor.extract_slice %[[TILE]][%[[INDEX]], 0, 0, 0, 0] [1, 3, 3, 32, 16]
// CHECK:     tensor.extract_slice %[[BLOCK]][0, 1, 0, 0] [1, 2, 10, 32]
// CHECK:     tensor.extract_slice %[[WEIGHTS]][1, 0, 0, 0] [2, 3, 32, 16]
// CHECK:     %[[TOP:.*]] = tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 1, 8, 16]
// CHECK:     tensor.extract_slice %[[BLOCK]][0, 1, 0, 0] [1, 7, 10, 32]
// CHECK:     %[[MIDDLE:.*]] = tensor.insert_slice %{{.*}} into %[[TOP]][0, 1, 0, 0] [1, 5, 8, 16]
// CHECK:     tensor.extract_slice %[[BLOCK]][0, 6, 0, 0] [1, 2, 10, 32]
// CHECK:     tensor.extract_slice %[[WEIGHTS]][0, 0, 0, 0] [2, 3, 32, 16]
// CHECK:     tensor.insert_slice %{{.*}} into %[[MIDDLE]][0, 6, 0, 0] [1, 1, 8, 16]
// CHECK:   } {symc.prefetch_next_block}
// CHECK:   tensor.extract_slice %[[INPUT]][0, 0, 0, 224] [1, 9, 10, 32]
// CHECK:   tensor.extract_slice %[[TILE]][7, 0, 0, 0, 0] [1, 3, 3, 32, 16]
func.func @conv_padding_rows(%x: tensor<1x256x7x8xf32>, %w: tensor<512x256x3x3xf32>) -> tensor<1x512x7x8xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x256x7x8xf32> to tensor<1x256x9x10xf32>
  %empty = tensor.empty() : tensor<1x512x7x8xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x512x7x8xf32>) -> tensor<1x512x7x8xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x256x9x10xf32>, tensor<512x256x3x3xf32>) outs(%init : tensor<1x512x7x8xf32>) -> tensor<1x512x7x8xf32>
  return %r : tensor<1x512x7x8xf32>
}

// -----

// At batch 8 the 14x14 layer goes in blocks of 2 rows of all images (the
// traffic model's). Row blocks take all kernel rows, padding included, so
// that the weights are packed in filter tiles ([32, 4, 3, 3, 64, 8]): one
// convolution with all 3 kernel rows per block, none of the first or last
// row with 2 (HWCF weights sliced in pieces were slower).
// CHECK-LABEL: func @conv_row_blocks_padding
// CHECK: tensor.empty() : tensor<32x4x3x3x64x8xf32>
// CHECK: scf.for %{{.*}} = %c0 to %c7 step %c1 iter_args(%{{.*}}) -> (tensor<8x14x14x256xf32>)
// CHECK-NOT: [2, 3, 64, 8]
// CHECK: return
func.func @conv_row_blocks_padding(%x: tensor<8x256x14x14xf32>, %w: tensor<256x256x3x3xf32>) -> tensor<8x256x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<8x256x14x14xf32> to tensor<8x256x16x16xf32>
  %empty = tensor.empty() : tensor<8x256x14x14xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<8x256x14x14xf32>) -> tensor<8x256x14x14xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<8x256x16x16xf32>, tensor<256x256x3x3xf32>) outs(%init : tensor<8x256x14x14xf32>) -> tensor<8x256x14x14xf32>
  return %r : tensor<8x256x14x14xf32>
}

// -----

// Over 28 rows the padding is 2 of 84 row taps (2.4%), and on 7 rows with
// 16 filters of 8 channels it is 5.6K products: neither is worth three
// convolutions (no slices of two kernel rows).
// CHECK-LABEL: func @conv_padding_rows_large
// CHECK-NOT: [2, 3, 8, 16]
// CHECK: return
func.func @conv_padding_rows_large(%x: tensor<1x8x28x28xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x28x28xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x28x28xf32> to tensor<1x8x30x30xf32>
  %empty = tensor.empty() : tensor<1x16x28x28xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x28x28xf32>) -> tensor<1x16x28x28xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x8x30x30xf32>, tensor<16x8x3x3xf32>) outs(%init : tensor<1x16x28x28xf32>) -> tensor<1x16x28x28xf32>
  return %r : tensor<1x16x28x28xf32>
}

// -----

// CHECK-LABEL: func @conv_padding_rows_few
// CHECK-NOT: [2, 3, 8, 16]
// CHECK: return
func.func @conv_padding_rows_few(%x: tensor<1x8x7x7xf32>, %w: tensor<16x8x3x3xf32>) -> tensor<1x16x7x7xf32> {
  %zero = arith.constant 0.0 : f32
  %padded = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x8x7x7xf32> to tensor<1x8x9x9xf32>
  %empty = tensor.empty() : tensor<1x16x7x7xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x16x7x7xf32>) -> tensor<1x16x7x7xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%padded, %w : tensor<1x8x9x9xf32>, tensor<16x8x3x3xf32>) outs(%init : tensor<1x16x7x7xf32>) -> tensor<1x16x7x7xf32>
  return %r : tensor<1x16x7x7xf32>
}

// -----

// With two threads, a large transpose (the NCHW input of a first
// convolution layer: 2 x 3 x 128 x 128) is split among them along its
// outermost result dimension that they share evenly, here the images,
// each chunk in cache-line blocks; a small one stays on one thread.
// PARALLEL-LABEL: func @transposes_in_parallel
// PARALLEL: scf.forall (%[[IMAGE:.*]]) in (2)
// PARALLEL:   scf.for {{.*}} to %c128 step %c1
// PARALLEL:     scf.for {{.*}} to %c128 step %c16
// PARALLEL:       linalg.transpose ins({{.*}} : tensor<1x3x1x16xf32>) {{.*}} permutation = [0, 2, 3, 1]
// PARALLEL: scf.forall.in_parallel
// PARALLEL-NOT: scf.forall
// PARALLEL: return
func.func @transposes_in_parallel(%x: tensor<2x3x128x128xf32>, %y: tensor<2x3x16x16xf32>)
    -> (tensor<2x128x128x3xf32>, tensor<2x16x16x3xf32>) {
  %e = tensor.empty() : tensor<2x128x128x3xf32>
  %t = linalg.transpose ins(%x : tensor<2x3x128x128xf32>) outs(%e : tensor<2x128x128x3xf32>) permutation = [0, 2, 3, 1]
  %e2 = tensor.empty() : tensor<2x16x16x3xf32>
  %t2 = linalg.transpose ins(%y : tensor<2x3x16x16xf32>) outs(%e2 : tensor<2x16x16x3xf32>) permutation = [0, 2, 3, 1]
  return %t, %t2 : tensor<2x128x128x3xf32>, tensor<2x16x16x3xf32>
}
