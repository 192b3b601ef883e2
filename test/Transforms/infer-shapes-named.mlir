// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(sym-infer-shapes{shapes=data=2x6x3}))' | FileCheck %s --check-prefix=NAMED
// The `shapes` option names arguments; SliceChannel, Concat along -1 and
// the -4 / -3 Reshape codes.
// NAMED-LABEL: func @named_split_concat
// NAMED-SAME: tensor<2x6x3xf32> {sym.name = "data"}) -> tensor<2x2x6xf32>
// NAMED: sym.SliceChannel {{.*}} -> (tensor<2x2x3xf32>, tensor<2x2x3xf32>, tensor<2x2x3xf32>)
func.func @named_split_concat(%x: tensor<*xf32> {sym.name = "data"}) -> tensor<*xf32> {
  %0:3 = sym.SliceChannel %x {num_outputs = 3 : i64} : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %1 = sym.Concat %0#0, %0#2 {num_args = 2 : i64, dim = -1 : i64} : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  %2 = sym.Reshape %1 {shape = array<i64: 0, 0, -4, 3, -1>} : (tensor<*xf32>) -> tensor<*xf32>
  %3 = sym.Reshape %2 {shape = array<i64: 0, 0, -3>} : (tensor<*xf32>) -> tensor<*xf32>
  return %3 : tensor<*xf32>
}
// NAMED: sym.Concat {{.*}} -> tensor<2x2x6xf32>
// NAMED: sym.Reshape {{.*}} -> tensor<2x2x3x2xf32>
