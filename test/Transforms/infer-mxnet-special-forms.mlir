// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Forms where MXNet's inference is not the obvious one; every expectation
// is MXNet 1.9.1's infer_shape / infer_type for the same op and inputs.

// argmax_channel reduces axis 1.
// CHECK-LABEL: func @argmax_channel(
// CHECK-SAME: -> tensor<2x4xf32>
func.func @argmax_channel(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.argmax_channel %x : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// A 1-D condition selects rows; its dtype is its own.
// CHECK-LABEL: func @where_rows(
// CHECK-SAME: %{{.*}}: tensor<2xi32>, %{{.*}}: tensor<2x3xf32>, %{{.*}}: tensor<2x3xf32>) -> tensor<2x3xf32>
func.func @where_rows(%c: tensor<2xi32>, %x: tensor<2x3xf32>, %y: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.where %c, %x, %y : (tensor<2xi32>, tensor<2x3xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @batch_dot_4d(
// CHECK-SAME: -> tensor<2x2x3x5xf32>
func.func @batch_dot_4d(%a: tensor<2x2x3x4xf32>, %b: tensor<2x2x4x5xf32>) -> tensor<*xf32> {
  %0 = sym.batch_dot %a, %b : (tensor<2x2x3x4xf32>, tensor<2x2x4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @reshape_like_ranges(
// CHECK-SAME: -> tensor<2x12xf32>
func.func @reshape_like_ranges(%l: tensor<2x3x4xf32>, %r: tensor<12x7xf32>) -> tensor<*xf32> {
  %0 = sym.reshape_like %l, %r {lhs_begin = 1 : i64, lhs_end = 3 : i64, rhs_begin = 0 : i64, rhs_end = 1 : i64} : (tensor<2x3x4xf32>, tensor<12x7xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @broadcast_like_axes(
// CHECK-SAME: -> tensor<5x3xf32>
func.func @broadcast_like_axes(%l: tensor<1x3xf32>, %r: tensor<2x3x5xf32>) -> tensor<*xf32> {
  %0 = sym.broadcast_like %l, %r {lhs_axes = array<i64: 0>, rhs_axes = array<i64: 2>} : (tensor<1x3xf32>, tensor<2x3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// (N, 1) data takes an (N,) label.
// CHECK-LABEL: func @logistic_label(
// CHECK-SAME: %{{.*}}: tensor<3x1xf32>, %{{.*}}: tensor<3xf32>) -> tensor<3x1xf32>
func.func @logistic_label(%x: tensor<3x1xf32>, %label: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.LogisticRegressionOutput %x, %label : (tensor<3x1xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softmax_dtype(
// CHECK-SAME: -> tensor<2x5xf64>
func.func @softmax_dtype(%x: tensor<2x5xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.softmax %x {dtype = f64} : (tensor<2x5xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @log_softmax_dtype(
// CHECK-SAME: -> tensor<2x5xf64>
func.func @log_softmax_dtype(%x: tensor<2x5xf32>) -> tensor<*x!sym.unknown> {
  %0 = sym.log_softmax %x {dtype = f64} : (tensor<2x5xf32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// AMP casts floats only.
// CHECK-LABEL: func @amp_cast_int(
// CHECK-SAME: -> tensor<2x3xi32>
func.func @amp_cast_int(%x: tensor<2x3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.amp_cast %x {dtype = f16} : (tensor<2x3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// float16 data keeps float32 parameters and statistics.
// CHECK-LABEL: func @batch_norm_f16(
// CHECK-SAME: %{{.*}}: tensor<2x3x4xf16>, %{{.*}}: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %{{.*}}: tensor<3xf32>, %{{.*}}: tensor<3xf32>) -> tensor<2x3x4xf16>
func.func @batch_norm_f16(%x: tensor<2x3x4xf16>, %g: tensor<*x!sym.unknown>, %b: tensor<*x!sym.unknown>, %m: tensor<*x!sym.unknown>, %v: tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown> {
  %0:3 = sym.BatchNorm %x, %g, %b, %m, %v : (tensor<2x3x4xf16>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*x!sym.unknown>
}

// -----

// Sequence lengths and slice_like's shape donor keep their own dtype.
// CHECK-LABEL: func @sequence_mask_int(
// CHECK-SAME: -> tensor<4x3xf32>
func.func @sequence_mask_int(%x: tensor<4x3xf32>, %len: tensor<3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.SequenceMask %x, %len {use_sequence_length = true} : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @sequence_last_int(
// CHECK-SAME: -> tensor<3xf32>
func.func @sequence_last_int(%x: tensor<4x3xf32>, %len: tensor<3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.SequenceLast %x, %len {use_sequence_length = true} : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @sequence_reverse_int(
// CHECK-SAME: -> tensor<4x3xf32>
func.func @sequence_reverse_int(%x: tensor<4x3xf32>, %len: tensor<3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.SequenceReverse %x, %len {use_sequence_length = true} : (tensor<4x3xf32>, tensor<3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @slice_like_int(
// CHECK-SAME: -> tensor<2x3xf32>
func.func @slice_like_int(%x: tensor<4x5xf32>, %like: tensor<2x3xi32>) -> tensor<*x!sym.unknown> {
  %0 = sym.slice_like %x, %like : (tensor<4x5xf32>, tensor<2x3xi32>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}
