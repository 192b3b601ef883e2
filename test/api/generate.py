#!/usr/bin/env python3
"""Writes the golden data of the C++ mx.sym API tests with MXNet 1.9.1.

Every case here has a C++ twin of the same name in SymbolAPITest.cpp that
builds the same graph through symc's API. This script records, from MXNet:
  * doc cases: the results of the `>>>` examples of mxnet.symbol's
    docstrings (and of the creation functions, which have none), as JSON;
  * graph cases: each graph's tojson() text, list_* names, debug_str(),
    attr_dict(), and, where the case asks, infer_shape / infer_shape_partial /
    infer_type results or error messages, and eval() outputs on seeded
    inputs (stored with the outputs);
  * summary cases: mx.viz.print_summary of the models in ../shared/models.
Expected values are only ever written here, from MXNet.

Usage: SYMC_MXNET_VENV=/path/to/venv test/api/generate.py
(the venv needs mxnet==1.9.1 numpy==1.23.5; test/golden/generate.py makes one)
"""
import contextlib
import io
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODELS = os.path.normpath(os.path.join(ROOT, "..", "shared", "models"))
sys.path.insert(0, os.path.join(ROOT, "test", "golden"))
from mxnet_venv import reexec_in_venv  # noqa: E402


reexec_in_venv()
import mxnet as mx  # noqa: E402
import numpy as np  # noqa: E402

DOCS, GRAPHS = {}, {}


def doc(name):
    def register(fn):
        DOCS[name] = fn
        return fn
    return register


def graph(name, **spec):
    def register(fn):
        GRAPHS[name] = (fn, spec)
        return fn
    return register


def shapes(lst):
    return [list(s) for s in lst]


def dtype_name(t):
    return None if t is None else np.dtype(t).name


def error_text(e):
    """The first line of MXNet's message without the class, the time stamp
    and the source position of the failed check."""
    msg = str(e)
    if msg.startswith("MXNetError: "):
        msg = msg[len("MXNetError: "):]
    msg = re.sub(r"\[\d\d:\d\d:\d\d\] [^ ]+:\d+: ", "", msg)
    return msg.strip().split("\n")[0]


def arr(values, shape=None):
    a = np.array(values, dtype=np.float32)
    return a.reshape(shape) if shape else a


def tolist(nd):
    return nd.asnumpy().astype(np.float64).ravel().tolist()


# ---------------------------------------------------------------------------
# Doc cases: the docstring examples of mxnet.symbol.
# ---------------------------------------------------------------------------

@doc("getitem")
def _():
    a = mx.sym.var('a')
    return {"a.__getitem__(0)": repr(a.__getitem__(0)), "a[0]": repr(a[0])}


@doc("attr")
def _():
    data = mx.sym.Variable('data', attr={'mood': 'angry'})
    return {"data.attr('mood')": data.attr('mood')}


@doc("list_attr")
def _():
    data = mx.sym.Variable('data', attr={'mood': 'angry'})
    return {"data.list_attr()": data.list_attr()}


@doc("attr_dict")
def _():
    a = mx.sym.Variable('a', attr={'a1': 'a2'})
    b = mx.sym.Variable('b', attr={'b1': 'b2'})
    c = a + b
    return {"c.attr_dict()": c.attr_dict()}


@doc("get_internals")
def _():
    a = mx.sym.var('a')
    b = mx.sym.var('b')
    c = a + b
    d = c.get_internals()
    return {"d": repr(d), "d.list_outputs()": d.list_outputs()}


@doc("get_children")
def _():
    x = mx.sym.Variable('x')
    y = mx.sym.Variable('y')
    z = mx.sym.Variable('z')
    a = y + z
    b = x + a
    return {"b.get_children()": repr(b.get_children()),
            "b.get_children().list_outputs()": b.get_children().list_outputs(),
            "b.get_children().get_children().list_outputs()":
                b.get_children().get_children().list_outputs(),
            "x.get_children()": repr(x.get_children())}


@doc("list_arguments")
def _():
    a = mx.sym.var('a')
    b = mx.sym.var('b')
    c = a + b
    return {"c.list_arguments()": c.list_arguments()}


@doc("list_outputs")
def _():
    a = mx.sym.var('a')
    b = mx.sym.var('b')
    c = a + b
    return {"c.list_outputs()": c.list_outputs()}


@doc("list_auxiliary_states")
def _():
    a = mx.sym.var('a')
    b = mx.sym.var('b')
    c = a + b
    data = mx.symbol.Variable('data')
    weight = mx.sym.Variable(name='fc1_weight')
    fc1 = mx.symbol.FullyConnected(data=data, weight=weight, name='fc1', num_hidden=128)
    fc2 = mx.symbol.BatchNorm(fc1, name='batchnorm0')
    return {"c.list_auxiliary_states()": c.list_auxiliary_states(),
            "fc2.list_auxiliary_states()": fc2.list_auxiliary_states()}


@doc("list_inputs")
def _():
    bn = mx.sym.BatchNorm(name='bn')
    return {"bn.list_arguments()": bn.list_arguments(),
            "bn.list_auxiliary_states()": bn.list_auxiliary_states(),
            "bn.list_inputs()": bn.list_inputs()}


@doc("infer_type")
def _():
    a = mx.sym.var('a')
    b = mx.sym.var('b')
    c = a + b
    arg_types, out_types, aux_types = c.infer_type(a='float32')
    return {"arg_types": [dtype_name(t) for t in arg_types],
            "out_types": [dtype_name(t) for t in out_types],
            "aux_types": [dtype_name(t) for t in aux_types]}


