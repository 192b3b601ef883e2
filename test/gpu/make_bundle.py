#!/usr/bin/env python3
"""Builds, on a machine with symc (no GPU needed), what the GPU check runs
on a machine with an NVIDIA GPU and driver but no LLVM, MLIR or MXNet:

  <out>/<model>/<model>.so   the model compiled by sym-compile --target=cuda
                             (kernels as a sm_90 cubin, weights external:
                             uploaded once at create)
  <out>/<model>/run_model    test/aot/run_model.c built against it
  <out>/<model>/             MXNet's golden inputs and outputs, meta.json, and
                             the .params of models that ship weights
  <out>/run-on-device.sh     the check itself (run_on_device.py; Python 3)

Models without weights get their deterministic fill written on the device
(fill.py), which keeps the bundle small; here the same file is written once
to compile against, and sym-run checks on the CPU that those weights give
MXNet's outputs. Prints each model's artifact size; warns when the bundle
exceeds --max-mib (what the device runner carries).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TEST = os.path.dirname(HERE)
GOLDEN = os.path.join(TEST, "golden")
sys.path.insert(0, GOLDEN)
import fill  # noqa: E402
from check_models import compare_outputs  # noqa: E402

DEVICE_FILES = [os.path.join(HERE, "run-on-device.sh"), os.path.join(HERE, "run_on_device.py"),
                os.path.join(GOLDEN, "fill.py"), os.path.join(GOLDEN, "check_models.py"),
                os.path.join(GOLDEN, "npyio.py")]


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(" ".join(cmd) + ":\n" + (proc.stderr or proc.stdout).strip())
    return proc.stdout


def weights_for(args, name, meta, work):
    """The .params file to compile against, and whether the device writes
    it (a fill) rather than finding it in the bundle."""
    if meta.get("fill"):
        path = os.path.join(work, "filled.params")
        fill.write_filled_params(meta, path)
        return path, True
    return os.path.join(args.models_dir, name, meta["params"]), False


def check_weights_on_cpu(args, name, meta, params, work):
    """sym-run on the CPU with exactly these weights matches MXNet."""
    golden = os.path.join(GOLDEN, "models", name)
    cmd = [args.sym_run, os.path.join(args.models_dir, name, meta["symbol"]), "--params", params]
    for input_name in meta["inputs"]:
        cmd += ["--input", f"{input_name}={os.path.join(golden, f'input_{input_name}.npy')}"]
    outs = [os.path.join(work, f"cpu_{i}.npy") for i in range(meta["outputs"])]
    for path in outs:
        cmd += ["--output", path]
    run(cmd)
    ok, details = compare_outputs(meta, golden, outs, args.atol)
    if not ok:
        raise RuntimeError(f"{name}: the bundle's weights do not reproduce MXNet on the CPU: "
                           f"{details}")


def bundle_model(args, name, out):
    golden = os.path.join(GOLDEN, "models", name)
    meta = json.load(open(os.path.join(golden, "meta.json")))
    dst = os.path.join(out, name)
    os.makedirs(dst, exist_ok=True)
    c_name = re.sub(r"\W", "_", name)
    with tempfile.TemporaryDirectory() as work:
        params, filled = weights_for(args, name, meta, work)
        check_weights_on_cpu(args, name, meta, params, work)
        cmd = [args.sym_compile, os.path.join(args.models_dir, name, meta["symbol"]),
               "--target=cuda", f"--gpu-arch={args.arch}", f"--gpu-format={args.gpu_format}",
               "--weights=external", "--params", params, "--name", c_name,
               "-o", os.path.join(dst, c_name + ".so")]
        for input_name, shape in meta["inputs"].items():
            cmd += ["--input", f"{input_name}={'x'.join(map(str, shape))}"]
        compiled = run(cmd)
        gflop = float(re.search(r"([\d.e+-]+) GFLOP per run", compiled).group(1))
        if not filled:
            shutil.copy(params, os.path.join(dst, "model.params"))
    run([args.cc, "-std=c99", "-O2", f"-DMODEL={c_name}", f'-DMODEL_HEADER="{c_name}.h"',
         "-DMODEL_EXTERNAL_WEIGHTS", "-I", dst, "-I", os.path.join(TEST, "aot"),
         os.path.join(TEST, "aot", "run_model.c"), os.path.join(dst, c_name + ".so"),
         "-Wl,-rpath,$ORIGIN", "-o", os.path.join(dst, "run_model")])
    for entry in os.listdir(golden):
        shutil.copy(os.path.join(golden, entry), dst)
    header = open(os.path.join(dst, c_name + ".h")).read()
    order = re.findall(r'/\* input \d+: "([^"]+)"', header)
    with open(os.path.join(dst, "bundle.json"), "w") as f:
        json.dump({"library": c_name + ".so", "inputs": order, "filled_weights": filled,
                   "gflop": gflop}, f)
    return sum(os.path.getsize(os.path.join(dst, e)) for e in os.listdir(dst))


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sym-compile", required=True)
    parser.add_argument("--sym-run", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--cc", default="gcc")
    parser.add_argument("--arch", default="sm_90")
    parser.add_argument("--gpu-format", default="bin", help="isa (PTX), bin or fatbin")
    parser.add_argument("--atol", type=float, default=1e-4)
    parser.add_argument("--max-mib", type=float, default=60)
    parser.add_argument("models", nargs="*", help="default: every model with golden outputs")
    args = parser.parse_args()
    names = args.models or sorted(
        d for d in os.listdir(os.path.join(GOLDEN, "models"))
        if "outputs" in json.load(open(os.path.join(GOLDEN, "models", d, "meta.json"))))
    os.makedirs(args.out, exist_ok=True)
    for path in DEVICE_FILES:
        shutil.copy(path, args.out)
    total, failed = 0, 0
    for name in names:
        if not os.path.isdir(os.path.join(args.models_dir, name)):
            print(f"SKIP {name}: not in {args.models_dir}")
            continue
        try:
            size = bundle_model(args, name, args.out)
        except RuntimeError as error:
            print(f"FAIL {name}: {error}", flush=True)
            failed += 1
            continue
        total += size
        print(f"BUNDLED {name}: {size / 2**20:.2f} MiB", flush=True)
    print(f"bundle {args.out}: {total / 2**20:.1f} MiB")
    if total > args.max_mib * 2**20:
        print(f"warning: more than {args.max_mib} MiB; pass fewer models")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
