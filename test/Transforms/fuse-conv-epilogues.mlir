// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-fuse-conv-epilogues))' -split-input-file | FileCheck %s

// A register-tiled nest computes each 8x32 tile of an empty tensor from
// scratch (one whole write per tile); a bias and ReLU read its result. The
// bias and ReLU are applied to each tile's vector before it is written,
// the nest writes the ReLU's destination (here the interior of a padded
// tensor, computed before the nest now), and the generic goes.
// CHECK-LABEL: func.func @bias_relu
// CHECK-SAME:  (%[[ACC:.*]]: vector<8x32xf32>, %[[BIAS:.*]]: tensor<32xf32>)
// CHECK:       %[[PADDED:.*]] = linalg.fill
// CHECK:       %[[INTERIOR:.*]] = tensor.extract_slice %[[PADDED]][0, 1, 0] [2, 16, 32]
// CHECK:       scf.for %[[I:.*]] = {{.*}} iter_args(%{{.*}} = %[[INTERIOR]])
// CHECK:       scf.for %[[J:.*]] = {{.*}} iter_args(
// CHECK:         %[[B:.*]] = vector.transfer_read %[[BIAS]][%c0{{.*}}], %{{.*}} {in_bounds = [true, true], permutation_map = #{{.*}}} : tensor<32xf32>, vector<8x32xf32>
// CHECK:         %[[SUM:.*]] = arith.addf %[[ACC]], %[[B]] : vector<8x32xf32>
// CHECK:         %[[RELU:.*]] = arith.maximumf %[[SUM]], %{{.*}} : vector<8x32xf32>
// CHECK:         vector.transfer_write %[[RELU]]
// CHECK-NOT:   linalg.generic
// CHECK:       tensor.insert_slice %{{.*}} into %[[PADDED]][0, 1, 0] [2, 16, 32]
func.func @bias_relu(%acc: vector<8x32xf32>, %bias: tensor<32xf32>) -> tensor<2x18x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<2x16x32xf32>
  %r = scf.for %i = %c0 to %c2 step %c1 iter_args(%a = %empty) -> (tensor<2x16x32xf32>) {
    %r2 = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %a) -> (tensor<2x16x32xf32>) {
      %s = tensor.extract_slice %b[%i, %j, 0] [1, 8, 32] [1, 1, 1] : tensor<2x16x32xf32> to tensor<1x8x32xf32>
      %view = tensor.extract_slice %s[0, 0, 0] [1, 8, 32] [1, 1, 1] : tensor<1x8x32xf32> to tensor<8x32xf32>
      %w = vector.transfer_write %acc, %view[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
      %back = tensor.insert_slice %w into %s[0, 0, 0] [1, 8, 32] [1, 1, 1] : tensor<8x32xf32> into tensor<1x8x32xf32>
      %ins = tensor.insert_slice %back into %b[%i, %j, 0] [1, 8, 32] [1, 1, 1] : tensor<1x8x32xf32> into tensor<2x16x32xf32>
      scf.yield %ins : tensor<2x16x32xf32>
    }
    scf.yield %r2 : tensor<2x16x32xf32>
  }
  %pe = tensor.empty() : tensor<2x18x32xf32>
  %padded = linalg.fill ins(%zero : f32) outs(%pe : tensor<2x18x32xf32>) -> tensor<2x18x32xf32>
  %interior = tensor.extract_slice %padded[0, 1, 0] [2, 16, 32] [1, 1, 1] : tensor<2x18x32xf32> to tensor<2x16x32xf32>
  %relu = linalg.generic {
      indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d1, d2)>, affine_map<(d0, d1, d2) -> (d2)>,
                       affine_map<(d0, d1, d2) -> (d0, d1, d2)>],
      iterator_types = ["parallel", "parallel", "parallel"]}
      ins(%r, %bias : tensor<2x16x32xf32>, tensor<32xf32>) outs(%interior : tensor<2x16x32xf32>) {
  ^bb0(%x: f32, %y: f32, %out: f32):
    %sum = arith.addf %x, %y : f32
    %max = arith.maximumf %sum, %zero : f32
    linalg.yield %max : f32
  } -> tensor<2x16x32xf32>
  %result = tensor.insert_slice %relu into %padded[0, 1, 0] [2, 16, 32] [1, 1, 1] : tensor<2x16x32xf32> into tensor<2x18x32xf32>
  return %result : tensor<2x18x32xf32>
}

// -----