@doc("infer_shape")
def _():
    a = mx.sym.var('a')
    b = mx.sym.var('b')
    c = a + b
    arg_shapes, out_shapes, aux_shapes = c.infer_shape(a=(3, 3))
    res = {"arg_shapes": shapes(arg_shapes), "out_shapes": shapes(out_shapes),
           "aux_shapes": shapes(aux_shapes)}
    with contextlib.redirect_stderr(io.StringIO()):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            res["c.infer_shape(a=(0,3))"] = repr(c.infer_shape(a=(0, 3)))
    data = mx.sym.Variable('data')
    out = mx.sym.FullyConnected(data=data, name='fc1', num_hidden=1000)
    out = mx.sym.Activation(data=out, act_type='relu')
    out = mx.sym.FullyConnected(data=out, name='fc2', num_hidden=10)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            out.infer_shape(data=(100, 100), fc1_weight=(1, 100))
        res["error"] = None
    except mx.base.MXNetError as e:
        res["error"] = error_text(e)
    return res


@doc("eval")
def _():
    a = mx.sym.Variable('a')
    b = mx.sym.Variable('b')
    c = a + b
    ex = c.eval(ctx=mx.cpu(), a=mx.nd.ones([2, 3]), b=mx.nd.ones([2, 3]))
    return {"len(ex)": len(ex), "ex[0].shape": list(ex[0].shape), "ex[0]": tolist(ex[0])}


@doc("tojson")
def _():
    a = mx.sym.Variable('a')
    b = mx.sym.Variable('b')
    c = a + b
    return {"c.tojson()": c.tojson()}


@doc("var")
def _():
    data = mx.sym.Variable('data', attr={'a': 'b'})
    csr_data = mx.sym.Variable('csr_data', stype='csr')
    row_sparse_weight = mx.sym.Variable('weight', stype='row_sparse')
    return {"data": repr(data), "csr_data": repr(csr_data),
            "row_sparse_weight": repr(row_sparse_weight),
            "csr_data.list_attr()": csr_data.list_attr(),
            "data.list_attr()": data.list_attr()}


@doc("Group")
def _():
    a = mx.sym.Variable('a')
    b = mx.sym.Variable('b')
    g = mx.sym.Group([a, b])
    return {"group": repr(g), "list_outputs": g.list_outputs()}


@doc("zeros")
def _():
    z = mx.sym.zeros((2, 3))
    return {"json": z.tojson(), "eval": tolist(z.eval()[0])}


@doc("ones")
def _():
    z = mx.sym.ones((2, 2), dtype='float32')
    return {"json": z.tojson(), "eval": tolist(z.eval()[0])}


@doc("full")
def _():
    z = mx.sym.full((2, 3), 7)
    return {"json": z.tojson(), "eval": tolist(z.eval()[0])}


@doc("arange")
def _():
    z = mx.sym.arange(2, 8, step=2)
    y = mx.sym.arange(0.5, 2.5, step=0.5, repeat=2)
    return {"json": z.tojson(), "eval": tolist(z.eval()[0]), "eval2": tolist(y.eval()[0])}


@doc("linspace")
def _():
    z = mx.sym.linspace(0, 1, 5)
    y = mx.sym.linspace(0, 1, 4, endpoint=False)
    return {"json": z.tojson(), "eval": tolist(z.eval()[0]), "eval2": tolist(y.eval()[0])}


@doc("eye")
def _():
    z = mx.sym.eye(3, 4, 1)
    return {"json": z.tojson(), "eval": tolist(z.eval()[0])}


@doc("histogram")
def _():
    a = mx.sym.var('a')
    h = mx.sym.histogram(a, bins=5, range=(0.0, 5.0))
    e = mx.sym.var('e')
    h2 = mx.sym.histogram(a, bins=e)
    x = mx.nd.array([0, 0.5, 1, 1.5, 2, 4.99, 5, 5.5, -1, 3])
    return {"json": h.tojson(), "json2": h2.tojson(), "list_outputs": h.list_outputs(),
            "eval": [tolist(o) for o in h.eval(a=x)],
            "eval2": [tolist(o) for o in h2.eval(a=x, e=mx.nd.array([0, 1, 2.5, 5]))]}


@doc("split_v2")
def _():
    x = mx.sym.var('x')
    s = mx.sym.split_v2(x, 3, axis=1)
    t = mx.sym.split_v2(x, (1, 3), axis=0)
    out = s.eval(x=mx.nd.array(np.arange(12).reshape(2, 6)))
    out2 = t.eval(x=mx.nd.array(np.arange(20).reshape(5, 4)))
    return {"json": s.tojson(), "json2": t.tojson(),
            "eval": [tolist(o) for o in out], "eval2": [tolist(o) for o in out2]}


@doc("hypot")
def _():
    x = mx.sym.Variable('x')
    y = mx.sym.Variable('y')
    z = mx.sym.hypot(x, 4)
    r1 = z.eval(x=mx.nd.array([3, 5, 2]))[0]
    z2 = mx.sym.hypot(x, y)
    r2 = z2.eval(x=mx.nd.array([3, 4]), y=mx.nd.array([10, 2]))[0]
    return {"hypot(3, 4)": mx.sym.hypot(3, 4), "scalar": tolist(r1), "symbols": tolist(r2),
            "names": [z.name, z2.name]}


@doc("maximum")
def _():
    x = mx.sym.Variable('x')
    y = mx.sym.Variable('y')
    z = mx.sym.maximum(x, 4)
    r1 = z.eval(x=mx.nd.array([3, 5, 2, 10]))[0]
    z2 = mx.sym.maximum(x, y)
    r2 = z2.eval(x=mx.nd.array([3, 4]), y=mx.nd.array([10, 2]))[0]
    return {"maximum(2, 3.5)": mx.sym.maximum(2, 3.5), "scalar": tolist(r1),
            "symbols": tolist(r2), "names": [z.name, z2.name]}


