#!/usr/bin/env python3
"""Writes the malformed inputs of test/hostile/: one small file per class
of damage a downloaded model can have. Deterministic; the files are
committed, this script documents how each was made.

  test/hostile/make_files.py
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
LIST_MAGIC, V2_MAGIC = 0x112, 0xF993FAC9


def params(records, names):
    """An NDArray list: records are bytes; names are strings."""
    out = struct.pack("<QQQ", LIST_MAGIC, 0, len(records)) + b"".join(records)
    out += struct.pack("<Q", len(names))
    for n in names:
        out += struct.pack("<Q", len(n)) + n.encode()
    return out


def record(dims, type_flag=0, data=None, ndim=None):
    head = struct.pack("<Ii", V2_MAGIC, 0)
    head += struct.pack("<i", len(dims) if ndim is None else ndim)
    head += b"".join(struct.pack("<q", d) for d in dims)
    head += struct.pack("<iii", 1, 0, type_flag)
    if data is None:
        count = 1
        for d in dims:
            count *= max(d, 0)
        data = b"\0" * (4 * count)
    return head + data


def npy(header, data=b"", magic=b"\x93NUMPY", version=b"\x01\x00"):
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    return magic + version + struct.pack("<H", len(header)) + header.encode() + data


FILES = {
    # .params: the fc_basic golden case's weights are fc_weight (5, 10), fc_bias (5,).
    "wrong-magic.params": b"not an NDArray list at all" + b"\0" * 40,
    "truncated.params": params([record([5, 10])], ["arg:fc_weight"])[:120],
    "huge-ndim.params": params([record([1], ndim=1000)], ["arg:fc_weight"]),
    "dtype-code.params": params([record([5, 10], type_flag=99)], ["arg:fc_weight"]),
    "names-count.params": params([record([5])], ["arg:fc_bias", "arg:extra"]),
    "huge-dims.params": params([record([1 << 40, 1 << 40], data=b"")], ["arg:fc_weight"]),
    "negative-dim.params": params([record([-5], data=b"")], ["arg:fc_bias"]),
    # .npy: an input "data" of (3, 10) float32 is expected.
    "bad-magic.npy": b"NUMPY\x01\x00" + b"\0" * 60,
    "bad-header.npy": npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 10"),
    "fortran-order.npy": npy("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 10), }",
                             b"\0" * 120),
    "complex-dtype.npy": npy("{'descr': '<c8', 'fortran_order': False, 'shape': (3, 10), }",
                             b"\0" * 240),
    "truncated-data.npy": npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 10), }",
                              b"\0" * 100),
    "huge-shape.npy": npy("{'descr': '<f4', 'fortran_order': False, "
                          "'shape': (4294967296, 4294967296), }"),
}


def main():
    out = os.path.join(HERE, "files")
    os.makedirs(out, exist_ok=True)
    for name, data in FILES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
