#!/usr/bin/env python3
"""Writes the golden partitions of sym-partition's tests with MXNet 1.9.1.

Each case is a graph (built here and saved under cases/, or a model of
../shared/models) partitioned by MXNet's `optimize_for` with the `default`
backend and an `op_names` set (set through MXSetSubgraphPropertyOpNamesV2,
as MXNet's own tests do), optionally with dedup_subgraph; a few use MXNet's
MKLDNN backend instead, whose fused-op files symc must read and write back
(their partition is not compared: symc has no MKLDNN backend). golden.json keeps,
per case, MXNet's partitioned graph reduced to its structure (every node's
name and inputs by name, subgraph nodes' ops and nested subgraphs, the
heads) and whether MXNet's log reported a cycle exclusion
(MXNET_SUBGRAPH_VERBOSE=2); for the graphs built here also MXNet's
partitioned JSON itself (cases/*.partitioned.json), which symc must read
and write back. Expected values are only ever written here.

Usage: SYMC_MXNET_VENV=/path/to/venv test/partition/generate.py
(the venv needs mxnet==1.9.1 numpy==1.23.5; test/golden/generate.py makes one)
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODELS = os.path.normpath(os.path.join(ROOT, "..", "shared", "models"))
sys.path.insert(0, os.path.join(ROOT, "test", "golden"))
from mxnet_venv import reexec_in_venv  # noqa: E402
sys.path.insert(0, HERE)
from structure import describe  # noqa: E402


if __name__ == "__main__" and os.environ.get("SYMC_PARTITION_CASE") is None:
    reexec_in_venv()

CASES = {}


def case(name, op_names, dedup=False, backend="default"):
    def register(fn):
        CASES[name] = (fn, op_names, dedup, backend)
        return fn
    return register


class Model:
    """A model of ../shared/models (not committed: its case skips without it)."""
    def __init__(self, directory, symbol):
        self.path = os.path.join(directory, symbol)


def model(directory, symbol):
    return Model(directory, symbol)


# --- graphs built here -------------------------------------------------------

@case("mlp_chain", ["FullyConnected", "Activation"])
def _(mx):
    x = mx.sym.var("data")
    for i in range(3):
        x = mx.sym.FullyConnected(x, num_hidden=8, name="fc%d" % i)
        x = mx.sym.Activation(x, act_type="relu", name="relu%d" % i)
    return mx.sym.softmax(x, name="out")


def shared_heads(mx):
    data = mx.sym.var("data")
    fc1 = mx.sym.FullyConnected(data, num_hidden=8, name="fc1")
    a1 = mx.sym.Activation(fc1, act_type="relu", name="relu1")
    e = mx.sym.elemwise_add(a1, fc1, name="add")
    s = mx.sym.sin(e, name="sin")
    return mx.sym.Group([s, e, mx.sym.exp(a1, name="exp")])


case("heads_and_outside_uses", ["FullyConnected", "Activation", "elemwise_add"])(shared_heads)
case("heads_and_outside_uses_dedup", ["FullyConnected", "Activation", "elemwise_add"],
     dedup=True)(shared_heads)


def diamond_cycle(mx):
    # exp -> relu (outside) -> add, and exp -> sin -> add: the set
    # {exp, sin, add} is left and re-entered through relu.
    data = mx.sym.var("data")
    a = mx.sym.exp(data, name="a_exp")
    b = mx.sym.Activation(a, act_type="relu", name="b_relu")
    c = mx.sym.sin(a, name="c_sin")
    return mx.sym.elemwise_add(b, c, name="d_add")


case("cycle_diamond", ["exp", "sin", "elemwise_add"])(diamond_cycle)


@case("cycle_long_detour", ["exp", "sin", "cos", "elemwise_add", "elemwise_mul"])
def _(mx):
    data = mx.sym.var("data")
    a = mx.sym.exp(data, name="a")
    b = mx.sym.sin(a, name="b")
    detour = mx.sym.tanh(mx.sym.Activation(b, act_type="relu", name="r1"), name="r2")
    c = mx.sym.cos(a, name="c")
    d = mx.sym.elemwise_mul(c, detour, name="d")
    e = mx.sym.elemwise_add(d, b, name="e")
    return mx.sym.sin(e, name="f")


@case("cycle_two_exits", ["exp", "sin", "elemwise_add", "elemwise_mul", "cos"])
def _(mx):
    data = mx.sym.var("data")
    a = mx.sym.exp(data, name="a")
    o1 = mx.sym.tanh(a, name="o1")
    b = mx.sym.sin(a, name="b")
    o2 = mx.sym.sigmoid(b, name="o2")
    c = mx.sym.elemwise_add(b, o1, name="c")
    d = mx.sym.elemwise_mul(c, o2, name="d")
    return mx.sym.cos(d, name="e")


@case("cycle_adjacent_subgraphs", ["exp", "sin", "elemwise_add"])
def _(mx):
    # The cycle breaks the chain into subgraphs that feed each other.
    data = mx.sym.var("data")
    a = mx.sym.exp(data, name="a")
    b = mx.sym.sin(a, name="b")
    side = mx.sym.Activation(a, act_type="relu", name="side")
    c = mx.sym.elemwise_add(b, side, name="c")
    d = mx.sym.exp(c, name="d")
    return mx.sym.sin(d, name="e")


@case("single_op_kind", ["Activation"])
def _(mx):
    x = mx.sym.var("data")
    for i in range(3):
        x = mx.sym.FullyConnected(x, num_hidden=4, name="fc%d" % i)
        x = mx.sym.Activation(x, act_type="tanh", name="act%d" % i)
    return x


def repeated_input(mx):
    x = mx.sym.var("x")
    y = mx.sym.var("y")
    m = mx.sym.elemwise_mul(x, x, name="sq")
    a = mx.sym.elemwise_add(m, x, name="plus_x")
    b = mx.sym.elemwise_add(a, y, name="plus_y")
    return mx.sym.Group([b, mx.sym.elemwise_sub(b, y, name="minus_y")])


case("repeated_input", ["elemwise_mul", "elemwise_add", "elemwise_sub"])(repeated_input)
case("repeated_input_dedup", ["elemwise_mul", "elemwise_add", "elemwise_sub"],
     dedup=True)(repeated_input)


@case("multi_output_split", ["SliceChannel", "elemwise_add", "exp"])
def _(mx):
    data = mx.sym.var("data")
    parts = mx.sym.split(data, num_outputs=3, axis=1, name="split")
    s = mx.sym.elemwise_add(parts[0], parts[1], name="s01")
    return mx.sym.Group([mx.sym.exp(s, name="e"), mx.sym.tanh(parts[2], name="t2"),
                         parts[1]])


@case("batchnorm_aux", ["Convolution", "BatchNorm", "Activation"])
def _(mx):
    data = mx.sym.var("data")
    c = mx.sym.Convolution(data, kernel=(3, 3), num_filter=4, name="conv")
    b = mx.sym.BatchNorm(c, name="bn")
    r = mx.sym.Activation(b, act_type="relu", name="relu")
    p = mx.sym.Pooling(r, kernel=(2, 2), pool_type="max", name="pool")
    c2 = mx.sym.Convolution(p, kernel=(1, 1), num_filter=4, name="conv2")
    return mx.sym.BatchNorm(c2, name="bn2")


@case("two_components", ["exp", "sin"])
def _(mx):
    x = mx.sym.var("x")
    a = mx.sym.sin(mx.sym.exp(x, name="e1"), name="s1")
    b = mx.sym.Activation(a, act_type="relu", name="mid")
    c = mx.sym.sin(mx.sym.exp(b, name="e2"), name="s2")
    return mx.sym.Group([c, mx.sym.exp(x, name="e3")])


@case("concat_fan_in", ["Concat", "exp", "FullyConnected"])
def _(mx):
    x = mx.sym.var("x")
    branches = [mx.sym.exp(mx.sym.Activation(x, act_type="relu", name="r%d" % i), name="e%d" % i)
                for i in range(4)]
    cat = mx.sym.Concat(*branches, dim=1, name="cat")
    return mx.sym.FullyConnected(cat, num_hidden=3, name="fc")


@case("head_inside_and_used", ["exp", "sin", "cos"])
def _(mx):
    x = mx.sym.var("x")
    a = mx.sym.exp(x, name="a")
    b = mx.sym.sin(a, name="b")
    c = mx.sym.cos(b, name="c")
    return mx.sym.Group([a, c, b, mx.sym.tanh(b, name="t")])


# --- MXNet's fused-op forms (MKLDNN backend), for the round trip only ------

@case("mkldnn_conv_bn_relu_fc", None, backend="MKLDNN")
def _(mx):
    data = mx.sym.var("data")
    c = mx.sym.Convolution(data, kernel=(3, 3), num_filter=4, name="conv")
    b = mx.sym.BatchNorm(c, name="bn")
    r = mx.sym.Activation(b, act_type="relu", name="relu")
    return mx.sym.FullyConnected(r, num_hidden=5, name="fc")


@case("mkldnn_conv_sum", None, backend="MKLDNN")
def _(mx):
    data = mx.sym.var("data")
    c1 = mx.sym.Convolution(data, kernel=(1, 1), num_filter=4, no_bias=True, name="c1")
    c2 = mx.sym.Convolution(data, kernel=(1, 1), num_filter=4, no_bias=True, name="c2")
    s = mx.sym.elemwise_add(c1, c2, name="sum")
    return mx.sym.Activation(s, act_type="relu", name="relu")


# --- models of ../shared/models ---------------------------------------------

case("resnet18_conv_bn_relu", ["Convolution", "BatchNorm", "Activation"])(
    model("djl_gluoncv_resnet18_v1", "resnet18_v1-symbol.json"))
case("resnet18_with_add", ["Convolution", "BatchNorm", "Activation", "elemwise_add"])(
    model("djl_gluoncv_resnet18_v1", "resnet18_v1-symbol.json"))
case("squeezenet_conv_relu", ["Convolution", "Activation"])(
    model("miaow1988_squeezenet_v1.2", "model-symbol.json"))
case("squeezenet_with_concat_dedup", ["Convolution", "Activation", "Concat"], dedup=True)(
    model("miaow1988_squeezenet_v1.2", "model-symbol.json"))
case("vgg16_reduced", ["Convolution", "Activation", "Pooling"])(
    model("mxnet_mkldnn_model1_vgg16_reduced", "test_mkldnn_test_mkldnn_model_model1.json"))
case("mtcnn_det1", ["Convolution", "LeakyReLU"])(
    model("insightface_mtcnn_det1", "det1-symbol.json"))
case("ssd_mobilenet_heads", ["Convolution", "BatchNorm", "Activation", "transpose",
                             "Flatten", "Concat"])(
    model("apivovarov_ssd_mobilenet_512", "deploy_ssd_mobilenet_512-symbol.json"))
case("bert_attention", ["FullyConnected", "elemwise_add", "LayerNorm", "batch_dot",
                        "_contrib_div_sqrt_dim", "softmax", "Reshape", "transpose"])(
    model("djl_gluonnlp_static_bert_qa", "static_bert_qa-symbol.json"))
case("lenet_legacy", ["Convolution", "Activation", "Pooling", "FullyConnected"])(
    model("mxnet_unittest_save_000800", "save_000800.json"))
case("gender_age", ["Convolution", "BatchNorm", "LeakyReLU", "elemwise_add"])(
    model("insightface_gender_age", "model-symbol.json"))


# --- running MXNet ----------------------------------------------------------

def partition_one(name):
    """In a child process (MXNet logs the cycle to stderr)."""
    import mxnet as mx
    from mxnet.base import _LIB, check_call, c_str, c_str_array, mx_uint
    source, op_names, dedup, backend = CASES[name]
    if isinstance(source, Model):
        sym = mx.sym.load(os.path.join(MODELS, source.path))
    else:
        sym = source(mx)
    kwargs = {"dedup_subgraph": True} if dedup else {}
    if op_names is None:
        part = sym.optimize_for(backend, **kwargs)
    else:
        check_call(_LIB.MXSetSubgraphPropertyOpNamesV2(
            c_str(backend), mx_uint(len(op_names)), c_str_array(op_names)))
        part = sym.optimize_for(backend, **kwargs)
        check_call(_LIB.MXRemoveSubgraphPropertyOpNamesV2(c_str(backend)))
    print(json.dumps({"input": None if isinstance(source, Model) else sym.tojson(),
                      "partitioned": part.tojson()}))


def main():
    golden = {}
    os.makedirs(os.path.join(HERE, "cases"), exist_ok=True)
    for name, (source, op_names, dedup, backend) in CASES.items():
        is_model = isinstance(source, Model)
        if is_model and not os.path.exists(os.path.join(MODELS, source.path)):
            print("skip %s: %s not found" % (name, source.path))
            continue
        env = dict(os.environ, SYMC_PARTITION_CASE=name, MXNET_SUBGRAPH_VERBOSE="2")
        proc = subprocess.run([sys.executable, os.path.abspath(__file__)], env=env,
                              capture_output=True, text=True, check=True)
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        entry = {"backend": backend, "op_names": op_names, "dedup_subgraph": dedup,
                 "mxnet_cycle_excluded": "Found a cycle" in proc.stderr,
                 "expected": describe(json.loads(result["partitioned"]))}
        if is_model:
            entry["model"] = source.path
        else:
            with open(os.path.join(HERE, "cases", name + ".json"), "w") as f:
                f.write(result["input"] + "\n")
            # MXNet's own partitioned file, for the import/export round trip.
            with open(os.path.join(HERE, "cases", name + ".partitioned.json"), "w") as f:
                f.write(result["partitioned"] + "\n")
            entry["graph"] = "cases/%s.json" % name
            entry["mxnet_partitioned"] = "cases/%s.partitioned.json" % name
        golden[name] = entry
        subgraphs = sum(1 for n in entry["expected"]["nodes"] if "subgraphs" in n)
        print("%-32s %2d subgraphs%s" % (name, subgraphs,
                                         " (cycle excluded)" if entry["mxnet_cycle_excluded"] else ""))
    with open(os.path.join(HERE, "golden.json"), "w") as f:
        json.dump(golden, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    if os.environ.get("SYMC_PARTITION_CASE"):
        partition_one(os.environ["SYMC_PARTITION_CASE"])
    else:
        main()
