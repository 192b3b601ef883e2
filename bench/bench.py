#!/usr/bin/env python3
"""symc against its peers, MXNet 1.9.1 and onnxruntime, on real models
(issue 9). Started by bench/run.sh; needs only python3 itself.

For each model x batch x thread count it times
  symc          build/bin/sym-run MODEL --params P --input ... --repeat N:
                the JIT, its compile time and the median of N runs after
                a warm-up run;
  MXNet 1.9.1   the pip build (oneDNN, MXNet's default subgraph fusion),
                simple_bind on static shapes, W warm-up runs, the median of
                N forward + wait_to_read;
  onnxruntime   the model exported by MXNet's own exporter
                (mx.onnx.export_model), an InferenceSession with
                intra_op_num_threads=T, W warm-up runs, the median of N;
each peer in a process of its own with OMP_NUM_THREADS=T set before
import. It checks the numerics in the same run (symc's and onnxruntime's
outputs against MXNet's, max |diff| absolute and relative to the largest
|output|), prints a table and writes it to bench/results-<hostname>.md.
Ratios are peer time / symc time: above 1, symc is faster. Failures
(an export MXNet cannot do, a runtime that refuses the model) are table
entries with their reason.

Models come from ../shared/models; their inputs are the committed golden
inputs of test/golden/models/<name>, repeated or cut along axis 0 to the
batch size. A model shared without weights gets sym-run's deterministic
fill (--fill-missing), written once to a .params file under the cache that
all three runtimes read.

The virtualenvs are created on first use under ~/.cache/symc/:
  $SYMC_MXNET_VENV (mxnet-venv): mxnet==1.9.1 numpy==1.23.5 (as
      test/golden/generate.py), plus onnx for mx.onnx.export_model;
  $SYMC_ORT_VENV (ort-venv): onnxruntime onnx numpy, the newest from PyPI.

--micro instead runs bench/matmul_bench.py (symc's matmul against OpenBLAS),
a STREAM-like triad (bench/triad.c) for the machine's memory bandwidth,
bench/fma_peak.c for its f32 FMA peak, and single layers against MXNet:
three convolutions of ResNet-18 (GFLOP/s, fraction of the FMA peak) and an
elementwise chain (GB/s, fraction of the triad's). The model table gives
symc's GFLOP/s (sym-run's FLOP count) also as a fraction of that peak.
"""
import argparse
import datetime
import json
import math
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
GOLDEN = os.path.join(ROOT, "test", "golden", "models")
CACHE = os.path.join(os.path.expanduser("~"), ".cache", "symc")

MXNET_VENV = os.environ.get("SYMC_MXNET_VENV", os.path.join(CACHE, "mxnet-venv"))
ORT_VENV = os.environ.get("SYMC_ORT_VENV", os.path.join(CACHE, "ort-venv"))
# The most timed runs per measurement that --min-time asks for (MNIST's
# 0.01 ms runs would take 50000 for 0.5 s).
MAX_RUNS = 5000
# onnx for MXNet 1.9.1's exporter: 1.14.1 still has onnx.mapping, which the
# exporter imports (later releases removed it), has wheels for Python 3.11,
# and works with numpy 1.23.5 and the protobuf it was released with.
MXNET_PACKAGES = ["mxnet==1.9.1", "numpy==1.23.5", "onnx==1.14.1", "protobuf==3.20.3"]
ORT_PACKAGES = ["onnxruntime", "onnx", "numpy"]

