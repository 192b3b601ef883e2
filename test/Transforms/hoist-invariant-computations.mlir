// RUN: sym-opt %s --split-input-file --verify-diagnostics --symc-hoist-invariant-computations | FileCheck %s

// The weight's transpose depends only on invariant arguments: it moves
// into @main_prepare, whose result @main takes as a read-only trailing
// argument; the module records the hoisting. The bias broadcast is
// invariant too, but the matmul writes into it: a read-only prepared copy
// would be copied on every run, so it stays.
// CHECK: module attributes {symc.prepare = {arguments = array<i64: 1>, function = "main_prepare", types = [tensor<8x16xf32>]}}
// CHECK-LABEL: func.func @main(
// CHECK-SAME: %[[X:[^:]*]]: tensor<4x8xf32>, %{{.*}}: tensor<16x8xf32>, %[[B:[^:]*]]: tensor<16xf32>,
// CHECK-SAME: %[[WT:[^:]*]]: tensor<8x16xf32> {bufferization.writable = false})
// CHECK: %[[BB:.*]] = linalg.broadcast ins(%[[B]]
// CHECK-NEXT: %[[R:.*]] = linalg.matmul ins(%[[X]], %[[WT]] : {{.*}}) outs(%[[BB]] : {{.*}})
// CHECK-NEXT: return %[[R]]
// CHECK-LABEL: func.func @main_prepare(
// CHECK-SAME: %[[W:[^:]*]]: tensor<16x8xf32> {bufferization.writable = false})
// CHECK-SAME: -> tensor<8x16xf32> attributes {llvm.emit_c_interface, llvm.linkage = #llvm.linkage<internal>}
// CHECK: %[[T:.*]] = linalg.transpose ins(%[[W]]
// CHECK: return %[[T]]
// CHECK-NOT: symc.invariant
func.func @main(%x: tensor<4x8xf32>, %w: tensor<16x8xf32> {symc.invariant}, %b: tensor<16xf32> {symc.invariant}) -> tensor<4x16xf32> {
  %e = tensor.empty() : tensor<8x16xf32>
  %wt = linalg.transpose ins(%w : tensor<16x8xf32>) outs(%e : tensor<8x16xf32>) permutation = [1, 0]
  %e2 = tensor.empty() : tensor<4x16xf32>
  %bb = linalg.broadcast ins(%b : tensor<16xf32>) outs(%e2 : tensor<4x16xf32>) dimensions = [0]
  %r = linalg.matmul ins(%x, %wt : tensor<4x8xf32>, tensor<8x16xf32>) outs(%bb : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// Other argument attributes stay with their arguments (they once went out
// of step with the arguments, a crash).
// CHECK-LABEL: func.func @named(
// CHECK-SAME: %{{.*}}: tensor<4x8xf32> {sym.name = "x"}, %{{.*}}: tensor<16x8xf32> {sym.name = "w"},
// CHECK-SAME: %{{.*}}: tensor<8x16xf32> {bufferization.writable = false})
func.func @named(%x: tensor<4x8xf32> {sym.name = "x"}, %w: tensor<16x8xf32> {sym.name = "w", symc.invariant}) -> tensor<4x16xf32> {
  %e = tensor.empty() : tensor<8x16xf32>
  %wt = linalg.transpose ins(%w : tensor<16x8xf32>) outs(%e : tensor<8x16xf32>) permutation = [1, 0]
  %e2 = tensor.empty() : tensor<4x16xf32>
  %z = arith.constant 0.0 : f32
  %f = linalg.fill ins(%z : f32) outs(%e2 : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = linalg.matmul ins(%x, %wt : tensor<4x8xf32>, tensor<8x16xf32>) outs(%f : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// Nothing to prepare: a reshape of a weight is only a view, work on the
// input is not invariant, and without marks nothing is invariant.
// CHECK-NOT: symc.prepare
// CHECK-LABEL: func.func @views(
// CHECK: tensor.collapse_shape
// CHECK: linalg.matmul
// CHECK-NOT: func.func @views_prepare
func.func @views(%x: tensor<4x8xf32>, %w: tensor<8x4x4xf32> {symc.invariant}) -> tensor<4x16xf32> {
  %w2 = tensor.collapse_shape %w [[0], [1, 2]] : tensor<8x4x4xf32> into tensor<8x16xf32>
  %e = tensor.empty() : tensor<4x16xf32>
  %zero = arith.constant 0.0 : f32
  %z = linalg.fill ins(%zero : f32) outs(%e : tensor<4x16xf32>) -> tensor<4x16xf32>
  %r = linalg.matmul ins(%x, %w2 : tensor<4x8xf32>, tensor<8x16xf32>) outs(%z : tensor<4x16xf32>) -> tensor<4x16xf32>
  return %r : tensor<4x16xf32>
}

// -----

// Invariant values of dynamic shape stay in the entry (the runtime
// allocates the prepared values).
// CHECK-NOT: symc.prepare
// CHECK-LABEL: func.func @dynamic(
// CHECK: linalg.transpose
func.func @dynamic(%w: tensor<?x8xf32> {symc.invariant}, %n: index) -> tensor<8x?xf32> {
  %e = tensor.empty(%n) : tensor<8x?xf32>
  %wt = linalg.transpose ins(%w : tensor<?x8xf32>) outs(%e : tensor<8x?xf32>) permutation = [1, 0]
  %x = tensor.empty(%n) : tensor<8x?xf32>
  %r = linalg.add ins(%wt, %wt : tensor<8x?xf32>, tensor<8x?xf32>) outs(%x : tensor<8x?xf32>) -> tensor<8x?xf32>
  return %r : tensor<8x?xf32>
}

// -----

func.func @first(%w: tensor<4xf32> {symc.invariant}, %x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.add ins(%w, %w : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %o = tensor.empty() : tensor<4xf32>
  %s = linalg.mul ins(%r, %x : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}
// expected-error@+1 {{symc-hoist-invariant-computations handles one entry with invariant arguments, 'first' has them too}}
func.func @second(%w: tensor<4xf32> {symc.invariant}, %x: tensor<4xf32>) -> tensor<4xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %r = linalg.add ins(%w, %w : tensor<4xf32>, tensor<4xf32>) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %o = tensor.empty() : tensor<4xf32>
  %s = linalg.mul ins(%r, %x : tensor<4xf32>, tensor<4xf32>) outs(%o : tensor<4xf32>) -> tensor<4xf32>
  return %s : tensor<4xf32>
}
