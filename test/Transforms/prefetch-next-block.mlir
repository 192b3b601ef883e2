// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(symc-prefetch-next-block)' | FileCheck %s

// A loop over blocks of 16 channels, marked: the block's weights view
// (2x16 floats, one line per row) is prefetched for the next block, spread
// over the busiest inner nest (4 x 8 iterations) at its outermost level
// whose iterations take at most 4 prefetches each: one line per iteration
// of the outer loop (4 iterations), at iterations 0 and 1, so that the
// innermost loop is left alone. The view of the bias, which does not move
// with the block, is not prefetched; the mark is removed. The lines'
// offsets in the view (static strides) come from a constant table, the view
// flattened from its first element to its last.
// CHECK: memref.global "private" constant @[[LINES:.*]] : memref<2xi32> = dense<[0, 64]>
// CHECK-LABEL: func.func @blocks
// CHECK: scf.for %[[CB:.*]] = %c0 to %c64 step %c16 {
// CHECK:   %[[VIEW:.*]] = memref.subview %arg0[0, %[[CB]]] [2, 16] [1, 1]
// CHECK:   %[[NEXT:.*]] = arith.addi %[[CB]], %c16
// CHECK:   %[[LAST:.*]] = arith.subi %c64, %c16
// CHECK:   %[[CLAMPED:.*]] = arith.minsi %[[NEXT]], %[[LAST]]
// CHECK:   %[[NEXTVIEW:.*]] = memref.subview %arg0[0, %[[CLAMPED]]] [2, 16] [1, 1]
// CHECK:   %[[BASE:[a-z_0-9]+]], %[[OFFSET:[a-z_0-9]+]], {{.*}} = memref.extract_strided_metadata %[[NEXTVIEW]]
// CHECK:   %[[FLAT:.*]] = memref.reinterpret_cast %[[BASE]] to offset: [%[[OFFSET]]], sizes: [80], strides: [1]
// CHECK:   scf.for %[[I:.*]] = %c0 to %c4 step %c1 {
// CHECK:     %[[K:.*]] = arith.addi %{{.*}}, %{{.*}}
// CHECK:     arith.cmpi slt, %[[K]], %c2
// CHECK:     %[[IN_RANGE:.*]] = arith.andi
// CHECK:     scf.if %[[IN_RANGE]] {
// CHECK:       %[[LINE:.*]] = arith.subi %[[K]], %{{.*}}
// CHECK:       %[[TABLE:.*]] = memref.get_global @[[LINES]] : memref<2xi32>
// CHECK:       %[[ENTRY:.*]] = memref.load %[[TABLE]][%[[LINE]]]
// CHECK:       %[[ELEMENT:.*]] = arith.index_cast %[[ENTRY]] : i32 to index
// CHECK:       memref.prefetch %[[FLAT]][%[[ELEMENT]]], read, locality<2>, data
// CHECK:     }
// CHECK:     scf.for %[[J:.*]] = %c0 to %c8 step %c1 {
// CHECK-NOT:   memref.prefetch
// CHECK:       memref.load %[[VIEW]]
// CHECK-NOT: symc.prefetch_next_block
// CHECK-NOT: memref.prefetch
// CHECK: return
func.func @blocks(%w: memref<2x64xf32>, %bias: memref<2x64xf32>, %out: memref<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  scf.for %cb = %c0 to %c64 step %c16 {
    %view = memref.subview %w[0, %cb] [2, 16] [1, 1] : memref<2x64xf32> to memref<2x16xf32, strided<[64, 1], offset: ?>>
    %fixed = memref.subview %bias[0, 0] [2, 16] [1, 1] : memref<2x64xf32> to memref<2x16xf32, strided<[64, 1]>>
    scf.for %i = %c0 to %c4 step %c1 {
      scf.for %j = %c0 to %c8 step %c1 {
        %x = memref.load %view[%c0, %j] : memref<2x16xf32, strided<[64, 1], offset: ?>>
        %y = memref.load %fixed[%c0, %j] : memref<2x16xf32, strided<[64, 1]>>
        %z = arith.addf %x, %y : f32
        memref.store %z, %out[%i, %j] : memref<4x8xf32>
      }
    }
  } {symc.prefetch_next_block}
  // Unmarked: untouched.
  scf.for %cb = %c0 to %c64 step %c16 {
    %view = memref.subview %w[0, %cb] [2, 16] [1, 1] : memref<2x64xf32> to memref<2x16xf32, strided<[64, 1], offset: ?>>
    scf.for %j = %c0 to %c8 step %c1 {
      %x = memref.load %view[%c0, %j] : memref<2x16xf32, strided<[64, 1], offset: ?>>
      memref.store %x, %out[%c0, %j] : memref<4x8xf32>
    }
  }
  return
}

