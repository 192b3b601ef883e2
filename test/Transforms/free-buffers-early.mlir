// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-free-buffers-early))' | FileCheck %s

// The deallocation pipeline frees every buffer at the end of its block;
// each dealloc moves to just after the last op that uses the buffer or a
// view of it (here a loop nest through a subview, then a copy).
// CHECK-LABEL: func.func @chain
// CHECK:      %[[A:.*]] = memref.alloc() : memref<4x4xf32>
// CHECK-NEXT: linalg.fill {{.*}} outs(%[[A]]
// CHECK-NEXT: %[[B:.*]] = memref.alloc() : memref<4x4xf32>
// CHECK-NEXT: %[[VIEW:.*]] = memref.subview %[[A]]
// CHECK-NEXT: scf.for
// CHECK:        memref.load %[[VIEW]]
// CHECK:      }
// CHECK-NEXT: memref.dealloc %[[A]]
// CHECK-NEXT: memref.copy %[[B]], %arg0
// CHECK-NEXT: memref.dealloc %[[B]]
// CHECK-NEXT: return
func.func @chain(%out: memref<4x4xf32>) {
  %zero = arith.constant 0.0 : f32
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %a = memref.alloc() : memref<4x4xf32>
  linalg.fill ins(%zero : f32) outs(%a : memref<4x4xf32>)
  %b = memref.alloc() : memref<4x4xf32>
  %view = memref.subview %a[0, 0] [2, 4] [1, 1] : memref<4x4xf32> to memref<2x4xf32, strided<[4, 1]>>
  scf.for %i = %c0 to %c2 step %c1 {
    %v = memref.load %view[%i, %c0] : memref<2x4xf32, strided<[4, 1]>>
    memref.store %v, %b[%i, %c0] : memref<4x4xf32>
  }
  memref.copy %b, %out : memref<4x4xf32> to memref<4x4xf32>
  memref.dealloc %a : memref<4x4xf32>
  memref.dealloc %b : memref<4x4xf32>
  return
}

// A buffer that a loop yields may be reachable through the loop's result:
// its dealloc stays at the end.
// CHECK-LABEL: func.func @escapes_through_loop
// CHECK:      scf.for
// CHECK:      memref.copy
// CHECK-NEXT: memref.dealloc
// CHECK-NEXT: return
func.func @escapes_through_loop(%out: memref<4xf32>, %n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %a = memref.alloc() : memref<4xf32>
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%x = %a) -> memref<4xf32> {
    scf.yield %x : memref<4xf32>
  }
  memref.copy %r, %out : memref<4xf32> to memref<4xf32>
  memref.dealloc %a : memref<4xf32>
  return
}
