#!/usr/bin/env python3
"""Compiles real models ahead of time with sym-compile, runs the shared
libraries through their C ABI (test/aot/run_model.c, built with the system
C compiler) and compares their outputs with sym-run's JIT on the same inputs
(--atol, default 1e-6) and with MXNet's golden outputs. Also checks that no
artifact depends on an LLVM, MLIR or Python library (ldd).

Prints per model the artifact size, compile time and the differences;
exits non-zero on any failure. Models absent from --models-dir are skipped.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(os.path.dirname(HERE), "golden")
sys.path.insert(0, GOLDEN)
import npyio  # noqa: E402
from check_models import match_detections  # noqa: E402

FORBIDDEN = re.compile(r"libLLVM|libMLIR|libmlir|libpython|libclang")


def run(cmd, **kwargs):
    proc = subprocess.run(cmd, capture_output=True, text=True, **kwargs)
    if proc.returncode != 0:
        raise RuntimeError(" ".join(cmd) + ":\n" + (proc.stderr or proc.stdout).strip())
    return proc


def compare(got_path, ref_path, atol, relative, detections):
    shape, got, _ = npyio.load(got_path)
    rshape, ref, _ = npyio.load(ref_path)
    if shape != rshape:
        return None, f"shape {shape} vs {rshape}"
    if detections:
        diff = match_detections(got, ref, shape, atol)
        return diff, "" if diff is not None else "the valid detections differ"
    diff = npyio.max_abs_diff(got, ref)
    scale = max(1.0, max((abs(float(e)) for e in ref), default=0.0)) if relative else 1.0
    return diff, "" if diff <= atol * scale else f"max|diff| {diff:.3g} > {atol * scale:.3g}"


def check_model(args, name, tmp):
    golden = os.path.join(GOLDEN, "models", name)
    meta = json.load(open(os.path.join(golden, "meta.json")))
    src = os.path.join(args.models_dir, name)
    work = os.path.join(tmp, name)
    os.makedirs(work)
    c_name = re.sub(r"\W", "_", name)
    inputs = [os.path.join(golden, f"input_{i}.npy") for i in meta["inputs"]]
    compile_cmd = [args.sym_compile, os.path.join(src, meta["symbol"]), "--name", c_name,
                   "-o", os.path.join(work, c_name + ".so")] + args.compile_flag
    run_cmd = [args.sym_run, os.path.join(src, meta["symbol"])]
    for input_name, shape in meta["inputs"].items():
        compile_cmd += ["--input", f"{input_name}={'x'.join(map(str, shape))}"]
        run_cmd += ["--input", f"{input_name}={os.path.join(golden, f'input_{input_name}.npy')}"]
    dtypes = {"f4": "float32", "f8": "float64", "i4": "int32", "i8": "int64"}
    for input_name, path in zip(meta["inputs"], inputs):
        dtype = dtypes.get(npyio.load(path)[2][1:], "float32")
        if dtype != "float32":
            compile_cmd += ["--dtype", f"{input_name}={dtype}"]
    if meta.get("fill"):
        compile_cmd.append("--fill-missing")
        run_cmd.append("--fill-missing")
    else:
        compile_cmd += ["--params", os.path.join(src, meta["params"])]
        run_cmd += ["--params", os.path.join(src, meta["params"])]
    start = time.time()
    run(compile_cmd)
    compile_s = time.time() - start
    so = os.path.join(work, c_name + ".so")
    ldd = run(["ldd", so]).stdout
    if FORBIDDEN.search(ldd):
        return False, "links " + ", ".join(sorted(set(FORBIDDEN.findall(ldd))))
    # The C ABI takes the inputs in the model's order, which the header lists.
    header = open(os.path.join(work, c_name + ".h")).read()
    order = re.findall(r'/\* input \d+: "([^"]+)"', header)
    if sorted(order) != sorted(meta["inputs"]):
        return False, f"the header lists inputs {order}, expected {sorted(meta['inputs'])}"
    inputs = [os.path.join(golden, f"input_{i}.npy") for i in order]
    driver = os.path.join(work, "run_model")
    run([args.cc, "-std=c99", "-O1", f"-DMODEL={c_name}", f'-DMODEL_HEADER="{c_name}.h"',
         "-I", work, "-I", HERE, os.path.join(HERE, "run_model.c"), so, "-o", driver])
    n = meta["outputs"]
    aot_out = [os.path.join(work, f"aot_{i}.npy") for i in range(n)]
    jit_out = [os.path.join(work, f"jit_{i}.npy") for i in range(n)]
    start = time.time()
    run([driver] + inputs + ["--out"] + aot_out)
    run_s = time.time() - start
    for path in jit_out:
        run_cmd += ["--output", path]
    run(run_cmd)
    details, ok = [], True
    detections = meta.get("detection_outputs", [])
    for i in range(n):
        jit_diff, jit_err = compare(aot_out[i], jit_out[i], args.atol, meta.get("fill"), i in detections)
        mx_diff, mx_err = compare(aot_out[i], os.path.join(golden, f"output_{i}.npy"), 1e-4,
                                  meta.get("fill"), i in detections)
        ok &= not jit_err and not mx_err
        details.append(f"output {i}: vs JIT {jit_diff if jit_diff is None else format(jit_diff, '.1e')}"
                       f"{' (' + jit_err + ')' if jit_err else ''}, vs MXNet "
                       f"{mx_diff if mx_diff is None else format(mx_diff, '.1e')}"
                       f"{' (' + mx_err + ')' if mx_err else ''}")
    size = os.path.getsize(so) / 1024
    return ok, (f"{size:.0f} KiB, compile {compile_s:.1f} s, process run {run_s * 1000:.0f} ms; "
                + "; ".join(details))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sym-compile", required=True)
    parser.add_argument("--sym-run", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--cc", default=shutil.which("gcc") or shutil.which("cc") or "cc")
    parser.add_argument("--atol", type=float, default=1e-6)
    parser.add_argument("--exclude", action="append", default=[], metavar="MODEL")
    parser.add_argument("--compile-flag", action="append", default=[], metavar="FLAG",
                        help="an extra sym-compile flag (repeatable), e.g. --threads=2")
    parser.add_argument("models", nargs="*", help="default: every model with golden outputs")
    args = parser.parse_args()
    names = args.models or sorted(
        d for d in os.listdir(os.path.join(GOLDEN, "models"))
        if "outputs" in json.load(open(os.path.join(GOLDEN, "models", d, "meta.json"))))
    names = [n for n in names if n not in args.exclude]
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if not os.path.isdir(os.path.join(args.models_dir, name)):
                print(f"SKIP {name}: not in {args.models_dir}")
                continue
            try:
                ok, detail = check_model(args, name, tmp)
            except RuntimeError as err:
                ok, detail = False, str(err).replace("\n", " | ")[:2000]
            failures += not ok
            print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
