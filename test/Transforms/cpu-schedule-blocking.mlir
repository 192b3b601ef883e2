// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=16384 l3-bytes=8388608" | FileCheck %s --check-prefix=SMALL
// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=262144 l3-bytes=8388608" | FileCheck %s --check-prefix=ROWS
// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=100000 l3-bytes=8388608" | FileCheck %s --check-prefix=LARGE
// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=100000 l3-bytes=8388608 parallel=true cores=2" | FileCheck %s --check-prefix=PARALLEL
// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=262144 l3-bytes=8388608" --symc-forward-fills --canonicalize --symc-sink-transposes --symc-fuse-conv-epilogues | FileCheck %s --check-prefix=FUSED
// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=4 tile-n=16 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=100000 l3-bytes=8388608 parallel=true cores=2" --symc-forward-fills --canonicalize | FileCheck %s --check-prefix=PARALLEL-FUSED
// RUN: sym-opt %s --symc-cpu-schedule="winograd=false tile-m=8 tile-n=32 fmas-per-cycle=2 l1-bytes=32768 l2-bytes=262144 l3-bytes=8388608" | FileCheck %s --check-prefix=SETS

// Two images, four filter tiles of 16, two channel blocks of 16. The
// outermost blocking moves the fewest bytes into L2. With a 16 KB L2 the
// 72 KB of weights would be read again per block, more than the blocks
// save: filter tiles (packed, one convolution each) and channel blocks
// outermost, the images inside. With 100 KB, both images' 32 KB of
// accumulators per filter tile would not stay in half of L2 beside a
// channel block's input, one image's do: a loop over the images around the
// packed filter tiles, their channel blocks inside (all 16 rows: blocks of
// rows would read the weights once per block), each image's accumulators
// zero-filled in the loop, while in cache. The first channel block is a
// convolution apart (the second block's loop has one trip and folds away).
// SMALL-LABEL: func @conv_blocks
// SMALL: scf.for {{.*}} = %c0 to %c4 step %c1
// SMALL:   scf.for {{.*}} = %c0 to %c2 step %c1
// SMALL:     scf.for {{.*}} = %c0 to %c16 step %c1
// SMALL:   scf.for {{.*}} = %c0 to %c2 step %c1
// SMALL:     scf.for {{.*}} = %c0 to %c16 step %c1
// LARGE-LABEL: func @conv_blocks
// LARGE: %[[EMPTY:.*]] = tensor.empty() : tensor<2x16x16x64xf32>
// LARGE-NOT: linalg.fill
// LARGE: scf.for {{.*}} = %c0 to %c2 step %c1 iter_args(%{{.*}} = %[[EMPTY]]) -> (tensor<2x16x16x64xf32>)
// LARGE:   %[[IMAGE:.*]] = linalg.fill {{.*}} -> tensor<1x16x16x64xf32>
// LARGE:   scf.for {{.*}} = %c0 to %c4 step %c1 iter_args(%{{.*}} = %[[IMAGE]]) -> (tensor<1x16x16x64xf32>)
// LARGE:     %[[FIRST:.*]] = scf.for {{.*}} = %c0 to %c16 step %c1 {{.*}} -> (tensor<1x16x16x16xf32>)
// LARGE:         vector.fma
// LARGE:     scf.for {{.*}} = %c0 to %c16 step %c1 iter_args(%{{.*}} = %[[FIRST]]) -> (tensor<1x16x16x16xf32>)
// LARGE:         vector.fma
func.func @conv_blocks(%x: tensor<2x32x18x18xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<2x64x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x64x16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x64x16x16xf32>) -> tensor<2x64x16x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<2x32x18x18xf32>, tensor<64x32x3x3xf32>) outs(%init : tensor<2x64x16x16xf32>) -> tensor<2x64x16x16xf32>
  return %r : tensor<2x64x16x16xf32>
}

