#!/usr/bin/env python3
"""Development check with real MXNet 1.9.1 (not run in CI): MXNet loads each
model file exported by symc and computes the same thing as from the
original file.

For every JSON in --models-dir: export through sym-translate, load both
files with mx.sym.load, compare arguments / auxiliary states / outputs, and
where generate.py knows an input shape run both graphs on the same seeded
weights and inputs. Re-runs itself in the MXNet virtualenv like generate.py.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import generate  # noqa: E402


def export(translate, path, out):
    ir = subprocess.run([translate, "--import-mxnet-json", "-mlir-print-debuginfo", path],
                        capture_output=True, text=True, check=True).stdout
    with open(out, "w") as f:
        f.write(subprocess.run([translate, "--export-mxnet-json"], input=ir,
                               capture_output=True, text=True, check=True).stdout)


def forward(mx, np, sym, shapes):
    exe = sym.simple_bind(mx.cpu(), grad_req="null", **shapes)
    rng = np.random.RandomState(0)
    for name in sorted(exe.arg_dict):
        exe.arg_dict[name][:] = rng.uniform(-1, 1, exe.arg_dict[name].shape)
    for name in sorted(exe.aux_dict):
        exe.aux_dict[name][:] = rng.uniform(0.5, 1.5, exe.aux_dict[name].shape)
    return [o.asnumpy() for o in exe.forward(is_train=False)]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-translate", required=True)
    parser.add_argument("--models-dir", default=generate.DEFAULT_MODELS)
    parser.add_argument("--venv", default=os.environ.get("SYMC_MXNET_VENV", generate.DEFAULT_VENV))
    args = parser.parse_args()
    generate.ensure_venv(args.venv)
    os.environ.setdefault("MXNET_SUBGRAPH_BACKEND", "NONE")
    import mxnet as mx
    import numpy as np

    shapes = dict(generate.INFER_ONLY)
    shapes.update({m[0]: m[3] for m in generate.MODELS_WITH_WEIGHTS})
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted(os.listdir(args.models_dir)):
            src = os.path.join(args.models_dir, folder)
            if not os.path.isdir(src):
                continue
            path = os.path.join(src, sorted(f for f in os.listdir(src) if f.endswith(".json"))[0])
            out = os.path.join(tmp, folder + ".json")
            export(args.sym_translate, path, out)
            try:
                original = mx.sym.load(path)
            except Exception as e:  # noqa: BLE001 - e.g. a plugin op
                exported_ok = "loads" if _loads(mx, out) else "does not load"
                print(f"SKIP {folder}: MXNet cannot load the original ({str(e).splitlines()[0][:80]}); the export {exported_ok} the same way")
                continue
            exported = mx.sym.load(out)
            same = (original.list_arguments() == exported.list_arguments()
                    and original.list_auxiliary_states() == exported.list_auxiliary_states()
                    and original.list_outputs() == exported.list_outputs())
            detail = "same arguments, aux states and outputs" if same else "signature differs"
            if same and folder in shapes:
                a = forward(mx, np, original, shapes[folder])
                b = forward(mx, np, exported, shapes[folder])
                diff = max(float(np.abs(x - y).max()) for x, y in zip(a, b))
                same = diff == 0.0
                detail += f"; forward max|diff| {diff:.3g}"
            print(f"{'PASS' if same else 'FAIL'} {folder}: {detail}")


def _loads(mx, path):
    try:
        mx.sym.load(path)
        return True
    except Exception:  # noqa: BLE001
        return False


if __name__ == "__main__":
    main()
