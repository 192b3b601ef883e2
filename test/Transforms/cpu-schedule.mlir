// RUN: sym-opt %s -split-input-file --symc-cpu-schedule="tile-m=4 tile-n=16" | FileCheck %s
// Register-tiled matmuls: cache tiles that divide the extents, then 4 x 16
// register tiles whose k loop carries the accumulator in vector registers
// and computes it with FMAs (the AVX2 tile; AVX-512 hosts use 8 x 32).

// CHECK-LABEL: func @matmul
// CHECK: scf.for {{.*}} step %c4
// CHECK: scf.for {{.*}} step %c16
// CHECK: vector.transfer_read {{.*}} : tensor<4x16xf32>, vector<4x16xf32>
// CHECK: scf.for {{.*}} iter_args({{.*}}) -> (vector<4x16xf32>)
// CHECK-COUNT-4: vector.fma {{.*}} : vector<16xf32>
// CHECK-NOT: symc.cache_tile
func.func @matmul(%a: tensor<64x128xf32>, %b: tensor<128x64xf32>, %c: tensor<64x64xf32>) -> tensor<64x64xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<64x128xf32>, tensor<128x64xf32>) outs(%c : tensor<64x64xf32>) -> tensor<64x64xf32>
  return %r : tensor<64x64xf32>
}

// -----

// Extents the register tile does not divide keep the loop lowering.
// CHECK-LABEL: func @ragged
// CHECK: linalg.matmul
// CHECK-NOT: vector.fma
func.func @ragged(%a: tensor<3x10xf32>, %b: tensor<10x5xf32>, %c: tensor<3x5xf32>) -> tensor<3x5xf32> {
  %r = linalg.matmul ins(%a, %b : tensor<3x10xf32>, tensor<10x5xf32>) outs(%c : tensor<3x5xf32>) -> tensor<3x5xf32>
  return %r : tensor<3x5xf32>
}
