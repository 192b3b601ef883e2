"""What bench/mxnet_peer.py and bench/ort_peer.py share: timing, reading
the `NAME=file.npy` input arguments, and reporting a result as JSON.

A worker runs one measurement in its own process (thread settings come from
the environment, read once at import) and writes its result to the file
named by --result; a failure becomes {"error": "Type: message"} there, so
that the driver can put the reason in its table.
"""
import json
import statistics
import time
import traceback


def median_ms(step, warmup, runs):
    """Calls step() `warmup` times, then times `runs` calls; the median in ms."""
    for _ in range(warmup):
        step()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        step()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def load_inputs(np, specs):
    """{name: array} from a list of `NAME=file.npy` strings."""
    inputs = {}
    for spec in specs:
        name, _, path = spec.partition("=")
        inputs[name] = np.load(path)
    return inputs


def add_common_arguments(parser):
    parser.add_argument("--result", required=True, help="where to write the JSON result")


def report(action, args):
    """Runs action(args) and writes its dict, or the error it raised, to
    args.result. The error is the exception's type and first line: MXNet's
    messages continue with a C++ stack trace, printed to stderr."""
    try:
        result = action(args)
    except Exception as error:  # noqa: BLE001 -- every failure is a table entry
        traceback.print_exc()
        lines = str(error).strip().splitlines() or [""]
        result = {"error": f"{type(error).__name__}: {lines[0]}"[:400]}
    with open(args.result, "w") as f:
        json.dump(result, f)
