#!/usr/bin/env python3
"""The MXNet 1.9.1 side of the peer benchmark (bench/run.sh). Runs inside
the MXNet virtualenv, one process per step, so that OMP_NUM_THREADS and
MXNET_* set by the caller apply (MXNet reads them once, at import).

  prepare  weights, inputs, and the versions of MXNet and onnx: a model
           shared without weights gets sym-run's deterministic fill
           (test/golden/generate.py's det_fill), saved once as a .params
           file that symc, MXNet and the ONNX export all read; the committed
           golden inputs are repeated or cut along axis 0 to each batch size
  time     simple_bind on static shapes, warm-up, then the median of
           forward + wait_to_read; optionally saves the outputs
  export   to ONNX with MXNet's own exporter (mx.onnx.export_model)
  compare  the largest |difference| between other runtimes' outputs and
           MXNet's, absolute and relative to the output's scale
  layers   the micro-benchmark's single-layer graphs (LAYERS): symbols,
           weights and inputs, written to a folder each

Each writes its result, or {"error": ...}, as JSON to --result.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "test", "golden"))
from fill import det_fill  # noqa: E402  -- sym-run --fill-missing's formula
from generate import fill_executor  # noqa: E402
from worker import add_common_arguments, load_inputs, median_ms, report  # noqa: E402

# MXNet 1.9.1 has converters up to opset 13 (mx2onnx/_op_translations_opset13.py).
MXNET_MAX_OPSET = 13


def load_params(mx, path):
    """(arg_params, aux_params) of a .params file with arg:/aux: keys."""
    args, auxs = {}, {}
    loaded = mx.nd.load(path)  # a list when the file holds no arrays
    for key, value in (loaded.items() if isinstance(loaded, dict) else []):
        kind, _, name = key.partition(":")
        (auxs if kind == "aux" else args)[name] = value
    return args, auxs


def prepare(args):
    """Writes the filled weights (once) and the inputs of every batch size."""
    import mxnet as mx
    import numpy as np
    import onnx
    meta = json.load(open(os.path.join(args.golden_dir, "meta.json")))
    os.makedirs(args.out_dir, exist_ok=True)
    if meta.get("params"):
        params = os.path.join(args.model_dir, meta["params"])
    else:
        params = os.path.join(args.out_dir, "filled.params")
        if not os.path.exists(params):
            # Every argument but the inputs and training labels (MXNet names
            # them <output>_label; they need no value at inference).
            arrays = {f"arg:{name}": shape
                      for name, shape in meta["arg_shapes"].items()
                      if name not in meta["inputs"] and not name.endswith("label")}
            arrays.update({f"aux:{name}": shape for name, shape in meta["aux_shapes"].items()})
            filled = {key: mx.nd.array(det_fill(np, key.partition(":")[2], tuple(shape)))
                      for key, shape in arrays.items()}
            mx.nd.save(params + ".tmp", filled)
            os.replace(params + ".tmp", params)
    inputs = {}
    for batch in args.batches:
        folder = os.path.join(args.out_dir, f"b{batch}")
        os.makedirs(folder, exist_ok=True)
        inputs[str(batch)] = {}
        for name in meta["inputs"]:
            committed = np.load(os.path.join(args.golden_dir, f"input_{name}.npy"))
            path = os.path.join(folder, f"input_{name}.npy")
            np.save(path, np.take(committed, np.arange(batch) % committed.shape[0], axis=0))
            inputs[str(batch)][name] = path
    return {"params": params, "inputs": inputs,
            "versions": {"MXNet": mx.__version__, "onnx (export)": onnx.__version__}}


def bind(mx, np, args):
    """An executor of args.symbol with args.params and args.input bound."""
    sym = mx.sym.load(args.symbol)
    inputs = load_inputs(np, args.input)
    arg_params, aux_params = load_params(mx, args.params)
    exe = sym.simple_bind(mx.cpu(), grad_req="null",
                          type_dict={k: v.dtype for k, v in inputs.items()},
                          **{k: v.shape for k, v in inputs.items()})
    fill_executor(exe, inputs, arg_params, aux_params)
    return exe


def time_forward(args):
    """Median forward time; the outputs go to <save_outputs>_<i>.npy."""
    import mxnet as mx
    import numpy as np
    exe = bind(mx, np, args)

    def step():
        for output in exe.forward(is_train=False):
            output.wait_to_read()
    ms = median_ms(step, args.warmup, args.runs)
    if args.save_outputs:
        for i, output in enumerate(exe.outputs):
            np.save(f"{args.save_outputs}_{i}.npy", output.asnumpy())
    return {"ms": ms}


def graph_input_order(sym, names):
    """The inputs in graph order, the order export_model takes their shapes in."""
    nodes = json.loads(sym.tojson())["nodes"]
    return [n["name"] for n in nodes if n["op"] == "null" and n["name"] in names]


def export(args):
    """Exports to args.output with static shapes. The weights become
    initializers only (the exporter also lists them as graph inputs, which
    keeps onnxruntime from constant-folding them)."""
    import mxnet as mx
    import mxnet.onnx  # noqa: F401  -- mx.onnx
    import numpy as np
    import onnx
    import onnx.defs
    # export_model declares onnx_opset_version(), the newest opset of the
    # installed onnx, but writes ops as MXNet's newest converters (opset 13)
    # do: declare what they write.
    onnx.defs.onnx_opset_version = lambda: MXNET_MAX_OPSET
    sym = mx.sym.load(args.symbol)
    inputs = load_inputs(np, args.input)
    arg_params, aux_params = load_params(mx, args.params)
    # The exporter skips SoftmaxOutput's label variable, then looks it up as
    # the op's input and fails (IndexError): given a value, a label becomes
    # an unused initializer instead.
    arg_shapes, _, _ = sym.infer_shape_partial(**{k: v.shape for k, v in inputs.items()})
    for name, shape in zip(sym.list_arguments(), arg_shapes):
        if name not in inputs and name not in arg_params and shape:
            arg_params[name] = mx.nd.zeros(shape)
    names = graph_input_order(sym, inputs)
    tmp = args.output + ".tmp"
    mx.onnx.export_model(sym, [arg_params, aux_params],
                         in_shapes=[inputs[n].shape for n in names],
                         in_types=[inputs[n].dtype for n in names], onnx_file_path=tmp)
    model = onnx.load(tmp)
    weights = {init.name for init in model.graph.initializer}
    graph_inputs = [i for i in model.graph.input if i.name not in weights]
    del model.graph.input[:]
    model.graph.input.extend(graph_inputs)
    onnx.save(model, tmp)
    os.replace(tmp, args.output)
    return {}


def detection_diff(np, got, expected):
    """Max |diff| between matched valid rows (class id >= 0) of (B, N, 6)
    MultiBoxDetection outputs. Rows with near-equal scores may come in
    another order, so each expected row matches the closest unmatched row of
    its class (as test/golden/check_models.py does)."""
    worst = 0.0
    for got_rows, expected_rows in zip(got, expected):
        got_rows = got_rows[got_rows[:, 0] >= 0]
        expected_rows = expected_rows[expected_rows[:, 0] >= 0]
        if len(got_rows) != len(expected_rows):
            raise ValueError(f"{len(got_rows)} detections, MXNet {len(expected_rows)}")
        free = np.ones(len(got_rows), dtype=bool)
        for row in expected_rows:
            dist = np.abs(got_rows - row).max(axis=1)
            dist[~free | (got_rows[:, 0] != row[0])] = np.inf
            k = int(np.argmin(dist))
            if not np.isfinite(dist[k]):
                raise ValueError(f"a class-{int(row[0])} detection has no match")
            worst = max(worst, float(dist[k]))
            free[k] = False
    return worst


def output_diff(np, got, expected, detection):
    """(max |diff|, max |expected|) of one output."""
    if got.shape != expected.shape:
        raise ValueError(f"shape {got.shape}, MXNet {expected.shape}")
    got, expected = got.astype(np.float64), expected.astype(np.float64)
    if detection:
        valid = expected[expected[..., 0] >= 0]
        return detection_diff(np, got, expected), float(np.abs(valid).max(initial=0))
    return float(np.abs(got - expected).max(initial=0)), float(np.abs(expected).max(initial=0))


def compare(args):
    """For each candidate: the output with the largest relative difference,
    {"abs": max |diff|, "rel": max |diff| / max |MXNet output|}."""
    import numpy as np
    expected = [np.load(f"{args.dir}/mxnet_{i}.npy") for i in range(args.outputs)]
    result = {}
    for candidate in args.candidates:
        worst = {"abs": 0.0, "rel": 0.0}
        try:
            for i, want in enumerate(expected):
                got = np.load(f"{args.dir}/{candidate}_{i}.npy")
                diff, scale = output_diff(np, got, want, i in args.detection)
                rel = diff / scale if scale > 0 else diff
                if not rel <= worst["rel"]:  # NaN wins
                    worst = {"abs": diff, "rel": rel}
        except (OSError, ValueError) as error:
            worst = {"error": f"output {i}: {error}"}
        result[candidate] = worst
    return result


# The micro-benchmark's layers (bench.py --micro): three convolutions of
# ResNet-18 (its first, 7x7/2 on the 3-channel image; a 64- and a
# 512-channel 3x3 of stages 1 and 4) and an elementwise chain that only
# moves memory, relu(a * b + c) over 16 MiB operands, for GB/s against the
# triad's.
LAYERS = {
    "conv0 7x7/2 3->64 224": ("conv", (1, 3, 224, 224), dict(num_filter=64, kernel=(7, 7),
                                                            stride=(2, 2), pad=(3, 3))),
    "conv 3x3 64->64 56": ("conv", (1, 64, 56, 56), dict(num_filter=64, kernel=(3, 3),
                                                         pad=(1, 1))),
    "conv 3x3 512->512 7": ("conv", (1, 512, 7, 7), dict(num_filter=512, kernel=(3, 3),
                                                         pad=(1, 1))),
    "relu(a*b+c) 4x1024x1024": ("chain", (4, 1024, 1024), {}),
}


def layer_files(mx, np, name, folder):
    """Writes LAYERS[name]'s graph, weights and inputs to `folder`:
    {"symbol", "params", "inputs": {name: file}, "flops", "bytes"} (bytes:
    what the layer must read and write at least)."""
    kind, shape, attrs = LAYERS[name]
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(0)
    data = mx.sym.Variable("data")
    inputs = {"data": rng.standard_normal(shape, dtype=np.float32)}
    weights = {}
    if kind == "conv":
        out = mx.sym.Convolution(data, no_bias=True, name="conv", **attrs)
        arg_shapes, _, _ = out.infer_shape(data=shape)
        weight_shape = dict(zip(out.list_arguments(), arg_shapes))["conv_weight"]
        weights["arg:conv_weight"] = mx.nd.array(
            rng.standard_normal(weight_shape, dtype=np.float32) * 0.05)
    else:
        b, c = mx.sym.Variable("b"), mx.sym.Variable("c")
        out = mx.sym.relu(data * b + c)
        inputs.update(b=rng.standard_normal(shape, dtype=np.float32),
                      c=rng.standard_normal(shape, dtype=np.float32))
    out_shape = out.infer_shape(**{k: v.shape for k, v in inputs.items()})[1][0]
    if kind == "conv":
        flops = 2 * int(np.prod(out_shape)) * int(np.prod(weight_shape[1:]))
    else:
        flops = 3 * int(np.prod(shape))
    symbol = os.path.join(folder, "layer-symbol.json")
    out.save(symbol)
    params = os.path.join(folder, "layer.params")
    mx.nd.save(params, weights)
    files = {}
    for input_name, value in inputs.items():
        files[input_name] = os.path.join(folder, f"input_{input_name}.npy")
        np.save(files[input_name], value)
    moved = sum(v.nbytes for v in inputs.values()) + 4 * int(np.prod(out_shape))
    return {"symbol": symbol, "params": params, "inputs": files, "flops": flops,
            "bytes": moved}


def layers(args):
    """Writes every layer of LAYERS to a folder of its own under args.out_dir;
    {name: layer_files(...)} in LAYERS' order."""
    import mxnet as mx
    import numpy as np
    return {name: layer_files(mx, np, name, os.path.join(args.out_dir, f"layer{i}"))
            for i, name in enumerate(LAYERS)}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("prepare", help=prepare.__doc__)
    p.add_argument("--model-dir", required=True, help="the model's folder of ../shared/models")
    p.add_argument("--golden-dir", required=True, help="test/golden/models/<model>")
    p.add_argument("--out-dir", required=True)
    p.add_argument("--batch", dest="batches", type=int, action="append", default=[])
    p.set_defaults(action=prepare)

    for name, action in (("time", time_forward), ("export", export)):
        p = commands.add_parser(name, help=action.__doc__)
        p.add_argument("--symbol", required=True)
        p.add_argument("--params", required=True)
        p.add_argument("--input", action="append", default=[], metavar="NAME=FILE.npy")
        p.set_defaults(action=action)
        if name == "time":
            p.add_argument("--warmup", type=int, default=3)
            p.add_argument("--runs", type=int, default=10)
            p.add_argument("--save-outputs", metavar="PREFIX")
        else:
            p.add_argument("--output", required=True, help="the .onnx file")

    p = commands.add_parser("compare", help=compare.__doc__)
    p.add_argument("--dir", required=True, help="holds mxnet_<i>.npy and <candidate>_<i>.npy")
    p.add_argument("--outputs", type=int, required=True)
    p.add_argument("--detection", type=int, action="append", default=[],
                   help="index of a MultiBoxDetection output")
    p.add_argument("candidates", nargs="+")
    p.set_defaults(action=compare)

    p = commands.add_parser("layers", help=layers.__doc__)
    p.add_argument("--out-dir", required=True)
    p.set_defaults(action=layers)

    for p in commands.choices.values():
        add_common_arguments(p)
    args = parser.parse_args()
    report(args.action, args)


if __name__ == "__main__":
    main()
