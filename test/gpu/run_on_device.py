#!/usr/bin/env python3
"""The GPU check (see run-on-device.sh): for each model of the bundle,
writes its weights if they are a deterministic fill, runs its CUDA artifact
through run_model (a warm-up run, then --runs timed runs), compares the
outputs with MXNet's golden outputs, and prints the milliseconds, the
achieved GFLOP/s (sym-compile's count) and the effective bandwidth of the
weights and tensors read and written once, each also as a fraction of an
H100's limits (about 790 TFLOP/s bf16 on tensor cores, 67 TFLOP/s f32
without, 3 TB/s). Then,
when PyTorch is installed, the same-shaped PyTorch models' milliseconds on
the same GPU (random weights; a speed reference only).

Exits non-zero when a model fails or does not match MXNet.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import fill  # noqa: E402
import npyio  # noqa: E402
from check_models import compare_outputs  # noqa: E402


# An H100 SXM's limits, as the GPU issue states them (bf16 dense on tensor
# cores), and its f32 rate without tensor cores.
H100_BF16_GFLOPS = 790e3
H100_F32_GFLOPS = 67e3
H100_GBPS = 3000.0


def tensor_bytes(meta):
    """Bytes of every argument, auxiliary state and output (float32)."""
    shapes = list(meta["arg_shapes"].values()) + list(meta.get("aux_shapes", {}).values()) + \
        list(meta["out_shapes"].values())
    total = 0
    for shape in shapes:
        n = 4
        for extent in shape:
            n *= extent
        total += n
    return total


def model_command(name, tmp, runs):
    """run_model's command line for one model of the bundle (writing its
    filled weights first), with its meta, bundle record and output paths."""
    folder = os.path.join(HERE, name)
    meta = json.load(open(os.path.join(folder, "meta.json")))
    bundle = json.load(open(os.path.join(folder, "bundle.json")))
    params = os.path.join(folder, "model.params")
    if bundle["filled_weights"]:
        params = os.path.join(tmp, name + ".params")
        if not os.path.exists(params):
            fill.write_filled_params(meta, params)
    outs = [os.path.join(tmp, f"{name}_{i}.npy") for i in range(meta["outputs"])]
    cmd = [os.path.join(folder, "run_model"), "--params", params, "--runs", str(runs)]
    cmd += [os.path.join(folder, f"input_{i}.npy") for i in bundle["inputs"]]
    cmd += ["--out"] + outs
    return cmd, meta, bundle, outs


def check_model(args, name, tmp):
    folder = os.path.join(HERE, name)
    cmd, meta, bundle, outs = model_command(name, tmp, args.runs)
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return False, f"no result within {args.timeout} s (--timeout)"
    if proc.returncode != 0:
        return False, (proc.stderr or proc.stdout).strip()
    fields = proc.stdout.split()
    median_ms = float(fields[fields.index("median_ms") + 1])
    min_ms = float(fields[fields.index("min_ms") + 1])
    ok, details = compare_outputs(meta, folder, outs, args.atol)
    if isinstance(details, str):
        return False, details
    gbps = tensor_bytes(meta) / (median_ms / 1e3) / 1e9
    gflops = bundle["gflop"] / (median_ms / 1e3)
    return ok, (f"{'; '.join(details)}; median {median_ms:.3f} ms (min {min_ms:.3f}); "
                f"{gflops:.1f} GFLOP/s ({100 * gflops / H100_F32_GFLOPS:.2f}% of f32, "
                f"{100 * gflops / H100_BF16_GFLOPS:.3f}% of bf16 peak); "
                f">= {gbps:.1f} GB/s of weights and tensors ({100 * gbps / H100_GBPS:.2f}%)")


def profile_model(args, name, tmp):
    """Runs one model once under Nsight Compute and prints its kernels'
    GPU time, summed per kernel (they are named after MXNet nodes), the
    costliest first, and the sum against the run's wall time."""
    cmd, _, _, _ = model_command(name, tmp, 0)
    ncu = [args.ncu, "--csv", "--page", "raw", "--clock-control", "none",
           "--metrics", "gpu__time_duration.sum"]
    try:
        proc = subprocess.run(ncu + cmd, capture_output=True, text=True, timeout=args.timeout)
    except subprocess.TimeoutExpired:
        print(f"profile {name}: no result within {args.timeout} s")
        return
    lines = proc.stdout.splitlines()
    header = next((i for i, line in enumerate(lines) if line.startswith('"ID"')), None)
    if proc.returncode != 0 or header is None:
        print(f"profile {name}: ncu failed: {(proc.stderr or proc.stdout).strip()[-2000:]}")
        return
    per_kernel = {}
    launches = 0
    for row in csv.DictReader(lines[header:]):
        try:
            ns = float(row["gpu__time_duration.sum"].replace(",", ""))  # "1,234"
        except (KeyError, ValueError):
            continue  # the units row
        kernel = row.get("Kernel Name", "?")
        total, count = per_kernel.get(kernel, (0.0, 0))
        per_kernel[kernel] = (total + ns, count + 1)
        launches += 1
    total_ms = sum(ns for ns, _ in per_kernel.values()) / 1e6
    print(f"profile {name}: {launches} launches, {len(per_kernel)} kernels, "
          f"{total_ms:.3f} ms of GPU time")
    ranked = sorted(per_kernel.items(), key=lambda item: -item[1][0])
    for kernel, (ns, count) in ranked[:args.top]:
        print(f"  {ns / 1e6:9.3f} ms {100 * ns / 1e6 / total_ms:5.1f}%  x{count:<3d} {kernel}")


