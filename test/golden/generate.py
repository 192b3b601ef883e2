#!/usr/bin/env python3
"""Writes symc's golden test data with real MXNet 1.9.1, the oracle.

Creates (once) a virtualenv with mxnet==1.9.1 and numpy==1.23.5 from PyPI and
re-runs itself inside it. Then, with fixed seeds:
  * models/<name>/: an input and MXNet's outputs for each real model of
    ../shared/models that has weights, plus MXNet's infer_shape / infer_type
    for every model JSON there (meta.json);
  * ops/<case>/: small one-op graphs with seeded weights covering each op
    and attribute that symc lowers, with their inputs and MXNet's outputs;
  * ../../examples/lenet/: the bundled example (a LeNet with seeded weights).
Expected values are only ever written by this script, from MXNet.

Usage: test/golden/generate.py [--models-dir DIR] [--venv DIR]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fill import det_fill  # noqa: E402  -- sym-run --fill-missing's formula
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_VENV = os.path.join(os.path.expanduser("~"), ".cache", "symc", "mxnet-venv")
DEFAULT_MODELS = os.path.normpath(os.path.join(ROOT, "..", "shared", "models"))

# Real models with weights: (folder, symbol file, params file, input shapes).
MODELS_WITH_WEIGHTS = [
    ("kylehoffpauir_gluon_mlp", "net-symbol.json", "net-0001.params", {"data": (2, 784)}),
    ("cosmincatalin_mlp", "model-symbol.json", "model-0004.params", {"data": (3, 4)}),
    ("mentalblood_mnist_cnn", "mnist-symbol.json", "mnist-0035.params", {"data": (2, 1, 28, 28)}),
    ("insightface_mtcnn_det1", "det1-symbol.json", "det1-0001.params", {"data": (1, 3, 31, 27)}),
    ("insightface_mtcnn_det2", "det2-symbol.json", "det2-0001.params", {"data": (2, 3, 24, 24)}),
    ("insightface_gender_age", "model-symbol.json", "model-0000.params", {"data": (1, 3, 112, 112)}),
]

# Models without weights: inputs drawn here (seeded) and saved; every other
# argument takes sym-run's deterministic weight fill (--fill-missing),
# mirrored by det_fill(). An input is (shape, kind): "uniform" in [-1, 1) or
# ("int", low, high) for token ids and lengths (as float32, MXNet's default),
# or "zeros".
MODELS_FILLED = [
    ("djl_gluoncv_resnet18_v1", {"data": ((1, 3, 224, 224), "uniform")}),
    ("miaow1988_squeezenet_v1.2", {"data": ((1, 3, 224, 224), "uniform")}),
    ("tornadomeet_lightened_cnn", {"data": ((1, 1, 128, 128), "uniform")}),
    ("mxnet_mkldnn_model1_vgg16_reduced", {"data": ((1, 3, 224, 224), "uniform")}),
    ("mxnet_unittest_save_000800", {"data": ((4, 100), "uniform")}),
    ("apivovarov_ssd_mobilenet_512", {"data": ((1, 3, 512, 512), "uniform")}),
    # The label is reshaped before SoftmaxOutput, so its shape cannot be
    # inferred; it needs no value at inference.
    ("mms_lstm_ptb_fused_rnn", {"data": ((12, 4), ("int", 0, 10000)),
                                "softmax_label": ((12, 4), "zeros")}),
    ("djl_gluonnlp_static_bert_qa", {"data0": ((1, 384), ("int", 0, 30522)),
                                     "data1": ((1, 384), ("int", 0, 2)),
                                     "data2": ((1,), ("int", 100, 385))}),
]

# Input shapes for inference checks of the models without weights.
INFER_ONLY = {
    "apivovarov_ssd_mobilenet_512": {"data": (1, 3, 512, 512)},
    "djl_gluoncv_resnet18_v1": {"data": (1, 3, 224, 224)},
    "miaow1988_squeezenet_v1.2": {"data": (1, 3, 224, 224)},
    "mxnet_mkldnn_model1_vgg16_reduced": {"data": (1, 3, 224, 224)},
    "mxnet_unittest_save_000800": {"data": (4, 100)},
    "djl_gluonnlp_static_bert_qa": {"data0": (1, 384), "data1": (1, 384), "data2": (1,)},
    "tornadomeet_lightened_cnn": {"data": (1, 1, 128, 128)},
}


def ensure_venv(venv):
    """Re-executes this script inside a virtualenv that has MXNet 1.9.1."""
    try:
        import mxnet  # noqa: F401
        if mxnet.__version__ == "1.9.1":
            return
    except ImportError:
        pass
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        print(f"creating {venv} with mxnet==1.9.1 numpy==1.23.5", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([python, "-m", "pip", "install", "-q",
                               "mxnet==1.9.1", "numpy==1.23.5"])
    os.execv(python, [python] + sys.argv)


def fill_executor(exe, inputs, arg_params, aux_params):
    """Gives a bound executor its inputs, its params and zeros for training
    labels (bench/mxnet_peer.py binds the same way)."""
    for name, arr in exe.arg_dict.items():
        if name in inputs:
            arr[:] = inputs[name]
        elif name in arg_params:
            arr[:] = arg_params[name]
        else:  # training labels: no value needed at inference
            arr[:] = 0
    for name, arr in exe.aux_dict.items():
        arr[:] = aux_params[name]


def run_symbol(mx, np, sym, arg_params, aux_params, inputs):
    """Forward pass at inference with MXNet's executor."""
    shapes = {k: v.shape for k, v in inputs.items()}
    exe = sym.simple_bind(mx.cpu(), grad_req="null", **shapes)
    fill_executor(exe, inputs, arg_params, aux_params)
    return [o.asnumpy() for o in exe.forward(is_train=False)]


