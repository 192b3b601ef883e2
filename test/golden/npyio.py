"""Minimal .npy reading without numpy, so that the tests need only python3."""
import ast
import struct

_CODES = {"f2": "e", "f4": "f", "f8": "d", "i1": "b", "i2": "h", "i4": "i",
          "i8": "q", "u1": "B", "u2": "H", "u4": "I", "u8": "Q", "b1": "?"}


def load(path):
    """Returns (shape, flat list of values, descr)."""
    with open(path, "rb") as f:
        data = f.read()
    if not data.startswith(b"\x93NUMPY"):
        raise ValueError(f"{path}: not a .npy file")
    major = data[6]
    if major == 1:
        (hlen,), start = struct.unpack("<H", data[8:10]), 10
    else:
        (hlen,), start = struct.unpack("<I", data[8:12]), 12
    header = ast.literal_eval(data[start:start + hlen].decode("latin1"))
    descr, shape = header["descr"], tuple(header["shape"])
    if header["fortran_order"]:
        raise ValueError(f"{path}: Fortran order")
    code = _CODES[descr[1:]]
    count = 1
    for d in shape:
        count *= d
    body = data[start + hlen:]
    values = list(struct.unpack("<%d%s" % (count, code), body[:count * struct.calcsize(code)]))
    return shape, values, descr


def max_abs_diff(a, b):
    return max((abs(float(x) - float(y)) for x, y in zip(a, b)), default=0.0)
