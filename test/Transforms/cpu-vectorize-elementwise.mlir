// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(symc-cpu-vectorize-elementwise{vector-bits=512}))' | FileCheck %s

// BatchNorm's scale and shift with ReLU over NHWC: one vector row of the
// channels (64 = four 16-lane vectors) per pixel, the per-channel operands
// read as vectors of the same channels.
// CHECK-LABEL: func @scale_shift_relu
// CHECK: scf.for {{.*}} to %c4 step %c1
// CHECK:   scf.for {{.*}} to %c4 step %c1
// CHECK-NOT: scf.for
// CHECK:     %[[X:.*]] = vector.transfer_read %{{.*}} : tensor<1x1x1x64xf32>, vector<64xf32>
// CHECK:     %[[S:.*]] = vector.transfer_read %{{.*}} : tensor<64xf32>, vector<64xf32>
// CHECK:     arith.mulf %[[X]], %[[S]] : vector<64xf32>
// CHECK:     arith.maximumf {{.*}} : vector<64xf32>
// CHECK:     vector.transfer_write {{.*}} : vector<64xf32>, tensor<1x1x1x64xf32>
// CHECK-NOT: linalg.generic
#id = affine_map<(n, h, w, c) -> (n, h, w, c)>
#c = affine_map<(n, h, w, c) -> (c)>
func.func @scale_shift_relu(%x: tensor<1x4x4x64xf32>, %s: tensor<64xf32>, %b: tensor<64xf32>) -> tensor<1x4x4x64xf32> {
  %e = tensor.empty() : tensor<1x4x4x64xf32>
  %zero = arith.constant 0.0 : f32
  %y = linalg.generic {indexing_maps = [#id, #c, #c, #id], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x, %s, %b : tensor<1x4x4x64xf32>, tensor<64xf32>, tensor<64xf32>) outs(%e : tensor<1x4x4x64xf32>) {
  ^bb0(%a: f32, %sc: f32, %sh: f32, %o: f32):
    %m = arith.mulf %a, %sc : f32
    %t = arith.addf %m, %sh : f32
    %r = arith.maximumf %t, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1x4x4x64xf32>
  return %y : tensor<1x4x4x64xf32>
}

// -----

// An innermost extent of four vectors or more that no vector divides, and
// a read across the innermost loop (a transpose), stay for the loop
// lowering.
// CHECK-LABEL: func @ragged
// CHECK: linalg.generic
// CHECK-NOT: vector.transfer_read
// CHECK-LABEL: func @transposing
// CHECK: linalg.generic
// CHECK-NOT: vector.transfer_read
#id2 = affine_map<(i, j) -> (i, j)>
#t2 = affine_map<(i, j) -> (j, i)>
func.func @ragged(%x: tensor<4x100xf32>) -> tensor<4x100xf32> {
  %e = tensor.empty() : tensor<4x100xf32>
  %y = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x100xf32>) outs(%e : tensor<4x100xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<4x100xf32>
  return %y : tensor<4x100xf32>
}
func.func @transposing(%x: tensor<32x32xf32>) -> tensor<32x32xf32> {
  %e = tensor.empty() : tensor<32x32xf32>
  %y = linalg.generic {indexing_maps = [#t2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<32x32xf32>) outs(%e : tensor<32x32xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<32x32xf32>
  return %y : tensor<32x32xf32>
}

// -----

// Dynamic outer extents (a thread's uneven chunk from symc-cpu-parallelize)
// loop one element at a time around the same vector row.
// CHECK-LABEL: func @dynamic_rows
// CHECK: scf.for {{.*}} to %{{.*}} step %c1
// CHECK:   vector.transfer_read {{.*}} : tensor<1x64xf32>, vector<64xf32>
// CHECK:   math.exp {{.*}} : vector<64xf32>
func.func @dynamic_rows(%x: tensor<?x64xf32>, %e: tensor<?x64xf32>) -> tensor<?x64xf32> {
  %y = linalg.generic {indexing_maps = [affine_map<(i, j) -> (i, j)>, affine_map<(i, j) -> (i, j)>], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<?x64xf32>) outs(%e : tensor<?x64xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<?x64xf32>
  return %y : tensor<?x64xf32>
}

// -----

// An innermost extent under four vectors is one vector of its own length
// (a small convolution's 10 channels), and an operand broadcast along the
// innermost loop (a per-row scale) is read as a scalar and broadcast: its
// tile is one element, whose 0-D transfer would have no LLVM lowering.
// CHECK-LABEL: func @short_rows
// CHECK: scf.for {{.*}} to %c4 step %c1
// CHECK:   %[[X:.*]] = vector.transfer_read %{{.*}} : tensor<1x10xf32>, vector<10xf32>
// CHECK:   %[[S:.*]] = tensor.extract %{{.*}} : tensor<1xf32>
// CHECK:   %[[B:.*]] = vector.broadcast %[[S]] : f32 to vector<10xf32>
// CHECK:   arith.mulf %[[X]], %[[B]] : vector<10xf32>
// CHECK-NOT: linalg.generic
#row = affine_map<(i, j) -> (i)>
#id3 = affine_map<(i, j) -> (i, j)>
func.func @short_rows(%x: tensor<4x10xf32>, %s: tensor<4xf32>) -> tensor<4x10xf32> {
  %e = tensor.empty() : tensor<4x10xf32>
  %y = linalg.generic {indexing_maps = [#id3, #row, #id3], iterator_types = ["parallel", "parallel"]}
      ins(%x, %s : tensor<4x10xf32>, tensor<4xf32>) outs(%e : tensor<4x10xf32>) {
  ^bb0(%a: f32, %b: f32, %o: f32):
    %r = arith.mulf %a, %b : f32
    linalg.yield %r : f32
  } -> tensor<4x10xf32>
  return %y : tensor<4x10xf32>
}

// -----

// A reduction along the innermost loop (softmax's sum over rows of 384):
// each row read whole as one vector and reduced once, into its element of
// the accumulator, rather than left to loops whose accumulator goes through
// memory at every element.
// CHECK-LABEL: func @row_sums
// CHECK: scf.for {{.*}} to %c4 step %c1
// CHECK:   %[[ROW:.*]] = vector.transfer_read %{{.*}} : tensor<1x384xf32>, vector<384xf32>
// CHECK:   vector.reduction <add>, %[[ROW]], %{{.*}} : vector<384xf32> into f32
// CHECK-NOT: linalg.generic
#row = affine_map<(i, j) -> (i, j)>
#acc = affine_map<(i, j) -> (i)>
func.func @row_sums(%x: tensor<4x384xf32>) -> tensor<4xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<4xf32>) -> tensor<4xf32>
  %sum = linalg.generic {indexing_maps = [#row, #acc], iterator_types = ["parallel", "reduction"]}
      ins(%x : tensor<4x384xf32>) outs(%init : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  return %sum : tensor<4xf32>
}

// -----

// Reductions it leaves to the loop lowering: along an outer loop, and rows
// longer than 1024 elements.
// CHECK-LABEL: func @other_reductions
// CHECK: linalg.generic {{.*}}iterator_types = ["reduction", "parallel"]
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK-NOT: vector.reduction
#t = affine_map<(j, i) -> (j, i)>
#tacc = affine_map<(j, i) -> (i)>
#long = affine_map<(i, j) -> (i, j)>
#longacc = affine_map<(i, j) -> (i)>
func.func @other_reductions(%x: tensor<4x384xf32>, %y: tensor<2x2048xf32>) -> (tensor<384xf32>, tensor<2xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<384xf32>
  %init = linalg.fill ins(%zero : f32) outs(%e : tensor<384xf32>) -> tensor<384xf32>
  %cols = linalg.generic {indexing_maps = [#t, #tacc], iterator_types = ["reduction", "parallel"]}
      ins(%x : tensor<4x384xf32>) outs(%init : tensor<384xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<384xf32>
  %e2 = tensor.empty() : tensor<2xf32>
  %init2 = linalg.fill ins(%zero : f32) outs(%e2 : tensor<2xf32>) -> tensor<2xf32>
  %long = linalg.generic {indexing_maps = [#long, #longacc], iterator_types = ["parallel", "reduction"]}
      ins(%y : tensor<2x2048xf32>) outs(%init2 : tensor<2xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.addf %a, %o : f32
    linalg.yield %s : f32
  } -> tensor<2xf32>
  return %cols, %long : tensor<384xf32>, tensor<2xf32>
}
