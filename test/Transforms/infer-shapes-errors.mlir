// RUN: not sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes))' 2>&1 | FileCheck %s
// MXNet's messages, located at the node.

func.func @inconsistent(%x: tensor<2x100xf32>, %w: tensor<10x50xf32>, %b: tensor<*xf32>) -> tensor<*xf32> {
  // CHECK: error: loc("fc1"): Error in operator fc1: Shape inconsistent, Provided = [10,50], inferred shape=(10,100)
  %0 = sym.FullyConnected %x, %w, %b {num_hidden = 10 : i64} : (tensor<2x100xf32>, tensor<10x50xf32>, tensor<*xf32>) -> tensor<*xf32> loc("fc1")
  return %0 : tensor<*xf32>
}

// -----

func.func @conv_rank(%x: tensor<2x100xf32>, %w: tensor<*xf32>) -> tensor<*xf32> {
  // CHECK: error: loc("c1"): Error in operator c1: Check failed: dshp.ndim() == 4U (2 vs. 4) : Input data should be 4D in batch-num_filter-y-x
  %0 = sym.Convolution %x, %w {kernel = array<i64: 3, 3>, num_filter = 4 : i64, no_bias = true} : (tensor<2x100xf32>, tensor<*xf32>) -> tensor<*xf32> loc("c1")
  return %0 : tensor<*xf32>
}

// -----

func.func @split_uneven(%x: tensor<2x5xf32>) -> tensor<*xf32> {
  // CHECK: error: loc("s"): Error in operator s: Check failed: dshape[real_axis] % param_.num_outputs == 0U (1 vs. 0) : You are trying to split the 1-th axis of input tensor with shape [2,5] into num_outputs=2 evenly sized chunks, but this is not possible because 2 does not evenly divide 5
  %0:2 = sym.SliceChannel %x {num_outputs = 2 : i64} : (tensor<2x5xf32>) -> (tensor<*xf32>, tensor<*xf32>) loc("s")
  return %0#0 : tensor<*xf32>
}

// -----

// Full infer_shape names the arguments whose shapes nobody gave.
// CHECK: error: infer_shape: cannot decide the shapes of: data
func.func @unknown(%x: tensor<*xf32> {sym.name = "data"}) -> tensor<*xf32> {
  %0 = sym.Activation %x {act_type = #sym.act_type<relu>} : (tensor<*xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}
