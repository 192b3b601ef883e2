// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-fuse-elementwise))' | FileCheck %s
// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-fuse-elementwise{max-body-ops=4}))' | FileCheck %s --check-prefix=BOUNDED
// RUN: sym-opt %s -pass-pipeline='builtin.module(func.func(symc-fuse-elementwise{border-fills=false}))' | FileCheck %s --check-prefix=WHOLE

#map = affine_map<(d0) -> (d0)>

// A chain of four elementwise generics fuses into one; with the body bound
// at 4 operations it stops at bodies of at most four (two generics).
// CHECK-LABEL: func.func @chain
// CHECK-COUNT-1: linalg.generic
// CHECK-NOT: linalg.generic
// BOUNDED-LABEL: func.func @chain
// BOUNDED-COUNT-2: linalg.generic
// BOUNDED-NOT: linalg.generic
func.func @chain(%x: tensor<8xf32>) -> tensor<8xf32> {
  %init = tensor.empty() : tensor<8xf32>
  %0 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
      ins(%x : tensor<8xf32>) outs(%init : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %1 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
      ins(%0 : tensor<8xf32>) outs(%init : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.exp %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %2 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
      ins(%1 : tensor<8xf32>) outs(%init : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = math.sqrt %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  %3 = linalg.generic {indexing_maps = [#map, #map], iterator_types = ["parallel"]}
      ins(%2 : tensor<8xf32>) outs(%init : tensor<8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.negf %a : f32
    linalg.yield %r : f32
  } -> tensor<8xf32>
  return %3 : tensor<8xf32>
}

// A computing producer that the consumer broadcasts stays apart: fused, it
// would run once per element of the consumer instead of once per channel.
// A producer that only broadcasts (no computation) still fuses.
#c4 = affine_map<(d0, d1) -> (d0, d1)>
#chan = affine_map<(d0, d1) -> (d0)>
#vec = affine_map<(d0) -> (d0)>
// CHECK-LABEL: func @broadcast_producer
// BOUNDED-LABEL: func @broadcast_producer
// CHECK: %[[SCALE:.*]] = linalg.generic
// CHECK:   math.sqrt
// CHECK: linalg.generic {{.*}} ins(%{{.*}}, %[[SCALE]], %{{.*}} :
// CHECK-NOT: math.sqrt
// CHECK:   arith.mulf
// CHECK-NOT: linalg.generic
func.func @broadcast_producer(%x: tensor<4x64xf32>, %v: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<4x64xf32> {
  %e = tensor.empty() : tensor<4xf32>
  %scale = linalg.generic {indexing_maps = [#vec, #vec], iterator_types = ["parallel"]}
      ins(%v : tensor<4xf32>) outs(%e : tensor<4xf32>) {
  ^bb0(%a: f32, %o: f32):
    %s = math.sqrt %a : f32
    linalg.yield %s : f32
  } -> tensor<4xf32>
  %e2 = tensor.empty() : tensor<4x64xf32>
  %bias = linalg.generic {indexing_maps = [#chan, #c4], iterator_types = ["parallel", "parallel"]}
      ins(%b : tensor<4xf32>) outs(%e2 : tensor<4x64xf32>) {
  ^bb0(%a: f32, %o: f32):
    linalg.yield %a : f32
  } -> tensor<4x64xf32>
  %r = linalg.generic {indexing_maps = [#c4, #chan, #c4, #c4], iterator_types = ["parallel", "parallel"]}
      ins(%x, %scale, %bias : tensor<4x64xf32>, tensor<4xf32>, tensor<4x64xf32>) outs(%e2 : tensor<4x64xf32>) {
  ^bb0(%a: f32, %s: f32, %c: f32, %o: f32):
    %m = arith.mulf %a, %s : f32
    %y = arith.addf %m, %c : f32
    linalg.yield %y : f32
  } -> tensor<4x64xf32>
  return %r : tensor<4x64xf32>
}

// -----

// A padding of an elementwise result is computed in place: the generic
// writes the interior of the padded tensor (no copy), whose border alone
// is filled, a box per side of each padded dimension; its other user (a
// residual addition) reads its result, that interior.
// CHECK-LABEL: func @pad_into_producer
// CHECK: %[[EMPTY:.*]] = tensor.empty() : tensor<1x6x6x8xf32>
// CHECK: %[[TOP:.*]] = tensor.extract_slice %[[EMPTY]][0, 0, 0, 0] [1, 1, 6, 8] [1, 1, 1, 1]
// CHECK: %[[TOPFILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[TOP]] : tensor<1x1x6x8xf32>)
// CHECK: %[[B1:.*]] = tensor.insert_slice %[[TOPFILL]] into %[[EMPTY]][0, 0, 0, 0] [1, 1, 6, 8]
// CHECK: %[[BOTTOM:.*]] = tensor.extract_slice %[[B1]][0, 5, 0, 0] [1, 1, 6, 8]
// CHECK: %[[BOTTOMFILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[BOTTOM]] : tensor<1x1x6x8xf32>)
// CHECK: %[[B2:.*]] = tensor.insert_slice %[[BOTTOMFILL]] into %[[B1]][0, 5, 0, 0] [1, 1, 6, 8]
// CHECK: %[[LEFT:.*]] = tensor.extract_slice %[[B2]][0, 1, 0, 0] [1, 4, 1, 8]
// CHECK: %[[LEFTFILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[LEFT]] : tensor<1x4x1x8xf32>)
// CHECK: %[[B3:.*]] = tensor.insert_slice %[[LEFTFILL]] into %[[B2]][0, 1, 0, 0] [1, 4, 1, 8]
// CHECK: %[[RIGHT:.*]] = tensor.extract_slice %[[B3]][0, 1, 5, 0] [1, 4, 1, 8]
// CHECK: %[[RIGHTFILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%[[RIGHT]] : tensor<1x4x1x8xf32>)
// CHECK: %[[BORDER:.*]] = tensor.insert_slice %[[RIGHTFILL]] into %[[B3]][0, 1, 5, 0] [1, 4, 1, 8]
// CHECK-NOT: linalg.fill
// CHECK: %[[INTERIOR:.*]] = tensor.extract_slice %[[BORDER]][0, 1, 1, 0] [1, 4, 4, 8] [1, 1, 1, 1]
// CHECK: %[[RELU:.*]] = linalg.generic {{.*}} ins(%arg0 : tensor<1x4x4x8xf32>) outs(%[[INTERIOR]] : tensor<1x4x4x8xf32>)
// CHECK: %[[PADDED:.*]] = tensor.insert_slice %[[RELU]] into %[[BORDER]][0, 1, 1, 0] [1, 4, 4, 8] [1, 1, 1, 1]
// Without border fills (the GPU pipeline), one fill of the whole tensor.
// WHOLE-LABEL: func @pad_into_producer
// WHOLE: %[[FILL:.*]] = linalg.fill ins(%{{.*}} : f32) outs(%{{.*}} : tensor<1x6x6x8xf32>)
// WHOLE-NOT: linalg.fill
// WHOLE: %[[INTERIOR:.*]] = tensor.extract_slice %[[FILL]][0, 1, 1, 0] [1, 4, 4, 8] [1, 1, 1, 1]
// WHOLE: linalg.generic {{.*}} outs(%[[INTERIOR]] : tensor<1x4x4x8xf32>)
// CHECK-NOT: tensor.pad
// CHECK: return %[[PADDED]], %[[RELU]]
#id4 = affine_map<(n, h, w, c) -> (n, h, w, c)>
func.func @pad_into_producer(%x: tensor<1x4x4x8xf32>) -> (tensor<1x6x6x8xf32>, tensor<1x4x4x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %relu = linalg.generic {indexing_maps = [#id4, #id4], iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
      ins(%x : tensor<1x4x4x8xf32>) outs(%e : tensor<1x4x4x8xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<1x4x4x8xf32>
  %p = tensor.pad %relu low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  return %p, %relu : tensor<1x6x6x8xf32>, tensor<1x4x4x8xf32>
}

// A loop nest that computes its result from an empty tensor (a Winograd
// convolution's blocks) is started from the padded tensor's interior
// instead; one started from a tensor with contents is not.
// CHECK-LABEL: func @pad_into_loop
// CHECK: %[[INTERIOR:.*]] = tensor.extract_slice %{{.*}}[0, 1, 1, 0] [1, 4, 4, 8] [1, 1, 1, 1]
// CHECK: %[[NEST:.*]] = scf.for {{.*}} iter_args(%{{.*}} = %[[INTERIOR]])
// CHECK: tensor.insert_slice %[[NEST]] into %{{.*}}[0, 1, 1, 0] [1, 4, 4, 8] [1, 1, 1, 1]
// CHECK-NOT: tensor.pad
// CHECK-LABEL: func @pad_of_loop_over_contents
// CHECK: tensor.pad
func.func @pad_into_loop(%x: tensor<1x1x4x8xf32>) -> tensor<1x6x6x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c4 = arith.constant 4 : index
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<1x4x4x8xf32>
  %nest = scf.for %i = %c0 to %c4 step %c1 iter_args(%acc = %e) -> (tensor<1x4x4x8xf32>) {
    %row = tensor.insert_slice %x into %acc[0, %i, 0, 0] [1, 1, 4, 8] [1, 1, 1, 1] : tensor<1x1x4x8xf32> into tensor<1x4x4x8xf32>
    scf.yield %row : tensor<1x4x4x8xf32>
  }
  %p = tensor.pad %nest low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  return %p : tensor<1x6x6x8xf32>
}
func.func @pad_of_loop_over_contents(%x: tensor<1x1x4x8xf32>, %start: tensor<1x4x4x8xf32>) -> tensor<1x6x6x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %zero = arith.constant 0.0 : f32
  %nest = scf.for %i = %c0 to %c2 step %c1 iter_args(%acc = %start) -> (tensor<1x4x4x8xf32>) {
    %row = tensor.insert_slice %x into %acc[0, %i, 0, 0] [1, 1, 4, 8] [1, 1, 1, 1] : tensor<1x1x4x8xf32> into tensor<1x4x4x8xf32>
    scf.yield %row : tensor<1x4x4x8xf32>
  }
  %p = tensor.pad %nest low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x4x8xf32> to tensor<1x6x6x8xf32>
  return %p : tensor<1x6x6x8xf32>
}

// An expand_shape stays below the ReLU of a loop nest's result (a tiled
// convolution's epilogue, which symc-fuse-conv-epilogues computes on the
// nest's tiles only in the nest's shape); the ReLU of a plain value still
// takes the reshape up.
// CHECK-LABEL: func.func @no_reshape_into_nest_epilogue
// CHECK: %[[NEST:.*]] = scf.for
// CHECK: %[[RELU:.*]] = linalg.generic {{.*}} ins(%[[NEST]] : tensor<4x16xf32>)
// CHECK: tensor.expand_shape %[[RELU]] {{\[}}[0], [1, 2]] output_shape [4, 2, 8] : tensor<4x16xf32> into tensor<4x2x8xf32>
// CHECK-LABEL: func.func @reshape_into_plain_relu
// CHECK: %[[SPLIT:.*]] = tensor.expand_shape %{{.*}} {{\[}}[0], [1, 2]] output_shape [4, 2, 8] : tensor<4x16xf32> into tensor<4x2x8xf32>
// CHECK: linalg.generic {{.*}} ins(%[[SPLIT]] : tensor<4x2x8xf32>)
#id2 = affine_map<(d0, d1) -> (d0, d1)>
func.func @no_reshape_into_nest_epilogue(%x: tensor<4x16xf32>, %n: index) -> tensor<4x2x8xf32> {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0.0 : f32
  %nest = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (tensor<4x16xf32>) {
    %d = tensor.empty() : tensor<4x16xf32>
    %sum = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
        ins(%acc : tensor<4x16xf32>) outs(%d : tensor<4x16xf32>) {
    ^bb0(%a: f32, %o: f32):
      %r = arith.addf %a, %a : f32
      linalg.yield %r : f32
    } -> tensor<4x16xf32>
    scf.yield %sum : tensor<4x16xf32>
  }
  %e = tensor.empty() : tensor<4x16xf32>
  %relu = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%nest : tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<4x16xf32>
  %split = tensor.expand_shape %relu [[0], [1, 2]] output_shape [4, 2, 8] : tensor<4x16xf32> into tensor<4x2x8xf32>
  return %split : tensor<4x2x8xf32>
}

func.func @reshape_into_plain_relu(%x: tensor<4x16xf32>) -> tensor<4x2x8xf32> {
  %zero = arith.constant 0.0 : f32
  %e = tensor.empty() : tensor<4x16xf32>
  %relu = linalg.generic {indexing_maps = [#id2, #id2], iterator_types = ["parallel", "parallel"]}
      ins(%x : tensor<4x16xf32>) outs(%e : tensor<4x16xf32>) {
  ^bb0(%a: f32, %o: f32):
    %r = arith.maximumf %a, %zero : f32
    linalg.yield %r : f32
  } -> tensor<4x16xf32>
  %split = tensor.expand_shape %relu [[0], [1, 2]] output_shape [4, 2, 8] : tensor<4x16xf32> into tensor<4x2x8xf32>
  return %split : tensor<4x2x8xf32>
}