// Four images shared by two threads, one image at a time: an scf.forall
// over the images around the packed filter tiles.
// PARALLEL-LABEL: func @conv_images_in_parallel
// PARALLEL: scf.forall (%[[IMAGE:.*]]) in (4) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<4x16x16x64xf32>)
// PARALLEL:   scf.for {{.*}} = %c0 to %c4 step %c1 {{.*}} -> (tensor<1x16x16x64xf32>)
// PARALLEL:     scf.for {{.*}} = %c0 to %c16 step %c1 {{.*}} -> (tensor<1x16x16x16xf32>)
// PARALLEL:       vector.fma
// PARALLEL:   scf.forall.in_parallel
// PARALLEL-NEXT: tensor.parallel_insert_slice %{{.*}} into %{{.*}}[%[[IMAGE]], 0, 0, 0] [1, 16, 16, 64]
func.func @conv_images_in_parallel(%x: tensor<4x32x18x18xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<4x64x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x64x16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4x64x16x16xf32>) -> tensor<4x64x16x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<4x32x18x18xf32>, tensor<64x32x3x3xf32>) outs(%init : tensor<4x64x16x16xf32>) -> tensor<4x64x16x16xf32>
  return %r : tensor<4x64x16x16xf32>
}

// Five images for two threads would leave one idle for an image's time:
// each image's four filter tiles are split in two groups of two, and the
// threads share the ten (image, group) pairs in a two-dimensional
// scf.forall, whose accumulator fill symc-forward-fills still takes into
// registers.
// PARALLEL-LABEL: func @conv_filter_groups
// PARALLEL: scf.forall (%[[IMAGE:.*]], %[[GROUP:.*]]) in (5, 2) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<5x16x16x64xf32>)
// PARALLEL:   %[[FIRST:.*]] = arith.muli %[[GROUP]], %c32
// PARALLEL:   %[[TILE:.*]] = arith.muli %[[GROUP]], %c2
// PARALLEL:   tensor.extract_slice %{{.*}}[%[[TILE]], 0, 0, 0, 0, 0] [2, 2, 3, 3, 16, 16]
// PARALLEL:   scf.for {{.*}} = %c0 to %c2 step %c1 {{.*}} -> (tensor<1x16x16x32xf32>)
// PARALLEL:       vector.fma
// PARALLEL:   scf.forall.in_parallel
// PARALLEL-NEXT: tensor.parallel_insert_slice %{{.*}} into %{{.*}}[%[[IMAGE]], 0, 0, %[[FIRST]]] [1, 16, 16, 32]
// PARALLEL-FUSED-LABEL: func @conv_filter_groups
// PARALLEL-FUSED-NOT: linalg.fill
// PARALLEL-FUSED: scf.forall (%{{.*}}, %{{.*}}) in (5, 2)
// PARALLEL-FUSED-NOT: linalg.fill
// PARALLEL-FUSED: return
func.func @conv_filter_groups(%x: tensor<5x32x18x18xf32>, %w: tensor<64x32x3x3xf32>) -> tensor<5x64x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<5x64x16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<5x64x16x16xf32>) -> tensor<5x64x16x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<5x32x18x18xf32>, tensor<64x32x3x3xf32>) outs(%init : tensor<5x64x16x16xf32>) -> tensor<5x64x16x16xf32>
  return %r : tensor<5x64x16x16xf32>
}

// One image whose 230 KB input does not fit half of a 256 KB L2, and 147 KB
// of weights: two blocks of 14 rows (each 123 KB of input, read once per
// block from L2 by the four filter tiles) around packed filter tiles, each
// block's accumulators zero-filled in the loop. (Sliced from HWCF instead
// of packed, a filter tile's weights would be rows of 64 bytes 256 bytes
// apart.)
// ROWS-LABEL: func @conv_row_blocks
// ROWS: scf.for %[[BLOCK:.*]] = %c0 to %c2 step %c1 iter_args(%{{.*}}) -> (tensor<1x28x28x64xf32>)
// ROWS:   %[[ROW:.*]] = arith.muli %[[BLOCK]], %c14
// ROWS:   %[[ACC:.*]] = tensor.extract_slice %{{.*}}[0, %[[ROW]], 0, 0] [1, 14, 28, 64]
// ROWS:   linalg.fill {{.*}} outs(%[[ACC]] : tensor<1x14x28x64xf32>)
// ROWS:   tensor.extract_slice %{{.*}}[0, %{{.*}}, 0, 0] [1, 16, 30, 64]
// ROWS:   scf.for {{.*}} = %c0 to %c4 step %c1 {{.*}} -> (tensor<1x14x28x64xf32>)
// ROWS:     tensor.extract_slice %{{.*}}[%{{.*}}, 0, 0, 0, 0, 0] [1, 4, 3, 3, 16, 16]
func.func @conv_row_blocks(%x: tensor<1x64x30x30xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x28x28xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x28x28xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x30x30xf32>, tensor<64x64x3x3xf32>) outs(%init : tensor<1x64x28x28xf32>) -> tensor<1x64x28x28xf32>
  return %r : tensor<1x64x28x28xf32>
}

