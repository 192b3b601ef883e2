// RUN: sym-opt %s -split-input-file --symc-outline-kernels | FileCheck %s

// Each top-level loop nest of a function becomes a private, noinline
// function called in its place. Constants and globals' addresses are cloned
// into it; every other value it uses from above (buffers, scalars) is an
// argument; a loop's results are the function's.
memref.global "private" constant @weights : memref<4xf32> = dense<1.0>

// The kernels come first, in order.
// CHECK-LABEL: func.func private @two_loops_kernel0(%{{.*}}: memref<4xf32>, %{{.*}}: f32, %{{.*}}: memref<4xf32>) attributes {passthrough = ["noinline"]}
// CHECK-DAG:   arith.constant 0 : index
// CHECK-DAG:   arith.constant 4 : index
// CHECK-DAG:   memref.get_global @weights
// CHECK:   scf.for
// CHECK:   return
// CHECK-LABEL: func.func private @two_loops_kernel1(%{{.*}}: memref<4xf32>, %{{.*}}: memref<4xf32>) -> f32 attributes {passthrough = ["noinline"]}
// CHECK:   %[[R:.*]] = scf.for {{.*}} -> (f32)
// CHECK:   return %[[R]] : f32
// What is left of the function, allocations and calls, is not optimized.
// CHECK-LABEL: func.func @two_loops(
// CHECK-SAME: %[[IN:.*]]: memref<4xf32>, %[[OUT:.*]]: memref<4xf32>, %[[SCALE:.*]]: f32) -> f32
// CHECK-SAME: attributes {passthrough = ["noinline", "optnone"]}
// CHECK:   %[[TMP:.*]] = memref.alloc() : memref<4xf32>
// CHECK:   call @two_loops_kernel0(%[[IN]], %[[SCALE]], %[[TMP]]) : (memref<4xf32>, f32, memref<4xf32>) -> ()
// CHECK:   %[[SUM:.*]] = call @two_loops_kernel1(%[[TMP]], %[[OUT]]) : (memref<4xf32>, memref<4xf32>) -> f32
// CHECK:   memref.dealloc %[[TMP]]
// CHECK:   return %[[SUM]]
func.func @two_loops(%in: memref<4xf32>, %out: memref<4xf32>, %scale: f32) -> f32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  %w = memref.get_global @weights : memref<4xf32>
  %tmp = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %in[%i] : memref<4xf32>
    %y = memref.load %w[%i] : memref<4xf32>
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %scale : f32
    memref.store %q, %tmp[%i] : memref<4xf32>
  }
  %sum = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %zero) -> (f32) {
    %x = memref.load %tmp[%i] : memref<4xf32>
    memref.store %x, %out[%i] : memref<4xf32>
    %s = arith.addf %acc, %x : f32
    scf.yield %s : f32
  }
  memref.dealloc %tmp : memref<4xf32>
  return %sum : f32
}

// -----

// A function of one kernel is left as it is.
// CHECK-LABEL: func.func @one_loop(
// CHECK:   scf.for
// CHECK-NOT: call
// CHECK-NOT: func.func private
func.func @one_loop(%out: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c4 step %c1 {
    memref.store %zero, %out[%i] : memref<4xf32>
  }
  return
}

// -----

// A kernel that only stores constants (a fill) is compiled for size.
// CHECK-LABEL: func.func private @fill_then_copy_kernel0(%{{.*}}: memref<4x64xf32>) attributes {passthrough = ["noinline", "minsize", "optsize"]}
// CHECK-LABEL: func.func private @fill_then_copy_kernel1(%{{.*}}: memref<4x64xf32>, %{{.*}}: memref<4x64xf32>) attributes {passthrough = ["noinline"]}
func.func @fill_then_copy(%in: memref<4x64xf32>, %out: memref<4x64xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c64 = arith.constant 64 : index
  %zero = arith.constant 0.0 : f32
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c64 step %c1 {
      memref.store %zero, %out[%i, %j] : memref<4x64xf32>
    }
  }
  scf.for %i = %c0 to %c4 step %c1 {
    scf.for %j = %c0 to %c64 step %c1 {
      %x = memref.load %in[%i, %j] : memref<4x64xf32>
      memref.store %x, %out[%i, %j] : memref<4x64xf32>
    }
  }
  return
}
