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

// -----

// A kernel identical to one outlined before (a repeated layer) calls that
// one; kernels that differ in a constant, a global or a type stay apart.
memref.global "private" constant @w0 : memref<4xf32> = dense<1.0>
memref.global "private" constant @w1 : memref<4xf32> = dense<2.0>

// CHECK-LABEL: func.func private @repeated_kernel0(
// CHECK-LABEL: func.func private @repeated_kernel2(
// CHECK:         arith.constant 3.000000e+00
// CHECK-LABEL: func.func private @repeated_kernel3(
// CHECK:         memref.get_global @w1
// CHECK-LABEL: func.func private @repeated_kernel4(
// CHECK-SAME:    memref<8xf32>
// CHECK-NOT:   func.func private
// CHECK-LABEL: func.func @repeated(
// CHECK:   call @repeated_kernel0(%[[A:[a-z0-9]+]], %[[B:[a-z0-9]+]]) :
// CHECK:   call @repeated_kernel0(%[[B]], %[[A]]) :
// CHECK:   call @repeated_kernel2(
// CHECK:   call @repeated_kernel3(
// CHECK:   call @repeated_kernel4(
// CHECK:   call @repeated_kernel0(
func.func @repeated(%a: memref<4xf32>, %b: memref<4xf32>, %c: memref<8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %two = arith.constant 2.0 : f32
  %three = arith.constant 3.0 : f32
  %w0 = memref.get_global @w0 : memref<4xf32>
  %w1 = memref.get_global @w1 : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %a[%i] : memref<4xf32>
    %y = memref.load %w0[%i] : memref<4xf32>
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %two : f32
    memref.store %q, %b[%i] : memref<4xf32>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %b[%i] : memref<4xf32>
    %y = memref.load %w0[%i] : memref<4xf32>
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %two : f32
    memref.store %q, %a[%i] : memref<4xf32>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %a[%i] : memref<4xf32>
    %y = memref.load %w0[%i] : memref<4xf32>
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %three : f32
    memref.store %q, %b[%i] : memref<4xf32>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %a[%i] : memref<4xf32>
    %y = memref.load %w1[%i] : memref<4xf32>
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %two : f32
    memref.store %q, %b[%i] : memref<4xf32>
  }
  scf.for %i = %c0 to %c8 step %c1 {
    %x = memref.load %c[%i] : memref<8xf32>
    %q = arith.mulf %x, %two : f32
    memref.store %q, %c[%i] : memref<8xf32>
  }
  scf.for %i = %c0 to %c4 step %c1 {
    %x = memref.load %a[%i] : memref<4xf32>
    %y = memref.load %w0[%i] : memref<4xf32>
    %p = arith.mulf %x, %y : f32
    %q = arith.mulf %p, %two : f32
    memref.store %q, %b[%i] : memref<4xf32>
  }
  return
}