# Issue 9's models, by their folders in ../shared/models, with short names.
MODELS = {
    "djl_gluoncv_resnet18_v1": "resnet18",
    "miaow1988_squeezenet_v1.2": "squeezenet1.2",
    "mxnet_mkldnn_model1_vgg16_reduced": "vgg16-reduced",
    "apivovarov_ssd_mobilenet_512": "ssd-mobilenet-512",
    "djl_gluonnlp_static_bert_qa": "bert-qa",
    "mentalblood_mnist_cnn": "mnist-cnn",
    "insightface_mtcnn_det1": "mtcnn-det1",
    "insightface_mtcnn_det2": "mtcnn-det2",
}
QUICK_MODELS = ["mentalblood_mnist_cnn", "insightface_mtcnn_det1"]
MODEL_NOTES = {
    "djl_gluonnlp_static_bert_qa":
        "bert-qa runs at sequence length 384, not 128: the static graph takes its "
        "position embeddings for a fixed arange(384), so MXNet's shape inference "
        "refuses any other length.",
}
# Models whose inputs are not batch-major: they run only as committed, at
# this batch size.
COMMITTED_BATCH_ONLY = {
    "mms_lstm_ptb_fused_rnn":
        (4, "its inputs are time-major (12 steps x 4 sequences): repeating them along "
            "axis 0 would make longer sequences, not more of them, so it runs only as "
            "committed"),
}

# "symc diff": max |symc - MXNet| over the outputs; "rel": a max |diff|
# divided by the largest |MXNet output|.
COLUMNS = ["model", "batch", "threads", "symc ms", "MXNet ms", "ORT ms", "MXNet/symc",
           "ORT/symc", "symc GFLOP/s", "FMA peak", "compile ms", "symc diff", "symc rel",
           "ORT rel"]


def log(message):
    print(message, file=sys.stderr, flush=True)


def ensure_venv(venv, packages, check):
    """The virtualenv's python, creating the virtualenv and installing
    packages when `check` (Python code) fails in it."""
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        log(f"creating {venv}")
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    if subprocess.run([python, "-c", check], capture_output=True).returncode:
        log(f"installing {' '.join(packages)} into {venv}")
        subprocess.check_call([python, "-m", "pip", "install", "-q", *packages])
    return python


def machine_summary():
    """CPU model, CPU count and the vector ISA flags, from /proc/cpuinfo."""
    model, flags = "unknown CPU", set()
    with open("/proc/cpuinfo") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                model = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
    isa = " ".join(f"{flag}={'yes' if flag in flags else 'no'}"
                   for flag in ("avx2", "fma", "avx512f"))
    return (f"{model}, {os.cpu_count()} CPUs ({len(os.sched_getaffinity(0))} usable), "
            f"{isa}, load average {os.getloadavg()[0]:.2f}")


def first_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[0][:400] if lines else ""


