// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Crop, BilinearResize2D, ROIPooling, ROIAlign and bilinear UpSampling.
// Every expected shape is MXNet 1.9.1's infer_shape for the same op,
// attributes and input shapes.

// CHECK-LABEL: func @crop_like(
// CHECK-SAME: -> tensor<1x2x3x4xf32>
func.func @crop_like(%x: tensor<1x2x6x7xf32>, %like: tensor<1x1x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.Crop %x, %like {num_args = 2 : i64, offset = array<i64: 1, 2>} : (tensor<1x2x6x7xf32>, tensor<1x1x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @crop_center_hw(
// CHECK-SAME: -> tensor<2x2x3x2xf32>
func.func @crop_center_hw(%x: tensor<2x2x6x5xf32>) -> tensor<*xf32> {
  %0 = sym.Crop %x {num_args = 1 : i64, h_w = array<i64: 3, 2>, center_crop = true} : (tensor<2x2x6x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @bilinear_resize(
// CHECK-SAME: -> tensor<1x2x7x5xf32>
func.func @bilinear_resize(%x: tensor<1x2x4x3xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_BilinearResize2D %x {height = 7 : i64, width = 5 : i64} : (tensor<1x2x4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @bilinear_resize_to_odd_down(
// CHECK-SAME: -> tensor<1x2x3x5xf32>
func.func @bilinear_resize_to_odd_down(%x: tensor<1x2x4x6xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_BilinearResize2D %x {mode = "to_odd_down"} : (tensor<1x2x4x6xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @roi_pooling(
// CHECK-SAME: -> tensor<5x3x2x3xf32>
func.func @roi_pooling(%x: tensor<2x3x8x10xf32>, %rois: tensor<5x5xf32>) -> tensor<*xf32> {
  %0:2 = sym.ROIPooling %x, %rois {pooled_size = array<i64: 2, 3>, spatial_scale = 5.000000e-01 : f64} : (tensor<2x3x8x10xf32>, tensor<5x5xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @roi_align_position_sensitive(
// CHECK-SAME: -> tensor<5x2x2x2xf32>
func.func @roi_align_position_sensitive(%x: tensor<2x8x8x10xf32>, %rois: tensor<5x5xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_ROIAlign %x, %rois {pooled_size = array<i64: 2, 2>, position_sensitive = true, spatial_scale = 5.000000e-01 : f64} : (tensor<2x8x8x10xf32>, tensor<5x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// The weight of bilinear UpSampling is inferred: (C, 1, 2s - s % 2, same).
// CHECK-LABEL: func @upsampling_bilinear(
// CHECK-SAME: %{{.*}}: tensor<2x2x3x3xf32>, %{{.*}}: tensor<2x1x5x5xf32>) -> tensor<2x2x9x9xf32>
func.func @upsampling_bilinear(%x: tensor<2x2x3x3xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  %0 = sym.UpSampling %x, %w {scale = 3 : i64, sample_type = "bilinear", num_args = 2 : i64, num_filter = 2 : i64} : (tensor<2x2x3x3xf32>, tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
