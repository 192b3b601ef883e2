// REQUIRES: cuda-toolkit
// RUN: sym-opt %s --sym-to-nvvm | FileCheck %s
// RUN: sym-opt %s --sym-to-nvvm="format=bin" | FileCheck %s --check-prefix=CUBIN
// The kernels serialized: PTX for sm_90 from LLVM's NVPTX backend (format
// isa, the default), or a cubin from ptxas.

// CHECK: gpu.binary @main_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, properties = {{.*}}, assembly = "{{.*}}.target sm_90{{.*}}.visible .entry main_kernel(
// CUBIN: gpu.binary @main_kernel  [#gpu.object<#nvvm.target<O = 3, chip = "sm_90", features = "+ptx80">, properties = {{.*}}, bin = "
func.func @main(%x: tensor<2x4xf32> {sym.name = "data"}) -> tensor<*xf32> {
  %0 = sym.relu %x : (tensor<2x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
