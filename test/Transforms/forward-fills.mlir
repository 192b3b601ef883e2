// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-forward-fills))' -split-input-file | FileCheck %s

// A register-tiled accumulator: each (row, column tile) iteration reads its
// own 8x32 slice of the filled tensor, accumulates and writes it back. The
// read is of zeros and the fill's value is never read: the read becomes a
// constant and the fill goes.
// CHECK-LABEL: func.func @tiles
// CHECK-NOT:   linalg.fill
// CHECK:       %[[EMPTY:.*]] = tensor.empty() : tensor<4x16x32xf32>
// CHECK:       scf.for {{.*}} iter_args(%{{.*}} = %[[EMPTY]])
// CHECK:       scf.for
// CHECK-NOT:   vector.transfer_read
// CHECK:       %[[ZERO:.*]] = arith.constant dense<0.000000e+00> : vector<8x32xf32>
// CHECK-NEXT:  arith.addf %[[ZERO]], %arg0
func.func @tiles(%v: vector<8x32xf32>) -> tensor<4x16x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x16x32xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x16x32xf32>) -> tensor<4x16x32xf32>
  %r = scf.for %i = %c0 to %c4 step %c1 iter_args(%a = %fill) -> (tensor<4x16x32xf32>) {
    %r2 = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %a) -> (tensor<4x16x32xf32>) {
      %s = tensor.extract_slice %b[%i, %j, 0] [1, 8, 32] [1, 1, 1] : tensor<4x16x32xf32> to tensor<8x32xf32>
      %acc = vector.transfer_read %s[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<8x32xf32>, vector<8x32xf32>
      %sum = arith.addf %acc, %v : vector<8x32xf32>
      %w = vector.transfer_write %sum, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
      %ins = tensor.insert_slice %w into %b[%i, %j, 0] [1, 8, 32] [1, 1, 1] : tensor<8x32xf32> into tensor<4x16x32xf32>
      scf.yield %ins : tensor<4x16x32xf32>
    }
    scf.yield %r2 : tensor<4x16x32xf32>
  }
  return %r : tensor<4x16x32xf32>
}

// -----

// Filter tiles at offsets `tile * 32`, in an scf.forall, each one filled
// and written through a whole view: the same.
// CHECK-LABEL: func.func @forall_tiles
// CHECK-NOT:   linalg.fill
// CHECK-NOT:   vector.transfer_read
// CHECK:       arith.constant dense<1.000000e+00> : vector<2x32xf32>
func.func @forall_tiles(%v: vector<2x32xf32>) -> tensor<2x64xf32> {
  %c0 = arith.constant 0 : index
  %c32 = arith.constant 32 : index
  %one = arith.constant 1.0 : f32
  %empty = tensor.empty() : tensor<2x64xf32>
  %fill = linalg.fill ins(%one : f32) outs(%empty : tensor<2x64xf32>) -> tensor<2x64xf32>
  %r = scf.forall (%t) in (2) shared_outs(%a = %fill) -> (tensor<2x64xf32>) {
    %first = arith.muli %t, %c32 : index
    %s = tensor.extract_slice %a[0, %first] [2, 32] [1, 1] : tensor<2x64xf32> to tensor<2x32xf32>
    %view = tensor.extract_slice %s[0, 0] [2, 32] [1, 1] : tensor<2x32xf32> to tensor<2x32xf32>
    %acc = vector.transfer_read %view[%c0, %c0], %one {in_bounds = [true, true]} : tensor<2x32xf32>, vector<2x32xf32>
    %sum = arith.addf %acc, %v : vector<2x32xf32>
    %w = vector.transfer_write %sum, %view[%c0, %c0] {in_bounds = [true, true]} : vector<2x32xf32>, tensor<2x32xf32>
    %back = tensor.insert_slice %w into %s[0, 0] [2, 32] [1, 1] : tensor<2x32xf32> into tensor<2x32xf32>
    scf.forall.in_parallel {
      tensor.parallel_insert_slice %back into %a[0, %first] [2, 32] [1, 1] : tensor<2x32xf32> into tensor<2x64xf32>
    }
  }
  return %r : tensor<2x64xf32>
}

// -----

// Blocks of input channels accumulate into the same slice in every
// iteration of the outer loop (its induction variable selects no offset):
// after the first block, the slice holds partial sums, so neither the read
// nor the fill may go.
// CHECK-LABEL: func.func @channel_blocks
// CHECK:       linalg.fill
// CHECK:       vector.transfer_read
func.func @channel_blocks(%v: vector<8x32xf32>) -> tensor<16x32xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<16x32xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<16x32xf32>) -> tensor<16x32xf32>
  %r = scf.for %block = %c0 to %c4 step %c1 iter_args(%a = %fill) -> (tensor<16x32xf32>) {
    %r2 = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %a) -> (tensor<16x32xf32>) {
      %s = tensor.extract_slice %b[%j, 0] [8, 32] [1, 1] : tensor<16x32xf32> to tensor<8x32xf32>
      %acc = vector.transfer_read %s[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<8x32xf32>, vector<8x32xf32>
      %sum = arith.addf %acc, %v : vector<8x32xf32>
      %w = vector.transfer_write %sum, %s[%c0, %c0] {in_bounds = [true, true]} : vector<8x32xf32>, tensor<8x32xf32>
      %ins = tensor.insert_slice %w into %b[%j, 0] [8, 32] [1, 1] : tensor<8x32xf32> into tensor<16x32xf32>
      scf.yield %ins : tensor<16x32xf32>
    }
    scf.yield %r2 : tensor<16x32xf32>
  }
  return %r : tensor<16x32xf32>
}

// -----