class Runner:
    """Runs the three runtimes' measurements; collects peer versions."""

    def __init__(self, args):
        self.args = args
        self.mxnet = ensure_venv(MXNET_VENV, MXNET_PACKAGES,
                                 "import mxnet, onnx; assert mxnet.__version__ == '1.9.1'")
        self.ort = ensure_venv(ORT_VENV, ORT_PACKAGES, "import onnxruntime, onnx, numpy")
        help_text = subprocess.run([args.sym_run, "--help"], capture_output=True,
                                   text=True).stdout
        self.symc_threads = "--threads" in help_text
        self.versions = {}
        self.peaks = {}

    def fma_peak(self, threads):
        """The machine's f32 FMA peak in GFLOP/s with `threads` threads,
        measured by bench/fma_peak.c (cached per thread count)."""
        if threads not in self.peaks:
            if not hasattr(self, "fma_binary"):
                self.fma_dir = tempfile.TemporaryDirectory(prefix="symc-fma-")
                self.fma_binary = build_fma_peak(self.fma_dir.name)
            out = subprocess.run([self.fma_binary], capture_output=True, text=True,
                                 env=dict(os.environ, OMP_NUM_THREADS=str(threads))).stdout
            found = re.search(r"fma peak: ([\d.]+) GFLOP/s", out)
            self.peaks[threads] = float(found.group(1)) if found else None
        return self.peaks[threads]

    def worker(self, python, script, argv, threads=1):
        """Runs a worker script; its JSON result, or {"error"} if it died."""
        env = dict(os.environ, OMP_NUM_THREADS=str(threads),
                   OPENBLAS_NUM_THREADS=str(threads), MXNET_CPU_WORKER_NTHREADS="1")
        with tempfile.NamedTemporaryFile(suffix=".json") as result:
            proc = subprocess.run([python, os.path.join(HERE, script), *argv,
                                   "--result", result.name],
                                  env=env, capture_output=True, text=True)
            try:
                return json.load(open(result.name))
            except ValueError:
                tail = proc.stderr.strip().splitlines()[-1:] or [""]
                return {"error": f"{script} exited with status {proc.returncode}: {tail[0]}"}

    def mxnet_worker(self, argv, threads=1):
        return self.worker(self.mxnet, "mxnet_peer.py", argv, threads)

    def symc(self, symbol, params, inputs, folder, outputs, threads, runs):
        """sym-run's {"ms", "compile_ms"} over `runs` runs; its outputs go to
        folder/symc_<i>.npy."""
        cmd = [self.args.sym_run, symbol, "--params", params, f"--repeat={runs}"]
        cmd += [f"--input={name}={path}" for name, path in inputs.items()]
        cmd += [f"--output={folder}/symc_{i}.npy" for i in range(outputs)]
        if self.symc_threads:
            cmd.append(f"--threads={threads}")
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True)
        except OSError as error:  # e.g. a build relinking sym-run
            return {"error": f"sym-run: {error}"}
        times = re.search(r"compile: ([\d.]+) ms, run: ([\d.]+) ms", proc.stdout)
        if proc.returncode or not times:
            return {"error": first_line(proc.stderr) or f"sym-run exited with {proc.returncode}"}
        result = {"compile_ms": float(times.group(1)), "ms": float(times.group(2))}
        rate = re.search(r"([\d.]+) GFLOP/s", proc.stdout)
        if rate:
            result["gflops"] = float(rate.group(1))
            peak = self.fma_peak(threads)
            if peak:
                result["peak_fraction"] = result["gflops"] / peak
        return result


class Table:
    """The results: printed row by row, failures as numbered footnotes."""

    def __init__(self, labels):
        self.rows, self.footnotes = [], []
        self.widths = [len(c) if c in ("batch", "threads") else max(len(c), len("failed [1]"))
                       for c in COLUMNS]
        self.widths[0] = max(map(len, labels))

    def cell(self, result, what, key="ms", fmt=None):
        """A number, "-" for no result, or "failed [n]" with the reason as
        footnote n."""
        if result is None:
            return "-"
        if "error" in result:
            note = f"{what}: {result['error']}"
            if note not in self.footnotes:
                self.footnotes.append(note)
            return f"failed [{self.footnotes.index(note) + 1}]"
        return (fmt or format_ms)(result[key])

    def print_header(self):
        print(self.format_row(COLUMNS))
        print(self.format_row(["-" * w for w in self.widths]), flush=True)

    def add(self, row):
        self.rows.append(row)
        print(self.format_row(row), flush=True)

    def format_row(self, row):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                         for i, (c, w) in enumerate(zip(row, self.widths)))

    def print_footnotes(self):
        for i, note in enumerate(self.footnotes, 1):
            print(f"[{i}] {note}")

    def markdown(self):
        lines = ["| " + " | ".join(COLUMNS) + " |",
                 "|" + "|".join("---" if i == 0 else "---:" for i in range(len(COLUMNS))) + "|"]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        lines += [""] + [f"[{i}] {note}  " for i, note in enumerate(self.footnotes, 1)]
        return "\n".join(lines)


def format_ms(ms):
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"


def ratio(peer, symc):
    if "error" in peer or "error" in symc:
        return "-"
    return f"{peer['ms'] / symc['ms']:.2f}"


