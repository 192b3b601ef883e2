#!/bin/sh
# The GPU check, on a machine with an NVIDIA GPU and driver (no LLVM, MLIR
# or MXNet needed): runs every model of the bundle this script sits in
# (made by make_bundle.py) against MXNet's golden outputs, with timings,
# and PyTorch's speed on comparable models when PyTorch is installed.
#   sh run-on-device.sh [--runs N] [--no-torch] [model ...]
exec python3 "$(dirname "$0")/run_on_device.py" "$@"