// A 1x1 convolution is blocked as the matmul schedule's row blocks: one
// image at a time and, in it, whole rows of at most 256 output pixels
// whose input fits a sixteenth of L2 (with 256 KB, 64 pixels of 64
// channels: 4 rows of 16), in two loops whose offsets the epilogue's
// fusion can place; the ReLU then runs on each register tile.
// ROWS-LABEL: func @pointwise_blocks
// ROWS: scf.for {{.*}} = %c0 to %c2 step %c1 {{.*}} -> (tensor<2x16x16x64xf32>)
// ROWS:   scf.for {{.*}} = %c0 to %c4 step %c1 {{.*}} -> (tensor<1x16x16x64xf32>)
// ROWS:     scf.for {{.*}} = %c0 to %c4 step %c1 {{.*}} -> (tensor<1x4x16x64xf32>)
// ROWS:         vector.fma
// With threads, one two-dimensional scf.forall over the images and their
// blocks of rows (a 100 KB L2: 1 row of 16 pixels per block).
// PARALLEL-LABEL: func @pointwise_blocks
// PARALLEL: scf.forall (%[[IMAGE:.*]], %[[BLOCK:.*]]) in (2, 16) shared_outs(%{{.*}} = %{{.*}}) -> (tensor<2x16x16x64xf32>)
// PARALLEL:   vector.fma
// PARALLEL:   scf.forall.in_parallel
// PARALLEL-NEXT: tensor.parallel_insert_slice %{{.*}} into %{{.*}}[%[[IMAGE]], %[[BLOCK]], 0, 0] [1, 1, 16, 64]
// FUSED-LABEL: func @pointwise_blocks
// FUSED: scf.for
// FUSED:   scf.for
// FUSED:     arith.maximumf {{.*}} : vector<1x4x16xf32>
// FUSED-NOT: linalg.generic
func.func @pointwise_blocks(%x: tensor<2x64x16x16xf32>, %w: tensor<64x64x1x1xf32>) -> tensor<2x64x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x64x16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x64x16x16xf32>) -> tensor<2x64x16x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<2x64x16x16xf32>, tensor<64x64x1x1xf32>) outs(%init : tensor<2x64x16x16xf32>) -> tensor<2x64x16x16xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%r : tensor<2x64x16x16xf32>) outs(%e : tensor<2x64x16x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<2x64x16x16xf32>
  return %relu : tensor<2x64x16x16xf32>
}

// Three blocks of 16 input channels: the first and the last run apart
// from the one between (a loop of one trip, folded), so that the last
// one's tiles are final and the ReLU fuses into them.
// FUSED-LABEL: func @channel_blocks_relu
// FUSED-COUNT-3: scf.for {{.*}} = %c0 to %c3 step %c1 iter_args({{.*}}) -> (vector<1x4x16xf32>)
// FUSED:         arith.maximumf {{.*}} : vector<1x4x16xf32>
// FUSED-NOT:   linalg.generic
// FUSED:       return
func.func @channel_blocks_relu(%x: tensor<2x48x18x18xf32>, %w: tensor<64x48x3x3xf32>) -> tensor<2x64x16x16xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<2x64x16x16xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<2x64x16x16xf32>) -> tensor<2x64x16x16xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<2x48x18x18xf32>, tensor<64x48x3x3xf32>) outs(%init : tensor<2x64x16x16xf32>) -> tensor<2x64x16x16xf32>
  %relu = linalg.generic {indexing_maps = [affine_map<(n, c, h, w) -> (n, c, h, w)>, affine_map<(n, c, h, w) -> (n, c, h, w)>], iterator_types = ["parallel", "parallel", "parallel", "parallel"]} ins(%r : tensor<2x64x16x16xf32>) outs(%e : tensor<2x64x16x16xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<2x64x16x16xf32>
  return %relu : tensor<2x64x16x16xf32>
}