def bench_model(runner, table, name, notes):
    """All rows of one model."""
    args = runner.args
    label = MODELS.get(name, name)
    meta = json.load(open(os.path.join(GOLDEN, name, "meta.json")))
    symbol = os.path.join(args.models_dir, name, meta["symbol"])
    cache = os.path.join(args.cache_dir, name)
    committed = COMMITTED_BATCH_ONLY.get(name)
    batches = [] if committed else args.batches
    prepared = runner.mxnet_worker(["prepare", "--model-dir", os.path.dirname(symbol),
                                    "--golden-dir", os.path.join(GOLDEN, name),
                                    "--out-dir", cache] +
                                   [f"--batch={b}" for b in batches])
    if "error" in prepared:
        failed = table.cell(prepared, f"{label}, weights and inputs")
        table.add([label, "-", "-", failed] + ["-"] * (len(COLUMNS) - 4))
        return
    runner.versions.update(prepared["versions"])
    runs = {str(b): prepared["inputs"][str(b)] for b in batches}
    if committed:
        batch, reason = committed
        runs[str(batch)] = {n: os.path.join(GOLDEN, name, f"input_{n}.npy")
                            for n in meta["inputs"]}
        notes.append(f"{label}: {reason}.")
    if name in MODEL_NOTES:
        notes.append(MODEL_NOTES[name])
    for batch, inputs in runs.items():
        bench_batch(runner, table, label, meta, symbol, prepared["params"],
                    os.path.join(cache, f"b{batch}"), batch, inputs)


