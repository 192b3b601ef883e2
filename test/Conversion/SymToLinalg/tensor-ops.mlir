// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Shape, indexing and initializer ops lower to tensor reshapes and slices,
// linalg.transpose, indexed generics and constants.
// Static types are MXNet 1.9.1's inferred shapes and dtypes.

// CHECK-LABEL: func @flatten(
// CHECK: tensor.collapse_shape {{.*}} : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK: tensor.expand_shape {{.*}} output_shape [2, 12] : tensor<24xf32> into tensor<2x12xf32>
func.func @flatten(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %0 = sym.Flatten %x : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// -----

// CHECK-LABEL: func @reshape(
// CHECK: tensor.collapse_shape {{.*}} : tensor<2x3x4xf32> into tensor<24xf32>
// CHECK: tensor.expand_shape {{.*}} output_shape [2, 12] : tensor<24xf32> into tensor<2x12xf32>
func.func @reshape(%x: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
  %0 = sym.Reshape %x {shape = array<i64: 0, -1>} : (tensor<2x3x4xf32>) -> tensor<2x12xf32>
  return %0 : tensor<2x12xf32>
}

// -----

// CHECK-LABEL: func @swapaxes(
// CHECK: linalg.transpose ins(%{{.*}} : tensor<2x3x4xf32>) outs(%{{.*}} : tensor<4x3x2xf32>) permutation = [2, 1, 0]
func.func @swapaxes(%x: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
  %0 = sym.SwapAxis %x {dim2 = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// -----

// CHECK-LABEL: func @expand_dims(
// CHECK: tensor.expand_shape {{.*}} output_shape [2, 1, 3] : tensor<6xf32> into tensor<2x1x3xf32>
func.func @expand_dims(%x: tensor<2x3xf32>) -> tensor<2x1x3xf32> {
  %0 = sym.expand_dims %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<2x1x3xf32>
  return %0 : tensor<2x1x3xf32>
}

// -----

// CHECK-LABEL: func @squeeze_all(
// CHECK: tensor.expand_shape {{.*}} output_shape [2, 3] : tensor<6xf32> into tensor<2x3xf32>
func.func @squeeze_all(%x: tensor<2x1x3x1xf32>) -> tensor<2x3xf32> {
  %0 = sym.squeeze %x : (tensor<2x1x3x1xf32>) -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @stack(
// CHECK: %[[E:.*]] = tensor.empty() : tensor<2x3x3xf32>
// CHECK: %[[S0:.*]] = tensor.insert_slice %{{.*}} into %[[E]][0, 0, 0] [2, 1, 3] [1, 1, 1]
// CHECK: %[[S1:.*]] = tensor.insert_slice %{{.*}} into %[[S0]][0, 1, 0] [2, 1, 3] [1, 1, 1]
// CHECK: tensor.insert_slice %{{.*}} into %[[S1]][0, 2, 0] [2, 1, 3] [1, 1, 1]
func.func @stack(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c: tensor<2x3xf32>) -> tensor<2x3x3xf32> {
  %0 = sym.stack %a, %b, %c {axis = 1 : i64, num_args = 3 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<2x3x3xf32>
  return %0 : tensor<2x3x3xf32>
}

// -----

// CHECK-LABEL: func @slice(
// CHECK: tensor.extract_slice %{{.*}}[0, 1, 0] [2, 3, 2] [1, 1, 1] : tensor<3x5x2xf32> to tensor<2x3x2xf32>
func.func @slice(%x: tensor<3x5x2xf32>) -> tensor<2x3x2xf32> {
  %0 = sym.slice %x {begin = array<i64: 0, 1>, end = array<i64: 2, 4>} : (tensor<3x5x2xf32>) -> tensor<2x3x2xf32>
  return %0 : tensor<2x3x2xf32>
}

// -----

// CHECK: #[[REV:.*]] = affine_map<(d0, d1) -> (d0, -d1 + 2)>
// CHECK-LABEL: func @slice_step(
// CHECK: %[[S:.*]] = tensor.extract_slice %{{.*}}[0, 1] [3, 3] [2, 2] : tensor<5x6xf32> to tensor<3x3xf32>
// CHECK: linalg.generic {indexing_maps = [#[[REV]], #{{.*}}]
// CHECK-SAME: ins(%[[S]] : tensor<3x3xf32>)
func.func @slice_step(%x: tensor<5x6xf32>) -> tensor<3x3xf32> {
  %0 = sym.slice %x {begin = array<i64: -9223372036854775808, -1>, end = array<i64: -9223372036854775808, -9223372036854775808>, step = array<i64: 2, -2>} : (tensor<5x6xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

// -----

// CHECK-LABEL: func @slice_axis(
// CHECK: tensor.extract_slice %{{.*}}[0, 1, 0] [2, 3, 3] [1, 1, 1] : tensor<2x5x3xf32> to tensor<2x3x3xf32>
func.func @slice_axis(%x: tensor<2x5x3xf32>) -> tensor<2x3x3xf32> {
  %0 = sym.slice_axis %x {axis = 1 : i64, begin = 1 : i64, end = -1 : i64} : (tensor<2x5x3xf32>) -> tensor<2x3x3xf32>
  return %0 : tensor<2x3x3xf32>
}

// -----

// CHECK: #[[REV:.*]] = affine_map<(d0, d1, d2) -> (-d0 + 1, d1, -d2 + 3)>
// CHECK-LABEL: func @reverse(
// CHECK: linalg.generic {indexing_maps = [#[[REV]], #{{.*}}]
func.func @reverse(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.reverse %x {axis = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK: #[[MOD:.*]] = affine_map<(d0, d1) -> (d0 mod 2, d1 mod 3)>
// CHECK-LABEL: func @tile(
// CHECK: linalg.generic {indexing_maps = [#[[MOD]], #{{.*}}]
// CHECK: -> tensor<4x9xf32>
func.func @tile(%x: tensor<2x3xf32>) -> tensor<4x9xf32> {
  %0 = sym.tile %x {reps = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<4x9xf32>
  return %0 : tensor<4x9xf32>
}

// -----

// CHECK: #[[DIV:.*]] = affine_map<(d0, d1) -> (d0, d1 floordiv 3)>
// CHECK-LABEL: func @repeat_axis(
// CHECK: linalg.generic {indexing_maps = [#[[DIV]], #{{.*}}]
// CHECK: -> tensor<2x9xf32>
func.func @repeat_axis(%x: tensor<2x3xf32>) -> tensor<2x9xf32> {
  %0 = sym.repeat %x {axis = 1 : i64, repeats = 3 : i64} : (tensor<2x3xf32>) -> tensor<2x9xf32>
  return %0 : tensor<2x9xf32>
}

// -----

// CHECK: #[[DIV:.*]] = affine_map<(d0) -> (d0 floordiv 2)>
// CHECK-LABEL: func @repeat_flat(
// CHECK: tensor.collapse_shape {{.*}} into tensor<6xf32>
// CHECK: linalg.generic {indexing_maps = [#[[DIV]], #{{.*}}]
// CHECK: -> tensor<12xf32>
func.func @repeat_flat(%x: tensor<2x3xf32>) -> tensor<12xf32> {
  %0 = sym.repeat %x {repeats = 2 : i64} : (tensor<2x3xf32>) -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

// -----

// CHECK-LABEL: func @reshape_like(
// CHECK: tensor.collapse_shape {{.*}} : tensor<2x6xf32> into tensor<12xf32>
// CHECK: tensor.expand_shape {{.*}} output_shape [3, 4] : tensor<12xf32> into tensor<3x4xf32>
func.func @reshape_like(%lhs: tensor<2x6xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.reshape_like %lhs, %rhs : (tensor<2x6xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK: #[[BC:.*]] = affine_map<(d0, d1) -> (0, d1)>
// CHECK-LABEL: func @broadcast_like(
// CHECK: linalg.generic {indexing_maps = [#[[BC]], #{{.*}}]
// CHECK: -> tensor<3x4xf32>
func.func @broadcast_like(%lhs: tensor<1x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.broadcast_like %lhs, %rhs : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK: #[[BC:.*]] = affine_map<(d0, d1, d2) -> (0, d1, 0)>
// CHECK-LABEL: func @broadcast_axis(
// CHECK: linalg.generic {indexing_maps = [#[[BC]], #{{.*}}]
// CHECK: -> tensor<3x2x4xf32>
func.func @broadcast_axis(%x: tensor<1x2x1xf32>) -> tensor<3x2x4xf32> {
  %0 = sym.broadcast_axis %x {axis = array<i64: 0, 2>, size = array<i64: 3, 4>} : (tensor<1x2x1xf32>) -> tensor<3x2x4xf32>
  return %0 : tensor<3x2x4xf32>
}

// -----

// CHECK: #[[BC:.*]] = affine_map<(d0, d1, d2) -> (0, d1, 0)>
// CHECK-LABEL: func @broadcast_to(
// CHECK: linalg.generic {indexing_maps = [#[[BC]], #{{.*}}]
// CHECK: -> tensor<2x4x3xf32>
func.func @broadcast_to(%x: tensor<1x4x1xf32>) -> tensor<2x4x3xf32> {
  %0 = sym.broadcast_to %x {shape = array<i64: 2, 0, 3>} : (tensor<1x4x1xf32>) -> tensor<2x4x3xf32>
  return %0 : tensor<2x4x3xf32>
}

// -----

// CHECK-LABEL: func @depth_to_space(
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 2, 2, 2, 2, 3] : tensor<48xf32> into tensor<1x2x2x2x2x3xf32>
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 4, 1, 5, 2]
// CHECK: tensor.expand_shape {{.*}} into tensor<1x2x4x6xf32>
func.func @depth_to_space(%x: tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32> {
  %0 = sym.depth_to_space %x {block_size = 2 : i64} : (tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32>
  return %0 : tensor<1x2x4x6xf32>
}

// -----

// CHECK-LABEL: func @space_to_depth(
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 2, 2, 2, 3, 2] : tensor<48xf32> into tensor<1x2x2x2x3x2xf32>
// CHECK: linalg.transpose {{.*}} permutation = [0, 3, 5, 1, 2, 4]
// CHECK: tensor.expand_shape {{.*}} into tensor<1x8x2x3xf32>
func.func @space_to_depth(%x: tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32> {
  %0 = sym.space_to_depth %x {block_size = 2 : i64} : (tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32>
  return %0 : tensor<1x8x2x3xf32>
}

// -----

// CHECK-LABEL: func @pad_constant(
// CHECK: %[[V:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: tensor.pad %{{.*}} low[0, 0, 1, 2] high[0, 0, 2, 1]
// CHECK: tensor.yield %[[V]] : f32
// CHECK: tensor<1x2x3x3xf32> to tensor<1x2x6x6xf32>
func.func @pad_constant(%x: tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32> {
  %0 = sym.Pad %x {constant_value = 1.500000e+00 : f64, mode = "constant", pad_width = array<i64: 0, 0, 0, 0, 1, 2, 2, 1>} : (tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32>
  return %0 : tensor<1x2x6x6xf32>
}

// -----

// CHECK-LABEL: func @take(
// CHECK: linalg.generic
// CHECK: arith.fptosi %{{.*}} : f32 to i64
// CHECK: %[[HI:.*]] = arith.constant 5 : i64
// CHECK: arith.minsi %{{.*}}, %[[HI]]
// CHECK: arith.maxsi
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}] : tensor<2x6x3xf32>
// CHECK: -> tensor<2x2x2x3xf32>
func.func @take(%a: tensor<2x6x3xf32>, %indices: tensor<2x2xf32>) -> tensor<2x2x2x3xf32> {
  %0 = sym.take %a, %indices {axis = 1 : i64} : (tensor<2x6x3xf32>, tensor<2x2xf32>) -> tensor<2x2x2x3xf32>
  return %0 : tensor<2x2x2x3xf32>
}

// -----

// CHECK-LABEL: func @pick(
// CHECK: linalg.generic
// CHECK: arith.fptosi %{{.*}} : f32 to i64
// CHECK: %[[HI:.*]] = arith.constant 3 : i64
// CHECK: arith.minsi %{{.*}}, %[[HI]]
// CHECK: arith.maxsi
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<3x4xf32>
// CHECK: -> tensor<3xf32>
func.func @pick(%x: tensor<3x4xf32>, %index: tensor<3xf32>) -> tensor<3xf32> {
  %0 = sym.pick %x, %index {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @one_hot(
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = arith.fptosi %{{.*}} : f32 to i64
// CHECK: %[[D:.*]] = linalg.index 2 : index
// CHECK: %[[DI:.*]] = arith.index_cast %[[D]]
// CHECK: %[[EQ:.*]] = arith.cmpi eq, %[[I]], %[[DI]]
// CHECK: %[[ON:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[OFF:.*]] = arith.constant -1.000000e+00 : f32
// CHECK: arith.select %[[EQ]], %[[ON]], %[[OFF]]
// CHECK: -> tensor<2x3x5xf32>
func.func @one_hot(%indices: tensor<2x3xf32>) -> tensor<2x3x5xf32> {
  %0 = sym.one_hot %indices {depth = 5 : i64, off_value = -1.000000e+00 : f64, on_value = 2.000000e+00 : f64} : (tensor<2x3xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func @shape_array(
// CHECK: %[[C:.*]] = arith.constant dense<[2, 3, 4]> : tensor<3xi64>
// CHECK: return %[[C]]
func.func @shape_array(%x: tensor<2x3x4xf32>) -> tensor<3xi64> {
  %0 = sym.shape_array %x : (tensor<2x3x4xf32>) -> tensor<3xi64>
  return %0 : tensor<3xi64>
}

// -----

// CHECK-LABEL: func @size_array(
// CHECK: %[[C:.*]] = arith.constant dense<24> : tensor<1xi64>
// CHECK: return %[[C]]
func.func @size_array(%x: tensor<2x3x4xf32>) -> tensor<1xi64> {
  %0 = sym.size_array %x : (tensor<2x3x4xf32>) -> tensor<1xi64>
  return %0 : tensor<1xi64>
}

// -----

// CHECK-LABEL: func @zeros(
// CHECK: %[[V:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.fill ins(%[[V]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
func.func @zeros() -> tensor<2x3xf32> {
  %0 = sym._zeros {dtype = f32, shape = array<i64: 2, 3>} : () -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @ones(
// CHECK: %[[V:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: linalg.fill ins(%[[V]] : f32) outs(%{{.*}} : tensor<4xf32>)
func.func @ones() -> tensor<4xf32> {
  %0 = sym._ones {dtype = f32, shape = array<i64: 4>} : () -> tensor<4xf32>
  return %0 : tensor<4xf32>
}

// -----

// CHECK-LABEL: func @full(
// CHECK: %[[V:.*]] = arith.constant 2.500000e+00 : f32
// CHECK: linalg.fill ins(%[[V]] : f32) outs(%{{.*}} : tensor<2x3xf32>)
func.func @full() -> tensor<2x3xf32> {
  %0 = sym._full {dtype = f32, shape = array<i64: 2, 3>, value = 2.500000e+00 : f64} : () -> tensor<2x3xf32>
  return %0 : tensor<2x3xf32>
}

// -----

// CHECK-LABEL: func @arange(
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[REP:.*]] = arith.constant 2 : index
// CHECK: arith.divui %[[I]], %[[REP]]
// CHECK: arith.sitofp
// CHECK: %[[START:.*]] = arith.constant 2.000000e+00 : f32
// CHECK: %[[STEP:.*]] = arith.constant 1.500000e+00 : f32
// CHECK: %[[M:.*]] = arith.mulf %{{.*}}, %[[STEP]]
// CHECK: arith.addf %[[START]], %[[M]]
// CHECK: -> tensor<12xf32>
func.func @arange() -> tensor<12xf32> {
  %0 = sym._arange {dtype = f32, repeat = 2 : i64, start = 2.000000e+00 : f64, step = 1.500000e+00 : f64, stop = 1.100000e+01 : f64} : () -> tensor<12xf32>
  return %0 : tensor<12xf32>
}

// -----

// CHECK-LABEL: func @amp_cast(
// CHECK: linalg.generic
// CHECK: arith.truncf %{{.*}} : f32 to f16
// CHECK: -> tensor<2x3xf16>
func.func @amp_cast(%x: tensor<2x3xf32>) -> tensor<2x3xf16> {
  %0 = sym.amp_cast %x {dtype = f16} : (tensor<2x3xf32>) -> tensor<2x3xf16>
  return %0 : tensor<2x3xf16>
}

// -----

// CHECK-LABEL: func @cast_storage(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3x4xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]]
func.func @cast_storage(%x: tensor<3x4xf32>) -> tensor<3x4xf32> {
  %0 = sym.cast_storage %x {stype = "default"} : (tensor<3x4xf32>) -> tensor<3x4xf32>
  return %0 : tensor<3x4xf32>
}

// -----

// CHECK: #[[LEN:.*]] = affine_map<(d0, d1, d2) -> (d1)>
// CHECK-LABEL: func @sequence_mask(
// CHECK: linalg.generic {indexing_maps = [#{{.*}}, #[[LEN]], #{{.*}}]
// CHECK: ^bb0(%[[IN:[^:]*]]: f32, %[[L:[^:]*]]: f32
// CHECK: %[[T:.*]] = linalg.index 0 : index
// The length truncates to an integer step count, as MXNet's index_t cast.
// CHECK: %[[LI:.*]] = arith.fptosi %[[L]] : f32 to i64
// CHECK: %[[LEN_IDX:.*]] = arith.index_cast %[[LI]] : i64 to index
// CHECK: %[[LT:.*]] = arith.cmpi slt, %[[T]], %[[LEN_IDX]]
// CHECK: %[[V:.*]] = arith.constant -7.000000e+00 : f32
// CHECK: arith.select %[[LT]], %[[IN]], %[[V]]
func.func @sequence_mask(%x: tensor<4x3x2xf32>, %len: tensor<3xf32>) -> tensor<4x3x2xf32> {
  %0 = sym.SequenceMask %x, %len {use_sequence_length = true, value = -7.000000e+00 : f64} : (tensor<4x3x2xf32>, tensor<3xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// -----

// CHECK: #[[NN:.*]] = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2 floordiv 2, d3 floordiv 2)>
// CHECK-LABEL: func @upsampling_nearest(
// CHECK: linalg.generic {indexing_maps = [#[[NN]], #{{.*}}]
// CHECK: -> tensor<1x2x6x4xf32>
func.func @upsampling_nearest(%x: tensor<1x2x3x2xf32>) -> tensor<1x2x6x4xf32> {
  %0 = sym.UpSampling %x {scale = 2 : i64} : (tensor<1x2x3x2xf32>) -> tensor<1x2x6x4xf32>
  return %0 : tensor<1x2x6x4xf32>
}

// -----

// CHECK: func.func private @symc_topk_f32(memref<?x?x?xf32>, memref<?x?x?xi64>, memref<?x?x?xf32>, i32)
// CHECK-LABEL: func @topk_indices(
// CHECK: tensor.expand_shape {{.*}} output_shape [3, 5, 1]
// CHECK: %[[ASC:.*]] = arith.constant 0 : i32
// CHECK: call @symc_topk_f32(%{{.*}}, %{{.*}}, %{{.*}}, %[[ASC]])
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// CHECK: tensor.expand_shape {{.*}} into tensor<3x2xf32>
func.func @topk_indices(%x: tensor<3x5xf32>) -> tensor<3x2xf32> {
  %0 = sym.topk %x {k = 2 : i64} : (tensor<3x5xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK: func.func private @symc_topk_f32(memref<?x?x?xf32>, memref<?x?x?xi64>, memref<?x?x?xf32>, i32)
// CHECK-LABEL: func @topk_both(
// CHECK: %[[ASC:.*]] = arith.constant 1 : i32
// CHECK: call @symc_topk_f32(%{{.*}}, %{{.*}}, %{{.*}}, %[[ASC]])
// CHECK: arith.trunci %{{.*}} : i64 to i32
// CHECK: return %{{.*}}, %{{.*}} : tensor<2x3x3xf32>, tensor<2x3x3xi32>
func.func @topk_both(%x: tensor<2x6x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3x3xi32>) {
  %0:2 = sym.topk %x {axis = 1 : i64, dtype = i32, is_ascend = true, k = 3 : i64, ret_typ = "both"} : (tensor<2x6x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3x3xi32>)
  return %0#0, %0#1 : tensor<2x3x3xf32>, tensor<2x3x3xi32>
}

// -----

// CHECK: func.func private @symc_topk_f32(memref<?x?x?xf32>, memref<?x?x?xi64>, memref<?x?x?xf32>, i32)
// CHECK-LABEL: func @sort(
// CHECK: %[[ASC:.*]] = arith.constant 1 : i32
// CHECK: call @symc_topk_f32(%{{.*}}, %{{.*}}, %{{.*}}, %[[ASC]])
// CHECK: %[[V:.*]] = tensor.expand_shape {{.*}} into tensor<3x20xf32>
// CHECK: return %[[V]] : tensor<3x20xf32>
func.func @sort(%x: tensor<3x20xf32>) -> tensor<3x20xf32> {
  %0:2 = sym.sort %x : (tensor<3x20xf32>) -> (tensor<3x20xf32>, tensor<3x20xi32>)
  return %0#0 : tensor<3x20xf32>
}

// -----

// CHECK: func.func private @symc_topk_f32(memref<?x?x?xf32>, memref<?x?x?xi64>, memref<?x?x?xf32>, i32)
// CHECK-LABEL: func @argsort(
// CHECK: %[[ASC:.*]] = arith.constant 1 : i32
// CHECK: call @symc_topk_f32(%{{.*}}, %{{.*}}, %{{.*}}, %[[ASC]])
// CHECK: arith.sitofp %{{.*}} : i64 to f32
// CHECK: tensor.expand_shape {{.*}} into tensor<4x6xf32>
func.func @argsort(%x: tensor<4x6xf32>) -> tensor<4x6xf32> {
  %0 = sym.argsort %x : (tensor<4x6xf32>) -> tensor<4x6xf32>
  return %0 : tensor<4x6xf32>
}

// -----

// CHECK-LABEL: func @gather_nd(
// CHECK: %[[DATA:.*]] = tensor.expand_shape {{.*}} into tensor<12x2xf32>
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<2x5xf32>
// CHECK: arith.remsi
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<2x5xf32>
// CHECK: arith.remsi
// CHECK: tensor.extract %[[DATA]][%{{.*}}, %{{.*}}] : tensor<12x2xf32>
// CHECK: -> tensor<5x2xf32>
func.func @gather_nd(%x: tensor<3x4x2xf32>, %indices: tensor<2x5xf32>) -> tensor<5x2xf32> {
  %0 = sym.gather_nd %x, %indices : (tensor<3x4x2xf32>, tensor<2x5xf32>) -> tensor<5x2xf32>
  return %0 : tensor<5x2xf32>
}

// -----

// CHECK-LABEL: func @scatter_nd(
// CHECK: %[[Z:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: linalg.fill ins(%[[Z]] : f32) outs(%{{.*}} : tensor<24xf32>)
// CHECK: scf.for
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<2x4xf32>
// CHECK: scf.for
// CHECK: tensor.extract %{{.*}}[%{{.*}}, %{{.*}}] : tensor<4x2xf32>
// CHECK: tensor.insert %{{.*}} into %{{.*}}[%{{.*}}] : tensor<24xf32>
// CHECK: tensor.expand_shape {{.*}} output_shape [3, 4, 2] : tensor<24xf32> into tensor<3x4x2xf32>
func.func @scatter_nd(%x: tensor<4x2xf32>, %indices: tensor<2x4xf32>) -> tensor<3x4x2xf32> {
  %0 = sym.scatter_nd %x, %indices {shape = array<i64: 3, 4, 2>} : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<3x4x2xf32>
  return %0 : tensor<3x4x2xf32>
}

// -----

// CHECK-LABEL: func @diag_vector(
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[D:.*]] = arith.subi %[[J]], %[[I]]
// CHECK: %[[K:.*]] = arith.constant 1 : index
// CHECK: %[[ON:.*]] = arith.cmpi eq, %[[D]], %[[K]]
// CHECK: %[[V:.*]] = tensor.extract %{{.*}}[%{{.*}}] : tensor<4xf32>
// CHECK: arith.select %[[ON]], %[[V]], %{{.*}} : f32
// CHECK: -> tensor<5x5xf32>
func.func @diag_vector(%x: tensor<4xf32>) -> tensor<5x5xf32> {
  %0 = sym.diag %x {k = 1 : i64} : (tensor<4xf32>) -> tensor<5x5xf32>
  return %0 : tensor<5x5xf32>
}

// -----

// CHECK-LABEL: func @diag_matrix(
// CHECK: linalg.generic
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[ONE:.*]] = arith.constant 1 : index
// CHECK: %[[ROW:.*]] = arith.addi %[[I]], %[[ONE]]
// CHECK: tensor.extract %{{.*}}[%[[ROW]], %{{.*}}] : tensor<4x5xf32>
// CHECK: -> tensor<3xf32>
func.func @diag_matrix(%x: tensor<4x5xf32>) -> tensor<3xf32> {
  %0 = sym.diag %x {k = -1 : i64} : (tensor<4x5xf32>) -> tensor<3xf32>
  return %0 : tensor<3xf32>
}

// -----

// CHECK-LABEL: func @split_v2_sections(
// CHECK: %[[A:.*]] = tensor.extract_slice %{{.*}}[0, 0, 0] [2, 2, 3] [1, 1, 1]
// CHECK: %[[B:.*]] = tensor.extract_slice %{{.*}}[0, 2, 0] [2, 2, 3] [1, 1, 1]
// CHECK: %[[C:.*]] = tensor.extract_slice %{{.*}}[0, 4, 0] [2, 2, 3] [1, 1, 1]
// CHECK: return %[[A]], %[[B]], %[[C]]
func.func @split_v2_sections(%x: tensor<2x6x3xf32>) -> (tensor<2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>) {
  %0:3 = sym._split_v2 %x {indices = array<i64>, sections = 3 : i64} : (tensor<2x6x3xf32>) -> (tensor<2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>)
  return %0#0, %0#1, %0#2 : tensor<2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>
}

// -----

// CHECK-LABEL: func @slice_like(
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 0] [2, 3, 3] [1, 1, 1] : tensor<4x5x3xf32> to tensor<2x3x3xf32>
func.func @slice_like(%x: tensor<4x5x3xf32>, %like: tensor<2x3x3xf32>) -> tensor<2x3x3xf32> {
  %0 = sym.slice_like %x, %like : (tensor<4x5x3xf32>, tensor<2x3x3xf32>) -> tensor<2x3x3xf32>
  return %0 : tensor<2x3x3xf32>
}

// -----

// CHECK-LABEL: func @sequence_last(
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}}[%{{.*}}] : tensor<3xf32>
// CHECK: arith.fptosi
// CHECK: arith.maxsi
// CHECK: arith.minsi
// CHECK: %[[LAST:.*]] = arith.subi
// CHECK: tensor.extract %{{.*}}[%[[LAST]], %{{.*}}, %{{.*}}] : tensor<4x3x2xf32>
// CHECK: -> tensor<3x2xf32>
func.func @sequence_last(%x: tensor<4x3x2xf32>, %len: tensor<3xf32>) -> tensor<3x2xf32> {
  %0 = sym.SequenceLast %x, %len {use_sequence_length = true} : (tensor<4x3x2xf32>, tensor<3xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func @sequence_reverse(
// CHECK: linalg.generic
// CHECK: tensor.extract %{{.*}}[%{{.*}}] : tensor<3xf32>
// CHECK: %[[INSIDE:.*]] = arith.cmpi slt
// CHECK: %[[SRC:.*]] = arith.select %[[INSIDE]]
// CHECK: tensor.extract %{{.*}}[%[[SRC]], %{{.*}}, %{{.*}}] : tensor<4x3x2xf32>
func.func @sequence_reverse(%x: tensor<4x3x2xf32>, %len: tensor<3xf32>) -> tensor<4x3x2xf32> {
  %0 = sym.SequenceReverse %x, %len {use_sequence_length = true} : (tensor<4x3x2xf32>, tensor<3xf32>) -> tensor<4x3x2xf32>
  return %0 : tensor<4x3x2xf32>
}

// -----

// CHECK-LABEL: func @linspace(
// CHECK: linalg.generic
// CHECK: linalg.index 0
// CHECK: arith.sitofp %{{.*}} : i64 to f64
// CHECK: %[[START:.*]] = arith.constant -1.500000e+00 : f64
// CHECK: %[[STEP:.*]] = arith.constant 6.250000e-01 : f64
// CHECK: arith.mulf %[[STEP]]
// CHECK: arith.addf %[[START]]
// CHECK: arith.constant 6 : index
// CHECK: arith.cmpi eq
// CHECK: arith.constant 2.250000e+00 : f64
// CHECK: arith.select
// CHECK: arith.truncf %{{.*}} : f64 to f32
// CHECK: -> tensor<7xf32>
func.func @linspace() -> tensor<7xf32> {
  %0 = sym._linspace {dtype = f32, num = 7 : i64, start = -1.500000e+00 : f64, stop = 2.250000e+00 : f64} : () -> tensor<7xf32>
  return %0 : tensor<7xf32>
}

// -----

// CHECK-LABEL: func @eye(
// CHECK: linalg.generic
// CHECK: %[[J:.*]] = linalg.index 1 : index
// CHECK: %[[I:.*]] = linalg.index 0 : index
// CHECK: %[[D:.*]] = arith.subi %[[J]], %[[I]]
// CHECK: %[[K:.*]] = arith.constant 1 : index
// CHECK: %[[ON:.*]] = arith.cmpi eq, %[[D]], %[[K]]
// CHECK: %[[ONE:.*]] = arith.constant 1.000000e+00 : f32
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK: arith.select %[[ON]], %[[ONE]], %[[ZERO]]
// CHECK: -> tensor<3x5xf32>
func.func @eye() -> tensor<3x5xf32> {
  %0 = sym._eye {M = 5 : i64, N = 3 : i64, dtype = f32, k = 1 : i64} : () -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// CHECK: func.func private @symc_histogram_uniform_f32(memref<?x?x?xi64>, memref<?x?x?xf32>, memref<?x?x?xf32>, f64, f64)
// CHECK-LABEL: func @histogram_uniform(
// CHECK: tensor.expand_shape {{.*}} output_shape [1, 20, 1]
// CHECK-DAG: %[[MIN:.*]] = arith.constant -1.500000e+00 : f64
// CHECK-DAG: %[[MAX:.*]] = arith.constant 1.500000e+00 : f64
// CHECK: call @symc_histogram_uniform_f32(%{{.*}}, %{{.*}}, %{{.*}}, %[[MIN]], %[[MAX]])
// CHECK: return %{{.*}}, %{{.*}} : tensor<6xi64>, tensor<7xf32>
func.func @histogram_uniform(%x: tensor<4x5xf32>) -> (tensor<6xi64>, tensor<7xf32>) {
  %0:2 = sym._histogram %x {bin_cnt = 6 : i64, range = array<f64: -1.5, 1.5>} : (tensor<4x5xf32>) -> (tensor<6xi64>, tensor<7xf32>)
  return %0#0, %0#1 : tensor<6xi64>, tensor<7xf32>
}

// -----

// CHECK: func.func private @symc_histogram_f32(memref<?x?x?xi64>, memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>)
// CHECK-LABEL: func @histogram_edges(
// CHECK: call @symc_histogram_f32(%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}})
// CHECK: return %{{.*}}, %{{.*}} : tensor<4xi64>, tensor<5xf32>
func.func @histogram_edges(%x: tensor<4x5xf32>, %e: tensor<5xf32>) -> (tensor<4xi64>, tensor<5xf32>) {
  %0:2 = sym._histogram %x, %e : (tensor<4x5xf32>, tensor<5xf32>) -> (tensor<4xi64>, tensor<5xf32>)
  return %0#0, %0#1 : tensor<4xi64>, tensor<5xf32>
}