@doc("minimum")
def _():
    x = mx.sym.Variable('x')
    y = mx.sym.Variable('y')
    z = mx.sym.minimum(x, 4)
    r1 = z.eval(x=mx.nd.array([3, 5, 2, 10]))[0]
    z2 = mx.sym.minimum(x, y)
    r2 = z2.eval(x=mx.nd.array([3, 4]), y=mx.nd.array([10, 2]))[0]
    return {"minimum(2, 3.5)": mx.sym.minimum(2, 3.5), "scalar": tolist(r1),
            "symbols": tolist(r2), "names": [z.name, z2.name]}


@doc("pow")
def _():
    x = mx.sym.Variable('x')
    y = mx.sym.Variable('y')
    z = mx.sym.pow(x, 2)
    r1 = z.eval(x=mx.nd.array([1, 2]))[0]
    z2 = mx.sym.pow(3, y)
    r2 = z2.eval(y=mx.nd.array([2, 3]))[0]
    z3 = mx.sym.pow(x, y)
    r3 = z3.eval(x=mx.nd.array([3, 4]), y=mx.nd.array([2, 3]))[0]
    return {"pow(2, 3)": mx.sym.pow(2, 3), "x^2": tolist(r1), "3^y": tolist(r2),
            "x^y": tolist(r3), "names": [z.name, z2.name, z3.name]}


# ---------------------------------------------------------------------------
# Graph cases. Options: shapes= (infer_shape kwargs), partial= (infer_shape_
# partial kwargs), types= (infer_type kwargs), partial_types=, eval=True
# (evaluate on seeded inputs of the inferred shapes).
# ---------------------------------------------------------------------------

def v(name, **kw):
    return mx.sym.var(name, **kw)


@graph("mlp", shapes={"data": (4, 10)}, types={"data": "float32"}, eval=True)
def _():
    data = v('data')
    fc1 = mx.sym.FullyConnected(data, num_hidden=16, name='fc1')
    act = mx.sym.Activation(fc1, act_type='relu')
    fc2 = mx.sym.FullyConnected(act, num_hidden=3)
    return mx.sym.softmax(fc2)


@graph("auto_names", shapes={"x": (2, 3)}, eval=True)
def _():
    x = v('x')
    a = mx.sym.relu(x)
    b = mx.sym.relu(a)
    c = mx.sym.sigmoid(b) + mx.sym.tanh(a)
    return mx.sym.exp(c * 0.5)


@graph("arith_symbols", shapes={"a": (2, 3), "b": (2, 3)}, eval=True)
def _():
    a, b = v('a'), v('b')
    return mx.sym.Group([a + b, a - b, a * b, a / (b * b + 1), a % (b + 3)])


@graph("arith_scalars", shapes={"a": (3, 2)}, eval=True)
def _():
    a = v('a')
    return mx.sym.Group([a + 1, a - 2.5, a * 3, a / 4.0, 2 + a, 5 - a, 2 * a,
                         1 / (a * a + 1), -a, a ** 2, a % 0.75])


@graph("comparisons", shapes={"a": (2, 4), "b": (2, 4)}, eval=True)
def _():
    a, b = v('a'), v('b')
    return mx.sym.Group([a == b, a != b, a < b, a <= b, a > b, a >= b,
                         a == 0.5, a != 1, a < 0, a <= 0.25, a > -0.5, a >= 0])


@graph("conv_pool", shapes={"data": (1, 3, 8, 8)}, eval=True)
def _():
    data = v('data')
    c = mx.sym.Convolution(data, kernel=(3, 3), num_filter=4, pad=(1, 1), name='conv1')
    p = mx.sym.Pooling(c, kernel=(2, 2), stride=(2, 2), pool_type='max')
    a = mx.sym.Pooling(c, kernel=(2, 2), stride=(2, 2), pool_type='avg')
    g = mx.sym.Pooling(c, global_pool=True, kernel=(1, 1), pool_type='avg')
    return mx.sym.Group([p, a, g])


@graph("batchnorm", shapes={"data": (2, 3, 4, 4)}, eval=True)
def _():
    data = v('data')
    bn = mx.sym.BatchNorm(data, fix_gamma=False, eps=1e-5, name='bn1')
    return mx.sym.Activation(bn, act_type='relu')


@graph("batchnorm_outputs", shapes={"data": (2, 3)})
def _():
    data = v('data')
    return mx.sym.BatchNorm(data, output_mean_var=True)


@graph("shared_aux", shapes={"data": (2, 4)})
def _():
    data = v('data')
    mean, var = v('mean'), v('var')
    b1 = mx.sym.BatchNorm(data, moving_mean=mean, moving_var=var, name='b1')
    return mx.sym.BatchNorm(b1, moving_mean=mean, moving_var=var, name='b2')


@graph("variables", shapes={"x": (2, 3)}, types={"x": "float32"})
def _():
    x = v('x', shape=(2, 3), lr_mult=2.0, wd_mult=0.5, dtype='float32',
          init='[\"zero\", {}]', __custom__='yes')
    w = v('w', attr={'k': 'v'}, lr_mult=1)
    return mx.sym.FullyConnected(x, weight=w, num_hidden=4, no_bias=True)


@graph("hidden_keys", shapes={"x": (2, 5)})
def _():
    x = v('x')
    return mx.sym.FullyConnected(x, num_hidden=3, lr_mult=0.1, wd_mult=2, ctx_group='dev1',
                                 attr={'__mood__': 'calm'})


