// RUN: sym-opt %s | sym-opt | FileCheck %s
// Every sym op family parses, verifies and prints back.

// CHECK-LABEL: func @nn
func.func @nn(%x: tensor<2x3x8x8xf32>, %w: tensor<4x3x3x3xf32>, %b: tensor<4xf32>,
              %fw: tensor<5x256xf32>, %g: tensor<4xf32>) -> tensor<*xf32> {
  // CHECK: sym.Convolution %{{.*}} {kernel = array<i64: 3, 3>, num_filter = 4 : i64, pad = array<i64: 1, 1>}
  %0 = sym.Convolution %x, %w, %b {kernel = array<i64: 3, 3>, num_filter = 4 : i64, pad = array<i64: 1, 1>} : (tensor<2x3x8x8xf32>, tensor<4x3x3x3xf32>, tensor<4xf32>) -> tensor<*xf32>
  // CHECK: sym.BatchNorm {{.*}} -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  %1:3 = sym.BatchNorm %0, %g, %g, %g, %g {eps = 1.0e-05 : f64, fix_gamma = false} : (tensor<*xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>, tensor<4xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  // CHECK: sym.LeakyReLU {{.*}}act_type = #sym.leaky_act_type<prelu>
  %2 = sym.LeakyReLU %1#0, %g {act_type = #sym.leaky_act_type<prelu>} : (tensor<*xf32>, tensor<4xf32>) -> tensor<*xf32>
  // CHECK: sym.Pooling {{.*}}pool_type = #sym.pool_type<avg>, pooling_convention = #sym.pooling_convention<full>
  %3 = sym.Pooling %2 {kernel = array<i64: 2, 2>, stride = array<i64: 2, 2>, pool_type = #sym.pool_type<avg>, pooling_convention = #sym.pooling_convention<full>} : (tensor<*xf32>) -> tensor<*xf32>
  // CHECK: sym.FullyConnected {{.*}}no_bias = true
  %4 = sym.FullyConnected %3, %fw {num_hidden = 5 : i64, no_bias = true} : (tensor<*xf32>, tensor<5x256xf32>) -> tensor<*xf32>
  // CHECK: sym.Dropout
  %5:2 = sym.Dropout %4 {p = 0.5 : f64} : (tensor<*xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  // CHECK: sym.softmax {{.*}}axis = 1 : i64
  %6 = sym.softmax %5#0 {axis = 1 : i64} : (tensor<*xf32>) -> tensor<*xf32>
  return %6 : tensor<*xf32>
}

// CHECK-LABEL: func @tensor_and_elementwise
func.func @tensor_and_elementwise(%x: tensor<*x!sym.unknown>, %y: tensor<*x!sym.unknown>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*xf16>) {
  // CHECK: sym.Reshape {{.*}}reverse = true, shape = array<i64: -1, 0>
  %0 = sym.Reshape %x {shape = array<i64: -1, 0>, reverse = true} : (tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  // CHECK: sym.Concat {{.*}}num_args = 2
  %1 = sym.Concat %0, %y {num_args = 2 : i64, dim = 0 : i64} : (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  // CHECK: sym.SliceChannel {{.*}}num_outputs = 2
  %2:2 = sym.SliceChannel %1 {num_outputs = 2 : i64} : (tensor<*x!sym.unknown>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  // CHECK: sym._rminus_scalar {{.*}}scalar = 2.500000e+00
  %3 = sym._rminus_scalar %2#0 {scalar = 2.5 : f64} : (tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  // CHECK: sym.elemwise_add
  %4 = sym.elemwise_add %3, %2#1 : (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  // CHECK: sym.Cast {{.*}}dtype = f16
  %5 = sym.Cast %4 {dtype = f16} : (tensor<*x!sym.unknown>) -> tensor<*xf16>
  // CHECK: sym.operator "WarpCTC"
  %6 = sym.operator "WarpCTC"(%4, %y) {mxnet.attrs = {label_length = "10"}} : (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  return %6, %0, %5 : tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*xf16>
}