// Tiles accumulated across the outer loop's iterations (blocks of input
// channels: each reads its tile back) are final only after the loop: the
// epilogue stays a pass of its own.
// CHECK-LABEL: func.func @accumulated
// CHECK:       scf.for
// CHECK:         vector.transfer_read
// CHECK:       linalg.generic
func.func @accumulated(%acc: vector<8x32xf32>) -> tensor<16x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<16x32xf32>
  %r = scf.for %block = %c0 to %c4 step %c1 iter_args(%a = %empty) -> (tensor<16x32xf32>) {
    %r2 = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %a) -> (tensor<16x32xf32>) {
      %s = tensor.extract_slice %b[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
      %old = vector.transfer_read %s[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<8x32xf32>, vector<8x32xf32>
      %sum = arith.addf %old, %acc : vector<8x32xf32>
      %w = vector.transfer_write %sum, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
      %ins = tensor.insert_slice %w into %b[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
      scf.yield %ins : tensor<16x32xf32>
    }
    scf.yield %r2 : tensor<16x32xf32>
  }
  %out = tensor.empty() : tensor<16x32xf32>
  %relu = linalg.generic {
      indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%r : tensor<16x32xf32>) outs(%out : tensor<16x32xf32>) {
  ^bb0(%x: f32, %o: f32):
    %max = arith.maximumf %x, %zero : f32
    linalg.yield %max : f32
  } -> tensor<16x32xf32>
  return %relu : tensor<16x32xf32>
}

// -----

// Two blocks of input channels, one nest each on a filter tile's slice
// of the accumulators: the first computes its tiles from scratch, the
// second adds to them (it reads them) and finishes them. The ReLU runs on
// the second nest's tiles, and the loop over filter tiles writes its
// destination.
// CHECK-LABEL: func.func @two_blocks
// CHECK:       scf.for {{.*}} -> (tensor<16x64xf32>)
// CHECK:         scf.for
// CHECK-NOT:       arith.maximumf
// CHECK:         scf.for
// CHECK:           vector.transfer_read
// CHECK:           %[[SUM:.*]] = arith.addf
// CHECK:           %[[RELU:.*]] = arith.maximumf %[[SUM]]
// CHECK:           vector.transfer_write %[[RELU]]
// CHECK-NOT:   linalg.generic
func.func @two_blocks(%a: vector<8x32xf32>, %b: vector<8x32xf32>) -> tensor<16x64xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c32 = arith.constant 32 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<16x64xf32>
  %tiles = scf.for %t = %c0 to %c2 step %c1 iter_args(%all = %empty) -> (tensor<16x64xf32>) {
    %column = arith.muli %t, %c32 : index
    %tile = tensor.extract_slice %all[0, %column] [16, 32] [1, 1] : tensor<16x64xf32> to tensor<16x32xf32>
    %first = scf.for %j = %c0 to %c16 step %c8 iter_args(%acc = %tile) -> (tensor<16x32xf32>) {
      %s = tensor.extract_slice %acc[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
      %w = vector.transfer_write %a, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
      %ins = tensor.insert_slice %w into %acc[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
      scf.yield %ins : tensor<16x32xf32>
    }
    %second = scf.for %j = %c0 to %c16 step %c8 iter_args(%acc = %first) -> (tensor<16x32xf32>) {
      %s = tensor.extract_slice %acc[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
      %old = vector.transfer_read %s[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<8x32xf32>, vector<8x32xf32>
      %sum = arith.addf %old, %b : vector<8x32xf32>
      %w = vector.transfer_write %sum, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
      %ins = tensor.insert_slice %w into %acc[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
      scf.yield %ins : tensor<16x32xf32>
    }
    %back = tensor.insert_slice %second into %all[0, %column] [16, 32] [1, 1] : tensor<16x32xf32> into tensor<16x64xf32>
    scf.yield %back : tensor<16x64xf32>
  }
  %out = tensor.empty() : tensor<16x64xf32>
  %relu = linalg.generic {
      indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%tiles : tensor<16x64xf32>) outs(%out : tensor<16x64xf32>) {
  ^bb0(%x: f32, %o: f32):
    %max = arith.maximumf %x, %zero : f32
    linalg.yield %max : f32
  } -> tensor<16x64xf32>
  return %relu : tensor<16x64xf32>
}

// -----

// A nest padded to whole register tiles (16 columns for 13), its result
// sliced back before the bias and ReLU: the epilogue runs over the padded
// result (the bias does not range over the columns), fused into the tiles,
// and its result is sliced instead.
// CHECK-LABEL: func.func @padded_columns
// CHECK:       %[[NEST:.*]] = scf.for
// CHECK:         arith.addf
// CHECK:         arith.maximumf
// CHECK:         vector.transfer_write
// CHECK-NOT:   linalg.generic
// CHECK:       %[[SLICE:.*]] = tensor.extract_slice %[[NEST]][0, 0] [13, 32] [1, 1] : tensor<16x32xf32> to tensor<13x32xf32>
// CHECK:       return %[[SLICE]]
func.func @padded_columns(%acc: vector<8x32xf32>, %bias: tensor<32xf32>) -> tensor<13x32xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<16x32xf32>
  %r = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %empty) -> (tensor<16x32xf32>) {
    %s = tensor.extract_slice %b[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
    %w = vector.transfer_write %acc, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
    %ins = tensor.insert_slice %w into %b[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
    scf.yield %ins : tensor<16x32xf32>
  }
  %real = tensor.extract_slice %r[0, 0] [13, 32] [1, 1] : tensor<16x32xf32> to tensor<13x32xf32>
  %out = tensor.empty() : tensor<13x32xf32>
  %relu = linalg.generic {
      indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>,
                       affine_map<(d0, d1) -> (d0, d1)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%real, %bias : tensor<13x32xf32>, tensor<32xf32>) outs(%out : tensor<13x32xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %sum = arith.addf %x, %y : f32
    %max = arith.maximumf %sum, %zero : f32
    linalg.yield %max : f32
  } -> tensor<13x32xf32>
  return %relu : tensor<13x32xf32>
}

// -----

// A residual operand that ranges over the sliced columns has no values for
// the padding: the slice and the epilogue stay as they are.
// CHECK-LABEL: func.func @padded_columns_residual
// CHECK:       %[[NEST:.*]] = scf.for
// CHECK:       %[[SLICE:.*]] = tensor.extract_slice %[[NEST]][0, 0] [13, 32]
// CHECK:       linalg.generic {{.*}} ins(%[[SLICE]], %{{.*}} : tensor<13x32xf32>, tensor<13x32xf32>)
func.func @padded_columns_residual(%acc: vector<8x32xf32>, %residual: tensor<13x32xf32>) -> tensor<13x32xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %empty = tensor.empty() : tensor<16x32xf32>
  %r = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %empty) -> (tensor<16x32xf32>) {
    %s = tensor.extract_slice %b[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
    %w = vector.transfer_write %acc, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
    %ins = tensor.insert_slice %w into %b[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
    scf.yield %ins : tensor<16x32xf32>
  }
  %real = tensor.extract_slice %r[0, 0] [13, 32] [1, 1] : tensor<16x32xf32> to tensor<13x32xf32>
  %out = tensor.empty() : tensor<13x32xf32>
  %sum = linalg.generic {
      indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>,
                       affine_map<(d0, d1) -> (d0, d1)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%real, %residual : tensor<13x32xf32>, tensor<13x32xf32>) outs(%out : tensor<13x32xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %s = arith.addf %x, %y : f32
    linalg.yield %s : f32
  } -> tensor<13x32xf32>
  return %sum : tensor<13x32xf32>
}

// -----

// A nest padded to whole filter tiles (32 filters for 28), its result
// sliced back before a per-filter bias and the ReLU: the bias, a vector,
// is padded with zeros to the padded filters, and the epilogue fuses into
// the tiles as above.
// CHECK-LABEL: func.func @padded_filters
// CHECK:       %[[BIAS:.*]] = tensor.pad %arg1 low[0] high[4]
// CHECK:       %[[NEST:.*]] = scf.for
// CHECK:         vector.transfer_read %[[BIAS]]
// CHECK:         arith.addf
// CHECK:         arith.maximumf
// CHECK:         vector.transfer_write
// CHECK-NOT:   linalg.generic
// CHECK:       %[[SLICE:.*]] = tensor.extract_slice %[[NEST]][0, 0] [16, 28] [1, 1] : tensor<16x32xf32> to tensor<16x28xf32>
// CHECK:       return %[[SLICE]]
func.func @padded_filters(%acc: vector<8x32xf32>, %bias: tensor<28xf32>) -> tensor<16x28xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<16x32xf32>
  %r = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %empty) -> (tensor<16x32xf32>) {
    %s = tensor.extract_slice %b[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
    %w = vector.transfer_write %acc, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
    %ins = tensor.insert_slice %w into %b[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
    scf.yield %ins : tensor<16x32xf32>
  }
  %real = tensor.extract_slice %r[0, 0] [16, 28] [1, 1] : tensor<16x32xf32> to tensor<16x28xf32>
  %out = tensor.empty() : tensor<16x28xf32>
  %relu = linalg.generic {
      indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d1)>,
                       affine_map<(d0, d1) -> (d0, d1)>],
      iterator_types = ["parallel", "parallel"]}
      ins(%real, %bias : tensor<16x28xf32>, tensor<28xf32>) outs(%out : tensor<16x28xf32>) {
  ^bb0(%x: f32, %y: f32, %o: f32):
    %sum = arith.addf %x, %y : f32
    %max = arith.maximumf %sum, %zero : f32
    linalg.yield %max : f32
  } -> tensor<16x28xf32>
  return %relu : tensor<16x28xf32>
}
