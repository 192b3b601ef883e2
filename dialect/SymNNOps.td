//===- SymNNOps.td - neural-network layer ops -------------*- tablegen -*-===//
//
// FullyConnected, Convolution, Pooling, activations, BatchNorm, Dropout and
// the softmax family, with MXNet 1.9's parameters and defaults.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_NN_OPS
#define SYM_NN_OPS

include "SymBase.td"

def Sym_FullyConnectedOp : Sym_Op<"FullyConnected", [Sym_WeightsAfterData]> {
  let summary = "y = x W^T + b";
  let description = [{
    With `flatten` the input (N, ...) is treated as (N, prod(...)) and the
    weight is (num_hidden, prod(...)); without it the op applies to the last
    axis. Source: src/operator/nn/fully_connected.cc (FullyConnectedShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$weight,
      Optional<Sym_Tensor>:$bias,
      Sym_I64Attr:$num_hidden, Sym_DefaultBool<"false">:$no_bias,
      Sym_DefaultBool<"true">:$flatten);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_ConvolutionOp : Sym_Op<"Convolution", [Sym_WeightsAfterData]> {
  let summary = "N-D convolution (NCHW layout, grouped, dilated)";
  let description = [{
    Weight (num_filter, C/num_group, *kernel). Empty stride/dilate/pad mean
    1/1/0. Source: src/operator/nn/convolution.cc (ConvolutionShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$weight,
      Optional<Sym_Tensor>:$bias,
      DenseI64ArrayAttr:$kernel, Sym_OptTuple:$stride, Sym_OptTuple:$dilate,
      Sym_OptTuple:$pad, Sym_I64Attr:$num_filter, Sym_DefaultI64<"1">:$num_group,
      Sym_DefaultBool<"false">:$no_bias, OptionalAttr<StrAttr>:$layout);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Stride, dilation and padding with MXNet's defaults filled in.
    ::llvm::SmallVector<int64_t> getStrideOrDefault();
    ::llvm::SmallVector<int64_t> getDilateOrDefault();
    ::llvm::SmallVector<int64_t> getPadOrDefault();
  }];
}

def Sym_DeconvolutionOp : Sym_Op<"Deconvolution"> {
  let summary = "transposed convolution (NCHW)";
  let description = [{
    Weight (C, num_filter / num_group, *kernel). Output extent per axis:
    s (x - 1) + d (k - 1) + 1 - 2 p + adj; a non-zero `target_shape`
    decides pad and adj instead (DeconvolutionParam::InferPad).
    no_bias defaults to true. Source: src/operator/nn/deconvolution.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$weight,
      Optional<Sym_Tensor>:$bias,
      DenseI64ArrayAttr:$kernel, Sym_OptTuple:$stride, Sym_OptTuple:$dilate,
      Sym_OptTuple:$pad, Sym_OptTuple:$adj, Sym_OptTuple:$target_shape,
      Sym_I64Attr:$num_filter, Sym_DefaultI64<"1">:$num_group,
      Sym_DefaultBool<"true">:$no_bias, OptionalAttr<StrAttr>:$layout);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Per spatial axis of an input extent `in`: (pad, adj) after
    /// MXNet's InferPad.
    std::pair<int64_t, int64_t> getPadAndAdj(size_t axis, int64_t in);
  }];
}

def Sym_PoolingOp : Sym_Op<"Pooling"> {
  let summary = "max / avg / sum / lp pooling";
  let description = [{
    Output size per spatial axis: valid = 1 + floor((x + 2p - k) / s),
    full = 1 + ceil((x + 2p - k) / s). `global_pool` pools each whole
    spatial plane. Source: src/operator/nn/pooling.cc (PoolingShape).
  }];
  let arguments = (ins Sym_Tensor:$data,
      Sym_OptTuple:$kernel,
      DefaultValuedAttr<Sym_PoolTypeAttr, "::symc::sym::PoolType::max">:$pool_type,
      Sym_DefaultBool<"false">:$global_pool,
      DefaultValuedAttr<Sym_PoolingConventionAttr,
          "::symc::sym::PoolingConvention::valid">:$pooling_convention,
      Sym_OptTuple:$stride, Sym_OptTuple:$pad,
      OptionalAttr<Sym_I64Attr>:$p_value, OptionalAttr<BoolAttr>:$count_include_pad,
      OptionalAttr<StrAttr>:$layout);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_ActivationOp : Sym_Op<"Activation"> {
  let summary = "elementwise activation";
  let description = [{ Source: src/operator/nn/activation.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_ActTypeAttr:$act_type);
  let results = (outs Sym_Tensor:$output);
}

def Sym_LeakyReLUOp : Sym_Op<"LeakyReLU", [Sym_WeightsAfterData]> {
  let summary = "leaky / prelu / rrelu / elu / selu / gelu";
  let description = [{
    `prelu` takes a learned `gamma` of shape (C,) applied along axis 1; at
    inference `rrelu` uses the slope (lower_bound + upper_bound) / 2 and has
    a second, visible `mask` output (not written by MXNet at inference).
    Source: src/operator/leaky_relu.cc (LeakyReLUShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Optional<Sym_Tensor>:$gamma,
      DefaultValuedAttr<Sym_LeakyActTypeAttr,
          "::symc::sym::LeakyActType::leaky">:$act_type,
      Sym_DefaultF64<"0.25">:$slope, Sym_DefaultF64<"0.125">:$lower_bound,
      Sym_DefaultF64<"0.334">:$upper_bound);
  let results = (outs Sym_Tensor:$output, Optional<Sym_Tensor>:$mask);
  let hasVerifier = 1;
}

def Sym_BatchNormOp : Sym_Op<"BatchNorm", [Sym_WeightsAfterData, DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "batch normalization (inference form)";
  let description = [{
    Inputs data, gamma, beta and the auxiliary states moving_mean and
    moving_var; outputs (output, mean, var), of which only `output` is
    visible. At inference the moving statistics are used; `fix_gamma` treats
    gamma as 1. Source: src/operator/nn/batch_norm.cc (BatchNormShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$gamma, Sym_Tensor:$beta,
      Sym_Tensor:$moving_mean, Sym_Tensor:$moving_var,
      Sym_DefaultF64<"1e-3">:$eps, Sym_DefaultF64<"0.9">:$momentum,
      Sym_DefaultBool<"true">:$fix_gamma,
      Sym_DefaultBool<"false">:$use_global_stats,
      Sym_DefaultBool<"false">:$output_mean_var, Sym_DefaultI64<"1">:$axis);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$mean, Sym_Tensor:$var);
}

def Sym_DropoutOp : Sym_Op<"Dropout"> {
  let summary = "dropout; the identity at inference";
  let description = [{
    Outputs (output, mask); only `output` is visible. In `training` mode
    (the default) inference passes the input through.
    Source: src/operator/nn/dropout.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"0.5">:$p,
      DefaultValuedAttr<Sym_DropoutModeAttr,
          "::symc::sym::DropoutMode::training">:$mode,
      Sym_OptTuple:$axes, OptionalAttr<BoolAttr>:$cudnn_off);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$mask);
}

def Sym_SoftmaxOutputOp : Sym_Op<"SoftmaxOutput"> {
  let summary = "softmax with a training label (alias Softmax)";
  let description = [{
    At inference the label is unused (it needs no value); its shape is still
    inferred from the data, as MXNet does. With multi_output the softmax runs
    over axis 1; with preserve_shape over the last axis; otherwise MXNet
    1.9.1 as shipped (with MKLDNN) uses the last axis for rank 1, 2 and 4
    and the native (N, -1) view for other ranks.
    Source: src/operator/softmax_output.cc (SoftmaxOutputShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$label,
      Sym_DefaultF64<"1.0">:$grad_scale, Sym_DefaultF64<"-1.0">:$ignore_label,
      Sym_DefaultBool<"false">:$multi_output,
      Sym_DefaultBool<"false">:$use_ignore,
      Sym_DefaultBool<"false">:$preserve_shape,
      DefaultValuedAttr<Sym_SoftmaxNormalizationAttr,
          "::symc::sym::SoftmaxNormalization::null">:$normalization,
      Sym_DefaultBool<"false">:$out_grad, Sym_DefaultF64<"0.0">:$smooth_alpha);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SoftmaxActivationOp : Sym_Op<"SoftmaxActivation"> {
  let summary = "softmax over the last axis (instance) or axis 1 (channel)";
  let description = [{ Source: src/operator/nn/softmax_activation.cc. }];
  let arguments = (ins Sym_Tensor:$data,
      DefaultValuedAttr<Sym_SoftmaxActivationModeAttr,
          "::symc::sym::SoftmaxActivationMode::instance">:$mode);
  let results = (outs Sym_Tensor:$output);
}

class Sym_SoftmaxFamilyOp<string mnemonic, string what>
    : Sym_Op<mnemonic, [DeclareOpInterfaceMethods<Sym_InferInterface,
                                                  ["inferShapes", "inferTypes"]>]> {
  let summary = what # " along an axis, with temperature";
  let description = [{ Source: src/operator/nn/softmax.cc (softmax-inl.h). }];
  let arguments = (ins Sym_Tensor:$data, Optional<Sym_Tensor>:$length,
      Sym_DefaultI64<"-1">:$axis, OptionalAttr<F64Attr>:$temperature,
      OptionalAttr<TypeAttr>:$dtype, Sym_DefaultBool<"false">:$use_length);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_SoftmaxOp : Sym_SoftmaxFamilyOp<"softmax", "exp(x) / sum(exp(x))">;
def Sym_LogSoftmaxOp : Sym_SoftmaxFamilyOp<"log_softmax", "log(softmax(x))">;
def Sym_SoftminOp : Sym_SoftmaxFamilyOp<"softmin", "softmax(-x)">;

class Sym_RegressionOutputOp<string mnemonic, string what> : Sym_Op<mnemonic> {
  let summary = what # " at inference; the label is for training";
  let description = [{
    The label needs no value at inference; its shape follows the data.
    Source: src/operator/regression_output.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$label,
      Sym_DefaultF64<"1.0">:$grad_scale);
  let results = (outs Sym_Tensor:$output);
}

def Sym_LinearRegressionOutputOp
    : Sym_RegressionOutputOp<"LinearRegressionOutput", "the identity">;
def Sym_MAERegressionOutputOp
    : Sym_RegressionOutputOp<"MAERegressionOutput", "the identity">;
def Sym_LogisticRegressionOutputOp
    : Sym_RegressionOutputOp<"LogisticRegressionOutput", "sigmoid(data)">;

def Sym_RNNOp : Sym_Op<"RNN", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "fused multi-layer RNN, LSTM or GRU over (T, N, I) data";
  let description = [{
    `parameters` packs every weight, then every bias: for each layer and
    direction W_i2h (G*H, in) and W_h2h (G*H, H), then b_i2h and b_h2h
    (G*H each), G = 1 / 4 / 3 gates for rnn_* / lstm (i, f, g, o) / gru
    (r, z, n). `state` (and `state_cell` for lstm) are (L*D, N, H); with
    use_sequence_length a (N,) `sequence_length` follows. The extra inputs
    sit in `optional_inputs` in that order. Outputs: (T, N, D*H) and, with
    state_outputs, the final states. Dropout `p` acts only in training.
    Source: src/operator/rnn.cc (RNNShape), rnn_impl.h.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$parameters,
      Sym_Tensor:$state, Variadic<Sym_Tensor>:$optional_inputs,
      Sym_I64Attr:$state_size, Sym_I64Attr:$num_layers,
      Sym_DefaultBool<"false">:$bidirectional, Sym_RNNModeAttr:$mode,
      Sym_DefaultF64<"0.0">:$p, Sym_DefaultBool<"false">:$state_outputs,
      OptionalAttr<Sym_I64Attr>:$projection_size,
      OptionalAttr<F64Attr>:$lstm_state_clip_min,
      OptionalAttr<F64Attr>:$lstm_state_clip_max,
      Sym_DefaultBool<"false">:$lstm_state_clip_nan,
      Sym_DefaultBool<"false">:$use_sequence_length);
  let results = (outs Variadic<Sym_Tensor>:$outputs);
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// Gates per cell: 1 (rnn_relu, rnn_tanh), 4 (lstm) or 3 (gru).
    int64_t getNumGates();
    int64_t getNumDirections() { return getBidirectional() ? 2 : 1; }
    /// The LSTM cell state input, or null for the other modes.
    ::mlir::Value getStateCell();
    /// The (N,) lengths input, or null without use_sequence_length.
    ::mlir::Value getSequenceLength();
    /// Length of the packed parameter vector for `inputSize` features
    /// (GetRnnParamSize).
    int64_t getParameterSize(int64_t inputSize);
  }];
}

#endif // SYM_NN_OPS