// 1024 channels put a register tile's 14 input columns 4 KB apart, all in
// one set of L1, more than its ways hold: the input is packed in blocks of
// 128 channels, blocks outermost, so that a block's columns are 512 bytes
// apart; each channel block of the loop reads its block of the packed
// input whole, as it reads its filter tile's block of weights. The pack
// reads the input in order (the channels split, then moved by the output's
// map), whole blocks innermost, which symc-cpu-vectorize-elementwise
// copies a vector at a time.
// SETS-DAG: #[[IDENTITY:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d0, d1, d2, d3, d4)>
// SETS-DAG: #[[BLOCKS_FIRST:.*]] = affine_map<(d0, d1, d2, d3, d4) -> (d3, d0, d1, d2, d4)>
// SETS-LABEL: func @conv_columns_one_l1_set
// SETS: %[[SPLIT:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1], [2], [3, 4]] output_shape [1, 2, 14, 8, 128] : tensor<1x2x14x1024xf32> into tensor<1x2x14x8x128xf32>
// SETS: %[[PACKED:.*]] = linalg.generic {indexing_maps = [#[[IDENTITY]], #[[BLOCKS_FIRST]]], {{.*}} ins(%[[SPLIT]] : tensor<1x2x14x8x128xf32>) outs(%{{.*}} : tensor<8x1x2x14x128xf32>)
// SETS: scf.for %{{.*}} = %c128 to %c896 step %c128
// SETS:   tensor.extract_slice %[[PACKED]][%{{.*}}, 0, 0, 0, 0] [1, 1, 2, 14, 128] [1, 1, 1, 1, 1] : tensor<8x1x2x14x128xf32> to tensor<1x2x14x128xf32>
// SETS:   tensor.extract_slice %{{.*}}[%{{.*}}, 0, 0, 0, 0] [1, 1, 1, 128, 32] [1, 1, 1, 1, 1] : tensor<8x1x1x128x32xf32> to tensor<1x1x128x32xf32>
func.func @conv_columns_one_l1_set(%x: tensor<1x1024x2x14xf32>, %w: tensor<64x1024x1x1xf32>) -> tensor<1x64x2x14xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x2x14xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x2x14xf32>) -> tensor<1x64x2x14xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x1024x2x14xf32>, tensor<64x1024x1x1xf32>) outs(%init : tensor<1x64x2x14xf32>) -> tensor<1x64x2x14xf32>
  return %r : tensor<1x64x2x14xf32>
}

// 1016 channels spread the columns over L1's sets: the input stays as it is.
// SETS-LABEL: func @conv_columns_many_l1_sets
// SETS-NOT: tensor.expand_shape
// SETS: return
func.func @conv_columns_many_l1_sets(%x: tensor<1x1016x2x14xf32>, %w: tensor<64x1016x1x1xf32>) -> tensor<1x64x2x14xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x2x14xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x2x14xf32>) -> tensor<1x64x2x14xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x1016x2x14xf32>, tensor<64x1016x1x1xf32>) outs(%init : tensor<1x64x2x14xf32>) -> tensor<1x64x2x14xf32>
  return %r : tensor<1x64x2x14xf32>
}

// 64 channels put pixels 256 bytes apart: the three input rows of 58
// columns that an output row's sweep reads in a block of 8 channels (174
// pixels) fall into 16 of L1's 64 sets, 11 to a set, and do not stay there
// for the next output rows: the input is packed in blocks of 8 channels.
// SETS-LABEL: func @conv_rows_sixteen_l1_sets
// SETS: linalg.generic {{.*}} ins(%{{.*}} : tensor<1x4x58x8x8xf32>) outs(%{{.*}} : tensor<8x1x4x58x8xf32>)
// SETS: return
func.func @conv_rows_sixteen_l1_sets(%x: tensor<1x64x4x58xf32>, %w: tensor<64x64x3x3xf32>) -> tensor<1x64x2x56xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x2x56xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x2x56xf32>) -> tensor<1x64x2x56xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x64x4x58xf32>, tensor<64x64x3x3xf32>) outs(%init : tensor<1x64x2x56xf32>) -> tensor<1x64x2x56xf32>
  return %r : tensor<1x64x2x56xf32>
}

// 48 channels (192 bytes a pixel) spread the same pixels over all 64 sets:
// the input stays as it is.
// SETS-LABEL: func @conv_rows_all_l1_sets
// SETS-NOT: tensor.expand_shape
// SETS: return
func.func @conv_rows_all_l1_sets(%x: tensor<1x48x4x58xf32>, %w: tensor<64x48x3x3xf32>) -> tensor<1x64x2x56xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x64x2x56xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<1x64x2x56xf32>) -> tensor<1x64x2x56xf32>
  %r = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%x, %w : tensor<1x48x4x58xf32>, tensor<64x48x3x3xf32>) outs(%init : tensor<1x64x2x56xf32>) -> tensor<1x64x2x56xf32>
  return %r : tensor<1x64x2x56xf32>
}
