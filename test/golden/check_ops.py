#!/usr/bin/env python3
"""Runs sym-run on golden one-op graphs and compares with MXNet's outputs.

Each case folder (written by generate.py from MXNet 1.9.1) holds
model-symbol.json, model-0000.params, input_<name>.npy and output_<i>.npy.
Prints one line per case and exits non-zero if any case differs by more
than --atol (absolute) + --rtol * |expected|; a case's meta.json may raise
its absolute tolerance ("atol", for long f32 sums, see op_cases.TOLERANCES).
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import npyio  # noqa: E402


def check_case(sym_run, case_dir, atol, rtol, tmp, extra_args=()):
    meta = json.load(open(os.path.join(case_dir, "meta.json")))
    atol = max(atol, meta.get("atol", 0.0))
    cmd = [sym_run, os.path.join(case_dir, "model-symbol.json"), *extra_args]
    if meta["params"]:
        cmd += ["--params", os.path.join(case_dir, "model-0000.params")]
    for name in meta["inputs"]:
        cmd += ["--input", f"{name}={os.path.join(case_dir, f'input_{name}.npy')}"]
    outs = [os.path.join(tmp, f"out_{i}.npy") for i in range(meta["outputs"])]
    for path in outs:
        cmd += ["--output", path]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        # The first lines say what failed; a crash's stack dump follows them.
        lines = proc.stderr.strip().splitlines()
        return False, "sym-run failed: " + " | ".join(lines[:3]) + (" | ..." if len(lines) > 3 else "")
    worst = 0.0
    for i, path in enumerate(outs):
        shape, got, descr = npyio.load(path)
        eshape, expected, edescr = npyio.load(os.path.join(case_dir, f"output_{i}.npy"))
        if shape != eshape or descr != edescr:
            return False, f"output {i}: got {shape} {descr}, MXNet {eshape} {edescr}"
        for g, e in zip(got, expected):
            if math.isnan(float(e)) or math.isnan(float(g)):
                if not (math.isnan(float(e)) and math.isnan(float(g))):
                    return False, f"output {i}: {g} vs MXNet {e}"
                continue
            err = abs(float(g) - float(e))
            if err > atol + rtol * abs(float(e)):
                return False, f"output {i}: {g} vs MXNet {e} (|diff| {err:.3g})"
            worst = max(worst, err)
    return True, f"max |diff| {worst:.3g}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-run", required=True)
    parser.add_argument("--ops-dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "ops"))
    parser.add_argument("--filter", default=".*", help="regex on case names")
    parser.add_argument("--atol", type=float, default=1e-5)
    parser.add_argument("--rtol", type=float, default=1e-5)
    parser.add_argument("--sym-run-arg", action="append", default=[], metavar="ARG",
                        help="an extra sym-run argument (e.g. --target=cuda)")
    args = parser.parse_args()
    cases = sorted(c for c in os.listdir(args.ops_dir) if re.search(args.filter, c))
    if not cases:
        sys.exit(f"no case matches {args.filter!r}")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            ok, detail = check_case(args.sym_run, os.path.join(args.ops_dir, case), args.atol, args.rtol, tmp,
                                        args.sym_run_arg)
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'} {case}: {detail}")
    print(f"{len(cases) - failures}/{len(cases)} cases match MXNet")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
