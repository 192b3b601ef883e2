// RUN: sym-opt %s --symc-gpu-upload-constants | FileCheck %s

// Host code reaches constant data through symcGpuConstant(ptr, bytes);
// mutable globals and kernels' own globals stay as they are.
// CHECK: llvm.func @symcGpuConstant(!llvm.ptr, i64) -> !llvm.ptr
// CHECK: gpu.module @kernels
// CHECK-NOT: symcGpuConstant
// CHECK-LABEL: llvm.func @main
// CHECK: %[[W:.*]] = llvm.mlir.addressof @weights : !llvm.ptr
// CHECK: %[[BYTES:.*]] = llvm.mlir.constant(24 : i64) : i64
// CHECK: %[[DEV:.*]] = llvm.call @symcGpuConstant(%[[W]], %[[BYTES]])
// CHECK: llvm.getelementptr %[[DEV]][1]
// CHECK: %[[C:.*]] = llvm.mlir.addressof @counter
// CHECK-NOT: symcGpuConstant
// CHECK: llvm.load %[[C]]
module attributes {gpu.container_module} {
  llvm.mlir.global private constant @weights(dense<[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]> : tensor<6xf32>) : !llvm.array<6 x f32>
  llvm.mlir.global private @counter(0 : i64) : i64
  gpu.module @kernels {
    llvm.mlir.global private constant @table(dense<[1.0, 2.0]> : tensor<2xf32>) : !llvm.array<2 x f32>
    llvm.func @uses_table() -> !llvm.ptr {
      %t = llvm.mlir.addressof @table : !llvm.ptr
      llvm.return %t : !llvm.ptr
    }
  }
  llvm.func @main() -> f32 {
    %w = llvm.mlir.addressof @weights : !llvm.ptr
    %p = llvm.getelementptr %w[1] : (!llvm.ptr) -> !llvm.ptr, f32
    %v = llvm.load %p : !llvm.ptr -> f32
    %c = llvm.mlir.addressof @counter : !llvm.ptr
    %n = llvm.load %c : !llvm.ptr -> i64
    llvm.return %v : f32
  }
}
