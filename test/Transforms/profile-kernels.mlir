// RUN: sym-opt %s --symc-profile-kernels | FileCheck %s
// Each kernel (a loop nest, a call, a copy) is bracketed by the runtime's
// timer calls; ids index `symc.profile_kernels`, "<node>\t<kind>".
// CHECK: module attributes {symc.profile_kernels = ["conv0\09scf.for", "main\09copy", "sort\09call symc_sort"]}
// CHECK: func.func private @symc_profile_enter(i64)
// CHECK: func.func private @symc_profile_exit(i64)
// CHECK-LABEL: func.func @main
// CHECK: memref.alloc
// CHECK-NEXT: %[[ID0:.*]] = arith.constant 0 : i64
// CHECK-NEXT: call @symc_profile_enter(%[[ID0]])
// CHECK-NEXT: scf.for
// CHECK: call @symc_profile_exit(%[[ID0]])
// CHECK: call @symc_profile_enter(%{{.*}})
// CHECK-NEXT: memref.copy
// CHECK-NEXT: call @symc_profile_exit
// CHECK: call @symc_profile_enter
// CHECK-NEXT: call @symc_sort
// CHECK-NEXT: call @symc_profile_exit
func.func private @symc_sort(memref<4xf32>)
func.func @main(%a: memref<4xf32>, %b: memref<4xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %t = memref.alloc() : memref<4xf32>
  scf.for %i = %c0 to %c4 step %c1 {
    %v = memref.load %a[%i] : memref<4xf32>
    memref.store %v, %t[%i] : memref<4xf32>
  } loc(fused["conv0", "x.mlir":1:1])
  memref.copy %t, %b : memref<4xf32> to memref<4xf32>
  call @symc_sort(%b) : (memref<4xf32>) -> () loc("sort")
  memref.dealloc %t : memref<4xf32>
  return
}
