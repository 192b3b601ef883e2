// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Crop, BilinearResize2D, ROIPooling, ROIAlign and bilinear UpSampling.

// Crop is a static slice at MXNet's offset (y, x).
// CHECK-LABEL: func @crop
// CHECK: tensor.extract_slice %{{.*}}[0, 0, 1, 2] [1, 2, 3, 4] [1, 1, 1, 1]
func.func @crop(%x: tensor<1x2x6x7xf32>, %like: tensor<1x1x3x4xf32>) -> tensor<1x2x3x4xf32> {
  %0 = sym.Crop %x, %like {num_args = 2 : i64, offset = array<i64: 1, 2>} : (tensor<1x2x6x7xf32>, tensor<1x1x3x4xf32>) -> tensor<1x2x3x4xf32>
  return %0 : tensor<1x2x3x4xf32>
}

// -----

// Bilinear resize reads four neighbours per output pixel.
// CHECK-LABEL: func @bilinear_resize
// CHECK: linalg.generic
// CHECK-COUNT-4: tensor.extract %{{.*}} : tensor<1x2x4x3xf32>
func.func @bilinear_resize(%x: tensor<1x2x4x3xf32>) -> tensor<1x2x7x5xf32> {
  %0 = sym._contrib_BilinearResize2D %x {height = 7 : i64, width = 5 : i64} : (tensor<1x2x4x3xf32>) -> tensor<1x2x7x5xf32>
  return %0 : tensor<1x2x7x5xf32>
}

// -----

// ROIPooling: the bin bounds come from rounded roi corners; a loop over
// the bin keeps the max.
// CHECK-LABEL: func @roi_pooling
// CHECK: linalg.generic
// CHECK: math.round
// CHECK: math.floor
// CHECK: math.ceil
// CHECK: scf.for
// CHECK: scf.for
// CHECK: arith.cmpf ogt
func.func @roi_pooling(%x: tensor<2x3x8x10xf32>, %rois: tensor<5x5xf32>) -> tensor<5x3x2x3xf32> {
  %0:2 = sym.ROIPooling %x, %rois {pooled_size = array<i64: 2, 3>, spatial_scale = 5.000000e-01 : f64} : (tensor<2x3x8x10xf32>, tensor<5x5xf32>) -> (tensor<5x3x2x3xf32>, tensor<5x3x2x3xf32>)
  return %0#0 : tensor<5x3x2x3xf32>
}

// -----

// ROIAlign: ceil(roi / pooled) samples per bin axis, each a bilinear read.
// CHECK-LABEL: func @roi_align
// CHECK: linalg.generic
// CHECK: math.ceil
// CHECK: math.ceil
// CHECK: scf.for
// CHECK: scf.for
// CHECK-COUNT-4: tensor.extract %{{.*}} : tensor<2x3x8x10xf32>
// CHECK: arith.divf
func.func @roi_align(%x: tensor<2x3x8x10xf32>, %rois: tensor<5x5xf32>) -> tensor<5x3x2x2xf32> {
  %0 = sym._contrib_ROIAlign %x, %rois {pooled_size = array<i64: 2, 2>, spatial_scale = 5.000000e-01 : f64} : (tensor<2x3x8x10xf32>, tensor<5x5xf32>) -> tensor<5x3x2x2xf32>
  return %0 : tensor<5x3x2x2xf32>
}

// -----

// Bilinear UpSampling is a depthwise transposed convolution: the input
// spread by the stride, padded, then a grouped convolution (one group per
// channel) with the flipped kernel.
// CHECK-LABEL: func @upsampling_bilinear
// CHECK: tensor.insert_slice %{{.*}}[0, 0, 0, 0] [2, 2, 3, 3] [1, 1, 3, 3]
// CHECK: tensor.pad
// CHECK: linalg.generic {{.*}}"parallel", "reduction", "reduction", "reduction"]
func.func @upsampling_bilinear(%x: tensor<2x2x3x3xf32>, %w: tensor<2x1x5x5xf32>) -> tensor<2x2x9x9xf32> {
  %0 = sym.UpSampling %x, %w {scale = 3 : i64, sample_type = "bilinear", num_args = 2 : i64, num_filter = 2 : i64} : (tensor<2x2x3x3xf32>, tensor<2x1x5x5xf32>) -> tensor<2x2x9x9xf32>
  return %0 : tensor<2x2x9x9xf32>
}
