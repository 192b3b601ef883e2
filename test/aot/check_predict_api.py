#!/usr/bin/env python3
"""MXNet's C predict API from symc: for each model, sym-compile
--c-predict-api builds a drop-in library, examples/c-predict/predict.c (a
program written only against c_predict_api.h) is built against it with
the system C compiler and run on the golden input, and its output is
compared with MXNet 1.9.1's (golden data). Models absent are skipped."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
GOLDEN = os.path.join(ROOT, "test", "golden")
sys.path.insert(0, GOLDEN)
import npyio  # noqa: E402


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(" ".join(cmd) + ": " + (proc.stderr or proc.stdout).strip())
    return proc.stdout


def check(args, name, symbol, params, input_npy, expected_npy, tmp):
    work = os.path.join(tmp, name)
    os.makedirs(work)
    shape = npyio.load(input_npy)[0]
    lib = os.path.join(work, "libmodel.so")
    run([args.sym_compile, symbol, "--params", params, "--input",
         "data=" + "x".join(map(str, shape)), "--name", "model", "--c-predict-api", "-o", lib])
    exe = os.path.join(work, "predict")
    run([args.cc, "-std=c99", "-Wall", "-Werror", "-I", work,
         os.path.join(ROOT, "examples", "c-predict", "predict.c"), lib, "-o", exe])
    out = os.path.join(work, "out.npy")
    printed = run([exe, symbol, params, input_npy, out]).strip()
    got_shape, got, _ = npyio.load(out)
    exp_shape, expected, _ = npyio.load(expected_npy)
    if got_shape != exp_shape:
        return False, f"shape {got_shape}, MXNet {exp_shape}"
    diff = npyio.max_abs_diff(got, expected)
    return diff <= args.atol, f"{printed}; max|diff| to MXNet {diff:.2e}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-compile", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--cc", default=shutil.which("gcc") or "cc")
    parser.add_argument("--atol", type=float, default=1e-4)
    args = parser.parse_args()
    cases = [("lenet", os.path.join(ROOT, "examples", "lenet", "lenet-symbol.json"),
              os.path.join(ROOT, "examples", "lenet", "lenet-0000.params"),
              os.path.join(ROOT, "examples", "lenet", "digit.npy"),
              os.path.join(ROOT, "examples", "lenet", "expected-output.npy"))]
    for model in ["mentalblood_mnist_cnn", "insightface_gender_age", "kylehoffpauir_gluon_mlp"]:
        meta = json.load(open(os.path.join(GOLDEN, "models", model, "meta.json")))
        src = os.path.join(args.models_dir, model)
        cases.append((model, os.path.join(src, meta["symbol"]), os.path.join(src, meta["params"]),
                      os.path.join(GOLDEN, "models", model, "input_data.npy"),
                      os.path.join(GOLDEN, "models", model, "output_0.npy")))
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, symbol, params, input_npy, expected in cases:
            if not os.path.exists(symbol):
                print(f"SKIP {name}: not in {args.models_dir}")
                continue
            try:
                ok, detail = check(args, name, symbol, params, input_npy, expected, tmp)
            except RuntimeError as err:
                ok, detail = False, str(err)[:1500]
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
