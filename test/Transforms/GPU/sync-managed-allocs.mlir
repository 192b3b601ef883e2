// RUN: sym-opt %s --symc-gpu-sync-managed-allocs | FileCheck %s

// The managed allocation gpu-async-region made asynchronous is synchronous
// again; a gpu.wait stands for its token, so what depended on it still
// waits for the same work. Device allocations stay asynchronous.
// CHECK-LABEL: func @main
// CHECK: %[[T0:.*]] = gpu.wait async
// CHECK: %[[DEV:.*]], %[[T1:.*]] = gpu.alloc async [%[[T0]]] () : memref<64xf32>
// CHECK: %[[SHARED:.*]] = gpu.alloc  host_shared () : memref<64xf32>
// CHECK-NEXT: %[[T2:.*]] = gpu.wait async [%[[T1]]]
// CHECK: gpu.wait [%[[T2]]]
// CHECK: memref.copy %[[SHARED]]
func.func @main(%out: memref<64xf32>) {
  %t0 = gpu.wait async
  %dev, %t1 = gpu.alloc async [%t0] () : memref<64xf32>
  %shared, %t2 = gpu.alloc async [%t1] host_shared () : memref<64xf32>
  gpu.wait [%t2]
  memref.copy %shared, %out : memref<64xf32> to memref<64xf32>
  return
}
