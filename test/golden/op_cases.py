"""One-op (and few-op) graphs built with MXNet, with seeded weights, that
cover each op and attribute symc lowers. Imported by generate.py, which runs
inside the MXNet 1.9.1 virtualenv."""
import json
import os
import zlib

# name -> (builder(mx) -> (symbol, {input: shape})). Inputs named *_pos get
# strictly positive values (divisors); "big" inputs span [-30, 30].


def v(mx, name):
    """A variable; names ending in _i32 are int32 (others float32)."""
    return mx.sym.var(name, dtype="int32") if name.endswith("_i32") else mx.sym.var(name)


def op(mx, name):
    """A public op, or an internal one such as _plus_scalar."""
    return getattr(mx.sym, name, None) or getattr(mx.sym._internal, name)


def _cases():
    import mxnet.symbol as mx_ops
    C = {}

    def case(name):
        def register(fn):
            C[name] = fn
            return fn
        return register

    # --- NN: FullyConnected, Convolution, Pooling, BatchNorm, Dropout ---
    C["fc_basic"] = lambda mx: (mx.sym.FullyConnected(v(mx, "data"), num_hidden=5, name="fc"), {"data": (3, 10)})
    C["fc_ragged_batch"] = lambda mx: (mx.sym.FullyConnected(v(mx, "data"), num_hidden=70, name="fc"), {"data": (13, 100)})
    C["fc_nobias"] = lambda mx: (mx.sym.FullyConnected(v(mx, "data"), num_hidden=5, no_bias=True, name="fc"), {"data": (3, 10)})
    C["fc_flatten"] = lambda mx: (mx.sym.FullyConnected(v(mx, "data"), num_hidden=7, name="fc"), {"data": (2, 3, 4, 5)})
    C["fc_noflatten"] = lambda mx: (mx.sym.FullyConnected(v(mx, "data"), num_hidden=4, flatten=False, name="fc"), {"data": (2, 3, 6)})
    C["conv_basic"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), num_filter=4, name="conv"), {"data": (2, 3, 9, 9)})
    C["conv_stride_pad"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), stride=(2, 2), pad=(1, 1), num_filter=5, name="conv"), {"data": (2, 3, 10, 9)})
    C["conv_dilate"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), dilate=(2, 2), pad=(2, 1), num_filter=3, name="conv"), {"data": (1, 2, 11, 10)})
    # Half the products with padding, 35M of them: one piece per tap in
    # symc-cpu-schedule (fewer than 2^25 stay whole, as the strided case).
    C["conv_dilate_wide_pad"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), dilate=(6, 6), pad=(6, 6), num_filter=320, name="conv"), {"data": (4, 32, 14, 14)})
    C["conv_dilate_wide_pad_strided"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), dilate=(4, 5), stride=(1, 2), pad=(4, 5), num_filter=5, name="conv"), {"data": (2, 3, 9, 12)})
    # Border rows whose kernel rows read only padding are computed with the
    # kernel rows that read real input (symc's row pieces, from 4M skipped
    # products): rows 0-1 and 11-12 read none, 2 and 10 one kernel row.
    C["conv_padding_rows"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(4, 1), num_filter=96, name="conv"), {"data": (2, 96, 7, 7)})
    # 3x3 stride-1 layers of 32 channels or more run as Winograd in
    # symc-cpu-schedule: F(2x2, 3x3) for an odd output (tiles padded, sliced
    # back) over two images with a bias; F(4x4, 3x3) where the sides are
    # multiples of 4: 20 x 20 (one block of 25 tiles), and 40 x 40 over two
    # images with a bias and a ReLU (the ReLU on the output transform's
    # vectors; blocks of 5 tile rows).
    C["conv_winograd"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(1, 1), num_filter=48, name="conv"), {"data": (2, 32, 9, 11)})
    C["conv_winograd_f4_blocks"] = lambda mx: (mx.sym.Activation(mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(1, 1), num_filter=32, name="conv"), act_type="relu", name="relu"), {"data": (2, 32, 40, 40)})
    # Filters that are not whole vectors (36: 40 with 8 lanes, 48 with 16)
    # are padded with zero filters; the ReLU then runs apart. F(2x2, 3x3) at
    # 10 x 12, F(4x4, 3x3) at 8 x 12.
    C["conv_winograd_padded_filters"] = lambda mx: (mx.sym.Activation(mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(1, 1), num_filter=36, name="conv"), act_type="relu", name="relu"), {"data": (1, 32, 10, 12)})
    C["conv_winograd_f4_padded_filters"] = lambda mx: (mx.sym.Activation(mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(1, 1), num_filter=36, name="conv"), act_type="relu", name="relu"), {"data": (1, 32, 8, 12)})
    C["conv_winograd_blocks"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(1, 1), num_filter=64, no_bias=True, name="conv"), {"data": (1, 64, 20, 20)})
    C["conv_padding_rows_dilated"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), dilate=(2, 1), pad=(3, 1), num_filter=128, no_bias=True, name="conv"), {"data": (2, 96, 9, 9)})
    C["conv_group"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), num_group=2, num_filter=6, name="conv"), {"data": (2, 4, 8, 8)})
    C["conv_depthwise"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3, 3), pad=(1, 1), num_group=4, num_filter=4, no_bias=True, name="conv"), {"data": (1, 4, 7, 7)})
    C["conv_rect"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(1, 3), stride=(1, 2), pad=(0, 1), num_filter=2, name="conv"), {"data": (1, 3, 5, 11)})
    C["conv_1d"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3,), stride=(2,), pad=(1,), num_filter=4, name="conv"), {"data": (2, 3, 10)})
    C["deconv_basic"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(3, 3), dilate=(1, 1), num_filter=4, name="dc"), {"data": (2, 3, 5, 5)})
    C["deconv_stride_pad"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(4, 4), dilate=(1, 1), stride=(2, 2), pad=(1, 1), num_filter=2, no_bias=False, name="dc"), {"data": (1, 3, 4, 5)})
    C["deconv_adj"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(3, 3), dilate=(1, 1), stride=(2, 2), adj=(1, 1), pad=(1, 0), num_filter=3, name="dc"), {"data": (1, 2, 4, 3)})
    C["conv_1d_group"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(3,), stride=(2,), pad=(1,), dilate=(1,), num_group=2, num_filter=6, name="conv"), {"data": (2, 4, 11)})
    C["conv_3d_group"] = lambda mx: (mx.sym.Convolution(v(mx, "data"), kernel=(2, 3, 2), stride=(1, 2, 1), pad=(1, 0, 1), num_group=2, num_filter=4, name="conv"), {"data": (1, 4, 4, 5, 3)})
    C["deconv_1d"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(3,), stride=(2,), pad=(1,), adj=(1,), dilate=(1,), num_filter=3, no_bias=False, name="dc"), {"data": (2, 2, 5)})
    C["deconv_3d"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(2, 3, 2), stride=(2, 1, 2), pad=(0, 1, 0), dilate=(1, 1, 1), num_filter=2, name="dc"), {"data": (1, 3, 3, 4, 2)})
    C["deconv_group"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(3, 3), stride=(2, 2), pad=(1, 1), dilate=(1, 1), num_group=2, num_filter=4, no_bias=False, name="dc"), {"data": (1, 4, 3, 4)})
    C["deconv_target_shape"] = lambda mx: (mx.sym.Deconvolution(v(mx, "data"), kernel=(4, 4), stride=(2, 2), dilate=(1, 1), target_shape=(8, 9), num_filter=2, name="dc"), {"data": (1, 3, 4, 4)})
    # MXNet 1.9.1's Deconvolution kernels cannot serve here: oneDNN refuses
    # dilation and the native kernel misplaces dilated taps. The oracle is
    # MXNet's own definition of the transposed convolution, the gradient of
    # Convolution with respect to its input (fourth element).
    def deconv_dilate(mx):
        attrs = dict(kernel=(3, 2), stride=(1, 2), dilate=(2, 3), pad=(1, 1))
        def oracle(args):
            x, w = args["data"], args["dc_weight"]
            deconv = mx.sym.Deconvolution(v(mx, "data"), num_filter=3, **attrs)
            out_shape = deconv.infer_shape(data=x.shape)[1][0]
            grad_in = mx.nd.zeros(out_shape)
            grad_in.attach_grad()
            with mx.autograd.record():
                y = mx.nd.Convolution(grad_in, w, num_filter=w.shape[0], no_bias=True, **attrs)
            y.backward(x)
            return [grad_in.grad]
        return (mx.sym.Deconvolution(v(mx, "data"), num_filter=3, name="dc", **attrs),
                {"data": (1, 2, 4, 3)}, None, oracle)
    C["deconv_dilate"] = deconv_dilate
    C["pool_3d_max"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2, 2, 3), stride=(2, 1, 2), pad=(0, 1, 1), pool_type="max", name="pool"), {"data": (1, 2, 5, 4, 7)})
    C["pool_3d_avg_full"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2, 3, 2), stride=(2, 2, 2), pad=(1, 1, 0), pool_type="avg", pooling_convention="full", count_include_pad=False, name="pool"), {"data": (2, 1, 5, 6, 5)})
    C["pool_3d_global"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(1, 1, 1), global_pool=True, pool_type="avg", name="pool"), {"data": (1, 3, 2, 3, 4)})
    C["pool_max_valid"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2, 2), stride=(2, 2), pool_type="max", name="pool"), {"data": (2, 3, 9, 9)})
    C["pool_max_full"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(3, 3), stride=(2, 2), pool_type="max", pooling_convention="full", name="pool"), {"data": (1, 2, 9, 10)})
    C["pool_avg_pad"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(3, 3), stride=(2, 2), pad=(1, 1), pool_type="avg", name="pool"), {"data": (1, 2, 9, 8)})
    C["pool_avg_full_nopad"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(3, 3), stride=(2, 2), pad=(1, 1), pool_type="avg", pooling_convention="full", count_include_pad=False, name="pool"), {"data": (1, 2, 10, 9)})
    C["pool_avg_full_pad"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(3, 3), stride=(2, 2), pool_type="avg", pooling_convention="full", name="pool"), {"data": (1, 2, 10, 9)})
    C["pool_sum"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2, 3), stride=(1, 2), pool_type="sum", name="pool"), {"data": (1, 2, 6, 7)})
    C["pool_global_avg"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(1, 1), global_pool=True, pool_type="avg", name="pool"), {"data": (2, 3, 5, 6)})
    C["pool_1d_max"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(3,), stride=(2,), pool_type="max", pooling_convention="full", name="pool"), {"data": (2, 3, 10)})
    C["pool_1d_avg"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2,), stride=(1,), pad=(1,), pool_type="avg", name="pool"), {"data": (2, 3, 7)})
    C["pool_lp2"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2, 2), stride=(2, 2), pool_type="lp", p_value=2, name="pool"), {"data": (1, 2, 4, 6)})
    C["pool_lp1"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(3, 3), stride=(1, 1), pool_type="lp", p_value=1, name="pool"), {"data": (1, 2, 4, 5)})
    C["pool_lp3"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(2, 2), stride=(2, 2), pool_type="lp", p_value=3, name="pool"), {"data": (1, 2, 4, 6)})
    C["pool_global_max"] = lambda mx: (mx.sym.Pooling(v(mx, "data"), kernel=(1, 1), global_pool=True, pool_type="max", name="pool"), {"data": (2, 3, 5, 6)})
    C["bn_fix_gamma"] = lambda mx: (mx.sym.BatchNorm(v(mx, "data"), name="bn"), {"data": (2, 3, 4, 5)})
    C["bn_gamma"] = lambda mx: (mx.sym.BatchNorm(v(mx, "data"), fix_gamma=False, eps=1e-5, name="bn"), {"data": (2, 3, 4, 5)})
    C["bn_axis_last"] = lambda mx: (mx.sym.BatchNorm(v(mx, "data"), fix_gamma=False, axis=-1, name="bn"), {"data": (2, 3, 4)})
    C["dropout"] = lambda mx: (mx.sym.Dropout(v(mx, "data"), p=0.3, name="drop"), {"data": (2, 5)})

    # --- activations ---
    for act in ["relu", "sigmoid", "tanh", "softrelu", "softsign"]:
        C["act_" + act] = (lambda a: lambda mx: (mx.sym.Activation(v(mx, "data_big"), act_type=a, name="act"), {"data_big": (2, 3, 4)}))(act)
    # rrelu's second output (mask) is left unwritten by MXNet at inference.
    C["leaky_rrelu"] = lambda mx: (mx.sym.LeakyReLU(v(mx, "data"), act_type="rrelu", name="lrelu")[0], {"data": (2, 3, 4)})
    for act in ["leaky", "elu", "selu", "gelu"]:
        C["leaky_" + act] = (lambda a: lambda mx: (mx.sym.LeakyReLU(v(mx, "data"), act_type=a, slope=0.3, name="lrelu"), {"data": (2, 3, 4)}))(act)
    C["leaky_prelu"] = lambda mx: (mx.sym.LeakyReLU(v(mx, "data"), act_type="prelu", name="prelu"), {"data": (2, 3, 4, 4)})

    # --- softmax family ---
    C["softmax_last"] = lambda mx: (mx.sym.softmax(v(mx, "data"), name="sm"), {"data": (2, 3, 5)})
    C["softmax_axis1"] = lambda mx: (mx.sym.softmax(v(mx, "data"), axis=1, name="sm"), {"data": (2, 3, 5)})
    C["softmax_temperature"] = lambda mx: (mx.sym.softmax(v(mx, "data"), temperature=2.5, name="sm"), {"data": (3, 6)})
    C["softmax_log"] = lambda mx: (mx.sym.log_softmax(v(mx, "data"), axis=1, name="sm"), {"data": (2, 3, 5)})
    C["softmax_log_temperature"] = lambda mx: (mx.sym.log_softmax(v(mx, "data"), temperature=0.5, name="sm"), {"data": (3, 6)})
    C["softmax_min"] = lambda mx: (mx.sym.softmin(v(mx, "data"), name="sm"), {"data": (3, 6)})
    C["regression_linear"] = lambda mx: (mx.sym.LinearRegressionOutput(v(mx, "data"), name="lro"), {"data": (3, 2)})
    C["regression_mae"] = lambda mx: (mx.sym.MAERegressionOutput(v(mx, "data"), name="mro"), {"data": (3, 2)})
    C["regression_logistic"] = lambda mx: (mx.sym.LogisticRegressionOutput(v(mx, "data"), name="gro"), {"data": (3, 2)})
    C["softmax_output"] = lambda mx: (mx.sym.SoftmaxOutput(v(mx, "data"), name="softmax"), {"data": (3, 6)})
    C["softmax_output_4d"] = lambda mx: (mx.sym.SoftmaxOutput(v(mx, "data"), name="softmax"), {"data": (2, 3, 2, 2)})
    C["softmax_output_multi"] = lambda mx: (mx.sym.SoftmaxOutput(v(mx, "data"), multi_output=True, name="softmax"), {"data": (2, 3, 2, 2)})
    C["softmax_output_preserve"] = lambda mx: (mx.sym.SoftmaxOutput(v(mx, "data"), preserve_shape=True, name="softmax"), {"data": (2, 3, 4)})
    C["softmax_activation_instance"] = lambda mx: (mx.sym.SoftmaxActivation(v(mx, "data"), name="sa"), {"data": (2, 3, 2, 2)})
    C["softmax_activation_channel"] = lambda mx: (mx.sym.SoftmaxActivation(v(mx, "data"), mode="channel", name="sa"), {"data": (2, 3, 2, 2)})

    # --- elementwise ---
    for name in ["elemwise_add", "elemwise_sub", "elemwise_mul", "elemwise_div", "_maximum", "_minimum"]:
        C["binary" + name] = (lambda o: lambda mx: (op(mx, o)(v(mx, "lhs"), v(mx, "rhs_pos"), name="bin"), {"lhs": (2, 3, 4), "rhs_pos": (2, 3, 4)}))(name)
    for name in ["_plus_scalar", "_minus_scalar", "_rminus_scalar", "_mul_scalar", "_div_scalar", "_rdiv_scalar", "_maximum_scalar", "_minimum_scalar"]:
        C["scalar" + name] = (lambda o: lambda mx: (op(mx, o)(v(mx, "data_pos"), scalar=0.75, name="sc"), {"data_pos": (3, 4)}))(name)
    C["cast_f64"] = lambda mx: (mx.sym.Cast(v(mx, "data"), dtype="float64", name="cast"), {"data": (2, 5)})
    C["cast_i32"] = lambda mx: (mx.sym.Cast(v(mx, "data_big"), dtype="int32", name="cast"), {"data_big": (2, 5)})
    C["cast_roundtrip"] = lambda mx: (mx.sym.Cast(mx.sym.Cast(v(mx, "data"), dtype="float16", name="c16"), dtype="float32", name="c32"), {"data": (2, 5)})

    # --- shape ops ---
    C["flatten"] = lambda mx: (mx.sym.Flatten(v(mx, "data"), name="flat"), {"data": (2, 3, 4)})
    for i, (shape, rev) in enumerate([((0, -1), False), ((-1, 0), True), ((-2,), False), ((-3, -2), False),
                                      ((0, -4, 2, -1, -2), False), ((6, -1), False), ((-1,), False)]):
        C[f"reshape_{i}"] = (lambda s, r: lambda mx: (mx.sym.Reshape(v(mx, "data"), shape=s, reverse=r, name="reshape"), {"data": (2, 4, 3, 5)}))(shape, rev)
    C["transpose_default"] = lambda mx: (mx.sym.transpose(v(mx, "data"), name="tr"), {"data": (2, 3, 4)})
    C["transpose_axes"] = lambda mx: (mx.sym.transpose(v(mx, "data"), axes=(0, 2, 3, 1), name="tr"), {"data": (2, 3, 4, 5)})
    C["concat_dim1"] = lambda mx: (mx.sym.Concat(v(mx, "a"), v(mx, "b"), v(mx, "c"), dim=1, name="cat"), {"a": (2, 1, 3), "b": (2, 4, 3), "c": (2, 2, 3)})
    C["concat_dim0"] = lambda mx: (mx.sym.Concat(v(mx, "a"), v(mx, "b"), dim=0, name="cat"), {"a": (1, 3), "b": (2, 3)})
    C["slice_channel"] = lambda mx: (mx.sym.SliceChannel(v(mx, "data"), num_outputs=3, axis=1, name="split"), {"data": (2, 6, 2)})
    C["slice_channel_squeeze"] = lambda mx: (mx.sym.split(v(mx, "data"), num_outputs=4, axis=-1, squeeze_axis=True, name="split"), {"data": (2, 3, 4)})

    # --- unary math (op names as MXNet registers them) ---
    UNARY_DOMAIN = {'sqrt': 'pos', 'rsqrt': 'pos', 'log': 'pos', 'log10': 'pos', 'log2': 'pos', 'log1p': 'pos', 'cbrt': '', 'rcbrt': 'pos', 'arcsin': 'unit', 'arccos': 'unit', 'arctanh': 'unit', 'arccosh': 'gt1', 'reciprocal': 'pos', 'logical_not': 'int'}
    for name in ['abs', 'sign', 'ceil', 'floor', 'round', 'rint', 'fix', 'trunc', 'sqrt', 'rsqrt', 'cbrt', 'rcbrt', 'exp', 'expm1', 'log', 'log10', 'log2', 'log1p', 'sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'degrees', 'radians', 'square', 'reciprocal', 'negative', 'erf', 'sigmoid', 'relu', 'softsign', 'log_sigmoid', 'mish', 'logical_not', '_copy', 'BlockGrad', 'make_loss']:
        suffix = UNARY_DOMAIN.get(name, "")
        var = "data" + ("_" + suffix if suffix else "")
        if not hasattr(mx_ops, name) and not hasattr(mx_ops._internal, name):
            continue  # an op of later MXNet versions (log_sigmoid, mish)
        C["unary" + name] = (lambda o, v_: lambda mx: (op(mx, o)(v(mx, v_), name="u"), {v_: (2, 3, 4)}))(name, var)
    # log_sigmoid and mish are ops of later MXNet versions; the oracle is
    # 1.9.1 computing the same function from its own ops, while the saved
    # graph is the one op (third element: the op name of the saved graph).
    C["unarylog_sigmoid"] = lambda mx: (mx.sym.log(mx.sym.sigmoid(v(mx, "data")), name="u"), {"data": (2, 3, 4)}, "log_sigmoid")
    def mish(mx):
        data = v(mx, "data")
        return data * mx.sym.tanh(mx.sym.Activation(data, act_type="softrelu")), {"data": (2, 3, 4)}, "mish"
    C["unarymish"] = mish
    C["unary_hard_sigmoid"] = lambda mx: (mx.sym.hard_sigmoid(v(mx, "data_big"), alpha=0.3, beta=0.4, name="hs"), {"data_big": (2, 5)})
    C["unary_round_halves"] = lambda mx: (mx.sym.round(v(mx, "data_halves"), name="r"), {"data_halves": (8,)})
    C["unary_rint_halves"] = lambda mx: (mx.sym.rint(v(mx, "data_halves"), name="r"), {"data_halves": (8,)})

    # --- more same-shape binary ops ---
    for name in ['mod', 'power', 'hypot', 'equal', 'not_equal', 'greater', 'greater_equal', 'lesser', 'lesser_equal', 'logical_and', 'logical_or', 'logical_xor']:
        lhs, rhs = ("lhs_pos", "rhs_pos") if name in ("power", "hypot") else ("lhs_int", "rhs_int")
        if name == "mod":
            lhs, rhs = "lhs", "rhs"
        C["binary_" + name] = (lambda o, a, b: lambda mx: (op(mx, o)(v(mx, a), v(mx, b), name="bin"), {a: (3, 4), b: (3, 4)}))("_" + name, lhs, rhs)

    # --- broadcasting binary ops ---
    for name in ['add', 'sub', 'mul', 'div', 'mod', 'power', 'maximum', 'minimum', 'hypot', 'equal', 'not_equal', 'greater', 'greater_equal', 'lesser', 'lesser_equal', 'logical_and', 'logical_or', 'logical_xor']:
        lhs, rhs = ("lhs_int", "rhs_int") if name in ("equal", "not_equal", "greater", "greater_equal", "lesser", "lesser_equal", "logical_and", "logical_or", "logical_xor") else ("lhs", "rhs")
        if name in ("power",):
            lhs, rhs = "lhs_pos", "rhs"
        if name in ("div",):
            lhs, rhs = "lhs", "rhs_pos"
        C["broadcast_" + name] = (lambda o, a, b: lambda mx: (op(mx, o)(v(mx, a), v(mx, b), name="bc"), {a: (2, 1, 4), b: (3, 1)}))("broadcast_" + name, lhs, rhs)

    # --- more scalar ops ---
    for name in ['_power_scalar', '_rpower_scalar', '_mod_scalar', '_rmod_scalar', '_hypot_scalar', '_equal_scalar', '_not_equal_scalar', '_greater_scalar', '_greater_equal_scalar', '_lesser_scalar', '_lesser_equal_scalar', '_logical_and_scalar', '_logical_or_scalar', '_logical_xor_scalar']:
        var = "data_pos" if "power" in name or "hypot" in name else "data_int"
        if "mod" in name:
            var = "data"
        scalar = 1.0 if var == "data_int" else 0.75
        if name == "_rmod_scalar":
            scalar = -1.5
        C["scalar" + name] = (lambda o, v_, sc: lambda mx: (op(mx, o)(v(mx, v_), scalar=sc, name="sc"), {v_: (3, 4)}))(name, var, scalar)

    # --- more shape and selection ops ---
    C["expand_dims_0"] = lambda mx: (mx.sym.expand_dims(v(mx, "data"), axis=0, name="ed"), {"data": (2, 3)})
    C["expand_dims_neg"] = lambda mx: (mx.sym.expand_dims(v(mx, "data"), axis=-1, name="ed"), {"data": (2, 3)})
    C["broadcast_axis"] = lambda mx: (mx.sym.broadcast_axis(v(mx, "data"), axis=(0, 2), size=(3, 4), name="ba"), {"data": (1, 2, 1)})
    C["broadcast_to"] = lambda mx: (mx.sym.broadcast_to(v(mx, "data"), shape=(2, 0, 3), name="bt"), {"data": (1, 4, 1)})
    C["zeros_like"] = lambda mx: (mx.sym.zeros_like(v(mx, "data"), name="z"), {"data": (2, 3)})
    C["ones_like"] = lambda mx: (mx.sym.ones_like(v(mx, "data"), name="o"), {"data": (2, 3)})
    C["clip"] = lambda mx: (mx.sym.clip(v(mx, "data"), a_min=-0.5, a_max=0.7, name="clip"), {"data": (3, 4)})
    C["where"] = lambda mx: (mx.sym.where(v(mx, "cond_int"), v(mx, "x"), v(mx, "y"), name="w"), {"cond_int": (2, 3), "x": (2, 3), "y": (2, 3)})
    C["div_sqrt_dim"] = lambda mx: (mx.sym.contrib.div_sqrt_dim(v(mx, "data"), name="d"), {"data": (2, 3, 8)})
    C["softmax_output_3d"] = lambda mx: (mx.sym.SoftmaxOutput(v(mx, "data"), name="softmax"), {"data": (2, 3, 4)})
    C["softmax_output_1d"] = lambda mx: (mx.sym.SoftmaxOutput(v(mx, "data"), name="softmax"), {"data": (5,)})

    # --- reductions ---
    for name in ["sum", "mean", "prod", "max", "min", "nansum", "nanprod"]:
        for tag, kwargs in [("all", {}), ("axis1", {"axis": 1}), ("axes_keep", {"axis": (0, 2), "keepdims": True}),
                            ("exclude", {"axis": (1,), "exclude": True})]:
            C[f"reduce_{name}_{tag}"] = (lambda o, kw: lambda mx: (op(mx, o)(v(mx, "data"), name="r", **kw), {"data": (2, 3, 4)}))(name, kwargs)

    # --- contractions, LayerNorm, Embedding ---
    C["dot_2d"] = lambda mx: (mx.sym.dot(v(mx, "lhs"), v(mx, "rhs"), name="dot"), {"lhs": (3, 4), "rhs": (4, 5)})
    C["dot_transpose"] = lambda mx: (mx.sym.dot(v(mx, "lhs"), v(mx, "rhs"), transpose_a=True, transpose_b=True, name="dot"), {"lhs": (4, 3), "rhs": (5, 4)})
    # Packed matmuls whose extents the register tiles (8 x 32 with AVX-512,
    # 4 x 16 with AVX2) do not divide: partial register tiles and panels,
    # a last depth block shorter than the others (1031 deep), and rows that
    # no row block splits into tiles at least half full (17, padded).
    C["dot_ragged"] = lambda mx: (mx.sym.dot(v(mx, "lhs"), v(mx, "rhs"), name="dot"), {"lhs": (30, 77), "rhs": (77, 45)})
    C["dot_ragged_depth"] = lambda mx: (mx.sym.dot(v(mx, "lhs"), v(mx, "rhs"), name="dot"), {"lhs": (20, 1031), "rhs": (1031, 40)})
    C["dot_ragged_padded"] = lambda mx: (mx.sym.dot(v(mx, "lhs"), v(mx, "rhs"), name="dot"), {"lhs": (17, 50), "rhs": (50, 40)})
    C["dot_nd"] = lambda mx: (mx.sym.dot(v(mx, "lhs"), v(mx, "rhs"), name="dot"), {"lhs": (2, 3, 4), "rhs": (4, 5)})
    C["batch_dot"] = lambda mx: (mx.sym.batch_dot(v(mx, "lhs"), v(mx, "rhs"), name="bd"), {"lhs": (2, 3, 4), "rhs": (2, 4, 5)})
    C["batch_dot_transpose"] = lambda mx: (mx.sym.batch_dot(v(mx, "lhs"), v(mx, "rhs"), transpose_a=True, transpose_b=True, name="bd"), {"lhs": (2, 4, 3), "rhs": (2, 5, 4)})
    C["layer_norm"] = lambda mx: (mx.sym.LayerNorm(v(mx, "data"), name="ln"), {"data": (2, 3, 8)})
    C["layer_norm_axis1"] = lambda mx: (mx.sym.LayerNorm(v(mx, "data"), axis=1, eps=1e-3, name="ln"), {"data": (2, 5, 3)})
    C["embedding"] = lambda mx: (mx.sym.Embedding(v(mx, "data_int"), input_dim=6, output_dim=4, name="emb"), {"data_int": (2, 5)})
    C["slice_axis"] = lambda mx: (mx.sym.slice_axis(v(mx, "data"), axis=1, begin=1, end=-1, name="sa"), {"data": (2, 5, 3)})
    C["slice_axis_none"] = lambda mx: (mx.sym.slice_axis(v(mx, "data"), axis=-1, begin=-2, end=None, name="sa"), {"data": (2, 5, 3)})
    C["squeeze"] = lambda mx: (mx.sym.squeeze(v(mx, "data"), name="sq"), {"data": (2, 1, 3, 1)})
    C["squeeze_axis"] = lambda mx: (mx.sym.squeeze(v(mx, "data"), axis=(3,), name="sq"), {"data": (2, 1, 3, 1)})
    C["stack"] = lambda mx: (mx.sym.stack(v(mx, "a"), v(mx, "b"), v(mx, "c"), axis=1, name="st"), {"a": (2, 3), "b": (2, 3), "c": (2, 3)})

    # --- more shape ops, arg-reductions, normalizations ---
    C["slice_basic"] = lambda mx: (mx.sym.slice(v(mx, "data"), begin=(0, 1), end=(2, 4), name="sl"), {"data": (3, 5, 2)})
    C["slice_none_step"] = lambda mx: (mx.sym.slice(v(mx, "data"), begin=(None, -1), end=(None, None), step=(2, -2), name="sl"), {"data": (5, 6)})
    C["slice_negative"] = lambda mx: (mx.sym.slice(v(mx, "data"), begin=(-3,), end=(-1,), name="sl"), {"data": (6, 2)})
    C["amp_cast"] = lambda mx: (mx.sym.amp_cast(v(mx, "data"), dtype="float16", name="ac"), {"data": (2, 3)})
    C["argmax_channel"] = lambda mx: (mx.sym.argmax_channel(v(mx, "data"), name="amc"), {"data": (3, 5)})
    C["group_norm"] = lambda mx: (mx.sym.GroupNorm(v(mx, "data"), num_groups=2, name="gn"), {"data": (2, 4, 3, 3)})
    C["lrn"] = lambda mx: (mx.sym.LRN(v(mx, "data"), nsize=3, alpha=0.01, beta=0.6, knorm=1.5, name="lrn"), {"data": (2, 5, 3, 3)})
    C["swapaxes"] = lambda mx: (mx.sym.swapaxes(v(mx, "data"), dim1=0, dim2=2, name="sw"), {"data": (2, 3, 4)})
    C["flip"] = lambda mx: (mx.sym.flip(v(mx, "data"), axis=1, name="fl"), {"data": (2, 3, 4)})
    C["reverse_two"] = lambda mx: (mx.sym.reverse(v(mx, "data"), axis=(0, 2), name="rv"), {"data": (2, 3, 4)})
    C["tile"] = lambda mx: (mx.sym.tile(v(mx, "data"), reps=(2, 3), name="t"), {"data": (2, 3)})
    C["tile_more_reps"] = lambda mx: (mx.sym.tile(v(mx, "data"), reps=(2, 1, 2), name="t"), {"data": (2, 3)})
    C["repeat_axis"] = lambda mx: (mx.sym.repeat(v(mx, "data"), repeats=3, axis=1, name="rp"), {"data": (2, 3)})
    C["repeat_flat"] = lambda mx: (mx.sym.repeat(v(mx, "data"), repeats=2, name="rp"), {"data": (2, 3)})
    C["reshape_like"] = lambda mx: (mx.sym.reshape_like(v(mx, "lhs"), v(mx, "rhs"), name="rl"), {"lhs": (2, 6), "rhs": (3, 4)})
    C["broadcast_like"] = lambda mx: (mx.sym.broadcast_like(v(mx, "lhs"), v(mx, "rhs"), name="bl"), {"lhs": (1, 4), "rhs": (3, 4)})
    C["argmax_axis"] = lambda mx: (mx.sym.argmax(v(mx, "data"), axis=1, name="am"), {"data": (2, 3, 4)})
    C["argmax_keep"] = lambda mx: (mx.sym.argmax(v(mx, "data_int"), axis=-1, keepdims=True, name="am"), {"data_int": (3, 4)})
    C["argmin_all"] = lambda mx: (mx.sym.argmin(v(mx, "data"), name="am"), {"data": (3, 4)})
    C["instance_norm"] = lambda mx: (mx.sym.InstanceNorm(v(mx, "data"), name="in"), {"data": (2, 3, 4, 5)})
    C["l2norm_instance"] = lambda mx: (mx.sym.L2Normalization(v(mx, "data"), name="l2"), {"data": (2, 3, 4)})
    C["l2norm_channel"] = lambda mx: (mx.sym.L2Normalization(v(mx, "data"), mode="channel", name="l2"), {"data": (2, 3, 4)})
    C["l2norm_spatial"] = lambda mx: (mx.sym.L2Normalization(v(mx, "data"), mode="spatial", name="l2"), {"data": (2, 3, 4, 2)})

    C["pad_constant"] = lambda mx: (mx.sym.pad(v(mx, "data"), mode="constant", pad_width=(0, 0, 0, 0, 1, 2, 2, 1), constant_value=1.5, name="p"), {"data": (1, 2, 3, 3)})
    C["pad_edge"] = lambda mx: (mx.sym.pad(v(mx, "data"), mode="edge", pad_width=(0, 0, 0, 0, 1, 2, 2, 1), name="p"), {"data": (1, 2, 3, 3)})
    C["pad_reflect"] = lambda mx: (mx.sym.pad(v(mx, "data"), mode="reflect", pad_width=(0, 0, 0, 0, 2, 1, 1, 2), name="p"), {"data": (1, 2, 3, 4)})
    C["depth_to_space"] = lambda mx: (mx.sym.depth_to_space(v(mx, "data"), block_size=2, name="d2s"), {"data": (1, 8, 2, 3)})
    C["space_to_depth"] = lambda mx: (mx.sym.space_to_depth(v(mx, "data"), block_size=2, name="s2d"), {"data": (1, 2, 4, 6)})
    C["one_hot"] = lambda mx: (mx.sym.one_hot(v(mx, "data_int"), depth=5, on_value=2.0, off_value=-1.0, name="oh"), {"data_int": (2, 3)})
    C["take_clip"] = lambda mx: (mx.sym.take(v(mx, "a"), v(mx, "data_int"), axis=1, name="tk"), {"a": (2, 6, 3), "data_int": (2, 2)})
    C["take_wrap"] = lambda mx: (mx.sym.take(v(mx, "a"), v(mx, "data_int"), mode="wrap", name="tk"), {"a": (5, 3), "data_int": (4,)})
    C["pick"] = lambda mx: (mx.sym.pick(v(mx, "data"), v(mx, "index_int"), axis=1, name="pk"), {"data": (3, 4), "index_int": (3,)})
    C["pick_keep_wrap"] = lambda mx: (mx.sym.pick(v(mx, "data"), v(mx, "index_int"), axis=0, keepdims=True, mode="wrap", name="pk"), {"data": (3, 4), "index_int": (1, 4)})

    C["smooth_l1"] = lambda mx: (mx.sym.smooth_l1(v(mx, "data"), scalar=1.5, name="sl"), {"data": (3, 4)})
    C["cast_storage"] = lambda mx: (mx.sym.cast_storage(v(mx, "data"), stype="default", name="cs"), {"data": (3, 4)})
    C["norm_l2_all"] = lambda mx: (mx.sym.norm(v(mx, "data"), name="n"), {"data": (3, 4)})
    C["norm_l1_axis"] = lambda mx: (mx.sym.norm(v(mx, "data"), ord=1, axis=1, keepdims=True, name="n"), {"data": (2, 3, 4)})
    C["upsampling_nearest"] = lambda mx: (mx.sym.UpSampling(v(mx, "data"), scale=2, sample_type="nearest", name="up"), {"data": (1, 2, 3, 2)})
    C["shape_array"] = lambda mx: (mx.sym.shape_array(v(mx, "data"), name="sa"), {"data": (2, 3, 4)})
    C["size_array"] = lambda mx: (mx.sym.size_array(v(mx, "data"), name="sz"), {"data": (2, 3, 4)})

    # --- ops without inputs (added to an input so the graph has one) ---
    C["init_zeros"] = lambda mx: (mx.sym.elemwise_add(v(mx, "data"), mx.sym.zeros(shape=(2, 3), name="z"), name="add"), {"data": (2, 3)})
    C["init_ones"] = lambda mx: (mx.sym.elemwise_add(v(mx, "data"), mx.sym.ones(shape=(2, 3), name="o"), name="add"), {"data": (2, 3)})
    C["init_full"] = lambda mx: (mx.sym.elemwise_add(v(mx, "data"), mx.sym.full(shape=(2, 3), val=2.5, name="f"), name="add"), {"data": (2, 3)})
    C["init_arange"] = lambda mx: (mx.sym.broadcast_add(v(mx, "data"), mx.sym.arange(start=2, stop=11, step=1.5, repeat=2, name="ar"), name="add"), {"data": (2, 12)})
    C["init_arange_nostop"] = lambda mx: (mx.sym.broadcast_add(v(mx, "data"), mx.sym.arange(start=5, name="ar"), name="add"), {"data": (2, 5)})
    C["sequence_mask_axis0"] = lambda mx: (mx.sym.SequenceMask(v(mx, "data"), v(mx, "len_pos"), use_sequence_length=True, value=-7, name="sm"), {"data": (4, 3, 2), "len_pos": (3,)})
    C["sequence_mask_axis1"] = lambda mx: (mx.sym.SequenceMask(v(mx, "data"), v(mx, "len_pos"), use_sequence_length=True, axis=1, name="sm"), {"data": (3, 4, 2), "len_pos": (3,)})

    # --- RNN: packed parameters, states given as inputs ---
    def rnn(mode, layers, bidirectional, state_outputs, shape, hidden):
        def build(mx):
            inputs = [v(mx, "data"), v(mx, "params_small"), v(mx, "state_small")]
            if mode == "lstm":
                inputs.append(v(mx, "cell_small"))
            return (mx.sym.RNN(*inputs, state_size=hidden, num_layers=layers, mode=mode,
                               bidirectional=bidirectional, state_outputs=state_outputs,
                               name="rnn"), {"data": shape})
        return build
    C["rnn_lstm_2layer"] = rnn("lstm", 2, False, False, (5, 2, 3), 4)
    C["rnn_lstm_bidir_states"] = rnn("lstm", 2, True, True, (4, 3, 5), 3)
    C["rnn_gru_bidir_states"] = rnn("gru", 2, True, True, (4, 2, 3), 5)
    C["rnn_gru_1layer"] = rnn("gru", 1, False, False, (6, 1, 4), 3)
    C["rnn_tanh_states"] = rnn("rnn_tanh", 2, False, True, (3, 2, 4), 4)
    C["rnn_relu_bidir"] = rnn("rnn_relu", 1, True, False, (5, 2, 3), 2)

    # --- detection (SSD): anchors, decoding with NMS, box_nms, box_iou ---
    C["multibox_prior_default"] = lambda mx: (mx.sym.contrib.MultiBoxPrior(v(mx, "data"), name="p"), {"data": (1, 2, 3, 4)})
    C["multibox_prior_sizes_ratios"] = lambda mx: (mx.sym.contrib.MultiBoxPrior(v(mx, "data"), sizes=(0.07, 0.10246951), ratios=(1, 2, 0.5, 3, 0.333333333333), name="p"), {"data": (2, 3, 5, 4)})
    C["multibox_prior_clip_steps"] = lambda mx: (mx.sym.contrib.MultiBoxPrior(v(mx, "data"), sizes=(0.9, 0.5), ratios=(1, 2), clip=True, steps=(0.2, 0.25), offsets=(0.3, 0.7), name="p"), {"data": (1, 1, 4, 3)})

    def detection(num_classes, anchors_hw, **attrs):
        def build(mx):
            feat = v(mx, "feat")
            anchors = mx.sym.contrib.MultiBoxPrior(feat, sizes=(0.3, 0.5), ratios=(1, 2, 0.5), name="anchors")
            n = anchors_hw[0] * anchors_hw[1] * 4
            det = mx.sym.contrib.MultiBoxDetection(v(mx, "cls_prob"), v(mx, "loc_small"), anchors, name="det", **attrs)
            return det, {"feat": (1, 1) + anchors_hw, "cls_prob": (2, num_classes, n), "loc_small": (2, n * 4)}
        return build
    # An SSD head on a batch of 2: class scores and box offsets from 1x1
    # convolutions, transposed and reshaped per sample, anchors from the
    # same feature map (what sym-run --split-batch must run one sample at
    # a time: test/golden/split-batch.test).
    def ssd_head(mx):
        data = v(mx, "data")
        anchors = mx.sym.contrib.MultiBoxPrior(data, sizes=(0.3, 0.5), ratios=(1, 2, 0.5), name="anchors")
        cls = mx.sym.Convolution(data, kernel=(1, 1), num_filter=4 * 3, name="cls")
        cls = mx.sym.Flatten(mx.sym.transpose(cls, axes=(0, 2, 3, 1), name="cls_t"), name="cls_f")
        cls = mx.sym.transpose(mx.sym.Reshape(cls, shape=(0, -1, 3), name="cls_r"), axes=(0, 2, 1), name="cls_rt")
        cls = mx.sym.SoftmaxActivation(cls, mode="channel", name="cls_prob")
        loc = mx.sym.Convolution(data, kernel=(1, 1), num_filter=4 * 4, name="loc")
        loc = mx.sym.Flatten(mx.sym.transpose(loc, axes=(0, 2, 3, 1), name="loc_t"), name="loc_f")
        det = mx.sym.contrib.MultiBoxDetection(cls, loc, anchors, threshold=0.2, name="det")
        return det, {"data": (2, 3, 4, 4)}
    C["ssd_head_batch2"] = ssd_head
    C["multibox_detection_default"] = detection(3, (3, 3))
    C["multibox_detection_force_topk"] = detection(4, (4, 3), force_suppress=True, nms_topk=10, nms_threshold=0.4, threshold=0.2)
    C["multibox_detection_noclip_variances"] = detection(2, (3, 2), clip=False, variances=(0.2, 0.1, 0.3, 0.25), threshold=0.5)
    C["multibox_detection_no_nms"] = detection(3, (2, 2), nms_threshold=0)
    C["box_nms_default"] = lambda mx: (mx.sym.contrib.box_nms(v(mx, "data_dets"), name="nms"), {"data_dets": (12, 6)})
    C["box_nms_ids_topk"] = lambda mx: (mx.sym.contrib.box_nms(v(mx, "data_dets"), overlap_thresh=0.3, valid_thresh=0.2, topk=6, id_index=0, background_id=2, name="nms"), {"data_dets": (2, 10, 6)})
    C["box_nms_force_center"] = lambda mx: (mx.sym.contrib.box_nms(v(mx, "data_dets"), overlap_thresh=0.2, id_index=0, force_suppress=True, in_format="center", out_format="corner", name="nms"), {"data_dets": (2, 2, 8, 6)})
    C["box_nms_to_center"] = lambda mx: (mx.sym.contrib.box_nms(v(mx, "data_dets"), coord_start=1, score_index=0, out_format="center", name="nms"), {"data_dets": (3, 9, 5)})
    C["box_iou_corner"] = lambda mx: (mx.sym.contrib.box_iou(v(mx, "lhs_boxes"), v(mx, "rhs_boxes"), name="iou"), {"lhs_boxes": (2, 3, 4), "rhs_boxes": (5, 4)})
    C["box_iou_center"] = lambda mx: (mx.sym.contrib.box_iou(v(mx, "lhs_boxes"), v(mx, "rhs_boxes"), format="center", name="iou"), {"lhs_boxes": (4, 4), "rhs_boxes": (2, 3, 4)})

    # --- Crop, BilinearResize2D, ROIPooling, ROIAlign, UpSampling ---
    C["crop_like"] = lambda mx: (mx.sym.Crop(v(mx, "data"), v(mx, "like"), num_args=2, offset=(1, 2), name="c"), {"data": (1, 2, 6, 7), "like": (1, 1, 3, 4)})
    C["crop_center_hw"] = lambda mx: (mx.sym.Crop(v(mx, "data"), num_args=1, h_w=(3, 2), center_crop=True, name="c"), {"data": (2, 2, 6, 5)})
    C["bilinear_resize_align"] = lambda mx: (mx.sym.contrib.BilinearResize2D(v(mx, "data"), height=7, width=5, name="b"), {"data": (1, 2, 4, 3)})
    C["bilinear_resize_noalign"] = lambda mx: (mx.sym.contrib.BilinearResize2D(v(mx, "data"), height=3, width=8, align_corners=False, name="b"), {"data": (2, 1, 5, 4)})
    C["bilinear_resize_scale"] = lambda mx: (mx.sym.contrib.BilinearResize2D(v(mx, "data"), scale_height=1.5, scale_width=2.0, name="b"), {"data": (1, 2, 4, 3)})
    C["bilinear_resize_like"] = lambda mx: (mx.sym.contrib.BilinearResize2D(v(mx, "data"), v(mx, "like"), mode="like", align_corners=False, name="b"), {"data": (1, 1, 3, 3), "like": (1, 1, 6, 5)})
    C["bilinear_resize_odd_scale"] = lambda mx: (mx.sym.contrib.BilinearResize2D(v(mx, "data"), scale_height=2.0, scale_width=2.0, mode="odd_scale", name="b"), {"data": (1, 1, 5, 4)})
    C["bilinear_resize_to_even"] = lambda mx: (mx.sym.contrib.BilinearResize2D(v(mx, "data"), mode="to_even_up", name="b"), {"data": (1, 1, 5, 4)})
    C["roi_pooling"] = lambda mx: (mx.sym.ROIPooling(v(mx, "data"), v(mx, "rois_roi"), pooled_size=(2, 3), spatial_scale=0.5, name="rp"), {"data": (2, 3, 8, 10), "rois_roi": (5, 5)})
    C["roi_align"] = lambda mx: (mx.sym.contrib.ROIAlign(v(mx, "data"), v(mx, "rois_roi"), pooled_size=(3, 2), spatial_scale=0.5, name="ra"), {"data": (2, 3, 8, 10), "rois_roi": (5, 5)})
    C["roi_align_aligned_ratio"] = lambda mx: (mx.sym.contrib.ROIAlign(v(mx, "data"), v(mx, "rois_roi"), pooled_size=(2, 2), spatial_scale=0.5, sample_ratio=2, aligned=True, name="ra"), {"data": (2, 2, 8, 10), "rois_roi": (5, 5)})
    C["roi_align_position_sensitive"] = lambda mx: (mx.sym.contrib.ROIAlign(v(mx, "data"), v(mx, "rois_roi"), pooled_size=(2, 2), spatial_scale=0.5, position_sensitive=True, name="ra"), {"data": (2, 8, 8, 10), "rois_roi": (5, 5)})
    C["upsampling_bilinear"] = lambda mx: (mx.sym.UpSampling(v(mx, "data"), v(mx, "weight"), scale=2, sample_type="bilinear", num_filter=3, name="up"), {"data": (1, 3, 4, 5)})
    C["upsampling_bilinear_s3"] = lambda mx: (mx.sym.UpSampling(v(mx, "data"), v(mx, "weight"), scale=3, sample_type="bilinear", num_filter=2, name="up"), {"data": (2, 2, 3, 3)})
    C["upsampling_nearest_concat"] = lambda mx: (mx.sym.UpSampling(v(mx, "a"), v(mx, "b"), scale=2, sample_type="nearest", num_args=2, name="up"), {"a": (1, 2, 3, 4), "b": (1, 3, 6, 8)})
    C["upsampling_nearest_sum"] = lambda mx: (mx.sym.UpSampling(v(mx, "a"), v(mx, "b"), scale=4, sample_type="nearest", num_args=2, multi_input_mode="sum", name="up"), {"a": (1, 2, 2, 3), "b": (1, 2, 4, 6)})

    # --- forms found by comparing every op's inference with MXNet ---
    C["argmax_channel_3d"] = lambda mx: (mx.sym.argmax_channel(v(mx, "data"), name="a"), {"data": (2, 3, 4)})
    C["sequence_mask_int_lengths"] = lambda mx: (mx.sym.SequenceMask(v(mx, "data"), v(mx, "len_i32"), use_sequence_length=True, value=-1, name="sm"), {"data": (4, 3), "len_i32": (3,)})
    C["sequence_last_int_lengths"] = lambda mx: (mx.sym.SequenceLast(v(mx, "data"), v(mx, "len_i32"), use_sequence_length=True, name="sl"), {"data": (4, 3, 2), "len_i32": (3,)})
    C["where_int_condition"] = lambda mx: (mx.sym.where(v(mx, "cond_i32"), v(mx, "x"), v(mx, "y"), name="w"), {"cond_i32": (3, 4), "x": (3, 4), "y": (3, 4)})
    C["where_rows"] = lambda mx: (mx.sym.where(v(mx, "cond_int"), v(mx, "x"), v(mx, "y"), name="w"), {"cond_int": (3,), "x": (3, 4), "y": (3, 4)})
    C["batch_dot_4d"] = lambda mx: (mx.sym.batch_dot(v(mx, "a"), v(mx, "b"), transpose_b=True, name="bd"), {"a": (2, 3, 4, 5), "b": (2, 3, 6, 5)})
    C["reshape_like_ranges"] = lambda mx: (mx.sym.reshape_like(v(mx, "lhs"), v(mx, "rhs"), lhs_begin=1, lhs_end=3, rhs_begin=0, rhs_end=1, name="r"), {"lhs": (2, 3, 4), "rhs": (12, 7)})
    C["broadcast_like_axes"] = lambda mx: (mx.sym.broadcast_like(v(mx, "lhs"), v(mx, "rhs"), lhs_axes=(0,), rhs_axes=(2,), name="b"), {"lhs": (1, 3), "rhs": (2, 3, 5)})
    C["logistic_regression_column"] = lambda mx: (mx.sym.LogisticRegressionOutput(v(mx, "data"), name="lr"), {"data": (3, 1)})
    C["softmax_dtype_f64"] = lambda mx: (mx.sym.softmax(v(mx, "data"), dtype="float64", name="s"), {"data": (2, 5)})
    C["softmax_length"] = lambda mx: (mx.sym.softmax(v(mx, "data"), v(mx, "len_i32"), use_length=True, axis=-1, name="s"), {"data": (3, 6), "len_i32": (3,)})
    C["softmax_length_axis0"] = lambda mx: (mx.sym.softmax(v(mx, "data"), v(mx, "len_i32"), use_length=True, axis=0, temperature=2.0, name="s"), {"data": (5, 3), "len_i32": (3,)})

    # --- histogram (uniform bins over a range, or given edges) ---
    C["histogram_uniform"] = lambda mx: (mx.sym.Group(list(mx.sym.histogram(v(mx, "data_quarters"), bins=6, range=(-1.5, 1.5), name="h"))), {"data_quarters": (4, 5)})
    C["histogram_edges"] = lambda mx: (mx.sym.Group(list(mx.sym.histogram(v(mx, "data_quarters"), bins=v(mx, "bins_edges"), name="h"))), {"data_quarters": (4, 5), "bins_edges": (5,)})
    # --- ordering: topk, sort, argsort ---
    C["topk_indices"] = lambda mx: (mx.sym.topk(v(mx, "data"), k=2, name="t"), {"data": (3, 5)})
    C["topk_value_axis0"] = lambda mx: (mx.sym.topk(v(mx, "data"), axis=0, k=2, ret_typ="value", name="t"), {"data": (4, 3, 2)})
    C["topk_both_ascend"] = lambda mx: (mx.sym.topk(v(mx, "data"), axis=1, k=3, ret_typ="both", is_ascend=True, dtype="int32", name="t"), {"data": (2, 6, 3)})
    C["topk_mask"] = lambda mx: (mx.sym.topk(v(mx, "data"), k=2, ret_typ="mask", name="t"), {"data": (3, 7)})
    C["topk_flatten_all"] = lambda mx: (mx.sym.topk(v(mx, "data"), axis=None, k=0, ret_typ="value", name="t"), {"data": (3, 4)})
    # Two calls of the sort kernel with different shapes share one declaration.
    def topk_two_shapes(mx):
        data = v(mx, "data")
        return mx.sym.Group([mx.sym.topk(data, k=1, ret_typ="value", name="t1"),
                             mx.sym.argsort(data, axis=0, name="a")]), {"data": (3, 5)}
    C["topk_two_shapes"] = topk_two_shapes
    C["sort_default"] = lambda mx: (mx.sym.sort(v(mx, "data"), name="s"), {"data": (3, 20)})
    C["sort_descend_axis0"] = lambda mx: (mx.sym.sort(v(mx, "data"), axis=0, is_ascend=False, name="s"), {"data": (5, 2, 3)})
    C["argsort_default"] = lambda mx: (mx.sym.argsort(v(mx, "data"), name="a"), {"data": (4, 6)})
    C["argsort_flatten_int64"] = lambda mx: (mx.sym.argsort(v(mx, "data"), axis=None, is_ascend=False, dtype="int64", name="a"), {"data": (3, 4)})

    # --- gather_nd, scatter_nd, diag, split_v2, slice_like, Sequence* ---
    C["gather_nd_2d"] = lambda mx: (mx.sym.gather_nd(v(mx, "data"), v(mx, "idx_nd"), name="g"), {"data": (3, 4, 2), "idx_nd": (2, 5)})
    C["gather_nd_1d"] = lambda mx: (mx.sym.gather_nd(v(mx, "data"), v(mx, "idx_nd"), name="g"), {"data": (3, 4), "idx_nd": (1, 2, 3)})
    C["scatter_nd"] = lambda mx: (mx.sym.scatter_nd(v(mx, "data"), v(mx, "idx_scatter"), shape=(3, 4, 2), name="s"), {"data": (4, 2), "idx_scatter": (2, 4)})
    C["diag_vector"] = lambda mx: (mx.sym.diag(v(mx, "data"), k=1, name="d"), {"data": (4,)})
    C["diag_vector_neg"] = lambda mx: (mx.sym.diag(v(mx, "data"), k=-2, name="d"), {"data": (3,)})
    C["diag_matrix"] = lambda mx: (mx.sym.diag(v(mx, "data"), k=-1, name="d"), {"data": (4, 5)})
    C["diag_3d_axes"] = lambda mx: (mx.sym.diag(v(mx, "data"), k=1, axis1=2, axis2=0, name="d"), {"data": (3, 2, 4)})
    C["split_v2_sections"] = lambda mx: (mx.sym.Group(list(mx.sym.split_v2(v(mx, "data"), 3, axis=1))), {"data": (2, 7, 3)})
    C["split_v2_indices_squeeze"] = lambda mx: (mx.sym.Group(list(mx.sym.split_v2(v(mx, "data"), (1, 2), axis=-1, squeeze_axis=True))), {"data": (2, 4, 3)})
    C["slice_like_all"] = lambda mx: (mx.sym.slice_like(v(mx, "data"), v(mx, "like"), name="s"), {"data": (4, 5, 3), "like": (2, 3, 3)})
    C["slice_like_axes"] = lambda mx: (mx.sym.slice_like(v(mx, "data"), v(mx, "like"), axes=(0, -1), name="s"), {"data": (4, 5, 6), "like": (3, 9, 2)})
    C["sequence_last_axis0"] = lambda mx: (mx.sym.SequenceLast(v(mx, "data"), v(mx, "len_pos"), use_sequence_length=True, name="sl"), {"data": (4, 3, 2), "len_pos": (3,)})
    C["sequence_last_axis1"] = lambda mx: (mx.sym.SequenceLast(v(mx, "data"), v(mx, "len_pos"), use_sequence_length=True, axis=1, name="sl"), {"data": (3, 4), "len_pos": (3,)})
    C["sequence_last_nolength"] = lambda mx: (mx.sym.SequenceLast(v(mx, "data"), name="sl"), {"data": (4, 2, 3)})
    C["sequence_reverse"] = lambda mx: (mx.sym.SequenceReverse(v(mx, "data"), v(mx, "len_pos"), use_sequence_length=True, name="sr"), {"data": (4, 3, 2), "len_pos": (3,)})
    C["sequence_reverse_nolength"] = lambda mx: (mx.sym.SequenceReverse(v(mx, "data"), name="sr"), {"data": (3, 2)})
    C["init_linspace"] = lambda mx: (mx.sym.broadcast_add(v(mx, "data"), mx.sym.linspace(-1.5, 2.25, 7, name="ls"), name="add"), {"data": (2, 7)})
    C["init_linspace_noend"] = lambda mx: (mx.sym.broadcast_add(v(mx, "data"), mx.sym.linspace(0.1, 1.0, 6, endpoint=False, name="ls"), name="add"), {"data": (1, 6)})
    C["init_eye"] = lambda mx: (mx.sym.elemwise_add(v(mx, "data"), mx.sym.eye(3, 5, k=1, name="e"), name="add"), {"data": (3, 5)})
    C["make_loss_legacy"] = lambda mx: (mx.sym.MakeLoss(v(mx, "data"), grad_scale=2.0, name="ml"), {"data": (2, 3)})
    C["unary_erfinv"] = lambda mx: (mx.sym.erfinv(v(mx, "data_unit"), name="u"), {"data_unit": (3, 4)})
    C["unary_erfinv_tails"] = lambda mx: (mx.sym.erfinv(v(mx, "data_tails"), name="u"), {"data_tails": (8,)})
    C["unary_gamma"] = lambda mx: (mx.sym.gamma(v(mx, "data"), name="u"), {"data": (3, 4)})
    C["unary_gammaln"] = lambda mx: (mx.sym.gammaln(v(mx, "data"), name="u"), {"data": (3, 4)})

    # --- a small composite: two heads sharing one input ---
    def composite_heads(mx):
        data = v(mx, "data")
        fc = mx.sym.FullyConnected(data, num_hidden=4, name="fc1")
        relu = mx.sym.Activation(fc, act_type="relu", name="relu1")
        return mx.sym.Group([relu, mx.sym.elemwise_add(data, data, name="twice")]), {"data": (2, 4)}
    C["composite_heads"] = composite_heads
    return C


def _values(np, rng, name, shape):
    if "moving_var" in name:
        return rng.uniform(0.5, 2.0, shape).astype("float32")
    if name.endswith("_i32"):  # lengths in [1, 5), conditions in {0, 1}
        return rng.randint(0 if name.startswith("cond") else 1, 2 if name.startswith("cond") else 5, shape).astype("int32")
    if name == "len_pos":
        return rng.randint(1, 5, shape).astype("float32")
    if name.endswith("_pos"):
        return rng.uniform(0.5, 2.0, shape).astype("float32")
    if name == "idx_nd":  # gather_nd: negative indices wrap
        lo = [-3, -4] if shape[0] == 2 else [-3]
        return np.stack([rng.randint(l, -l, shape[1:]) for l in lo]).astype("float32")
    if name == "idx_scatter":  # distinct positions (duplicates race in MXNet)
        flat = rng.choice(12, shape[1], replace=False)
        return np.stack([flat // 4, flat % 4]).astype("float32")
    if name.endswith("_tails"):
        return np.array([-0.9999999, -0.99, -0.5, -5e-8, 0.0, 3e-8, 0.7, 0.999999], dtype="float32")[:shape[0]]
    if name.endswith("_roi"):  # [batch, x1, y1, x2, y2] over a 20 x 16 image
        n = shape[0]
        x1, y1 = rng.uniform(-2, 14, n), rng.uniform(-2, 10, n)
        w, h = rng.uniform(0, 8, n), rng.uniform(0, 8, n)
        return np.stack([rng.randint(0, 2, n), x1, y1, x1 + w, y1 + h], axis=1).astype("float32")
    if name.endswith("_prob"):
        return rng.uniform(0, 1, shape).astype("float32")
    if name.endswith("_boxes") or name.endswith("_dets"):
        # Corner boxes that overlap often: x0, y0 in [0, 0.6), sizes in
        # [0.05, 0.5); detections prepend a class id in {0, 1, 2} and a score.
        lead = shape[:-1]
        x0, y0 = rng.uniform(0, 0.6, lead), rng.uniform(0, 0.6, lead)
        w, h = rng.uniform(0.05, 0.5, lead), rng.uniform(0.05, 0.5, lead)
        cols = [x0, y0, x0 + w, y0 + h]
        if name.endswith("_dets"):
            cols = [rng.randint(0, 3, lead).astype("float64"), rng.uniform(0, 1, lead)] + cols
            cols += [rng.uniform(0, 1, lead) for _ in range(shape[-1] - 6)]
        return np.stack(cols[:shape[-1]], axis=-1).astype("float32")
    if name.endswith("_small"):
        return rng.uniform(-0.5, 0.5, shape).astype("float32")
    if name.endswith("_big"):
        return rng.uniform(-30, 30, shape).astype("float32")
    if name.endswith("_unit"):
        return rng.uniform(-0.9, 0.9, shape).astype("float32")
    if name.endswith("_gt1"):
        return rng.uniform(1.1, 3.0, shape).astype("float32")
    if name.endswith("_int"):
        # Indices beyond [0, 5] exercise Embedding's clipping.
        return rng.randint(-2, 8 if name == "data_int" else 3, shape).astype("float32")
    if name.endswith("_quarters"):  # steps of 0.25: values land on bin edges
        return ((np.arange(int(np.prod(shape))) - np.prod(shape) / 2) / 4).reshape(shape).astype("float32")
    if name.endswith("_edges"):  # sorted bin edges over [-2, 2]
        inner = np.sort(rng.uniform(-1.9, 1.9, shape[0] - 2))
        return np.concatenate([[-2.0], inner, [2.0]]).astype("float32")
    if name.endswith("_halves"):
        return (np.arange(int(np.prod(shape))) - 3.5).reshape(shape).astype("float32")
    return rng.uniform(-2, 2, shape).astype("float32")


def _save_case(mx, np, sym, input_shapes, dst, prefix, seed, oracle=None):
    os.makedirs(dst, exist_ok=True)
    rng = np.random.RandomState(seed)
    exe = sym.simple_bind(mx.cpu(), grad_req="null", **input_shapes)
    params = {}
    inputs = {}
    for name, arr in exe.arg_dict.items():
        value = _values(np, rng, name, arr.shape)
        if name in input_shapes:
            inputs[name] = value
        elif name.endswith("label"):
            value = np.zeros(arr.shape, dtype="float32")  # needs no value
        else:
            params["arg:" + name] = mx.nd.array(value)
        arr[:] = value
    for name, arr in exe.aux_dict.items():
        value = _values(np, rng, name, arr.shape)
        params["aux:" + name] = mx.nd.array(value)
        arr[:] = value
    if oracle:
        outputs = [o.asnumpy() for o in oracle(exe.arg_dict)]
    else:
        outputs = [o.asnumpy() for o in exe.forward(is_train=False)]
    sym.save(os.path.join(dst, f"{prefix}-symbol.json"))
    if params:
        mx.nd.save(os.path.join(dst, f"{prefix}-0000.params"), params)
    for name, value in inputs.items():
        np.save(os.path.join(dst, f"input_{name}.npy"), value)
    for i, value in enumerate(outputs):
        np.save(os.path.join(dst, f"output_{i}.npy"), value)
    return inputs, outputs, bool(params)


def _write_one_op_graph(path, op_name, inputs):
    """Replaces the saved graph by the single op `op_name` over `inputs`."""
    nodes = [{"op": "null", "name": name, "inputs": []} for name in inputs]
    nodes.append({"op": op_name, "name": "u", "inputs": [[i, 0, 0] for i in range(len(inputs))]})
    graph = {"nodes": nodes, "arg_nodes": list(range(len(inputs))),
             "node_row_ptr": list(range(len(nodes) + 1)), "heads": [[len(inputs), 0, 0]],
             "attrs": {"mxnet_version": ["int", 10901]}}
    with open(path, "w") as f:
        json.dump(graph, f, indent=2)


def _seed(name):
    """A per-case seed that does not move when other cases are added."""
    return 100 + zlib.crc32(name.encode()) % 100000


# Absolute tolerances of cases whose outputs are long f32 sums, where the
# default 1e-5 is below the rounding of any summation order: in
# conv_dilate_wide_pad, outputs up to 83 sum 288 products, and MXNet's
# own outputs are 2.2e-5 off a float64 computation; in the
# conv_padding_rows cases, outputs up to 172 sum 864 products, and MXNet's
# are 1.6e-4 and 1.3e-4 off float64 (symc's: 1.6e-4 and 1.4e-4); in
# dot_ragged_depth, outputs sum 1031 products whose magnitudes add up to
# 1140, and MXNet's are 3.1e-5 off float64 (symc's, summed in order as a
# serial f32 loop is: 1.3e-4); in conv_winograd_blocks, which symc runs as
# Winograd F(4x4, 3x3), outputs up to 133 sum 576 products, and MXNet's
# are 1.4e-4 off float64 (symc's: 2.8e-4, 2.1e-6 of the largest output;
# its direct schedule's: 1.2e-4; F(2x2, 3x3)'s: 4.8e-5); the other F(4x4,
# 3x3) cases (288-term sums) take the same bound.
TOLERANCES = {"conv_dilate_wide_pad": 1e-4, "conv_padding_rows": 5e-4,
              "conv_padding_rows_dilated": 5e-4, "dot_ragged_depth": 2e-4,
              "conv_winograd": 2e-4, "conv_winograd_blocks": 5e-4,
              "conv_winograd_padded_filters": 2e-4, "conv_winograd_f4_blocks": 5e-4,
              "conv_winograd_f4_padded_filters": 5e-4}

# Cases computed by MXNet's native CPU kernels (MXNET_MKLDNN_ENABLED=0):
# this build's oneDNN refuses them.
NATIVE_CASES = {"deconv_target_shape"}


def write_all(mx, np, out_dir, native):
    cases = {k: v for k, v in _cases().items() if (k in NATIVE_CASES) == native}
    for name, build in sorted(cases.items()):
        sym, shapes, *extra = build(mx)
        one_op = [extra[0]] if extra and extra[0] else []
        oracle = extra[1] if len(extra) > 1 else None
        dst = os.path.join(out_dir, name)
        inputs, outputs, has_params = _save_case(mx, np, sym, shapes, dst, "model", _seed(name), oracle)
        if one_op:
            _write_one_op_graph(os.path.join(dst, "model-symbol.json"), one_op[0], sorted(shapes))
        with open(os.path.join(out_dir, name, "meta.json"), "w") as f:
            meta = {"inputs": sorted(inputs), "outputs": len(outputs), "params": has_params}
            if name in TOLERANCES:
                meta["atol"] = TOLERANCES[name]
            json.dump(meta, f, indent=1)
    kind = "native-kernel" if native else "default"
    print(f"ops: {len(cases)} {kind} cases", file=__import__("sys").stderr)


def _lenet(mx):
    data = mx.sym.var("data")
    x = mx.sym.Convolution(data, kernel=(5, 5), num_filter=20, name="conv1")
    x = mx.sym.Activation(x, act_type="tanh", name="tanh1")
    x = mx.sym.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type="max", name="pool1")
    x = mx.sym.Convolution(x, kernel=(5, 5), num_filter=50, name="conv2")
    x = mx.sym.Activation(x, act_type="tanh", name="tanh2")
    x = mx.sym.Pooling(x, kernel=(2, 2), stride=(2, 2), pool_type="max", name="pool2")
    x = mx.sym.Flatten(x, name="flatten")
    x = mx.sym.FullyConnected(x, num_hidden=500, name="fc1")
    x = mx.sym.Activation(x, act_type="tanh", name="tanh3")
    x = mx.sym.FullyConnected(x, num_hidden=10, name="fc2")
    return mx.sym.SoftmaxOutput(x, name="softmax")


def write_lenet_example(mx, np, dst):
    """The bundled example: LeNet with seeded weights and a drawn digit."""
    os.makedirs(dst, exist_ok=True)
    sym = _lenet(mx)
    rng = np.random.RandomState(7)
    exe = sym.simple_bind(mx.cpu(), grad_req="null", data=(1, 1, 28, 28))
    params = {}
    for name, arr in exe.arg_dict.items():
        if name in ("data", "softmax_label"):
            continue
        fan_in = int(np.prod(arr.shape[1:])) if len(arr.shape) > 1 else 1
        value = rng.uniform(-1, 1, arr.shape).astype("float32") * np.float32(np.sqrt(3.0 / fan_in))
        params["arg:" + name] = mx.nd.array(value)
        arr[:] = value
    digit = np.zeros((1, 1, 28, 28), dtype="float32")
    digit[0, 0, 5:8, 7:21] = 1.0           # a "7": the bar
    for r in range(8, 24):                  # and the diagonal stroke
        c = 20 - (r - 8) * 10 // 16
        digit[0, 0, r, c - 1:c + 2] = 1.0
    exe.arg_dict["data"][:] = digit
    exe.arg_dict["softmax_label"][:] = 0
    out = exe.forward(is_train=False)[0].asnumpy()
    sym.save(os.path.join(dst, "lenet-symbol.json"))
    mx.nd.save(os.path.join(dst, "lenet-0000.params"), params)
    np.save(os.path.join(dst, "digit.npy"), digit)
    np.save(os.path.join(dst, "expected-output.npy"), out)
    print(f"examples/lenet: class {int(out.argmax())}", file=__import__("sys").stderr)