def inference_meta(mx, sym, shapes):
    """MXNet's infer_shape_partial and infer_type for the given inputs."""
    arg_shapes, out_shapes, aux_shapes = sym.infer_shape_partial(**shapes)
    types = sym.infer_type_partial(**{k: "float32" for k in shapes})
    arg_types, out_types, aux_types = types if types[0] is not None else ([None] * 3)
    def named(names, values):
        return {n: (list(v) if v is not None else None) for n, v in zip(names, values)}
    def dtype_names(names, values):
        if values is None:
            return {}
        import numpy as np
        return {n: (np.dtype(v).name if v is not None else None) for n, v in zip(names, values)}
    return {
        "inputs": {k: list(v) for k, v in shapes.items()},
        "arg_shapes": named(sym.list_arguments(), arg_shapes),
        "aux_shapes": named(sym.list_auxiliary_states(), aux_shapes),
        "out_shapes": named(sym.list_outputs(), out_shapes),
        "arg_types": dtype_names(sym.list_arguments(), arg_types),
        "out_types": dtype_names(sym.list_outputs(), out_types),
    }


def detection_outputs(sym):
    """Outputs of _contrib_MultiBoxDetection: rows [id, score, box] whose order
    among near-equal scores is arbitrary, so they compare as sets."""
    graph = json.loads(sym.tojson())
    return [i for i, (node, _, _) in enumerate(graph["heads"])
            if graph["nodes"][node]["op"] == "_contrib_MultiBoxDetection"]


def filled_model_inputs(np, specs):
    rng = np.random.RandomState(1234)
    inputs = {}
    for name, (shape, kind) in sorted(specs.items()):
        if kind == "uniform":
            inputs[name] = rng.uniform(-1, 1, shape).astype("float32")
        elif kind == "zeros":
            inputs[name] = np.zeros(shape, dtype="float32")
        else:
            _, low, high = kind
            inputs[name] = rng.randint(low, high, shape).astype("float32")
    return inputs


