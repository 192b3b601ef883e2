// RUN: sym-opt %s --symc-strided-copies-to-loops | FileCheck %s
// RUN: sym-opt %s --symc-strided-copies-to-loops=contiguous=true | FileCheck %s --check-prefix=ALL
// RUN: sym-opt %s --symc-strided-copies-to-loops=vector-rows=true | FileCheck %s --check-prefix=ROWS
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

// With vector-rows=true (the CPU pipeline), a static strided copy whose
// rows are contiguous on both sides loops over the rows and copies each in
// vectors of 16 and one of the remainder (a 20-wide row: 16 + 4).
// ROWS-LABEL: func @copies
// ROWS: scf.for %[[ROW:.*]] = %c0 to %c4 step %c1
// ROWS:   vector.transfer_read %arg0[%[[ROW]], %c0{{.*}}]{{.*}} : memref<4x4xf32>, vector<4xf32>
// ROWS:   vector.transfer_write {{.*}} : vector<4xf32>, memref<4x4xf32, strided<[6, 1], offset: 7>>
// ROWS: memref.copy %arg0, %arg2 : memref<4x4xf32> to memref<4x4xf32>
// ROWS-LABEL: func @wide_rows
// ROWS: scf.for %[[R:.*]] = %c0 to %c3 step %c1
// ROWS:   scf.for %[[C:.*]] = %c0 to %c16{{.*}} step %c16
// ROWS:     vector.transfer_read %{{.*}}[%[[R]], %[[C]]]{{.*}} : memref<3x20xf32, strided<[32, 1]>>, vector<16xf32>
// ROWS:     vector.transfer_write {{.*}}[%[[R]], %[[C]]] {{.*}} : vector<16xf32>, memref<3x20xf32>
// ROWS:   vector.transfer_read %{{.*}}[%[[R]], %c16{{.*}}]{{.*}} : memref<3x20xf32, strided<[32, 1]>>, vector<4xf32>
// A copy whose rows are strided keeps linalg.copy.
// ROWS-LABEL: func @strided_rows
// ROWS: linalg.copy
func.func @wide_rows(%a: memref<3x32xf32>, %b: memref<3x20xf32>) {
  %view = memref.subview %a[0, 0] [3, 20] [1, 1] : memref<3x32xf32> to memref<3x20xf32, strided<[32, 1]>>
  memref.copy %view, %b : memref<3x20xf32, strided<[32, 1]>> to memref<3x20xf32>
  return
}

func.func @strided_rows(%a: memref<4x8xf32>, %b: memref<4x4xf32>) {
  %view = memref.subview %a[0, 0] [4, 4] [1, 2] : memref<4x8xf32> to memref<4x4xf32, strided<[8, 2]>>
  memref.copy %view, %b : memref<4x4xf32, strided<[8, 2]>> to memref<4x4xf32>
  return
}
