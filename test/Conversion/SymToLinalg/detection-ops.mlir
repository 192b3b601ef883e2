// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// Detection ops: MultiBoxPrior folds to a constant, NMS decoding calls the
// runtime, box_iou is one generic.
// Static types are MXNet 1.9.1's inferred shapes and dtypes.

// CHECK-LABEL: func @multibox_prior(
// CHECK-NOT: linalg
// CHECK: %[[A:.*]] = arith.constant dense<{{.*}}> : tensor<1x80x4xf32>
// CHECK: return %[[A]]
func.func @multibox_prior(%x: tensor<2x3x5x4xf32>) -> tensor<1x80x4xf32> {
  %0 = sym._contrib_MultiBoxPrior %x {ratios = array<f64: 1.000000e+00, 2.000000e+00, 5.000000e-01>, sizes = array<f64: 7.000000e-02, 1.000000e-01>} : (tensor<2x3x5x4xf32>) -> tensor<1x80x4xf32>
  return %0 : tensor<1x80x4xf32>
}

// -----

// CHECK: func.func private @symc_multibox_detection_f32(memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>
// CHECK-LABEL: func @multibox_detection(
// CHECK: tensor.expand_shape {{.*}} : tensor<288xf32> into tensor<2x36x4xf32>
// CHECK: arith.constant 0.00999999977 : f32
// CHECK: arith.constant 5.000000e-01 : f32
// CHECK: call @symc_multibox_detection_f32
func.func @multibox_detection(%cls_prob: tensor<2x3x36xf32>, %loc_pred: tensor<2x144xf32>, %anchors: tensor<1x36x4xf32>) -> tensor<2x36x6xf32> {
  %0 = sym._contrib_MultiBoxDetection %cls_prob, %loc_pred, %anchors : (tensor<2x3x36xf32>, tensor<2x144xf32>, tensor<1x36x4xf32>) -> tensor<2x36x6xf32>
  return %0 : tensor<2x36x6xf32>
}

// -----

// CHECK: func.func private @symc_box_nms_f32(memref<?x?x?xf32>, memref<?x?x?xf32>, memref<?x?x?xf32>
// CHECK-LABEL: func @box_nms(
// CHECK: arith.constant 3.000000e-01 : f32
// CHECK: call @symc_box_nms_f32
// CHECK: return %{{.*}} : tensor<2x10x6xf32>
func.func @box_nms(%x: tensor<2x10x6xf32>) -> tensor<2x10x6xf32> {
  %0:2 = sym._contrib_box_nms %x {id_index = 0 : i64, overlap_thresh = 3.000000e-01 : f64, topk = 6 : i64} : (tensor<2x10x6xf32>) -> (tensor<2x10x6xf32>, tensor<2x10x1xf32>)
  return %0#0 : tensor<2x10x6xf32>
}

// -----

// CHECK-LABEL: func @box_iou(
// CHECK: tensor.expand_shape {{.*}} into tensor<6x4xf32>
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [6, 1] [1, 1]
// CHECK: tensor.extract_slice %{{.*}}[0, 0] [5, 1] [1, 1]
// CHECK: linalg.generic {{.*}} outs(%{{.*}} : tensor<6x5xf32>)
// CHECK: arith.divf
// CHECK: tensor.expand_shape {{.*}} into tensor<2x3x5xf32>
func.func @box_iou(%lhs: tensor<2x3x4xf32>, %rhs: tensor<5x4xf32>) -> tensor<2x3x5xf32> {
  %0 = sym._contrib_box_iou %lhs, %rhs : (tensor<2x3x4xf32>, tensor<5x4xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}
