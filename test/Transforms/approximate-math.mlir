// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-approximate-math))' | FileCheck %s
// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-approximate-math{functions=erf}))' | FileCheck %s --check-prefix=ERF

// Every math function MLIR approximates becomes arithmetic (no libm call
// per element); with functions=erf, only erf does.
// CHECK-LABEL: func.func @activations
// CHECK-NOT: math.tanh
// CHECK-NOT: math.exp
// CHECK-NOT: math.log
// CHECK-NOT: math.erf
// CHECK: arith.mulf
// CHECK: return
// ERF-LABEL: func.func @activations
// ERF: math.tanh
// ERF: math.exp
// ERF: math.log
// ERF-NOT: math.erf
// ERF: return
func.func @activations(%x: vector<16xf32>) -> (vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>) {
  %0 = math.tanh %x : vector<16xf32>
  %1 = math.exp %x : vector<16xf32>
  %2 = math.log %x : vector<16xf32>
  %3 = math.erf %x : vector<16xf32>
  return %0, %1, %2, %3 : vector<16xf32>, vector<16xf32>, vector<16xf32>, vector<16xf32>
}
