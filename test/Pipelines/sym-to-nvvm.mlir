// RUN: sym-opt %s --sym-to-nvvm="format=" | FileCheck %s
// RUN: sym-opt %s --sym-to-nvvm="format= chip=sm_80" | FileCheck %s --check-prefix=SM80
// The whole CUDA pipeline short of serializing the kernels (which needs
// the CUDA toolkit, see sym-to-nvvm-binary.mlir): inference, lowering,
// bufferization, the matmul as a shared-memory tiled kernel and the
// softmax as linearized kernels, all in one gpu.module in the NVVM dialect;
// the host code in the LLVM dialect, staging the caller's buffers and
// queueing the launches on one stream, waited for before the copy out.
// The 2x3 product is a skinny tile: 2 rows, 128 columns, 16 deep.

// CHECK-LABEL: llvm.func @main(
// CHECK: llvm.call @mgpuMemAlloc
// CHECK: "llvm.intr.memcpy"
// CHECK: gpu.launch_func <%[[STREAM:.*]] : !llvm.ptr> @main_kernel::@main_kernel blocks
// CHECK: gpu.launch_func <%[[STREAM]] : !llvm.ptr> @main_kernel::@main_kernel_1 blocks
// CHECK: llvm.call @mgpuStreamSynchronize(%[[STREAM]])
// CHECK: "llvm.intr.memcpy"
// CHECK: gpu.module @main_kernel [#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">]
// CHECK: llvm.func @main_kernel(
// CHECK-SAME: nvvm.kernel
// CHECK: llvm.mlir.global internal @__wg_main_kernel_1_0() {addr_space = 3 : i32} : !llvm.array<32 x f32>
// CHECK: llvm.mlir.global internal @__wg_main_kernel_1_1() {addr_space = 3 : i32} : !llvm.array<2048 x f32>
// CHECK: llvm.func @main_kernel_1(
// CHECK-SAME: nvvm.maxntid = array<i32: 256, 1, 1>
// CHECK: nvvm.barrier0
// CHECK: llvm.call @__nv_fmaf
// CHECK: nvvm.barrier0
// CHECK-NOT: gpu.module
// CHECK-NOT: linalg.
// CHECK-NOT: scf.
// CHECK-NOT: sym.
// SM80: chip = "sm_80"
func.func @main(%x: tensor<2x4xf32> {sym.name = "data"}, %w: tensor<*xf32> {sym.name = "w"}) -> tensor<*xf32> {
  %0 = sym.FullyConnected %x, %w {num_hidden = 3 : i64, no_bias = true} : (tensor<2x4xf32>, tensor<*xf32>) -> tensor<*xf32>
  %1 = sym.softmax %0 : (tensor<*xf32>) -> tensor<*xf32>
  return %1 : tensor<*xf32>
}
