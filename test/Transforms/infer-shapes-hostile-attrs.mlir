// RUN: not sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes))' 2>&1 | FileCheck %s
// Attribute values that would give negative or absurd shapes are refused
// with a message, never turned into a crash.

func.func @scatter_negative(%d: tensor<4x2xf32>, %i: tensor<2x4xf32>) -> tensor<*xf32> {
  // CHECK: error: {{.*}}scatter_nd: shape (-3,2) has a negative dimension
  %0 = sym.scatter_nd %d, %i {shape = array<i64: -3, 2>} : (tensor<4x2xf32>, tensor<2x4xf32>) -> tensor<*xf32> loc("s")
  return %0 : tensor<*xf32>
}

// -----

func.func @resize_zero(%x: tensor<1x1x4x4xf32>) -> tensor<*xf32> {
  // CHECK: error: {{.*}}_contrib_BilinearResize2D: the output extent 0 on axis 2 is invalid
  %0 = sym._contrib_BilinearResize2D %x {height = 0 : i64, width = 3 : i64} : (tensor<1x1x4x4xf32>) -> tensor<*xf32> loc("r")
  return %0 : tensor<*xf32>
}

// -----

func.func @resize_nan_scale(%x: tensor<1x1x4x4xf32>) -> tensor<*xf32> {
  // CHECK: error: {{.*}}_contrib_BilinearResize2D: scales must be positive
  %0 = sym._contrib_BilinearResize2D %x {scale_height = 0x7FF8000000000000 : f64, scale_width = 2.0 : f64} : (tensor<1x1x4x4xf32>) -> tensor<*xf32> loc("r")
  return %0 : tensor<*xf32>
}

// -----

func.func @split_negative_start(%x: tensor<6xf32>) -> tensor<*xf32> {
  // CHECK: error: {{.*}}_split_v2: negative start -2 for subarray 0
  %0:2 = sym._split_v2 %x {indices = array<i64: -2, 3>, axis = 0 : i64} : (tensor<6xf32>) -> (tensor<*xf32>, tensor<*xf32>) loc("sp")
  return %0#0 : tensor<*xf32>
}

// -----

func.func @upsampling_empty(%x: tensor<1x3x0x4xf32>) -> tensor<*xf32> {
  // CHECK: error: {{.*}}UpSampling: an input has an empty spatial axis
  %0 = sym.UpSampling %x {scale = 2 : i64} : (tensor<1x3x0x4xf32>) -> tensor<*xf32> loc("u")
  return %0 : tensor<*xf32>
}

// -----

func.func @diag_huge_k(%x: tensor<3xf32>) -> tensor<*xf32> {
  // CHECK: error: {{.*}}diag: k = 4000000000 is out of range
  %0 = sym.diag %x {k = 4000000000 : i64} : (tensor<3xf32>) -> tensor<*xf32> loc("d")
  return %0 : tensor<*xf32>
}
