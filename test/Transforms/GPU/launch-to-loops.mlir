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

func.func @barrier() {
  %c1 = arith.constant 1 : index
  // expected-error@+1 {{cannot run a kernel with barriers on the host}}
  gpu.launch blocks(%bx, %by, %bz) in (%gx = %c1, %gy = %c1, %gz = %c1)
             threads(%tx, %ty, %tz) in (%sx = %c1, %sy = %c1, %sz = %c1) {
    gpu.barrier
    gpu.terminator
  }
  return
}
