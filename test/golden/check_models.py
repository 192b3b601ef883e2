#!/usr/bin/env python3
"""Runs sym-run on the real models of ../shared/models and compares their
outputs with MXNet 1.9.1's (golden data from generate.py).

Prints, per model, the max |diff| of each output and the compile/run times
that sym-run reports; exits non-zero if any output differs by more than
--atol. Models absent from --models-dir are reported as skipped.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import npyio  # noqa: E402


def check_model(sym_run, models_dir, name, atol, tmp):
    golden = os.path.join(HERE, "models", name)
    meta = json.load(open(os.path.join(golden, "meta.json")))
    src = os.path.join(models_dir, name)
    cmd = [sym_run, os.path.join(src, meta["symbol"])]
    if meta.get("fill"):
        # No weights: the arguments other than the inputs get sym-run's
        # deterministic weight fill.
        cmd += ["--fill-missing"]
    else:
        cmd += ["--params", os.path.join(src, meta["params"])]
    for input_name in meta["inputs"]:
        cmd += ["--input", f"{input_name}={os.path.join(golden, f'input_{input_name}.npy')}"]
    outs = [os.path.join(tmp, f"{name}_{i}.npy") for i in range(meta["outputs"])]
    for path in outs:
        cmd += ["--output", path]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return False, "sym-run failed: " + proc.stderr.strip()
    details, ok = [], True
    for i, path in enumerate(outs):
        shape, got, _ = npyio.load(path)
        eshape, expected, _ = npyio.load(os.path.join(golden, f"output_{i}.npy"))
        if shape != eshape:
            return False, f"output {i}: shape {shape}, MXNet {eshape}"
        diff = npyio.max_abs_diff(got, expected)
        # Outputs far from order 1 (filled weights) compare relative to their scale.
        scale = max(1.0, max(abs(float(e)) for e in expected)) if meta.get("fill") else 1.0
        ok &= diff <= atol * scale
        details.append(f"{meta['output_names'][i]} max|diff| {diff:.2e}" +
                       (f" (scale {scale:.2g})" if scale > 1 else ""))
    timing = proc.stdout.strip().splitlines()[-1]
    return ok, "; ".join(details) + f" ({timing})"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-run", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--atol", type=float, default=1e-4)
    parser.add_argument("models", nargs="*", help="default: every model with golden outputs")
    args = parser.parse_args()
    names = args.models or sorted(
        d for d in os.listdir(os.path.join(HERE, "models"))
        if "outputs" in json.load(open(os.path.join(HERE, "models", d, "meta.json"))))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if not os.path.isdir(os.path.join(args.models_dir, name)):
                print(f"SKIP {name}: not in {args.models_dir}")
                continue
            ok, detail = check_model(args.sym_run, args.models_dir, name, args.atol, tmp)
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
