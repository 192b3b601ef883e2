#!/usr/bin/env python3
"""Prints a .npy array (and its argmax) without numpy; with --compare,
also the max |difference| to a reference .npy."""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "golden"))
import npyio  # noqa: E402

parser = argparse.ArgumentParser(description=__doc__)
parser.add_argument("file")
parser.add_argument("--compare")
parser.add_argument("--atol", type=float, help="with --compare: fail above this max |diff|")
args = parser.parse_args()
shape, values, descr = npyio.load(args.file)
print(f"{args.file}: shape {shape} {descr}")
print("  " + " ".join(f"{v:.5f}" for v in values[:20]) + (" ..." if len(values) > 20 else ""))
print(f"  argmax: {max(range(len(values)), key=values.__getitem__)}")
if args.compare:
    _, ref, _ = npyio.load(args.compare)
    diff = npyio.max_abs_diff(values, ref)
    print(f"  max |diff| to {os.path.basename(args.compare)} (MXNet 1.9.1): {diff:.3g}")
    if args.atol is not None:
        print(f"  {'within' if diff <= args.atol else 'EXCEEDS'} atol {args.atol:g}")
        sys.exit(0 if diff <= args.atol else 1)