@graph("prefix", shapes={"x": (3, 4)}, eval=True)
def _():
    x = v('x')
    with mx.name.Prefix('mlp_'):
        a = mx.sym.FullyConnected(x, num_hidden=5)
        b = mx.sym.FullyConnected(a, num_hidden=2, name='out')
    return mx.sym.relu(b)


@graph("attr_scope", shapes={"x": (2, 2)})
def _():
    with mx.AttrScope(ctx_group='stage1', __group__='g1'):
        x = v('x')
        with mx.AttrScope(__inner__='yes'):
            y = mx.sym.FullyConnected(x, num_hidden=2, name='fc')
    return mx.sym.sigmoid(y)


@graph("namemanager_scope", shapes={"x": (2,)})
def _():
    x = v('x')
    a = mx.sym.relu(x)
    with mx.name.NameManager():
        b = mx.sym.relu(a)
    c = mx.sym.relu(b)
    return c


@graph("compose_call", shapes={"data": (2, 6)}, eval=True)
def _():
    data = v('data')
    net1 = mx.sym.FullyConnected(data=data, name='fc1', num_hidden=5)
    net2 = mx.sym.FullyConnected(name='fc3', num_hidden=3)
    return net2(fc3_data=net1, name='composed')


@graph("compose_positional", shapes={"x": (2, 3), "y": (2, 3)}, eval=True)
def _():
    a, b = v('a'), v('b')
    net = mx.sym.sin(a) * mx.sym.cos(b)
    return net(a=v('x'), b=v('y'))


@graph("getitem", shapes={"x": (4, 6)}, eval=True)
def _():
    x = v('x')
    parts = mx.sym.split(x, num_outputs=3, axis=1)
    return mx.sym.Group([parts[2], parts['split0_output0'], parts[1] * 2])


@graph("internals", shapes={"x": (2, 3)}, eval=True)
def _():
    x = v('x')
    fc = mx.sym.FullyConnected(x, num_hidden=4, name='fc')
    out = mx.sym.relu(fc, name='act')
    return out.get_internals()['fc_output']


@graph("children_group")
def _():
    x, y = v('x'), v('y')
    return (mx.sym.broadcast_add(x, y) * 3).get_children()


@graph("concat_stack", shapes={"a": (2, 3), "b": (2, 3), "c": (2, 3)}, eval=True)
def _():
    a, b, c = v('a'), v('b'), v('c')
    return mx.sym.Group([mx.sym.concat(a, b, c, dim=1), mx.sym.Concat(a, b, dim=0),
                         mx.sym.stack(a, b, axis=1)])


@graph("reshape_family", shapes={"x": (2, 3, 4)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.reshape((6, 4)), mx.sym.reshape(x, shape=(0, -1)),
                         x.flatten(), x.transpose((2, 0, 1)), x.expand_dims(axis=1),
                         x.swapaxes(0, 2), mx.sym.Reshape(x, shape=(-3, 4))])


@graph("reductions", shapes={"x": (3, 4, 2)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.sum(), x.sum(axis=1), x.mean(axis=(0, 2), keepdims=True),
                         x.max(axis=0), x.min(axis=-1), x.prod(axis=2),
                         x.norm(), x.argmax(axis=1), x.argmin(axis=0)])


@graph("unary_math", shapes={"x": (2, 5)}, eval=True)
def _():
    x = v('x')
    y = mx.sym.abs(x) + 0.5
    return mx.sym.Group([x.abs(), x.sign(), x.ceil(), x.floor(), x.round(), x.rint(),
                         x.fix(), x.trunc(), y.sqrt(), y.rsqrt(), y.cbrt(), y.rcbrt(),
                         x.exp(), x.expm1(), y.log(), y.log10(), y.log2(), y.log1p(),
                         x.square(), y.reciprocal(), x.sigmoid(), x.relu(),
                         ])


@graph("trig", shapes={"x": (3, 3)}, eval=True)
def _():
    x = v('x')
    y = x * 0.5
    return mx.sym.Group([x.sin(), x.cos(), x.tan(), y.arcsin(), y.arccos(), x.arctan(),
                         x.sinh(), x.cosh(), x.tanh(), x.arcsinh(),
                         (mx.sym.abs(x) + 1.5).arccosh(), y.arctanh(),
                         x.degrees(), x.radians()])


@graph("softmax_family", shapes={"x": (2, 5)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.softmax(), x.softmax(axis=0), x.log_softmax(),
                         x.softmin(), mx.sym.softmax(x, temperature=2.0)])


@graph("slicing", shapes={"x": (4, 6)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.slice(begin=(1, 0), end=(3, 4)),
                         x.slice_axis(axis=1, begin=1, end=-1),
                         x.slice_like(mx.sym.zeros((2, 3)), axes=(0, 1)),
                         x.flip(axis=1), x.tile(reps=(1, 2)), x.repeat(repeats=2, axis=0),
                         x.clip(-0.3, 0.3)])


@graph("pad_nchw", shapes={"x": (1, 2, 3, 3)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.pad(mode='constant', pad_width=(0, 0, 0, 0, 1, 1, 2, 2),
                               constant_value=1.5),
                         mx.sym.pad(x, mode='edge', pad_width=(0, 0, 0, 0, 1, 1, 1, 1))])


@graph("broadcasting", shapes={"a": (2, 1, 3), "b": (1, 4, 3)}, eval=True)
def _():
    a, b = v('a'), v('b')
    return mx.sym.Group([mx.sym.broadcast_add(a, b), mx.sym.broadcast_mul(a, b),
                         mx.sym.broadcast_maximum(a, b), mx.sym.broadcast_greater(a, b),
                         a.broadcast_to((2, 4, 3)), a.broadcast_axes(axis=1, size=5),
                         a.broadcast_like(b, lhs_axes=(1,), rhs_axes=(1,))])


