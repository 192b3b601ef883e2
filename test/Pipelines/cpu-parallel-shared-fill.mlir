// RUN: sym-opt %s --linalg-to-llvm-cpu="parallel=true" | FileCheck %s
// RUN: sym-opt %s --linalg-to-llvm-cpu | FileCheck %s
// Two matmuls start from the same zero fill (CSE merges identical fills).
// With threads, symc-cpu-parallelize turns fills into loops; each matmul
// gets its own fill before that, so that bufferization does not fill one
// buffer and copy it into each matmul's accumulator.
// CHECK-LABEL: llvm.func @main(
// CHECK-NOT: llvm.intr.memcpy
// CHECK: llvm.return
func.func @main(%a: tensor<256x256xf32>, %b: tensor<256x256xf32>) -> (tensor<256x256xf32>, tensor<256x256xf32>) {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<256x256xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<256x256xf32>) -> tensor<256x256xf32>
  %0 = linalg.matmul ins(%a, %b : tensor<256x256xf32>, tensor<256x256xf32>) outs(%fill : tensor<256x256xf32>) -> tensor<256x256xf32>
  %1 = linalg.matmul ins(%b, %a : tensor<256x256xf32>, tensor<256x256xf32>) outs(%fill : tensor<256x256xf32>) -> tensor<256x256xf32>
  return %0, %1 : tensor<256x256xf32>, tensor<256x256xf32>
}
