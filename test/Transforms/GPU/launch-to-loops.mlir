// RUN: sym-opt %s --split-input-file --verify-diagnostics --symc-gpu-launch-to-loops | FileCheck %s

// Blocks then threads, outermost z; the body sees the loop indices as its
// ids and the launch operands as its sizes. GPU allocations become host
// ones and the tokens vanish.
// CHECK-LABEL: func @kernel
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG: %[[C32:.*]] = arith.constant 32 : index
// CHECK: %[[BUF:.*]] = memref.alloc() : memref<96xf32>
// CHECK: %[[C0:.*]] = arith.constant 0 : index
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]]
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]]
// CHECK: scf.for %[[BX:.*]] = %[[C0]] to %[[C3]]
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]]
// CHECK: scf.for %{{.*}} = %[[C0]] to %[[C1]]
// CHECK: scf.for %[[TX:.*]] = %[[C0]] to %[[C32]]
// CHECK: %[[B:.*]] = arith.muli %[[BX]], %[[C32]]
// CHECK: %[[I:.*]] = arith.addi %[[B]], %[[TX]]
// CHECK: memref.store %{{.*}}, %[[BUF]][%[[I]]]
// CHECK: memref.dealloc %[[BUF]]
// CHECK-NOT: gpu.
func.func @kernel() {
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c32 = arith.constant 32 : index
  %f = arith.constant 1.0 : f32
  %t0 = gpu.wait async
  %buf, %t1 = gpu.alloc async [%t0] () : memref<96xf32>
  gpu.wait [%t1]
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c3, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c32, %sy = %c1, %sz = %c1) {
    %b = arith.muli %bx, %sx : index
    %i = arith.addi %b, %tx : index
    memref.store %f, %buf[%i] : memref<96xf32>
    gpu.terminator
  }
  %t2 = gpu.wait async
  %t3 = gpu.dealloc async [%t2] %buf : memref<96xf32>
  gpu.wait [%t3]
  return
}

// -----

// Barriers split the body into segments, each run for every thread before
// the next; a loop around barriers stays a loop around its segments.
// Workgroup buffers are per block, private ones a slice per thread.
// CHECK-LABEL: func @segments
// CHECK: %[[PRIV:.*]] = memref.alloc(%{{.*}}) : memref<?x2xf32>
// CHECK: scf.for %[[BX:.*]] =
// CHECK: %[[SHARED:.*]] = memref.alloc() : memref<8xf32>
// CHECK: scf.for %[[TX1:.*]] = %{{.*}} to %c8 step
// CHECK:   %[[MINE1:.*]] = memref.subview %[[PRIV]][%{{.*}}, 0] [1, 2] [1, 1]
// CHECK:   memref.store %{{.*}}, %[[MINE1]][%{{.*}}]
// CHECK: scf.for %[[K:.*]] = %{{.*}} to %c3 step
// CHECK:   scf.for %[[TX2:.*]] = %{{.*}} to %c8 step
// CHECK:     memref.store %{{.*}}, %[[SHARED]][%[[TX2]]]
// CHECK:   scf.for %[[TX3:.*]] = %{{.*}} to %c8 step
// CHECK:     %[[NEXT:.*]] = arith.remui %{{.*}}, %{{.*}}
// CHECK:     memref.load %[[SHARED]][%[[NEXT]]]
// CHECK: memref.dealloc %[[SHARED]]
// CHECK: memref.dealloc %[[PRIV]]
// CHECK-NOT: gpu.
func.func @segments(%out: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c3 = arith.constant 3 : index
  %c8 = arith.constant 8 : index
  %f = arith.constant 1.0 : f32
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c8, %sy = %c1, %sz = %c1)
             workgroup(%shared : memref<8xf32, #gpu.address_space<workgroup>>)
             private(%mine : memref<2xf32, #gpu.address_space<private>>) {
    memref.store %f, %mine[%c0] : memref<2xf32, #gpu.address_space<private>>
    scf.for %k = %c0 to %c3 step %c1 {
      memref.store %f, %shared[%tx] : memref<8xf32, #gpu.address_space<workgroup>>
      gpu.barrier
      %t1 = arith.addi %tx, %c1 : index
      %next = arith.remui %t1, %c8 : index
      %v = memref.load %shared[%next] : memref<8xf32, #gpu.address_space<workgroup>>
      memref.store %v, %out[%tx] : memref<8xf32>
      gpu.barrier
    }
    gpu.terminator
  }
  return
}

// -----

func.func @crossing(%out: memref<8xf32>) {
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c8, %sy = %c1, %sz = %c1) {
    %v = arith.index_cast %tx : index to i32
    gpu.barrier
    %w = arith.sitofp %v : i32 to f32
    // expected-error@-1 {{a value of another segment of the kernel is used across a barrier}}
    memref.store %w, %out[%tx] : memref<8xf32>
    gpu.terminator
  }
  return
}