@graph("dot_products", shapes={"a": (3, 4), "b": (4, 5), "c": (2, 3, 4), "d": (2, 4, 2)},
       eval=True)
def _():
    a, b, c, d = v('a'), v('b'), v('c'), v('d')
    return mx.sym.Group([mx.sym.dot(a, b), mx.sym.dot(b, a, transpose_a=True, transpose_b=True),
                         mx.sym.batch_dot(c, d)])


@graph("ordering", shapes={"x": (3, 5)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.sort(), x.sort(axis=0, is_ascend=False), x.argsort(),
                         x.topk(k=2), x.topk(k=2, ret_typ='value')])


@graph("topk_both", shapes={"x": (2, 6)}, eval=True)
def _():
    return v('x').topk(k=3, ret_typ='both', axis=1)


@graph("indexing", shapes={"x": (5, 3), "i": (4,), "j": (5,)},
       types={"x": "float32", "i": "float32"})
def _():
    x, i, j = v('x'), v('i'), v('j')
    return mx.sym.Group([x.take(i), mx.sym.one_hot(i, depth=5), x.pick(j, axis=1)])


@graph("embedding", shapes={"tokens": (2, 4)}, types={"tokens": "float32"})
def _():
    tokens = v('tokens')
    return mx.sym.Embedding(tokens, input_dim=10, output_dim=6, name='embed')


@graph("where_cast", shapes={"c": (2, 3), "a": (2, 3), "b": (2, 3)}, eval=True)
def _():
    c, a, b = v('c'), v('a'), v('b')
    return mx.sym.Group([mx.sym.where(c > 0, a, b), a.astype('float16'),
                         mx.sym.Cast(a, dtype='int32')])


@graph("deconv_upsample", shapes={"x": (1, 2, 4, 4)}, eval=True)
def _():
    x = v('x')
    d = mx.sym.Deconvolution(x, kernel=(2, 2), stride=(2, 2), num_filter=3, name='deconv')
    u = mx.sym.UpSampling(x, scale=2, sample_type='nearest')
    return mx.sym.Group([d, u])


@graph("upsample_bilinear", shapes={"x": (1, 2, 4, 4)})
def _():
    x = v('x')
    return mx.sym.UpSampling(x, scale=2, sample_type='bilinear', num_filter=2)


