#!/usr/bin/env python3
"""The onnxruntime side of the peer benchmark (bench/run.sh). Runs inside
the onnxruntime virtualenv: times an InferenceSession of an ONNX file
exported by bench/mxnet_peer.py (CPU provider, intra_op_num_threads=T, one
inter-op thread), warm-up then the median of session.run; optionally saves
the outputs as <prefix>_<i>.npy. Writes {"ms", "version"} or {"error"} as
JSON to --result.
"""
import argparse

from worker import add_common_arguments, load_inputs, median_ms, report


def time_session(args):
    import numpy as np
    import onnxruntime as ort
    options = ort.SessionOptions()
    options.intra_op_num_threads = args.threads
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    session = ort.InferenceSession(args.model, options, providers=["CPUExecutionProvider"])
    inputs = load_inputs(np, args.input)
    feeds = {i.name: inputs[i.name] for i in session.get_inputs()}
    ms = median_ms(lambda: session.run(None, feeds), args.warmup, args.runs)
    if args.save_outputs:
        for i, output in enumerate(session.run(None, feeds)):
            np.save(f"{args.save_outputs}_{i}.npy", output)
    return {"ms": ms, "version": ort.__version__}


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True, help="the .onnx file")
    parser.add_argument("--input", action="append", default=[], metavar="NAME=FILE.npy")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--save-outputs", metavar="PREFIX")
    add_common_arguments(parser)
    args = parser.parse_args()
    report(time_session, args)


if __name__ == "__main__":
    main()
