// RUN: sym-opt %s --split-input-file --symc-gpu-merge-kernel-modules | FileCheck %s
// RUN: sym-opt %s --split-input-file --symc-gpu-merge-kernel-modules | FileCheck %s --check-prefix=NAMED

// Three outlined kernels, all named main_kernel, end up in the first
// module under their modules' names; the launches follow them.
// CHECK: gpu.module @main_kernel {
// CHECK-DAG: gpu.func @main_kernel(
// CHECK-DAG: gpu.func @main_kernel_0(
// CHECK-DAG: gpu.func @main_kernel_1(
// CHECK: }
// CHECK-NOT: gpu.module
// CHECK: func.func @main
// CHECK: gpu.launch_func @main_kernel::@main_kernel blocks
// CHECK: gpu.launch_func @main_kernel::@main_kernel_0 blocks
// CHECK: gpu.launch_func @main_kernel::@main_kernel_1 blocks
module attributes {gpu.container_module} {
  gpu.module @main_kernel {
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @main_kernel_0 {
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @main_kernel_1 {
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  func.func @main(%a: memref<4xf32>) {
    %c1 = arith.constant 1 : index
    gpu.launch_func @main_kernel::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>)
    gpu.launch_func @main_kernel_0::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>)
    gpu.launch_func @main_kernel_1::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>)
    return
  }
}

// -----

// Kernels are named after the MXNet node of their launch (made a PTX
// identifier, uniqued), so that the PTX and profilers name the layers.
// NAMED: gpu.module @main_kernel {
// NAMED-DAG: gpu.func @stage1_conv0_fwd(
// NAMED-DAG: gpu.func @stage1_conv0_fwd_0(
// NAMED-DAG: gpu.func @k_0_relu(
// NAMED: gpu.launch_func @main_kernel::@stage1_conv0_fwd blocks
// NAMED: gpu.launch_func @main_kernel::@stage1_conv0_fwd_0 blocks
// NAMED: gpu.launch_func @main_kernel::@k_0_relu blocks
module attributes {gpu.container_module} {
  gpu.module @main_kernel {
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @main_kernel_0 {
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  gpu.module @main_kernel_1 {
    gpu.func @main_kernel(%a: memref<4xf32>) kernel {
      gpu.return
    }
  }
  func.func @main(%a: memref<4xf32>) {
    %c1 = arith.constant 1 : index
    gpu.launch_func @main_kernel::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>) loc("stage1_conv0_fwd")
    gpu.launch_func @main_kernel_0::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>) loc(fused["stage1.conv0-fwd", "x.py":1:1])
    gpu.launch_func @main_kernel_1::@main_kernel blocks in (%c1, %c1, %c1) threads in (%c1, %c1, %c1) args(%a : memref<4xf32>) loc("0/relu")
    return
  }
}
