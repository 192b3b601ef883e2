// RUN: sym-opt %s -split-input-file --symc-cpu-parallelize="threads=2 min-iterations=1024" | FileCheck %s

// An elementwise op over NCHW: batch 1 cannot be shared, the 64 channels
// can: an scf.forall of 2 chunks of 32 channels.
// CHECK-LABEL: func @elementwise
// CHECK: scf.forall (%[[C:.*]]) = (0) to (64) step (32) shared_outs(%[[OUT:.*]] = %{{.*}})
// CHECK:   tensor.extract_slice %{{.*}}[0, %[[C]], 0, 0] [1, 32, 8, 8]
// CHECK:   linalg.generic {{.*}} ins(%{{.*}} : tensor<1x32x8x8xf32>)
// CHECK:   tensor.parallel_insert_slice %{{.*}} into %[[OUT]][0, %[[C]], 0, 0] [1, 32, 8, 8]
#map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>
func.func @elementwise(%x: tensor<1x64x8x8xf32>) -> tensor<1x64x8x8xf32> {
  %e = tensor.empty() : tensor<1x64x8x8xf32>
  %r = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x64x8x8xf32>) outs(%e : tensor<1x64x8x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = arith.mulf %a, %a : f32
    linalg.yield %s : f32
  } -> tensor<1x64x8x8xf32>
  return %r : tensor<1x64x8x8xf32>
}

// -----

// Too small (256 points), or inside a loop (a schedule's tile): serial.
// CHECK-LABEL: func @stays_serial
// CHECK-NOT: scf.forall
func.func @stays_serial(%x: tensor<4x64xf32>, %y: tensor<64x64xf32>) -> (tensor<4x64xf32>, tensor<64x64xf32>) {
  %e = tensor.empty() : tensor<4x64xf32>
  %c0 = arith.constant 0.0 : f32
  %r = linalg.fill ins(%c0 : f32) outs(%e : tensor<4x64xf32>) -> tensor<4x64xf32>
  %lb = arith.constant 0 : index
  %ub = arith.constant 1 : index
  %t = scf.for %i = %lb to %ub step %ub iter_args(%acc = %y) -> tensor<64x64xf32> {
    %f = linalg.fill ins(%c0 : f32) outs(%acc : tensor<64x64xf32>) -> tensor<64x64xf32>
    scf.yield %f : tensor<64x64xf32>
  }
  return %r, %t : tensor<4x64xf32>, tensor<64x64xf32>
}
