// RUN: sym-opt %s --symc-gpu-map-parallel-loops -cse --split-input-file | FileCheck %s
// RUN: sym-opt %s --symc-gpu-map-parallel-loops=block-size=64 --split-input-file | FileCheck %s --check-prefix=B64
// RUN: not sym-opt %s --symc-gpu-map-parallel-loops=block-size=2048 2>&1 | FileCheck %s --check-prefix=BAD

// A rank-3 loop of 2*3*100 = 600 points: ceil(600/256) = 3 blocks of 256
// threads, each thread one point at its row-major linear index.
// CHECK-LABEL: func @rank3
// CHECK-DAG: %[[C3:.*]] = arith.constant 3 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK-DAG: %[[C600:.*]] = arith.constant 600 : index
// CHECK-DAG: %[[C100:.*]] = arith.constant 100 : index
// CHECK: gpu.launch blocks(%[[BX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C3]], {{.*}} threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C256]],
// CHECK: %[[B:.*]] = arith.muli %[[BX]], %[[C256]]
// CHECK: %[[LIN:.*]] = arith.addi %[[B]], %[[TX]]
// CHECK: %[[IN:.*]] = arith.cmpi ult, %[[LIN]], %[[C600]]
// CHECK: scf.if %[[IN]] {
// CHECK:   %[[K:.*]] = arith.remui %[[LIN]], %[[C100]]
// CHECK:   %[[R1:.*]] = arith.divui %[[LIN]], %[[C100]]
// CHECK:   %[[J:.*]] = arith.remui %[[R1]], %[[C3]]
// CHECK:   %[[I:.*]] = arith.divui %[[R1]], %[[C3]]
// CHECK:   memref.load %{{.*}}[%{{.*}}, %{{.*}}, %{{.*}}]
// CHECK:   memref.store
// CHECK: }
// CHECK: gpu.terminator
// CHECK-NOT: scf.parallel
// B64-LABEL: func @rank3
// B64: arith.constant 64 : index
func.func @rank3(%a: memref<2x3x100xf32>, %b: memref<2x3x100xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  %c100 = arith.constant 100 : index
  scf.parallel (%i, %j, %k) = (%c0, %c0, %c0) to (%c2, %c3, %c100) step (%c1, %c1, %c1) {
    %v = memref.load %a[%i, %j, %k] : memref<2x3x100xf32>
    memref.store %v, %b[%i, %j, %k] : memref<2x3x100xf32>
  }
  return
}

// -----

// Fewer points than a block: one block of exactly that many threads. Lower
// bounds and steps other than 0 and 1 shift and scale the index; the inner
// parallel loop stays sequential in the thread.
// CHECK-LABEL: func @small_strided
// CHECK-DAG: %[[C1:.*]] = arith.constant 1 : index
// CHECK-DAG: %[[C5:.*]] = arith.constant 5 : index
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C4:.*]] = arith.constant 4 : index
// CHECK: gpu.launch {{.*}} threads(%[[TX:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C5]], %{{.*}} = %[[C1]], %{{.*}} = %[[C1]])
// CHECK: %[[OFF:.*]] = arith.muli %{{.*}}, %[[C2]]
// CHECK: %[[IV:.*]] = arith.addi %[[C4]], %[[OFF]]
// CHECK: scf.parallel
// CHECK: memref.load %{{.*}}[%[[IV]], %{{.*}}]
func.func @small_strided(%a: memref<16x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c13 = arith.constant 13 : index
  scf.parallel (%i) = (%c4) to (%c13) step (%c2) {
    scf.parallel (%j) = (%c0) to (%c8) step (%c1) {
      %v = memref.load %a[%i, %j] : memref<16x8xf32>
      %w = arith.addf %v, %v : f32
      memref.store %w, %a[%i, %j] : memref<16x8xf32>
    }
  }
  return
}

// -----

// Dynamic extents: the launch is guarded against an empty iteration space.
// CHECK-LABEL: func @dynamic
// CHECK: %[[N:.*]] = memref.dim
// CHECK: %[[T:.*]] = arith.ceildivui
// CHECK: %[[NZ:.*]] = arith.cmpi ugt, %[[T]], %{{.*}}
// CHECK: scf.if %[[NZ]] {
// CHECK:   gpu.launch
func.func @dynamic(%a: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %a, %c0 : memref<?xf32>
  scf.parallel (%i) = (%c0) to (%n) step (%c1) {
    %v = memref.load %a[%i] : memref<?xf32>
    memref.store %v, %a[%i] : memref<?xf32>
  }
  return
}

// -----

// An empty loop launches nothing; a loop with a reduction stays on the host.
// CHECK-LABEL: func @empty_and_reduction
// CHECK-NOT: gpu.launch
// CHECK: scf.parallel
// CHECK: scf.reduce
func.func @empty_and_reduction(%a: memref<8xf32>) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c8 = arith.constant 8 : index
  %zero = arith.constant 0.0 : f32
  scf.parallel (%i) = (%c8) to (%c0) step (%c1) {
    memref.store %zero, %a[%i] : memref<8xf32>
  }
  %sum = scf.parallel (%i) = (%c0) to (%c8) step (%c1) init (%zero) -> f32 {
    %v = memref.load %a[%i] : memref<8xf32>
    scf.reduce(%v : f32) {
    ^bb0(%x: f32, %y: f32):
      %s = arith.addf %x, %y : f32
      scf.reduce.return %s : f32
    }
  }
  return %sum : f32
}

// BAD: block-size must be in 1..1024, got 2048
