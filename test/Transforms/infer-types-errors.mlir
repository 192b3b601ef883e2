// RUN: not sym-opt %s -pass-pipeline='builtin.module(func.func(sym-infer-types{types=b=float32}))' 2>&1 | FileCheck %s
// MXNet's ElemwiseType message for mixed input dtypes.

func.func @mixed(%x: tensor<*xf32> {sym.name = "data"}, %b: tensor<*x!sym.unknown> {sym.name = "b"}) -> tensor<*x!sym.unknown> {
  %0 = sym.Cast %x {dtype = f16} : (tensor<*xf32>) -> tensor<*x!sym.unknown>
  // CHECK: error: loc("add0"): Error in operator add0: Check failed: assign(&dattr, vec.at(i)): Incompatible attr in node add0 at 1-th input: expected float16, got float32
  %1 = sym.elemwise_add %0, %b : (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown> loc("add0")
  return %1 : tensor<*x!sym.unknown>
}
