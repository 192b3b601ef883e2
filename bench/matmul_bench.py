#!/usr/bin/env python3
"""symc's matmul against OpenBLAS (cblas_sgemm, one thread), same process,
same inputs: for each n, an MXNet `dot` graph is compiled by sym-compile
(the host's CPU) and timed through its C ABI beside sgemm. Prints GFLOP/s
and the ratio symc / OpenBLAS (best of several runs). Needs gcc and
libopenblas-dev, which it installs on Debian when run as root; numbers are
only comparable within one run.

  bench/matmul_bench.py --sym-compile build/bin/sym-compile [n ...]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def dot_graph():
    nodes = [{"op": "null", "name": "a", "inputs": []},
             {"op": "null", "name": "b", "inputs": []},
             {"op": "dot", "name": "dot", "inputs": [[0, 0, 0], [1, 0, 0]]}]
    return {"nodes": nodes, "arg_nodes": [0, 1], "node_row_ptr": [0, 1, 2, 3],
            "heads": [[2, 0, 0]], "attrs": {"mxnet_version": ["int", 10901]}}


def ensure_openblas(cc):
    """Installs libopenblas-dev (Debian, as root) when `cc` cannot link
    OpenBLAS, else stops with what to install."""
    def links():
        return subprocess.run([cc, "-x", "c", "-", "-lopenblas", "-o", os.devnull],
                              input="int main(void) { return 0; }", text=True,
                              capture_output=True).returncode == 0
    if links():
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("matmul_bench.py: installing libopenblas-dev", file=sys.stderr)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "libopenblas-dev"]
        if subprocess.run(install, env=env).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], env=env, check=True)
            subprocess.run(install, env=env, check=True)
        if links():
            return
    sys.exit("matmul_bench.py: cannot link OpenBLAS; install libopenblas-dev")


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sym-compile", required=True)
    parser.add_argument("--cc", default="gcc")
    parser.add_argument("sizes", nargs="*", type=int, default=[256, 512, 1024])
    args = parser.parse_args()
    ensure_openblas(args.cc)
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    with tempfile.TemporaryDirectory() as tmp:
        symbol = os.path.join(tmp, "dot-symbol.json")
        json.dump(dot_graph(), open(symbol, "w"))
        for n in args.sizes:
            name = f"mm{n}"
            lib = os.path.join(tmp, name + ".so")
            subprocess.run([args.sym_compile, symbol, "--input", f"a={n}x{n}",
                            "--input", f"b={n}x{n}", "--name", name, "-o", lib],
                           check=True, capture_output=True)
            exe = os.path.join(tmp, name)
            subprocess.run([args.cc, "-O2", "-std=gnu99", f"-DMODEL={name}",
                            f'-DMODEL_HEADER="{name}.h"', "-I", tmp,
                            os.path.join(HERE, "matmul_bench.c"), lib, "-lopenblas",
                            "-lm", "-o", exe], check=True)
            sys.stdout.write(subprocess.run([exe, str(n)], check=True, env=env,
                                            capture_output=True, text=True).stdout)


if __name__ == "__main__":
    main()
