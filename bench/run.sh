#!/usr/bin/env bash
# symc against MXNet 1.9.1 and onnxruntime on real models (issue 9), or with
# --micro the matmul and memory-bandwidth micro-benchmarks. Creates its
# virtualenvs under ~/.cache/symc/ on first use; see bench/bench.py --help.
#
#   bench/run.sh [--models a,b] [--runs N] [--rounds R] [--threads-list 1,2] [--batches 1,8] [--quick]
#   bench/run.sh --micro
set -euo pipefail
exec python3 "$(dirname "$0")/bench.py" "$@"
