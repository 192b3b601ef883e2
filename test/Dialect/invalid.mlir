// RUN: sym-opt %s -split-input-file -verify-diagnostics
// What MXNet's parameter parsers and FListInputNames reject.

func.func @bias_with_no_bias(%x: tensor<*xf32>, %w: tensor<*xf32>, %b: tensor<*xf32>) {
  // expected-error @+1 {{has a bias operand but no_bias is set}}
  %0 = sym.FullyConnected %x, %w, %b {num_hidden = 4 : i64, no_bias = true} : (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @missing_bias(%x: tensor<*xf32>, %w: tensor<*xf32>) {
  // expected-error @+1 {{needs a bias operand unless no_bias is set}}
  %0 = sym.Convolution %x, %w {kernel = array<i64: 3, 3>, num_filter = 4 : i64} : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @stride_rank(%x: tensor<*xf32>, %w: tensor<*xf32>) {
  // expected-error @+1 {{'stride' has 1 entries but the kernel has 2}}
  %0 = sym.Convolution %x, %w {kernel = array<i64: 3, 3>, stride = array<i64: 2>, num_filter = 4 : i64, no_bias = true} : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @zero_stride(%x: tensor<*xf32>) {
  // expected-error @+1 {{'stride' entries must be in [1, 2147483648], got 0}}
  %0 = sym.Pooling %x {kernel = array<i64: 2, 2>, stride = array<i64: 0, 1>, pool_type = #sym.pool_type<max>} : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @missing_kernel(%x: tensor<*xf32>, %w: tensor<*xf32>) {
  // expected-error @+1 {{requires attribute 'kernel'}}
  %0 = sym.Convolution %x, %w {num_filter = 4 : i64, no_bias = true} : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @prelu_without_gamma(%x: tensor<*xf32>) {
  // expected-error @+1 {{act_type 'prelu' needs a gamma operand}}
  %0 = sym.LeakyReLU %x {act_type = #sym.leaky_act_type<prelu>} : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @concat_count(%x: tensor<*xf32>) {
  // expected-error @+1 {{num_args is 3 but 2 inputs are given}}
  %0 = sym.Concat %x, %x {num_args = 3 : i64} : (tensor<*xf32>, tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @split_count(%x: tensor<*xf32>) {
  // expected-error @+1 {{num_outputs is 3 but the op has 2 results}}
  %0:2 = sym.SliceChannel %x {num_outputs = 3 : i64} : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @pool_lp_without_p(%x: tensor<*xf32>) {
  // expected-error @+1 {{pool_type 'lp' needs p_value}}
  %0 = sym.Pooling %x {kernel = array<i64: 2, 2>, pool_type = #sym.pool_type<lp>} : (tensor<*xf32>) -> tensor<*xf32>
  return
}

// -----

func.func @histogram_cnt_without_range(%x: tensor<*xf32>) {
  // expected-error @+1 {{cnt and range should both or neither specified}}
  %0:2 = sym._histogram %x {bin_cnt = 4 : i64} : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @histogram_missing_edges(%x: tensor<*xf32>) {
  // expected-error @+1 {{needs a bins input without bin_cnt}}
  %0:2 = sym._histogram %x : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}

// -----

func.func @histogram_reversed_range(%x: tensor<*xf32>) {
  // expected-error @+1 {{range must be (min, max) with min <= max}}
  %0:2 = sym._histogram %x {bin_cnt = 4 : i64, range = array<f64: 2.0, 1.0>} : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return
}
