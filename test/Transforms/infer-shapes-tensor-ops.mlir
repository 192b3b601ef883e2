// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Shape and dtype inference of the shape, indexing and initializer ops.
// Every expected shape and dtype is MXNet 1.9.1's infer_shape / infer_type
// for the same op, attributes and input shapes (arguments that MXNet infers,
// such as weights and labels, are checked too).

// CHECK-LABEL: func @flatten(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x12xf32> {
func.func @flatten(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.Flatten %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @swapaxes(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
func.func @swapaxes(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.SwapAxis %x {dim2 = 2 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @expand_dims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x1x3xf32> {
func.func @expand_dims(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.expand_dims %x {axis = 1 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @expand_dims_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3x1xf32> {
func.func @expand_dims_neg(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.expand_dims %x {axis = -1 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @squeeze_all(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x3x1xf32>) -> tensor<2x3xf32> {
func.func @squeeze_all(%x: tensor<2x1x3x1xf32>) -> tensor<*xf32> {
  %0 = sym.squeeze %x : (tensor<2x1x3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @squeeze_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x1x3x1xf32>) -> tensor<2x1x3xf32> {
func.func @squeeze_axis(%x: tensor<2x1x3x1xf32>) -> tensor<*xf32> {
  %0 = sym.squeeze %x {axis = array<i64: 3>} : (tensor<2x1x3x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @stack(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3x3xf32> {
func.func @stack(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>, %c: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.stack %a, %b, %c {axis = 1 : i64, num_args = 3 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x5x2xf32>) -> tensor<2x3x2xf32> {
func.func @slice(%x: tensor<3x5x2xf32>) -> tensor<*xf32> {
  %0 = sym.slice %x {begin = array<i64: 0, 1>, end = array<i64: 2, 4>} : (tensor<3x5x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_step(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x6xf32>) -> tensor<3x3xf32> {
func.func @slice_step(%x: tensor<5x6xf32>) -> tensor<*xf32> {
  %0 = sym.slice %x {begin = array<i64: -9223372036854775808, -1>, end = array<i64: -9223372036854775808, -9223372036854775808>, step = array<i64: 2, -2>} : (tensor<5x6xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5x3xf32>) -> tensor<2x3x3xf32> {
func.func @slice_axis(%x: tensor<2x5x3xf32>) -> tensor<*xf32> {
  %0 = sym.slice_axis %x {axis = 1 : i64, begin = 1 : i64, end = -1 : i64} : (tensor<2x5x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_axis_none(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5x3xf32>) -> tensor<2x5x2xf32> {
func.func @slice_axis_none(%x: tensor<2x5x3xf32>) -> tensor<*xf32> {
  %0 = sym.slice_axis %x {axis = -1 : i64, begin = -2 : i64, mxnet.attrs = {end = "None"}} : (tensor<2x5x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @reverse(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @reverse(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.reverse %x {axis = array<i64: 0, 2>} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @tile(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<4x9xf32> {
func.func @tile(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.tile %x {reps = array<i64: 2, 3>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @tile_more_reps(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x2x6xf32> {
func.func @tile_more_reps(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.tile %x {reps = array<i64: 2, 1, 2>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @repeat_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x9xf32> {
func.func @repeat_axis(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.repeat %x {axis = 1 : i64, repeats = 3 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @repeat_flat(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<12xf32> {
func.func @repeat_flat(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.repeat %x {repeats = 2 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @reshape_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x6xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @reshape_like(%lhs: tensor<2x6xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.reshape_like %lhs, %rhs : (tensor<2x6xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x4xf32>, %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @broadcast_like(%lhs: tensor<1x4xf32>, %rhs: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_like %lhs, %rhs : (tensor<1x4xf32>, tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_axis(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x1xf32>) -> tensor<3x2x4xf32> {
func.func @broadcast_axis(%x: tensor<1x2x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_axis %x {axis = array<i64: 0, 2>, size = array<i64: 3, 4>} : (tensor<1x2x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_to(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x4x1xf32>) -> tensor<2x4x3xf32> {
func.func @broadcast_to(%x: tensor<1x4x1xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_to %x {shape = array<i64: 2, 0, 3>} : (tensor<1x4x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @depth_to_space(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x8x2x3xf32>) -> tensor<1x2x4x6xf32> {
func.func @depth_to_space(%x: tensor<1x8x2x3xf32>) -> tensor<*xf32> {
  %0 = sym.depth_to_space %x {block_size = 2 : i64} : (tensor<1x8x2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @space_to_depth(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x4x6xf32>) -> tensor<1x8x2x3xf32> {
func.func @space_to_depth(%x: tensor<1x2x4x6xf32>) -> tensor<*xf32> {
  %0 = sym.space_to_depth %x {block_size = 2 : i64} : (tensor<1x2x4x6xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pad_constant(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32> {
func.func @pad_constant(%x: tensor<1x2x3x3xf32>) -> tensor<*xf32> {
  %0 = sym.Pad %x {constant_value = 1.500000e+00 : f64, mode = "constant", pad_width = array<i64: 0, 0, 0, 0, 1, 2, 2, 1>} : (tensor<1x2x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pad_edge(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x3x3xf32>) -> tensor<1x2x6x6xf32> {
func.func @pad_edge(%x: tensor<1x2x3x3xf32>) -> tensor<*xf32> {
  %0 = sym.Pad %x {mode = "edge", pad_width = array<i64: 0, 0, 0, 0, 1, 2, 2, 1>} : (tensor<1x2x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @take(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x6x3xf32>, %arg{{[0-9]+}}: tensor<2x2xf32>) -> tensor<2x2x2x3xf32> {
func.func @take(%a: tensor<2x6x3xf32>, %indices: tensor<2x2xf32>) -> tensor<*xf32> {
  %0 = sym.take %a, %indices {axis = 1 : i64} : (tensor<2x6x3xf32>, tensor<2x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @take_wrap(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x3xf32>, %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<4x3xf32> {
func.func @take_wrap(%a: tensor<5x3xf32>, %indices: tensor<4xf32>) -> tensor<*xf32> {
  %0 = sym.take %a, %indices {mode = "wrap"} : (tensor<5x3xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pick(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<3xf32> {
func.func @pick(%x: tensor<3x4xf32>, %index: tensor<3xf32>) -> tensor<*xf32> {
  %0 = sym.pick %x, %index {axis = 1 : i64} : (tensor<3x4xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pick_keepdims(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<1x4xf32>) -> tensor<1x4xf32> {
func.func @pick_keepdims(%x: tensor<3x4xf32>, %index: tensor<1x4xf32>) -> tensor<*xf32> {
  %0 = sym.pick %x, %index {axis = 0 : i64, keepdims = true} : (tensor<3x4xf32>, tensor<1x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @one_hot(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3x5xf32> {
func.func @one_hot(%indices: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.one_hot %indices {depth = 5 : i64, off_value = -1.000000e+00 : f64, on_value = 2.000000e+00 : f64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @one_hot_dtype(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<3x4xi32> {
func.func @one_hot_dtype(%indices: tensor<3xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.one_hot %indices {depth = 4 : i64, dtype = i32} : (tensor<3xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @shape_array(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<3xi64> {
func.func @shape_array(%x: tensor<2x3x4xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.shape_array %x : (tensor<2x3x4xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @size_array(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<1xi64> {
func.func @size_array(%x: tensor<2x3x4xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.size_array %x : (tensor<2x3x4xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @zeros(
// CHECK-SAME: ) -> tensor<2x3xf32> {
func.func @zeros() -> tensor<*xf32> {
  %0 = sym._zeros {dtype = f32, shape = array<i64: 2, 3>} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @ones(
// CHECK-SAME: ) -> tensor<4xf32> {
func.func @ones() -> tensor<*xf32> {
  %0 = sym._ones {dtype = f32, shape = array<i64: 4>} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @full(
// CHECK-SAME: ) -> tensor<2x3xf32> {
func.func @full() -> tensor<*xf32> {
  %0 = sym._full {dtype = f32, shape = array<i64: 2, 3>, value = 2.500000e+00 : f64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @zeros_int32(
// CHECK-SAME: ) -> tensor<3x1xi32> {
func.func @zeros_int32() -> tensor<*x!sym.unknown> {
  %0 = sym._zeros {dtype = i32, shape = array<i64: 3, 1>} : () -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @arange(
// CHECK-SAME: ) -> tensor<12xf32> {
func.func @arange() -> tensor<*xf32> {
  %0 = sym._arange {dtype = f32, repeat = 2 : i64, start = 2.000000e+00 : f64, step = 1.500000e+00 : f64, stop = 1.100000e+01 : f64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @arange_nostop(
// CHECK-SAME: ) -> tensor<5xf32> {
func.func @arange_nostop() -> tensor<*xf32> {
  %0 = sym._arange {dtype = f32, mxnet.attrs = {stop = "None"}, start = 5.000000e+00 : f64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @amp_cast(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf16> {
func.func @amp_cast(%x: tensor<2x3xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.amp_cast %x {dtype = f16} : (tensor<2x3xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @cast_storage(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<3x4xf32> {
func.func @cast_storage(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0 = sym.cast_storage %x {stype = "default"} : (tensor<3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_mask(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3x2xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<4x3x2xf32> {
func.func @sequence_mask(%x: tensor<4x3x2xf32>, %len: tensor<3xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceMask %x, %len {use_sequence_length = true, value = -7.000000e+00 : f64} : (tensor<4x3x2xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_mask_axis1(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4x2xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<3x4x2xf32> {
func.func @sequence_mask_axis1(%x: tensor<3x4x2xf32>, %len: tensor<3xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceMask %x, %len {axis = 1 : i64, use_sequence_length = true} : (tensor<3x4x2xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @upsampling_nearest(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x3x2xf32>) -> tensor<1x2x6x4xf32> {
func.func @upsampling_nearest(%x: tensor<1x2x3x2xf32>) -> tensor<*xf32> {
  %0 = sym.UpSampling %x {scale = 2 : i64} : (tensor<1x2x3x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @topk_indices(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x5xf32>) -> tensor<3x2xf32> {
func.func @topk_indices(%x: tensor<3x5xf32>) -> tensor<*xf32> {
  %0 = sym.topk %x {k = 2 : i64} : (tensor<3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @topk_value_axis0(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3x2xf32>) -> tensor<2x3x2xf32> {
func.func @topk_value_axis0(%x: tensor<4x3x2xf32>) -> tensor<*xf32> {
  %0:2 = sym.topk %x {axis = 0 : i64, k = 2 : i64, ret_typ = "value"} : (tensor<4x3x2xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @topk_both(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x6x3xf32>) -> (tensor<2x3x3xf32>, tensor<2x3x3xi32>) {
func.func @topk_both(%x: tensor<2x6x3xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>) {
  %0:2 = sym.topk %x {axis = 1 : i64, dtype = i32, is_ascend = true, k = 3 : i64, ret_typ = "both"} : (tensor<2x6x3xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @topk_mask(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x7xf32>) -> tensor<3x7xf32> {
func.func @topk_mask(%x: tensor<3x7xf32>) -> tensor<*xf32> {
  %0 = sym.topk %x {k = 2 : i64, ret_typ = "mask"} : (tensor<3x7xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @topk_flatten(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<12xf32> {
func.func @topk_flatten(%x: tensor<3x4xf32>) -> tensor<*xf32> {
  %0:2 = sym.topk %x {k = 0 : i64, mxnet.attrs = {axis = "None"}, ret_typ = "value"} : (tensor<3x4xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sort(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x20xf32>) -> tensor<3x20xf32> {
func.func @sort(%x: tensor<3x20xf32>) -> tensor<*xf32> {
  %0:2 = sym.sort %x : (tensor<3x20xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sort_descend_axis0(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x2x3xf32>) -> tensor<5x2x3xf32> {
func.func @sort_descend_axis0(%x: tensor<5x2x3xf32>) -> tensor<*xf32> {
  %0:2 = sym.sort %x {axis = 0 : i64, is_ascend = false} : (tensor<5x2x3xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argsort(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x6xf32>) -> tensor<4x6xf32> {
func.func @argsort(%x: tensor<4x6xf32>) -> tensor<*xf32> {
  %0 = sym.argsort %x : (tensor<4x6xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @argsort_flatten_int64(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>) -> tensor<12xi64> {
func.func @argsort_flatten_int64(%x: tensor<3x4xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.argsort %x {dtype = i64, is_ascend = false, mxnet.attrs = {axis = "None"}} : (tensor<3x4xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @gather_nd(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4x2xf32>, %arg{{[0-9]+}}: tensor<2x5xf32>) -> tensor<5x2xf32> {
func.func @gather_nd(%x: tensor<3x4x2xf32>, %indices: tensor<2x5xf32>) -> tensor<*xf32> {
  %0 = sym.gather_nd %x, %indices : (tensor<3x4x2xf32>, tensor<2x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @gather_nd_full(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<2x2x3xf32>) -> tensor<2x3xf32> {
func.func @gather_nd_full(%x: tensor<3x4xf32>, %indices: tensor<2x2x3xf32>) -> tensor<*xf32> {
  %0 = sym.gather_nd %x, %indices : (tensor<3x4xf32>, tensor<2x2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @scatter_nd(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x2xf32>, %arg{{[0-9]+}}: tensor<2x4xf32>) -> tensor<3x4x2xf32> {
func.func @scatter_nd(%x: tensor<4x2xf32>, %indices: tensor<2x4xf32>) -> tensor<*xf32> {
  %0 = sym.scatter_nd %x, %indices {shape = array<i64: 3, 4, 2>} : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @diag_vector(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<5x5xf32> {
func.func @diag_vector(%x: tensor<4xf32>) -> tensor<*xf32> {
  %0 = sym.diag %x {k = 1 : i64} : (tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @diag_matrix(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x5xf32>) -> tensor<3xf32> {
func.func @diag_matrix(%x: tensor<4x5xf32>) -> tensor<*xf32> {
  %0 = sym.diag %x {k = -1 : i64} : (tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @diag_3d_axes(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x2x4xf32>) -> tensor<2x2xf32> {
func.func @diag_3d_axes(%x: tensor<3x2x4xf32>) -> tensor<*xf32> {
  %0 = sym.diag %x {axis1 = 2 : i64, axis2 = 0 : i64, k = 1 : i64} : (tensor<3x2x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @split_v2_sections(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x6x3xf32>) -> (tensor<2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>) {
func.func @split_v2_sections(%x: tensor<2x6x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:3 = sym._split_v2 %x {indices = array<i64>, sections = 3 : i64} : (tensor<2x6x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %0#2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @split_v2_indices_squeeze(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x4x3xf32>) -> (tensor<2x4xf32>, tensor<2x4xf32>, tensor<2x4xf32>) {
func.func @split_v2_indices_squeeze(%x: tensor<2x4x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:3 = sym._split_v2 %x {axis = -1 : i64, indices = array<i64: 0, 1, 2>, squeeze_axis = true} : (tensor<2x4x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %0#2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x5x3xf32>, %arg{{[0-9]+}}: tensor<2x3x3xf32>) -> tensor<2x3x3xf32> {
func.func @slice_like(%x: tensor<4x5x3xf32>, %like: tensor<2x3x3xf32>) -> tensor<*xf32> {
  %0 = sym.slice_like %x, %like : (tensor<4x5x3xf32>, tensor<2x3x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_like_axes(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x5x6xf32>, %arg{{[0-9]+}}: tensor<3x9x2xf32>) -> tensor<3x5x2xf32> {
func.func @slice_like_axes(%x: tensor<4x5x6xf32>, %like: tensor<3x9x2xf32>) -> tensor<*xf32> {
  %0 = sym.slice_like %x, %like {axes = array<i64: 0, -1>} : (tensor<4x5x6xf32>, tensor<3x9x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_last(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3x2xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<3x2xf32> {
func.func @sequence_last(%x: tensor<4x3x2xf32>, %len: tensor<3xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceLast %x, %len {use_sequence_length = true} : (tensor<4x3x2xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_last_axis1(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<3xf32> {
func.func @sequence_last_axis1(%x: tensor<3x4xf32>, %len: tensor<3xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceLast %x, %len {axis = 1 : i64, use_sequence_length = true} : (tensor<3x4xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_last_nolength(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x2x3xf32>) -> tensor<2x3xf32> {
func.func @sequence_last_nolength(%x: tensor<4x2x3xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceLast %x : (tensor<4x2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_reverse(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3x2xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<4x3x2xf32> {
func.func @sequence_reverse(%x: tensor<4x3x2xf32>, %len: tensor<3xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceReverse %x, %len {use_sequence_length = true} : (tensor<4x3x2xf32>, tensor<3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @sequence_reverse_nolength(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x2xf32>) -> tensor<3x2xf32> {
func.func @sequence_reverse_nolength(%x: tensor<3x2xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceReverse %x : (tensor<3x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @linspace(
// CHECK-SAME: ) -> tensor<7xf32> {
func.func @linspace() -> tensor<*xf32> {
  %0 = sym._linspace {dtype = f32, num = 7 : i64, start = -1.500000e+00 : f64, stop = 2.250000e+00 : f64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @linspace_noend(
// CHECK-SAME: ) -> tensor<6xf32> {
func.func @linspace_noend() -> tensor<*xf32> {
  %0 = sym._linspace {dtype = f32, endpoint = false, num = 6 : i64, start = 1.000000e-01 : f64, stop = 1.000000e+00 : f64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @eye(
// CHECK-SAME: ) -> tensor<3x5xf32> {
func.func @eye() -> tensor<*xf32> {
  %0 = sym._eye {M = 5 : i64, N = 3 : i64, dtype = f32, k = 1 : i64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @eye_square(
// CHECK-SAME: ) -> tensor<4x4xf32> {
func.func @eye_square() -> tensor<*xf32> {
  %0 = sym._eye {N = 4 : i64, dtype = f32} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @expand_dims_end(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3x1xf32> {
func.func @expand_dims_end(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.expand_dims %x {axis = 2 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @squeeze_all_ones(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x1xf32>) -> tensor<1xf32> {
func.func @squeeze_all_ones(%x: tensor<1x1xf32>) -> tensor<*xf32> {
  %0 = sym.squeeze %x : (tensor<1x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @take_clip_last(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<4x1xf32>) -> tensor<2x4x1xf32> {
func.func @take_clip_last(%a: tensor<2x3xf32>, %i: tensor<4x1xf32>) -> tensor<*xf32> {
  %0 = sym.take %a, %i {axis = -1 : i64} : (tensor<2x3xf32>, tensor<4x1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @take_int_idx(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x3xf32>, %arg{{[0-9]+}}: tensor<2xi32>) -> tensor<2x3xf32> {
func.func @take_int_idx(%a: tensor<5x3xf32>, %i: tensor<2xi32>) -> tensor<*xf32> {
  %0 = sym.take %a, %i : (tensor<5x3xf32>, tensor<2xi32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pick_last(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @pick_last(%x: tensor<2x3x4xf32>, %i: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.pick %x, %i : (tensor<2x3x4xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @tile_short(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x9xf32> {
func.func @tile_short(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.tile %x {reps = array<i64: 3>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @repeat_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x6xf32> {
func.func @repeat_neg(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.repeat %x {axis = -1 : i64, repeats = 2 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @one_hot_2d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x2xi32>) -> tensor<2x2x3xf32> {
func.func @one_hot_2d(%i: tensor<2x2xi32>) -> tensor<*xf32> {
  %0 = sym.one_hot %i {depth = 3 : i64} : (tensor<2x2xi32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @stack_last(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>, %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3x2xf32> {
func.func @stack_last(%a: tensor<2x3xf32>, %b: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.stack %a, %b {axis = -1 : i64, num_args = 2 : i64} : (tensor<2x3xf32>, tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @flatten_1d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5xf32>) -> tensor<5x1xf32> {
func.func @flatten_1d(%x: tensor<5xf32>) -> tensor<*xf32> {
  %0 = sym.Flatten %x : (tensor<5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @flatten_4d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4x5xf32>) -> tensor<2x60xf32> {
func.func @flatten_4d(%x: tensor<2x3x4x5xf32>) -> tensor<*xf32> {
  %0 = sym.Flatten %x : (tensor<2x3x4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @swap_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<4x3x2xf32> {
func.func @swap_neg(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.SwapAxis %x {dim1 = -1 : i64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @seqmask_nolen(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3x2xf32>) -> tensor<4x3x2xf32> {
func.func @seqmask_nolen(%x: tensor<4x3x2xf32>) -> tensor<*xf32> {
  %0 = sym.SequenceMask %x : (tensor<4x3x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @shape_array_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf16>) -> tensor<2xi64> {
func.func @shape_array_f16(%x: tensor<2x3xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym.shape_array %x : (tensor<2x3xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @arange_int(
// CHECK-SAME: ) -> tensor<6xi32> {
func.func @arange_int() -> tensor<*x!sym.unknown> {
  %0 = sym._arange {dtype = i32, start = 0.000000e+00 : f64, stop = 6.000000e+00 : f64} : () -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @arange_neg_step(
// CHECK-SAME: ) -> tensor<3xf32> {
func.func @arange_neg_step() -> tensor<*xf32> {
  %0 = sym._arange {dtype = f32, start = 5.000000e+00 : f64, step = -2.000000e+00 : f64, stop = 0.000000e+00 : f64} : () -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @full_f64(
// CHECK-SAME: ) -> tensor<2xf64> {
func.func @full_f64() -> tensor<*x!sym.unknown> {
  %0 = sym._full {dtype = f64, shape = array<i64: 2>, value = 1.000000e+00 : f64} : () -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @upsampling_scale3(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x1x2x2xf32>) -> tensor<1x1x6x6xf32> {
func.func @upsampling_scale3(%x: tensor<1x1x2x2xf32>) -> tensor<*xf32> {
  %0 = sym.UpSampling %x {scale = 3 : i64} : (tensor<1x1x2x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @depth_to_space_3(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x18x1x2xf32>) -> tensor<2x2x3x6xf32> {
func.func @depth_to_space_3(%x: tensor<2x18x1x2xf32>) -> tensor<*xf32> {
  %0 = sym.depth_to_space %x {block_size = 3 : i64} : (tensor<2x18x1x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pad_reflect(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x3x4xf32>) -> tensor<1x2x6x7xf32> {
func.func @pad_reflect(%x: tensor<1x2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.Pad %x {mode = "reflect", pad_width = array<i64: 0, 0, 0, 0, 2, 1, 1, 2>} : (tensor<1x2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @pad_5d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x1x2x2x2xf32>) -> tensor<1x1x4x4x5xf32> {
func.func @pad_5d(%x: tensor<1x1x2x2x2xf32>) -> tensor<*xf32> {
  %0 = sym.Pad %x {mode = "constant", pad_width = array<i64: 0, 0, 0, 0, 1, 1, 0, 2, 3, 0>} : (tensor<1x1x2x2x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<6x2xf32>) -> tensor<2x2xf32> {
func.func @slice_neg(%x: tensor<6x2xf32>) -> tensor<*xf32> {
  %0 = sym.slice %x {begin = array<i64: -3>, end = array<i64: -1>} : (tensor<6x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_neg_step_full(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<6x2xf32>) -> tensor<6x2xf32> {
func.func @slice_neg_step_full(%x: tensor<6x2xf32>) -> tensor<*xf32> {
  %0 = sym.slice %x {begin = array<i64: -9223372036854775808>, end = array<i64: -9223372036854775808>, step = array<i64: -1>} : (tensor<6x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_step3(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<8x3xf32>) -> tensor<2x3xf32> {
func.func @slice_step3(%x: tensor<8x3xf32>) -> tensor<*xf32> {
  %0 = sym.slice %x {begin = array<i64: 1, 0>, end = array<i64: 7, 3>, step = array<i64: 3, 1>} : (tensor<8x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @slice_axis_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x2xf32>) -> tensor<2x2xf32> {
func.func @slice_axis_neg(%x: tensor<5x2xf32>) -> tensor<*xf32> {
  %0 = sym.slice_axis %x {axis = 0 : i64, begin = -3 : i64, end = -1 : i64} : (tensor<5x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @space_to_depth_3(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x1x3x6xf32>) -> tensor<1x9x1x2xf32> {
func.func @space_to_depth_3(%x: tensor<1x1x3x6xf32>) -> tensor<*xf32> {
  %0 = sym.space_to_depth %x {block_size = 3 : i64} : (tensor<1x1x3x6xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @reverse_neg(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @reverse_neg(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.reverse %x {axis = array<i64: -1>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @cast_storage_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2xf16>) -> tensor<2xf16> {
func.func @cast_storage_f16(%x: tensor<2xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym.cast_storage %x {stype = "default"} : (tensor<2xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @size_array_f64(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xf64>) -> tensor<1xi64> {
func.func @size_array_f64(%x: tensor<3xf64>) -> tensor<*x!sym.unknown> {
  %0 = sym.size_array %x : (tensor<3xf64>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @stack_one(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<1x2x3xf32> {
func.func @stack_one(%a: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.stack %a {num_args = 1 : i64} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @one_hot_scalar_like(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1xf32>) -> tensor<1x2xf32> {
func.func @one_hot_scalar_like(%i: tensor<1xf32>) -> tensor<*xf32> {
  %0 = sym.one_hot %i {depth = 2 : i64} : (tensor<1xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @histogram_uniform(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x5xf32>) -> (tensor<6xi64>, tensor<7xf32>) {
func.func @histogram_uniform(%x: tensor<4x5xf32>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) {
  %0:2 = sym._histogram %x {bin_cnt = 6 : i64, range = array<f64: -1.5, 1.5>} : (tensor<4x5xf32>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0, %0#1 : tensor<*x!sym.unknown>, tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @histogram_edges(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x5xf32>, %arg{{[0-9]+}}: tensor<5xf32>) -> (tensor<4xi64>, tensor<5xf32>) {
func.func @histogram_edges(%x: tensor<4x5xf32>, %e: tensor<5xf32>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) {
  %0:2 = sym._histogram %x, %e : (tensor<4x5xf32>, tensor<5xf32>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0, %0#1 : tensor<*x!sym.unknown>, tensor<*x!sym.unknown>
}
