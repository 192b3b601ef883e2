// RUN: sym-opt %s -split-input-file -pass-pipeline='builtin.module(func.func(sym-infer-shapes,sym-infer-types))' | FileCheck %s
// Shape and dtype inference of the NN ops: normalizations, activations,
// softmax family, RNN, contractions.
// Every expected shape and dtype is MXNet 1.9.1's infer_shape / infer_type
// for the same op, attributes and input shapes (arguments that MXNet infers,
// such as weights and labels, are checked too).

// CHECK-LABEL: func @batch_norm(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4x5xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<2x3x4x5xf32> {
func.func @batch_norm(%x: tensor<2x3x4x5xf32>, %bn_gamma: tensor<*x!sym.unknown>, %bn_beta: tensor<*x!sym.unknown>, %bn_moving_mean: tensor<*x!sym.unknown>, %bn_moving_var: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.BatchNorm %x, %bn_gamma, %bn_beta, %bn_moving_mean, %bn_moving_var {fix_gamma = false} : (tensor<2x3x4x5xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @batch_norm_axis_last(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<4xf32>, %arg{{[0-9]+}}: tensor<4xf32>, %arg{{[0-9]+}}: tensor<4xf32>, %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<2x3x4xf32> {
func.func @batch_norm_axis_last(%x: tensor<2x3x4xf32>, %bn_gamma: tensor<*x!sym.unknown>, %bn_beta: tensor<*x!sym.unknown>, %bn_moving_mean: tensor<*x!sym.unknown>, %bn_moving_var: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.BatchNorm %x, %bn_gamma, %bn_beta, %bn_moving_mean, %bn_moving_var {axis = -1 : i64} : (tensor<2x3x4xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dropout(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5xf32>) -> tensor<2x5xf32> {
func.func @dropout(%x: tensor<2x5xf32>) -> tensor<*xf32> {
  %0:2 = sym.Dropout %x {p = 3.000000e-01 : f64} : (tensor<2x5xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @leaky_relu(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @leaky_relu(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0 = sym.LeakyReLU %x {slope = 3.000000e-01 : f64} : (tensor<2x3x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @prelu(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4x4xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<2x3x4x4xf32> {
func.func @prelu(%x: tensor<2x3x4x4xf32>, %prelu_gamma: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.LeakyReLU %x, %prelu_gamma {act_type = #sym.leaky_act_type<prelu>} : (tensor<2x3x4x4xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @embedding(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5xf32>, %arg{{[0-9]+}}: tensor<6x4xf32>) -> tensor<2x5x4xf32> {
func.func @embedding(%indices: tensor<2x5xf32>, %emb_weight: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.Embedding %indices, %emb_weight {input_dim = 6 : i64, output_dim = 4 : i64} : (tensor<2x5xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @group_norm(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x4x3x3xf32>, %arg{{[0-9]+}}: tensor<2xf32>, %arg{{[0-9]+}}: tensor<2xf32>) -> tensor<2x4x3x3xf32> {
func.func @group_norm(%x: tensor<2x4x3x3xf32>, %gn_gamma: tensor<*x!sym.unknown>, %gn_beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.GroupNorm %x, %gn_gamma, %gn_beta {num_groups = 2 : i64} : (tensor<2x4x3x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @instance_norm(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4x5xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<2x3x4x5xf32> {
func.func @instance_norm(%x: tensor<2x3x4x5xf32>, %in_gamma: tensor<*x!sym.unknown>, %in_beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.InstanceNorm %x, %in_gamma, %in_beta : (tensor<2x3x4x5xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @l2_normalization(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @l2_normalization(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0:2 = sym.L2Normalization %x {mode = "channel"} : (tensor<2x3x4xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @lrn(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5x3x3xf32>) -> tensor<2x5x3x3xf32> {
func.func @lrn(%x: tensor<2x5x3x3xf32>) -> tensor<*xf32> {
  %0:2 = sym.LRN %x {alpha = 1.000000e-02 : f64, beta = 6.000000e-01 : f64, knorm = 1.500000e+00 : f64, nsize = 3 : i64} : (tensor<2x5x3x3xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @layer_norm(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x8xf32>, %arg{{[0-9]+}}: tensor<8xf32>, %arg{{[0-9]+}}: tensor<8xf32>) -> tensor<2x3x8xf32> {
func.func @layer_norm(%x: tensor<2x3x8xf32>, %ln_gamma: tensor<*x!sym.unknown>, %ln_beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.LayerNorm %x, %ln_gamma, %ln_beta : (tensor<2x3x8xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @layer_norm_axis1(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x5x3xf32>, %arg{{[0-9]+}}: tensor<5xf32>, %arg{{[0-9]+}}: tensor<5xf32>) -> tensor<2x5x3xf32> {
func.func @layer_norm_axis1(%x: tensor<2x5x3xf32>, %ln_gamma: tensor<*x!sym.unknown>, %ln_beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.LayerNorm %x, %ln_gamma, %ln_beta {axis = 1 : i64, eps = 1.000000e-03 : f64} : (tensor<2x5x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @linear_regression_output(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x2xf32>, %arg{{[0-9]+}}: tensor<3x2xf32>) -> tensor<3x2xf32> {
func.func @linear_regression_output(%x: tensor<3x2xf32>, %lro_label: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.LinearRegressionOutput %x, %lro_label : (tensor<3x2xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @logistic_regression_output(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x2xf32>, %arg{{[0-9]+}}: tensor<3x2xf32>) -> tensor<3x2xf32> {
func.func @logistic_regression_output(%x: tensor<3x2xf32>, %gro_label: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.LogisticRegressionOutput %x, %gro_label : (tensor<3x2xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mae_regression_output(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x2xf32>, %arg{{[0-9]+}}: tensor<3x2xf32>) -> tensor<3x2xf32> {
func.func @mae_regression_output(%x: tensor<3x2xf32>, %mro_label: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.MAERegressionOutput %x, %mro_label : (tensor<3x2xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rnn_lstm(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x2x3xf32>, %arg{{[0-9]+}}: tensor<304xf32>, %arg{{[0-9]+}}: tensor<2x2x4xf32>, %arg{{[0-9]+}}: tensor<2x2x4xf32>) -> tensor<5x2x4xf32> {
func.func @rnn_lstm(%x: tensor<5x2x3xf32>, %params: tensor<*x!sym.unknown>, %state: tensor<*x!sym.unknown>, %cell: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.RNN %x, %params, %state, %cell {mode = #sym.rnn_mode<lstm>, num_layers = 2 : i64, state_size = 4 : i64} : (tensor<5x2x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rnn_gru_bidir_states(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x2x3xf32>, %arg{{[0-9]+}}: tensor<300xf32>, %arg{{[0-9]+}}: tensor<2x2x5xf32>) -> (tensor<4x2x10xf32>, tensor<2x2x5xf32>) {
func.func @rnn_gru_bidir_states(%x: tensor<4x2x3xf32>, %params: tensor<*x!sym.unknown>, %state: tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0:2 = sym.RNN %x, %params, %state {bidirectional = true, mode = #sym.rnn_mode<gru>, num_layers = 1 : i64, state_outputs = true, state_size = 5 : i64} : (tensor<4x2x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softmax_activation(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32> {
func.func @softmax_activation(%x: tensor<2x3x2x2xf32>) -> tensor<*xf32> {
  %0 = sym.SoftmaxActivation %x {mode = #sym.softmax_activation_mode<channel>} : (tensor<2x3x2x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softmax(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x5xf32>) -> tensor<2x3x5xf32> {
func.func @softmax(%x: tensor<2x3x5xf32>) -> tensor<*xf32> {
  %0 = sym.softmax %x {axis = 1 : i64} : (tensor<2x3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @log_softmax(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x5xf32>) -> tensor<2x3x5xf32> {
func.func @log_softmax(%x: tensor<2x3x5xf32>) -> tensor<*xf32> {
  %0 = sym.log_softmax %x {axis = 1 : i64} : (tensor<2x3x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softmin(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x6xf32>) -> tensor<3x6xf32> {
func.func @softmin(%x: tensor<3x6xf32>) -> tensor<*xf32> {
  %0 = sym.softmin %x : (tensor<3x6xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dot(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<4x5xf32>) -> tensor<3x5xf32> {
func.func @dot(%lhs: tensor<3x4xf32>, %rhs: tensor<4x5xf32>) -> tensor<*xf32> {
  %0 = sym.dot %lhs, %rhs : (tensor<3x4xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dot_transpose(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3xf32>, %arg{{[0-9]+}}: tensor<5x4xf32>) -> tensor<3x5xf32> {
func.func @dot_transpose(%lhs: tensor<4x3xf32>, %rhs: tensor<5x4xf32>) -> tensor<*xf32> {
  %0 = sym.dot %lhs, %rhs {transpose_a = true, transpose_b = true} : (tensor<4x3xf32>, tensor<5x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dot_nd(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<4x5xf32>) -> tensor<2x3x5xf32> {
func.func @dot_nd(%lhs: tensor<2x3x4xf32>, %rhs: tensor<4x5xf32>) -> tensor<*xf32> {
  %0 = sym.dot %lhs, %rhs : (tensor<2x3x4xf32>, tensor<4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @batch_dot(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
func.func @batch_dot(%lhs: tensor<2x3x4xf32>, %rhs: tensor<2x4x5xf32>) -> tensor<*xf32> {
  %0 = sym.batch_dot %lhs, %rhs : (tensor<2x3x4xf32>, tensor<2x4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @batch_dot_transpose(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x4x3xf32>, %arg{{[0-9]+}}: tensor<2x5x4xf32>) -> tensor<2x3x5xf32> {
func.func @batch_dot_transpose(%lhs: tensor<2x4x3xf32>, %rhs: tensor<2x5x4xf32>) -> tensor<*xf32> {
  %0 = sym.batch_dot %lhs, %rhs {transpose_a = true, transpose_b = true} : (tensor<2x4x3xf32>, tensor<2x5x4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @div_sqrt_dim(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x8xf32>) -> tensor<2x3x8xf32> {
func.func @div_sqrt_dim(%x: tensor<2x3x8xf32>) -> tensor<*xf32> {
  %0 = sym._contrib_div_sqrt_dim %x : (tensor<2x3x8xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dot_vec(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4xf32>, %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<1xf32> {
func.func @dot_vec(%a: tensor<4xf32>, %b: tensor<4xf32>) -> tensor<*xf32> {
  %0 = sym.dot %a, %b : (tensor<4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dot_mat_vec(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x4xf32>, %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<3xf32> {
func.func @dot_mat_vec(%a: tensor<3x4xf32>, %b: tensor<4xf32>) -> tensor<*xf32> {
  %0 = sym.dot %a, %b : (tensor<3x4xf32>, tensor<4xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dot_ta_nd(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3xf32>, %arg{{[0-9]+}}: tensor<4x2x5xf32>) -> tensor<3x2x5xf32> {
func.func @dot_ta_nd(%a: tensor<4x3xf32>, %b: tensor<4x2x5xf32>) -> tensor<*xf32> {
  %0 = sym.dot %a, %b {transpose_a = true} : (tensor<4x3xf32>, tensor<4x2x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @layer_norm_axis0(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3xf32>, %arg{{[0-9]+}}: tensor<4xf32>, %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<4x3xf32> {
func.func @layer_norm_axis0(%x: tensor<4x3xf32>, %gamma: tensor<*x!sym.unknown>, %beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.LayerNorm %x, %gamma, %beta {axis = 0 : i64} : (tensor<4x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @embedding_int(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xi32>, %arg{{[0-9]+}}: tensor<6x4xf32>) -> tensor<3x4xf32> {
func.func @embedding_int(%i: tensor<3xi32>, %weight: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.Embedding %i, %weight {input_dim = 6 : i64, output_dim = 4 : i64} : (tensor<3xi32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @embedding_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<6x4xf16>) -> tensor<3x4xf16> {
func.func @embedding_f16(%i: tensor<3xf32>, %weight: tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown> {
  %0 = sym.Embedding %i, %weight {dtype = f16, input_dim = 6 : i64, output_dim = 4 : i64} : (tensor<3xf32>, tensor<*x!sym.unknown>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @embedding_3d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<10x2xf32>) -> tensor<2x3x4x2xf32> {
func.func @embedding_3d(%i: tensor<2x3x4xf32>, %weight: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.Embedding %i, %weight {input_dim = 10 : i64, output_dim = 2 : i64} : (tensor<2x3x4xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softmin_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf16>) -> tensor<2x3xf16> {
func.func @softmin_f16(%x: tensor<2x3xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym.softmin %x {axis = 0 : i64} : (tensor<2x3xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @group_norm_more(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x8x3xf32>, %arg{{[0-9]+}}: tensor<4xf32>, %arg{{[0-9]+}}: tensor<4xf32>) -> tensor<2x8x3xf32> {
func.func @group_norm_more(%x: tensor<2x8x3xf32>, %gamma: tensor<*x!sym.unknown>, %beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.GroupNorm %x, %gamma, %beta {num_groups = 4 : i64} : (tensor<2x8x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @instance_norm_3d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<2x3x4xf32> {
func.func @instance_norm_3d(%x: tensor<2x3x4xf32>, %gamma: tensor<*x!sym.unknown>, %beta: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.InstanceNorm %x, %gamma, %beta : (tensor<2x3x4xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @l2norm_spatial(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4x2xf32>) -> tensor<2x3x4x2xf32> {
func.func @l2norm_spatial(%x: tensor<2x3x4x2xf32>) -> tensor<*xf32> {
  %0:2 = sym.L2Normalization %x {mode = "spatial"} : (tensor<2x3x4x2xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @l2norm_instance(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x4xf32>) -> tensor<2x3x4xf32> {
func.func @l2norm_instance(%x: tensor<2x3x4xf32>) -> tensor<*xf32> {
  %0:2 = sym.L2Normalization %x : (tensor<2x3x4xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rnn_relu_bidir(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<5x2x3xf32>, %arg{{[0-9]+}}: tensor<28xf32>, %arg{{[0-9]+}}: tensor<2x2x2xf32>) -> tensor<5x2x4xf32> {
func.func @rnn_relu_bidir(%x: tensor<5x2x3xf32>, %p: tensor<*x!sym.unknown>, %s: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.RNN %x, %p, %s {bidirectional = true, mode = #sym.rnn_mode<rnn_relu>, num_layers = 1 : i64, state_size = 2 : i64} : (tensor<5x2x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rnn_tanh_states(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<3x2x4xf32>, %arg{{[0-9]+}}: tensor<80xf32>, %arg{{[0-9]+}}: tensor<2x2x4xf32>) -> (tensor<3x2x4xf32>, tensor<2x2x4xf32>) {
func.func @rnn_tanh_states(%x: tensor<3x2x4xf32>, %p: tensor<*x!sym.unknown>, %s: tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0:2 = sym.RNN %x, %p, %s {mode = #sym.rnn_mode<rnn_tanh>, num_layers = 2 : i64, state_outputs = true, state_size = 4 : i64} : (tensor<3x2x4xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @rnn_lstm_states(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3x5xf32>, %arg{{[0-9]+}}: tensor<504xf32>, %arg{{[0-9]+}}: tensor<4x3x3xf32>, %arg{{[0-9]+}}: tensor<4x3x3xf32>) -> (tensor<4x3x6xf32>, tensor<4x3x3xf32>, tensor<4x3x3xf32>) {
func.func @rnn_lstm_states(%x: tensor<4x3x5xf32>, %p: tensor<*x!sym.unknown>, %s: tensor<*x!sym.unknown>, %c: tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
  %0:3 = sym.RNN %x, %p, %s, %c {bidirectional = true, mode = #sym.rnn_mode<lstm>, num_layers = 2 : i64, state_outputs = true, state_size = 3 : i64} : (tensor<4x3x5xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1, %0#2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @lrn_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<1x3x2x2xf16>) -> tensor<1x3x2x2xf16> {
func.func @lrn_f16(%x: tensor<1x3x2x2xf16>) -> tensor<*x!sym.unknown> {
  %0:2 = sym.LRN %x {nsize = 3 : i64} : (tensor<1x3x2x2xf16>) -> (tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @div_sqrt_dim_f16(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x4xf16>) -> tensor<2x4xf16> {
func.func @div_sqrt_dim_f16(%x: tensor<2x4xf16>) -> tensor<*x!sym.unknown> {
  %0 = sym._contrib_div_sqrt_dim %x : (tensor<2x4xf16>) -> tensor<*x!sym.unknown>
  return %0 : tensor<*x!sym.unknown>
}

// -----

// CHECK-LABEL: func @batch_dot_ta(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x4x3xf32>, %arg{{[0-9]+}}: tensor<2x4x5xf32>) -> tensor<2x3x5xf32> {
func.func @batch_dot_ta(%a: tensor<2x4x3xf32>, %b: tensor<2x4x5xf32>) -> tensor<*xf32> {
  %0 = sym.batch_dot %a, %b {transpose_a = true} : (tensor<2x4x3xf32>, tensor<2x4x5xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @softmax_activation_instance(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x2x2xf32>) -> tensor<2x3x2x2xf32> {
func.func @softmax_activation_instance(%x: tensor<2x3x2x2xf32>) -> tensor<*xf32> {
  %0 = sym.SoftmaxActivation %x : (tensor<2x3x2x2xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @mae_label_4d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3x2xf32>, %arg{{[0-9]+}}: tensor<2x3x2xf32>) -> tensor<2x3x2xf32> {
func.func @mae_label_4d(%x: tensor<2x3x2xf32>, %m_label: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0 = sym.MAERegressionOutput %x, %m_label : (tensor<2x3x2xf32>, tensor<*x!sym.unknown>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @leaky_elu(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @leaky_elu(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0 = sym.LeakyReLU %x {act_type = #sym.leaky_act_type<elu>} : (tensor<2x3xf32>) -> tensor<*xf32>
  return %0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @leaky_rrelu(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> (tensor<2x3xf32>, tensor<2x3xf32>) {
func.func @leaky_rrelu(%x: tensor<2x3xf32>) -> (tensor<*xf32>, tensor<*xf32>) {
  %0:2 = sym.LeakyReLU %x {act_type = #sym.leaky_act_type<rrelu>} : (tensor<2x3xf32>) -> (tensor<*xf32>, tensor<*xf32>)
  return %0#0, %0#1 : tensor<*xf32>, tensor<*xf32>
}

// -----

// CHECK-LABEL: func @dropout_axes(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<2x3xf32>) -> tensor<2x3xf32> {
func.func @dropout_axes(%x: tensor<2x3xf32>) -> tensor<*xf32> {
  %0:2 = sym.Dropout %x {axes = array<i64: 0>} : (tensor<2x3xf32>) -> (tensor<*xf32>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}

// -----

// CHECK-LABEL: func @batchnorm_1d(
// CHECK-SAME: %arg{{[0-9]+}}: tensor<4x3xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>, %arg{{[0-9]+}}: tensor<3xf32>) -> tensor<4x3xf32> {
func.func @batchnorm_1d(%x: tensor<4x3xf32>, %bn_gamma: tensor<*x!sym.unknown>, %bn_beta: tensor<*x!sym.unknown>, %bn_moving_mean: tensor<*x!sym.unknown>, %bn_moving_var: tensor<*x!sym.unknown>) -> tensor<*xf32> {
  %0:3 = sym.BatchNorm %x, %bn_gamma, %bn_beta, %bn_moving_mean, %bn_moving_var : (tensor<4x3xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>) -> (tensor<*xf32>, tensor<*x!sym.unknown>, tensor<*x!sym.unknown>)
  return %0#0 : tensor<*xf32>
}