def write_filled_models(mx, np, models_dir, out_dir):
    for folder, specs in MODELS_FILLED:
        src = os.path.join(models_dir, folder)
        if not os.path.isdir(src):
            continue
        symbol_file = sorted(f for f in os.listdir(src) if f.endswith(".json"))[0]
        sym = mx.sym.load(os.path.join(src, symbol_file))
        inputs = filled_model_inputs(np, specs)
        shapes = {k: v.shape for k, v in inputs.items()}
        exe = sym.simple_bind(mx.cpu(), grad_req="null", **shapes)
        for name, arr in list(exe.arg_dict.items()) + list(exe.aux_dict.items()):
            arr[:] = inputs[name] if name in inputs else det_fill(np, name, arr.shape)
        outputs = [o.asnumpy() for o in exe.forward(is_train=False)]
        dst = os.path.join(out_dir, folder)
        os.makedirs(dst, exist_ok=True)
        for name, value in inputs.items():
            np.save(os.path.join(dst, f"input_{name}.npy"), value)
        for i, value in enumerate(outputs):
            np.save(os.path.join(dst, f"output_{i}.npy"), value)
        meta = inference_meta(mx, sym, shapes)
        meta.update(symbol=symbol_file, fill=True, outputs=len(outputs),
                    output_names=sym.list_outputs(),
                    detection_outputs=detection_outputs(sym))
        with open(os.path.join(dst, "meta.json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
        print(f"models/{folder}: {len(outputs)} outputs with the deterministic fill", file=sys.stderr)


def split_params(mx, path):
    loaded = mx.nd.load(path)
    args, auxs = {}, {}
    for key, value in loaded.items():
        kind, _, name = key.partition(":")
        (auxs if kind == "aux" else args)[name] = value
    return args, auxs


def write_models(mx, np, models_dir, out_dir):
    for folder, symbol_file, params_file, shapes in MODELS_WITH_WEIGHTS:
        src = os.path.join(models_dir, folder)
        if not os.path.isdir(src):
            print(f"skipping {folder}: not in {models_dir}", file=sys.stderr)
            continue
        sym = mx.sym.load(os.path.join(src, symbol_file))
        args, auxs = split_params(mx, os.path.join(src, params_file))
        rng = np.random.RandomState(1234)
        inputs = {k: rng.uniform(-1, 1, v).astype("float32") for k, v in shapes.items()}
        outputs = run_symbol(mx, np, sym, args, auxs, inputs)
        dst = os.path.join(out_dir, folder)
        os.makedirs(dst, exist_ok=True)
        for name, value in inputs.items():
            np.save(os.path.join(dst, f"input_{name}.npy"), value)
        for i, value in enumerate(outputs):
            np.save(os.path.join(dst, f"output_{i}.npy"), value)
        meta = inference_meta(mx, sym, shapes)
        meta.update(symbol=symbol_file, params=params_file,
                    outputs=len(outputs), output_names=sym.list_outputs())
        with open(os.path.join(dst, "meta.json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
        print(f"models/{folder}: {len(outputs)} outputs", file=sys.stderr)
    write_filled_models(mx, np, models_dir, out_dir)
    for folder, shapes in INFER_ONLY.items():
        if folder in dict(MODELS_FILLED):
            continue
        src = os.path.join(models_dir, folder)
        if not os.path.isdir(src):
            continue
        symbol_file = sorted(f for f in os.listdir(src) if f.endswith(".json"))[0]
        sym = mx.sym.load(os.path.join(src, symbol_file))
        dst = os.path.join(out_dir, folder)
        os.makedirs(dst, exist_ok=True)
        meta = inference_meta(mx, sym, shapes)
        meta.update(symbol=symbol_file)
        with open(os.path.join(dst, "meta.json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
        print(f"models/{folder}: inference only", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models-dir", default=DEFAULT_MODELS)
    parser.add_argument("--venv", default=os.environ.get("SYMC_MXNET_VENV", DEFAULT_VENV))
    parser.add_argument("--native-cases", action="store_true",
                        help=argparse.SUPPRESS)  # the second pass, see below
    args = parser.parse_args()
    ensure_venv(args.venv)
    # The plain executor, without MKLDNN subgraph fusions, is the reference.
    os.environ.setdefault("MXNET_SUBGRAPH_BACKEND", "NONE")

    import mxnet as mx
    import numpy as np
    sys.path.insert(0, HERE)
    import op_cases

    if args.native_cases:
        op_cases.write_all(mx, np, os.path.join(HERE, "ops"), native=True)
        return
    write_models(mx, np, args.models_dir, os.path.join(HERE, "models"))
    op_cases.write_all(mx, np, os.path.join(HERE, "ops"), native=False)
    op_cases.write_lenet_example(mx, np, os.path.join(ROOT, "examples", "lenet"))
    # Cases that this build's oneDNN cannot run (dilated or target_shape
    # Deconvolution) come from MXNet's native CPU kernels, in a second
    # process: MXNET_MKLDNN_ENABLED is read once.
    subprocess.check_call([sys.executable, os.path.abspath(__file__), "--native-cases"],
                          env=dict(os.environ, MXNET_MKLDNN_ENABLED="0"))


if __name__ == "__main__":
    main()
