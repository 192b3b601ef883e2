// RUN: sym-opt %s --sym-to-llvm | FileCheck %s
// The whole CPU pipeline: inference, lowering, bufferization with the
// result as a caller-owned out-param, LLVM dialect.

// CHECK: llvm.func @main(
// CHECK-NOT: sym.
// CHECK: llvm.return
func.func @main(%x: tensor<2x4xf32> {sym.name = "data"}, %w: tensor<*xf32> {sym.name = "w"}) -> tensor<*xf32> {
  %0 = sym.FullyConnected %x, %w {num_hidden = 3 : i64, no_bias = true} : (tensor<2x4xf32>, tensor<*xf32>) -> tensor<*xf32>
  %1 = sym.softmax %0 : (tensor<*xf32>) -> tensor<*xf32>
  return %1 : tensor<*xf32>
}