def median_round(results):
    """The round with the median time of a runtime's rounds (the lower of
    the middle two), or the first error."""
    errors = [r for r in results if "error" in r]
    if errors:
        return errors[0]
    return sorted(results, key=lambda r: r["ms"])[(len(results) - 1) // 2]


def runs_for(args, ms):
    """Timed runs per measurement of a model that takes `ms` a run: at least
    --runs, and enough for --min-time seconds. Over a few milliseconds, one
    stall of a thread (the kernel still freeing the previous process's
    memory on the other core) weighed on the median: SqueezeNet at batch 1
    on two threads took 2.2 or 5.8 ms a run by the process, 5 runs each."""
    if not ms:
        return args.runs
    return max(args.runs, min(MAX_RUNS, math.ceil(args.min_time * 1000 / ms)))


def bench_batch(runner, table, label, meta, symbol, params, folder, batch, inputs):
    """The rows of one model at one batch size, one per thread count."""
    args = runner.args
    os.makedirs(folder, exist_ok=True)
    input_args = [f"--input={n}={p}" for n, p in inputs.items()]
    model_args = ["--symbol", symbol, "--params", params] + input_args
    onnx_file = os.path.join(folder, "model.onnx")
    exported = {}
    if not os.path.exists(onnx_file):
        exported = runner.mxnet_worker(["export", *model_args, "--output", onnx_file])
    for i, threads in enumerate(args.threads):
        first = i == 0
        # Rounds of symc, MXNet and onnxruntime in turn: each runtime's
        # median round, so that a slow spell of a shared machine weighs on
        # all three rather than on whichever ran in it.
        symcs, mxnets, orts = [], [], []
        runs = args.runs
        for r in range(args.rounds):
            save_now = first and r == 0
            if first or runner.symc_threads:
                symcs.append(runner.symc(symbol, params, inputs, folder, meta["outputs"],
                                         threads, runs))
                if r == 0:
                    runs = runs_for(args, symcs[0].get("ms"))
            timing_args = [f"--warmup={args.warmup}", f"--runs={runs}"]
            save = ["--save-outputs", os.path.join(folder, "mxnet")] if save_now else []
            mxnets.append(runner.mxnet_worker(["time", *model_args, *timing_args, *save],
                                              threads))
            if "error" in exported:
                orts.append({"error": f"ONNX export: {exported['error']}"})
            else:
                save = ["--save-outputs", os.path.join(folder, "ort")] if save_now else []
                orts.append(runner.worker(runner.ort, "ort_peer.py",
                                          ["--model", onnx_file, f"--threads={threads}",
                                           *input_args, *timing_args, *save], threads))
                if "version" in orts[-1]:
                    runner.versions["onnxruntime"] = orts[-1]["version"]
        if symcs:
            symc = median_round(symcs)
        mxnet, ort = median_round(mxnets), median_round(orts)
        if first:
            diffs = compare(runner, folder, meta, symc, mxnet, ort)
        table.add([label, str(batch), str(threads),
                   table.cell(symc, f"symc, {label}"),
                   table.cell(mxnet, f"MXNet, {label}"),
                   table.cell(ort, f"onnxruntime, {label}"),
                   ratio(mxnet, symc), ratio(ort, symc),
                   table.cell(symc, f"symc, {label}", "gflops", "{:.0f}".format)
                   if "gflops" in symc or "error" in symc else "-",
                   table.cell(symc, f"symc, {label}", "peak_fraction", "{:.0%}".format)
                   if "peak_fraction" in symc or "error" in symc else "-",
                   table.cell(symc, f"symc, {label}", "compile_ms", lambda ms: f"{ms:.0f}"),
                   table.cell(diffs["symc"], f"symc vs MXNet, {label}", "abs", "{:.1e}".format),
                   table.cell(diffs["symc"], f"symc vs MXNet, {label}", "rel", "{:.1e}".format),
                   table.cell(diffs["ort"], f"ORT vs MXNet, {label}", "rel", "{:.1e}".format)])


def compare(runner, folder, meta, symc, mxnet, ort):
    """{"symc": diff, "ort": diff} against MXNet's outputs, None where a
    runtime failed (its time says why)."""
    diffs = {"symc": None, "ort": None}
    ran = [name for name, result in (("symc", symc), ("ort", ort)) if "error" not in result]
    if ran and "error" not in mxnet:
        detection = [f"--detection={i}" for i in meta.get("detection_outputs", [])]
        result = runner.mxnet_worker(["compare", "--dir", folder,
                                      f"--outputs={meta['outputs']}", *detection, *ran])
        diffs.update((name, result.get(name, result)) for name in ran)
    return diffs


def skip_reason(args, name):
    """Why a model cannot run here, or None."""
    if not os.path.isdir(os.path.join(args.models_dir, name)):
        return f"not in {args.models_dir}"
    meta = os.path.join(GOLDEN, name, "meta.json")
    if not os.path.exists(meta) or "outputs" not in json.load(open(meta)):
        return f"no golden inputs in {os.path.relpath(GOLDEN, ROOT)}"
    return None


def symc_version(sym_run):
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    built = datetime.datetime.fromtimestamp(os.path.getmtime(sym_run))
    return f"git {commit}, {os.path.relpath(sym_run, ROOT)} built {built:%Y-%m-%d %H:%M}"


def peers(args):
    """The peer benchmark: the table on stdout and in args.output."""
    machine = machine_summary()
    print(f"CPU: {machine}", flush=True)
    runner = Runner(args)
    method = [
        "symc: sym-run --threads=T" if runner.symc_threads else
        "symc: single-threaded (sym-run has no --threads option): measured once per model "
        "and batch, repeated on each thread row",
        f"symc: median of {args.runs} runs after a warm-up (sym-run --repeat); "
        f"MXNet and onnxruntime: median of {args.runs} after {args.warmup} "
        f"warm-up runs; more runs where {args.runs} take less than {args.min_time} s "
        "(symc's first round sets the count for the row)"
        + (f"; each the median of {args.rounds} rounds of the three in turn"
           if args.rounds > 1 else ""),
        "ratios: peer time / symc time (> 1: symc is faster); symc diff: max |symc - MXNet| "
        "over the outputs; rel: max |diff| / max |MXNet output|",
    ]
    print("\n".join(method) + "\n")
    table, notes = Table([MODELS.get(name, name) for name in args.models]), []
    table.print_header()
    for name in args.models:
        reason = skip_reason(args, name)
        if reason:
            notes.append(f"{name}: {reason}, skipped.")
        else:
            bench_model(runner, table, name, notes)
    print()
    table.print_footnotes()
    for note in notes:
        print(note)
    facts = [f"CPU: {machine}", f"symc: {symc_version(args.sym_run)}",
             "peers: " + ", ".join(f"{k} {v}" for k, v in sorted(runner.versions.items()))]
    print("\n".join(facts[1:]))
    write_markdown(args.output, facts + method, table, notes)
    print(f"wrote {os.path.relpath(args.output)}")


def write_markdown(path, facts, table, notes):
    with open(path, "w") as f:
        f.write(f"# symc vs MXNet and onnxruntime on {socket.gethostname()}\n\n"
                f"{datetime.datetime.now():%Y-%m-%d %H:%M}: "
                f"`bench/run.sh {shlex.join(sys.argv[1:])}`\n\n")
        f.writelines(f"- {fact}\n" for fact in facts)
        f.write(f"\n{table.markdown()}\n")
        f.writelines(f"\n{note}\n" for note in notes)


def build_fma_peak(folder):
    """bench/fma_peak.c built for this machine (-march=native) in `folder`."""
    binary = os.path.join(folder, "fma_peak")
    subprocess.check_call(["cc", "-O2", "-march=native", "-ffp-contract=fast", "-fopenmp",
                           os.path.join(HERE, "fma_peak.c"), "-o", binary])
    return binary


def micro(args):
    """symc's matmul against OpenBLAS; the machine's triad bandwidth and FMA
    peak; single layers against MXNet (micro_layers)."""
    print(f"CPU: {machine_summary()}", flush=True)
    subprocess.check_call([sys.executable, os.path.join(HERE, "matmul_bench.py"),
                           "--sym-compile", args.sym_compile,
                           *map(str, (256, 300, 512, 777, 1024))])
    threads = args.threads or sorted({1, len(os.sched_getaffinity(0))})
    runner = Runner(args)
    bandwidth = {}
    with tempfile.TemporaryDirectory() as tmp:
        triad = os.path.join(tmp, "triad")
        subprocess.check_call(["cc", "-O3", "-march=native", "-fopenmp",
                               os.path.join(HERE, "triad.c"), "-o", triad])
        for t in threads:
            out = subprocess.run([triad], capture_output=True, text=True, check=True,
                                 env=dict(os.environ, OMP_NUM_THREADS=str(t))).stdout
            found = re.search(r"triad: ([\d.]+) GB/s", out)
            bandwidth[t] = float(found.group(1)) if found else None
            print(out.strip())
            print(f"fma peak: {runner.fma_peak(t)} GFLOP/s with {t} thread(s)", flush=True)
    micro_layers(runner, threads, bandwidth)


def micro_layers(runner, threads, bandwidth):
    """Single layers (bench/mxnet_peer.py's LAYERS) timed by symc and MXNet
    in the same run: the convolutions' GFLOP/s against the FMA peak, the
    elementwise chain's GB/s (the bytes it must move) against the triad's."""
    args = runner.args
    folder = os.path.join(args.cache_dir, "micro-layers")
    layers = runner.mxnet_worker(["layers", "--out-dir", folder])
    if "error" in layers:
        print(f"micro layers: {layers['error']}")
        return
    columns = ["layer", "threads", "symc ms", "MXNet ms", "MXNet/symc", "symc rate",
               "of peak", "symc rel"]
    print("\nsingle layers (rate: GFLOP/s of a convolution against the FMA peak, "
          "GB/s of the chain against the triad's)")
    print(" | ".join(columns))
    for name, layer in layers.items():
        out_dir = os.path.join(folder, name.replace(" ", "_").replace("/", "_"))
        os.makedirs(out_dir, exist_ok=True)
        model_args = ["--symbol", layer["symbol"], "--params", layer["params"]]
        model_args += [f"--input={n}={p}" for n, p in layer["inputs"].items()]
        for i, t in enumerate(threads):
            symc = runner.symc(layer["symbol"], layer["params"], layer["inputs"], out_dir,
                               1, t, args.runs)
            save = ["--save-outputs", os.path.join(out_dir, "mxnet")] if i == 0 else []
            mxnet = runner.mxnet_worker(["time", *model_args, f"--warmup={args.warmup}",
                                         f"--runs={args.runs}", *save], t)
            rate = peak = diff = "-"
            if "error" not in symc:
                if name.startswith("conv"):
                    gflops = layer["flops"] / (symc["ms"] * 1e6)
                    rate, limit = f"{gflops:.0f} GFLOP/s", runner.fma_peak(t)
                    peak = f"{gflops / limit:.0%}" if limit else "-"
                else:
                    gbs = layer["bytes"] / (symc["ms"] * 1e6)
                    rate, limit = f"{gbs:.1f} GB/s", bandwidth.get(t)
                    peak = f"{gbs / limit:.0%}" if limit else "-"
            if i == 0 and "error" not in symc and "error" not in mxnet:
                result = runner.mxnet_worker(["compare", "--dir", out_dir, "--outputs=1",
                                              "symc"])
                diff = result.get("symc", {}).get("rel")
                diff = "-" if diff is None else f"{diff:.1e}"
            cells = [name, str(t), format_ms(symc["ms"]) if "ms" in symc else symc["error"],
                     format_ms(mxnet["ms"]) if "ms" in mxnet else mxnet["error"],
                     ratio(mxnet, symc), rate, peak, diff]
            print(" | ".join(cells), flush=True)


def int_list(text):
    return [int(x) for x in text.split(",") if x]


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=lambda s: s.split(","),
                        help="comma-separated folders of ../shared/models (default: issue 9's "
                             f"{len(MODELS)})")
    parser.add_argument("--runs", type=int, help="timed runs per measurement (default 10)")
    parser.add_argument("--min-time", type=float, default=0.5,
                        help="seconds of timed runs per measurement at least (more runs "
                             "for fast models; default 0.5)")
    parser.add_argument("--warmup", type=int, default=3, help="peers' untimed runs first")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measure symc, MXNet and onnxruntime in turn this many times "
                             "and report each one's median round (default 1)")
    parser.add_argument("--threads-list", dest="threads", type=int_list,
                        help="default: 1 and the usable CPU count")
    parser.add_argument("--batches", type=int_list, help="default: 1,8")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: " + " and ".join(QUICK_MODELS) +
                             ", batch 1, 1 thread, 5 runs (each overridable)")
    parser.add_argument("--micro", action="store_true",
                        help="the matmul and memory-bandwidth micro-benchmarks instead")
    parser.add_argument("--models-dir", default=os.path.join(os.path.dirname(ROOT), "shared",
                                                             "models"))
    parser.add_argument("--cache-dir", default=os.path.join(HERE, "cache"),
                        help="filled weights, batched inputs, ONNX files and outputs; "
                             "delete it after changing a model")
    parser.add_argument("--sym-run", default=os.path.join(ROOT, "build", "bin", "sym-run"))
    parser.add_argument("--sym-compile",
                        default=os.path.join(ROOT, "build", "bin", "sym-compile"))
    parser.add_argument("--output", default=os.path.join(
        HERE, f"results-{socket.gethostname()}.md"), help="the markdown table")
    args = parser.parse_args()
    if args.micro:
        args.runs = args.runs or 20
        micro(args)
        return
    quick = args.quick
    args.models = args.models or (QUICK_MODELS if quick else list(MODELS))
    args.runs = args.runs or (5 if quick else 10)
    args.batches = args.batches or ([1] if quick else [1, 8])
    args.threads = args.threads or sorted({1} if quick else {1, len(os.sched_getaffinity(0))})
    peers(args)


if __name__ == "__main__":
    main()
