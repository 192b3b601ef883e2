// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-duplicate-shared-fills))' | FileCheck %s

// One zero fill (what CSE leaves of two) starts two matmuls: each gets a
// fill of its own, right before it, so that bufferization writes each in
// place instead of copying one filled buffer.
// CHECK-LABEL: func.func @two_accumulators
// CHECK:      %[[E1:.*]] = tensor.empty() : tensor<4x4xf32>
// CHECK-NEXT: %[[F1:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E1]]
// CHECK-NEXT: %[[M1:.*]] = linalg.matmul ins(%arg0, %arg1 : {{.*}}) outs(%[[F1]]
// CHECK-NEXT: %[[E2:.*]] = tensor.empty() : tensor<4x4xf32>
// CHECK-NEXT: %[[F2:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E2]]
// CHECK-NEXT: linalg.matmul ins(%[[M1]], %arg1 : {{.*}}) outs(%[[F2]]
// CHECK-NOT: linalg.fill
func.func @two_accumulators(%a: tensor<4x4xf32>, %b: tensor<4x4xf32>) -> tensor<4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x4xf32>) -> tensor<4x4xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%fill : tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = linalg.matmul ins(%0, %b : tensor<4x4xf32>, tensor<4x4xf32>) outs(%fill : tensor<4x4xf32>) -> tensor<4x4xf32>
  return %1 : tensor<4x4xf32>
}

// A padding written in place by its producer: the slice it writes into and
// the insert back share the fill's buffer and keep sharing it; only the
// loop that starts from the fill gets its own, before the loop, not in it.
// CHECK-LABEL: func.func @padding_and_loop
// CHECK:      %[[FILL:.*]] = linalg.fill
// CHECK-NEXT: %[[SLICE:.*]] = tensor.extract_slice %[[FILL]][1, 1] [4, 4] [1, 1]
// CHECK-NEXT: %[[RELU:.*]] = linalg.generic {{.*}} outs(%[[SLICE]]
// CHECK:      %[[PADDED:.*]] = tensor.insert_slice %[[RELU]] into %[[FILL]][1, 1] [4, 4] [1, 1]
// CHECK-NEXT: %[[E:.*]] = tensor.empty() : tensor<6x6xf32>
// CHECK-NEXT: %[[OWN:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[E]]
// CHECK-NEXT: scf.for {{.*}} iter_args(%{{.*}} = %[[OWN]])
// CHECK-NOT:    linalg.fill
// CHECK:      return
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @padding_and_loop(%x: tensor<4x4xf32>, %y: tensor<6x6xf32>) -> (tensor<6x6xf32>, tensor<6x6xf32>) {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c6 = arith.constant 6 : index
  %empty = tensor.empty() : tensor<6x6xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<6x6xf32>) -> tensor<6x6xf32>
  %slice = tensor.extract_slice %fill[1, 1] [4, 4] [1, 1] : tensor<6x6xf32> to tensor<4x4xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x4xf32>) outs(%slice : tensor<4x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<4x4xf32>
  %padded = tensor.insert_slice %relu into %fill[1, 1] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<6x6xf32>
  %sum = scf.for %i = %c0 to %c6 step %c1 iter_args(%acc = %fill) -> tensor<6x6xf32> {
    %row = tensor.extract_slice %y[%i, 0] [1, 6] [1, 1] : tensor<6x6xf32> to tensor<1x6xf32>
    %next = tensor.insert_slice %row into %acc[%i, 0] [1, 6] [1, 1] : tensor<1x6xf32> into tensor<6x6xf32>
    scf.yield %next : tensor<6x6xf32>
  }
  return %padded, %sum : tensor<6x6xf32>, tensor<6x6xf32>
}

// A matmul inside a loop starts from the fill: its copy of the fill goes
// before the loop, not into it (one fill, not one per iteration).
// CHECK-LABEL: func.func @user_in_loop
// CHECK:      linalg.fill
// CHECK-NEXT: linalg.matmul
// CHECK-NEXT: tensor.empty
// CHECK-NEXT: %[[OWN:.*]] = linalg.fill
// CHECK-NEXT: scf.for
// CHECK-NOT:    linalg.fill
// CHECK:        linalg.matmul {{.*}} outs(%[[OWN]]
func.func @user_in_loop(%a: tensor<4x4xf32>, %n: index) -> (tensor<4x4xf32>, tensor<4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %empty = tensor.empty() : tensor<4x4xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x4xf32>) -> tensor<4x4xf32>
  %0 = linalg.matmul ins(%a, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%fill : tensor<4x4xf32>) -> tensor<4x4xf32>
  %1 = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> tensor<4x4xf32> {
    %p = linalg.matmul ins(%x, %a : tensor<4x4xf32>, tensor<4x4xf32>) outs(%fill : tensor<4x4xf32>) -> tensor<4x4xf32>
    scf.yield %p : tensor<4x4xf32>
  }
  return %0, %1 : tensor<4x4xf32>, tensor<4x4xf32>
}
