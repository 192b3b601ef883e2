// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-read-through-inserts))' | FileCheck %s
// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-read-through-inserts),one-shot-bufferize,cse,canonicalize)' | FileCheck %s --check-prefix=BUFFERS
// RUN: sym-opt %s -pass-pipeline='builtin.module(one-shot-bufferize,cse,canonicalize)' | FileCheck %s --check-prefix=WITHOUT

// A ReLU written into the interior of a padded tensor, which a residual
// add also reads afterwards: the add reads the padded tensor's interior.
// Bufferized, the ReLU then writes the padded buffer in place; without
// the pass, it wrote a buffer of its own, first filled with a copy of the
// interior and then copied into it.
// CHECK-LABEL: func.func @residual
// CHECK:      %[[RELU:.*]] = linalg.generic
// CHECK:      %[[PADDED:.*]] = tensor.insert_slice %[[RELU]] into %{{.*}}[1, 1] [4, 4] [1, 1]
// CHECK-NEXT: %[[INTERIOR:.*]] = tensor.extract_slice %[[PADDED]][1, 1] [4, 4] [1, 1] : tensor<6x6xf32> to tensor<4x4xf32>
// CHECK-NEXT: tensor.empty
// CHECK-NEXT: %[[SUM:.*]] = linalg.generic {{.*}} ins(%[[INTERIOR]], %arg0 :
// CHECK-NEXT: ^bb0
// CHECK-NEXT: arith.addf
// CHECK:      return %[[PADDED]], %[[SUM]]
// BUFFERS-LABEL: func.func @residual
// BUFFERS-NOT: memref.copy
// BUFFERS:     return
// WITHOUT-LABEL: func.func @residual
// WITHOUT:     memref.copy
// WITHOUT:     return
#id = affine_map<(d0, d1) -> (d0, d1)>
func.func @residual(%x: tensor<4x4xf32>) -> (tensor<6x6xf32>, tensor<4x4xf32>) {
  %zero = arith.constant 0.0 : f32
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
  %out = tensor.empty() : tensor<4x4xf32>
  %sum = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%relu, %x : tensor<4x4xf32>, tensor<4x4xf32>) outs(%out : tensor<4x4xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %s = arith.addf %a, %b : f32
    linalg.yield %s : f32
  } -> tensor<4x4xf32>
  return %padded, %sum : tensor<6x6xf32>, tensor<4x4xf32>
}

// Reads before the insert keep reading the source, and a source that is
// not computed into a destination (a function argument) is left alone.
// CHECK-LABEL: func.func @not_rewritten
// CHECK:      %[[EARLY:.*]] = tensor.extract_slice %[[RELU:.*]][0, 0] [2, 2] [1, 1]
// CHECK:      tensor.insert_slice %[[RELU]] into
// CHECK:      tensor.insert_slice %arg0 into
// CHECK-NOT:  tensor.extract_slice
// CHECK:      return %[[EARLY]], %{{.*}}, %{{.*}}, %arg0
func.func @not_rewritten(%x: tensor<4x4xf32>, %y: tensor<6x6xf32>)
    -> (tensor<2x2xf32>, tensor<6x6xf32>, tensor<6x6xf32>, tensor<4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x4xf32>
  %relu = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x4xf32>) outs(%empty : tensor<4x4xf32>) {
  ^bb0(%in: f32, %out: f32):
    %m = arith.maximumf %in, %zero : f32
    linalg.yield %m : f32
  } -> tensor<4x4xf32>
  %early = tensor.extract_slice %relu[0, 0] [2, 2] [1, 1] : tensor<4x4xf32> to tensor<2x2xf32>
  %a = tensor.insert_slice %relu into %y[1, 1] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<6x6xf32>
  %b = tensor.insert_slice %x into %y[0, 0] [4, 4] [1, 1] : tensor<4x4xf32> into tensor<6x6xf32>
  return %early, %a, %b, %x : tensor<2x2xf32>, tensor<6x6xf32>, tensor<6x6xf32>, tensor<4x4xf32>
}