@graph("leaky_family", shapes={"x": (2, 3, 2, 2)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([mx.sym.LeakyReLU(x, act_type='leaky', slope=0.1),
                         mx.sym.LeakyReLU(x, act_type='elu'),
                         mx.sym.LeakyReLU(x, act_type='prelu', name='prelu')])


@graph("norms", shapes={"x": (2, 4, 3)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([mx.sym.LayerNorm(x, axis=-1, name='ln'),
                         mx.sym.InstanceNorm(x, name='inorm'),
                         mx.sym.L2Normalization(x, mode='instance'),
                         mx.sym.LRN(mx.sym.reshape(x, shape=(2, 4, 3, 1)), nsize=3)])


@graph("dropout_blockgrad", shapes={"x": (3, 4)}, eval=True)
def _():
    x = v('x')
    d = mx.sym.Dropout(x, p=0.5)
    return mx.sym.Group([d, mx.sym.BlockGrad(x), mx.sym.identity(x), mx.sym.stop_gradient(d)])


@graph("softmax_output", shapes={"data": (4, 5)}, eval=True)
def _():
    data = v('data')
    fc = mx.sym.FullyConnected(data, num_hidden=3, name='fc')
    return mx.sym.SoftmaxOutput(fc, name='softmax')


@graph("regression_outputs", shapes={"data": (4, 2)})
def _():
    data = v('data')
    return mx.sym.Group([mx.sym.LinearRegressionOutput(data, name='lin'),
                         mx.sym.LogisticRegressionOutput(data, name='logit'),
                         mx.sym.MAERegressionOutput(data, name='mae')])


@graph("rnn_lstm", shapes={"data": (5, 2, 3)})
def _():
    data = v('data')
    return mx.sym.RNN(data, state_size=4, num_layers=1, mode='lstm', state_outputs=True,
                      name='lstm')


@graph("sequence_ops", shapes={"x": (4, 2, 3), "len": (2,)})
def _():
    x, ln = v('x'), v('len')
    return mx.sym.Group([mx.sym.SequenceMask(x, ln, use_sequence_length=True, value=-1.0),
                         mx.sym.SequenceLast(x), mx.sym.SequenceReverse(x)])


@graph("creation_ops", eval=True)
def _():
    z = mx.sym.zeros((2, 2))
    o = mx.sym.ones((2, 2))
    f = mx.sym.full((2, 2), 3.5)
    return mx.sym.Group([z + o * f, mx.sym.arange(0, 4).reshape((2, 2)),
                         mx.sym.eye(2), mx.sym.linspace(-1, 1, 4).reshape((2, 2))])


@graph("scalar_functions", shapes={"x": (2, 3), "y": (2, 3)}, eval=True)
def _():
    x, y = v('x'), v('y')
    return mx.sym.Group([mx.sym.maximum(x, y), mx.sym.maximum(x, 0.2), mx.sym.maximum(0.1, x),
                         mx.sym.minimum(x, y), mx.sym.minimum(-0.2, x),
                         mx.sym.hypot(x, y), mx.sym.hypot(x, 2),
                         mx.sym.pow(mx.sym.abs(x) + 1, y), mx.sym.pow(mx.sym.abs(x), 3),
                         mx.sym.pow(2, x), mx.sym.power(mx.sym.abs(y), 0.5)])


@graph("amp_cast_removed", shapes={"x": (2, 2)})
def _():
    x = v('x')
    c = mx.sym.amp_cast(x, dtype='float16')
    return mx.sym.relu(mx.sym.amp_cast(c, dtype='float32'))


@graph("depth_space", shapes={"x": (1, 8, 2, 3)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.depth_to_space(2), x.space_to_depth(1),
                         x.depth_to_space(2).space_to_depth(2)])


@graph("like_ops", shapes={"x": (2, 3), "y": (3, 2)}, eval=True)
def _():
    x, y = v('x'), v('y')
    return mx.sym.Group([x.zeros_like(), x.ones_like(), x.reshape_like(y),
                         mx.sym.shape_array(x), mx.sym.size_array(x)])


@graph("diag_nansum", shapes={"x": (3, 3)}, eval=True)
def _():
    x = v('x')
    return mx.sym.Group([x.diag(), x.diag(k=1), x.nansum(axis=0), x.nanprod(axis=1),
                         x.argmax_channel()])


@graph("crop_roi", shapes={"x": (1, 2, 6, 6), "r": (2, 5)})
def _():
    x, r = v('x'), v('r')
    return mx.sym.Group([mx.sym.Crop(x, h_w=(3, 3), offset=(1, 1), num_args=1),
                         mx.sym.ROIPooling(x, r, pooled_size=(2, 2), spatial_scale=1.0)])


@graph("grouped_conv", shapes={"x": (1, 4, 5, 5)}, eval=True)
def _():
    x = v('x')
    c = mx.sym.Convolution(x, kernel=(3, 3), num_filter=4, num_group=2, no_bias=True,
                           stride=(2, 2), name='gconv')
    return mx.sym.Convolution(c, kernel=(1, 1), num_filter=2, dilate=(1, 1))


@graph("fc_no_flatten", shapes={"x": (2, 3, 4)}, eval=True)
def _():
    x = v('x')
    return mx.sym.FullyConnected(x, num_hidden=5, flatten=False, no_bias=True)


@graph("reused_subgraph", shapes={"x": (2, 2)}, eval=True)
def _():
    x = v('x')
    h = mx.sym.tanh(x)
    return mx.sym.Group([h * h, h + x, mx.sym.Group([h, x])[0]])


@graph("multibox", shapes={"data": (1, 3, 4, 4)})
def _():
    data = v('data')
    return mx.sym.contrib.MultiBoxPrior(data, sizes=(0.5, 0.25), ratios=(1, 2), clip=True)


# Partial inference and errors.

@graph("partial_unknown_rank", partial={})
def _():
    x = v('x')
    return mx.sym.broadcast_add(mx.sym.FullyConnected(x, num_hidden=10, name='fc1'), v('z'))


@graph("partial_fc", partial={"x": (2, 3)})
def _():
    x = v('x')
    return mx.sym.broadcast_add(mx.sym.FullyConnected(x, num_hidden=10, name='fc1'), v('z'))


@graph("partial_conv_dim", partial={"x": (1, 0, 5, 5)})
def _():
    return mx.sym.Convolution(v('x'), kernel=(3, 3), num_filter=4)


@graph("partial_backward", partial={"y": (4, 6)})
def _():
    x, y = v('x'), v('y')
    return mx.sym.elemwise_add(mx.sym.relu(x), y)


@graph("partial_concat", partial={"a": (2, 3)})
def _():
    a, b = v('a'), v('b')
    return mx.sym.concat(a, b, dim=1)


@graph("partial_bn", partial={"data": (0, 3, 4, 4)})
def _():
    return mx.sym.BatchNorm(v('data'), name='bn')


@graph("partial_reshape", partial={"x": (0, 12)})
def _():
    return mx.sym.reshape(v('x'), shape=(-1, 3, 4))


@graph("partial_dot", partial={"a": (3, 4)})
def _():
    return mx.sym.dot(v('a'), v('b'))


@graph("partial_incomplete_infer_shape", shapes={"x": (2, 3)})
def _():
    return mx.sym.broadcast_add(mx.sym.FullyConnected(v('x'), num_hidden=10, name='fc1'), v('z'))


@graph("partial_types", partial_types={})
def _():
    return mx.sym.FullyConnected(v('x'), num_hidden=2) + v('z')


@graph("partial_types_some", partial_types={"x": "float16"})
def _():
    return mx.sym.relu(v('x')) + v('z')


@graph("error_fc_weight", shapes={"data": (100, 100), "fc1_weight": (1, 100)})
def _():
    data = v('data')
    out = mx.sym.FullyConnected(data=data, name='fc1', num_hidden=1000)
    out = mx.sym.Activation(data=out, act_type='relu')
    return mx.sym.FullyConnected(data=out, name='fc2', num_hidden=10)


@graph("error_elemwise", shapes={"a": (2, 3), "b": (3, 2)})
def _():
    return mx.sym.elemwise_add(v('a'), v('b'), name='add')


@graph("error_broadcast", shapes={"a": (2, 3), "b": (4, 3)})
def _():
    return mx.sym.broadcast_add(v('a'), v('b'), name='badd')


@graph("error_concat", shapes={"a": (2, 3), "b": (3, 3)})
def _():
    return mx.sym.concat(v('a'), v('b'), dim=1, name='cat')


@graph("error_dot", shapes={"a": (2, 3), "b": (4, 5)})
def _():
    return mx.sym.dot(v('a'), v('b'), name='mm')


@graph("error_conv_channels", shapes={"x": (1, 3, 8, 8), "c_weight": (4, 2, 3, 3)})
def _():
    return mx.sym.Convolution(v('x'), kernel=(3, 3), num_filter=4, name='c')


@graph("error_reshape", shapes={"x": (2, 5)})
def _():
    return mx.sym.reshape(v('x'), shape=(3, 4), name='r')


@graph("error_bn_gamma", shapes={"x": (2, 3, 2, 2), "bn_gamma": (4,)})
def _():
    return mx.sym.BatchNorm(v('x'), name='bn')


@graph("error_batch_dot", shapes={"a": (2, 3, 4), "b": (3, 4, 5)})
def _():
    return mx.sym.batch_dot(v('a'), v('b'), name='bd')


@graph("error_where", shapes={"c": (2, 3), "a": (2, 3), "b": (2, 4)})
def _():
    return mx.sym.where(v('c'), v('a'), v('b'), name='w')


@graph("error_split", shapes={"x": (2, 5)})
def _():
    return mx.sym.split(v('x'), num_outputs=2, axis=1, name='s')


@graph("error_conv_rank", shapes={"x": (2, 100)})
def _():
    return mx.sym.Convolution(v('x'), kernel=(3, 3), num_filter=4, no_bias=True, name='c1')


@graph("error_fc_bias", shapes={"x": (2, 3), "fc_bias": (5,)})
def _():
    return mx.sym.FullyConnected(v('x'), num_hidden=4, name='fc')


@graph("error_types_fc", types={"x": "float64", "fc_weight": "float32"})
def _():
    return mx.sym.FullyConnected(v('x'), num_hidden=4, name='fc')


@graph("error_type", types={"a": "float32", "b": "float16"})
def _():
    return mx.sym.elemwise_add(v('a'), v('b'), name='mixed')


def partitioned(sym, op_names, **kwargs):
    """sym.optimize_for('default', **kwargs) with MXNet's op_names set as
    its own tests set it."""
    from mxnet.base import _LIB, check_call, c_str, c_str_array, mx_uint
    check_call(_LIB.MXSetSubgraphPropertyOpNamesV2(
        c_str("default"), mx_uint(len(op_names)), c_str_array(op_names)))
    try:
        return sym.optimize_for("default", **kwargs)
    finally:
        check_call(_LIB.MXRemoveSubgraphPropertyOpNamesV2(c_str("default")))


@graph("optimize_for_default", shapes={"data": (4, 10)}, eval=True)
def _():
    data = v('data')
    fc1 = mx.sym.FullyConnected(data, num_hidden=16, name='fc1')
    act = mx.sym.Activation(fc1, act_type='relu', name='relu1')
    fc2 = mx.sym.FullyConnected(act, num_hidden=3, name='fc2')
    out = mx.sym.Group([mx.sym.softmax(fc2, name='sm'), act, mx.sym.exp(act, name='e')])
    return partitioned(out, ["FullyConnected", "Activation"])


@graph("optimize_for_cycle", shapes={"x": (2, 5)}, eval=True)
def _():
    x = v('x')
    a = mx.sym.exp(x, name='a')
    r = mx.sym.Activation(a, act_type='relu', name='r')
    s = mx.sym.sin(a, name='s')
    d = mx.sym.elemwise_add(r, s, name='d')
    return partitioned(mx.sym.cos(d, name='c'), ["exp", "sin", "elemwise_add", "cos"])


@graph("optimize_for_dedup", shapes={"x": (3, 2), "y": (3, 2)}, eval=True)
def _():
    x, y = v('x'), v('y')
    m = mx.sym.elemwise_mul(x, x, name='sq')
    a = mx.sym.elemwise_add(m, y, name='a')
    out = mx.sym.Group([a, mx.sym.elemwise_sub(a, x, name='b'), mx.sym.tanh(a, name='t')])
    return partitioned(out, ["elemwise_mul", "elemwise_add", "elemwise_sub"],
                       dedup_subgraph=True)


@graph("optimize_for_batchnorm", shapes={"data": (2, 3, 4, 4)}, eval=True)
def _():
    data = v('data')
    c = mx.sym.Convolution(data, kernel=(3, 3), num_filter=4, name='conv')
    bn = mx.sym.BatchNorm(c, fix_gamma=False, name='bn')
    r = mx.sym.Activation(bn, act_type='relu', name='relu')
    return partitioned(mx.sym.Pooling(r, kernel=(2, 2), pool_type='max', name='pool'),
                       ["Convolution", "BatchNorm", "Activation"])


# ---------------------------------------------------------------------------
# print_summary of the models of ../shared/models (file, input shapes).
# ---------------------------------------------------------------------------

SUMMARY_MODELS = {
    "kylehoffpauir_gluon_mlp": ("net-symbol.json", {"data": (2, 784)}),
    "cosmincatalin_mlp": ("model-symbol.json", {"data": (3, 4)}),
    "mentalblood_mnist_cnn": ("mnist-symbol.json", {"data": (2, 1, 28, 28)}),
    "insightface_mtcnn_det1": ("det1-symbol.json", {"data": (1, 3, 31, 27)}),
    "insightface_mtcnn_det2": ("det2-symbol.json", {"data": (2, 3, 24, 24)}),
    "insightface_gender_age": ("model-symbol.json", {"data": (1, 3, 112, 112)}),
    "djl_gluoncv_resnet18_v1": ("resnet18_v1-symbol.json", {"data": (1, 3, 224, 224)}),
    "miaow1988_squeezenet_v1.2": ("model-symbol.json", {"data": (1, 3, 224, 224)}),
    "tornadomeet_lightened_cnn": ("lightened_cnn-symbol.json", {"data": (1, 1, 128, 128)}),
    "mxnet_mkldnn_model1_vgg16_reduced": ("test_mkldnn_test_mkldnn_model_model1.json",
                                          {"data": (1, 3, 224, 224)}),
    "mxnet_unittest_save_000800": ("save_000800.json", {"data": (4, 100)}),
    "apivovarov_ssd_mobilenet_512": ("deploy_ssd_mobilenet_512-symbol.json",
                                     {"data": (1, 3, 512, 512)}),
    "mms_lstm_ptb_fused_rnn": ("lstm_ptb-symbol.json", {"data": (12, 4)}),
    "djl_gluonnlp_static_bert_qa": ("static_bert_qa-symbol.json",
                                    {"data0": (1, 384), "data1": (1, 384), "data2": (1,)}),
    "gongxijun_ocr_lstm": ("model-symbol.json", {"data": (1, 1, 32, 100)}),
}


def summaries():
    """MXNet's print_summary text per model (with shapes), or why MXNet
    could not summarise it."""
    out = {}
    for folder, (fname, shape) in SUMMARY_MODELS.items():
        path = os.path.join(MODELS, folder, fname)
        if not os.path.exists(path):
            continue
        buf = io.StringIO()
        try:
            sym = mx.sym.load(path)
            import warnings
            with contextlib.redirect_stdout(buf), warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mx.viz.print_summary(sym, shape=shape)
            out[folder] = {"file": fname, "shape": {k: list(v) for k, v in shape.items()},
                           "summary": buf.getvalue()}
        except Exception as e:  # pylint: disable=broad-except
            out[folder] = {"file": fname, "shape": {k: list(v) for k, v in shape.items()},
                           "mxnet_error": "%s: %s" % (type(e).__name__, str(e).split("\n")[0])}
    return out


# ---------------------------------------------------------------------------

def seeded_inputs(sym, shapes_given, seed):
    arg_shapes, _, aux_shapes = sym.infer_shape(**shapes_given)
    rng = np.random.RandomState(seed)
    inputs = {}
    for name, shape in zip(sym.list_arguments(), arg_shapes):
        inputs[name] = rng.uniform(-1, 1, shape).astype(np.float32)
    for name, shape in zip(sym.list_auxiliary_states(), aux_shapes):
        inputs[name] = rng.uniform(0.5, 1.5, shape).astype(np.float32)
    return inputs


def describe(sym, spec, seed):
    res = {"json": sym.tojson(), "json_keep_amp": sym.tojson(remove_amp_cast=False),
           "name": sym.name, "repr": repr(sym),
           "arguments": sym.list_arguments(), "outputs": sym.list_outputs(),
           "aux": sym.list_auxiliary_states(), "inputs": sym.list_inputs(),
           "debug_str": sym.debug_str(), "attr_dict": sym.attr_dict(),
           "list_attr": sym.list_attr(),
           "internals": sym.get_internals().list_outputs()}
    import warnings
    for key, fn in (("shapes", sym.infer_shape), ("partial", sym.infer_shape_partial)):
        if key not in spec:
            continue
        try:
            with warnings.catch_warnings(record=True), \
                    contextlib.redirect_stdout(io.StringIO()):
                warnings.simplefilter("always")
                a, o, x = fn(**spec[key])
            res[key] = {"complete": False} if a is None else \
                {"arg": shapes(a), "out": shapes(o), "aux": shapes(x)}
        except mx.base.MXNetError as e:
            res[key] = {"error": error_text(e)}
    for key, fn in (("types", sym.infer_type), ("partial_types", sym.infer_type_partial)):
        if key not in spec:
            continue
        try:
            with warnings.catch_warnings(record=True):
                warnings.simplefilter("always")
                a, o, x = fn(**spec[key])
            res[key] = {"complete": False} if a is None else \
                {"arg": [dtype_name(t) for t in a], "out": [dtype_name(t) for t in o],
                 "aux": [dtype_name(t) for t in x]}
        except mx.base.MXNetError as e:
            res[key] = {"error": error_text(e)}
    if spec.get("eval"):
        inputs = seeded_inputs(sym, spec.get("shapes", {}), seed)
        nd = {k: mx.nd.array(a) for k, a in inputs.items()}
        aux_names = sym.list_auxiliary_states()
        if aux_names:  # eval() cannot take auxiliary states: bind them
            outs = sym.bind(mx.cpu(), args={k: a for k, a in nd.items() if k not in aux_names},
                            aux_states={k: nd[k] for k in aux_names}).forward()
        else:
            outs = sym.eval(ctx=mx.cpu(), **nd)
        res["eval"] = {
            "inputs": {k: {"shape": list(a.shape), "data": a.astype(np.float64).ravel().tolist()}
                       for k, a in inputs.items()},
            "outputs": [{"shape": list(o.shape), "dtype": np.dtype(o.dtype).name,
                         "data": tolist(o)} for o in outs]}
    return res


def main():
    golden = {"doc": {}, "graphs": {}, "summaries": summaries()}
    for name, fn in DOCS.items():
        with mx.name.NameManager():
            golden["doc"][name] = fn()
    for i, (name, (fn, spec)) in enumerate(GRAPHS.items()):
        with mx.name.NameManager():
            sym = fn()
            golden["graphs"][name] = {"spec": {k: v for k, v in spec.items()},
                                      "expected": describe(sym, spec, seed=i)}
    out = os.path.join(HERE, "golden.json")
    with open(out, "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote %s: %d doc cases, %d graphs, %d model summaries (%d MXNet could not make)"
          % (out, len(DOCS), len(GRAPHS), len(golden["summaries"]),
             sum("mxnet_error" in v for v in golden["summaries"].values())))


if __name__ == "__main__":
    main()