// Column tiles that stop short of the last column: the reads still see
// the fill's value, but the last column keeps it, so the fill stays.
// CHECK-LABEL: func.func @partial_cover
// CHECK:       linalg.fill
// CHECK-NOT:   vector.transfer_read
// CHECK:       return
func.func @partial_cover(%v: vector<8xf32>) -> tensor<17xf32> {
  %c0 = arith.constant 0 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<17xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<17xf32>) -> tensor<17xf32>
  %r = scf.for %j = %c0 to %c16 step %c8 iter_args(%b = %fill) -> (tensor<17xf32>) {
    %s = tensor.extract_slice %b[%j] [8] [1] : tensor<17xf32> to tensor<8xf32>
    %acc = vector.transfer_read %s[%c0], %zero {in_bounds = [true]} : tensor<8xf32>, vector<8xf32>
    %sum = arith.addf %acc, %v : vector<8xf32>
    %w = vector.transfer_write %sum, %s[%c0] {in_bounds = [true]} : vector<8xf32>, tensor<8xf32>
    %ins = tensor.insert_slice %w into %b[%j] [8] [1] : tensor<8xf32> into tensor<17xf32>
    scf.yield %ins : tensor<17xf32>
  }
  return %r : tensor<17xf32>
}

// -----

// A slice read after a partial write in the same iteration: the write
// makes the slice's value something else, which the read must see.
// CHECK-LABEL: func.func @read_after_write
// CHECK:       linalg.fill
// CHECK:       %[[W:.*]] = vector.transfer_write
// CHECK:       vector.transfer_read %[[W]][
func.func @read_after_write(%v: vector<4xf32>) -> (tensor<8xf32>, vector<8xf32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<8xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<8xf32>) -> tensor<8xf32>
  %w = vector.transfer_write %v, %fill[%c0] {in_bounds = [true]} : vector<4xf32>, tensor<8xf32>
  %r = vector.transfer_read %w[%c0], %zero {in_bounds = [true]} : tensor<8xf32>, vector<8xf32>
  return %w, %r : tensor<8xf32>, vector<8xf32>
}

// -----

// Row pieces: each run of rows is computed into its slice of the value the
// previous one inserted. Together they cover the tensor: the fill goes.
// CHECK-LABEL: func.func @row_pieces
// CHECK-NOT:   linalg.fill
// CHECK-NOT:   vector.transfer_read
// CHECK:       return
func.func @row_pieces(%v: vector<1x8xf32>, %u: vector<3x8xf32>) -> tensor<4x8xf32> {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x8xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x8xf32>) -> tensor<4x8xf32>
  %top = tensor.extract_slice %fill[0, 0] [1, 8] [1, 1] : tensor<4x8xf32> to tensor<1x8xf32>
  %a = vector.transfer_read %top[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<1x8xf32>, vector<1x8xf32>
  %sa = arith.addf %a, %v : vector<1x8xf32>
  %wa = vector.transfer_write %sa, %top[%c0, %c0] {in_bounds = [true, true]} : vector<1x8xf32>, tensor<1x8xf32>
  %acc1 = tensor.insert_slice %wa into %fill[0, 0] [1, 8] [1, 1] : tensor<1x8xf32> into tensor<4x8xf32>
  %rest = tensor.extract_slice %acc1[1, 0] [3, 8] [1, 1] : tensor<4x8xf32> to tensor<3x8xf32>
  %b = vector.transfer_read %rest[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<3x8xf32>, vector<3x8xf32>
  %sb = arith.addf %b, %u : vector<3x8xf32>
  %wb = vector.transfer_write %sb, %rest[%c0, %c0] {in_bounds = [true, true]} : vector<3x8xf32>, tensor<3x8xf32>
  %acc2 = tensor.insert_slice %wb into %acc1[1, 0] [3, 8] [1, 1] : tensor<3x8xf32> into tensor<4x8xf32>
  return %acc2 : tensor<4x8xf32>
}

// -----

// Row pieces that leave the last row alone (it reads only padding): the
// reads still see the fill's value, but the row keeps it, so the fill
// stays; a view that overlaps a written row is not read as the fill.
// CHECK-LABEL: func.func @row_pieces_gap
// CHECK:       linalg.fill
// CHECK-COUNT-1: vector.transfer_read
// CHECK-NOT:   vector.transfer_read
func.func @row_pieces_gap(%v: vector<1x8xf32>) -> (tensor<4x8xf32>, vector<2x8xf32>) {
  %c0 = arith.constant 0 : index
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<4x8xf32>
  %fill = linalg.fill ins(%zero : f32) outs(%empty : tensor<4x8xf32>) -> tensor<4x8xf32>
  %top = tensor.extract_slice %fill[0, 0] [1, 8] [1, 1] : tensor<4x8xf32> to tensor<1x8xf32>
  %a = vector.transfer_read %top[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<1x8xf32>, vector<1x8xf32>
  %sa = arith.addf %a, %v : vector<1x8xf32>
  %wa = vector.transfer_write %sa, %top[%c0, %c0] {in_bounds = [true, true]} : vector<1x8xf32>, tensor<1x8xf32>
  %acc1 = tensor.insert_slice %wa into %fill[0, 0] [1, 8] [1, 1] : tensor<1x8xf32> into tensor<4x8xf32>
  %overlap = tensor.extract_slice %acc1[0, 0] [2, 8] [1, 1] : tensor<4x8xf32> to tensor<2x8xf32>
  %b = vector.transfer_read %overlap[%c0, %c0], %zero {in_bounds = [true, true]} : tensor<2x8xf32>, vector<2x8xf32>
  return %acc1, %b : tensor<4x8xf32>, vector<2x8xf32>
}
