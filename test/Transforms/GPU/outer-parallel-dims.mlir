// RUN: sym-opt %s --split-input-file --symc-gpu-outer-parallel-dims | FileCheck %s

// A sum over the channels of NCHW: iterators (n, c, hw) = (parallel,
// reduction, parallel) become (n, hw, c), so the parallel loop that
// becomes the kernel spans n x hw rather than n alone.
// CHECK-DAG: #[[IN:.*]] = affine_map<(d0, d1, d2) -> (d0, d2, d1)>
// CHECK-DAG: #[[OUT:.*]] = affine_map<(d0, d1, d2) -> (d0, d1)>
// CHECK-LABEL: func @channel_sum
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[OUT]]], iterator_types = ["parallel", "parallel", "reduction"]}
// CHECK:   arith.addf
#in = affine_map<(n, c, p) -> (n, c, p)>
#out = affine_map<(n, c, p) -> (n, p)>
func.func @channel_sum(%x: memref<1x21x4096xf32>, %y: memref<1x4096xf32>) {
  linalg.generic {indexing_maps = [#in, #out], iterator_types = ["parallel", "reduction", "parallel"]}
      ins(%x : memref<1x21x4096xf32>) outs(%y : memref<1x4096xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %s = arith.addf %a, %acc : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// A named op is generalized first; linalg.index 0 (the reduction) now
// reads loop 1.
// CHECK-DAG: #[[SECOND:.*]] = affine_map<(d0, d1) -> (d1)>
// CHECK-LABEL: func @named_and_index
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: linalg.generic {{.*}} iterator_types = ["parallel", "reduction"]
// CHECK:   %[[I0:.*]] = linalg.index 0
// CHECK:   %[[I1:.*]] = linalg.index 1
// CHECK:   affine.apply #[[SECOND]](%[[I0]], %[[I1]])
func.func @named_and_index(%x: memref<8x16x4xf32>, %y: memref<8x4xf32>, %i: memref<8xf32>) {
  linalg.reduce ins(%x : memref<8x16x4xf32>) outs(%y : memref<8x4xf32>) dimensions = [1]
    (%a: f32, %acc: f32) {
      %s = arith.maxnumf %a, %acc : f32
      linalg.yield %s : f32
    }
  linalg.generic {indexing_maps = [affine_map<(r, p) -> (p, r)>, affine_map<(r, p) -> (p)>],
                  iterator_types = ["reduction", "parallel"]}
      ins(%y : memref<8x4xf32>) outs(%i : memref<8xf32>) {
  ^bb0(%a: f32, %acc: f32):
    %r = linalg.index 0 : index
    %ri = arith.index_cast %r : index to i32
    %rf = arith.sitofp %ri : i32 to f32
    %m = arith.mulf %a, %rf : f32
    %s = arith.addf %m, %acc : f32
    linalg.yield %s : f32
  }
  return
}

// -----

// Already parallel first: left as it is (still a named op).
// CHECK-LABEL: func @untouched
// CHECK: linalg.matmul
func.func @untouched(%a: memref<4x4xf32>, %b: memref<4x4xf32>, %c: memref<4x4xf32>) {
  linalg.matmul ins(%a, %b : memref<4x4xf32>, memref<4x4xf32>) outs(%c : memref<4x4xf32>)
  return
}
