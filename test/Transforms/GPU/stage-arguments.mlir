// RUN: sym-opt %s --split-input-file --verify-diagnostics --symc-gpu-stage-arguments | FileCheck %s

// The input is only read: copied in, never back. The output is only
// written (linalg.fill does not read its init): copied back, not in. The
// argument used in place is both. Each staged buffer is freed at return.
// CHECK-LABEL: func @entry(
// CHECK-SAME: %[[IN:.*]]: memref<4x8xf32>, %[[INOUT:.*]]: memref<8xf32>, %[[OUT:.*]]: memref<4x8xf32>)
// CHECK-NEXT: %[[S_IN:.*]] = memref.alloc() : memref<4x8xf32>
// CHECK-NEXT: memref.copy %[[IN]], %[[S_IN]]
// CHECK-NEXT: %[[S_INOUT:.*]] = memref.alloc() : memref<8xf32>
// CHECK-NEXT: memref.copy %[[INOUT]], %[[S_INOUT]]
// CHECK-NEXT: %[[S_OUT:.*]] = memref.alloc() : memref<4x8xf32>
// CHECK-NOT: memref.copy %[[OUT]]
// CHECK: linalg.fill ins(%{{.*}}) outs(%[[S_OUT]]
// CHECK: memref.subview %[[S_IN]]
// CHECK: linalg.add
// CHECK-NEXT: memref.dealloc %[[S_IN]]
// CHECK-NEXT: memref.copy %[[S_INOUT]], %[[INOUT]]
// CHECK-NEXT: memref.dealloc %[[S_INOUT]]
// CHECK-NEXT: memref.copy %[[S_OUT]], %[[OUT]]
// CHECK-NEXT: memref.dealloc %[[S_OUT]]
// CHECK-NEXT: return
func.func @entry(%in: memref<4x8xf32>, %inout: memref<8xf32>, %out: memref<4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%out : memref<4x8xf32>)
  %row = memref.subview %in[0, 0] [1, 8] [1, 1] : memref<4x8xf32> to memref<8xf32, strided<[1]>>
  linalg.add ins(%row, %inout : memref<8xf32, strided<[1]>>, memref<8xf32>) outs(%inout : memref<8xf32>)
  return
}

// -----

// Private functions are called with staged buffers; unused arguments and
// dynamic shapes.
// CHECK-LABEL: func private @callee(
// CHECK-NOT: memref.alloc
// CHECK-LABEL: func @dynamic(
// CHECK-SAME: %[[A:.*]]: memref<?xf32>, %[[UNUSED:.*]]: memref<4xf32>)
// CHECK: %[[N:.*]] = memref.dim %[[A]]
// CHECK: %[[S:.*]] = memref.alloc(%[[N]]) : memref<?xf32>
// CHECK: memref.copy %[[A]], %[[S]]
// CHECK: call @callee(%[[S]])
// CHECK: memref.copy %[[S]], %[[A]]
// CHECK-NOT: %[[UNUSED]]
func.func private @callee(%a: memref<?xf32>) {
  return
}
func.func @dynamic(%a: memref<?xf32>, %unused: memref<4xf32>) {
  call @callee(%a) : (memref<?xf32>) -> ()
  return
}

// -----

func.func @strided(%a: memref<4xf32, strided<[2]>>) {
  // expected-error@-1 {{cannot stage argument #0 of non-identity layout}}
  %zero = arith.constant 0.0 : f32
  linalg.fill ins(%zero : f32) outs(%a : memref<4xf32, strided<[2]>>)
  return
}
