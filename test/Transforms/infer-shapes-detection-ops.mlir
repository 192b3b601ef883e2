// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Shape and dtype inference of the SSD detection ops.
// Every expected shape and dtype is MXNet 1.9.1's infer_shape / infer_type
// for the same op, attributes and input shapes (arguments that MXNet infers,
// such as weights and labels, are checked too).

// CHECK-LABEL: func @multibox_prior(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x5x4xf32>) -> tensor<1x80x4xf32> {
func.func @multibox_prior(%x: tensor<2x3x5x4xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_MultiBoxPrior %x {ratios = array<f64: 1.000000e+00, 2.000000e+00, 5.000000e-01>, sizes = array<f64: 7.000000e-02, 1.000000e-01>} : (tensor<2x3x5x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @multibox_detection(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x36xf32>, %arg{{[0-9]+}}: tensor<2x144xf32>, %arg{{[0-9]+}}: tensor<1x36x4xf32>) -> tensor<2x36x6xf32> {
func.func @multibox_detection(%cls_prob: tensor<2x3x36xf32>, %loc_pred: tensor<2x144xf32>, %anchors: tensor<1x36x4xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_MultiBoxDetection %cls_prob, %loc_pred, %anchors : (tensor<2x3x36xf32>, tensor<2x144xf32>, tensor<1x36x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @box_nms(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x10x6xf32>) -> tensor<2x10x6xf32> {
func.func @box_nms(%x: tensor<2x10x6xf32>) -> tensor<*xf32> {
  %0:2 = sym._contrib_box_nms %x {id_index = 0 : i64, overlap_thresh = 3.000000e-01 : f64, topk = 6 : i64} : (tensor<2x10x6xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @box_iou(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<5x4xf32>) -> tensor<2x3x5xf32> {
func.func @box_iou(%lhs: tensor<2x3x4xf32>, %rhs: tensor<5x4xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_box_iou %lhs, %rhs : (tensor<2x3x4xf32>, tensor<5x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @box_nms_4d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x2x8x6xf32>) -> tensor<2x2x8x6xf32> {
func.func @box_nms_4d(%x: tensor<2x2x8x6xf32>) -> tensor<*xf32> {
  %0:2 = sym._contrib_box_nms %x : (tensor<2x2x8x6xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @box_iou_center(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x4xf32>, %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<4x2x3xf32> {
func.func @box_iou_center(%a: tensor<4x4xf32>, %b: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_box_iou %a, %b {format = "center"} : (tensor<4x4xf32>, tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mbprior_default(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x2x3x4xf32>) -> tensor<1x12x4xf32> {
func.func @mbprior_default(%x: tensor<1x2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_MultiBoxPrior %x : (tensor<1x2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mbprior_many(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x1x4x3xf32>) -> tensor<1x48x4xf32> {
func.func @mbprior_many(%x: tensor<1x1x4x3xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_MultiBoxPrior %x {ratios = array<f64: 1.000000e+00, 2.000000e+00>, sizes = array<f64: 9.000000e-01, 5.000000e-01, 2.000000e-01>} : (tensor<1x1x4x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mbdet_clip_topk(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x4x48xf32>, %arg{{[0-9]+}}: tensor<1x192xf32>, %arg{{[0-9]+}}: tensor<1x48x4xf32>) -> tensor<1x48x6xf32> {
func.func @mbdet_clip_topk(%c: tensor<1x4x48xf32>, %l: tensor<1x192xf32>, %a: tensor<1x48x4xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_MultiBoxDetection %c, %l, %a {force_suppress = true, nms_topk = 10 : i64} : (tensor<1x4x48xf32>, tensor<1x192xf32>, tensor<1x48x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
