#!/usr/bin/env python3
"""Partitions each case of golden.json with symc (sym-translate | sym-opt
--sym-partition | sym-translate) and compares the result's structure (see
structure.py) with MXNet 1.9.1's partition of the same graph. With
--roundtrip, reads MXNet's partitioned file instead and writes it back,
which must keep the same structure.

Model cases need ../shared/models (--models-dir); without it they print
SKIP. Exits non-zero if any case differs.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from structure import describe  # noqa: E402


def first_difference(got, expected, path="graph"):
    """A readable account of where two structures first differ."""
    if type(got) != type(expected):
        return "%s: %r, MXNet %r" % (path, got, expected)
    if isinstance(got, dict):
        for key in sorted(set(got) | set(expected)):
            if key not in got or key not in expected:
                return "%s.%s: only in %s" % (path, key, "symc" if key in got else "MXNet")
            diff = first_difference(got[key], expected[key], path + "." + key)
            if diff:
                return diff
        return None
    if isinstance(got, list):
        for i, (a, b) in enumerate(zip(got, expected)):
            label = "%s[%d]" % (path, i)
            if isinstance(a, dict) and "name" in a:
                label += "(%s)" % a["name"]
            diff = first_difference(a, b, label)
            if diff:
                return diff
        if len(got) != len(expected):
            return "%s: %d items, MXNet %d" % (path, len(got), len(expected))
        return None
    return None if got == expected else "%s: %r, MXNet %r" % (path, got, expected)


def run_pipeline(tools, graph_path, sym_opt_args):
    """sym-translate (import) | sym-opt ARGS | sym-translate (export)."""
    imported = subprocess.run(
        [tools["sym-translate"], "--import-mxnet-json", graph_path, "-mlir-print-debuginfo"],
        capture_output=True, text=True)
    if imported.returncode:
        return None, imported.stderr
    parted = subprocess.run([tools["sym-opt"], "-mlir-print-debuginfo"] + sym_opt_args,
                            input=imported.stdout, capture_output=True, text=True)
    if parted.returncode:
        return None, parted.stderr
    exported = subprocess.run([tools["sym-translate"], "--export-mxnet-json"],
                              input=parted.stdout, capture_output=True, text=True)
    if exported.returncode:
        return None, exported.stderr
    return json.loads(exported.stdout), ""


def partition(tools, graph_path, case):
    options = "op_names=[%s]" % "|".join(case["op_names"])
    if case["dedup_subgraph"]:
        options += ",dedup_subgraph=True"
    return run_pipeline(tools, graph_path,
                        ["--sym-partition=backend=default options=" + options])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-opt", required=True)
    parser.add_argument("--sym-translate", required=True)
    parser.add_argument("--models-dir", required=True)
    parser.add_argument("--only", choices=["graphs", "models"],
                        help="only the graphs built by generate.py, or only the models")
    parser.add_argument("--roundtrip", action="store_true",
                        help="instead: read MXNet's partitioned JSON and write it back")
    parser.add_argument("cases", nargs="*", help="default: all")
    args = parser.parse_args()
    tools = {"sym-opt": args.sym_opt, "sym-translate": args.sym_translate}
    golden = json.load(open(os.path.join(HERE, "golden.json")))
    names = args.cases or sorted(golden)
    if args.only:
        names = [n for n in names if ("model" in golden[n]) == (args.only == "models")]
    failures = 0
    for name in names:
        case = golden[name]
        if "model" in case:
            path = os.path.join(args.models_dir, case["model"])
            if not os.path.exists(path):
                print("SKIP %s: %s not found" % (name, path))
                continue
        else:
            path = os.path.join(HERE, case["graph"])
        if args.roundtrip:
            if "mxnet_partitioned" not in case:
                continue
            result, error = run_pipeline(tools, os.path.join(HERE, case["mxnet_partitioned"]), [])
        elif case["backend"] != "default":
            continue  # a fused-op form, for the round trip only
        else:
            result, error = partition(tools, path, case)
        expected = case["expected"]
        subgraphs = sum(1 for n in expected["nodes"] if "subgraphs" in n)
        note = "%d subgraphs%s" % (subgraphs, ", cycle excluded" if case["mxnet_cycle_excluded"] else "")
        if result is None:
            failures += 1
            print("FAIL %s: symc failed: %s" % (name, error.strip()))
            continue
        diff = first_difference(describe(result), expected)
        failures += diff is not None
        print("%s %s (%s)%s" % ("FAIL" if diff else "PASS", name, note, ": " + diff if diff else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