// -----

// 40 lines (a 40x16 view) over the same 4 x 8 nest: 10 per outer
// iteration would be a burst, so they go in the innermost loop, two per
// iteration (a loop of 2 from line 2k). The table is of 40 lines, a row
// apart each.
// CHECK: memref.global "private" constant @[[LINES:.*]] : memref<40xi32> = dense<[0, 64, 128,
// CHECK-LABEL: func.func @many_lines
// CHECK: scf.for %{{.*}} = %c0 to %c4 step %c1 {
// CHECK:   scf.for %{{.*}} = %c0 to %c8 step %c1 {
// CHECK:     %[[FIRST:.*]] = arith.muli %{{.*}}, %c2
// CHECK:     scf.for %[[P:.*]] = %{{.*}} to %c2{{.*}} step
// CHECK:       arith.addi %[[FIRST]], %[[P]]
// CHECK:       memref.get_global @[[LINES]]
// CHECK:       memref.prefetch
func.func @many_lines(%w: memref<40x64xf32>, %out: memref<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  scf.for %cb = %c0 to %c64 step %c16 {
    %view = memref.subview %w[0, %cb] [40, 16] [1, 1] : memref<40x64xf32> to memref<40x16xf32, strided<[64, 1], offset: ?>>
    scf.for %i = %c0 to %c4 step %c1 {
      scf.for %j = %c0 to %c8 step %c1 {
        %x = memref.load %view[%i, %j] : memref<40x16xf32, strided<[64, 1], offset: ?>>
        memref.store %x, %out[%i, %j] : memref<4x8xf32>
      }
    }
  } {symc.prefetch_next_block}
  return
}

// -----

// A view whose strides are only known at run time: no table; the line is
// delinearized into the view's indices.
// CHECK-NOT: memref.global
// CHECK-LABEL: func.func @dynamic_strides
// CHECK:     scf.if %{{.*}} {
// CHECK:       %[[LINE:.*]]:2 = affine.delinearize_index %{{.*}} into (2, 1)
// CHECK:       %[[COLUMN:.*]] = arith.muli %[[LINE]]#1, %c16
// CHECK:       memref.prefetch %{{.*}}[%[[LINE]]#0, %[[COLUMN]]], read, locality<2>, data
func.func @dynamic_strides(%w: memref<2x64xf32, strided<[?, 1]>>, %out: memref<4x8xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  scf.for %cb = %c0 to %c64 step %c16 {
    %view = memref.subview %w[0, %cb] [2, 16] [1, 1] : memref<2x64xf32, strided<[?, 1]>> to memref<2x16xf32, strided<[?, 1], offset: ?>>
    scf.for %i = %c0 to %c4 step %c1 {
      scf.for %j = %c0 to %c8 step %c1 {
        %x = memref.load %view[%c0, %j] : memref<2x16xf32, strided<[?, 1], offset: ?>>
        memref.store %x, %out[%i, %j] : memref<4x8xf32>
      }
    }
  } {symc.prefetch_next_block}
  return
}

// -----

