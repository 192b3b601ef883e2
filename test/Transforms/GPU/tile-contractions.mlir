// RUN: sym-opt %s --split-input-file --symc-gpu-tile-contractions -cse | FileCheck %s

// 100 x 70 += (100 x 40)(40 x 70): 64 x 64 block tiles over (N, M) = 2 x 2
// blocks of 256 threads, operands staged 16 deep in shared memory with a
// barrier on each side, 4 x 4 accumulators per thread in a private buffer;
// reads beyond the edges give 0 and writes there are skipped. The K loop
// runs to 48, K rounded up to whole 16-deep slices.
// CHECK-LABEL: func @matmul
// CHECK-DAG: %[[C2:.*]] = arith.constant 2 : index
// CHECK-DAG: %[[C256:.*]] = arith.constant 256 : index
// CHECK-DAG: %[[C48:.*]] = arith.constant 48 : index
// CHECK-DAG: %[[C16:.*]] = arith.constant 16 : index
// CHECK: gpu.launch blocks(%[[BX:.*]], %[[BY:.*]], %{{.*}}) in (%{{.*}} = %[[C2]], %{{.*}} = %[[C2]], %{{.*}} = %c1{{.*}}) threads(%[[TID:.*]], %{{.*}}, %{{.*}}) in (%{{.*}} = %[[C256]],
// CHECK-SAME: workgroup(%[[TA:.*]] : memref<16x64xf32, #gpu.address_space<workgroup>>, %[[TB:.*]] : memref<16x64xf32, #gpu.address_space<workgroup>>)
// CHECK-SAME: private(%[[ACC:.*]] : memref<4x4xf32, #gpu.address_space<private>>)
// CHECK: %[[ZERO:.*]] = arith.constant 0.000000e+00 : f32
// CHECK-COUNT-16: memref.store %[[ZERO]], %[[ACC]]
// CHECK: scf.for %[[K0:.*]] = %{{.*}} to %[[C48]] step %[[C16]]
// CHECK:   scf.if
// CHECK:     memref.load %arg0
// CHECK:   } else {
// CHECK:     scf.yield %[[ZERO]] : f32
// CHECK:   memref.store %{{.*}}, %[[TA]]
// CHECK:   memref.load %arg1
// CHECK:   memref.store %{{.*}}, %[[TB]]
// CHECK:   gpu.barrier
// CHECK:   scf.for
// CHECK-COUNT-4: memref.load %[[TA]]
// CHECK-COUNT-4: memref.load %[[TB]]
// CHECK:     math.fma
// CHECK:   gpu.barrier
// CHECK: arith.cmpi ult
// CHECK: scf.if
// CHECK:   memref.load %[[ACC]]
// CHECK:   memref.load %arg2
// CHECK:   arith.addf
// CHECK:   memref.store %{{.*}}, %arg2
// CHECK-NOT: linalg.matmul
func.func @matmul(%a: memref<100x40xf32>, %b: memref<40x70xf32>, %c: memref<100x70xf32>) {
  linalg.matmul ins(%a, %b : memref<100x40xf32>, memref<40x70xf32>) outs(%c : memref<100x70xf32>)
  return
}

// -----

// A fully connected layer at batch 1: one row, 256 threads across 256
// columns each, and only 4 such tiles, so K = 512 is split in 4 slices of
// 128 (grid z) whose partial sums are added atomically; batch_matmul: one
// block row per batch (grid z), K = 32 too short to split.
// CHECK-LABEL: func @skinny_and_batched
// CHECK: gpu.launch {{.*}} in (%{{.*}} = %c4{{.*}}, %{{.*}} = %c1{{.*}}, %{{.*}} = %c4{{.*}}) threads
// CHECK-SAME: workgroup(%{{.*}} : memref<16x1xf32, #gpu.address_space<workgroup>>, %{{.*}} : memref<16x256xf32, #gpu.address_space<workgroup>>)
// CHECK-SAME: private(%{{.*}} : memref<1x1xf32, #gpu.address_space<private>>)
// CHECK: scf.for %{{.*}} = %{{.*}} to %c128
// CHECK: memref.atomic_rmw addf %{{.*}}, %arg2
// CHECK: gpu.launch {{.*}} in (%{{.*}} = %c1{{.*}}, %{{.*}} = %c1{{.*}}, %{{.*}} = %c12{{.*}}) threads
// CHECK: memref.load %arg3[%{{.*}}, %{{.*}}, %{{.*}}]
// CHECK-NOT: memref.atomic_rmw
func.func @skinny_and_batched(%x: memref<1x512xf32>, %w: memref<512x1000xf32>, %y: memref<1x1000xf32>,
                              %q: memref<12x64x32xf32>, %k: memref<12x32x64xf32>, %s: memref<12x64x64xf32>) {
  linalg.matmul ins(%x, %w : memref<1x512xf32>, memref<512x1000xf32>) outs(%y : memref<1x1000xf32>)
  linalg.batch_matmul ins(%q, %k : memref<12x64x32xf32>, memref<12x32x64xf32>) outs(%s : memref<12x64x64xf32>)
  return
}