# Bundle model -> (PyTorch builder, input shape): the same architecture and
# input size, for a speed reference (weights are random). Only real
# counterparts: a MobileNet classifier is not SSD-MobileNet.
TORCH_PEERS = {
    "djl_gluoncv_resnet18_v1": ("torchvision.models.resnet18", (1, 3, 224, 224)),
    "miaow1988_squeezenet_v1.2": ("torchvision.models.squeezenet1_1", (1, 3, 224, 224)),
}


def torch_reference(names, runs):
    try:
        import importlib
        import torch
    except ImportError:
        print("torch reference: PyTorch is not installed")
        return
    if not torch.cuda.is_available():
        print("torch reference: torch sees no GPU")
        return
    for name in names:
        if name not in TORCH_PEERS:
            continue
        path, shape = TORCH_PEERS[name]
        module_name, _, attr = path.rpartition(".")
        try:
            builder = getattr(importlib.import_module(module_name), attr)
        except (ImportError, AttributeError):
            print(f"torch reference {name}: {path} is not available")
            continue
        # Strict f32 like symc's kernels: no TF32 in cuDNN or cuBLAS.
        torch.backends.cudnn.allow_tf32 = False
        torch.backends.cuda.matmul.allow_tf32 = False
        model = builder().eval().cuda()
        x = torch.randn(*shape, device="cuda")
        times = []
        with torch.no_grad():
            model(x)
            torch.cuda.synchronize()
            for _ in range(runs):
                start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
                start.record()
                model(x)
                end.record()
                torch.cuda.synchronize()
                times.append(start.elapsed_time(end))
        times.sort()
        print(f"torch reference {name} ({path}, fp32): median {times[len(times) // 2]:.3f} ms "
              f"(min {times[0]:.3f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--atol", type=float, default=1e-4)
    parser.add_argument("--no-torch", action="store_true")
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds one model may take (default 120)")
    parser.add_argument("--ncu", metavar="PATH", nargs="?", const="ncu",
                        help="also profile each model's kernels with Nsight Compute")
    parser.add_argument("--top", type=int, default=12, help="kernels listed per profile")
    parser.add_argument("models", nargs="*", help="default: every model of the bundle")
    args = parser.parse_args()
    names = args.models or sorted(
        d for d in os.listdir(HERE) if os.path.isfile(os.path.join(HERE, d, "bundle.json")))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            ok, detail = check_model(args, name, tmp)
            print(f"{'PASS' if ok else 'FAIL'} {name}: {detail}", flush=True)
            failed += not ok
            if args.ncu:
                profile_model(args, name, tmp)
    if not args.no_torch:
        torch_reference(names, args.runs)
    print(f"{len(names) - failed}/{len(names)} models match MXNet on the GPU")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
