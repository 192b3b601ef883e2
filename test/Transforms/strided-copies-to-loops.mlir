// RUN: sym-opt %s --symc-strided-copies-to-loops | FileCheck %s
// RUN: sym-opt %s --symc-strided-copies-to-loops=contiguous=true | FileCheck %s --check-prefix=ALL
// A copy into a strided subview becomes linalg.copy (loops, not a call of
// the runtime's generic memrefCopy); a contiguous copy stays memref.copy
// (memcpy).
// CHECK-LABEL: func @copies
// CHECK: linalg.copy ins(%arg0 : memref<4x4xf32>) outs(%{{.*}} : memref<4x4xf32, strided<[6, 1], offset: 7>>)
// CHECK: memref.copy %arg0, %arg2 : memref<4x4xf32> to memref<4x4xf32>
func.func @copies(%a: memref<4x4xf32>, %padded: memref<6x6xf32>, %b: memref<4x4xf32>) {
  %inner = memref.subview %padded[1, 1] [4, 4] [1, 1] : memref<6x6xf32> to memref<4x4xf32, strided<[6, 1], offset: 7>>
  memref.copy %a, %inner : memref<4x4xf32> to memref<4x4xf32, strided<[6, 1], offset: 7>>
  memref.copy %a, %b : memref<4x4xf32> to memref<4x4xf32>
  return
}

// With contiguous=true (the CUDA pipeline: every copy becomes a kernel),
// the contiguous copy becomes linalg.copy too.
// ALL-LABEL: func @copies
// ALL: linalg.copy ins(%arg0 : memref<4x4xf32>) outs(%{{.*}} : memref<4x4xf32, strided<[6, 1], offset: 7>>)
// ALL: linalg.copy ins(%arg0 : memref<4x4xf32>) outs(%arg2 : memref<4x4xf32>)
// ALL-NOT: memref.copy
