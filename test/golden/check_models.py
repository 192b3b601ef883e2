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


def detection_rows(values, shape):
    """The valid rows (id >= 0) of a (B, N, 6) detection output, per batch."""
    batches, n, width = shape
    rows = []
    for b in range(batches):
        base = b * n * width
        rows.append([values[base + i * width:base + (i + 1) * width] for i in range(n)
                     if values[base + i * width] >= 0])
    return rows


def match_detections(got, expected, shape, atol):
    """Max |diff| between matched valid detections (same class, closest row),
    or None when the valid sets differ in size or a row has no match. Ties
    in score may order MultiBoxDetection's rows differently, and then
    suppress a different one of two equal boxes; the detections stay the same."""
    worst = 0.0
    for got_rows, expected_rows in zip(detection_rows(got, shape), detection_rows(expected, shape)):
        if len(got_rows) != len(expected_rows):
            return None
        unmatched = list(got_rows)
        for row in expected_rows:
            candidates = [(max(abs(a - b) for a, b in zip(row, other)), k)
                          for k, other in enumerate(unmatched) if other[0] == row[0]]
            if not candidates or min(candidates)[0] > atol:
                return None
            diff, k = min(candidates)
            worst = max(worst, diff)
            unmatched.pop(k)
    return worst


def compare_outputs(meta, golden, outs, atol):
    """(ok, per-output details) for the output .npy files `outs` of the model
    of `meta` against its golden outputs in `golden`; (False, message) when
    a shape or the set of detections differs."""
    details, ok = [], True
    for i, path in enumerate(outs):
        shape, got, _ = npyio.load(path)
        eshape, expected, _ = npyio.load(os.path.join(golden, f"output_{i}.npy"))
        if shape != eshape:
            return False, f"output {i}: shape {shape}, MXNet {eshape}"
        if i in meta.get("detection_outputs", []):
            diff = match_detections(got, expected, shape, atol)
            if diff is None:
                return False, f"output {i}: the valid detections differ from MXNet's"
            valid = sum(len(rows) for rows in detection_rows(expected, shape))
            details.append(f"{meta['output_names'][i]}: {valid} detections match "
                           f"(max|diff| {diff:.2e})")
            continue
        diff = npyio.max_abs_diff(got, expected)
        # Outputs far from order 1 (filled weights) compare relative to their scale.
        scale = max(1.0, max(abs(float(e)) for e in expected)) if meta.get("fill") else 1.0
        ok &= diff <= atol * scale
        details.append(f"{meta['output_names'][i]} max|diff| {diff:.2e}" +
                       (f" (scale {scale:.2g})" if scale > 1 else ""))
    return ok, details


def check_model(sym_run, models_dir, name, atol, tmp, extra_args=()):
    golden = os.path.join(HERE, "models", name)
    meta = json.load(open(os.path.join(golden, "meta.json")))
    src = os.path.join(models_dir, name)
    cmd = [sym_run, os.path.join(src, meta["symbol"])] + list(extra_args)
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
    ok, details = compare_outputs(meta, golden, outs, atol)
    if isinstance(details, str):
        return False, details
    lines = proc.stdout.strip().splitlines()
    # sym-run --optimize-for reports how many subgraphs it made.
    partition = [l for l in lines if l.startswith("optimize_for(")]
    return ok, "; ".join(partition + details) + f" ({lines[-1]})"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-run", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--atol", type=float, default=1e-4)
    parser.add_argument("--exclude", action="append", default=[], metavar="MODEL")
    parser.add_argument("--sym-run-arg", action="append", default=[], metavar="ARG",
                        help="an extra sym-run argument, e.g. --optimize-for=symc")
    parser.add_argument("models", nargs="*", help="default: every model with golden outputs")
    args = parser.parse_args()
    names = args.models or sorted(
        d for d in os.listdir(os.path.join(HERE, "models"))
        if "outputs" in json.load(open(os.path.join(HERE, "models", d, "meta.json"))))
    names = [n for n in names if n not in args.exclude]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if not os.path.isdir(os.path.join(args.models_dir, name)):
                print(f"SKIP {name}: not in {args.models_dir}")
                continue
            ok, detail = check_model(args.sym_run, args.models_dir, name, args.atol, tmp,
                                     args.sym_run_arg)
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