// -----

// A strided convolution as an implicit GEMM: M = 8 filters, N = 2*3*3 output
// pixels, K = 4*3*3 taps; the input is read at (oh*2 + kh, ow*2 + kw).
// CHECK-LABEL: func @conv
// CHECK: gpu.launch
// CHECK: scf.for %{{.*}} = %{{.*}} to %c48
// CHECK: memref.load %arg1[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : memref<8x4x3x3xf32>
// CHECK: arith.muli %{{.*}}, %c2
// CHECK: memref.load %arg0[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : memref<2x4x7x7xf32>
// CHECK: memref.store %{{.*}}, %arg2[%{{.*}}, %{{.*}}, %{{.*}}, %{{.*}}] : memref<2x8x3x3xf32>
// CHECK-NOT: linalg.conv
func.func @conv(%in: memref<2x4x7x7xf32>, %w: memref<8x4x3x3xf32>, %out: memref<2x8x3x3xf32>) {
  linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
    ins(%in, %w : memref<2x4x7x7xf32>, memref<8x4x3x3xf32>) outs(%out : memref<2x8x3x3xf32>)
  return
}

// -----

// Split-K: a 16 x 16 output is one tile, far too few blocks for a GPU, so
// K = 4096 is split into 32 slices of 128, one per block (grid z). Each
// block starts at (bz mod 32) * 128 and adds its partial sums atomically.
// CHECK-LABEL: func @split_k
// CHECK: gpu.launch blocks(%{{.*}}, %{{.*}}, %[[BZ:.*]]) in (%{{.*}} = %c1{{.*}}, %{{.*}} = %c1{{.*}}, %{{.*}} = %c32{{.*}}) threads
// CHECK: scf.for %[[K0:.*]] = %{{.*}} to %c128{{.*}} step %c16
// CHECK:   %[[SLICE:.*]] = arith.remui %[[BZ]], %c32
// CHECK:   %[[START:.*]] = arith.muli %[[SLICE]], %c128
// CHECK:   arith.addi %[[START]], %[[K0]]
// CHECK: memref.atomic_rmw addf %{{.*}}, %arg2
// CHECK-NOT: arith.addf
func.func @split_k(%a: memref<16x4096xf32>, %b: memref<4096x16xf32>, %c: memref<16x16xf32>) {
  linalg.matmul ins(%a, %b : memref<16x4096xf32>, memref<4096x16xf32>) outs(%c : memref<16x16xf32>)
  return
}

// -----

// Dynamic shapes and other element types keep the generic path.
// CHECK-LABEL: func @untouched
// CHECK-NOT: gpu.launch
// CHECK: linalg.matmul
// CHECK: linalg.matmul
func.func @untouched(%a: memref<?x4xf32>, %b: memref<4x4xf32>, %c: memref<?x4xf32>,
                     %i: memref<4x4xi32>, %j: memref<4x4xi32>, %k: memref<4x4xi32>) {
  linalg.matmul ins(%a, %b : memref<?x4xf32>, memref<4x4xf32>) outs(%c : memref<?x4xf32>)
  linalg.matmul ins(%i, %j : memref<4x4xi32>, memref<4x4xi32>) outs(%k : memref<4x4xi32>)
  return
}
