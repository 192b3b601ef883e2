// RUN: sym-opt %s --split-input-file --verify-diagnostics --symc-gpu-memory | FileCheck %s

// A buffer only kernels touch is device memory; one the host copies from
// is managed (host_shared), as is one seen by the host through a view.
// CHECK-LABEL: func @placement
// CHECK: %[[DEV:.*]] = gpu.alloc  () : memref<64xf32>
// CHECK: %[[SHARED:.*]] = gpu.alloc  host_shared () : memref<64xf32>
// CHECK: %[[VIEWED:.*]] = gpu.alloc  host_shared () : memref<8x8xf32>
// CHECK: gpu.launch
// CHECK: memref.copy %[[SHARED]]
// CHECK: gpu.dealloc  %[[DEV]]
// CHECK: gpu.dealloc  %[[SHARED]]
// CHECK-NOT: memref.alloc
// CHECK-NOT: memref.dealloc
func.func @placement(%out: memref<64xf32>, %row: memref<8xf32>) {
  %c1 = arith.constant 1 : index
  %c64 = arith.constant 64 : index
  %dev = memref.alloc() : memref<64xf32>
  %shared = memref.alloc() : memref<64xf32>
  %viewed = memref.alloc() : memref<8x8xf32>
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c64, %sy = %c1, %sz = %c1) {
    %v = memref.load %dev[%tx] : memref<64xf32>
    memref.store %v, %shared[%tx] : memref<64xf32>
    gpu.terminator
  }
  memref.copy %shared, %out : memref<64xf32> to memref<64xf32>
  %sub = memref.subview %viewed[0, 0] [1, 8] [1, 1] : memref<8x8xf32> to memref<8xf32, strided<[1]>>
  memref.copy %sub, %row : memref<8xf32, strided<[1]>> to memref<8xf32>
  memref.dealloc %dev : memref<64xf32>
  memref.dealloc %shared : memref<64xf32>
  memref.dealloc %viewed : memref<8x8xf32>
  return
}

// -----

// Allocations inside kernels are the kernels' own.
// CHECK-LABEL: func @in_kernel
// CHECK: gpu.launch
// CHECK: memref.alloca
func.func @in_kernel() {
  %c1 = arith.constant 1 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %a = memref.alloca() : memref<4xf32>
    gpu.terminator
  }
  return
}

// -----

func.func @host_stack() {
  %c1 = arith.constant 1 : index
  %a = memref.alloca() : memref<4xf32>
  // expected-error@-1 {{a host stack buffer is used by a GPU kernel}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    %v = memref.load %a[%tx] : memref<4xf32>
    gpu.terminator
  }
  return
}
