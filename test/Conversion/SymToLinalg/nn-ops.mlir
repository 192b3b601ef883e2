// RUN: sym-opt %s -split-input-file -convert-sym-to-linalg | FileCheck %s
// NN ops: normalizations, regression heads, RNN loops, softmax family,
// contractions and Deconvolution.
// Static types are MXNet 1.9.1's inferred shapes and dtypes.

// CHECK-LABEL: func @leaky_relu(
// CHECK: linalg.generic
// CHECK: ^bb0(%[[IN:[^:]*]]: f32
// CHECK: %[[SLOPE:.*]] = arith.constant 3.000000e-01 : f32
// CHECK: %[[NEG:.*]] = arith.mulf %[[SLOPE]], %[[IN]]
// CHECK: %[[GT:.*]] = arith.cmpf ogt, %[[IN]]
// CHECK: arith.select %[[GT]], %[[IN]], %[[NEG]]
func.func @leaky_relu(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0 = sym.LeakyReLU %x {slope = 3.000000e-01 : f64} : (tensor<2x3x4xf32>) -> tensor<2x3x4xf32>
  return %0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @embedding(
// CHECK-SAME: %[[W:[^:]*]]: tensor<6x4xf32>)
// CHECK: linalg.generic
// CHECK: arith.fptosi %{{.*}} : f32 to i64
// CHECK: %[[HI:.*]] = arith.constant 5 : i64
// CHECK: arith.minsi %{{.*}}, %[[HI]]
// CHECK: arith.maxsi
// CHECK: tensor.extract %[[W]][%{{.*}}, %{{.*}}] : tensor<6x4xf32>
// CHECK: -> tensor<2x5x4xf32>
func.func @embedding(%indices: tensor<2x5xf32>, %emb_weight: tensor<6x4xf32>) -> tensor<2x5x4xf32> {
  %0 = sym.Embedding %indices, %emb_weight {input_dim = 6 : i64, output_dim = 4 : i64} : (tensor<2x5xf32>, tensor<6x4xf32>) -> tensor<2x5x4xf32>
  return %0 : tensor<2x5x4xf32>
}

// -----

// CHECK-LABEL: func @group_norm(
// CHECK: tensor.expand_shape {{.*}} output_shape [2, 2, 18] : tensor<72xf32> into tensor<2x2x18xf32>
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: arith.addf
// CHECK: arith.constant 1.800000e+01 : f32
// CHECK: arith.divf
// CHECK: arith.constant 9.99999974E-6 : f32
// CHECK: math.sqrt
// CHECK: tensor.expand_shape {{.*}} into tensor<2x4x3x3xf32>
func.func @group_norm(%x: tensor<2x4x3x3xf32>, %gn_gamma: tensor<2xf32>, %gn_beta: tensor<2xf32>) -> tensor<2x4x3x3xf32> {
  %0:3 = sym.GroupNorm %x, %gn_gamma, %gn_beta {num_groups = 2 : i64} : (tensor<2x4x3x3xf32>, tensor<2xf32>, tensor<2xf32>) -> (tensor<2x4x3x3xf32>, tensor<2x2xf32>, tensor<2x2xf32>)
  return %0#0 : tensor<2x4x3x3xf32>
}

// -----

// CHECK-LABEL: func @instance_norm(
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction", "reduction"]
// CHECK: arith.constant 2.000000e+01 : f32
// CHECK: arith.divf
// CHECK: arith.constant 1.000000e-03 : f32
// CHECK: math.sqrt
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: -> tensor<2x3x4x5xf32>
func.func @instance_norm(%x: tensor<2x3x4x5xf32>, %in_gamma: tensor<3xf32>, %in_beta: tensor<3xf32>) -> tensor<2x3x4x5xf32> {
  %0 = sym.InstanceNorm %x, %in_gamma, %in_beta : (tensor<2x3x4x5xf32>, tensor<3xf32>, tensor<3xf32>) -> tensor<2x3x4x5xf32>
  return %0 : tensor<2x3x4x5xf32>
}

// -----

// CHECK-LABEL: func @l2_normalization(
// CHECK: arith.mulf
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.addf
// CHECK: arith.constant 1.000000e-10 : f32
// CHECK: math.sqrt
// CHECK: arith.divf
// CHECK: -> tensor<2x3x4xf32>
func.func @l2_normalization(%x: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
  %0:2 = sym.L2Normalization %x {mode = "channel"} : (tensor<2x3x4xf32>) -> (tensor<2x3x4xf32>, tensor<2x4xf32>)
  return %0#0 : tensor<2x3x4xf32>
}

// -----

// CHECK-LABEL: func @lrn(
// CHECK: arith.mulf
// CHECK: tensor.pad %{{.*}} low[0, 1, 0, 0] high[0, 1, 0, 0]
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction"]
// CHECK: arith.constant 1.500000e+00 : f32
// CHECK: arith.constant 0.00333333341 : f32
// CHECK: arith.constant 6.000000e-01 : f32
// CHECK: math.powf
// CHECK: arith.divf
func.func @lrn(%x: tensor<2x5x3x3xf32>) -> tensor<2x5x3x3xf32> {
  %0:2 = sym.LRN %x {alpha = 1.000000e-02 : f64, beta = 6.000000e-01 : f64, knorm = 1.500000e+00 : f64, nsize = 3 : i64} : (tensor<2x5x3x3xf32>) -> (tensor<2x5x3x3xf32>, tensor<2x5x3x3xf32>)
  return %0#0 : tensor<2x5x3x3xf32>
}

// -----

// CHECK-LABEL: func @layer_norm(
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "parallel", "reduction"]
// CHECK: arith.addf
// CHECK: arith.constant 8.000000e+00 : f32
// CHECK: arith.divf
// CHECK: arith.constant 9.99999974E-6 : f32
// CHECK: math.sqrt
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK: -> tensor<2x3x8xf32>
func.func @layer_norm(%x: tensor<2x3x8xf32>, %ln_gamma: tensor<8xf32>, %ln_beta: tensor<8xf32>) -> tensor<2x3x8xf32> {
  %0:3 = sym.LayerNorm %x, %ln_gamma, %ln_beta : (tensor<2x3x8xf32>, tensor<8xf32>, tensor<8xf32>) -> (tensor<2x3x8xf32>, tensor<2x3x1xf32>, tensor<2x3x1xf32>)
  return %0#0 : tensor<2x3x8xf32>
}

// -----

// CHECK-LABEL: func @linear_regression_output(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3x2xf32>, %{{.*}}: tensor<3x2xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]] : tensor<3x2xf32>
func.func @linear_regression_output(%x: tensor<3x2xf32>, %lro_label: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %0 = sym.LinearRegressionOutput %x, %lro_label : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func @logistic_regression_output(
// CHECK: linalg.generic
// CHECK: arith.negf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
// CHECK: -> tensor<3x2xf32>
func.func @logistic_regression_output(%x: tensor<3x2xf32>, %gro_label: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %0 = sym.LogisticRegressionOutput %x, %gro_label : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func @mae_regression_output(
// CHECK-SAME: %[[X:[^:]*]]: tensor<3x2xf32>, %{{.*}}: tensor<3x2xf32>)
// CHECK-NOT: linalg
// CHECK: return %[[X]] : tensor<3x2xf32>
func.func @mae_regression_output(%x: tensor<3x2xf32>, %mro_label: tensor<3x2xf32>) -> tensor<3x2xf32> {
  %0 = sym.MAERegressionOutput %x, %mro_label : (tensor<3x2xf32>, tensor<3x2xf32>) -> tensor<3x2xf32>
  return %0 : tensor<3x2xf32>
}

// -----

// CHECK-LABEL: func @rnn_lstm(
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<10x3xf32>, tensor<3x16xf32>)
// CHECK: scf.for
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x4xf32>, tensor<4x16xf32>)
// CHECK: math.tanh
// CHECK: scf.yield
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<10x4xf32>, tensor<4x16xf32>)
// CHECK: scf.for
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x4xf32>, tensor<4x16xf32>)
// CHECK: math.tanh
// CHECK: scf.yield
func.func @rnn_lstm(%x: tensor<5x2x3xf32>, %params: tensor<304xf32>, %state: tensor<2x2x4xf32>, %cell: tensor<2x2x4xf32>) -> tensor<5x2x4xf32> {
  %0 = sym.RNN %x, %params, %state, %cell {mode = #sym.rnn_mode<lstm>, num_layers = 2 : i64, state_size = 4 : i64} : (tensor<5x2x3xf32>, tensor<304xf32>, tensor<2x2x4xf32>, tensor<2x2x4xf32>) -> tensor<5x2x4xf32>
  return %0 : tensor<5x2x4xf32>
}

// -----

// CHECK-LABEL: func @rnn_gru_bidir_states(
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x3xf32>, tensor<3x15xf32>)
// CHECK: scf.for
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x5xf32>, tensor<5x15xf32>)
// CHECK: math.tanh
// CHECK: scf.yield
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<8x3xf32>, tensor<3x15xf32>)
// CHECK: scf.for
// CHECK: arith.subi
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<2x5xf32>, tensor<5x15xf32>)
// CHECK: math.tanh
// CHECK: scf.yield
// CHECK: return {{.*}} : tensor<4x2x10xf32>, tensor<2x2x5xf32>
func.func @rnn_gru_bidir_states(%x: tensor<4x2x3xf32>, %params: tensor<300xf32>, %state: tensor<2x2x5xf32>) -> (tensor<4x2x10xf32>, tensor<2x2x5xf32>) {
  %0:2 = sym.RNN %x, %params, %state {bidirectional = true, mode = #sym.rnn_mode<gru>, num_layers = 1 : i64, state_outputs = true, state_size = 5 : i64} : (tensor<4x2x3xf32>, tensor<300xf32>, tensor<2x2x5xf32>) -> (tensor<4x2x10xf32>, tensor<2x2x5xf32>)
  return %0#0, %0#1 : tensor<4x2x10xf32>, tensor<2x2x5xf32>
}

// -----

// CHECK-LABEL: func @softmax_activation(
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel", "parallel"]
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel", "parallel"]
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softmax_activation(%x: tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32> {
  %0 = sym.SoftmaxActivation %x {mode = #sym.softmax_activation_mode<channel>} : (tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32>
  return %0 : tensor<2x3x2x2xf32>
}

// -----

// CHECK-LABEL: func @log_softmax(
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction", "parallel"]
// CHECK: arith.addf
// CHECK: %[[SH:.*]] = arith.subf
// CHECK: %[[LOG:.*]] = math.log
// CHECK: arith.subf %[[SH]], %[[LOG]]
func.func @log_softmax(%x: tensor<2x3x5xf32>) -> tensor<2x3x5xf32> {
  %0 = sym.log_softmax %x {axis = 1 : i64} : (tensor<2x3x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func @softmin(
// CHECK: linalg.generic
// CHECK: arith.negf
// CHECK: linalg.generic {{.*}}iterator_types = ["parallel", "reduction"]
// CHECK: arith.maxnumf
// CHECK: math.exp
// CHECK: arith.addf
// CHECK: arith.divf
func.func @softmin(%x: tensor<3x6xf32>) -> tensor<3x6xf32> {
  %0 = sym.softmin %x : (tensor<3x6xf32>) -> tensor<3x6xf32>
  return %0 : tensor<3x6xf32>
}

// -----

// CHECK-LABEL: func @dot(
// CHECK: %[[Z:.*]] = linalg.fill
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<3x4xf32>, tensor<4x5xf32>) outs(%[[Z]] : tensor<3x5xf32>)
func.func @dot(%lhs: tensor<3x4xf32>, %rhs: tensor<4x5xf32>) -> tensor<3x5xf32> {
  %0 = sym.dot %lhs, %rhs : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<3x5xf32>
  return %0 : tensor<3x5xf32>
}

// -----

// CHECK-LABEL: func @dot_nd(
// CHECK: tensor.expand_shape {{.*}} into tensor<6x4xf32>
// CHECK: linalg.matmul ins(%{{.*}}, %{{.*}} : tensor<6x4xf32>, tensor<4x5xf32>) outs(%{{.*}} : tensor<6x5xf32>)
// CHECK: tensor.expand_shape {{.*}} into tensor<2x3x5xf32>
func.func @dot_nd(%lhs: tensor<2x3x4xf32>, %rhs: tensor<4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = sym.dot %lhs, %rhs : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func @batch_dot(
// CHECK: %[[Z:.*]] = linalg.fill
// CHECK: linalg.batch_matmul ins(%{{.*}}, %{{.*}} : tensor<2x3x4xf32>, tensor<2x4x5xf32>) outs(%[[Z]] : tensor<2x3x5xf32>)
func.func @batch_dot(%lhs: tensor<2x3x4xf32>, %rhs: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
  %0 = sym.batch_dot %lhs, %rhs : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<2x3x5xf32>
  return %0 : tensor<2x3x5xf32>
}

// -----

// CHECK-LABEL: func @div_sqrt_dim(
// CHECK: linalg.generic
// CHECK: %[[K:.*]] = arith.constant 0.353553385 : f32
// CHECK: arith.mulf %{{.*}}, %[[K]]
func.func @div_sqrt_dim(%x: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
  %0 = sym._contrib_div_sqrt_dim %x : (tensor<2x3x8xf32>) -> tensor<2x3x8xf32>
  return %0 : tensor<2x3x8xf32>
}

// -----

// CHECK: #[[FLIP:.*]] = affine_map<{{.*}} -> ({{.*}}, -d{{[0-9]+}} + 3, -d{{[0-9]+}} + 3)>
// CHECK-LABEL: func @deconvolution(
// CHECK: tensor.insert_slice %{{.*}} into %{{.*}}[0, 0, 0, 0] [1, 3, 4, 5] [1, 1, 2, 2] : tensor<1x3x4x5xf32> into tensor<1x3x7x9xf32>
// CHECK: %[[PAD:.*]] = tensor.pad %{{.*}} low[0, 0, 2, 2] high[0, 0, 2, 2]
// CHECK: linalg.generic {indexing_maps = [#[[FLIP]], #{{.*}}]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[PAD]], %{{.*}} : tensor<1x3x11x13xf32>, tensor<2x3x4x4xf32>)
// CHECK: -> tensor<1x2x8x10xf32>
func.func @deconvolution(%x: tensor<1x3x4x5xf32>, %dc_weight: tensor<3x2x4x4xf32>) -> tensor<1x2x8x10xf32> {
  %0 = sym.Deconvolution %x, %dc_weight {kernel = array<i64: 4, 4>, num_filter = 2 : i64, pad = array<i64: 1, 1>, stride = array<i64: 2, 2>} : (tensor<1x3x4x5xf32>, tensor<3x2x4x4xf32>) -> tensor<1x2x8x10xf32>
  return %0 : tensor<1x2x8x10xf32>
}
