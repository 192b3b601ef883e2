#!/usr/bin/env python3
"""Compares sym-infer-shapes / sym-infer-types with MXNet 1.9.1's
infer_shape_partial / infer_type_partial on the real models.

For each model with golden meta.json: import its JSON, run both passes in
partial mode with the golden input shapes, and compare every argument,
auxiliary state and output that MXNet knows. A shape symc leaves unknown
where MXNet knows it (an op symc does not model yet) is reported as
'unknown here', and counted apart from real mismatches, which fail.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TENSOR = r"tensor<([^>]*)>"
NAMED = re.compile(TENSOR + r"\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
DTYPES = {"f32": "float32", "f64": "float64", "f16": "float16", "i32": "int32",
          "i64": "int64", "i8": "int8", "ui8": "uint8", "i1": "bool"}


def parse_tensor(text):
    """'2x3x?xf32' -> ([2, 3, None], 'float32'); '*xf32' -> (None, ...)."""
    *dims, elt = text.split("x")
    if dims == ["*"]:
        shape = None
    else:
        shape = [None if d == "?" else int(d) for d in dims]
    return shape, DTYPES.get(elt)


def signature(ir):
    """name -> (shape, dtype) for the arguments and results of @main."""
    header = ir[ir.index("func.func @main"):]
    header = header[:header.index("{\n")]
    found = {}
    for m in NAMED.finditer(header):
        name = re.search(r'sym\.name = "([^"]+)"', m.group(2))
        if name:
            found[name.group(1)] = parse_tensor(m.group(1))
    return found


def mxnet_known(shape):
    return shape is not None and len(shape) > 0 and all(d > 0 for d in shape)


def check(sym_translate, sym_opt, models_dir, name):
    meta = json.load(open(os.path.join(HERE, "models", name, "meta.json")))
    src = os.path.join(models_dir, name, meta["symbol"])
    shapes = ",".join(f"{k}={'x'.join(map(str, v))}" for k, v in meta["inputs"].items())
    types = ",".join(f"{k}=float32" for k in meta["inputs"])
    ir = subprocess.run([sym_translate, "--import-mxnet-json", src], capture_output=True, text=True, check=True).stdout
    pipeline = (f"builtin.module(func.func(sym-infer-shapes{{partial=true shapes={shapes}}},"
                f"sym-infer-types{{partial=true types={types}}}))")
    proc = subprocess.run([sym_opt, f"--pass-pipeline={pipeline}"], input=ir, capture_output=True, text=True)
    if proc.returncode != 0:
        return 1, 0, 0, [proc.stderr.strip()]
    ours = signature(proc.stdout)
    expected = dict(meta["arg_shapes"])
    expected.update(meta["aux_shapes"])
    expected.update(meta["out_shapes"])
    mismatches, unknown, agreed = [], 0, 0
    for key, shape in sorted(expected.items()):
        if not mxnet_known(shape) or key not in ours:
            continue
        got, dtype = ours[key]
        if got is None or None in got:
            unknown += 1
        elif got != shape:
            mismatches.append(f"{key}: symc {got}, MXNet {shape}")
        else:
            agreed += 1
        want_dtype = {**meta["arg_types"], **meta["out_types"]}.get(key)
        if want_dtype and dtype and dtype != want_dtype:
            mismatches.append(f"{key}: symc {dtype}, MXNet {want_dtype}")
    return len(mismatches), agreed, unknown, mismatches


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-translate", required=True)
    parser.add_argument("--sym-opt", required=True)
    parser.add_argument("--models-dir", required=True)
    args = parser.parse_args()
    failed = 0
    for name in sorted(os.listdir(os.path.join(HERE, "models"))):
        if not os.path.isdir(os.path.join(args.models_dir, name)):
            print(f"SKIP {name}")
            continue
        bad, agreed, unknown, details = check(args.sym_translate, args.sym_opt, args.models_dir, name)
        failed += bad > 0
        note = f"{agreed} shapes equal to MXNet" + (f", {unknown} unknown here" if unknown else "")
        print(f"{'FAIL' if bad else 'PASS'} {name}: {note}")
        for d in details[:5]:
            print("    " + d)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
