#!/usr/bin/env python3
"""Compiles every real model with golden outputs for CUDA (sym-compile
--target=cuda --emit=ptx) and checks that ptxas accepts the kernels for the
given architecture (default sm_90).

Prints per model the number of kernels, the most registers a kernel uses,
whether any spills, and the compile times; exits non-zero on any failure.
Models absent from --models-dir are skipped.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(os.path.dirname(HERE), "golden")


def compile_command(sym_compile, models_dir, name, meta, out):
    src = os.path.join(models_dir, name)
    cmd = [sym_compile, os.path.join(src, meta["symbol"]), "--target=cuda", "--emit=ptx",
           "-o", out]
    for input_name, shape in meta["inputs"].items():
        cmd += ["--input", f"{input_name}={'x'.join(map(str, shape))}"]
    if meta.get("fill"):
        cmd.append("--fill-missing")
    else:
        cmd += ["--params", os.path.join(src, meta["params"])]
    return cmd


def check_model(args, name, tmp):
    meta = json.load(open(os.path.join(GOLDEN, "models", name, "meta.json")))
    ptx = os.path.join(tmp, name + ".ptx")
    start = time.time()
    proc = subprocess.run(compile_command(args.sym_compile, args.models_dir, name, meta, ptx),
                          capture_output=True, text=True)
    compile_s = time.time() - start
    if proc.returncode:
        return False, "sym-compile: " + proc.stderr.strip()
    kernels = open(ptx).read().count(".entry ")
    start = time.time()
    proc = subprocess.run([args.ptxas, f"-arch={args.arch}", "-v", ptx, "-o",
                           os.path.join(tmp, name + ".cubin")], capture_output=True, text=True)
    ptxas_s = time.time() - start
    if proc.returncode:
        return False, "ptxas: " + proc.stderr.strip()[:2000]
    registers = [int(r) for r in re.findall(r"Used (\d+) registers", proc.stderr)]
    spills = sum(int(s) for s in re.findall(r"(\d+) bytes spill stores", proc.stderr))
    return True, (f"{kernels} kernels, up to {max(registers, default=0)} registers, "
                  f"{spills} bytes spilled (sym-compile {compile_s:.1f} s, "
                  f"ptxas {ptxas_s:.1f} s)")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-compile", required=True)
    parser.add_argument("--ptxas", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--arch", default="sm_90")
    parser.add_argument("models", nargs="*", help="default: every model with golden outputs")
    args = parser.parse_args()
    names = args.models or sorted(os.listdir(os.path.join(GOLDEN, "models")))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            if not os.path.isdir(os.path.join(args.models_dir, name)):
                print(f"SKIP {name}: not in {args.models_dir}")
                continue
            ok, detail = check_model(args, name, tmp)
            print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
            failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
