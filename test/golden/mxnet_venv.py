"""Re-running a generator script inside the MXNet 1.9.1 virtualenv.

The venv is $SYMC_MXNET_VENV, else ~/.cache/symc/mxnet-venv, the one
test/golden/generate.py creates (mxnet==1.9.1 numpy==1.23.5).
"""
import os
import sys


def reexec_in_venv():
    """Replaces this process by the same script under the venv's python,
    unless it already runs there."""
    venv = os.environ.get("SYMC_MXNET_VENV",
                          os.path.join(os.path.expanduser("~"), ".cache", "symc", "mxnet-venv"))
    python = os.path.join(venv, "bin", "python")
    if os.path.realpath(sys.prefix) != os.path.realpath(venv):
        if not os.path.exists(python):
            sys.exit("no MXNet venv at %s: run test/golden/generate.py first" % venv)
        os.execv(python, [python] + sys.argv)