// A row of register tiles marked symc.prefetch_next_accumulator: at the
// start of each iteration, the next iteration's tile of C (2 rows of 32
// floats), which the body reads and writes, is prefetched into L1 in one
// burst, at constant indices in the view: per row, elements 0 and 16 (a
// line each) and 31, the last, whose line is a third one where the row
// does not start a line. The tile of A, which the body only reads, is not;
// nor is C's tile in the unmarked loop, or a tile too large for a burst
// (16 rows of 16 lines). The marks are removed.
// CHECK-LABEL: func.func @accumulator
// CHECK: scf.for %[[ROW:.*]] = %c0 to %c8 step %c2 {
// CHECK:   %[[A:.*]] = memref.subview %arg0[%[[ROW]], 0]
// CHECK:   %[[C:.*]] = memref.subview %arg1[%[[ROW]], 0]
// CHECK:   %[[NEXT:.*]] = arith.addi %[[ROW]], %c2
// CHECK:   %[[LAST:.*]] = arith.subi %c8, %c2
// CHECK:   %[[CLAMPED:.*]] = arith.minsi %[[NEXT]], %[[LAST]]
// CHECK:   %[[NEXTC:.*]] = memref.subview %arg1[%[[CLAMPED]], 0] [2, 32] [1, 1]
// CHECK:   memref.prefetch %[[NEXTC]][%[[C0:.*]], %[[C0]]], read, locality<3>, data
// CHECK:   memref.prefetch %[[NEXTC]][%[[C0]], %[[C16:.*]]], read, locality<3>, data
// CHECK:   memref.prefetch %[[NEXTC]][%[[C0]], %[[C31:.*]]], read, locality<3>, data
// CHECK:   memref.prefetch %[[NEXTC]][%[[C1:.*]], %[[C0]]], read, locality<3>, data
// CHECK:   memref.prefetch %[[NEXTC]][%[[C1]], %[[C16]]], read, locality<3>, data
// CHECK:   memref.prefetch %[[NEXTC]][%[[C1]], %[[C31]]], read, locality<3>, data
// CHECK-NOT: memref.prefetch
// CHECK:   vector.transfer_read %[[C]]
// CHECK-NOT: memref.prefetch
// CHECK-NOT: symc.prefetch_next_accumulator
// CHECK: return
func.func @accumulator(%a: memref<8x256xf32>, %c: memref<8x32xf32>, %big: memref<64x256xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c8 = arith.constant 8 : index
  %c16 = arith.constant 16 : index
  %c64 = arith.constant 64 : index
  %cst = arith.constant 0.0 : f32
  scf.for %row = %c0 to %c8 step %c2 {
    %at = memref.subview %a[%row, 0] [2, 256] [1, 1] : memref<8x256xf32> to memref<2x256xf32, strided<[256, 1], offset: ?>>
    %ct = memref.subview %c[%row, 0] [2, 32] [1, 1] : memref<8x32xf32> to memref<2x32xf32, strided<[32, 1], offset: ?>>
    %acc = vector.transfer_read %ct[%c0, %c0], %cst {in_bounds = [true, true]} : memref<2x32xf32, strided<[32, 1], offset: ?>>, vector<2x32xf32>
    %x = vector.transfer_read %at[%c0, %c0], %cst {in_bounds = [true, true]} : memref<2x256xf32, strided<[256, 1], offset: ?>>, vector<2x32xf32>
    %sum = arith.addf %acc, %x : vector<2x32xf32>
    vector.transfer_write %sum, %ct[%c0, %c0] {in_bounds = [true, true]} : vector<2x32xf32>, memref<2x32xf32, strided<[32, 1], offset: ?>>
  } {symc.prefetch_next_accumulator}
  scf.for %row = %c0 to %c8 step %c2 {
    %ct = memref.subview %c[%row, 0] [2, 32] [1, 1] : memref<8x32xf32> to memref<2x32xf32, strided<[32, 1], offset: ?>>
    %acc = vector.transfer_read %ct[%c0, %c0], %cst {in_bounds = [true, true]} : memref<2x32xf32, strided<[32, 1], offset: ?>>, vector<2x32xf32>
    vector.transfer_write %acc, %ct[%c0, %c0] {in_bounds = [true, true]} : vector<2x32xf32>, memref<2x32xf32, strided<[32, 1], offset: ?>>
  }
  scf.for %row = %c0 to %c64 step %c16 {
    %bt = memref.subview %big[%row, 0] [16, 256] [1, 1] : memref<64x256xf32> to memref<16x256xf32, strided<[256, 1], offset: ?>>
    %acc = vector.transfer_read %bt[%c0, %c0], %cst {in_bounds = [true, true]} : memref<16x256xf32, strided<[256, 1], offset: ?>>, vector<16x32xf32>
    vector.transfer_write %acc, %bt[%c0, %c0] {in_bounds = [true, true]} : vector<16x32xf32>, memref<16x256xf32, strided<[256, 1], offset: ?>>
  } {symc.prefetch_next_accumulator}
  return
}
