// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-distinct-results))' | FileCheck %s

// A buffer returned twice, and a returned argument, each get their own copy
// (buffer-results-to-out-params needs one buffer per result).
// CHECK-LABEL: func.func @repeated
// CHECK-SAME: (%[[ARG:.*]]: memref<2x3xf32>)
// CHECK: %[[A:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: %[[COPY1:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: memref.copy %[[A]], %[[COPY1]]
// CHECK: %[[COPY2:.*]] = memref.alloc() : memref<2x3xf32>
// CHECK: memref.copy %[[ARG]], %[[COPY2]]
// CHECK: return %[[A]], %[[COPY1]], %[[COPY2]]
func.func @repeated(%arg: memref<2x3xf32>) -> (memref<2x3xf32>, memref<2x3xf32>, memref<2x3xf32>) {
  %a = memref.alloc() : memref<2x3xf32>
  return %a, %a, %arg : memref<2x3xf32>, memref<2x3xf32>, memref<2x3xf32>
}

// Distinct results are left alone; dynamic sizes are read from the source.
// CHECK-LABEL: func.func @dynamic
// CHECK: %[[D:.*]] = memref.dim %{{.*}}, %c0
// CHECK: memref.alloc(%[[D]]) : memref<?xf32>
func.func @dynamic(%arg: memref<?xf32>) -> memref<?xf32> {
  return %arg : memref<?xf32>
}

// Distinct buffers are returned as they are.
// CHECK-LABEL: func.func @distinct
// CHECK-NOT: memref.copy
// CHECK: return
func.func @distinct(%x: memref<4xf32>) -> (memref<4xf32>, memref<4xf32>) {
  %a = memref.alloc() : memref<4xf32>
  %b = memref.alloc() : memref<4xf32>
  return %a, %b : memref<4xf32>, memref<4xf32>
}
