#!/usr/bin/env python3
"""Checks that symc's JSON export keeps a model: every node (name, op,
inputs) and every attribute of the original file is in the exported file,
and exporting the re-imported export gives the same file again.

The original is normalized the way MXNet's loader reads it: `param`/`attr`/
`attrs` merged, op aliases resolved, legacy hidden keys renamed, two-element
inputs padded. Attribute values are compared after parsing (so "(1,1)" and
"(1, 1)", "1" and "True", "0.001" and "1e-3" are equal).
"""
import argparse
import json
import subprocess
import sys

ALIASES = {"_Plus": "elemwise_add", "_plus": "elemwise_add", "_add": "elemwise_add",
           "_Minus": "elemwise_sub", "_minus": "elemwise_sub", "_sub": "elemwise_sub",
           "_Mul": "elemwise_mul", "_mul": "elemwise_mul", "_Div": "elemwise_div",
           "_div": "elemwise_div", "_Maximum": "_maximum", "_Minimum": "_minimum",
           "Softmax": "SoftmaxOutput", "split": "SliceChannel"}
HIDDEN = ["ctx_group", "lr_mult", "wd_mult", "force_mirroring", "mirror_stage"]


def norm_value(text):
    t = text.strip()
    if t in ("True", "true"):
        return True
    if t in ("False", "false"):
        return False
    if t.startswith(("(", "[")):
        entries = [x.strip() for x in t.strip("()[]").split(",") if x.strip()]
        for parse in (lambda x: int(x.rstrip("L")), float):
            try:
                values = tuple(parse(x) for x in entries)
            except ValueError:
                continue
            # MXNet's Tuple parser reads "3" and "(3,)" alike.
            return float(values[0]) if len(values) == 1 else values
        return t  # a list of strings: compared verbatim
    try:
        return float(t)
    except ValueError:
        return t


def load_graph(text):
    doc = json.loads(text)
    nodes = []
    for n in doc["nodes"]:
        attrs = {}
        for key in ("param", "attr", "attrs"):
            attrs.update(n.get(key, {}))
        for h in HIDDEN:
            if h in attrs:
                attrs["__%s__" % h] = attrs.pop(h)
        nodes.append({"op": ALIASES.get(n["op"], n["op"]), "name": n["name"],
                      "attrs": {k: norm_value(v) for k, v in attrs.items()},
                      "inputs": [tuple(e[:2]) for e in n["inputs"]]})
    return nodes, [tuple(h[:2]) for h in doc["heads"]]


def edges(nodes, heads):
    """Node name -> (op, [(input name, output index)]); heads by name."""
    table = {n["name"]: (n["op"], [(nodes[i]["name"], k) for i, k in n["inputs"]]) for n in nodes}
    return table, [(nodes[i]["name"], k) for i, k in heads]


def run(cmd, stdin=None):
    proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(" ".join(cmd[:2]) + ": " + proc.stderr.strip())
    return proc.stdout


def export(translate, text):
    ir = run([translate, "--import-mxnet-json", "-mlir-print-debuginfo"], text)
    return run([translate, "--export-mxnet-json"], ir)


def check(translate, path):
    original = open(path).read()
    exported = export(translate, original)
    if export(translate, exported) != exported:
        return "exporting the re-imported export changes the file"
    onodes, oheads = load_graph(original)
    enodes, eheads = load_graph(exported)
    otable, ohead_names = edges(onodes, oheads)
    etable, ehead_names = edges(enodes, eheads)
    if ohead_names != ehead_names:
        return f"heads differ: {ohead_names} vs {ehead_names}"
    reachable = set(etable)
    for name, (op, inputs) in otable.items():
        if name not in reachable:
            continue  # not reachable from the heads: MXNet drops it too
        eop, einputs = etable[name]
        if op != eop or einputs[:len(inputs)] != inputs:
            return f"node {name}: {op} {inputs} became {eop} {einputs}"
    eattrs = {n["name"]: n["attrs"] for n in enodes}
    for n in onodes:
        if n["name"] not in eattrs:
            continue
        for key, value in n["attrs"].items():
            if key.endswith(("_lr_mult", "_wd_mult")) and n["op"] != "null":
                continue  # moved onto the input variable, as MXNet does
            if eattrs[n["name"]].get(key) != value:
                return f"node {n['name']}: attribute {key}={value!r} became {eattrs[n['name']].get(key)!r}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sym-translate", required=True)
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    failures = 0
    for path in args.files:
        try:
            problem = check(args.sym_translate, path)
        except RuntimeError as e:
            problem = str(e)
        failures += problem is not None
        print(f"{'FAIL' if problem else 'PASS'} {path}" + (f": {problem}" if problem else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
